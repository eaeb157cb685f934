/**
 * The client side of the local model, wired in one call from `extension.ts`: the status store,
 * the status bar item, the status document, workspace trust and the model commands. It lives as
 * long as the extension; `attach` follows each language client (recreated on restart).
 */
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { ModelStatusNotification, ModelStatusRequest } from '../../../server/src/protocol';
import { errorMessage, isCancelled } from './downloadPlan';
import { configuredModelPath, registerModelCommands } from './modelCommands';
import { ModelStatusView } from './modelStatusView';
import { ModelStatusBar } from './statusBar';
import { ModelStatusStore } from './statusStore';
import { watchWorkspaceTrust } from './trust';

/** How long "Show Model Status" waits for the server before rendering what it already knows. */
const STATUS_REQUEST_TIMEOUT_MS = 5000;

/** What the rest of the extension uses of the model UI. */
export interface ModelFeatures extends vscode.Disposable {
  /**
   * Follows `client` from now on (call before `client.start()` so no notification is missed):
   * status notifications, and a fresh status request whenever it reaches the running state.
   */
  attach(client: LanguageClient): void;
  /** Shows "computing <kind>" in the status bar while the model works (undefined: done). */
  setBusy(kind: string | undefined): void;
  /** The model's state as last reported, for features that skip work without a model. */
  readonly store: ModelStatusStore;
}

export function registerModelFeatures(
  context: vscode.ExtensionContext,
  deps: { client(): LanguageClient | undefined; output: vscode.LogOutputChannel },
): ModelFeatures {
  const { output } = deps;
  const store = new ModelStatusStore({ trusted: vscode.workspace.isTrusted, server: 'starting' });
  const downloadDirectory = vscode.Uri.joinPath(context.globalStorageUri, 'models');
  let clientScope: vscode.Disposable[] = [];
  let disposed = false;

  const refresh = async (token?: vscode.CancellationToken): Promise<void> => {
    const client = deps.client();
    if (!client?.isRunning()) return;
    const source = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => source.cancel(), STATUS_REQUEST_TIMEOUT_MS);
    const forward = token?.onCancellationRequested(() => source.cancel());
    try {
      const status = await client.sendRequest(ModelStatusRequest.type, source.token);
      if (deps.client() === client) store.update({ status });
    } catch (err) {
      if (!isCancelled(err)) output.warn(`Model status request failed: ${errorMessage(err)}`);
    } finally {
      clearTimeout(timer);
      forward?.dispose();
      source.dispose();
    }
  };

  const statusBar = new ModelStatusBar(store);
  const view = new ModelStatusView({
    store,
    refresh,
    documentContext: () => ({ configuredPath: configuredModelPath(), downloadDirectory: downloadDirectory.fsPath }),
  });
  const extensionScope: vscode.Disposable[] = [
    statusBar,
    view,
    watchWorkspaceTrust(store, deps.client, output),
    ...registerModelCommands({ client: deps.client, store, view, output, downloadDirectory }),
  ];

  const disposeClientScope = (): void => {
    for (const d of clientScope.splice(0)) d.dispose();
  };

  return {
    store,
    attach(client: LanguageClient): void {
      if (disposed) return;
      disposeClientScope();
      store.update({ server: 'starting', status: undefined, busy: undefined });
      clientScope = [
        client.onNotification(ModelStatusNotification.type, (status) => store.update({ status })),
        client.onDidChangeState((e) => {
          if (e.newState === State.Running) {
            store.update({ server: 'running' });
            void refresh();
          } else if (e.newState === State.Stopped) {
            store.update({ server: 'stopped', status: undefined, busy: undefined });
          } else {
            store.update({ server: 'starting' });
          }
        }),
      ];
    },
    setBusy(kind: string | undefined): void {
      statusBar.setBusy(kind);
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      disposeClientScope();
      for (const d of extensionScope.splice(0)) d.dispose();
      store.dispose();
    },
  };
}
