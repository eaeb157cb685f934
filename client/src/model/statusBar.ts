/**
 * The model's status bar item: renders the store's `ModelView` (see `statusBarText.ts` for what
 * each state says) and shows itself in clinical-note editors and during a download or load.
 */
import * as vscode from 'vscode';
import { SHOW_MODEL_STATUS_COMMAND } from './commandIds';
import { shouldShowStatusBar, statusBarPresentation } from './statusBarText';
import type { ModelStatusStore } from './statusStore';

export class ModelStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(private readonly store: ModelStatusStore) {
    this.item = vscode.window.createStatusBarItem('medgemmaNotes.model', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'MedGemma Notes Model';
    this.disposables.push(
      this.item,
      store.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  /**
   * Shows what the model computes for the user (e.g. `completion` → "computing completion"), or
   * clears it with undefined. For the completion feature; ignored unless the model is ready.
   */
  setBusy(kind: string | undefined): void {
    this.store.update({ busy: kind });
  }

  private render(): void {
    if (this.disposed) return;
    const view = this.store.current;
    const p = statusBarPresentation(view);
    this.item.text = p.text;
    this.item.tooltip = p.tooltip;
    this.item.backgroundColor = p.background === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.command = { title: 'Show Model Status', command: SHOW_MODEL_STATUS_COMMAND, arguments: [p.click] };
    const doc = vscode.window.activeTextEditor?.document;
    if (shouldShowStatusBar(doc && { languageId: doc.languageId, scheme: doc.uri.scheme }, view)) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
