/**
 * `critical-value` (critical): vitals and labs beyond action thresholds (`criticalValues.json`:
 * NEWS2 red bands for vitals, laboratory critical limits for labs), with what to do next. Also
 * reports a lab the laboratory itself flagged critical (`HH`, `LL`, `critical`).
 *
 * One finding per value: the same analyte with the same value written again (`lactate 4.3` in the
 * labs and again in the assessment) becomes related information on the first finding. Values the
 * `implausible-value` rule calls typos are left to it; values in past-history sections, and in a
 * discharge summary's admission findings or hospital course, are history rather than a current
 * alert; values after a goal or threshold cue (`keep SBP > 90`) are not results.
 */
import data from '../../knowledge/criticalValues.json';
import type { Finding, Reference, Rule } from '../findings';
import type { ClinicalNote, LabResult, Section, Span, Vital } from '../../note/types';
import { labInfo } from '../../note/labUnits';
import { roundTo } from '../../note/text';
import { implausibleVital } from './implausibleValues';
import { lineStartBefore, MAX_FINDINGS_PER_RULE, SpanIndex } from './spanIndex';

const CODE = 'critical-value';

type Op = '<' | '<=' | '>' | '>=';
interface Threshold {
  op: Op;
  value: number;
  label: string;
  action: string;
}
interface Limits {
  display: string;
  reference: string;
  low?: Threshold;
  high?: Threshold;
}

const VITAL_LIMITS = new Map<string, Limits>(data.vitals.filter((v) => 'low' in v || 'high' in v).map((v) => [v.kind, v as Limits]));
const LAB_LIMITS = new Map<string, Limits>(data.labs.map((l) => [l.analyte, l as Limits]));
const ACVPU = data.vitals.find((v) => v.kind === 'acvpu') as { display: string; reference: string; levels: Record<string, string>; action: string } | undefined;
const REFERENCES = data.references as Record<string, Reference>;

const HISTORY_SECTIONS = new Set(['pmh', 'psh', 'family-history', 'social-history']);
const DISCHARGE_HISTORY_SECTIONS = new Set(['hpi', 'hospital-course']);
const ADMISSION_TITLE_RE = /\b(?:admission|admitting|admit|presentation|presenting|initial)\b/i;
/** A goal, threshold or safety-net cue earlier in the sentence: `keep SBP > 90`, `return if ... unresponsive`. */
const GOAL_CUE_RE = /\b(?:goal|target|keep|maintain|titrate|if|unless|hold(?:ing)? (?:for|if)|call|notify|parameters?|watch for|monitor for|return|seek|discussed|advised|educated|explained|signs of|red flags?|safety[- ]?net\w*)\b[^.;\n]*$/i;
/** A past value: `prev K+ 6.3`, `baseline Hb 6.8`, `h/o Na 118`. */
const PAST_CUE_RE = /\b(?:prev|previous|previously|prior|baseline|historical|old|h\/o|hx of|history of|last (?:year|month|week|visit|admission))\b[^.;\n\d]{0,12}$/i;
/** Labels that make a bare number an SpO2 (`Sat` alone is also Saturday). */
const SPO2_LABEL_RE = /o2|oxim|pulse ?ox|%/i;

export const criticalValue: Rule = {
  id: CODE,
  description: 'Vital signs and lab values beyond action thresholds (NEWS2 red parameters, laboratory critical limits).',
  run({ text, note }): Finding[] {
    if (note.inputProblem) return [];
    const out: Finding[] = [];
    const seen = new Map<string, Finding>();
    const sections = new SpanIndex(note.sections, (s) => s.span);
    const add = (key: string, span: Span, message: string, reference: Reference | undefined): void => {
      if (!isCurrent(text, note, sections, span)) return;
      const first = seen.get(key);
      if (first) {
        (first.related ??= []).push({ span, message: 'The same value is written here.' });
        return;
      }
      const f: Finding = { code: CODE, severity: 'critical', message, span };
      if (reference) f.reference = reference;
      seen.set(key, f);
      out.push(f);
    };

    for (const v of note.vitals) {
      if (implausibleVital(v)) continue;
      if (v.kind === 'spo2' && !SPO2_LABEL_RE.test(text.slice(v.span.start, v.span.end))) continue;
      if (lowTmax(text, v)) continue;
      for (const hit of vitalHits(v)) add(hit.key, v.span, hit.message, REFERENCES[hit.reference]);
    }
    for (const lab of note.labs) {
      if (lab.unitAssumed && unitInDoubt(lab)) continue;
      // `ABG 7.39/58/75/+7`: a signed number is a base excess, not a bicarbonate of 7.
      if (/^[+\-]/.test(text.slice(lab.valueSpan.start, lab.valueSpan.end)) || /[+\-]$/.test(text.slice(lab.valueSpan.start - 1, lab.valueSpan.start))) continue;
      const hit = labHit(lab);
      if (hit) add(`${lab.analyte}:${lab.comparator ?? ''}${roundTo(lab.canonical.value, 4)}`, lab.span, hit.message, REFERENCES[hit.reference]);
    }
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

interface Hit {
  key: string;
  message: string;
  reference: string;
}

function vitalHits(v: Vital): Hit[] {
  const hits: Hit[] = [];
  if (v.kind === 'blood-pressure') {
    const t = crossed(VITAL_LIMITS.get('systolic'), v.systolic);
    if (t) hits.push(vitalHit('systolic', `Systolic BP ${v.systolic} mmHg (BP ${v.systolic}/${v.diastolic})`, v.systolic, t));
  } else if (v.kind === 'consciousness') {
    if (v.gcs !== undefined) {
      const t = crossed(VITAL_LIMITS.get('gcs'), v.gcs);
      if (t) hits.push(vitalHit('gcs', `GCS ${v.gcs}`, v.gcs, t));
    }
    const level = v.acvpu !== undefined ? ACVPU?.levels[v.acvpu] : undefined;
    if (ACVPU && level && (v.gcs === undefined || !crossed(VITAL_LIMITS.get('gcs'), v.gcs))) {
      hits.push({ key: `acvpu:${v.acvpu}`, message: `${ACVPU.display}: ${level} (ACVPU ${v.acvpu}): ${ACVPU.action}`, reference: ACVPU.reference });
    }
  } else {
    const t = crossed(VITAL_LIMITS.get(v.kind), v.value);
    if (t) {
      const limits = VITAL_LIMITS.get(v.kind);
      const shown = `${limits?.display ?? v.kind} ${withUnit(v.value, v.unit)}`;
      const written = v.original ? `${limits?.display ?? v.kind} ${withUnit(v.original.value, v.original.unit)} (${withUnit(roundTo(v.value, 1), v.unit)})` : shown;
      const oxygen = v.kind === 'spo2' && v.oxygen ? (v.oxygen.supplemental ? ' on supplemental oxygen' : ' on room air') : '';
      hits.push(vitalHit(v.kind, written + oxygen, v.value, t));
    }
  }
  return hits;
}

function vitalHit(kind: string, shown: string, value: number, t: Threshold): Hit {
  const limits = VITAL_LIMITS.get(kind);
  return { key: `${kind}:${roundTo(value, 2)}`, message: `${shown} ${t.label}: ${t.action}`, reference: limits?.reference ?? 'news2' };
}

function labHit(lab: LabResult): Omit<Hit, 'key'> | undefined {
  const limits = LAB_LIMITS.get(lab.analyte);
  const value = lab.canonical.value;
  const unit = lab.unitAssumed ? (lab.unit ? `${lab.unit}, unit assumed` : '') : lab.unit;
  const converted = Math.abs(value - lab.value) > 1e-9 ? ` (${fmt(roundTo(value, 2))} ${lab.canonical.unit})` : '';
  const shown = `${limits?.display ?? lab.display} ${lab.comparator ?? ''}${fmt(lab.value)}${unit ? ' ' + unit : ''}${converted}`;
  const t = crossedLab(limits, value, lab.comparator);
  if (t && limits) return { message: `${shown} ${t.label}: ${t.action}`, reference: limits.reference };
  if (lab.flag === 'critical' || lab.flag === 'HH' || lab.flag === 'LL') {
    return { message: `${shown} is flagged critical (${lab.flag}) by the laboratory: confirm it and act on it now.`, reference: 'labs' };
  }
  return undefined;
}

/** The threshold `value` crosses, if any. */
function crossed(limits: Limits | undefined, value: number): Threshold | undefined {
  if (!limits) return undefined;
  if (limits.low && compare(value, limits.low.op, limits.low.value)) return limits.low;
  if (limits.high && compare(value, limits.high.op, limits.high.value)) return limits.high;
  return undefined;
}

/** As `crossed`, honouring a written comparator: `Plt <10` is below 20, `troponin <0.01` is not high. */
function crossedLab(limits: Limits | undefined, value: number, comparator: LabResult['comparator']): Threshold | undefined {
  if (!limits) return undefined;
  const below = comparator === '<' || comparator === '<=';
  const above = comparator === '>' || comparator === '>=';
  if (limits.low && !above && (compare(value, limits.low.op, limits.low.value) || (below && value <= limits.low.value))) return limits.low;
  if (limits.high && !below && (compare(value, limits.high.op, limits.high.value) || (above && value >= limits.high.value))) return limits.high;
  return undefined;
}

function compare(value: number, op: Op, limit: number): boolean {
  switch (op) {
    case '<': return value < limit;
    case '<=': return value <= limit;
    case '>': return value > limit;
    case '>=': return value >= limit;
  }
}

/** False for values in history sections, a discharge summary's admission findings, or after a goal cue. */
function isCurrent(text: string, note: ClinicalNote, sections: SpanIndex<Section>, span: Span): boolean {
  for (const s of sections.overlapping({ start: span.start, end: span.start + 1 })) {
    if (HISTORY_SECTIONS.has(s.kind)) return false;
    if (note.noteType === 'discharge-summary' && (DISCHARGE_HISTORY_SECTIONS.has(s.kind) || ADMISSION_TITLE_RE.test(s.title))) return false;
  }
  const before = text.slice(lineStartBefore(text, span.start, 60), span.start);
  return !GOAL_CUE_RE.test(before) && !PAST_CUE_RE.test(before);
}

/**
 * True when a lab written without a unit could be read in another unit of its analyte in which it
 * is not critical: `phosphate 0.8` is critical in mg/dL but normal in mmol/L (an SI-unit note).
 */
function unitInDoubt(lab: LabResult): boolean {
  const limits = LAB_LIMITS.get(lab.analyte);
  for (const u of labInfo(lab.analyte)?.units ?? []) {
    if (!u.infer || lab.value < u.range[0] || lab.value > u.range[1]) continue;
    if (!crossedLab(limits, lab.value * u.factor + u.offset, lab.comparator)) return true;
  }
  return false;
}

/**
 * A low `Tmax` is not a body temperature: ophthalmology writes the maximum intraocular pressure as
 * `Tmax 28` (mmHg), and a hypothermic maximum temperature is not what anyone records.
 */
export function lowTmax(text: string, v: Vital): boolean {
  return v.kind === 'temperature' && v.value < 35 && /^t[ \t-]?max/i.test(text.slice(v.span.start, v.span.end));
}

/** `38/min`, `86%`, `39.7 °C`: per-minute and percent attach to the number. */
function withUnit(value: number, unit: string): string {
  return /^[/%]/.test(unit) || unit === '' ? `${fmt(value)}${unit}` : `${fmt(value)} ${unit}`;
}

/** A number as a clinician writes it: no float noise, no trailing zeros. */
function fmt(n: number): string {
  return String(roundTo(n, 3));
}
