/**
 * The product's model loader and downloader on node-llama-cpp: one llama.cpp backend per server
 * process (GPU auto-detection with CPU fallback), started on first use.
 */
import { existsSync } from 'node:fs';
import type { Logger } from '../logger';
import type { ModelSettings } from '../protocol';
import { type Backend, nodeLlamaCpp, startBackend } from './llamaBackend';
import { loadTextModel } from './llamaTextModel';
import type { ModelDownloader, ModelLoader } from './modelService';

/** The downloader (ipull) writes `<file>.ipull` until the download completes. */
const PARTIAL_SUFFIX = '.ipull';

export interface LlamaRuntime {
  loader: ModelLoader;
  downloader: ModelDownloader;
  dispose(): Promise<void>;
}

export function createLlamaRuntime(logger: Logger, options: { gpu?: 'auto' | false } = {}): LlamaRuntime {
  let backend: Promise<Backend> | undefined;
  const getBackend = (): Promise<Backend> => {
    backend ??= startBackend({ gpu: options.gpu ?? 'auto', logger });
    backend.catch(() => {
      backend = undefined;
    });
    return backend;
  };
  const loader: ModelLoader = async (settings: ModelSettings, context) =>
    loadTextModel(await getBackend(), {
      path: settings.path,
      gpuLayers: settings.gpuLayers,
      contextSize: settings.contextSize,
      threads: settings.threads,
      swaFullCache: settings.swaFullCache,
      sequences: settings.sequences,
      logger,
      signal: context.signal,
      onProgress: context.onProgress,
    });
  const downloader: ModelDownloader = async (uri, directory, context) => {
    const nlc = await nodeLlamaCpp();
    const isUrl = /^https?:/i.test(uri);
    const download = await nlc.createModelDownloader({
      ...(isUrl ? { modelUrl: uri } : { modelUri: uri }),
      dirPath: directory,
      showCliProgress: false,
      // ipull saves resume metadata only without skipExisting; a finished file is detected below.
      skipExisting: false,
      // Ask to keep the partial file on cancel (resume); see the README for what this version does.
      deleteTempFileOnCancel: false,
      onProgress: (s) => context.onProgress(s.downloadedSize, s.totalSize),
    });
    const target = download.entrypointFilePath;
    if (existsSync(target) && !existsSync(`${target}${PARTIAL_SUFFIX}`)) return target;
    // Cancel (keeping the partial file) rather than abort, so running the command again resumes.
    const onAbort = (): void => void download.cancel({ deleteTempFile: false }).catch(() => undefined);
    if (context.signal.aborted) throw new Error('cancelled');
    context.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const path = await download.download();
      if (context.signal.aborted) throw new Error('cancelled');
      return path;
    } finally {
      context.signal.removeEventListener('abort', onAbort);
    }
  };
  return {
    loader,
    downloader,
    async dispose() {
      const b = backend;
      backend = undefined;
      if (b) await (await b).llama.dispose();
    },
  };
}
