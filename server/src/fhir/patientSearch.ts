/**
 * What the user types in the "Link Note to Patient" picker, as a FHIR Patient search: words are
 * names (all must match: `name=doe&name=jane`), an ISO date is the birth date, a token with a digit
 * is an identifier (an MRN), `system|value` an identifier with its system, `Patient/<id>` a read.
 * Pure.
 */
import { isFhirId } from './patientLink';

export type PatientQuery = { kind: 'read'; id: string } | { kind: 'search'; params: [string, string][] };

/** Most patients one search returns to the picker. */
export const PATIENT_SEARCH_LIMIT = 20;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const NAME_RE = /^[\p{L}][\p{L}'’.-]*$/u;

/** The search for `input`, or undefined when it has nothing to search on. */
export function patientQuery(input: string): PatientQuery | undefined {
  const text = input.trim();
  const read = /^Patient\/(.*)$/i.exec(text);
  if (read) return read[1] && isFhirId(read[1]) ? { kind: 'read', id: read[1] } : undefined;
  const params: [string, string][] = [];
  for (const token of text.split(/[\s,]+/).filter((t) => t.length > 0)) {
    if (DATE_RE.test(token)) {
      // `2024-02-30` is a typo for a date, not an identifier.
      if (validDate(token)) params.push(['birthdate', token]);
    } else if (/^[^|\s]+\|[^|\s]+$/.test(token)) params.push(['identifier', token]);
    else if (/\d/.test(token) && /^[A-Za-z0-9\-._]{1,64}$/.test(token)) params.push(['identifier', token]);
    else if (NAME_RE.test(token) && token.length >= 2) params.push(['name', token]);
  }
  if (params.length === 0) return undefined;
  params.push(['_count', String(PATIENT_SEARCH_LIMIT)]);
  return { kind: 'search', params };
}

function validDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
