/**
 * Loads node-llama-cpp (ESM-only, so imported dynamically) and a model file, turning llama.cpp's
 * failures into `ModelError`s with its own reason. llama.cpp's log lines are captured: warnings
 * and errors go to the server's logger (they describe the model and the machine, never prompts),
 * and the recent lines explain a failed load.
 */
import type { Llama, LlamaModel } from 'node-llama-cpp' with { 'resolution-mode': 'import' };
import type { Logger } from '../logger';
import { ModelError, isOutOfMemory, outOfMemoryError, reasonFrom, SUPPORTED_ARCHITECTURES } from './errors';
import { checkModelFile } from './fileCheck';
import { modelFacts, type ModelFacts } from './ggufFacts';

type NodeLlamaCpp = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

let modulePromise: Promise<NodeLlamaCpp> | undefined;

/** node-llama-cpp, imported once. */
export function nodeLlamaCpp(): Promise<NodeLlamaCpp> {
  modulePromise ??= import('node-llama-cpp');
  return modulePromise;
}

/** The last llama.cpp log lines, for explaining failures. */
export class LogTail {
  private lines: string[] = [];
  /** Lines dropped from the front, so marks keep counting once the tail is full. */
  private dropped = 0;
  // A 62-layer model logs one line per layer and cache before the KV size lines: keep enough.
  constructor(private readonly max = 400) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) {
      const excess = this.lines.length - this.max;
      this.lines.splice(0, excess);
      this.dropped += excess;
    }
  }
  /** A position in the log (lines ever pushed). */
  mark(): number {
    return this.dropped + this.lines.length;
  }
  /** Lines since `mark` that are still kept (or all kept ones). */
  since(mark = 0): string[] {
    return this.lines.slice(Math.max(0, Math.min(mark - this.dropped, this.lines.length)));
  }
  clear(): void {
    this.dropped += this.lines.length;
    this.lines = [];
  }
  /**
   * Resolves once lines have stopped arriving (none for `quietMs`, at most `maxMs`). llama.cpp
   * logs from worker threads and node-llama-cpp delivers the lines through the event loop, so
   * they can arrive after the operation that wrote them has resolved.
   */
  async settle(quietMs = 30, maxMs = 1000): Promise<void> {
    const deadline = Date.now() + maxMs;
    let seen: number;
    do {
      seen = this.mark();
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      // setImmediate runs after the poll phase, where queued log calls are delivered.
      await new Promise((resolve) => setImmediate(resolve));
    } while (seen !== this.mark() && Date.now() < deadline);
  }
  /** llama.cpp's KV cache size lines, e.g. `llama_kv_cache: size = 5.00 MiB (2048 cells, 5 layers, 1/1 seqs), ...`. */
  kvCacheBytes(mark = 0): number | undefined {
    let total = 0;
    let found = false;
    for (const line of this.since(mark)) {
      const m = /llama_kv_cache[\w]*: size =\s+([\d.]+) MiB/.exec(line);
      if (m?.[1]) {
        total += Number(m[1]) * 1024 * 1024;
        found = true;
      }
    }
    return found ? total : undefined;
  }
}

export interface BackendOptions {
  /** `auto`: the best GPU backend that loads, else the CPU; `false`: CPU only. */
  gpu: 'auto' | false;
  logger: Logger;
}

export interface Backend {
  llama: Llama;
  logs: LogTail;
  /** `cpu`, `cuda`, `vulkan`, `metal`. */
  name: string;
}

/** Starts llama.cpp with prebuilt binaries only (never downloads or builds at run time). */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const nlc = await nodeLlamaCpp();
  const logs = new LogTail();
  const logger = (level: string, message: string): void => {
    const line = message.replace(/\s+$/, '');
    if (line.length === 0) return;
    logs.push(line);
    if (level === 'error' || level === 'fatal') options.logger.error(`llama.cpp: ${line}`);
    else if (level === 'warn') options.logger.warn(`llama.cpp: ${line}`);
  };
  const common = { build: 'never' as const, logLevel: nlc.LlamaLogLevel.debug, logger, progressLogs: false, skipDownload: true, usePrebuiltBinaries: true };
  let llama: Llama;
  try {
    llama = await nlc.getLlama({ ...common, gpu: options.gpu === false ? false : 'auto' });
  } catch (err) {
    if (options.gpu === false) throw new ModelError('no-backend', 'Could not start llama.cpp on this machine.', reasonFrom(logs.since()) ?? (err instanceof Error ? err.name : undefined), 'Reinstall the extension; its prebuilt llama.cpp binary may be missing for this platform.');
    // A GPU binary that does not load here (no driver) is not an error: use the CPU.
    options.logger.warn('no GPU backend could be loaded; using the CPU');
    llama = await nlc.getLlama({ ...common, gpu: false });
  }
  return { llama, logs, name: llama.gpu === false ? 'cpu' : String(llama.gpu) };
}

export interface LoadOptions {
  path: string;
  gpuLayers: 'auto' | 'max' | number;
  signal?: AbortSignal;
  onProgress?(fraction: number): void;
}

export interface LoadedFile {
  model: LlamaModel;
  facts: ModelFacts;
  fileBytes: number;
}

/** Checks, then loads a Gemma 3 model file; every failure is a `ModelError` with llama.cpp's reason. */
export async function loadModelFile(backend: Backend, options: LoadOptions): Promise<LoadedFile> {
  const fileBytes = checkModelFile(options.path);
  const nlc = await nodeLlamaCpp();
  let facts: ModelFacts;
  try {
    const info = await nlc.readGgufFileInfo(options.path, { readTensorInfo: true, logWarnings: false });
    facts = modelFacts(info as unknown as Parameters<typeof modelFacts>[0]);
  } catch (err) {
    throw new ModelError('not-gguf', `The GGUF file could not be read: ${options.path}`, err instanceof Error ? err.message.slice(0, 300) : undefined, 'The file may be truncated (an interrupted download) or from an incompatible GGUF version. Download it again.');
  }
  if (!(SUPPORTED_ARCHITECTURES as readonly string[]).includes(facts.architecture)) {
    throw new ModelError(
      'unsupported-architecture',
      `This model's architecture is "${facts.architecture}"; MedGemma Notes runs Gemma 3 models (MedGemma 4B and 27B).`,
      `general.architecture = ${facts.architecture}`,
      'Choose a MedGemma GGUF file, e.g. medgemma-27b-text-it-Q4_K_M.gguf.',
    );
  }
  const mark = backend.logs.mark();
  try {
    const model = await backend.llama.loadModel({
      modelPath: options.path,
      gpuLayers: options.gpuLayers,
      loadSignal: options.signal,
      onLoadProgress: options.onProgress,
    });
    return { model, facts, fileBytes };
  } catch (err) {
    if (options.signal?.aborted) throw new ModelError('disposed', 'Model loading was cancelled.');
    await backend.logs.settle();
    const lines = backend.logs.since(mark);
    const reason = reasonFrom(lines) ?? (err instanceof Error ? err.message.slice(0, 300) : undefined);
    if (isOutOfMemory(lines.join('\n')) || (err instanceof Error && isOutOfMemory(err.message))) throw outOfMemoryError('load the model', reason);
    throw new ModelError('load-failed', `llama.cpp could not load the model file ${options.path}.`, reason, 'The file may be damaged or need a newer llama.cpp. Download it again, or choose another quantisation.');
  }
}
