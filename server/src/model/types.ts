/**
 * The model behind an interface: the language server's features see `TextModel` only; the
 * node-llama-cpp implementation (`llamaModel.ts`) and test fakes implement it.
 */
import type { ModelInfo, ModelStats } from '../protocol';

/** Work classes, highest priority first: inline completion runs before background work. */
export type Priority = 'inline' | 'interactive' | 'background';

export interface GenerateOptions {
  /** Aborts generation (and waiting for the model); the promise then resolves with `stopReason: 'aborted'`. */
  signal?: AbortSignal;
  maxTokens: number;
  /** Generation stops before the first occurrence of any of these strings (not included). */
  stop?: readonly string[];
  /** 0 (default): greedy, deterministic. */
  temperature?: number;
  topK?: number;
  topP?: number;
  seed?: number;
  /** Constrain the output to JSON matching this schema (llama.cpp grammar). */
  jsonSchema?: object;
  priority?: Priority;
  /** false: evaluate the whole prompt afresh (benchmarks and comparisons). */
  reuse?: boolean;
  /** Called with each new piece of text as it is generated. */
  onText?(text: string): void;
}

/** What a request cost, for logs and statistics (counts and times only, never text). */
export interface Usage {
  promptTokens: number;
  /** Prompt tokens served from the document's KV cache. */
  reusedTokens: number;
  /** Prompt tokens evaluated for this request (the tail after the first difference, +1 for logits). */
  reevaluatedTokens: number;
  generatedTokens: number;
  /** Why the cache was (not) reused: `prefix`, `empty`, `swa-window` (reduced SWA cache would be inexact), `evicted`. */
  reuse: string;
  /** Milliseconds waiting for the model (other work ahead), bringing the sequence up to date, and in total. */
  waitMs: number;
  promptMs: number;
  totalMs: number;
}

export type StopReason = 'max-tokens' | 'stop' | 'eos' | 'aborted';

export interface Generation {
  text: string;
  stopReason: StopReason;
  usage: Usage;
}

export interface NextToken {
  /** Probability of every vocabulary token after the prompt (temperature 1, no sampling filters). */
  probabilities: Float64Array;
  usage: Usage;
}

/** A prompt: text (tokenised with the model's vocabulary, BOS added) or tokens (used as given). */
export type Prompt = string | { tokens: readonly number[] };

export interface TextModel {
  readonly info: ModelInfo;
  /** Tokens of `text` (no BOS; special-token text such as `<start_of_turn>` is parsed as special tokens when `special`). */
  tokenize(text: string, special?: boolean): number[];
  detokenize(tokens: readonly number[]): string;
  readonly bos: number;
  /**
   * Generates a continuation of `prompt` in the KV sequence of `key` (usually a document URI),
   * reusing the longest exact prefix already cached there. A newer request for the same key
   * aborts an older one that is still running.
   */
  generate(key: string, prompt: Prompt, options: GenerateOptions): Promise<Generation>;
  /**
   * The next-token distribution after `prompt`, in `key`'s sequence (same reuse rules;
   * `reuse: false` evaluates the whole prompt afresh, for comparisons and benchmarks).
   */
  nextToken(key: string, prompt: Prompt, options?: { signal?: AbortSignal; priority?: Priority; reuse?: boolean }): Promise<NextToken>;
  /** Gives up `key`'s sequence (document closed). */
  release(key: string): void;
  stats(): ModelStats;
  /** Aborts everything running, then frees the context and the model. Idempotent. */
  dispose(): Promise<void>;
}
