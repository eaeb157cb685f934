/** Commands of the extension. Each answers politely when the server is not running yet. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CdsHooksRequest, NoteModelRequest, SHOW_TRIAGE_COMMAND, ServerInfoRequest, TriageRequest } from '../../server/src/protocol';

export interface CommandContext {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
  output: vscode.LogOutputChannel;
}

function activeNote(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'clinical-note' ? editor : undefined;
}

function readyClient(ctx: CommandContext): LanguageClient | undefined {
  const client = ctx.client();
  if (!client || !client.isRunning()) {
    void vscode.window.showInformationMessage('MedGemma Notes is still starting; try again in a moment.');
    return undefined;
  }
  return client;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('medgemmaNotes.showNoteStructure', async () => {
      const editor = activeNote();
      if (!editor) {
        void vscode.window.showInformationMessage('Open a clinical note (.cnote or .note) to see its structure.');
        return;
      }
      const client = readyClient(ctx);
      if (!client) return;
      const model = await client.sendRequest(NoteModelRequest.type, { uri: editor.document.uri.toString() });
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(model, null, 2) });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
    vscode.commands.registerCommand(SHOW_TRIAGE_COMMAND, async (uri?: string) => {
      const target = uri ?? activeNote()?.document.uri.toString();
      if (!target) {
        void vscode.window.showInformationMessage('Open a clinical note to see its triage.');
        return;
      }
      const client = readyClient(ctx);
      if (!client) return;
      const result = await client.sendRequest(TriageRequest.type, { uri: target });
      if (!result) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri).then(undefined, async () => {
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      });
    }),
    vscode.commands.registerCommand('medgemmaNotes.exportCdsHooks', async () => {
      const editor = activeNote();
      if (!editor) {
        void vscode.window.showInformationMessage('Open a clinical note to export its decision support.');
        return;
      }
      const client = readyClient(ctx);
      if (!client) return;
      const response = await client.sendRequest(CdsHooksRequest.type, { uri: editor.document.uri.toString() });
      if (!response) return;
      const source = editor.document.uri;
      const defaultUri = source.scheme === 'file' ? vscode.Uri.file(source.fsPath.replace(/\.[^./\\]+$/, '') + '.cds-hooks.json') : undefined;
      const target = await vscode.window.showSaveDialog({ defaultUri, filters: { 'CDS Hooks response': ['json'] }, title: 'Export decision support as CDS Hooks cards' });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(response, null, 2) + '\n', 'utf8'));
      void vscode.window.showInformationMessage(`Exported ${response.cards.length} CDS Hooks card${response.cards.length === 1 ? '' : 's'}.`);
    }),
    vscode.commands.registerCommand('medgemmaNotes.showServerInfo', async () => {
      const client = readyClient(ctx);
      if (!client) return;
      const info = await client.sendRequest(ServerInfoRequest.type);
      void vscode.window.showInformationMessage(`MedGemma Notes server ${info.version}: ${info.documents} open notes, ${info.rules.length} rules.`);
    }),
    vscode.commands.registerCommand('medgemmaNotes.restartServer', async () => {
      await ctx.restart();
      void vscode.window.showInformationMessage('MedGemma Notes server restarted.');
    }),
    vscode.commands.registerCommand('medgemmaNotes.showOutput', () => ctx.output.show(true)),
  ];
}
