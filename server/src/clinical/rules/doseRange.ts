/**
 * `dose-range`: doses beyond the limits in `doseLimits.json` (FDA labelling, ISMP, ACR, CHEST):
 * acetaminophen over 4 g/day (all products in one list counted together), daily oral methotrexate,
 * large or U-500 insulin doses, heparin and enoxaparin beyond treatment doses, warfarin over
 * 15 mg/day, large parenteral opioid doses, fast potassium chloride infusions, colchicine, digoxin,
 * metformin and levothyroxine maxima, and mg written for mcg (`levothyroxine 100 mg`).
 *
 * Critical for high-alert overdoses (over the maximum daily total, a classic 10- or 1000-fold
 * slip); warning for borderline doses; advisory for limits that depend on the patient (liver
 * disease, alcohol use, low body weight). PRN entries count the most their interval allows. A dose with no unit or an
 * unknown unit is not judged: `medication-incomplete` reports missing doses, and guessing a unit
 * would turn a documentation gap into a false overdose.
 */
import type { Finding, Fix, Rule, Severity } from '../findings';
import { amountsOf, convert, type Amounts } from './doseRangeMath';
import {
  applies, type Check, conditionOk, cueOnLine, type PatientContext, patientContext, REFERENCES, routeOk, skipped, type Spec, SPEC_UNIT, SPECS,
} from './doseRangeContext';
import { capitalised, currentMedications, formatNumber, type MedEntry } from './medicationScope';
import { MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'dose-range';
const ORDER: Record<Severity, number> = { advisory: 0, warning: 1, critical: 2 };

export const doseRange: Rule = {
  id: CODE,
  description: 'Doses over labelled or guideline maxima (acetaminophen, methotrexate, insulin, heparin, enoxaparin, warfarin, opioids, potassium, colchicine, digoxin, metformin, levothyroxine), including mg written for mcg.',
  run({ text, note }): Finding[] {
    if (note.inputProblem) return [];
    const patient = patientContext(note);
    const out: Finding[] = [];
    const flaggedDaily = new Set<MedEntry>();
    const entries = currentMedications(text, note);
    for (const spec of SPECS) {
      const matching = entries.filter((e) => applies(spec, e) && !skipped(text, spec, e));
      const dailies: { entry: MedEntry; daily: number }[] = [];
      for (const entry of matching) {
        if (out.length >= MAX_FINDINGS_PER_RULE) return out;
        const amounts = amountsOf(text, entry, spec, patient.weightKg);
        if (amounts?.daily !== undefined) dailies.push({ entry, daily: amounts.daily });
        const f = judge(text, spec, entry, amounts, patient);
        if (!f) continue;
        out.push(f.finding);
        if (f.daily) flaggedDaily.add(entry);
      }
      if (spec.sumAcrossProducts) out.push(...productTotals(spec, dailies, flaggedDaily));
    }
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

/** The most severe check that fires for one entry, as a finding. */
function judge(text: string, spec: Spec, entry: MedEntry, a: Amounts | undefined, patient: PatientContext): { finding: Finding; daily: boolean } | undefined {
  let best: { check: Check; fill: Record<string, string> } | undefined;
  for (const check of spec.checks) {
    if (best && ORDER[check.severity as Severity] <= ORDER[best.check.severity as Severity]) continue;
    if (!routeOk(check, entry) || !conditionOk(text, check, entry, a, patient)) continue;
    const fill = fires(text, check, entry, a, patient);
    if (fill) best = { check, fill };
  }
  if (!best) return undefined;
  const { check, fill } = best;
  const m = entry.med;
  const dose = doseText(entry, a);
  const values: Record<string, string> = {
    name: capitalised(m.name),
    dose,
    route: m.route?.value ?? '',
    sig: sigText(entry, dose),
    verb: m.prn ? 'can reach' : 'adds up to',
    reason: patient.reason,
    // `Tylenol ... 6,000 mg/day of acetaminophen`, but not `Acetaminophen ... mg/day of acetaminophen`.
    of: m.name.toLowerCase().includes(spec.display) ? '' : ` of ${spec.display}`,
    ...fill,
  };
  const message = check.message.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '').replace(/\s{2,}/g, ' ');
  const perAdministration = ['dose', 'unitSlip', 'volume', 'rate', 'perKgDose'].includes(check.kind);
  const finding: Finding = {
    code: CODE,
    severity: check.severity as Severity,
    message,
    span: perAdministration && m.strength ? m.strength.span : m.span,
  };
  const ref = REFERENCES[check.reference ?? spec.reference];
  if (ref) finding.reference = ref;
  if (check.kind === 'unitSlip' && m.strength && check.suggest) finding.fixes = [unitFix(text, entry, check.suggest)];
  return { finding, daily: check.kind === 'daily' };
}

/** Whether the check's limit is crossed, with the numbers for its message. */
function fires(text: string, check: Check, entry: MedEntry, a: Amounts | undefined, patient: PatientContext): Record<string, string> | undefined {
  const over = (v: number | undefined): boolean =>
    v !== undefined && (check.atLeast !== undefined ? v >= check.atLeast : check.max !== undefined && v > check.max * (1 + (check.tolerance ?? 0)));
  const show = (v: number): string => formatNumber(convert(v, SPEC_UNIT.get(check) ?? 'mg', check.displayUnit ?? SPEC_UNIT.get(check) ?? 'mg') ?? v);
  const weightNote = patient.weightKg !== undefined ? ` (weight ${formatNumber(patient.weightKg)} kg)` : '';
  switch (check.kind) {
    case 'dose':
      return over(a?.perDose) ? {} : undefined;
    case 'daily':
      return a?.daily !== undefined && over(a.daily) ? { total: show(a.daily) } : undefined;
    case 'weekly':
      return a?.weekly !== undefined && (a.dosesPerDay ?? 0) > 0 && over(a.weekly) ? { total: show(a.weekly) } : undefined;
    case 'rate':
      return a?.rate !== undefined && over(a.rate) ? { rate: show(a.rate) } : undefined;
    case 'perKgDose':
      return a?.perKgDose !== undefined && over(a.perKgDose) ? { perKg: formatNumber(round2(a.perKgDose)), weightNote } : undefined;
    case 'perKgDaily':
      return a?.perKgDaily !== undefined && over(a.perKgDaily) ? { perKg: formatNumber(round2(a.perKgDaily)), weightNote } : undefined;
    case 'frequency':
      return (entry.med.frequency?.dosesPerDay ?? 0) >= (check.minDosesPerDay ?? 1) && !entry.med.prn ? {} : undefined;
    case 'unitSlip': {
      if (!a || a.writtenUnit !== check.writtenUnit || a.writtenValue === undefined || a.writtenValue < (check.atLeast ?? Infinity)) return undefined;
      const factor = convert(1, check.writtenUnit ?? 'mg', check.suggest ?? 'mcg') ?? 1;
      return { value: entry.med.strength?.raw ?? formatNumber(a.writtenValue), factor: formatNumber(factor) };
    }
    case 'cue':
      return cueOnLine(text, check, entry) ? {} : undefined;
    case 'volume':
      return a?.volume ? {} : undefined;
  }
}


/**
 * Acetaminophen from several products in one list (`acetaminophen 650 mg q6h PRN` with
 * `Norco 5/325 1-2 tabs q4h PRN`): one finding when together they pass the maximum and no single
 * entry was already reported. The same product restated in another list is not added twice.
 */
function productTotals(spec: Spec, dailies: readonly { entry: MedEntry; daily: number }[], flagged: ReadonlySet<MedEntry>): Finding[] {
  const sum = spec.sumAcrossProducts;
  if (!sum) return [];
  const byList = new Map<unknown, Map<string, { entry: MedEntry; daily: number }>>();
  for (const d of dailies) {
    const products = byList.get(d.entry.list) ?? new Map<string, { entry: MedEntry; daily: number }>();
    const prev = products.get(d.entry.generic);
    if (!prev || d.daily > prev.daily) products.set(d.entry.generic, d);
    byList.set(d.entry.list, products);
  }
  const out: Finding[] = [];
  for (const products of byList.values()) {
    const items = [...products.values()].sort((a, b) => a.entry.med.span.start - b.entry.med.span.start);
    const total = items.reduce((t, x) => t + x.daily, 0);
    const last = items[items.length - 1];
    if (items.length < 2 || !last || total <= sum.max || items.some((x) => flagged.has(x.entry))) continue;
    const names = items.map((x) => x.entry.med.name).join(' and ');
    const f: Finding = {
      code: CODE,
      severity: sum.severity as Severity,
      message: `${capitalised(names)} together can reach ${formatNumber(total)} ${spec.unit}/day of ${spec.ingredient ?? spec.id}, over the ${formatNumber(sum.max)} ${spec.unit}/day maximum. Count every product that contains it and cap the total.`,
      span: last.entry.med.span,
      related: items.slice(0, -1).map((x) => ({ span: x.entry.med.span, message: `${capitalised(x.entry.med.name)}: up to ${formatNumber(x.daily)} ${spec.unit}/day.` })),
    };
    const ref = REFERENCES[spec.reference];
    if (ref) f.reference = ref;
    out.push(f);
  }
  return out;
}

function unitFix(text: string, entry: MedEntry, suggest: string): Fix {
  const s = entry.med.strength!;
  const written = text.slice(s.span.start, s.span.end);
  const newText = written.replace(/[\p{L}µμ]+$/u, suggest);
  return { title: `Change to ${newText}`, edits: [{ span: s.span, newText }] };
}

/** `1000 mg`, `5/325 mg × 2`: one dose as written. */
function doseText(entry: MedEntry, a: Amounts | undefined): string {
  const s = entry.med.strength;
  if (!s) return '';
  const written = `${s.raw} ${s.unit}`.trim();
  return a?.count !== undefined ? `${written} × ${formatNumber(a.count)}` : written;
}

/** `Acetaminophen 1000 mg PO q4h PRN`: the entry's sig for a message. */
function sigText(entry: MedEntry, dose: string): string {
  const m = entry.med;
  const freq = m.frequency?.text ?? '';
  const prn = m.prn && !/\bprn\b|as needed/i.test(freq) ? 'PRN' : '';
  return [capitalised(m.name), dose, m.route?.value ?? '', freq, prn].filter((s) => s.length > 0).join(' ');
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
