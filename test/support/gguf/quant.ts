/**
 * Deterministic weights for generated models: a seeded PRNG, float → f16, and ggml's Q8_0 / Q4_0
 * block quantisation (block of 32: an f16 scale, then int8 values / packed 4-bit values with
 * element j in the low nibble of byte j and element j + 16 in the high nibble).
 */

/** xorshift32: small, fast and deterministic across platforms. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  u32(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x;
  }
  /** Uniform in [-1, 1). */
  sym(): number {
    return this.u32() / 2147483648 - 1;
  }
  fillBytes(out: Buffer): void {
    const words = Math.floor(out.length / 4);
    for (let i = 0; i < words; i++) out.writeUInt32LE(this.u32(), i * 4);
    for (let i = words * 4; i < out.length; i++) out[i] = this.u32() & 0xff;
  }
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 binary16 bits of `v`, rounded to nearest even. */
export function toF16(v: number): number {
  f32[0] = v;
  const x = u32[0] ?? 0;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && (half & 1))) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (half & 1))) half++;
  e = half >>> 10;
  return sign | half;
}

/** Quantises `values` (a multiple of 32 long) into Q8_0 blocks at `out[offset…]`. */
export function quantizeQ8_0(values: Float32Array, out: Buffer, offset = 0): void {
  for (let b = 0; b < values.length / 32; b++) {
    let amax = 0;
    for (let j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(values[b * 32 + j] ?? 0));
    const d = amax / 127;
    const id = d > 0 ? 1 / d : 0;
    const at = offset + b * 34;
    out.writeUInt16LE(toF16(d), at);
    for (let j = 0; j < 32; j++) out.writeInt8(Math.round((values[b * 32 + j] ?? 0) * id), at + 2 + j);
  }
}

/** Quantises `values` (a multiple of 32 long) into Q4_0 blocks at `out[offset…]`. */
export function quantizeQ4_0(values: Float32Array, out: Buffer, offset = 0): void {
  for (let b = 0; b < values.length / 32; b++) {
    let max = 0;
    for (let j = 0; j < 32; j++) {
      const v = values[b * 32 + j] ?? 0;
      if (Math.abs(v) > Math.abs(max)) max = v;
    }
    const d = max / -8;
    const id = d !== 0 ? 1 / d : 0;
    const at = offset + b * 18;
    out.writeUInt16LE(toF16(d), at);
    for (let j = 0; j < 16; j++) {
      const lo = Math.min(15, Math.trunc((values[b * 32 + j] ?? 0) * id + 8.5));
      const hi = Math.min(15, Math.trunc((values[b * 32 + 16 + j] ?? 0) * id + 8.5));
      out[at + 2 + j] = lo | (hi << 4);
    }
  }
}

/**
 * Fills quantised blocks with random values directly (no floats), for multi-gigabyte
 * shape-faithful models: random quants under one scale chosen so the weights have standard
 * deviation `std`.
 */
export function fillRandomBlocks(out: Buffer, type: 'Q8_0' | 'Q4_0', std: number, rng: Rng): void {
  rng.fillBytes(out);
  const blockBytes = type === 'Q8_0' ? 34 : 18;
  // Uniform int8 has sd ≈ 73.9; uniform 4-bit (q − 8) has sd ≈ 4.61.
  const scale = toF16(type === 'Q8_0' ? std / 73.9 : std / 4.61);
  for (let at = 0; at + blockBytes <= out.length; at += blockBytes) out.writeUInt16LE(scale, at);
}
