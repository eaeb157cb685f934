/**
 * Model facts from a GGUF header (pure), and the file check that runs before llama.cpp sees a
 * path (missing, a folder, empty, not a GGUF).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ModelError } from '../../../server/src/model/errors';
import { checkModelFile } from '../../../server/src/model/fileCheck';
import { type GgufHeader, modelFacts } from '../../../server/src/model/ggufFacts';

/** A MedGemma-27B-like header, nested by key path as node-llama-cpp's `readGgufFileInfo` returns it. */
function header(gemma3: Record<string, unknown>, general: Record<string, unknown> = {}, tensorInfo?: GgufHeader['tensorInfo']): GgufHeader {
  return {
    metadata: {
      general: { architecture: 'gemma3', name: 'medgemma-27b-text-it', file_type: 15, ...general },
      gemma3,
    },
    tensorInfo,
  };
}

const GEMMA3_27B = {
  context_length: 131072,
  embedding_length: 5376,
  block_count: 62,
  feed_forward_length: 21504,
  attention: { head_count: 32, head_count_kv: 16, key_length: 128, value_length: 128, sliding_window: 1024, sliding_window_pattern: 6 },
};

describe('modelFacts', () => {
  test('reads the nested gemma3.* attention keys', () => {
    const facts = modelFacts(header(GEMMA3_27B));
    assert.deepEqual(
      { ...facts },
      {
        architecture: 'gemma3',
        name: 'medgemma-27b-text-it',
        layers: 62,
        heads: 32,
        kvHeads: 16,
        keyLength: 128,
        valueLength: 128,
        slidingWindow: 1024,
        slidingWindowPattern: 6,
        trainContextSize: 131072,
        embeddingLength: 5376,
        parameters: 0,
        quantisation: 'Q4_K_M',
      },
    );
  });

  test('per-layer KV heads stay an array', () => {
    const facts = modelFacts(header({ ...GEMMA3_27B, attention: { ...GEMMA3_27B.attention, head_count_kv: [16, 8, 16] } }));
    assert.deepEqual(facts.kvHeads, [16, 8, 16]);
  });

  test('missing KV heads mean multi-head attention (one KV head per query head)', () => {
    const { head_count_kv: _kv, ...attention } = GEMMA3_27B.attention;
    assert.equal(modelFacts(header({ ...GEMMA3_27B, attention })).kvHeads, 32);
  });

  test('a gemma3 file without sliding_window_pattern uses llama.cpp\'s default of 6', () => {
    const { sliding_window_pattern: _p, ...attention } = GEMMA3_27B.attention;
    const facts = modelFacts(header({ ...GEMMA3_27B, attention }));
    assert.equal(facts.slidingWindowPattern, 6);
    assert.equal(facts.slidingWindow, 1024);
  });

  test('other architectures get no default pattern, and no window means no pattern', () => {
    const llama = modelFacts({ metadata: { general: { architecture: 'llama' }, llama: { block_count: 32, attention: { head_count: 32, sliding_window: 4096 } } } });
    assert.equal(llama.architecture, 'llama');
    assert.equal(llama.slidingWindowPattern, 0);
    const noWindow = modelFacts(header({ ...GEMMA3_27B, attention: { ...GEMMA3_27B.attention, sliding_window: 0 } }));
    assert.equal(noWindow.slidingWindowPattern, 0);
  });

  test('missing head dims are derived from the embedding (embedding / heads)', () => {
    const { key_length: _k, value_length: _v, ...attention } = GEMMA3_27B.attention;
    const facts = modelFacts(header({ ...GEMMA3_27B, attention }));
    // 5,376 / 32 = 168 (Gemma 3 27B really uses 128: the explicit keys matter).
    assert.equal(facts.keyLength, 168);
    assert.equal(facts.valueLength, 168);
  });

  test('quantisation names from general.file_type', () => {
    const q = (fileType: unknown): string => modelFacts(header(GEMMA3_27B, { file_type: fileType })).quantisation;
    assert.equal(q(15), 'Q4_K_M');
    assert.equal(q(7), 'Q8_0');
    assert.equal(q(2), 'Q4_0');
    assert.equal(q(1), 'F16');
    assert.equal(q(32), 'BF16');
    assert.equal(q(18), 'Q6_K');
    assert.equal(q(99), 'type 99');
    assert.equal(q(undefined), 'unknown');
    assert.equal(q('Q4_K_M'), 'unknown', 'only numbers are file types');
  });

  test('parameters are counted from the tensor shapes (bigint dims too)', () => {
    const facts = modelFacts(
      header(GEMMA3_27B, {}, [
        { name: 'token_embd.weight', dimensions: [5376, 262144] },
        { name: 'output_norm.weight', dimensions: [BigInt(5376)] },
      ]),
    );
    assert.equal(facts.parameters, 5376 * 262144 + 5376);
  });

  test('bigint metadata values are numbers in the facts', () => {
    const facts = modelFacts(header({ ...GEMMA3_27B, context_length: BigInt(131072), block_count: BigInt(62) }));
    assert.equal(facts.trainContextSize, 131072);
    assert.equal(facts.layers, 62);
  });

  test('an empty header does not throw: unknown architecture, zeros', () => {
    const facts = modelFacts({ metadata: {} });
    assert.equal(facts.architecture, 'unknown');
    assert.equal(facts.name, '');
    assert.equal(facts.layers, 0);
    assert.equal(facts.heads, 0);
    assert.equal(facts.keyLength, 0);
    assert.equal(facts.quantisation, 'unknown');
  });

  test('non-numeric values fall back instead of leaking into the arithmetic', () => {
    const facts = modelFacts(header({ ...GEMMA3_27B, block_count: 'sixty-two', attention: { ...GEMMA3_27B.attention, head_count: Number.NaN } }));
    assert.equal(facts.layers, 0);
    assert.equal(facts.heads, 0);
  });
});

describe('checkModelFile', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'medgemma-filecheck-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The ModelError `fn` throws. */
  function errorOf(fn: () => unknown): ModelError {
    try {
      fn();
    } catch (err) {
      assert.ok(err instanceof ModelError, `a ModelError, got ${String(err)}`);
      return err;
    }
    assert.fail('expected a ModelError');
  }

  test('a missing path: file-missing, naming the path and what to do', () => {
    const missing = path.join(dir, 'nope.gguf');
    const err = errorOf(() => checkModelFile(missing));
    assert.equal(err.code, 'file-missing');
    assert.match(err.message, /does not exist/);
    assert.ok(err.message.includes(missing));
    assert.match(err.hint ?? '', /medgemmaNotes\.model\.path|Select Model File/);
  });

  test('a directory: file-missing, "not a file"', () => {
    const folder = path.join(dir, 'folder.gguf');
    mkdirSync(folder);
    const err = errorOf(() => checkModelFile(folder));
    assert.equal(err.code, 'file-missing');
    assert.match(err.message, /not a file/);
  });

  test('an empty file: not-gguf, saying it is empty', () => {
    const empty = path.join(dir, 'empty.gguf');
    writeFileSync(empty, '');
    const err = errorOf(() => checkModelFile(empty));
    assert.equal(err.code, 'not-gguf');
    assert.match(err.reason ?? '', /empty/);
  });

  test('a text file: not-gguf, with its first bytes in the reason', () => {
    const text = path.join(dir, 'model.gguf');
    writeFileSync(text, 'hello, this is not a model');
    const err = errorOf(() => checkModelFile(text));
    assert.equal(err.code, 'not-gguf');
    // "hell" = 68 65 6c 6c
    assert.match(err.reason ?? '', /68 65 6c 6c/);
    assert.match(err.hint ?? '', /GGUF|gguf/);
  });

  test('a file shorter than the magic: not-gguf with the bytes it has', () => {
    const short = path.join(dir, 'short.gguf');
    writeFileSync(short, 'GG');
    const err = errorOf(() => checkModelFile(short));
    assert.equal(err.code, 'not-gguf');
    assert.match(err.reason ?? '', /47 47/);
  });

  test('a lower-case magic is not GGUF', () => {
    const lower = path.join(dir, 'lower.gguf');
    writeFileSync(lower, 'gguf\x03\x00\x00\x00');
    assert.equal(errorOf(() => checkModelFile(lower)).code, 'not-gguf');
  });

  test('a file with a plausible GGUF v3 header passes and its size is returned', () => {
    const ok = path.join(dir, 'ok.gguf');
    const header = Buffer.alloc(24);
    header.write('GGUF', 0, 'latin1');
    header.writeUInt32LE(3, 4);
    header.writeBigUInt64LE(1n, 8);
    header.writeBigUInt64LE(2n, 16);
    writeFileSync(ok, Buffer.concat([header, Buffer.alloc(40)]));
    assert.equal(checkModelFile(ok), 64);
  });

  test('a GGUF header cut short is damaged, not a hang in the reader', () => {
    const cut = path.join(dir, 'cut.gguf');
    writeFileSync(cut, Buffer.from('GGUF\x03\x00\x00\x00rest', 'latin1'));
    const err = errorOf(() => checkModelFile(cut));
    assert.equal(err.code, 'not-gguf');
    assert.match(err.message, /damaged or truncated/);
    assert.match(err.reason ?? '', /ends after 12 bytes/);
  });

  test('impossible header counts or versions are damaged', () => {
    const huge = path.join(dir, 'huge.gguf');
    const header = Buffer.alloc(64);
    header.write('GGUF', 0, 'latin1');
    header.writeUInt32LE(3, 4);
    header.writeBigUInt64LE(1n << 40n, 8);
    writeFileSync(huge, header);
    assert.match(errorOf(() => checkModelFile(huge)).reason ?? '', /claims 1099511627776 tensors/);
    header.writeUInt32LE(9, 4);
    writeFileSync(huge, header);
    assert.match(errorOf(() => checkModelFile(huge)).reason ?? '', /version 9/);
  });
});
