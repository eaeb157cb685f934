/**
 * Reads a patient's context from the FHIR server: the Patient, active Conditions, active
 * MedicationRequests (with their Medications) and MedicationStatements, AllergyIntolerances, and
 * the most recent vital-sign and laboratory Observations (`_sort=-date`), following `next` links
 * up to a limit.
 *
 * Allergies and medication requests are what the safety rules depend on: if either cannot be read
 * the whole fetch fails (and the caller keeps the context it had), because a context silently
 * missing an allergy would reassure wrongly. The other parts may be refused (403, 404, 400: a
 * server without MedicationStatement) and are then reported as warnings.
 */
import codes from '../knowledge/fhirCodes.json';
import type { FhirPatientInfo } from '../protocol';
import type { FhirConnection, Json } from './connection';
import { FhirError, isRecord } from './errors';
import { allergy, condition, medication, observation, patientInfo, str } from './normalise';
import { describeLink, type PatientLink } from './patientLink';
import type { ContextObservation, PatientContext } from './types';

export interface FetchLimits {
  /** `_count` asked for per page (servers may send fewer). */
  pageSize: number;
  /** Pages followed per search. */
  maxPages: number;
  vitals: number;
  labs: number;
  /** Conditions, medications, allergies each. */
  other: number;
}

export const DEFAULT_LIMITS: FetchLimits = { pageSize: 50, maxPages: 10, vitals: 100, labs: 200, other: 500 };

const CATEGORY = codes.observationCategory;
/** Refusals that mean "this server does not offer that part", not "the server is broken". */
const PART_REFUSED = new Set(['forbidden', 'not-found', 'refused']);
/** Medication references read one by one when the server ignored `_include`. */
const MAX_MEDICATION_READS = 20;

/** The Patient resource a link names: read by id, or the single match of an identifier search. */
export async function resolvePatient(conn: FhirConnection, link: PatientLink): Promise<Json> {
  const operation = 'read the patient';
  if (link.kind === 'id') {
    try {
      return await conn.get(`Patient/${encodeURIComponent(link.id)}`, operation);
    } catch (err) {
      if (err instanceof FhirError && err.kind === 'not-found') {
        throw new FhirError({ ...err.info, message: `${describeLink(link)} was not found on ${conn.host}. Check the note's 'Patient:' line, or run 'FHIR: Link Note to Patient…'.` });
      }
      throw err;
    }
  }
  const bundle = await conn.get('Patient', operation, [['identifier', link.system ? `${link.system}|${link.value}` : link.value], ['_count', '2']]);
  const matches = entries(bundle).filter((e) => e.mode !== 'include' && e.resource.resourceType === 'Patient');
  const first = matches[0];
  if (!first) throw new FhirError({ kind: 'not-found', message: `No patient with ${describeLink(link)} on ${conn.host}. Check the note's header, or run 'FHIR: Link Note to Patient…'.` });
  if (matches.length > 1) {
    throw new FhirError({ kind: 'not-found', message: `More than one patient has ${describeLink(link)} on ${conn.host}. Run 'FHIR: Link Note to Patient…' to choose one (the note then names its Patient id).` });
  }
  return first.resource;
}

/** Everything the context holds for `patient` (a Patient resource). */
export async function fetchContext(conn: FhirConnection, patient: Json, limits: FetchLimits = DEFAULT_LIMITS): Promise<PatientContext> {
  const info: FhirPatientInfo = patientInfo(patient);
  const subject = `Patient/${info.id}`;
  const count = String(limits.pageSize);
  const warnings: string[] = [];
  // When one part fails the fetch fails: stop the other searches instead of letting them page on.
  const stop = new AbortController();
  const optional = async (label: string, run: () => Promise<Json[]>): Promise<Json[]> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof FhirError && PART_REFUSED.has(err.kind)) {
        warnings.push(`${label} could not be read (${err.info.status ?? err.kind}); the rest of the record is shown.`);
        return [];
      }
      throw err;
    }
  };
  const search = async (type: string, params: [string, string][], max: number): Promise<SearchResult> => {
    let result: SearchResult;
    try {
      result = await searchAll(conn, type, [['patient', subject], ...params, ['_count', count]], max, limits.maxPages, stop.signal);
    } catch (err) {
      if (!(err instanceof FhirError) || !PART_REFUSED.has(err.kind) || type === 'AllergyIntolerance' || type === 'MedicationRequest') stop.abort();
      throw err;
    }
    if (result.outside) warnings.push(`The server's next-page link for ${type} pointed away from ${conn.host}; it was not followed, so the list may be incomplete.`);
    return result;
  };

  const parts = [
    search('AllergyIntolerance', [], limits.other),
    search('MedicationRequest', [['status', 'active'], ['_include', 'MedicationRequest:medication']], limits.other),
    optional('Medication statements', async () => (await search('MedicationStatement', [['status', 'active']], limits.other)).resources),
    optional('Conditions', async () => (await search('Condition', [['clinical-status', codes.conditionActiveStatuses.join(',')]], limits.other)).resources),
    optional('Vital signs', async () => (await search('Observation', [['category', `${CATEGORY.system}|${CATEGORY.vitalSigns}`], ['_sort', '-date']], limits.vitals)).resources),
    optional('Laboratory results', async () => (await search('Observation', [['category', `${CATEGORY.system}|${CATEGORY.laboratory}`], ['_sort', '-date']], limits.labs)).resources),
  ] as const;
  // Settle every part before failing, so no search of this fetch is still running when it fails.
  await Promise.allSettled(parts);
  const [allergies, requests, statements, conditions, vitals, labs] = await Promise.all(parts);
  if (allergies.truncated || requests.truncated) warnings.push('The record holds more allergies or medications than one fetch reads; the list is incomplete.');

  const medications = await referencedMedications(conn, requests, warnings);
  const mine = (r: Json): boolean => belongsTo(r, info.id);
  return {
    patient: info,
    allergies: allergies.resources.filter(mine).map(allergy).filter((x) => x !== undefined),
    medications: [...requests.resources, ...statements]
      .filter(mine)
      .map((r) => medication(r, medications))
      .filter((x) => x !== undefined),
    conditions: conditions.filter(mine).map(condition).filter((x) => x !== undefined),
    vitals: newestFirst(vitals.filter(mine).map((r) => observation(r, 'vital-signs')).filter((x) => x !== undefined)).slice(0, limits.vitals),
    labs: newestFirst(labs.filter(mine).map((r) => observation(r, 'laboratory')).filter((x) => x !== undefined)).slice(0, limits.labs),
    fetchedAt: new Date().toISOString(),
    server: conn.host,
    warnings: [...new Set(warnings)],
  };
}

interface Entry {
  resource: Json;
  mode?: string;
}

interface SearchResult {
  resources: Json[];
  included: Json[];
  /** More matched than `max` (or than the pages followed). */
  truncated: boolean;
  /** A next link pointed outside the base URL and was not followed. */
  outside: boolean;
}

/** All matches of a search, following `next` links, de-duplicated by id, at most `max`. */
async function searchAll(conn: FhirConnection, type: string, params: [string, string][], max: number, maxPages: number, signal: AbortSignal): Promise<SearchResult> {
  const operation = 'fetch the patient context';
  const seen = new Set<string>();
  const resources: Json[] = [];
  const included: Json[] = [];
  let bundle: Json | undefined = await conn.get(type, operation, params, signal);
  let pages = 1;
  let outside = false;
  while (bundle) {
    if (bundle.resourceType !== 'Bundle') throw new FhirError({ kind: 'not-fhir', message: `${conn.host} answered a ${type} search with a ${String(bundle.resourceType)}, not a Bundle.` });
    for (const e of entries(bundle)) {
      const key = `${String(e.resource.resourceType)}/${String(e.resource.id)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (e.mode === 'include' || e.resource.resourceType !== type) included.push(e.resource);
      else if (e.mode !== 'outcome') resources.push(e.resource);
    }
    if (resources.length >= max) return { resources: resources.slice(0, max), included, truncated: true, outside };
    if (pages >= maxPages) return { resources, included, truncated: hasNext(bundle), outside };
    const next = await conn.nextPage(bundle, operation, signal);
    outside ||= next.outside === true;
    bundle = next.bundle;
    pages++;
  }
  return { resources, included, truncated: false, outside };
}

function hasNext(bundle: Json): boolean {
  return Array.isArray(bundle.link) && bundle.link.some((l) => isRecord(l) && l.relation === 'next');
}

function entries(bundle: Json): Entry[] {
  if (!Array.isArray(bundle.entry)) return [];
  return bundle.entry
    .filter(isRecord)
    .filter((e): e is Record<string, unknown> & { resource: Json } => isRecord(e.resource) && typeof e.resource.resourceType === 'string')
    .map((e) => ({ resource: e.resource, ...(isRecord(e.search) && typeof e.search.mode === 'string' ? { mode: e.search.mode } : {}) }));
}

/** Medications the requests reference: included by the search, contained, or read one by one. */
async function referencedMedications(conn: FhirConnection, requests: SearchResult, warnings: string[]): Promise<Map<string, Json>> {
  const byRef = new Map<string, Json>();
  for (const m of requests.included) if (m.resourceType === 'Medication' && str(m.id)) byRef.set(`Medication/${str(m.id)}`, m);
  const missing = new Set<string>();
  for (const r of requests.resources) {
    const ref = isRecord(r.medicationReference) ? str(r.medicationReference.reference) : undefined;
    if (!ref) continue;
    if (ref.startsWith('#') && Array.isArray(r.contained)) {
      const contained = r.contained.find((c) => isRecord(c) && `#${String(c.id)}` === ref);
      if (isRecord(contained)) byRef.set(ref, contained);
    } else if (/^Medication\/[A-Za-z0-9\-.]{1,64}$/.test(ref) && !byRef.has(ref)) {
      missing.add(ref);
    }
  }
  for (const ref of [...missing].slice(0, MAX_MEDICATION_READS)) {
    try {
      byRef.set(ref, await conn.get(ref, 'fetch the patient context'));
    } catch (err) {
      if (!(err instanceof FhirError) || !PART_REFUSED.has(err.kind)) throw err;
      warnings.push('A referenced Medication could not be read; its request is shown by its display text.');
    }
  }
  return byRef;
}

/** A search by `patient=` should only return this patient's resources; a server that ignores the parameter must not mix patients. */
function belongsTo(r: Json, patientId: string): boolean {
  const ref = (isRecord(r.patient) ? str(r.patient.reference) : undefined) ?? (isRecord(r.subject) ? str(r.subject.reference) : undefined);
  if (!ref) return false;
  return ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`);
}

function newestFirst(list: ContextObservation[]): ContextObservation[] {
  return list
    .map((o, i) => {
      const t = Date.parse(o.date ?? '');
      return { o, i, t: Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t };
    })
    // Undated results last; equal times keep the server's order.
    .sort((a, b) => (a.t === b.t ? a.i - b.i : b.t > a.t ? 1 : -1))
    .map((x) => x.o);
}
