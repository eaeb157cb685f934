/**
 * A GGUF v3 writer: metadata key/values, tensor infos and tensor data, streamed to disk so
 * multi-gigabyte benchmark models never sit in memory. Format: ggml's docs/gguf.md
 * (little-endian; strings are u64 length + UTF-8 bytes; tensor data aligned to
 * `general.alignment`, 32 by default).
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

/** GGUF metadata value types. */
const enum Kind {
  U8 = 0,
  I8 = 1,
  U16 = 2,
  I16 = 3,
  U32 = 4,
  I32 = 5,
  F32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
  U64 = 10,
  I64 = 11,
  F64 = 12,
}

/** ggml tensor types this writer produces. */
export const GgmlType = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 8 } as const;
export type GgmlTypeId = (typeof GgmlType)[keyof typeof GgmlType];

/** Bytes per block and elements per block of each type. */
export const TYPE_LAYOUT: Record<GgmlTypeId, { blockBytes: number; blockElements: number }> = {
  [GgmlType.F32]: { blockBytes: 4, blockElements: 1 },
  [GgmlType.F16]: { blockBytes: 2, blockElements: 1 },
  [GgmlType.Q4_0]: { blockBytes: 18, blockElements: 32 },
  [GgmlType.Q8_0]: { blockBytes: 34, blockElements: 32 },
};

export type MetaValue =
  | { kind: 'u32'; value: number }
  | { kind: 'i32'; value: number }
  | { kind: 'f32'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'string[]'; value: readonly string[] }
  | { kind: 'f32[]'; value: Float32Array | readonly number[] }
  | { kind: 'i32[]'; value: Int32Array | readonly number[] };

export interface TensorSpec {
  name: string;
  /** ggml order: `dims[0]` is the row length (contiguous). */
  dims: readonly number[];
  type: GgmlTypeId;
  /**
   * Writes the tensor's bytes: called with consecutive chunks of `rows` rows (a whole number of
   * rows each) and the index of the first row.
   */
  fill(out: Buffer, firstRow: number, rows: number): void;
}

export function tensorBytes(dims: readonly number[], type: GgmlTypeId): number {
  const layout = TYPE_LAYOUT[type];
  const rowElements = dims[0] ?? 1;
  if (rowElements % layout.blockElements !== 0) throw new Error(`row length ${rowElements} is not a multiple of ${layout.blockElements} for type ${type}`);
  const rows = dims.slice(1).reduce((a, b) => a * b, 1);
  return (rowElements / layout.blockElements) * layout.blockBytes * rows;
}

/** Growable little-endian byte buffer for the header. */
class ByteSink {
  private buf = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = Buffer.alloc(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  u32(v: number): void {
    this.reserve(4);
    this.buf.writeUInt32LE(v, this.length);
    this.length += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.buf.writeInt32LE(v, this.length);
    this.length += 4;
  }
  u64(v: number): void {
    this.reserve(8);
    this.buf.writeBigUInt64LE(BigInt(v), this.length);
    this.length += 8;
  }
  f32(v: number): void {
    this.reserve(4);
    this.buf.writeFloatLE(v, this.length);
    this.length += 4;
  }
  u8(v: number): void {
    this.reserve(1);
    this.buf.writeUInt8(v, this.length);
    this.length += 1;
  }
  string(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.reserve(bytes.length);
    bytes.copy(this.buf, this.length);
    this.length += bytes.length;
  }
  pad(alignment: number): void {
    const rem = this.length % alignment;
    if (rem !== 0) {
      this.reserve(alignment - rem);
      this.buf.fill(0, this.length, this.length + alignment - rem);
      this.length += alignment - rem;
    }
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

function writeValue(sink: ByteSink, v: MetaValue): void {
  switch (v.kind) {
    case 'u32':
      sink.u32(Kind.U32);
      sink.u32(v.value);
      return;
    case 'i32':
      sink.u32(Kind.I32);
      sink.i32(v.value);
      return;
    case 'f32':
      sink.u32(Kind.F32);
      sink.f32(v.value);
      return;
    case 'bool':
      sink.u32(Kind.BOOL);
      sink.u8(v.value ? 1 : 0);
      return;
    case 'string':
      sink.u32(Kind.STRING);
      sink.string(v.value);
      return;
    case 'string[]':
      sink.u32(Kind.ARRAY);
      sink.u32(Kind.STRING);
      sink.u64(v.value.length);
      for (const s of v.value) sink.string(s);
      return;
    case 'f32[]':
      sink.u32(Kind.ARRAY);
      sink.u32(Kind.F32);
      sink.u64(v.value.length);
      for (const x of v.value) sink.f32(x);
      return;
    case 'i32[]':
      sink.u32(Kind.ARRAY);
      sink.u32(Kind.I32);
      sink.u64(v.value.length);
      for (const x of v.value) sink.i32(x);
      return;
  }
}

const ALIGNMENT = 32;
/** Bytes written per `fill` call (a whole number of rows, at least one). */
const CHUNK_BYTES = 8 << 20;

/**
 * Writes a GGUF v3 file atomically (to a per-process `.partial` file, then renamed), so an interrupted
 * generation never leaves a truncated model that a later run would try to load.
 */
export function writeGguf(path: string, metadata: ReadonlyArray<readonly [string, MetaValue]>, tensors: readonly TensorSpec[]): number {
  const header = new ByteSink();
  header.u32(0x46554747); // "GGUF"
  header.u32(3);
  header.u64(tensors.length);
  header.u64(metadata.length);
  for (const [key, value] of metadata) {
    header.string(key);
    writeValue(header, value);
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const t of tensors) {
    header.string(t.name);
    header.u32(t.dims.length);
    for (const d of t.dims) header.u64(d);
    header.u32(t.type);
    header.u64(offset);
    offsets.push(offset);
    offset += tensorBytes(t.dims, t.type);
    offset = Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
  }
  header.pad(ALIGNMENT);

  const tmp = `${path}.${process.pid}.partial`;
  const fd = openSync(tmp, 'w');
  let written = 0;
  try {
    written += writeSync(fd, header.bytes());
    const zeros = Buffer.alloc(ALIGNMENT);
    tensors.forEach((t, i) => {
      const rowBytes = tensorBytes([t.dims[0] ?? 1], t.type);
      const totalRows = t.dims.slice(1).reduce((a, b) => a * b, 1);
      const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / rowBytes));
      const chunk = Buffer.alloc(Math.min(totalRows, rowsPerChunk) * rowBytes);
      for (let row = 0; row < totalRows; row += rowsPerChunk) {
        const rows = Math.min(rowsPerChunk, totalRows - row);
        const view = chunk.subarray(0, rows * rowBytes);
        t.fill(view, row, rows);
        written += writeSync(fd, view);
      }
      const end = (offsets[i] ?? 0) + tensorBytes(t.dims, t.type);
      const padded = Math.ceil(end / ALIGNMENT) * ALIGNMENT;
      if (padded > end) written += writeSync(fd, zeros, 0, padded - end);
    });
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return written;
}
