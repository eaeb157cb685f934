/**
 * "FHIR: Link Note to Patient…": a quick pick that searches the FHIR server as the user types
 * (name, birth date, MRN, `Patient/<id>`), then writes the `Patient: Patient/<id>` line into the
 * note. Each keystroke cancels the search before it; nothing is searched for under 2 characters.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FhirLinkPatientRequest, type FhirPatientInfo, FhirPatientSearchRequest } from '../../../server/src/protocol';
import { showFhirError } from './messages';

const DEBOUNCE_MS = 300;

interface PatientItem extends vscode.QuickPickItem {
  patient?: FhirPatientInfo;
}

/** Lets the user pick a patient; resolves with the one picked, or undefined. */
function pickPatient(client: LanguageClient): Promise<FhirPatientInfo | undefined> {
  const qp = vscode.window.createQuickPick<PatientItem>();
  qp.title = 'Link Note to Patient';
  qp.placeholder = 'Search by name, birth date (YYYY-MM-DD), MRN or Patient/<id>';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let timer: NodeJS.Timeout | undefined;
  let search: vscode.CancellationTokenSource | undefined;

  const run = async (query: string): Promise<void> => {
    search?.cancel();
    search?.dispose();
    const source = (search = new vscode.CancellationTokenSource());
    qp.busy = true;
    try {
      const result = await client.sendRequest(FhirPatientSearchRequest.type, { query }, source.token);
      if (source.token.isCancellationRequested) return;
      if (!result.ok) {
        qp.items = [{ label: '$(error) Search failed', detail: result.error.message, alwaysShow: true }];
        return;
      }
      qp.items = result.patients.length > 0 ? result.patients.map(itemOf) : [{ label: 'No patient found', detail: 'Try the family name alone, a birth date (YYYY-MM-DD) or the MRN.', alwaysShow: true }];
    } catch {
      // Cancelled by the next keystroke or the picker closing.
    } finally {
      if (search === source) qp.busy = false;
    }
  };

  return new Promise((resolve) => {
    let picked: FhirPatientInfo | undefined;
    const subscriptions = [
      qp.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        if (value.trim().length < 2) {
          search?.cancel();
          qp.items = [];
          return;
        }
        timer = setTimeout(() => void run(value), DEBOUNCE_MS);
      }),
      qp.onDidAccept(() => {
        picked = qp.selectedItems[0]?.patient;
        if (picked) qp.hide();
      }),
      qp.onDidHide(() => {
        if (timer) clearTimeout(timer);
        search?.cancel();
        search?.dispose();
        for (const s of subscriptions) s.dispose();
        qp.dispose();
        resolve(picked);
      }),
    ];
    qp.show();
  });
}

function itemOf(p: FhirPatientInfo): PatientItem {
  return {
    label: p.name || '(no name recorded)',
    description: [p.birthDate ? `born ${p.birthDate}` : '', p.gender ?? ''].filter((s) => s).join(' · '),
    detail: [`Patient/${p.id}`, ...p.identifiers.slice(0, 2)].join(' · '),
    alwaysShow: true,
    patient: p,
  };
}

/** Links the note in `editor` to a patient the user picks. */
export async function linkPatient(client: LanguageClient, editor: vscode.TextEditor): Promise<void> {
  const patient = await pickPatient(client);
  if (!patient) return;
  const uri = editor.document.uri;
  const edit = await client.sendRequest(FhirLinkPatientRequest.type, { uri: uri.toString(), patientId: patient.id });
  if (!edit) {
    await showFhirError({ kind: 'unlinked', message: 'The note was closed before it could be linked.' });
    return;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  const range = new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
  workspaceEdit.replace(uri, range, edit.newText);
  if (await vscode.workspace.applyEdit(workspaceEdit)) {
    void vscode.window.showInformationMessage(`Note linked to ${patient.name || `Patient/${patient.id}`}; fetching the patient's context.`);
  }
}
