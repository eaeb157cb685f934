/** Loads the tiny generated model through the product's own loader, on one CPU thread. */
import { startBackend, type Backend } from '../../server/src/model/llamaBackend';
import { loadTextModel, type LlamaTextModel, type TextModelOptions } from '../../server/src/model/llamaTextModel';
import { silentLogger } from '../../server/src/logger';
import { tinyModelPath } from './models';

let backend: Promise<Backend> | undefined;

/** One llama.cpp backend per test process (CPU only: tests must behave the same everywhere). */
export function testBackend(): Promise<Backend> {
  backend ??= startBackend({ gpu: false, logger: silentLogger });
  return backend;
}

export async function loadTinyModel(options: Partial<TextModelOptions> = {}): Promise<LlamaTextModel> {
  return loadTextModel(await testBackend(), {
    path: tinyModelPath(),
    gpuLayers: 0,
    contextSize: 2048,
    threads: 1,
    swaFullCache: true,
    sequences: 2,
    logger: silentLogger,
    ...options,
  });
}
