import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kvComparison, refreshKey, statusDocument, statusHeadline } from '../../../client/src/model/statusDocument';
import { info27b, running, stats } from './modelFixtures';

const ctx = { configuredPath: '', downloadDirectory: '/home/clinician/.vscode/globalStorage/medgemma-notes/models' };

function lines(doc: string): string[] {
  return doc.split('\n');
}

describe('model status document', () => {
  test('ready: the first lines name the state and the file; every figure follows', () => {
    const tiny = { ...info27b, path: '/cache/tiny-gemma3.gguf', name: 'tiny-gemma3.gguf' };
    const doc = statusDocument(running({ state: 'ready', info: tiny, stats }), ctx);
    const [first, , second, third] = lines(doc);
    assert.equal(first, '# Model status: ready');
    assert.equal(second, 'Model file: tiny-gemma3.gguf');
    assert.equal(third, 'Path: /cache/tiny-gemma3.gguf');
    assert.match(doc, /loaded and ready/);
    for (const expected of [
      '- Architecture: gemma3',
      '- Parameters: 27.0 B',
      '- Quantisation: Q4_K_M',
      '- File size: 16.5 GB',
      '- Layers: 62',
      '- Attention heads: 32 query, 16 KV (GQA group 2: 2 query heads share each KV head)',
      '- Head dimension: 128',
      '- Sliding window: 1,024 tokens; every 6th layer is global (pattern 6)',
      '- Training context: 131,072 tokens',
      '- Context size: 8,192 tokens (6.3% of the 128K it was trained on)',
      '- SWA full cache: on',
      '- KV cache: 2.0 GiB planned, 2.0 GiB by llama.cpp (plan −2.4%)',
      '- Backend: cuda',
      '- GPU layers: 62 of 62',
      '- Threads: 8',
      '- Sequences (notes with their own KV cache): 2',
      '- Requests: 12 (3 cancelled)',
      '- Generation speed: 21.4 tokens/s',
      '- Prompt tokens: 20,000 (95.0% reused)',
      '- Reused from the KV cache: 19,000',
      '- Re-evaluated: 1,000',
      '- Generated: 480',
    ]) {
      assert.ok(doc.includes(expected), `missing: ${expected}\n${doc}`);
    }
  });

  test('error: the message, llama.cpp\'s reason in a block, and the hint; the file from the settings', () => {
    const doc = statusDocument(running({
      state: 'error',
      error: { message: 'Model file not found at /m/x.gguf', reason: 'llama_model_load: error loading model\nfailed to open', hint: 'Run "Download Model…" or set medgemmaNotes.model.path.' },
    }), { ...ctx, configuredPath: '/m/x.gguf' });
    assert.equal(lines(doc)[0], '# Model status: error');
    assert.equal(lines(doc)[2], 'Model file: x.gguf');
    assert.match(doc, /## Error\n\nModel file not found at \/m\/x\.gguf/);
    assert.match(doc, /```text\nllama_model_load: error loading model\nfailed to open\n```/);
    assert.match(doc, /What to do: Run "Download Model…"/);
    assert.doesNotMatch(doc, /## Model\n/);
  });

  test('no model: what to do, the download size and where it goes', () => {
    const doc = statusDocument(running({ state: 'none' }), ctx);
    assert.equal(lines(doc)[0], '# Model status: no model');
    assert.doesNotMatch(doc, /Model file:/);
    assert.match(doc, /medgemmaNotes\.model\.path` is empty/);
    assert.match(doc, /about 16\.5 GB, into \/home\/clinician\/\.vscode\/globalStorage\/medgemma-notes\/models/);
  });

  test('server not running yet: a polite explanation instead of figures', () => {
    const stopped = statusDocument(running(undefined, { server: 'stopped' }), { ...ctx, configuredPath: 'hf:unsloth/medgemma-27b-text-it-GGUF:Q4_K_M' });
    assert.equal(lines(stopped)[0], '# Model status: server not running');
    assert.equal(lines(stopped)[2], 'Model file: hf:unsloth/medgemma-27b-text-it-GGUF:Q4_K_M');
    assert.match(stopped, /Restart Language Server/);
    const starting = statusDocument(running(undefined, { server: 'starting' }), ctx);
    assert.equal(lines(starting)[0], '# Model status: server starting');
    assert.match(starting, /still starting/);
  });

  test('restricted mode explains why nothing is loaded', () => {
    const doc = statusDocument(running({ state: 'none' }, { trusted: false }), ctx);
    assert.equal(lines(doc)[0], '# Model status: restricted');
    assert.match(doc, /not trusted \(Restricted Mode\)/);
    assert.match(doc, /rules, scores and triage still run/);
  });

  test('headlines for progress and busy states', () => {
    assert.equal(statusHeadline(running({ state: 'downloading', progress: 0.5 })), 'downloading 50%');
    assert.equal(statusHeadline(running({ state: 'loading' })), 'loading');
    assert.match(statusDocument(running({ state: 'ready', info: info27b }, { busy: 'completion' }), ctx), /loaded and computing a completion/);
  });

  test('figures the server could not give read "unknown", and a model without SWA says so', () => {
    const odd = { ...info27b, parameters: Number.NaN, slidingWindow: 0, kvBytesActual: 0, trainContextSize: 0 };
    const doc = statusDocument(running({ state: 'ready', info: odd }), ctx);
    assert.match(doc, /- Parameters: unknown/);
    assert.match(doc, /- Sliding window: none/);
    assert.match(doc, /llama\.cpp has not reported its size/);
    assert.match(doc, /- Context size: 8,192 tokens\n/);
    assert.doesNotMatch(doc, /NaN/);
  });
});

describe('kvComparison', () => {
  test('the plan against llama.cpp, signed', () => {
    assert.equal(kvComparison(1.1 * 1024 ** 3, 1024 ** 3), '1.1 GiB planned, 1.0 GiB by llama.cpp (plan +10.0%)');
    assert.equal(kvComparison(0, 1024 ** 2), '0 B planned, 1.0 MiB by llama.cpp');
    assert.equal(kvComparison(Number.NaN, Number.NaN), 'unknown planned; llama.cpp has not reported its size');
  });
});

describe('refreshKey', () => {
  test('changes with the state, whole percent, busy and errors, not with sub-percent progress', () => {
    const a = running({ state: 'downloading', progress: 0.421 });
    assert.equal(refreshKey(a), refreshKey(running({ state: 'downloading', progress: 0.429 })));
    assert.notEqual(refreshKey(a), refreshKey(running({ state: 'downloading', progress: 0.43 })));
    assert.notEqual(refreshKey(running({ state: 'ready', info: info27b })), refreshKey(running({ state: 'ready', info: info27b }, { busy: 'completion' })));
    assert.notEqual(refreshKey(running({ state: 'none' })), refreshKey(running({ state: 'none' }, { trusted: false })));
    assert.notEqual(refreshKey(running({ state: 'error', error: { message: 'a' } })), refreshKey(running({ state: 'error', error: { message: 'b' } })));
  });
});
