/**
 * `implausible-value` (warning): vital signs no living patient has, which are almost always typos:
 * diastolic ≥ systolic, temperature outside 25–45 °C, heart rate 0 or > 300, respiratory rate
 * > 80, SpO2 > 100 %, weight > 400 kg, GCS outside 3–15 or components that do not add up. A
 * value reported here is not also reported as critical (`critical-value` skips it).
 *
 * A pain score above 10 is not one of them: the parser keeps it only when it is written against
 * the 0–10 scale (`11/10`, `rates his pain as a 12 out of 10`), which is the patient's emphasis,
 * recorded on purpose (bench/REVIEW.md).
 *
 * Most values come from the vitals parser. The parser drops numbers outside its bounds (`T 385`,
 * `SpO2 990%`, `GCS 16`), so a small text scan catches those after strong labels only.
 */
import data from '../../knowledge/criticalValues.json';
import type { Finding, Fix, Rule } from '../findings';
import type { ClinicalNote, Span, Vital } from '../../note/types';
import { roundTo } from '../../note/text';
import { lineEndAfter, lineStartBefore, MAX_FINDINGS_PER_RULE, SpanIndex } from './spanIndex';

const CODE = 'implausible-value';
const LIMITS = data.implausible;
const REFERENCE = {
  title: 'Royal College of Physicians: National Early Warning Score (NEWS) 2 (observation ranges)',
  url: data.references.news2.url,
};

/** Why a parsed vital is implausible, or undefined when it is not. */
export function implausibleVital(v: Vital): string | undefined {
  switch (v.kind) {
    case 'blood-pressure':
      if (v.diastolic >= v.systolic) return `BP ${v.systolic}/${v.diastolic} has a diastolic at or above the systolic; re-check the reading and the order of the numbers.`;
      if (v.systolic > LIMITS.systolic.max) return `systolic BP ${v.systolic} mmHg is above ${LIMITS.systolic.max} mmHg; re-check the reading.`;
      return undefined;
    case 'temperature': {
      if (v.value >= LIMITS.temperature.min && v.value <= LIMITS.temperature.max) return undefined;
      const written = v.original ? ` (written ${fmt(v.original.value)} ${v.original.unit})` : '';
      return `temperature ${fmt(roundTo(v.value, 1))} °C${written} is outside ${LIMITS.temperature.min}–${LIMITS.temperature.max} °C; check the decimal point and the unit.`;
    }
    case 'heart-rate':
      if (v.value < LIMITS['heart-rate'].min) return `heart rate ${fmt(v.value)}/min; if the patient is in cardiac arrest, document it explicitly.`;
      if (v.value > LIMITS['heart-rate'].max) return `heart rate ${fmt(v.value)}/min is above ${LIMITS['heart-rate'].max}/min; re-check (an extra digit?).`;
      return undefined;
    case 'respiratory-rate':
      return v.value > LIMITS['respiratory-rate'].max ? `respiratory rate ${fmt(v.value)}/min is above ${LIMITS['respiratory-rate'].max}/min; re-check (an extra digit?).` : undefined;
    case 'spo2':
      return v.value > LIMITS.spo2.max ? `SpO2 ${fmt(v.value)}% is above 100%; re-check.` : undefined;
    case 'weight': {
      if (v.value <= LIMITS.weight.max) return undefined;
      const written = v.original ? ` (written ${fmt(v.original.value)} ${v.original.unit})` : '';
      return `weight ${fmt(roundTo(v.value, 1))} kg${written} is above ${LIMITS.weight.max} kg; check the unit (kg or lb) and the decimal point.`;
    }
    case 'pain':
      return v.value < LIMITS.pain.min ? `pain score ${fmt(v.value)} is below 0.` : undefined;
    case 'consciousness':
      return gcsProblem(v.gcs, v.gcsComponents);
    default:
      return undefined;
  }
}

function gcsProblem(total: number | undefined, c: { eye: number; verbal: number; motor: number } | undefined): string | undefined {
  const g = LIMITS.gcs;
  if (total !== undefined && (total < g.min || total > g.max)) return `GCS ${total} is outside ${g.min}–${g.max}.`;
  if (!c) return undefined;
  if (c.eye < 1 || c.eye > g.eye || c.verbal < 1 || c.verbal > g.verbal || c.motor < 1 || c.motor > g.motor) {
    return `GCS components E${c.eye} V${c.verbal} M${c.motor} are out of range (E1–${g.eye}, V1–${g.verbal}, M1–${g.motor}).`;
  }
  const sum = c.eye + c.verbal + c.motor;
  if (total !== undefined && sum !== total) return `GCS ${total} does not match its components E${c.eye} V${c.verbal} M${c.motor} (sum ${sum}).`;
  return undefined;
}

/* ------------------------------------------------------------------ text scan for dropped values */

const TEMP_RE = /(?<![\p{L}\p{N}])(temp(?:erature)?|tmax|t)[ \t]*[:=]?[ \t]*([1-9]\d{2,3})(?![\d.]|,\d)/giu;
/** A unit after the number that makes it something else (`T 385 ms`), matched case-sensitively (`HR` is not `hr`). */
const NOT_TEMPERATURE_UNIT_RE = /^[ \t]?(?:ms|mg|ml|mL|mm|cm|min|mins|hrs?|h|k|K|x|%|cells)(?![A-Za-z])/;
const VITAL_LABEL_RE = /(?<![A-Za-z0-9])(?:bp|hr|rr|p|pulse|spo2|sats?|resp)(?![A-Za-z0-9])/i;
const SPO2_RE = /(?<![\p{L}\p{N}])(?:spo2|sao2|o2 sats?|o2 saturation|sats?|pulse ox)[ \t]*[:=]?[ \t]*(\d{3,4})[ \t]?%/giu;
const GCS_RE = /(?<![\p{L}\p{N}])GCS[ \t]*(?:score)?[ \t]*(?:of|[:=])?[ \t]*(\d{1,2})(?:[ \t]?\/[ \t]?15)?(?![\d\-–/]|\.\d)/giu;
const GCS_PARTS_RE = /(?<![\p{L}\p{N}])E[ \t]?(\d)[ \t,]*V[ \t]?(\d|T)[ \t,]*M[ \t]?(\d)(?![\p{L}\p{N}])/gu;

export const implausibleValue: Rule = {
  id: CODE,
  description: 'Vital signs that are almost certainly typos (diastolic ≥ systolic, T 385, HR > 300, SpO2 > 100 %, GCS 16, …).',
  run({ text, note }): Finding[] {
    if (note.inputProblem) return [];
    const out: Finding[] = [];
    for (const v of note.vitals) {
      if (v.kind === 'temperature' && v.value < 35 && /^t[ \t-]?max/i.test(text.slice(v.span.start, v.span.end))) continue; // IOP, see lowTmax
      const why = implausibleVital(v);
      if (why) out.push(finding(v.span, `Likely a typo: ${why}`));
    }
    scanText(text, note, out);
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

function scanText(text: string, note: ClinicalNote, out: Finding[]): void {
  const vitals = new SpanIndex(note.vitals, (v) => v.span);
  const reported = new Set<number>();
  const taken = (span: Span): boolean => {
    if (vitals.has(span) || reported.has(span.start)) return true;
    reported.add(span.start);
    return false;
  };
  const [cLow, cHigh] = LIMITS.textTemperature.celsiusNoDecimal as [number, number];
  const [fLow, fHigh] = LIMITS.textTemperature.fahrenheitNoDecimal as [number, number];
  for (const m of text.matchAll(TEMP_RE)) {
    const raw = m[2] ?? '';
    const value = Number(raw);
    const celsius = value >= cLow && value <= cHigh;
    if (!celsius && !(value >= fLow && value <= fHigh)) continue;
    if (NOT_TEMPERATURE_UNIT_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    // A bare `T` is a temperature only on a line with other vital signs.
    if ((m[1] ?? '').length === 1 && !VITAL_LABEL_RE.test(lineAround(text, m.index))) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken(span)) continue;
    const numberStart = m.index + m[0].lastIndexOf(raw);
    const guess = `${raw.slice(0, -1)}.${raw.slice(-1)}`;
    const fix: Fix = { title: `Did you mean ${guess}?`, edits: [{ span: { start: numberStart, end: numberStart + raw.length }, newText: guess }] };
    out.push(finding(span, `Likely a typo: temperature ${raw} is not a body temperature in °C or °F; a missing decimal point (${guess} ${celsius ? '°C' : '°F'})?`, [fix]));
  }
  for (const m of text.matchAll(SPO2_RE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (Number(m[1]) > LIMITS.spo2.max && !taken(span)) out.push(finding(span, `Likely a typo: SpO2 ${m[1]}% is above 100%; re-check.`));
  }
  for (const m of text.matchAll(GCS_RE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const why = gcsProblem(Number(m[1]), undefined);
    if (why && !taken(span)) out.push(finding(span, `Likely a typo: ${why}`));
  }
  for (const m of text.matchAll(GCS_PARTS_RE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const verbal = m[2] === 'T' ? 1 : Number(m[2]);
    const why = gcsProblem(undefined, { eye: Number(m[1]), verbal, motor: Number(m[3]) });
    if (why && !taken(span)) out.push(finding(span, `Likely a typo: ${why}`));
  }
}

function lineAround(text: string, offset: number): string {
  return text.slice(lineStartBefore(text, offset, 200), lineEndAfter(text, offset, 200));
}

function finding(span: Span, message: string, fixes?: Fix[]): Finding {
  const f: Finding = { code: CODE, severity: 'warning', message, span, reference: REFERENCE };
  if (fixes) f.fixes = fixes;
  return f;
}

function fmt(n: number): string {
  return String(roundTo(n, 2));
}
