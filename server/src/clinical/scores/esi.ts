/**
 * An Emergency Severity Index v4 suggestion (Gilboy et al., ESI Implementation Handbook):
 *
 *   A  needs an immediate life-saving intervention?          yes → ESI 1
 *   B  high-risk situation, new confusion/lethargy, severe pain? yes → ESI 2
 *   C  how many different resources?  none → 5, one → 4, two or more → D
 *   D  danger-zone vitals for age?    yes → consider ESI 2, no → 3
 *
 * Never guessed: with no A/B criteria and no plan or orders to count resources, or with two or
 * more resources and danger-zone vitals that cannot be ruled out, the answer is
 * `insufficient-information` with what is missing. A suggestion for the triage nurse, not a triage.
 */
import data from '../../knowledge/esi.json';
import type { ClinicalNote } from '../../note/types';
import type { AssertFn, TokenIndex } from './cues';
import { highRiskEvidence, lifeSavingEvidence } from './esiCriteria';
import { expectedResources } from './esiResources';
import { rangesExcluding } from './scope';
import { latestVital } from './select';
import type { EsiEvidence, EsiResult } from './types';

/** A danger-zone row: the ages it covers and its heart and respiratory rate limits (per minute). */
export interface DangerZoneBand {
  id: string;
  label: string;
  /** Ages strictly below this many years (fractional: 0.25 is 3 months). */
  ageBelowYears?: number;
  /** Ages up to and including this many years. */
  ageAtMostYears?: number;
  heartRateAbove: number;
  respiratoryRateAbove: number;
}

const BANDS: readonly DangerZoneBand[] = data.dangerZone.bands;

/** The danger-zone band for an age in years; the over-8 band (the adult limits) when unknown. */
export function dangerZoneBand(ageYears: number | undefined): DangerZoneBand {
  const fallback = BANDS[BANDS.length - 1] as DangerZoneBand;
  if (ageYears === undefined || !Number.isFinite(ageYears)) return fallback;
  const fits = (b: DangerZoneBand): boolean =>
    b.ageBelowYears !== undefined ? ageYears < b.ageBelowYears : b.ageAtMostYears !== undefined ? ageYears <= b.ageAtMostYears : true;
  return BANDS.find(fits) ?? fallback;
}

/** Decision point D: vitals beyond the age band's thresholds, and the ones not documented. */
export function dangerZone(note: ClinicalNote): { band: string; exceeded: EsiEvidence[]; missing: string[] } {
  const age = note.demographics.age?.years;
  const b = dangerZoneBand(age);
  const exceeded: EsiEvidence[] = [];
  const missing: string[] = [];
  const hr = latestVital(note, 'heart-rate');
  if (!hr) missing.push('heart rate');
  else if (hr.value > b.heartRateAbove) exceeded.push({ decisionPoint: 'D', label: `HR ${hr.value} > ${b.heartRateAbove}`, span: hr.valueSpan });
  const rr = latestVital(note, 'respiratory-rate');
  if (!rr) missing.push('respiratory rate');
  else if (rr.value > b.respiratoryRateAbove) exceeded.push({ decisionPoint: 'D', label: `RR ${rr.value} > ${b.respiratoryRateAbove}`, span: rr.valueSpan });
  const spo2 = latestVital(note, 'spo2');
  const limit = data.dangerZone.spo2Below;
  if (!spo2) missing.push('SpO2');
  else if (spo2.value < limit) exceeded.push({ decisionPoint: 'D', label: `SpO2 ${spo2.value}% < ${limit}`, span: spo2.valueSpan });
  const band = age === undefined ? `${b.label} (age not documented)` : b.label;
  return { band, exceeded, missing };
}

function labels(ev: readonly EsiEvidence[], max = 3): string {
  const unique = [...new Set(ev.map((e) => e.label))];
  return unique.length > max ? `${unique.slice(0, max).join('; ')}; +${unique.length - max} more` : unique.join('; ');
}

/** The ESI suggestion for the note. */
export function computeEsi(text: string, note: ClinicalNote, index: TokenIndex, assert: AssertFn): EsiResult {
  if (note.inputProblem) {
    return {
      level: 'insufficient-information',
      decidedBy: [],
      evidence: [],
      missing: ['note text'],
      rationale: `Insufficient information: ${note.inputProblem.message}`,
    };
  }
  const ctx = { index, ranges: rangesExcluding(note, data.cueExcludedSections), assert };

  const a = lifeSavingEvidence(note, ctx);
  if (a.length > 0) {
    return { level: 1, decidedBy: ['A'], evidence: a, missing: [], rationale: `ESI 1: needs immediate life-saving intervention — ${labels(a)}.` };
  }
  const b = highRiskEvidence(note, ctx);
  if (b.length > 0) {
    return { level: 2, decidedBy: ['B'], evidence: b, missing: [], rationale: `ESI 2: high-risk situation — ${labels(b)}.` };
  }

  const c = expectedResources(text, note, index, assert);
  if (c.ranges.length === 0) {
    return {
      level: 'insufficient-information',
      decidedBy: [],
      evidence: [],
      missing: ['plan/orders'],
      rationale: 'Insufficient information: no ESI 1 or 2 criteria found, and no plan or orders from which to count expected resources.',
    };
  }
  const resourceEvidence: EsiEvidence[] = c.resources.map((r) => ({ decisionPoint: 'C', label: `resource: ${r.label}`, span: r.span }));
  const base = { evidence: resourceEvidence, resources: c.resources, resourceCount: c.count };
  const names = c.resources.map((r) => r.label).join(', ');
  if (c.count === 0) return { ...base, level: 5, decidedBy: ['C'], missing: [], rationale: 'ESI 5: no resources expected from the plan.' };
  if (c.count === 1) return { ...base, level: 4, decidedBy: ['C'], missing: [], rationale: `ESI 4: one resource expected (${names}).` };

  const d = dangerZone(note);
  const evidence = [...resourceEvidence, ...d.exceeded];
  if (d.exceeded.length > 0) {
    return {
      ...base,
      evidence,
      level: 2,
      decidedBy: ['C', 'D'],
      missing: [],
      ageBand: d.band,
      rationale: `ESI 2 (consider): ${c.count} resources expected (${names}) and danger-zone vitals for ${d.band} — ${labels(d.exceeded)}.`,
    };
  }
  if (d.missing.length > 0) {
    return {
      ...base,
      level: 'insufficient-information',
      decidedBy: ['C'],
      missing: d.missing,
      ageBand: d.band,
      rationale: `Insufficient information: ${c.count} resources expected (${names}); danger-zone vitals cannot be ruled out without ${d.missing.join(', ')}.`,
    };
  }
  return {
    ...base,
    level: 3,
    decidedBy: ['C', 'D'],
    missing: [],
    ageBand: d.band,
    rationale: `ESI 3: ${c.count} resources expected (${names}); no danger-zone vitals for ${d.band}.`,
  };
}
