/**
 * The FHIR commands: sign in and out, test the connection, link a note to a patient, refresh and
 * show the patient's context, export the note. Each says what is missing (a note, the server, a
 * base URL, trust) instead of failing silently.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FhirContextRequest, type FhirExportedNote, FhirExportRequest, FhirTestConnectionRequest } from '../../../server/src/protocol';
import { FHIR_COMMANDS } from './commandIds';
import { linkPatient } from './linkPatient';
import { openFhirSettings, showFhirError } from './messages';
import { type FhirSecrets, fhirSettings, hostOf, normalisedBase } from './secrets';

export interface FhirCommandContext {
  client(): LanguageClient | undefined;
  secrets: FhirSecrets;
  /** Sends the stored credential (or none) to the running server. */
  sendCredentials(): Promise<void>;
  /** Where exports are remembered (per workspace) and the author (per user). */
  workspaceState: vscode.Memento;
  globalState: vscode.Memento;
  output: vscode.LogOutputChannel;
}

const EXPORTS_KEY = 'medgemmaNotes.fhir.exports';
const AUTHOR_KEY = 'medgemmaNotes.fhir.author';

function running(ctx: FhirCommandContext): LanguageClient | undefined {
  const client = ctx.client();
  if (client?.isRunning()) return client;
  void vscode.window.showInformationMessage('MedGemma Notes is still starting; try again in a moment.');
  return undefined;
}

function activeNote(purpose: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'clinical-note') return editor;
  void vscode.window.showInformationMessage(`Open a clinical note (.cnote or .note) to ${purpose}.`);
  return undefined;
}

/** False (after saying why) when no server is set or the workspace is not trusted. */
function ready(): boolean {
  if (!vscode.workspace.isTrusted) {
    void showFhirError({ kind: 'untrusted', message: 'This workspace is not trusted, so MedGemma Notes makes no FHIR request here.' });
    return false;
  }
  if (!fhirSettings().baseUrl) {
    void showFhirError({ kind: 'not-configured', message: 'No FHIR server is configured: set medgemmaNotes.fhir.baseUrl first.' });
    return false;
  }
  return true;
}

async function signIn(ctx: FhirCommandContext): Promise<void> {
  if (!ready()) return;
  const settings = fhirSettings();
  const host = hostOf(settings.baseUrl);
  if (!normalisedBase(settings.baseUrl)) {
    void showFhirError({ kind: 'not-configured', message: 'medgemmaNotes.fhir.baseUrl is not a URL.' });
    return;
  }
  if (settings.auth === 'none') {
    const choice = await vscode.window.showInformationMessage(`medgemmaNotes.fhir.auth is 'none': ${host} is used without credentials. Choose 'bearer' or 'smart-backend' to sign in.`, 'Open Settings');
    if (choice) await openFhirSettings();
    return;
  }
  if (settings.auth === 'bearer') {
    const token = await vscode.window.showInputBox({
      title: `Sign in to ${host}`,
      prompt: 'Access token (kept in VS Code secret storage, never in settings or logs)',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length === 0 ? 'Enter the token.' : /\s/.test(v.trim()) ? 'A token has no spaces.' : undefined),
    });
    if (!token) return;
    await ctx.secrets.store(settings.baseUrl, { token: token.trim().replace(/^Bearer\s+/i, '') });
  } else {
    if (!settings.clientId) {
      const choice = await vscode.window.showWarningMessage('SMART backend-services sign-in needs medgemmaNotes.fhir.clientId.', 'Open Settings');
      if (choice) await openFhirSettings();
      return;
    }
    const stored = await smartCredential(host);
    if (!stored) return;
    await ctx.secrets.store(settings.baseUrl, stored);
  }
  await ctx.sendCredentials();
  await testConnection(ctx, true);
}

/** A private key file (with its key id) or a client secret, as the user chooses. */
async function smartCredential(host: string): Promise<{ privateKey: string; keyId?: string } | { clientSecret: string } | undefined> {
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Private key (PEM file)', description: 'signed client assertion, RS384 or ES384 (recommended)', key: true },
      { label: 'Client secret', description: 'client_secret_basic', key: false },
    ],
    { title: `Sign in to ${host} (SMART backend services)`, ignoreFocusOut: true },
  );
  if (!kind) return undefined;
  if (!kind.key) {
    const secret = await vscode.window.showInputBox({ title: `Client secret for ${host}`, password: true, ignoreFocusOut: true, validateInput: (v) => (v.length === 0 ? 'Enter the secret.' : undefined) });
    return secret ? { clientSecret: secret } : undefined;
  }
  const files = await vscode.window.showOpenDialog({ title: 'Private key for the SMART client', canSelectMany: false, filters: { 'PEM private key': ['pem', 'key'], 'All files': ['*'] } });
  const file = files?.[0];
  if (!file) return undefined;
  const pem = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  if (!/-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    void vscode.window.showErrorMessage('That file holds no PEM private key (-----BEGIN PRIVATE KEY-----).');
    return undefined;
  }
  if (/ENCRYPTED/.test(pem)) {
    void vscode.window.showErrorMessage('The key is encrypted; export it unencrypted (PKCS#8) for secret storage.');
    return undefined;
  }
  const keyId = await vscode.window.showInputBox({ title: 'Key id (kid) registered with the server', prompt: 'Leave empty if the server does not need one.', ignoreFocusOut: true });
  if (keyId === undefined) return undefined;
  return { privateKey: pem, ...(keyId.trim() ? { keyId: keyId.trim() } : {}) };
}

async function signOut(ctx: FhirCommandContext): Promise<void> {
  const { baseUrl } = fhirSettings();
  if (!baseUrl) {
    void vscode.window.showInformationMessage('No FHIR server is configured; there is nothing to sign out of.');
    return;
  }
  await ctx.secrets.delete(baseUrl);
  await ctx.sendCredentials();
  void vscode.window.showInformationMessage(`Signed out of ${hostOf(baseUrl)}: its credential was removed from secret storage.`);
}

async function testConnection(ctx: FhirCommandContext, afterSignIn = false): Promise<void> {
  if (!ready()) return;
  const client = running(ctx);
  if (!client) return;
  const host = hostOf(fhirSettings().baseUrl);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Connecting to ${host}…` }, () => client.sendRequest(FhirTestConnectionRequest.type));
  if (!result.ok) {
    await showFhirError(result.error, afterSignIn ? { prefix: 'Signed in, but the connection test failed' } : {});
    return;
  }
  void vscode.window.showInformationMessage(`Connected to ${host}: FHIR ${result.fhirVersion} (${result.software})${result.authenticated ? ', signed in' : ', no authentication'}.`);
}

async function refreshContext(ctx: FhirCommandContext): Promise<void> {
  const editor = activeNote("refresh its patient's context");
  if (!editor || !ready()) return;
  const client = running(ctx);
  if (!client) return;
  const uri = editor.document.uri.toString();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "Fetching the patient's context…" }, () => client.sendRequest(FhirContextRequest.type, { uri, refresh: true }));
  if (!result) return;
  if (result.state === 'unlinked') {
    await showFhirError({ kind: 'unlinked', message: "This note names no patient: add a 'Patient: Patient/<id>' or 'MRN:' line." });
  } else if (result.error) {
    await showFhirError(result.error, { prefix: result.patient ? 'Refresh failed; the context fetched before is kept' : undefined });
  } else if (result.counts) {
    const c = result.counts;
    const conflicts = result.findings.length > 0 ? ` ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} involve the record.` : '';
    const warnings = result.warnings.length > 0 ? ` ${result.warnings.join(' ')}` : '';
    void vscode.window.showInformationMessage(`Patient context refreshed: ${c.allergies} allergies, ${c.medications} medications, ${c.conditions} problems, ${c.vitals} vital signs, ${c.labs} lab results.${conflicts}${warnings}`);
  }
}

async function showPatientSummary(ctx: FhirCommandContext): Promise<void> {
  const editor = activeNote("see its patient's summary");
  if (!editor) return;
  const client = running(ctx);
  if (!client) return;
  const result = await client.sendRequest(FhirContextRequest.type, { uri: editor.document.uri.toString() });
  if (!result) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri).then(undefined, async () => {
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  });
  if (result.error && result.state !== 'unlinked') void showFhirError(result.error, { background: true });
}

async function exportNote(ctx: FhirCommandContext): Promise<void> {
  const editor = activeNote('export it');
  if (!editor || !ready()) return;
  const client = running(ctx);
  if (!client) return;
  const { baseUrl } = fhirSettings();
  const host = hostOf(baseUrl);
  const key = `${normalisedBase(baseUrl) ?? baseUrl}|${editor.document.uri.toString()}`;
  const exports = ctx.workspaceState.get<Record<string, FhirExportedNote>>(EXPORTS_KEY, {});
  let previous = exports[key];
  const confirm = await vscode.window.showWarningMessage(
    previous ? `Export this note to ${host} again, as a new version of DocumentReference/${previous.id}?` : `Export this note to ${host} as a DocumentReference?`,
    { modal: true, detail: 'The full text of the note is sent to the FHIR server and filed in the patient\'s record.' },
    'Export',
  );
  if (confirm !== 'Export') return;
  const author = await authorOf(ctx);
  if (author === undefined) return;
  for (;;) {
    const params = { uri: editor.document.uri.toString(), ...(previous ? { previous } : {}), ...(author ? { author } : {}) };
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting to ${host}…` }, () => client.sendRequest(FhirExportRequest.type, params));
    if (!result) return;
    if (result.ok) {
      await ctx.workspaceState.update(EXPORTS_KEY, { ...exports, [key]: { id: result.id, versionId: result.versionId } });
      void vscode.window.showInformationMessage(`${result.created ? 'Exported' : 'Updated'} DocumentReference/${result.id} (version ${result.versionId}) on ${host}.`);
      return;
    }
    if (result.error.kind === 'conflict' && previous) {
      const choice = await vscode.window.showWarningMessage(`${result.error.message}`, { modal: true, detail: 'Your note is unchanged here. You can export it as a new document instead, or open the record on the server first.' }, 'Export as New Document');
      if (choice !== 'Export as New Document') return;
      previous = undefined;
      continue;
    }
    await showFhirError(result.error, { prefix: 'The note was not exported (it is unchanged here)' });
    return;
  }
}

/** The author for DocumentReference.author, asked once and remembered; '' for none, undefined when cancelled. */
async function authorOf(ctx: FhirCommandContext): Promise<string | undefined> {
  const known = ctx.globalState.get<string>(AUTHOR_KEY);
  if (known !== undefined) return known;
  const author = await vscode.window.showInputBox({
    title: 'Author of exported notes',
    prompt: 'Your Practitioner reference (e.g. Practitioner/123) or your name; remembered for later exports. Leave empty for none.',
    ignoreFocusOut: true,
  });
  if (author === undefined) return undefined;
  await ctx.globalState.update(AUTHOR_KEY, author.trim());
  return author.trim();
}

export function registerFhirCommands(ctx: FhirCommandContext): vscode.Disposable[] {
  const guarded = (name: string, run: () => Promise<void>) => async (): Promise<void> => {
    try {
      await run();
    } catch (err) {
      ctx.output.error(`FHIR command ${name} failed: ${err instanceof Error ? err.name : typeof err}`);
      void vscode.window.showErrorMessage(`FHIR: ${name} failed. See the output for details.`);
    }
  };
  return [
    vscode.commands.registerCommand(FHIR_COMMANDS.signIn, guarded('Sign In', () => signIn(ctx))),
    vscode.commands.registerCommand(FHIR_COMMANDS.signOut, guarded('Sign Out', () => signOut(ctx))),
    vscode.commands.registerCommand(FHIR_COMMANDS.testConnection, guarded('Test Connection', () => testConnection(ctx))),
    vscode.commands.registerCommand(
      FHIR_COMMANDS.linkPatient,
      guarded('Link Note to Patient', async () => {
        const editor = activeNote('link it to a patient');
        if (!editor || !ready()) return;
        const client = running(ctx);
        if (client) await linkPatient(client, editor);
      }),
    ),
    vscode.commands.registerCommand(FHIR_COMMANDS.refreshContext, guarded('Refresh Patient Context', () => refreshContext(ctx))),
    vscode.commands.registerCommand(FHIR_COMMANDS.showPatientSummary, guarded('Show Patient Summary', () => showPatientSummary(ctx))),
    vscode.commands.registerCommand(FHIR_COMMANDS.exportNote, guarded('Export Note', () => exportNote(ctx))),
  ];
}
