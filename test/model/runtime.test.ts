/**
 * The model runtime on a real Gemma 3 GGUF (the tiny generated model, one thread): generation
 * limits, stop strings and streaming, determinism, cancellation and latest-request-wins, priority
 * between documents, LRU sequences, the context limit, JSON-schema output, and dispose.
 * (Exact KV reuse after edits is proven in kvReuse.test.ts.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ModelError } from '../../server/src/model/errors';
import type { LlamaTextModel } from '../../server/src/model/llamaTextModel';
import type { Generation } from '../../server/src/model/types';
import { loadTinyModel } from '../support/testModel';

const NOTE = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'clinic-visit-diabetes.cnote'), 'utf8');
const PROMPT = `${NOTE.slice(0, 600)}\n## Assessment\n`;
const CONTEXT = 1024;

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  assert.equal(a.length, b.length, 'same vocabulary size');
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}

/** A promise resolved by the first call of `onText`, and that callback. */
function firstText(): { seen: Promise<void>; onText: () => void } {
  let resolve!: () => void;
  const seen = new Promise<void>((r) => (resolve = r));
  return { seen, onText: () => resolve() };
}

/** Asserts the usage figures agree with each other and with the prompt. */
function assertUsage(g: Generation, promptTokens: number): void {
  const u = g.usage;
  assert.equal(u.promptTokens, promptTokens);
  assert.equal(u.reusedTokens + u.reevaluatedTokens, u.promptTokens, 'prompt = reused + re-evaluated');
  assert.ok(u.reevaluatedTokens >= 1, 'the last prompt token is always evaluated');
  assert.ok(u.totalMs >= u.promptMs && u.promptMs >= 0 && u.waitMs >= 0);
}

describe('model runtime (tiny Gemma 3, 1 thread)', () => {
  let model: LlamaTextModel;
  let promptLength: number;

  before(async () => {
    model = await loadTinyModel({ contextSize: CONTEXT, sequences: 2, swaFullCache: true, threads: 1 });
    promptLength = 1 + model.tokenize(PROMPT).length;
  });
  after(async () => {
    await model?.dispose();
  });

  describe('generate', () => {
    test('returns at most maxTokens tokens; onText pieces concatenate to the text; usage adds up', async () => {
      const pieces: string[] = [];
      const g = await model.generate('gen', PROMPT, { maxTokens: 12, onText: (t) => pieces.push(t) });
      assert.ok(g.usage.generatedTokens <= 12);
      if (g.stopReason === 'max-tokens') assert.equal(g.usage.generatedTokens, 12);
      else assert.equal(g.stopReason, 'eos');
      assert.ok(g.text.length > 0);
      assert.equal(pieces.join(''), g.text);
      assertUsage(g, promptLength);
      // The first request of the file: a new sequence, nothing to reuse.
      assert.deepEqual([g.usage.reuse, g.usage.reusedTokens, g.usage.reevaluatedTokens], ['empty', 0, promptLength]);
    });

    test('temperature 0 is deterministic, and a repeated prompt reuses all but its last token', async () => {
      const a = await model.generate('det', PROMPT, { maxTokens: 24 });
      const b = await model.generate('det', PROMPT, { maxTokens: 24 });
      assert.equal(b.text, a.text);
      assert.equal(b.usage.reusedTokens, promptLength - 1);
      assert.equal(b.usage.reevaluatedTokens, 1);
      assertUsage(b, promptLength);
      // A fresh evaluation (no reuse) agrees too.
      const c = await model.generate('det', PROMPT, { maxTokens: 24, reuse: false });
      assert.equal(c.text, a.text);
      assert.equal(c.usage.reevaluatedTokens, promptLength);
    });

    test('a stop string ends the text just before it, and is never streamed', async () => {
      const free = await model.generate('stop', PROMPT, { maxTokens: 40 });
      // A 4-character stop string from the second half of the greedy output whose first
      // occurrence is not at the start (so the cut text is not empty).
      let stop: string | undefined;
      for (let i = Math.floor(free.text.length / 2); i + 4 <= free.text.length && stop === undefined; i++) {
        const candidate = free.text.slice(i, i + 4);
        if (candidate.trim().length > 0 && free.text.indexOf(candidate) > 0) stop = candidate;
      }
      assert.ok(stop !== undefined, `a stop string can be picked from ${JSON.stringify(free.text)}`);
      const expected = free.text.slice(0, free.text.indexOf(stop));
      const pieces: string[] = [];
      const cut = await model.generate('stop', PROMPT, { maxTokens: 40, stop: ['\u0000never', stop], onText: (t) => pieces.push(t) });
      assert.equal(cut.stopReason, 'stop');
      assert.equal(cut.text, expected);
      assert.equal(pieces.join(''), cut.text);
      assert.ok(!pieces.join('').includes(stop));
      assert.ok(cut.usage.generatedTokens < free.usage.generatedTokens || free.stopReason !== 'max-tokens');
    });

    test('maxTokens 0 evaluates the prompt and generates nothing', async () => {
      const g = await model.generate('zero', PROMPT, { maxTokens: 0 });
      assert.equal(g.text, '');
      assert.equal(g.usage.generatedTokens, 0);
      assertUsage(g, promptLength);
    });

    test('JSON schema: the output parses and matches the schema, and generation ends with the JSON', async () => {
      const schema = { type: 'object', properties: { severity: { enum: ['low', 'high'] } }, required: ['severity'] };
      const g = await model.generate('json', `${PROMPT}Severity as JSON: `, { maxTokens: 80, jsonSchema: schema });
      const value = JSON.parse(g.text) as unknown;
      assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `an object: ${g.text}`);
      assert.ok(['low', 'high'].includes((value as { severity?: unknown }).severity as string), `severity in the enum: ${g.text}`);
      assert.deepEqual(Object.keys(value), ['severity']);
      assert.notEqual(g.stopReason, 'max-tokens', 'generation stops when the JSON value is complete');
      assert.ok(g.usage.generatedTokens < 80);
      assert.equal(g.text, g.text.trim());
    });
  });

  describe('cancellation', () => {
    test('aborting after the first text stops generation: "aborted", few tokens', async () => {
      const controller = new AbortController();
      const before = model.stats().cancelled;
      const g = await model.generate('cancel', PROMPT, { maxTokens: 200, signal: controller.signal, onText: () => controller.abort() });
      assert.equal(g.stopReason, 'aborted');
      assert.ok(g.usage.generatedTokens >= 1 && g.usage.generatedTokens < 200, `${g.usage.generatedTokens} tokens`);
      assert.equal(model.stats().cancelled, before + 1);
    });

    test('an already-aborted signal: "aborted" with nothing generated', async () => {
      const g = await model.generate('cancel', PROMPT, { maxTokens: 50, signal: AbortSignal.abort() });
      assert.equal(g.stopReason, 'aborted');
      assert.equal(g.text, '');
      assert.equal(g.usage.generatedTokens, 0);
      await assert.rejects(model.nextToken('cancel', PROMPT, { signal: AbortSignal.abort() }), { name: 'AbortedError' });
    });

    test('a newer request for the same key aborts the older; another key is left alone', async () => {
      const started = firstText();
      const older = model.generate('doc-1', PROMPT, { maxTokens: 300, onText: started.onText });
      await started.seen;
      const otherStarted = firstText();
      const other = model.generate('doc-2', PROMPT, { maxTokens: 20, onText: otherStarted.onText });
      const newer = model.generate('doc-1', `${PROMPT}Plan:`, { maxTokens: 5 });
      const [o, n, x] = await Promise.all([older, newer, other]);
      assert.equal(o.stopReason, 'aborted');
      assert.ok(o.usage.generatedTokens < 300);
      assert.equal(n.stopReason, 'max-tokens');
      assert.equal(n.usage.generatedTokens, 5);
      assert.equal(x.stopReason, 'max-tokens', 'the other document finished');
      assert.equal(x.usage.generatedTokens, 20);
      // The newer request reused the older one's prompt prefix.
      assert.ok(n.usage.reusedTokens >= promptLength - 2, `reused ${n.usage.reusedTokens}`);
    });
  });

  test('priority: inline work on another document finishes while background generation waits between tokens', async () => {
    const order: string[] = [];
    let backgroundTokens = 0;
    let atInlineEnd = -1;
    const started = firstText();
    const background = model
      .generate('bg', PROMPT, {
        maxTokens: 200,
        priority: 'background',
        onText: () => {
          backgroundTokens++;
          started.onText();
        },
      })
      .then((g) => {
        order.push('background');
        return g;
      });
    await started.seen;
    const inline = await model.generate('inline', 'Inline completion:', { maxTokens: 5, priority: 'inline' });
    order.push('inline');
    atInlineEnd = backgroundTokens;
    const bg = await background;
    assert.deepEqual(order, ['inline', 'background']);
    assert.equal(inline.usage.generatedTokens, 5);
    assert.equal(bg.stopReason, 'max-tokens', 'the background work was paused, not aborted');
    assert.equal(bg.usage.generatedTokens, 200);
    assert.ok(atInlineEnd < 200, `background had ${atInlineEnd} of 200 tokens when the inline request finished`);
  });

  test('LRU: a third document takes the least recently used sequence; an evicted one comes back exact', async () => {
    const tokens = (text: string): number[] => [model.bos, ...model.tokenize(text)];
    const a = tokens(`Alpha. ${NOTE.slice(0, 400)}`);
    const b = tokens(`Bravo. ${NOTE.slice(400, 800)}`);
    const c = tokens(`Charlie. ${NOTE.slice(800, 1200)}`);
    const freshB = await model.nextToken('lru-b', { tokens: b }, { reuse: false });
    await model.nextToken('lru-a', { tokens: a });
    // Touch b so that a is the least recently used of the two.
    const bAgain = await model.nextToken('lru-b', { tokens: b });
    assert.equal(bAgain.usage.reusedTokens, b.length - 1, 'b is still cached');
    const third = await model.nextToken('lru-c', { tokens: c });
    assert.ok(third.usage.reusedTokens <= 1, 'c starts from scratch (at most the shared BOS)');
    // b survived (a was the least recently used) …
    const bStill = await model.nextToken('lru-b', { tokens: b });
    assert.equal(bStill.usage.reusedTokens, b.length - 1, 'b kept its sequence');
    // … and a lost its cache: it is evaluated again, and exactly.
    const freshA = await model.nextToken('lru-a-fresh', { tokens: a }, { reuse: false });
    const back = await model.nextToken('lru-a', { tokens: a });
    assert.ok(back.usage.reusedTokens <= 1, `a was evicted (reused ${back.usage.reusedTokens})`);
    assert.equal(back.usage.reusedTokens + back.usage.reevaluatedTokens, a.length);
    assert.ok(maxAbsDiff(back.probabilities, freshA.probabilities) <= 1e-3);
    assert.ok(maxAbsDiff(bStill.probabilities, freshB.probabilities) <= 1e-3);
    // The comparison can fail: different documents have different distributions.
    assert.ok(maxAbsDiff(freshA.probabilities, freshB.probabilities) > 1e-2);
  });

  describe('context limit (no context shift)', () => {
    test('a prompt as long as the context: prompt-too-long', async () => {
      const long = Array.from({ length: CONTEXT }, (_, i) => (i === 0 ? model.bos : 1000 + (i % 500)));
      for (const tokens of [long, [...long, ...long.slice(1, 100)]]) {
        await assert.rejects(model.generate('long', { tokens }, { maxTokens: 5 }), (err: unknown) => {
          assert.ok(err instanceof ModelError);
          assert.equal(err.code, 'prompt-too-long');
          assert.match(err.message, new RegExp(`${tokens.length} tokens`));
          return true;
        });
      }
      await assert.rejects(model.nextToken('long', { tokens: long }), { code: 'prompt-too-long' });
    });

    test('generation stops when the context is full, without shifting it', async () => {
      const n = CONTEXT - 4;
      const tokens = Array.from({ length: n }, (_, i) => (i === 0 ? model.bos : 1000 + (i % 500)));
      const g = await model.generate('full', { tokens }, { maxTokens: 50 });
      assert.ok(g.usage.generatedTokens <= 4, `${g.usage.generatedTokens} tokens after ${n} in a ${CONTEXT}-token context`);
      // Had the context shifted, its start would be gone and the prompt could not be reused.
      const again = await model.generate('full', { tokens }, { maxTokens: 1 });
      assert.equal(again.usage.reusedTokens, n - 1);
    });
  });

  test('stats count requests, tokens and cancellations', () => {
    const s = model.stats();
    assert.ok(s.requests >= 10);
    assert.ok(s.generatedTokens > 200);
    assert.ok(s.reusedTokens > 0 && s.reusedTokens <= s.promptTokens);
    assert.ok(s.cancelled >= 3);
    assert.ok(s.tokensPerSecond > 0);
  });

  test('dispose during a generation aborts it, then frees; later calls are refused', async () => {
    const started = firstText();
    const running = model.generate('dispose', PROMPT, { maxTokens: 300, onText: started.onText });
    await started.seen;
    await model.dispose();
    assert.equal(model.disposed, true);
    const outcome = await running.then(
      (g) => g.stopReason,
      (err: unknown) => (err instanceof ModelError ? err.code : String(err)),
    );
    assert.ok(outcome === 'aborted' || outcome === 'disposed', `running generation ended with ${outcome}`);
    await assert.rejects(model.generate('dispose', PROMPT, { maxTokens: 1 }), { name: 'ModelError', code: 'disposed' });
    await assert.rejects(model.nextToken('dispose', PROMPT), { name: 'ModelError', code: 'disposed' });
    await model.dispose();
  });
});
