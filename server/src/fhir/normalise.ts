/**
 * FHIR R4 resources (as parsed JSON, not trusted to follow the spec) → the flat context of
 * `types.ts`. Anything missing or malformed is skipped or left undefined, never thrown on: a
 * server's odd resource must not hide the rest of the record. Pure.
 */
import codes from '../knowledge/fhirCodes.json';
import type { FhirPatientInfo } from '../protocol';
import { isRecord } from './errors';
import type { Concept, ContextAllergy, ContextCondition, ContextMedication, ContextObservation } from './types';

type Json = Record<string, unknown>;

const ACTIVE_CONDITION = new Set(codes.conditionActiveStatuses);
const INACTIVE_ALLERGY = new Set(codes.allergyInactiveStatuses);
const EXCLUDED_VERIFICATION = new Set(codes.allergyExcludedVerification);
const BP_COMPONENTS = codes.vitalSigns.find((v) => v.loinc === '85354-9')?.components ?? { systolic: '8480-6', diastolic: '8462-4' };
const MRN = codes.identifierTypeMrn;
/** Observations that were never valid results. */
const VOID_OBSERVATION = new Set(['entered-in-error', 'cancelled', 'registered']);

/** UCUM codes as a clinician reads them. */
const UNIT_DISPLAY: Record<string, string> = { 'mm[Hg]': 'mmHg', Cel: '°C', '[degF]': '°F', 'kg/m2': 'kg/m²', '{beats}/min': '/min', '{breaths}/min': '/min', 'beats/minute': '/min', 'breaths/minute': '/min' };

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined;
}

export function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function rec(v: unknown): Json | undefined {
  return isRecord(v) ? v : undefined;
}

/** A CodeableConcept's text (its `text`, else the first coding's display or code). */
export function concept(v: unknown): Concept | undefined {
  const cc = rec(v);
  if (!cc) return undefined;
  const codings = arr(cc.coding);
  const shown = codings.find((c) => str(c.display)) ?? codings[0];
  const text = str(cc.text) ?? str(shown?.display) ?? str(shown?.code);
  if (!text) return undefined;
  const system = str(shown?.system);
  const code = str(shown?.code);
  return { text, ...(system ? { system } : {}), ...(code ? { code } : {}) };
}

/** The first coding's code of a CodeableConcept (`active`, `confirmed`). */
function statusCode(v: unknown): string | undefined {
  const cc = rec(v);
  return cc ? str(arr(cc.coding)[0]?.code) ?? str(cc.text)?.toLowerCase() : undefined;
}

function codesOf(v: unknown): string[] {
  const cc = rec(v);
  return cc ? arr(cc.coding).map((c) => str(c.code)).filter((c): c is string => c !== undefined) : [];
}

export function patientInfo(resource: Json): FhirPatientInfo {
  const names = arr(resource.name);
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old') ?? names[0];
  const family = str(name?.family);
  const given = Array.isArray(name?.given) ? name.given.map(str).filter((g): g is string => g !== undefined).join(' ') : '';
  const shown = family ? (given ? `${family}, ${given}` : family) : given || (str(name?.text) ?? '');
  const identifiers = arr(resource.identifier)
    .map((i) => ({ mrn: arr(rec(i.type)?.coding).some((c) => c.code === MRN.code), system: str(i.system), value: str(i.value) }))
    .filter((i): i is { mrn: boolean; system: string | undefined; value: string } => i.value !== undefined)
    .sort((a, b) => Number(b.mrn) - Number(a.mrn))
    .map((i) => (i.system ? `${i.system}|${i.value}` : i.value));
  const birthDate = str(resource.birthDate);
  const gender = str(resource.gender);
  return { id: str(resource.id) ?? '', name: shown, ...(birthDate ? { birthDate } : {}), ...(gender ? { gender } : {}), identifiers };
}

export function condition(r: Json): ContextCondition | undefined {
  const c = concept(r.code);
  const clinicalStatus = statusCode(r.clinicalStatus);
  const verification = statusCode(r.verificationStatus);
  if (!c || (clinicalStatus && !ACTIVE_CONDITION.has(clinicalStatus)) || (verification && EXCLUDED_VERIFICATION.has(verification))) return undefined;
  const onset = str(r.onsetDateTime) ?? str(rec(r.onsetPeriod)?.start) ?? str(r.onsetString) ?? str(r.recordedDate);
  return { ref: refOf(r), concept: c, clinicalStatus: clinicalStatus ?? 'active', ...(onset ? { onset } : {}) };
}

/**
 * A MedicationRequest or MedicationStatement that is active. `medications` resolves a
 * `medicationReference` to the Medication resources the search included.
 */
export function medication(r: Json, medications: ReadonlyMap<string, Json>): ContextMedication | undefined {
  const resourceType = r.resourceType === 'MedicationStatement' ? 'MedicationStatement' : 'MedicationRequest';
  const status = str(r.status) ?? 'unknown';
  if (status !== 'active') return undefined;
  const reference = rec(r.medicationReference);
  const referenced = reference ? medications.get(str(reference.reference) ?? '') : undefined;
  const c = concept(r.medicationCodeableConcept) ?? concept(referenced?.code) ?? (str(reference?.display) ? { text: str(reference?.display)! } : undefined);
  if (!c) return undefined;
  const dosages = arr(resourceType === 'MedicationRequest' ? r.dosageInstruction : r.dosage);
  const dosage = dosages[0] ? dosageText(dosages[0]) : undefined;
  const route = dosages[0] ? concept(dosages[0].route)?.text : undefined;
  const date = resourceType === 'MedicationRequest' ? str(r.authoredOn) : str(r.effectiveDateTime) ?? str(rec(r.effectivePeriod)?.start) ?? str(r.dateAsserted);
  return { ref: refOf(r), resourceType, concept: c, status, ...(dosage ? { dosage } : {}), ...(route ? { route } : {}), ...(date ? { date } : {}) };
}

/** `1 tablet · 2 times per day`, or the instruction's own text. */
function dosageText(d: Json): string | undefined {
  const own = str(d.text);
  if (own) return own;
  const dose = rec(arr(d.doseAndRate)[0]?.doseQuantity);
  const repeat = rec(rec(d.timing)?.repeat);
  const parts: string[] = [];
  if (dose && typeof dose.value === 'number') parts.push(`${num(dose.value)} ${str(dose.unit) ?? str(dose.code) ?? ''}`.trim());
  if (repeat && typeof repeat.frequency === 'number' && typeof repeat.period === 'number' && str(repeat.periodUnit)) {
    parts.push(`${num(repeat.frequency)} time${repeat.frequency === 1 ? '' : 's'} per ${repeat.period === 1 ? '' : `${num(repeat.period)} `}${PERIOD[str(repeat.periodUnit)!] ?? str(repeat.periodUnit)}`);
  }
  if (d.asNeededBoolean === true) parts.push('as needed');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

const PERIOD: Record<string, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' };

/** An AllergyIntolerance that is neither resolved nor refuted. */
export function allergy(r: Json): ContextAllergy | undefined {
  const c = concept(r.code);
  const clinicalStatus = statusCode(r.clinicalStatus);
  const verificationStatus = statusCode(r.verificationStatus);
  if (!c || (clinicalStatus && INACTIVE_ALLERGY.has(clinicalStatus)) || (verificationStatus && EXCLUDED_VERIFICATION.has(verificationStatus))) return undefined;
  const reactions = arr(r.reaction).map((x) => {
    const severity = str(x.severity);
    return { manifestations: arr(x.manifestation).map((m) => concept(m)?.text).filter((t): t is string => t !== undefined), ...(severity ? { severity } : {}) };
  });
  const categories = Array.isArray(r.category) ? r.category.map(str).filter((s): s is string => s !== undefined) : [];
  const type = str(r.type);
  const criticality = str(r.criticality);
  return {
    ref: refOf(r),
    concept: c,
    ...(type ? { type } : {}),
    categories,
    ...(criticality ? { criticality } : {}),
    ...(clinicalStatus ? { clinicalStatus } : {}),
    ...(verificationStatus ? { verificationStatus } : {}),
    reactions,
  };
}

export function observation(r: Json, category: ContextObservation['category']): ContextObservation | undefined {
  const c = concept(r.code);
  const status = str(r.status);
  if (!c || (status && VOID_OBSERVATION.has(status))) return undefined;
  const date = str(r.effectiveDateTime) ?? str(rec(r.effectivePeriod)?.start) ?? str(r.effectiveInstant) ?? str(r.issued);
  const interpretation = arr(r.interpretation).flatMap((i) => codesOf(i))[0];
  const base = { ref: refOf(r), category, concept: c, ...(date ? { date } : {}), ...(interpretation ? { interpretation } : {}) };
  const components = bpComponents(r);
  if (components) {
    const value = `${components.systolic !== undefined ? num(components.systolic) : '?'}/${components.diastolic !== undefined ? num(components.diastolic) : '?'} mmHg`;
    return { ...base, value, components };
  }
  const q = rec(r.valueQuantity);
  if (q && typeof q.value === 'number' && Number.isFinite(q.value)) {
    const unit = unitOf(q);
    const comparator = str(q.comparator) ?? '';
    // `97%`, `37.9°C`, `96/min`, `1.4 mg/dL`.
    const joined = /^[%°/]/.test(unit) ? unit : unit ? ` ${unit}` : '';
    return { ...base, value: `${comparator}${num(q.value)}${joined}`, quantity: { value: q.value, unit } };
  }
  const text = concept(r.valueCodeableConcept)?.text ?? str(r.valueString) ?? (typeof r.valueBoolean === 'boolean' ? (r.valueBoolean ? 'yes' : 'no') : undefined) ?? (typeof r.valueInteger === 'number' ? String(r.valueInteger) : undefined);
  if (text) return { ...base, value: text };
  const absent = concept(r.dataAbsentReason)?.text;
  return absent ? { ...base, value: `(${absent})` } : undefined;
}

function bpComponents(r: Json): { systolic?: number; diastolic?: number } | undefined {
  let systolic: number | undefined;
  let diastolic: number | undefined;
  for (const comp of arr(r.component)) {
    const code = codesOf(comp.code);
    const v = rec(comp.valueQuantity)?.value;
    if (typeof v !== 'number') continue;
    if (code.includes(BP_COMPONENTS.systolic)) systolic = v;
    if (code.includes(BP_COMPONENTS.diastolic)) diastolic = v;
  }
  if (systolic === undefined && diastolic === undefined) return undefined;
  return { ...(systolic !== undefined ? { systolic } : {}), ...(diastolic !== undefined ? { diastolic } : {}) };
}

function unitOf(q: Json): string {
  const unit = str(q.unit) ?? str(q.code) ?? '';
  const shown = UNIT_DISPLAY[unit] ?? (str(q.code) ? UNIT_DISPLAY[str(q.code)!] : undefined) ?? unit;
  // UCUM annotations alone (`{INR}`, `{score}`) are no unit a reader needs.
  return /^\{[^}]*\}$/.test(shown) ? '' : shown;
}

/** `Condition/abc`. */
export function refOf(r: Json): string {
  return `${str(r.resourceType) ?? 'Resource'}/${str(r.id) ?? '?'}`;
}

/** A number as a clinician writes it: no float noise (`0.1 + 0.2`), at most 3 decimals. */
export function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
