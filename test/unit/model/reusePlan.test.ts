/**
 * Which cached tokens a prompt keeps: the longest common prefix, at most all but the last prompt
 * token, and with a reduced sliding-window cache only when the first re-evaluated token still sees
 * its whole window.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type CacheState, commonPrefixLength, planReuse } from '../../../server/src/model/reusePlan';

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** A full cache (every layer holds every position) with these tokens. */
const full = (tokens: readonly number[]): CacheState => ({ tokens, fullCache: true, window: 64, oldestCachedPosition: tokens.length > 0 ? 0 : -1 });

describe('commonPrefixLength', () => {
  test('counts equal leading tokens', () => {
    assert.equal(commonPrefixLength([], []), 0);
    assert.equal(commonPrefixLength([1, 2, 3], []), 0);
    assert.equal(commonPrefixLength([1, 2, 3], [1, 2, 3]), 3);
    assert.equal(commonPrefixLength([1, 2, 3], [1, 2]), 2);
    assert.equal(commonPrefixLength([1, 2], [1, 2, 3]), 2);
    assert.equal(commonPrefixLength([1, 2, 3], [1, 9, 3]), 1);
    assert.equal(commonPrefixLength([5], [6]), 0);
  });
});

describe('planReuse with a full cache', () => {
  const cached = range(100, 200);

  test('the identical prompt keeps all but its last token (logits come from an evaluated token)', () => {
    assert.deepEqual(planReuse(full(cached), cached), { keep: 99, reason: 'prefix' });
  });

  test('an edit keeps the tokens before the first difference', () => {
    const edited = [...cached.slice(0, 40), 7, ...cached.slice(40)];
    assert.deepEqual(planReuse(full(cached), edited), { keep: 40, reason: 'prefix' });
    const replaced = [...cached.slice(0, 70), 7, ...cached.slice(71)];
    assert.deepEqual(planReuse(full(cached), replaced), { keep: 70, reason: 'prefix' });
  });

  test('an extension (typing at the end) keeps the whole cache', () => {
    assert.deepEqual(planReuse(full(cached), [...cached, 1, 2, 3]), { keep: 100, reason: 'prefix' });
    assert.deepEqual(planReuse(full(cached), [...cached, 1]), { keep: 100, reason: 'prefix' });
  });

  test('a shorter prompt (deletion at the end) keeps all but its last token', () => {
    assert.deepEqual(planReuse(full(cached), cached.slice(0, 30)), { keep: 29, reason: 'prefix' });
  });

  test('an empty cache, or nothing in common, keeps nothing', () => {
    assert.deepEqual(planReuse(full([]), cached), { keep: 0, reason: 'empty' });
    assert.deepEqual(planReuse(full(cached), [1, ...cached]), { keep: 0, reason: 'empty' });
  });

  test('a one-token prompt is always evaluated', () => {
    assert.deepEqual(planReuse(full(cached), [100]), { keep: 0, reason: 'empty' });
  });

  test('an empty prompt is a caller error', () => {
    assert.throws(() => planReuse(full(cached), []), /empty prompt/);
  });

  test('the full cache ignores the window guard, however old the oldest position claims to be', () => {
    const state: CacheState = { tokens: cached, fullCache: true, window: 8, oldestCachedPosition: 95 };
    assert.deepEqual(planReuse(state, [...cached.slice(0, 10), 1]), { keep: 10, reason: 'prefix' });
  });
});

describe('planReuse with a reduced sliding-window cache (window 64)', () => {
  const W = 64;
  const cached = range(1000, 1400);
  /** The prompt shares exactly `keep` tokens with the cache. */
  const promptKeeping = (keep: number): number[] => [...cached.slice(0, keep), 7, 8, 9];
  const reduced = (oldest: number, tokens: readonly number[] = cached): CacheState => ({ tokens, fullCache: false, window: W, oldestCachedPosition: oldest });

  // The first re-evaluated token sits at position `keep` and attends to keep − 63 … keep, so
  // position keep − W + 1 must still be cached.
  test('oldest cached position exactly keep − window + 1: exact, reuse', () => {
    const keep = 300;
    assert.deepEqual(planReuse(reduced(keep - W + 1), promptKeeping(keep)), { keep, reason: 'prefix' });
  });

  test('oldest cached position one later (keep − window + 2): the window is incomplete, start over', () => {
    const keep = 300;
    assert.deepEqual(planReuse(reduced(keep - W + 2), promptKeeping(keep)), { keep: 0, reason: 'swa-window' });
  });

  test('oldest cached position one earlier (keep − window): more than needed, reuse', () => {
    const keep = 300;
    assert.deepEqual(planReuse(reduced(keep - W), promptKeeping(keep)), { keep, reason: 'prefix' });
  });

  test('seen from the edit: with the oldest cell fixed, the earliest reusable edit is at oldest + window − 1', () => {
    const oldest = 200;
    const last = oldest + W - 1; // 263: needs positions 200 … 263
    assert.equal(planReuse(reduced(oldest), promptKeeping(last)).reason, 'prefix');
    assert.equal(planReuse(reduced(oldest), promptKeeping(last)).keep, last);
    // Keeping fewer tokens moves the edit earlier, so its window reaches below the oldest cell.
    assert.deepEqual(planReuse(reduced(oldest), promptKeeping(last - 1)), { keep: 0, reason: 'swa-window' });
    // Keeping more is fine until the prompt runs out.
    assert.equal(planReuse(reduced(oldest), promptKeeping(last + 50)).keep, last + 50);
  });

  test('near the start the window is clipped at position 0', () => {
    assert.deepEqual(planReuse(reduced(0), promptKeeping(10)), { keep: 10, reason: 'prefix' });
    assert.deepEqual(planReuse(reduced(0), promptKeeping(W - 1)), { keep: W - 1, reason: 'prefix' });
    assert.deepEqual(planReuse(reduced(1), promptKeeping(W - 1)), { keep: 0, reason: 'swa-window' });
    assert.deepEqual(planReuse(reduced(1), promptKeeping(W)), { keep: W, reason: 'prefix' });
  });

  test('the identical prompt is checked too (keep = length − 1)', () => {
    const keep = cached.length - 1; // 399: needs 336 …
    assert.equal(planReuse(reduced(keep - W + 1), cached).reason, 'prefix');
    assert.equal(planReuse(reduced(keep - W + 2), cached).reason, 'swa-window');
  });

  test('an unknown oldest position (-1) with tokens in common is refused', () => {
    assert.deepEqual(planReuse(reduced(-1), promptKeeping(100)), { keep: 0, reason: 'swa-window' });
  });

  test('nothing in common is "empty", not a window refusal', () => {
    assert.deepEqual(planReuse(reduced(350), [1, 2, 3]), { keep: 0, reason: 'empty' });
  });

  test('a model without a sliding window (window 0) is never refused', () => {
    const state: CacheState = { tokens: cached, fullCache: false, window: 0, oldestCachedPosition: 390 };
    assert.deepEqual(planReuse(state, promptKeeping(5)), { keep: 5, reason: 'prefix' });
  });
});
