/**
 * Generates Gemma 3 architecture GGUF models with random weights and the real Gemma 3
 * vocabulary: a tiny one for tests (GQA 4 query / 2 KV heads, sliding window 64, pattern 6) and
 * shape-faithful MedGemma 4B / 27B ones for benchmarks (on demand only: gigabytes).
 *
 * Tensor layout follows llama.cpp's gemma3 loader (ggml order, `dims[0]` = row length); the
 * output layer is tied to `token_embd`; RMSNorm weights are stored with the +1 already added.
 */
import { GgmlType, type GgmlTypeId, type MetaValue, type TensorSpec, writeGguf } from './writer';
import { fillRandomBlocks, quantizeQ4_0, quantizeQ8_0, Rng } from './quant';
import { loadGemma3Vocab } from './vocab';

export interface Gemma3Shape {
  name: string;
  layers: number;
  embedding: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  slidingWindow: number;
  slidingWindowPattern: number;
  contextLength: number;
  ropeBase: number;
  ropeScalingFactor: number;
}

/** The test model: small enough to evaluate thousands of tokens a second on one thread. */
export const TINY_GEMMA3: Gemma3Shape = {
  name: 'tiny-gemma3',
  layers: 6,
  embedding: 128,
  heads: 4,
  kvHeads: 2,
  headDim: 64,
  ffn: 256,
  slidingWindow: 64,
  slidingWindowPattern: 6,
  contextLength: 8192,
  ropeBase: 1_000_000,
  ropeScalingFactor: 1,
};

/** MedGemma 4B's real dimensions (Gemma 3 4B). */
export const MEDGEMMA_4B_SHAPE: Gemma3Shape = {
  name: 'medgemma-4b-shaped',
  layers: 34,
  embedding: 2560,
  heads: 8,
  kvHeads: 4,
  headDim: 256,
  ffn: 10240,
  slidingWindow: 1024,
  slidingWindowPattern: 6,
  contextLength: 131072,
  ropeBase: 1_000_000,
  ropeScalingFactor: 8,
};

/** MedGemma 27B's real dimensions (Gemma 3 27B). */
export const MEDGEMMA_27B_SHAPE: Gemma3Shape = {
  name: 'medgemma-27b-shaped',
  layers: 62,
  embedding: 5376,
  heads: 32,
  kvHeads: 16,
  headDim: 128,
  ffn: 21504,
  slidingWindow: 1024,
  slidingWindowPattern: 6,
  contextLength: 131072,
  ropeBase: 1_000_000,
  ropeScalingFactor: 8,
};

export interface GenerateOptions {
  /** Type of the projection and FFN matrices. */
  weights: 'Q8_0' | 'Q4_0';
  /** Type of the (tied) embedding. */
  embedding: 'Q8_0' | 'Q4_0';
  seed: number;
  /**
   * `quantize`: real floats quantised block by block (small models); `random-blocks`: random
   * quants written directly (fast for gigabytes).
   */
  fill: 'quantize' | 'random-blocks';
  /** Tensors to leave out (e.g. `blk.0.ffn_down.weight`), for tests of llama.cpp's load errors. */
  omitTensors?: readonly string[];
}

/** ggml `general.file_type` (llama_ftype): 7 = MOSTLY_Q8_0, 2 = MOSTLY_Q4_0. */
const FILE_TYPE = { Q8_0: 7, Q4_0: 2 } as const;

function u32(value: number): MetaValue {
  return { kind: 'u32', value };
}
function f32(value: number): MetaValue {
  return { kind: 'f32', value };
}

/** Writes the model and returns its size in bytes. */
export function generateGemma3(path: string, shape: Gemma3Shape, options: GenerateOptions): number {
  const vocab = loadGemma3Vocab();
  const a = 'gemma3';
  const metadata: Array<readonly [string, MetaValue]> = [
    ['general.architecture', { kind: 'string', value: a }],
    ['general.name', { kind: 'string', value: `${shape.name} (random weights, test only)` }],
    ['general.file_type', u32(FILE_TYPE[options.weights])],
    ['general.quantization_version', u32(2)],
    [`${a}.context_length`, u32(shape.contextLength)],
    [`${a}.embedding_length`, u32(shape.embedding)],
    [`${a}.block_count`, u32(shape.layers)],
    [`${a}.feed_forward_length`, u32(shape.ffn)],
    [`${a}.attention.head_count`, u32(shape.heads)],
    [`${a}.attention.head_count_kv`, u32(shape.kvHeads)],
    [`${a}.attention.key_length`, u32(shape.headDim)],
    [`${a}.attention.value_length`, u32(shape.headDim)],
    [`${a}.attention.layer_norm_rms_epsilon`, f32(1e-6)],
    [`${a}.attention.sliding_window`, u32(shape.slidingWindow)],
    [`${a}.attention.sliding_window_pattern`, u32(shape.slidingWindowPattern)],
    [`${a}.rope.freq_base`, f32(shape.ropeBase)],
    [`${a}.rope.scaling.type`, { kind: 'string', value: 'linear' }],
    [`${a}.rope.scaling.factor`, f32(shape.ropeScalingFactor)],
    ['tokenizer.ggml.model', { kind: 'string', value: 'llama' }],
    ['tokenizer.ggml.pre', { kind: 'string', value: 'default' }],
    ['tokenizer.ggml.tokens', { kind: 'string[]', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { kind: 'f32[]', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { kind: 'i32[]', value: vocab.types }],
    ['tokenizer.ggml.bos_token_id', u32(vocab.bos)],
    ['tokenizer.ggml.eos_token_id', u32(vocab.eos)],
    ['tokenizer.ggml.unknown_token_id', u32(vocab.unk)],
    ['tokenizer.ggml.padding_token_id', u32(vocab.pad)],
    ['tokenizer.ggml.add_bos_token', { kind: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { kind: 'bool', value: false }],
    ['tokenizer.ggml.add_space_prefix', { kind: 'bool', value: false }],
    ['tokenizer.chat_template', { kind: 'string', value: vocab.chatTemplate }],
  ];

  const rng = new Rng(options.seed);
  const nVocab = vocab.tokens.length;
  const e = shape.embedding;
  const qDim = shape.heads * shape.headDim;
  const kvDim = shape.kvHeads * shape.headDim;

  /** A quantised matrix of `rows` rows of `cols` values with standard deviation `std`. */
  const matrix = (name: string, cols: number, rows: number, type: 'Q8_0' | 'Q4_0', std: number): TensorSpec => ({
    name,
    dims: [cols, rows],
    type: GgmlType[type] as GgmlTypeId,
    fill(out, _firstRow, n) {
      if (options.fill === 'random-blocks') {
        fillRandomBlocks(out, type, std, rng);
        return;
      }
      const values = new Float32Array(cols * n);
      // Uniform in [-√3·std, √3·std) has standard deviation `std`.
      const amp = Math.sqrt(3) * std;
      for (let i = 0; i < values.length; i++) values[i] = rng.sym() * amp;
      (type === 'Q8_0' ? quantizeQ8_0 : quantizeQ4_0)(values, out);
    },
  });
  /** An RMSNorm weight (+1 stored): `scale` ± 10 %. */
  const norm = (name: string, n: number, scale = 1): TensorSpec => ({
    name,
    dims: [n],
    type: GgmlType.F32,
    fill(out) {
      for (let i = 0; i < n; i++) out.writeFloatLE(scale * (1 + rng.sym() * 0.1), i * 4);
    },
  });
  // With a tied embedding the residual stream starts as the current token's own embedding, which
  // would make "repeat the last token" win every time. Scaling the post-attention and post-FFN
  // norms up lets the context (attention over earlier tokens) dominate the next-token distribution.
  const POST_NORM_SCALE = 6;

  // The embedding's spread sets how peaked the next-token distribution is (logit sd ≈ std·√e):
  // about 4.5 gives a distribution whose top tokens are clearly ranked, so probability
  // comparisons are meaningful.
  const embStd = 4.5 / Math.sqrt(e);
  const tensors: TensorSpec[] = [matrix('token_embd.weight', e, nVocab, options.embedding, embStd), norm('output_norm.weight', e)];
  const projStd = 1 / Math.sqrt(e);
  for (let l = 0; l < shape.layers; l++) {
    const p = `blk.${l}`;
    tensors.push(
      norm(`${p}.attn_norm.weight`, e),
      matrix(`${p}.attn_q.weight`, e, qDim, options.weights, projStd),
      matrix(`${p}.attn_k.weight`, e, kvDim, options.weights, projStd),
      matrix(`${p}.attn_v.weight`, e, kvDim, options.weights, projStd),
      norm(`${p}.attn_q_norm.weight`, shape.headDim),
      norm(`${p}.attn_k_norm.weight`, shape.headDim),
      matrix(`${p}.attn_output.weight`, qDim, e, options.weights, 1 / Math.sqrt(qDim)),
      norm(`${p}.post_attention_norm.weight`, e, POST_NORM_SCALE),
      norm(`${p}.ffn_norm.weight`, e),
      matrix(`${p}.ffn_gate.weight`, e, shape.ffn, options.weights, projStd),
      matrix(`${p}.ffn_up.weight`, e, shape.ffn, options.weights, projStd),
      matrix(`${p}.ffn_down.weight`, shape.ffn, e, options.weights, 1 / Math.sqrt(shape.ffn)),
      norm(`${p}.post_ffw_norm.weight`, e, POST_NORM_SCALE),
    );
  }
  const omit = new Set(options.omitTensors ?? []);
  return writeGguf(path, metadata, tensors.filter((t) => !omit.has(t.name)));
}
