/**
 * KV-cache memory planning from a GGUF's own attention metadata (pure).
 *
 * Per layer the cache holds K and V for each cached position: cells × n_head_kv × head_dim × bytes
 * of the cache type (K and V counted separately, as their head dims may differ). Gemma 3 global
 * layers cache the whole context; its sliding-window layers cache only what the window needs
 * (llama.cpp keeps PAD(n_swa + n_ubatch, 256) cells per sequence) unless the full SWA cache is
 * requested, in which case they cache the whole context too. Grouped-query attention is what
 * keeps this small: n_head_kv, not n_head, multiplies the bytes.
 */

export interface AttentionFacts {
  layers: number;
  /** Query heads (for the GQA group size). */
  heads: number;
  /** KV heads, one value or one per layer. */
  kvHeads: number | readonly number[];
  keyLength: number;
  valueLength: number;
  /** Sliding-window size; 0 when every layer is global. */
  slidingWindow: number;
  /** Every n-th layer is global (llama.cpp: layer il is SWA when il % n < n − 1). */
  slidingWindowPattern: number;
  trainContextSize: number;
}

export type KvCacheType = 'f16' | 'q8_0' | 'q4_0';

/** Bytes per cached value of each cache type (quantised types: block bytes / block size). */
const BYTES_PER_VALUE: Record<KvCacheType, number> = { f16: 2, q8_0: 34 / 32, q4_0: 18 / 32 };

/** llama.cpp pads KV cache sizes to this many cells. */
const CELL_PAD = 256;

export interface KvPlanOptions {
  /** Tokens per sequence. */
  contextSize: number;
  sequences: number;
  swaFullCache: boolean;
  cacheType: KvCacheType;
  /** Micro-batch size (llama.cpp's n_ubatch); sizes the reduced SWA cache. */
  ubatch: number;
}

export interface KvPlan {
  bytes: number;
  /** Bytes one more cached position costs on every layer (global and full-SWA layers). */
  bytesPerToken: number;
  globalLayers: number;
  swaLayers: number;
  /** Cells per sequence of each kind of layer. */
  globalCells: number;
  swaCells: number;
  /** Query heads per KV head. */
  gqaGroup: number;
}

export function isSwaLayer(facts: AttentionFacts, layer: number): boolean {
  if (facts.slidingWindow <= 0) return false;
  const n = facts.slidingWindowPattern;
  return n > 1 && layer % n < n - 1;
}

function kvHeadsOf(facts: AttentionFacts, layer: number): number {
  return typeof facts.kvHeads === 'number' ? facts.kvHeads : (facts.kvHeads[layer] ?? facts.kvHeads[0] ?? facts.heads);
}

function pad(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** Cells per sequence the sliding-window layers keep. */
export function swaCellsPerSequence(facts: AttentionFacts, options: KvPlanOptions): number {
  if (facts.slidingWindow <= 0 || options.swaFullCache) return options.contextSize;
  return Math.min(options.contextSize, pad(facts.slidingWindow + options.ubatch, CELL_PAD));
}

export function planKv(facts: AttentionFacts, options: KvPlanOptions): KvPlan {
  const bytesPerValue = BYTES_PER_VALUE[options.cacheType];
  const swaCells = swaCellsPerSequence(facts, options);
  let bytes = 0;
  let bytesPerToken = 0;
  let globalLayers = 0;
  for (let l = 0; l < facts.layers; l++) {
    const perCell = kvHeadsOf(facts, l) * (facts.keyLength + facts.valueLength) * bytesPerValue;
    const swa = isSwaLayer(facts, l);
    if (!swa) globalLayers++;
    bytes += perCell * (swa ? swaCells : options.contextSize) * options.sequences;
    bytesPerToken += perCell;
  }
  const kvHeads = kvHeadsOf(facts, 0);
  return {
    bytes,
    bytesPerToken,
    globalLayers,
    swaLayers: facts.layers - globalLayers,
    globalCells: options.contextSize,
    swaCells,
    gqaGroup: kvHeads > 0 ? facts.heads / kvHeads : 1,
  };
}

export interface ContextChoice {
  contextSize: number;
  plan: KvPlan;
  /** Why this size: `fits`, `train-limit`, `minimum` (memory is short even for the minimum). */
  reason: 'fits' | 'train-limit' | 'minimum';
}

/**
 * The largest context (a multiple of 256, at most the training context) whose KV cache fits in
 * `budgetBytes`, never below `minimum` (the caller reports when even that does not fit).
 */
export function chooseContextSize(
  facts: AttentionFacts,
  budgetBytes: number,
  options: Omit<KvPlanOptions, 'contextSize'> & { minimum?: number; maximum?: number },
): ContextChoice {
  const max = Math.max(CELL_PAD, Math.min(facts.trainContextSize || 8192, options.maximum ?? Infinity));
  const min = Math.min(max, options.minimum ?? 2048);
  const fits = (n: number): boolean => planKv(facts, { ...options, contextSize: n }).bytes <= budgetBytes;
  if (fits(max)) return { contextSize: max, plan: planKv(facts, { ...options, contextSize: max }), reason: 'train-limit' };
  if (!fits(min)) return { contextSize: min, plan: planKv(facts, { ...options, contextSize: min }), reason: 'minimum' };
  // KV bytes grow monotonically with the context: binary search over multiples of 256.
  let lo = Math.floor(min / CELL_PAD);
  let hi = Math.floor(max / CELL_PAD);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid * CELL_PAD)) lo = mid;
    else hi = mid - 1;
  }
  const size = Math.max(min, lo * CELL_PAD);
  return { contextSize: size, plan: planKv(facts, { ...options, contextSize: size }), reason: 'fits' };
}

/** `1.5 GiB`, `512 MiB`, `3.0 KiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}
