/**
 * The model's LSP surface: status request and notifications, load/unload/download requests and
 * the workspace-trust notification, over a `ModelService`.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { errorForLog, type Logger } from '../logger';
import { ModelError } from '../model/errors';
import type { ModelService } from '../model/modelService';
import { DownloadModelRequest, LoadModelRequest, ModelStatusRequest, UnloadModelRequest, WorkspaceTrustNotification } from '../protocol';

export function registerModelFeature(connection: Connection, service: ModelService, logger: Logger, onTrust?: (trusted: boolean) => void): void {
  connection.onRequest(ModelStatusRequest.type, () => service.status());
  connection.onRequest(LoadModelRequest.type, () => service.load());
  connection.onRequest(UnloadModelRequest.type, () => service.unload());
  connection.onRequest(DownloadModelRequest.type, async (params, token: CancellationToken) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return { path: await service.download(params.uri, params.directory, abort.signal) };
    } catch (err) {
      logger.warn(`download request failed (${errorForLog(err)})`);
      // The client shows the message; ModelError messages name files and settings, never note text.
      throw err instanceof ModelError ? new Error(err.hint ? `${err.message} ${err.hint}` : err.message) : new Error('The model could not be downloaded.');
    } finally {
      sub.dispose();
    }
  });
  connection.onNotification(WorkspaceTrustNotification.type, (p) => {
    void service.setTrusted(p.trusted === true);
    onTrust?.(p.trusted === true);
  });
}
