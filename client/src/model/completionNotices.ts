/**
 * What the server says about inline completions: "computing" in the status bar while the model
 * works, and — once per session, not per keystroke — that completions need a model, with the
 * actions to get one.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompletionBusyNotification, ModelNeededNotification } from '../../../server/src/protocol';

let toldNoModel = false;

export function attachCompletionNotices(client: LanguageClient, setBusy: (kind: string | undefined) => void): vscode.Disposable {
  const subs = [
    client.onNotification(CompletionBusyNotification.type, (p) => setBusy(p.busy ? 'completion' : undefined)),
    client.onNotification(ModelNeededNotification.type, () => {
      if (toldNoModel) return;
      toldNoModel = true;
      void vscode.window
        .showInformationMessage('Inline completions need the local MedGemma model. Select a GGUF file you have, or download one (you will be asked first).', 'Select Model File…', 'Download Model…', 'Turn Off Inline Completions')
        .then((choice) => {
          if (choice === 'Select Model File…') void vscode.commands.executeCommand('medgemmaNotes.selectModelFile');
          else if (choice === 'Download Model…') void vscode.commands.executeCommand('medgemmaNotes.downloadModel');
          else if (choice === 'Turn Off Inline Completions') void vscode.workspace.getConfiguration('medgemmaNotes').update('completion.inline.enable', false, vscode.ConfigurationTarget.Global);
        });
    }),
  ];
  return vscode.Disposable.from(...subs);
}
