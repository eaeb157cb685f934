/**
 * The server's model lifecycle: what the settings name gets loaded (only in a trusted
 * workspace), reloaded when a setting that matters changes, unloaded on request, downloaded
 * only when the user asks; every state change is reported (`ModelStatus`) for the status bar.
 * Loading, downloading and the model itself are injected, so this is tested with the real
 * loader on the tiny generated model and needs no VS Code.
 */
import type { Logger } from '../logger';
import { errorForLog } from '../logger';
import type { ModelSettings, ModelStatus } from '../protocol';
import { ModelError } from './errors';
import type { TextModel } from './types';

export interface LoadContext {
  signal: AbortSignal;
  onProgress(fraction: number): void;
}

/** Loads the model the settings name (a local path; `hf:` URIs must be downloaded first). */
export type ModelLoader = (settings: ModelSettings, context: LoadContext) => Promise<TextModel>;

export interface DownloadContext {
  signal: AbortSignal;
  onProgress(downloaded: number, total: number): void;
}

/** Downloads `uri` into `directory` (resuming a partial download) and returns the file path. */
export type ModelDownloader = (uri: string, directory: string, context: DownloadContext) => Promise<string>;

export interface ModelServiceDeps {
  loader: ModelLoader;
  downloader?: ModelDownloader;
  logger: Logger;
  onStatus(status: ModelStatus): void;
}

/** Settings whose change needs a reload. */
function loadKey(s: ModelSettings): string {
  return JSON.stringify([s.path, s.gpuLayers, s.contextSize, s.threads, s.swaFullCache, s.sequences]);
}

function describe(err: unknown): NonNullable<ModelStatus['error']> {
  if (err instanceof ModelError) return { message: err.message, reason: err.reason, hint: err.hint };
  return { message: 'The model could not be loaded.', reason: err instanceof Error ? err.name : undefined };
}

export class ModelService {
  private trusted = true;
  private settings: ModelSettings | undefined;
  private loadedKey: string | undefined;
  private current: TextModel | undefined;
  private state: ModelStatus = { state: 'none' };
  private loadAbort: AbortController | undefined;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private downloading = false;

  constructor(private readonly deps: ModelServiceDeps) {}

  /** The loaded model, when ready. */
  get model(): TextModel | undefined {
    return this.state.state === 'ready' ? this.current : undefined;
  }

  status(): ModelStatus {
    if (this.state.state === 'ready' && this.current) return { ...this.state, info: this.current.info, stats: this.current.stats() };
    return { ...this.state };
  }

  setTrusted(trusted: boolean): Promise<void> {
    if (trusted === this.trusted) return this.queue;
    this.trusted = trusted;
    return this.reconcile(true);
  }

  /** New settings: loads, reloads or unloads as needed. */
  applySettings(settings: ModelSettings): Promise<void> {
    this.settings = settings;
    return this.reconcile(false);
  }

  /** Loads (or reloads) the configured model now. */
  async load(): Promise<ModelStatus> {
    await this.reconcile(true);
    return this.status();
  }

  /** Unloads the model; it loads again on "Load Model" or when the model settings change. */
  async unload(): Promise<void> {
    this.loadAbort?.abort();
    await this.enqueue(async () => {
      await this.dropModel();
      this.loadedKey = this.settings ? loadKey(this.settings) : undefined;
      this.setState({ state: 'none' });
    });
  }

  async download(uri: string, directory: string, signal: AbortSignal): Promise<string> {
    if (!this.trusted) throw new ModelError('download-failed', 'Models are not downloaded in an untrusted workspace.', undefined, 'Trust the workspace first.');
    if (!this.deps.downloader) throw new ModelError('download-failed', 'Downloading is not available.');
    if (this.downloading) throw new ModelError('download-failed', 'A download is already running.');
    this.downloading = true;
    const previous = this.state;
    this.setState({ state: 'downloading', progress: 0 });
    try {
      const path = await this.deps.downloader(uri, directory, {
        signal,
        onProgress: (done, total) => {
          if (total > 0) this.setState({ state: 'downloading', progress: Math.min(1, done / total) });
        },
      });
      this.setState(previous.state === 'downloading' ? { state: 'none' } : previous);
      return path;
    } catch (err) {
      this.setState(previous);
      if (signal.aborted) throw new ModelError('download-failed', 'The download was cancelled; run "Download Model…" again to resume it.');
      this.deps.logger.warn(`model download failed (${errorForLog(err)})`);
      throw err instanceof ModelError ? err : new ModelError('download-failed', 'The model could not be downloaded.', err instanceof Error ? err.message.slice(0, 300) : undefined, 'Check the network connection and the model URI, then run "Download Model…" again (it resumes).');
    } finally {
      this.downloading = false;
    }
  }

  /** Aborts loading and generation, then frees the model. Idempotent. */
  async dispose(): Promise<void> {
    if (this.disposed) return this.queue;
    this.disposed = true;
    this.loadAbort?.abort();
    await this.enqueue(() => this.dropModel());
  }

  private reconcile(force: boolean): Promise<void> {
    const settings = this.settings;
    if (!settings || this.disposed) return this.queue;
    const key = loadKey(settings);
    if (!force && key === this.loadedKey) return this.queue;
    // A newer reconcile supersedes a load still running.
    this.loadAbort?.abort();
    return this.enqueue(async () => {
      if (this.disposed) return;
      const latest = this.settings ?? settings;
      const latestKey = loadKey(latest);
      if (!force && latestKey === this.loadedKey) return;
      await this.dropModel();
      this.loadedKey = latestKey;
      if (latest.path === '') return this.setState({ state: 'none' });
      if (!this.trusted) return this.setState({ state: 'untrusted' });
      if (/^(hf:|https?:)/i.test(latest.path)) {
        return this.setState({
          state: 'error',
          error: { message: 'The model setting names a download, not a file.', hint: 'Run "MedGemma Notes: Download Model…" to download it (you will be asked first), or select a local .gguf file.' },
        });
      }
      const abort = new AbortController();
      this.loadAbort = abort;
      this.setState({ state: 'loading', progress: 0 });
      const started = Date.now();
      try {
        const model = await this.deps.loader(latest, { signal: abort.signal, onProgress: (p) => this.setState({ state: 'loading', progress: p }) });
        if (abort.signal.aborted || this.disposed) {
          await model.dispose();
          return;
        }
        this.current = model;
        this.deps.logger.info(`model loaded in ${Date.now() - started} ms (${model.info.architecture}, ${model.info.quantisation}, context ${model.info.contextSize}, ${model.info.backend})`);
        this.setState({ state: 'ready' });
      } catch (err) {
        if (abort.signal.aborted) return;
        this.deps.logger.warn(`model load failed (${errorForLog(err)})`);
        this.setState({ state: 'error', error: describe(err) });
      } finally {
        if (this.loadAbort === abort) this.loadAbort = undefined;
      }
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async dropModel(): Promise<void> {
    const model = this.current;
    this.current = undefined;
    if (model) await model.dispose();
  }

  private setState(state: ModelStatus): void {
    this.state = state;
    try {
      this.deps.onStatus(this.status());
    } catch (err) {
      this.deps.logger.warn(`status listener failed (${errorForLog(err)})`);
    }
  }
}
