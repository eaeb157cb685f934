/**
 * Exact KV-cache reuse (pure): which cached tokens a new prompt can keep, and which it must
 * evaluate.
 *
 * A prompt keeps the longest common prefix with the cached tokens, but always re-evaluates at
 * least its last token (logits come only from evaluated tokens). With a reduced sliding-window
 * cache (Gemma 3 without the full SWA cache) a kept prefix is only exact when the first
 * re-evaluated token can still see its whole window: position k attends to positions
 * (k − window, k), so every one of them must still be cached. Otherwise the evaluation starts
 * over: approximate reuse (which node-llama-cpp 3.21.1 would silently do) is never allowed.
 */

export interface CacheState {
  /** Tokens the sequence holds now. */
  tokens: readonly number[];
  /** True when every layer caches every position (no sliding window, or the full SWA cache). */
  fullCache: boolean;
  /** Sliding-window size of the model (0: none). */
  window: number;
  /** Oldest position the sliding-window layers still hold (-1: empty cache). */
  oldestCachedPosition: number;
}

export interface ReusePlan {
  /** Cached tokens kept (a prefix of both the cache and the prompt). */
  keep: number;
  /** Why: `prefix` (normal reuse), `empty` (nothing in common), `swa-window` (a kept prefix would be inexact). */
  reason: 'prefix' | 'empty' | 'swa-window';
}

export function commonPrefixLength(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

export function planReuse(cache: CacheState, prompt: readonly number[]): ReusePlan {
  if (prompt.length === 0) throw new Error('empty prompt');
  // Keep at most prompt.length − 1 so the last prompt token is evaluated and yields logits.
  const keep = Math.min(commonPrefixLength(cache.tokens, prompt), prompt.length - 1);
  if (keep === 0) return { keep: 0, reason: 'empty' };
  if (!cache.fullCache && cache.window > 0) {
    const firstNeeded = Math.max(0, keep - cache.window + 1);
    if (cache.oldestCachedPosition < 0 || firstNeeded < cache.oldestCachedPosition) return { keep: 0, reason: 'swa-window' };
  }
  return { keep, reason: 'prefix' };
}
