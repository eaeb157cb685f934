/**
 * Exact KV-cache reuse on a real Gemma 3 GGUF (the tiny generated model, real vocabulary,
 * GQA 4/2, sliding window 64, pattern 6) loaded by node-llama-cpp: after an edit the tokens
 * re-evaluated are exactly those after the first difference (+1 for the logits), and the
 * next-token distribution equals a fresh evaluation's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LlamaTextModel } from '../../server/src/model/llamaTextModel';
import { commonPrefixLength } from '../../server/src/model/reusePlan';
import { tinyModelPath } from '../support/models';
import { loadTinyModel, testBackend } from '../support/testModel';

/** A realistic note of about 1,400 Gemma 3 tokens (the project's ED triage example). */
const NOTE = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'ed-triage-sepsis.cnote'), 'utf8');

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  assert.equal(a.length, b.length, 'same vocabulary size');
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}

function argmax(a: Float64Array): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if ((a[i] ?? 0) > (a[best] ?? 0)) best = i;
  return best;
}

/**
 * Inserts `insert` into the text where token `tokenIndex` starts (or the nearest earlier token
 * that starts on a character boundary: byte-fallback tokens can split a character).
 */
function editAtToken(model: LlamaTextModel, text: string, tokenIndex: number, insert: string): string {
  const tokens = model.tokenize(text);
  for (let i = tokenIndex; i > 0; i--) {
    const prefix = model.detokenize(tokens.slice(0, i));
    if (text.startsWith(prefix)) return text.slice(0, prefix.length) + insert + text.slice(prefix.length);
  }
  throw new Error('no token boundary found');
}

interface Case {
  name: string;
  /** Tokens from the end of the note where the edit goes. */
  fromEnd: (n: number) => number;
  /** What the guarded reduced-SWA cache must do there. */
  reduced: 'prefix' | 'swa-window';
}

function reuseSuite(label: string, options: { swaFullCache: boolean; batchSize: number }, cases: Case[]): void {
  describe(label, () => {
    let model: LlamaTextModel;
    before(async () => {
      model = await loadTinyModel({ swaFullCache: options.swaFullCache, batchSize: options.batchSize, contextSize: 4096 });
    });
    after(async () => {
      await model.dispose();
    });

    for (const c of cases) {
      test(`edit ${c.name}: re-evaluates only the tail, same distribution as a fresh evaluation`, async () => {
        const original = [model.bos, ...model.tokenize(NOTE)];
        const n = original.length;
        assert.ok(n > 1200, `note has ${n} tokens`);
        const edited = editAtToken(model, NOTE, n - 1 - c.fromEnd(n), ' (reviewed again today)');
        const editedTokens = [model.bos, ...model.tokenize(edited)];

        const first = await model.nextToken('doc', { tokens: original }, { reuse: false });
        assert.equal(first.usage.reevaluatedTokens, n, 'a fresh request evaluates the whole note');

        const d = commonPrefixLength(original, editedTokens);
        const expected = editedTokens.length - Math.min(d, editedTokens.length - 1);
        const reused = await model.nextToken('doc', { tokens: editedTokens });
        const fresh = await model.nextToken('fresh', { tokens: editedTokens }, { reuse: false });
        assert.equal(fresh.usage.reevaluatedTokens, editedTokens.length);

        if (reused.usage.reuse === 'prefix') {
          assert.equal(reused.usage.reevaluatedTokens, expected, `tokens after the first difference (+1): d=${d}`);
          assert.equal(reused.usage.reusedTokens, editedTokens.length - expected);
        } else {
          // Only a reduced sliding-window cache may refuse reuse, and only when the window is gone.
          assert.equal(options.swaFullCache, false, `full cache must always reuse (got ${reused.usage.reuse})`);
          assert.equal(reused.usage.reuse, 'swa-window');
          assert.equal(reused.usage.reevaluatedTokens, editedTokens.length);
        }
        assert.equal(reused.usage.reuse, options.swaFullCache ? 'prefix' : c.reduced);
        const diff = maxAbsDiff(reused.probabilities, fresh.probabilities);
        assert.ok(diff <= 1e-3, `max |p_reuse − p_fresh| = ${diff}`);
        assert.equal(argmax(reused.probabilities), argmax(fresh.probabilities));

        // The comparison can fail: the distribution before the edit is measurably different.
        const control = maxAbsDiff(first.probabilities, fresh.probabilities);
        if (c.fromEnd(n) < 64) assert.ok(control > 1e-2, `an edit inside the window changes the distribution (${control})`);
      });
    }
  });
}

const CASES: Case[] = [
  { name: 'near the end (3 tokens)', fromEnd: () => 3, reduced: 'prefix' },
  { name: 'at 40 tokens, inside the window', fromEnd: () => 40, reduced: 'prefix' },
  { name: 'mid-note', fromEnd: (n) => Math.floor(n / 2), reduced: 'swa-window' },
  { name: 'in the reduced-SWA danger band (cells − window … cells)', fromEnd: () => 256 - 20, reduced: 'swa-window' },
  { name: 'before the window (near the start)', fromEnd: (n) => n - 20, reduced: 'swa-window' },
];

reuseSuite('full SWA cache (the default)', { swaFullCache: true, batchSize: 64 }, CASES);
// Batch 64 keeps PAD(64 + 64 + 1, 256) = 256 SWA cells, so the danger band is 192–256 tokens from the end.
reuseSuite('reduced SWA cache, guarded', { swaFullCache: false, batchSize: 64 }, CASES);

describe('why the guard exists', () => {
  test('node-llama-cpp 3.21.1 alone reuses a partial sliding window in the danger band, and the distribution drifts', async () => {
    const { llama } = await testBackend();
    const model = await llama.loadModel({ modelPath: tinyModelPath(), gpuLayers: 0 });
    const context = await model.createContext({ contextSize: 4096, sequences: 1, threads: 1, batchSize: 64, swaFullCache: false });
    try {
      const seq = context.getSequence();
      const original = [model.tokens.bos!, ...model.tokenize(NOTE)];
      const n = original.length;
      const d = n - 1 - (256 - 20);
      const edited = [...original.slice(0, d), ...model.tokenize(' (reviewed again today)'), ...original.slice(d)];
      const probs = async (tokens: typeof original): Promise<Float64Array> => {
        const [out] = await seq.controlledEvaluate([[tokens[tokens.length - 1]!, { generateNext: { probabilities: true } }]]);
        const p = new Float64Array(262145);
        for (const [t, v] of out?.next?.probabilities ?? []) p[t] = v;
        return p;
      };
      await seq.evaluateWithoutGeneratingNewTokens(original);
      await seq.eraseContextTokenRanges([{ start: d, end: seq.nextTokenIndex }]);
      const kept = seq.nextTokenIndex;
      await seq.evaluateWithoutGeneratingNewTokens(edited.slice(kept, -1));
      const naive = await probs(edited);
      await seq.clearHistory();
      await seq.evaluateWithoutGeneratingNewTokens(edited.slice(0, -1));
      const fresh = await probs(edited);
      assert.ok(kept > 0, 'node-llama-cpp kept a prefix');
      let tvd = 0;
      for (let i = 0; i < naive.length; i++) tvd += Math.abs((naive[i] ?? 0) - (fresh[i] ?? 0)) / 2;
      assert.ok(tvd > 1e-3, `total-variation distance ${tvd}: if this fails, node-llama-cpp now guards SWA reuse itself`);
    } finally {
      await context.dispose();
      await model.dispose();
    }
  });
});
