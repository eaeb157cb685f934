/**
 * Workspace trust for the model. In Restricted Mode the server loads no model and downloads
 * nothing (the rules still run). The server learns the trust from `initializationOptions`
 * (`languageClient.ts`) and, when the user grants it later, from `WorkspaceTrustNotification`.
 * VS Code reloads the window when trust is revoked, so granting is the only change to follow.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceTrustNotification } from '../../../server/src/protocol';
import { errorMessage } from './downloadPlan';
import type { ModelStatusStore } from './statusStore';

/** Follows trust grants: updates the store and tells a running server. */
export function watchWorkspaceTrust(store: ModelStatusStore, client: () => LanguageClient | undefined, output: vscode.LogOutputChannel): vscode.Disposable {
  store.update({ trusted: vscode.workspace.isTrusted });
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    store.update({ trusted: true });
    const c = client();
    if (!c?.isRunning()) return; // a server started later reads workspace.isTrusted itself
    c.sendNotification(WorkspaceTrustNotification.type, { trusted: true }).catch((err: unknown) => {
      output.warn(`Could not tell the server that the workspace is trusted: ${errorMessage(err)}`);
    });
  });
}

/**
 * Says why `what` is unavailable in Restricted Mode and offers to manage trust. Returns true when
 * the workspace is restricted (the caller stops), false when it is trusted.
 */
export function explainIfRestricted(what: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  const message = `${what} is unavailable in Restricted Mode: this workspace is not trusted, and a workspace could point the model setting at any file. `
    + 'No model is loaded here; the rules, scores and triage still run. Trust the workspace to use the local model.';
  void vscode.window.showWarningMessage(message, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return true;
}
