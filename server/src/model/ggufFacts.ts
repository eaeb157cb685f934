/**
 * Facts about a model file from its own GGUF metadata (pure over the parsed header): the
 * attention shape for memory planning, and what "Show Model Status" reports.
 */
import type { AttentionFacts } from './memoryPlan';

/** llama.cpp `llama_ftype` values → the names users know. */
const FILE_TYPES: Record<number, string> = {
  0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 7: 'Q8_0', 8: 'Q5_0', 9: 'Q5_1', 10: 'Q2_K', 11: 'Q3_K_S', 12: 'Q3_K_M',
  13: 'Q3_K_L', 14: 'Q4_K_S', 15: 'Q4_K_M', 16: 'Q5_K_S', 17: 'Q5_K_M', 18: 'Q6_K', 19: 'IQ2_XXS', 20: 'IQ2_XS',
  21: 'Q2_K_S', 22: 'IQ3_XS', 23: 'IQ3_XXS', 24: 'IQ1_S', 25: 'IQ4_NL', 26: 'IQ3_S', 27: 'IQ3_M', 28: 'IQ2_S',
  29: 'IQ2_M', 30: 'IQ4_XS', 31: 'IQ1_M', 32: 'BF16', 36: 'TQ1_0', 37: 'TQ2_0', 38: 'MXFP4',
};

/** The subset of a parsed GGUF header this module reads (node-llama-cpp's `GgufFileInfo` fits it). */
export interface GgufHeader {
  metadata: Record<string, unknown>;
  tensorInfo?: ReadonlyArray<{ name: string; dimensions: ReadonlyArray<number | bigint> }>;
}

export interface ModelFacts extends AttentionFacts {
  architecture: string;
  name: string;
  embeddingLength: number;
  parameters: number;
  quantisation: string;
}

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function num(v: unknown, fallback = 0): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  return fallback;
}

/**
 * Reads the facts; `architecture` is whatever the file says (the caller decides whether it is
 * supported). Metadata is nested by key path (`gemma3.attention.head_count` → metadata.gemma3.attention.head_count).
 */
export function modelFacts(header: GgufHeader): ModelFacts {
  const m = header.metadata;
  const architecture = String(get(m, 'general.architecture') ?? 'unknown');
  const a = (key: string): unknown => get(m, `${architecture}.${key}`);
  const heads = num(a('attention.head_count'));
  const kvRaw = a('attention.head_count_kv');
  const kvHeads = Array.isArray(kvRaw) ? kvRaw.map((x) => num(x)) : num(kvRaw, heads);
  const embeddingLength = num(a('embedding_length'));
  const headDim = heads > 0 ? embeddingLength / heads : 0;
  const slidingWindow = num(a('attention.sliding_window'));
  // Gemma 3 files may omit the pattern; llama.cpp then uses 6 (five local layers, one global).
  const pattern = num(a('attention.sliding_window_pattern'), architecture === 'gemma3' ? 6 : 0);
  let parameters = 0;
  for (const t of header.tensorInfo ?? []) parameters += t.dimensions.reduce<number>((p, d) => p * Number(d), 1);
  const fileType = get(m, 'general.file_type');
  return {
    architecture,
    name: String(get(m, 'general.name') ?? ''),
    layers: num(a('block_count')),
    heads,
    kvHeads,
    keyLength: num(a('attention.key_length'), headDim),
    valueLength: num(a('attention.value_length'), headDim),
    slidingWindow,
    slidingWindowPattern: slidingWindow > 0 ? pattern : 0,
    trainContextSize: num(a('context_length')),
    embeddingLength,
    parameters,
    quantisation: typeof fileType === 'number' ? (FILE_TYPES[fileType] ?? `type ${fileType}`) : 'unknown',
  };
}
