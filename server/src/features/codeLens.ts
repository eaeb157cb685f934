/**
 * The triage code lens at the top of a note: `Triage: ESI 2 · NEWS2 7 (high) · qSOFA 2`.
 * Clicking it shows the full triage (bands, missing inputs, ESI rationale).
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatTriageSummary } from '../clinical/scores/format';
import type { AutoResult } from '../clinical/autoCalc/index';
import type { Triage } from '../clinical/scores/types';
import type { ClinicalNote } from '../note/types';
import { SHOW_TRIAGE_COMMAND } from '../protocol';

/** True when the note documents anything triage can score (otherwise the lens would be noise). */
export function hasTriageInputs(note: ClinicalNote): boolean {
  return note.inputProblem === undefined && (note.vitals.length > 0 || note.labs.length > 0);
}

/** ESI is an emergency-department triage scale: shown for ED notes and notes of unknown type. */
export function esiApplies(note: ClinicalNote): boolean {
  return note.noteType === 'ed-note' || note.noteType === 'unknown';
}

/** `Scores: CHA₂DS₂-VASc 5 · HAS-BLED 1 · eGFR 46 mL/min/1.73 m²` (calculators that ran by themselves). */
export function formatScores(scores: readonly AutoResult[]): string {
  return `Scores: ${scores.map((s) => s.label).join(' · ')}`;
}

export function triageCodeLens(doc: TextDocument, note: ClinicalNote, triage: Triage, scores: readonly AutoResult[] = []): CodeLens[] {
  if (!hasTriageInputs(note)) return [];
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const lenses: CodeLens[] = [{ range: top, command: { title: formatTriageSummary(triage, { esi: esiApplies(note) }), command: SHOW_TRIAGE_COMMAND, arguments: [doc.uri] } }];
  if (scores.length > 0) lenses.push({ range: top, command: { title: formatScores(scores), command: SHOW_TRIAGE_COMMAND, arguments: [doc.uri] } });
  return lenses;
}
