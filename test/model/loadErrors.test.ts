/**
 * What users see when a model file is wrong, through the product's own loader and a real
 * llama.cpp: missing, not a GGUF, a damaged GGUF, another architecture, and a Gemma 3 file that
 * llama.cpp refuses (its own explanation must come through, not just "Failed to load model").
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { silentLogger } from '../../server/src/logger';
import { ModelError, type ModelErrorCode } from '../../server/src/model/errors';
import { modelFacts } from '../../server/src/model/ggufFacts';
import { nodeLlamaCpp } from '../../server/src/model/llamaBackend';
import { loadTextModel } from '../../server/src/model/llamaTextModel';
import { generateGemma3, TINY_GEMMA3 } from '../support/gguf/gemma3Model';
import { writeGguf } from '../support/gguf/writer';
import { tinyModelPath } from '../support/models';
import { testBackend } from '../support/testModel';

/** Loads `file` as the product would and returns the ModelError it fails with. */
async function loadError(file: string): Promise<ModelError> {
  try {
    const model = await loadTextModel(await testBackend(), { path: file, gpuLayers: 0, contextSize: 512, threads: 1, swaFullCache: true, sequences: 1, logger: silentLogger });
    await model.dispose();
  } catch (err) {
    assert.ok(err instanceof ModelError, `a ModelError, got ${err instanceof Error ? err.name : typeof err}`);
    return err;
  }
  assert.fail(`${path.basename(file)} loaded`);
}

function assertCode(err: ModelError, code: ModelErrorCode): void {
  assert.equal(err.code, code, `${err.message}\n${err.reason ?? ''}`);
  assert.ok(err.hint && err.hint.length > 0, 'every load error says what to do');
}

describe('model load errors', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'medgemma-load-errors-'));
    await testBackend();
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a missing file: file-missing', async () => {
    const err = await loadError(path.join(dir, 'absent.gguf'));
    assertCode(err, 'file-missing');
  });

  test('a text file: not-gguf, naming its first bytes', async () => {
    const file = path.join(dir, 'notes.gguf');
    writeFileSync(file, 'Patient seen today.\n');
    const err = await loadError(file);
    assertCode(err, 'not-gguf');
    // "Pati" = 50 61 74 69
    assert.match(err.reason ?? '', /50 61 74 69/);
  });

  test('the GGUF magic followed by garbage: not-gguf (the header cannot be read)', async () => {
    const bytes = Buffer.alloc(4096);
    let s = 12345;
    for (let i = 0; i < bytes.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      bytes[i] = s >>> 24;
    }
    bytes.write('GGUF', 0, 'latin1');
    bytes.writeUInt32LE(3, 4);
    const file = path.join(dir, 'garbage.gguf');
    writeFileSync(file, bytes);
    const err = await loadError(file);
    assertCode(err, 'not-gguf');
    assert.match(err.message, /could not be read|damaged or truncated/);
    assert.ok((err.reason ?? '').length > 0, 'the parser\'s complaint is the reason');
  });

  test('a valid GGUF of another architecture (llama): unsupported-architecture', async () => {
    const file = path.join(dir, 'llama.gguf');
    writeGguf(
      file,
      [
        ['general.architecture', { kind: 'string', value: 'llama' }],
        ['general.name', { kind: 'string', value: 'not gemma' }],
        ['llama.block_count', { kind: 'u32', value: 2 }],
        ['llama.embedding_length', { kind: 'u32', value: 64 }],
        ['llama.attention.head_count', { kind: 'u32', value: 2 }],
      ],
      [],
    );
    const err = await loadError(file);
    assertCode(err, 'unsupported-architecture');
    assert.match(err.message, /"llama"/);
    assert.match(err.reason ?? '', /general\.architecture = llama/);
  });

  test('a Gemma 3 file missing a tensor: load-failed, with llama.cpp\'s own explanation', async () => {
    const file = path.join(dir, 'no-ffn-down.gguf');
    generateGemma3(file, TINY_GEMMA3, { weights: 'Q8_0', embedding: 'Q8_0', seed: 7, fill: 'random-blocks', omitTensors: ['blk.0.ffn_down.weight'] });
    const err = await loadError(file);
    assertCode(err, 'load-failed');
    assert.match(err.reason ?? '', /blk\.0\.ffn_down\.weight/, `reason: ${err.reason ?? '(none)'}`);
    assert.match(err.reason ?? '', /not found|missing/);
  });

  test('a truncated download of a good model: refused with a reason, never loaded', async () => {
    const source = tinyModelPath();
    const half = Buffer.alloc(12 << 20);
    const fd = openSync(source, 'r');
    try {
      readSync(fd, half, 0, half.length, 0);
    } finally {
      closeSync(fd);
    }
    const file = path.join(dir, 'partial.gguf');
    writeFileSync(file, half);
    const err = await loadError(file);
    assert.ok(err.code === 'load-failed' || err.code === 'not-gguf', `code ${err.code}`);
    assert.ok((err.reason ?? '').length > 0, 'a reason is given');
    assert.ok(err.hint && /download/i.test(err.hint), `the hint suggests downloading again: ${err.hint ?? ''}`);
  });
});

describe('facts from the generated file', () => {
  test('modelFacts on node-llama-cpp\'s parse of the tiny model gives its shape', async () => {
    const nlc = await nodeLlamaCpp();
    const info = await nlc.readGgufFileInfo(tinyModelPath(), { readTensorInfo: true, logWarnings: false });
    const facts = modelFacts(info as unknown as Parameters<typeof modelFacts>[0]);
    assert.equal(facts.architecture, 'gemma3');
    assert.equal(facts.layers, TINY_GEMMA3.layers);
    assert.equal(facts.heads, TINY_GEMMA3.heads);
    assert.equal(facts.kvHeads, TINY_GEMMA3.kvHeads);
    assert.equal(facts.keyLength, TINY_GEMMA3.headDim);
    assert.equal(facts.slidingWindow, TINY_GEMMA3.slidingWindow);
    assert.equal(facts.slidingWindowPattern, TINY_GEMMA3.slidingWindowPattern);
    assert.equal(facts.trainContextSize, TINY_GEMMA3.contextLength);
    assert.equal(facts.quantisation, 'Q8_0');
    // The embedding (262,145 tokens: the vocabulary's 262,144 pieces and one added token, × 128),
    // the output norm, and per layer q (e × 4h), k and v (e × 2h each), o (4h × e), gate, up and
    // down (e × ffn each), four norms of e and the q/k norms of h.
    const e = TINY_GEMMA3.embedding;
    const h = TINY_GEMMA3.headDim;
    const perLayer = e * 4 * h + 2 * (e * 2 * h) + 4 * h * e + 3 * e * TINY_GEMMA3.ffn + 4 * e + 2 * h;
    assert.equal(facts.parameters, 262145 * e + e + TINY_GEMMA3.layers * perLayer);
  });
});
