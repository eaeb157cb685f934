/**
 * `TextModel` on node-llama-cpp: one KV sequence per document (least recently used documents
 * give theirs up), exact prefix reuse on every request, a newer request for a document aborting
 * the older, inline completion before background work, and abort-then-dispose on shutdown.
 */
import { freemem } from 'node:os';
import { basename } from 'node:path';
import type { LlamaContext, LlamaContextSequence, LlamaGrammarEvaluationState, Token } from 'node-llama-cpp' with { 'resolution-mode': 'import' };
import type { Logger } from '../logger';
import type { ModelInfo, ModelStats } from '../protocol';
import { ModelError, isOutOfMemory, outOfMemoryError, reasonFrom } from './errors';
import { type Backend, type LoadedFile, loadModelFile, nodeLlamaCpp } from './llamaBackend';
import { chooseContextSize, planKv } from './memoryPlan';
import { planReuse } from './reusePlan';
import { AbortedError, LatestPerKey, PriorityGate, SlotPool } from './scheduler';
import type { GenerateOptions, Generation, NextToken, Priority, Prompt, StopReason, TextModel, Usage } from './types';

export interface TextModelOptions {
  path: string;
  gpuLayers: 'auto' | 'max' | number;
  /** Tokens per sequence, or 'auto' (planned from free memory, at most `autoContextLimit`). */
  contextSize: 'auto' | number;
  /** 0: the machine's physical cores. Always passed to llama.cpp explicitly. */
  threads: number;
  swaFullCache: boolean;
  sequences: number;
  /** Tokens per llama.cpp batch (default 512). */
  batchSize?: number;
  logger: Logger;
  signal?: AbortSignal;
  onProgress?(fraction: number): void;
  /** Bytes the KV cache may use (default: a share of free RAM or VRAM). */
  memoryBudget?: number;
}

/** 'auto' never plans more than this (notes are short; a number in the settings goes further). */
const AUTO_CONTEXT_LIMIT = 32768;
const DEFAULT_BATCH = 512;

export async function loadTextModel(backend: Backend, options: TextModelOptions): Promise<LlamaTextModel> {
  const loaded = await loadModelFile(backend, { path: options.path, gpuLayers: options.gpuLayers, signal: options.signal, onProgress: options.onProgress });
  try {
    return await createTextModel(backend, loaded, options);
  } catch (err) {
    await loaded.model.dispose();
    throw err;
  }
}

async function createTextModel(backend: Backend, loaded: LoadedFile, options: TextModelOptions): Promise<LlamaTextModel> {
  const { model, facts } = loaded;
  const threads = options.threads > 0 ? options.threads : Math.max(1, backend.llama.cpuMathCores);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // node-llama-cpp gives llama.cpp an n_ubatch of batch + 1 when the reduced SWA cache is used.
  const ubatch = batchSize + (options.swaFullCache ? 0 : 1);
  const planOptions = { sequences: options.sequences, swaFullCache: options.swaFullCache, cacheType: 'f16' as const, ubatch };
  let contextSize: number;
  if (options.contextSize === 'auto') {
    let budget = options.memoryBudget;
    if (budget === undefined) {
      const vram = model.gpuLayers > 0 ? (await backend.llama.getVramState()).free : 0;
      // Leave room for compute buffers and everything else on the machine.
      budget = (model.gpuLayers > 0 ? vram : freemem()) * 0.5;
    }
    contextSize = chooseContextSize(facts, budget, { ...planOptions, maximum: AUTO_CONTEXT_LIMIT }).contextSize;
  } else {
    contextSize = Math.min(options.contextSize, facts.trainContextSize || options.contextSize);
  }

  let context: LlamaContext | undefined;
  let kvMark = backend.logs.mark();
  for (;;) {
    kvMark = backend.logs.mark();
    try {
      context = await model.createContext({
        contextSize,
        sequences: options.sequences,
        threads,
        batchSize,
        swaFullCache: options.swaFullCache,
        flashAttention: false,
        createSignal: options.signal,
        failedCreationRemedy: false,
      });
      break;
    } catch (err) {
      if (options.signal?.aborted) throw new ModelError('disposed', 'Model loading was cancelled.');
      await backend.logs.settle();
      const lines = backend.logs.since(kvMark);
      const text = `${lines.join('\n')}\n${err instanceof Error ? err.message : ''}`;
      const oom = isOutOfMemory(text) || /too large|not enough|exceed/i.test(text);
      if (oom && options.contextSize === 'auto' && contextSize > 1024) {
        options.logger.warn(`context of ${contextSize} tokens did not fit; trying ${Math.floor(contextSize / 2)}`);
        contextSize = Math.floor(contextSize / 2);
        continue;
      }
      if (oom) throw outOfMemoryError(`create a context of ${contextSize} tokens × ${options.sequences} sequences`, reasonFrom(lines));
      throw new ModelError('load-failed', 'llama.cpp could not create a context for the model.', reasonFrom(lines) ?? (err instanceof Error ? err.message.slice(0, 300) : undefined));
    }
  }
  const plan = planKv(facts, { ...planOptions, contextSize: context.contextSize });
  await backend.logs.settle();
  const info: ModelInfo = {
    path: options.path,
    name: basename(options.path),
    architecture: facts.architecture,
    parameters: facts.parameters,
    quantisation: facts.quantisation,
    fileBytes: loaded.fileBytes,
    layers: facts.layers,
    embeddingLength: facts.embeddingLength,
    heads: facts.heads,
    kvHeads: typeof facts.kvHeads === 'number' ? facts.kvHeads : (facts.kvHeads[0] ?? facts.heads),
    gqaGroup: plan.gqaGroup,
    headDim: facts.keyLength,
    slidingWindow: facts.slidingWindow,
    slidingWindowPattern: facts.slidingWindowPattern,
    trainContextSize: facts.trainContextSize,
    contextSize: context.contextSize,
    swaFullCache: options.swaFullCache,
    kvBytesPlanned: plan.bytes,
    kvBytesActual: backend.logs.kvCacheBytes(kvMark) ?? 0,
    backend: backend.name,
    gpuLayers: model.gpuLayers,
    threads,
    sequences: options.sequences,
  };
  const nlc = await nodeLlamaCpp();
  return new LlamaTextModel(context, info, options.logger, nlc.LlamaGrammarEvaluationState);
}

type GrammarStateCtor = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } }).LlamaGrammarEvaluationState;

interface Accumulated extends ModelStats {
  generationMs: number;
  rateTokens: number;
}

export class LlamaTextModel implements TextModel {
  private readonly gate = new PriorityGate();
  private readonly latest = new LatestPerKey();
  private readonly pool: SlotPool<LlamaContextSequence>;
  private readonly busy = new Set<LlamaContextSequence>();
  private readonly acc: Accumulated = { requests: 0, promptTokens: 0, reusedTokens: 0, reevaluatedTokens: 0, generatedTokens: 0, tokensPerSecond: 0, cancelled: 0, generationMs: 0, rateTokens: 0 };
  private isDisposed = false;
  private disposing: Promise<void> | undefined;

  constructor(
    private readonly context: LlamaContext,
    readonly info: ModelInfo,
    private readonly logger: Logger,
    private readonly GrammarState: GrammarStateCtor,
  ) {
    const slots: LlamaContextSequence[] = [];
    for (let i = 0; i < info.sequences; i++) slots.push(context.getSequence());
    this.pool = new SlotPool(slots);
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  get bos(): number {
    this.assertLive();
    const bos = this.context.model.tokens.bos;
    if (bos === null) throw new ModelError('load-failed', 'The model has no beginning-of-sequence token.');
    return bos;
  }

  tokenize(text: string, special = false): number[] {
    this.assertLive();
    return this.context.model.tokenize(text, special) as number[];
  }

  detokenize(tokens: readonly number[]): string {
    this.assertLive();
    return this.context.model.detokenize(tokens as Token[]);
  }

  private assertLive(): void {
    if (this.isDisposed) throw new ModelError('disposed', 'The model was unloaded.');
  }

  release(key: string): void {
    this.pool.release(key);
  }

  stats(): ModelStats {
    const { generationMs: _ms, rateTokens: _n, ...stats } = this.acc;
    return { ...stats };
  }

  async generate(key: string, prompt: Prompt, options: GenerateOptions): Promise<Generation> {
    return this.exclusive(key, prompt, options.signal, options.priority ?? 'interactive', async (seq, tokens, signal, usage, yieldPoint) => {
      const model = this.context.model;
      const grammarEvaluationState: LlamaGrammarEvaluationState | undefined = options.jsonSchema
        ? new this.GrammarState({ model, grammar: await model.llama.createGrammarForJsonSchema(options.jsonSchema as never) })
        : undefined;
      const generated: number[] = [];
      let text = '';
      let emitted = 0;
      let stopReason: StopReason = 'max-tokens';
      // node-llama-cpp's JSON-schema grammar ends the value with four newlines (its stop trigger).
      const stops = [...(options.stop ?? []), ...(options.jsonSchema ? [JSON_GRAMMAR_END] : [])].filter((s) => s.length > 0);
      // Stop when the context is full: node-llama-cpp would otherwise shift it (approximate, and the cache is lost).
      const limit = Math.min(options.maxTokens, this.info.contextSize - tokens.length);
      if (options.reuse === false && seq.contextTokens.length > 0) await seq.clearHistory();
      const promptStart = Date.now();
      const last = await this.prefill(seq, tokens, usage, signal, yieldPoint);
      if (last === undefined) return { text: '', stopReason: 'aborted' as const, usage };
      const genStart = Date.now();
      if (limit > 0) {
        const iterator = seq.evaluate([last as Token], {
          temperature: options.temperature ?? 0,
          topK: options.topK,
          topP: options.topP,
          seed: options.seed,
          grammarEvaluationState,
        });
        let first = true;
        for await (const token of iterator) {
          if (first) {
            usage.promptMs = Date.now() - promptStart;
            first = false;
          }
          if (signal.aborted) {
            stopReason = 'aborted';
            break;
          }
          if (model.isEogToken(token)) {
            stopReason = 'eos';
            break;
          }
          generated.push(token as number);
          text = model.detokenize(generated as Token[]);
          const cut = firstStop(text, stops);
          if (cut >= 0) {
            text = text.slice(0, cut);
            stopReason = 'stop';
          }
          const safe = stopReason === 'stop' ? text.length : safePrefix(text, stops);
          if (safe > emitted) {
            options.onText?.(text.slice(emitted, safe));
            emitted = safe;
          }
          if (stopReason === 'stop' || generated.length >= limit) break;
          if (!(await yieldPoint())) {
            stopReason = 'aborted';
            break;
          }
        }
      } else {
        usage.promptMs = Date.now() - promptStart;
      }
      usage.generatedTokens = generated.length;
      const genMs = Date.now() - genStart;
      if (generated.length > 1) {
        // Generation speed counts only requests that generated more than one token (the first
        // token's time is mostly the prompt's).
        this.acc.generationMs += genMs;
        this.acc.rateTokens += generated.length;
        this.acc.tokensPerSecond = Math.round((this.acc.rateTokens / Math.max(1, this.acc.generationMs)) * 1000 * 10) / 10;
      }
      this.acc.generatedTokens += generated.length;
      if (stopReason === 'aborted') this.acc.cancelled++;
      return { text, stopReason, usage };
    }).catch((err: unknown) => {
      if (err instanceof AbortedError) {
        this.acc.cancelled++;
        return { text: '', stopReason: 'aborted' as const, usage: emptyUsage() };
      }
      throw err;
    });
  }

  async nextToken(key: string, prompt: Prompt, options: { signal?: AbortSignal; priority?: Priority; reuse?: boolean } = {}): Promise<NextToken> {
    return this.exclusive(key, prompt, options.signal, options.priority ?? 'interactive', async (seq, tokens, signal, usage, yieldPoint) => {
      if (options.reuse === false && seq.contextTokens.length > 0) await seq.clearHistory();
      const promptStart = Date.now();
      const last = await this.prefill(seq, tokens, usage, signal, yieldPoint);
      if (last === undefined) throw new AbortedError();
      const [out] = await seq.controlledEvaluate([[last as Token, { generateNext: { probabilities: true } }]]);
      usage.promptMs = Date.now() - promptStart;
      const map = out?.next?.probabilities ?? new Map<Token, number>();
      let size = 0;
      for (const token of map.keys()) size = Math.max(size, token + 1);
      const probs = new Float64Array(size);
      for (const [token, p] of map) probs[token] = p;
      return { probabilities: probs, usage };
    });
  }

  /**
   * Runs `work` with `key`'s sequence, holding the model: waits its turn by priority, gives long
   * work a `yieldPoint` that lets higher-priority work run (returns false when this request was
   * aborted or lost its sequence meanwhile), and records the usage.
   */
  private async exclusive<T>(
    key: string,
    prompt: Prompt,
    outer: AbortSignal | undefined,
    priority: Priority,
    work: (seq: LlamaContextSequence, tokens: number[], signal: AbortSignal, usage: Usage, yieldPoint: () => Promise<boolean>) => Promise<T>,
  ): Promise<T> {
    if (this.isDisposed) throw new ModelError('disposed', 'The model was unloaded.');
    const started = Date.now();
    return this.latest.run(key, outer, async (signal) => {
      let release = await this.gate.acquire(priority, signal);
      const usage = emptyUsage();
      usage.waitMs = Date.now() - started;
      const { slot: seq, evicted } = this.pool.acquire(key, (s) => this.busy.has(s));
      if (evicted) usage.reuse = 'evicted';
      this.busy.add(seq);
      const yieldPoint = async (): Promise<boolean> => {
        if (signal.aborted || this.isDisposed) return false;
        if (this.gate.hasWaitingAbove(priority)) {
          release();
          try {
            release = await this.gate.acquire(priority, signal);
          } catch {
            release = () => undefined;
            return false;
          }
        }
        return !signal.aborted && this.pool.keyOf(seq) === key && !this.isDisposed;
      };
      try {
        const tokens = typeof prompt === 'string' ? [this.bos, ...this.tokenize(prompt)] : [...prompt.tokens];
        if (tokens.length === 0) throw new Error('empty prompt');
        // Never let llama.cpp shift the context (approximate): the caller must fit the prompt.
        if (tokens.length >= this.info.contextSize) {
          throw new ModelError('prompt-too-long', `The prompt has ${tokens.length} tokens; the context holds ${this.info.contextSize}.`, undefined, 'Raise "medgemmaNotes.model.contextSize".');
        }
        const result = await work(seq, tokens, signal, usage, yieldPoint);
        usage.totalMs = Date.now() - started;
        this.acc.requests++;
        this.acc.promptTokens += usage.promptTokens;
        this.acc.reusedTokens += usage.reusedTokens;
        this.acc.reevaluatedTokens += usage.reevaluatedTokens;
        return result;
      } finally {
        this.busy.delete(seq);
        release();
      }
    });
  }

  /**
   * Brings `seq` up to `tokens` minus the last one (exact prefix reuse), evaluating the tail in
   * batch-sized chunks so an abort or higher-priority work gets in between. Returns the last
   * token (to evaluate with generation), or undefined when aborted.
   */
  private async prefill(seq: LlamaContextSequence, tokens: readonly number[], usage: Usage, signal: AbortSignal, yieldPoint: () => Promise<boolean>): Promise<number | undefined> {
    const fullCache = this.info.swaFullCache || this.info.slidingWindow === 0;
    const plan = planReuse(
      { tokens: seq.contextTokens as number[], fullCache, window: this.info.slidingWindow, oldestCachedPosition: seq.contextTokens.length === 0 ? -1 : seq.stateCellsStartIndex },
      tokens,
    );
    if (usage.reuse !== 'evicted' || plan.keep > 0) usage.reuse = plan.reason;
    const before = seq.tokenMeter.usedInputTokens;
    if (plan.keep === 0) {
      if (seq.contextTokens.length > 0) await seq.clearHistory();
    } else if (seq.nextTokenIndex > plan.keep) {
      await seq.eraseContextTokenRanges([{ start: plan.keep, end: seq.nextTokenIndex }]);
    }
    if (seq.nextTokenIndex !== plan.keep) {
      // node-llama-cpp could not keep the prefix (e.g. it dropped SWA state itself): start over.
      await seq.clearHistory();
    }
    usage.promptTokens = tokens.length;
    usage.reusedTokens = seq.nextTokenIndex;
    const tail = tokens.slice(seq.nextTokenIndex, -1);
    const chunk = this.context.batchSize;
    for (let i = 0; i < tail.length; i += chunk) {
      if (signal.aborted || !(i === 0 || (await yieldPoint()))) return undefined;
      await seq.evaluateWithoutGeneratingNewTokens(tail.slice(i, i + chunk) as never);
    }
    if (signal.aborted) return undefined;
    // The last prompt token is evaluated by the caller (with generation or probabilities): count it.
    usage.reevaluatedTokens = seq.tokenMeter.usedInputTokens - before + 1;
    return tokens[tokens.length - 1];
  }

  /** Aborts everything running, waits for it to stop, then frees the context and the model. */
  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      this.isDisposed = true;
      this.latest.abortAll();
      await this.latest.idle();
      try {
        await this.context.dispose();
      } finally {
        await this.context.model.dispose();
      }
    })();
    return this.disposing;
  }
}

const JSON_GRAMMAR_END = '\n\n\n\n';

function emptyUsage(): Usage {
  return { promptTokens: 0, reusedTokens: 0, reevaluatedTokens: 0, generatedTokens: 0, reuse: 'empty', waitMs: 0, promptMs: 0, totalMs: 0 };
}

/** Index of the earliest stop string in `text`, or -1. */
export function firstStop(text: string, stops: readonly string[]): number {
  let best = -1;
  for (const s of stops) {
    const i = text.indexOf(s);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** Length of `text` that cannot turn into a stop string with more text (held back otherwise). */
export function safePrefix(text: string, stops: readonly string[]): number {
  let hold = 0;
  for (const s of stops) {
    for (let k = Math.min(s.length - 1, text.length); k > hold; k--) {
      if (text.endsWith(s.slice(0, k))) {
        hold = k;
        break;
      }
    }
  }
  return text.length - hold;
}
