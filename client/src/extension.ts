/**
 * Extension entry point: wiring only. Two lifetimes: the extension's (output channel, commands)
 * and the language client's (recreated on restart).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { attachCompletionNotices } from './model/completionNotices';
import { registerModelFeatures } from './model/modelFeatures';
import { registerFhirFeatures } from './fhir/fhirFeatures';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('MedGemma Notes', { log: true });
  context.subscriptions.push(output);
  const model = registerModelFeatures(context, { client: () => client, output });
  context.subscriptions.push(model);
  const fhir = registerFhirFeatures(context, { client: () => client, output });
  context.subscriptions.push(fhir);

  const start = async (): Promise<void> => {
    const settings = vscode.workspace.getConfiguration().get(SETTINGS_SECTION);
    client = createLanguageClient(context, output, settings);
    model.attach(client);
    fhir.attach(client);
    context.subscriptions.push(attachCompletionNotices(client, (kind) => model.setBusy(kind)));
    await client.start();
  };

  const stop = async (): Promise<void> => {
    const c = client;
    client = undefined;
    if (c) await c.dispose();
  };

  context.subscriptions.push(
    ...registerCommands({ client: () => client, restart: async () => { await stop(); await start(); }, output }),
    { dispose: () => void stop() },
  );

  try {
    await start();
  } catch (err) {
    output.error(`MedGemma Notes server failed to start: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage('MedGemma Notes could not start its language server. See the output for details.', 'Show Output').then((a) => {
      if (a) output.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.dispose();
}
