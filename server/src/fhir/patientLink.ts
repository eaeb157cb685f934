/**
 * The note's link to a patient in the FHIR server: a header line near the top of the note.
 *
 *   Patient: Patient/8f2c41      the FHIR id (also `FHIR Patient: 8f2c41`)
 *   MRN: 1001-7                  an identifier, searched as `identifier=1001-7`
 *   Identifier: urn:oid:1.2.3|1001-7   an identifier with its system
 *
 * `Patient: Jane Doe` is a name, not a link: only the `Patient/<id>` form (or the explicit `FHIR
 * Patient:` label) names a FHIR id, so an ordinary header never triggers a request. Pure.
 */
import type { Span } from '../note/types';

export type PatientLink =
  | { kind: 'id'; id: string; /** The id as written. */ span: Span; line: Span }
  | { kind: 'identifier'; system?: string; value: string; span: Span; line: Span };

/** Lines of the header the link is looked for in: a link further down is prose, not a header. */
const HEADER_LINES = 40;
const HEADER_CHARS = 8000;

/** FHIR id: 1–64 of `A-Z a-z 0-9 - .` (FHIR R4 §2.24 `id`). */
const ID = String.raw`[A-Za-z0-9\-.]{1,64}`;
const PATIENT_RE = new RegExp(String.raw`^[ \t>*#-]*(?:fhir[ \t]+)?patient(?:[ \t]+(?:id|link|reference))?[ \t]*:[ \t]*Patient/(${ID})[ \t]*$`, 'i');
const FHIR_PATIENT_RE = new RegExp(String.raw`^[ \t>*#-]*fhir[ \t]+patient(?:[ \t]+id)?[ \t]*:[ \t]*(?:Patient/)?(${ID})[ \t]*$`, 'i');
/** `MRN: 1001-7`, `MRN #1001`, `Medical record number: 1001`; the value must hold a digit. */
const MRN_RE = /^[ \t>*#-]*(?:mrn|medical[ \t]+record[ \t]+(?:number|no\.?|#))[ \t]*[:#]?[ \t]*#?[ \t]*([A-Za-z0-9][A-Za-z0-9\-._]{0,63})[ \t]*$/i;
/** `Identifier: system|value` (the system is a URI without spaces or `|`). */
const IDENTIFIER_RE = /^[ \t>*#-]*(?:fhir[ \t]+)?identifier[ \t]*:[ \t]*(?:([^\s|]{1,255})\|)?([^\s|]{1,64})[ \t]*$/i;

/** The first patient link in the note's header, or undefined. A `Patient/<id>` link wins over an identifier. */
export function findPatientLink(text: string): PatientLink | undefined {
  let identifier: PatientLink | undefined;
  const limit = Math.min(text.length, HEADER_CHARS);
  let start = 0;
  for (let n = 0; n < HEADER_LINES && start <= limit; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl > limit ? Math.min(text.length, limit) : nl;
    const raw = text.slice(start, end);
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line = { start, end: start + lineText.length };
    const m = PATIENT_RE.exec(lineText) ?? FHIR_PATIENT_RE.exec(lineText);
    if (m?.[1]) {
      const at = start + lineText.lastIndexOf(m[1]);
      return { kind: 'id', id: m[1], span: { start: at, end: at + m[1].length }, line };
    }
    if (!identifier) identifier = identifierOn(lineText, start, line);
    if (nl < 0 || nl >= limit) break;
    start = nl + 1;
  }
  return identifier;
}

function identifierOn(lineText: string, offset: number, line: Span): PatientLink | undefined {
  const mrn = MRN_RE.exec(lineText);
  if (mrn?.[1] && /\d/.test(mrn[1])) {
    const at = offset + lineText.lastIndexOf(mrn[1]);
    return { kind: 'identifier', value: mrn[1], span: { start: at, end: at + mrn[1].length }, line };
  }
  const ident = IDENTIFIER_RE.exec(lineText);
  if (ident?.[2]) {
    const written = ident[1] ? `${ident[1]}|${ident[2]}` : ident[2];
    const at = offset + lineText.lastIndexOf(written);
    return { kind: 'identifier', ...(ident[1] ? { system: ident[1] } : {}), value: ident[2], span: { start: at, end: at + written.length }, line };
  }
  return undefined;
}

/** `Patient/8f2c41`, `MRN 1001-7`: the link for messages and the summary title. */
export function describeLink(link: PatientLink): string {
  if (link.kind === 'id') return `Patient/${link.id}`;
  return link.system ? `identifier ${link.system}|${link.value}` : `MRN ${link.value}`;
}

/** A stable key for caching a link's resolution. */
export function linkKey(link: PatientLink): string {
  return link.kind === 'id' ? `id:${link.id}` : `identifier:${link.system ?? ''}|${link.value}`;
}

/** True for a valid FHIR resource id. */
export function isFhirId(id: string): boolean {
  return new RegExp(`^${ID}$`).test(id);
}

/**
 * The edit that links the note to `patientId`: replaces the id of an existing `Patient/<id>` line,
 * or adds `Patient: Patient/<id>` as the note's first line (keeping an MRN line as it is).
 */
export function linkEdit(text: string, patientId: string): { span: Span; newText: string } {
  if (!isFhirId(patientId)) throw new RangeError('not a FHIR id');
  const link = findPatientLink(text);
  if (link?.kind === 'id') return { span: link.span, newText: patientId };
  const eol = /\r\n/.test(text.slice(0, 2000)) ? '\r\n' : '\n';
  return { span: { start: 0, end: 0 }, newText: `Patient: Patient/${patientId}${eol}` };
}
