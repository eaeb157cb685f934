/**
 * The data side of the `dose-range` rule: the drug specs of `doseLimits.json` typed, which specs
 * apply to an entry, what the note says about the patient (weight, liver disease, cancer), and
 * whether a check's route and conditions hold for an entry.
 *
 * Pure; the patterns are built on import from the data file.
 */
import limits from '../../knowledge/doseLimits.json';
import type { Reference } from '../findings';
import type { ClinicalNote } from '../../note/types';
import type { Amounts, DoseSpec } from './doseRangeMath';
import { cuePattern, formatNumber, type MedEntry } from './medicationScope';

/** One limit of a drug (see the notes in `doseLimits.json`). */
export interface Check {
  kind: 'dose' | 'daily' | 'weekly' | 'rate' | 'perKgDose' | 'perKgDaily' | 'frequency' | 'unitSlip' | 'cue' | 'volume';
  max?: number;
  atLeast?: number;
  tolerance?: number;
  routes?: readonly string[];
  routeRequired?: boolean;
  when?: string;
  unlessCue?: string;
  cues?: readonly string[];
  cueSet?: string;
  minDosesPerDay?: number;
  writtenUnit?: string;
  suggest?: string;
  displayUnit?: string;
  severity: string;
  message: string;
  reference?: string;
}

/** A drug (or ingredient, or class) with its limits. */
export interface Spec extends DoseSpec {
  id: string;
  display: string;
  generics?: readonly string[];
  classes?: readonly string[];
  sumAcrossProducts?: { max: number; severity: string };
  skipWhen?: string;
  reference: string;
  checks: readonly Check[];
}

/** What the note says about the patient that changes a limit. */
export interface PatientContext {
  weightKg?: number;
  liver: boolean;
  oncology: boolean;
  /** Why a patient-dependent limit applies, for the message: `documented: cirrhosis`, `weight 48 kg`. */
  reason: string;
}

export const SPECS = limits.drugs as readonly Spec[];
export const REFERENCES = limits.references as Record<string, Reference>;
const COND = limits.conditions;
const CUE_SETS = new Map<string, RegExp>(Object.entries(COND).filter((e): e is [string, string[]] => Array.isArray(e[1])).map(([k, v]) => [k, cuePattern(v)]));
const CHECK_CUES = new Map<Check, RegExp>(SPECS.flatMap((s) => s.checks.filter((c) => c.cues).map((c) => [c, cuePattern(c.cues ?? [])] as [Check, RegExp])));
/** The unit each check's amounts are in: its drug's. */
export const SPEC_UNIT = new Map<Check, string>(SPECS.flatMap((s) => s.checks.map((c) => [c, s.unit] as [Check, string])));
const LIVER_RE = cuePattern(COND.liverProblems);
const ONCOLOGY_RE = cuePattern(COND.oncology);

/** The spec covers the entry: one of its generics, a product with its ingredient, or its class. */
export function applies(spec: Spec, e: MedEntry): boolean {
  if (spec.generics?.includes(e.generic)) return true;
  if (spec.ingredient && e.ingredients.includes(spec.ingredient)) return true;
  return spec.classes?.some((c) => e.classes.has(c)) ?? false;
}

/** The entry's line says the drug is not given as therapy (`heparin flush`). */
export function skipped(text: string, spec: Spec, e: MedEntry): boolean {
  return spec.skipWhen !== undefined && (CUE_SETS.get(spec.skipWhen)?.test(lineOf(text, e)) ?? false);
}

/** Weight, liver disease or alcohol use, and cancer, as the note documents them. */
export function patientContext(note: ClinicalNote): PatientContext {
  const weight = note.vitals.find((v) => v.kind === 'weight');
  const affirmed = note.problems.filter((p) => p.assertion.certainty === 'affirmed' && p.assertion.experiencer === 'patient');
  const liver = affirmed.find((p) => LIVER_RE.test(p.text));
  const ctx: PatientContext = {
    liver: liver !== undefined,
    oncology: affirmed.some((p) => ONCOLOGY_RE.test(p.text)),
    reason: liver ? `documented: ${liver.text.length > 60 ? liver.text.slice(0, 57) + '...' : liver.text}` : '',
  };
  if (weight && weight.kind === 'weight' && weight.value >= 2 && weight.value <= 350) {
    ctx.weightKg = weight.value;
    if (!liver) ctx.reason = `weight ${formatNumber(weight.value)} kg`;
  }
  return ctx;
}

/** The check applies to the entry's route (an unwritten route passes unless the check needs one). */
export function routeOk(check: Check, entry: MedEntry): boolean {
  if (!check.routes) return true;
  const route = entry.med.route?.value;
  return route === undefined ? !check.routeRequired : check.routes.includes(route);
}

/** The check's `when` and `unlessCue` conditions hold for the entry. */
export function conditionOk(text: string, check: Check, entry: MedEntry, a: Amounts | undefined, patient: PatientContext): boolean {
  const line = lineOf(text, entry);
  if (check.unlessCue && CUE_SETS.get(check.unlessCue)?.test(line)) return false;
  const cue = (set: string): boolean => CUE_SETS.get(set)?.test(line) ?? false;
  const when = check.when ?? '';
  if (when.startsWith('cue:')) return cue(when.slice(4));
  if (when.startsWith('notCue:')) return !cue(when.slice(7));
  switch (check.when) {
    case undefined: return true;
    case 'lowReserve': return patient.liver || (patient.weightKg !== undefined && patient.weightKg < COND.lowWeightKg);
    case 'notOncology': return !patient.oncology && !ONCOLOGY_RE.test(line);
    case 'prophylaxis': return cue('prophylaxis');
    case 'central': return cue('central');
    case 'notCentral': return !cue('central');
    case 'extendedRelease': return cue('extendedRelease');
    case 'immediateRelease': return !cue('extendedRelease');
    case 'weightKnown': return patient.weightKg !== undefined && a !== undefined;
    case 'weightUnknown': return patient.weightKg === undefined;
    default: return false;
  }
}

/** True when a check's cue (its own list, or a named set) is on the entry's line. */
export function cueOnLine(text: string, check: Check, entry: MedEntry): boolean {
  const re = check.cueSet ? CUE_SETS.get(check.cueSet) : CHECK_CUES.get(check);
  return re?.test(lineOf(text, entry)) ?? false;
}

/** The entry's line. */
export function lineOf(text: string, e: MedEntry): string {
  return text.slice(e.line.start, e.line.end);
}

