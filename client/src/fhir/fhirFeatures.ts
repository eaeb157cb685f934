/**
 * The client side of FHIR, wired in one call from `extension.ts`: the commands, the credential
 * kept in secret storage and sent to each language client when it runs (again after sign-in,
 * sign-out, a change of server or a trust grant), and the server's background status turned into
 * one actionable message per problem (e.g. "Sign In…" after a 401), not one per keystroke.
 */
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { FhirContextStatusNotification, FhirCredentialsNotification, type FhirErrorInfo } from '../../../server/src/protocol';
import { registerFhirCommands } from './fhirCommands';
import { showFhirError } from './messages';
import { FhirSecrets, fhirSettings } from './secrets';

export interface FhirFeatures extends vscode.Disposable {
  /** Follows `client` from now on (call before `client.start()`): status notifications, and the credential once it runs. */
  attach(client: LanguageClient): void;
}

/** Background problems worth interrupting for: the user can fix them. Others go to the output. */
const ANNOUNCED = new Set<FhirErrorInfo['kind']>(['sign-in', 'forbidden', 'not-found', 'insecure', 'not-fhir']);

export function registerFhirFeatures(context: vscode.ExtensionContext, deps: { client(): LanguageClient | undefined; output: vscode.LogOutputChannel }): FhirFeatures {
  const { output } = deps;
  const secrets = new FhirSecrets(context.secrets);
  let clientScope: vscode.Disposable[] = [];
  let disposed = false;
  /** Problems already shown, until a fetch succeeds again (kind + message; no patient data). */
  const announced = new Set<string>();

  const sendTo = async (client: LanguageClient): Promise<void> => {
    if (!client.isRunning()) return;
    const settings = fhirSettings();
    // Restricted Mode: the server makes no FHIR request, and gets no secret either.
    const credentials = vscode.workspace.isTrusted && settings.baseUrl && settings.auth !== 'none' ? await secrets.get(settings.baseUrl) : undefined;
    try {
      await client.sendNotification(FhirCredentialsNotification.type, { credentials: credentials ?? null });
    } catch (err) {
      output.warn(`Could not send the FHIR credential to the server (${err instanceof Error ? err.name : 'error'}).`);
    }
  };
  const sendCredentials = async (): Promise<void> => {
    const client = deps.client();
    if (client) await sendTo(client);
  };

  const onStatus = (status: { uri: string; state: 'ready' | 'error'; error?: FhirErrorInfo }): void => {
    if (status.state === 'ready' || !status.error) {
      announced.clear();
      return;
    }
    const { error } = status;
    output.warn(`FHIR context fetch failed: ${error.kind}${error.status ? ` (${error.status})` : ''}`);
    const key = `${error.kind}|${error.message}`;
    if (!ANNOUNCED.has(error.kind) || announced.has(key)) return;
    announced.add(key);
    void showFhirError(error, { background: true, prefix: 'Patient context' });
  };

  const extensionScope: vscode.Disposable[] = [
    ...registerFhirCommands({ client: deps.client, secrets, sendCredentials, workspaceState: context.workspaceState, globalState: context.globalState, output }),
    secrets.onDidChange(() => void sendCredentials()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void sendCredentials()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('medgemmaNotes.fhir')) {
        announced.clear();
        void sendCredentials();
      }
    }),
  ];

  const disposeClientScope = (): void => {
    for (const d of clientScope.splice(0)) d.dispose();
  };

  return {
    attach(client: LanguageClient): void {
      if (disposed) return;
      disposeClientScope();
      clientScope = [
        client.onNotification(FhirContextStatusNotification.type, onStatus),
        client.onDidChangeState((e) => {
          if (e.newState === State.Running) void sendTo(client);
        }),
      ];
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      disposeClientScope();
      for (const d of extensionScope.splice(0)) d.dispose();
    },
  };
}
