/** Commands of the extension. Each answers politely when the server is not running yet. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runCalculate } from './calculate';
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

/** The extension's id (`publisher.name` in package.json), to find its bundled example notes. */
const EXTENSION_ID = 'medgemma-notes.medgemma-notes';

/**
 * Opens one of the synthetic example notes shipped in `examples/` as an untitled note, so that
 * edits never touch the installed extension. `name` comes from walkthrough command links; only
 * names listed in that folder are accepted. Without a name, the user picks one.
 */
async function openExample(name?: unknown): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return;
  const folder = vscode.Uri.joinPath(extension.extensionUri, 'examples');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const names = entries
    .filter(([n, type]) => type === vscode.FileType.File && /\.(?:cnote|note)$/.test(n))
    .map(([n]) => n)
    .sort();
  const file = typeof name === 'string' && names.includes(name)
    ? name
    : await vscode.window.showQuickPick(names, { placeHolder: 'Open an example clinical note (synthetic: no real patient)' });
  if (!file) return;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, file));
  const doc = await vscode.workspace.openTextDocument({ language: 'clinical-note', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(doc, { preview: false });
}

function readyClient(ctx: CommandContext): LanguageClient | undefined {
  const client = ctx.client();
  if (!client || !client.isRunning()) {
    void vscode.window.showInformationMessage('MedGemma Notes is still starting; try again in a moment.');
    return undefined;
  }
  return client;
}

/** The active note and a running client, or undefined after telling the user what is missing. */
function noteAndClient(ctx: CommandContext, purpose: string): { editor: vscode.TextEditor; client: LanguageClient } | undefined {
  const editor = activeNote();
  if (!editor) {
    void vscode.window.showInformationMessage(`Open a clinical note (.cnote or .note) to ${purpose}.`);
    return undefined;
  }
  const client = readyClient(ctx);
  return client ? { editor, client } : undefined;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('medgemmaNotes.showNoteStructure', async () => {
      const target = noteAndClient(ctx, 'see its structure');
      if (!target) return;
      const { editor, client } = target;
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
      const target = noteAndClient(ctx, 'export its decision support');
      if (!target) return;
      const { editor, client } = target;
      const response = await client.sendRequest(CdsHooksRequest.type, { uri: editor.document.uri.toString() });
      if (!response) return;
      const source = editor.document.uri;
      const defaultUri = source.scheme === 'file' ? vscode.Uri.file(source.fsPath.replace(/\.[^./\\]+$/, '') + '.cds-hooks.json') : undefined;
      const file = await vscode.window.showSaveDialog({ defaultUri, filters: { 'CDS Hooks response': ['json'] }, title: 'Export decision support as CDS Hooks cards' });
      if (!file) return;
      await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(response, null, 2) + '\n', 'utf8'));
      void vscode.window.showInformationMessage(`Exported ${response.cards.length} CDS Hooks card${response.cards.length === 1 ? '' : 's'}.`);
    }),
    vscode.commands.registerCommand('medgemmaNotes.calculate', async () => {
      const client = readyClient(ctx);
      if (client) await runCalculate(client);
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
    vscode.commands.registerCommand('medgemmaNotes.openExample', openExample),
  ];
}
