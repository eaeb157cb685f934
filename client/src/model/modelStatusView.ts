/**
 * "Show Model Status" as a read-only virtual Markdown document (`medgemma-notes-model:`) that
 * refreshes while open. It works without a running server: the document then says so.
 */
import * as vscode from 'vscode';
import { MODEL_STATUS_SCHEME } from './commandIds';
import { refreshKey, statusDocument, type StatusDocumentContext } from './statusDocument';
import type { ModelStatusStore } from './statusStore';

export interface ModelStatusViewDeps {
  store: ModelStatusStore;
  /** Asks the server for a fresh status (stats change without notifications); never rejects. */
  refresh(token?: vscode.CancellationToken): Promise<void>;
  /** The configured model path and download folder, read when the document renders. */
  documentContext(): StatusDocumentContext;
}

export class ModelStatusView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** The one status document; its `.md` name makes VS Code treat it as Markdown. */
  readonly uri = vscode.Uri.from({ scheme: MODEL_STATUS_SCHEME, path: '/Model Status.md' });
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly deps: ModelStatusViewDeps) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(MODEL_STATUS_SCHEME, this),
      deps.store.onDidChange((view, previous) => {
        if (refreshKey(view) !== refreshKey(previous) && this.isOpen()) this.changed.fire(this.uri);
      }),
    ];
  }

  async provideTextDocumentContent(_uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    await this.deps.refresh(token);
    return statusDocument(this.deps.store.current, this.deps.documentContext());
  }

  /** Opens the document beside the note (or refreshes it when it is already open). */
  async show(): Promise<void> {
    if (this.isOpen()) this.changed.fire(this.uri);
    const doc = await vscode.workspace.openTextDocument(this.uri);
    // Reuse the column it is already shown in, so repeated clicks do not split the window again.
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preview: true });
  }

  private isOpen(): boolean {
    const key = this.uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
