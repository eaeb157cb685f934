/**
 * Extension-host tests run by `npm run test:electron` inside a real VS Code: activation,
 * diagnostics (compared with what the rules compute for the same text), quick fixes, the
 * triage code lens and the commands. The workspace is a temporary copy of `examples/`.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedDiagnostics, expectedFix, expectedTriageLens, parsed } from '../../e2e/expected';
import { type HostTest, runAll, when } from './harness';

const EXTENSION_ID = 'medgemma-notes.medgemma-notes';
const SEPSIS = 'ed-triage-sepsis.cnote';
const MEDS = 'hp-medication-safety.cnote';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

/** Our diagnostics for a document once they match `ready`, waiting on diagnostics changes. */
function diagnosticsOf(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 60_000): Promise<vscode.Diagnostic[]> {
  return when(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGemma Notes');
      return ready(ours) ? ours : undefined;
    },
    `diagnostics for ${uri.path}`,
    timeoutMs,
  );
}

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const where = (d: vscode.Diagnostic): string => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`;

const tests: HostTest[] = [
  {
    name: 'activates on a clinical note and registers every contributed command',
    async run() {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is installed`);
      const editor = await open(SEPSIS);
      assert.equal(editor.document.languageId, 'clinical-note');
      await ext.activate();
      assert.ok(ext.isActive);
      const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'every contributed command is registered');
    },
  },
  {
    name: 'publishes the diagnostics the rules compute for the medication-safety example',
    async run() {
      const editor = await open(MEDS);
      const want = expectedDiagnostics(editor.document.getText()).map((d) => `${d.code}@${d.line}:${d.column}`).sort();
      const got = await diagnosticsOf(editor.document.uri, (d) => d.length === want.length);
      assert.deepEqual(got.map(where).sort(), want);
    },
  },
  {
    name: 'reports a binary note as not analysed',
    async run() {
      const doc = await vscode.workspace.openTextDocument({ language: 'clinical-note', content: 'PNG\u0000\u0001\u0002 not a note \u0000\u0000' });
      await vscode.window.showTextDocument(doc);
      const got = await diagnosticsOf(doc.uri, (d) => d.length > 0);
      assert.deepEqual(got.map(codeOf), ['input-not-analysed']);
    },
  },
  {
    name: 'a quick fix edits the note (QD → daily)',
    async run() {
      const editor = await open(MEDS);
      const fix = expectedFix(editor.document.getText(), /"daily"/);
      assert.ok(fix, 'a registered rule offers a quick fix in the example');
      await diagnosticsOf(editor.document.uri, (d) => d.length > 0);
      const at = new vscode.Position(fix.diagnostic.line - 1, fix.diagnostic.column - 1);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
      const action = actions.find((a) => a.title === fix.fix.title);
      assert.ok(action?.edit, `quick fix "${fix.fix.title}" offered; got ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      assert.equal(editor.document.lineAt(fix.diagnostic.line - 1).text, fix.lineAfter);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(editor.document.lineAt(fix.diagnostic.line - 1).text, fix.lineBefore);
    },
  },
  {
    name: 'shows the triage code lens at line 0',
    async run() {
      const editor = await open(SEPSIS);
      const want = expectedTriageLens(editor.document.getText());
      assert.ok(want);
      // Diagnostics arriving means the server has analysed this note.
      await diagnosticsOf(editor.document.uri, () => true);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
      const lens = lenses.find((l) => l.command?.title === want);
      assert.ok(lens, `lens "${want}"; got ${lenses.map((l) => l.command?.title).join(' | ')}`);
      assert.equal(lens.range.start.line, 0);
    },
  },
  {
    name: 'Show Note Structure opens the note model as JSON',
    async run() {
      const editor = await open(SEPSIS);
      const noteType = parsed(editor.document.getText()).noteType;
      const opened = when(vscode.window.onDidChangeActiveTextEditor, () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.languageId === 'json' ? active : undefined;
      }, 'JSON editor');
      await vscode.commands.executeCommand('medgemmaNotes.showNoteStructure');
      const json = JSON.parse((await opened).document.getText()) as { noteType: string };
      assert.equal(json.noteType, noteType);
    },
  },
  {
    name: 'Open Example Note opens an untitled copy of the example',
    async run() {
      const example = (await vscode.workspace.openTextDocument(workspaceFile(SEPSIS))).getText();
      await vscode.commands.executeCommand('medgemmaNotes.openExample', SEPSIS);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.isUntitled, true);
      assert.equal(editor.document.languageId, 'clinical-note');
      assert.equal(editor.document.getText(), example);
    },
  },
];

/** Entry point called by VS Code's extension-test host. */
export async function run(): Promise<void> {
  await runAll(tests);
}
