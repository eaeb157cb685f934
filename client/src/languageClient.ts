/**
 * Creates the language client that starts the MedGemma Notes server over IPC and mirrors its
 * logs into the extension's output channel.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, settings: unknown): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'clinical-note' },
      { scheme: 'untitled', language: 'clinical-note' },
      { scheme: 'vscode-vfs', language: 'clinical-note' },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    // The server loads no model in Restricted Mode; later grants arrive as WorkspaceTrustNotification.
    initializationOptions: { settings, workspaceTrusted: vscode.workspace.isTrusted },
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  return new LanguageClient('medgemmaNotes', 'MedGemma Notes', serverOptions, clientOptions);
}
