/**
 * FHIR errors shown to the user with the action that fixes them: sign in, open the settings, link
 * the note, manage workspace trust; the server's OperationOutcome in the message's details.
 */
import * as vscode from 'vscode';
import type { FhirErrorInfo } from '../../../server/src/protocol';
import { FHIR_COMMANDS } from './commandIds';

const ACTIONS: Partial<Record<FhirErrorInfo['kind'], { title: string; run: () => Thenable<unknown> }>> = {
  'sign-in': { title: 'Sign In…', run: () => vscode.commands.executeCommand(FHIR_COMMANDS.signIn) },
  forbidden: { title: 'Sign In…', run: () => vscode.commands.executeCommand(FHIR_COMMANDS.signIn) },
  'not-configured': { title: 'Open Settings', run: openFhirSettings },
  insecure: { title: 'Open Settings', run: openFhirSettings },
  'not-fhir': { title: 'Open Settings', run: openFhirSettings },
  unreachable: { title: 'Open Settings', run: openFhirSettings },
  timeout: { title: 'Open Settings', run: openFhirSettings },
  unlinked: { title: 'Link Note to Patient…', run: () => vscode.commands.executeCommand(FHIR_COMMANDS.linkPatient) },
  'not-found': { title: 'Link Note to Patient…', run: () => vscode.commands.executeCommand(FHIR_COMMANDS.linkPatient) },
  untrusted: { title: 'Manage Workspace Trust', run: () => vscode.commands.executeCommand('workbench.trust.manage') },
};

export function openFhirSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', 'medgemmaNotes.fhir');
}

/**
 * Shows `error` as an error (or, for `background`, a warning) with its fixing action. A refusal
 * with an OperationOutcome is modal, so every issue can be read.
 */
export async function showFhirError(error: FhirErrorInfo, options: { background?: boolean; prefix?: string } = {}): Promise<void> {
  const action = ACTIONS[error.kind];
  const text = `${options.prefix ? `${options.prefix}: ` : ''}${error.message}`;
  const items = action ? [action.title] : [];
  const detailed = (error.kind === 'refused' || error.kind === 'conflict') && error.issues && error.issues.length > 0;
  const choice = detailed
    ? await vscode.window.showErrorMessage(text, { modal: true, detail: `The server's OperationOutcome:\n${error.issues!.join('\n')}` }, ...items)
    : options.background
      ? await vscode.window.showWarningMessage(text, ...items)
      : await vscode.window.showErrorMessage(text, ...items);
  if (choice && action) await action.run();
}
