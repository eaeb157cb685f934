/**
 * Reading one calculator input from a parsed note: each {@link Source} names where the value
 * comes from (a lab, a vital sign, a condition's assertion, a score-specific rule), and
 * {@link resolveSource} returns the value with the span it was read from, `unclear` when the
 * note mentions it but not readably (ascites without a grade), or undefined when the note is
 * silent.
 */
import data from '../../knowledge/conditions.json';
import { createAssertionContext } from '../../note/assertion';
import { lookupDrug } from '../../note/drugLexicon';
import type { Assertion, ClinicalNote, NumericVital, Span } from '../../note/types';
import type { InputValue } from '../calculators/types';
import { conditionLabel, conditionStatus, findConditions, type ConditionIndex, type ConditionMention } from './conditions';
import { sectionKindTest } from './sectionIndex';
import { findDrinksPerWeek, findQt, gradeChoices, gradeNear, pickGcs, pickLab, pickVital, rateOnLine, vitalsOf } from './measurements';

/** Where an input's value comes from in the note. */
export type Source =
  | { from: 'age' }
  | { from: 'sex' }
  /** A lab result by the note's analyte id (`creatinine`, `bilirubin-total`), in its canonical unit. */
  | { from: 'lab'; analyte: string }
  | { from: 'vital'; kind: NumericVital['kind'] }
  /** Whether the SpO2 a score reads (the first) was taken on supplemental oxygen; silent when the note does not say. */
  | { from: 'spo2-oxygen' }
  | { from: 'bp'; part: 'systolic' | 'diastolic' }
  | { from: 'gcs' }
  /** QT interval written in the text (`QT 480 ms`). */
  | { from: 'qt' }
  /** The heart rate on the QT's line (an ECG), else the first documented heart rate. */
  | { from: 'qt-rate' }
  /** True when any of the conditions is affirmed for the patient, false when negated. */
  | { from: 'condition'; ids: readonly string[]; current?: boolean }
  /** New confusion: a confusion mention or the vitals' level of consciousness. */
  | { from: 'confusion' }
  /** An active medication in one of the drug classes (`drugs.json` class ids). */
  | { from: 'drug-class'; classes: readonly string[] }
  /** Alcoholic drinks per week. */
  | { from: 'alcohol' }
  /** A graded finding (`ascites`, `hepatic-encephalopathy`): the grade written beside it. */
  | { from: 'grade'; condition: string }
  /**
   * Any of several sources (a criterion met by a drug or a diagnosis, RCRI's insulin treatment):
   * true when one reads true, else false when one reads false, else silent.
   */
  | { from: 'any'; sources: readonly Source[] }
  /** HAS-BLED's H: systolic > 160 mm Hg or uncontrolled hypertension documented. */
  | { from: 'has-bled-hypertension' }
  /** HAS-BLED's A (renal): dialysis, kidney transplant or creatinine ≥ 2.26 mg/dL. */
  | { from: 'has-bled-renal' }
  /** HAS-BLED's A (liver): chronic liver disease or bilirubin > 2 × ULN with AST/ALT/ALP > 3 × ULN. */
  | { from: 'has-bled-liver' };

/** A value read from the note, with the text it came from and any reasoning worth showing. */
export interface Reading {
  kind: 'value';
  value: InputValue;
  span?: Span;
  /** One explanation line, e.g. "SBP 154 mm Hg (≤ 160): uncontrolled hypertension not met". */
  note?: string;
}

/** The note mentions the input but not readably (a finding without its grade). */
export interface Unclear {
  kind: 'unclear';
  reason: string;
  span?: Span;
}

export type Resolution = Reading | Unclear | undefined;

/** Everything the resolvers share for one note (built once per note). */
export interface NoteFacts {
  text: string;
  note: ClinicalNote;
  assert: (span: Span) => Assertion;
  conditions: ConditionIndex;
}

/** Builds the shared facts; `assert` defaults to a fresh ConText context over `text`. */
export function noteFacts(text: string, note: ClinicalNote, assert?: (span: Span) => Assertion): NoteFacts {
  const a = assert ?? createAssertionContext(text).assertionFor;
  return { text, note, assert: a, conditions: findConditions(text, note, a) };
}

const RULES = data.rules;
const read = (value: InputValue, span?: Span, note?: string): Reading => ({ kind: 'value', value, ...(span ? { span } : {}), ...(note ? { note } : {}) });

function lab(f: NoteFacts, analyte: string): Reading | undefined {
  const l = pickLab(f.text, f.note, analyte);
  if (!l) return undefined;
  // INR and pH are dimensionless; everything else travels with its unit so the calculator converts.
  return read(l.canonical.unit === '' ? l.canonical.value : { value: l.canonical.value, unit: l.canonical.unit }, l.span);
}

function condition(f: NoteFacts, ids: readonly string[], current = false): Reading | undefined {
  const s = conditionStatus(f.conditions, ids, current);
  if (!s || s.state === 'possible') return undefined;
  return read(s.state === 'present', s.mention.span);
}

/** The same index with only the mentions that pass `keep`. */
function filtered(index: ConditionIndex, keep: (m: ConditionMention) => boolean): ConditionIndex {
  return { mentions: (id) => index.mentions(id).filter(keep) };
}

function confusion(f: NoteFacts): Reading | undefined {
  // A plan's safety-netting ("return if fever or confusion") is not a finding.
  const inPlan = sectionKindTest(f.note.sections, ['plan', 'instructions', 'follow-up', 'disposition']);
  const s = conditionStatus(filtered(f.conditions, (m) => !inPlan(m.span.start)), ['confusion'], true);
  if (s?.state === 'present') return read(true, s.mention.span);
  const loc = vitalsOf(f.note, 'consciousness');
  // Only new confusion counts; V/P/U on ACVPU may be sedation, not disorientation.
  const confused = loc.find((v) => v.newConfusion === true || v.acvpu === 'C');
  if (confused) return read(true, confused.span);
  if (s?.state === 'absent') return read(false, s.mention.span);
  const alert = loc.find((v) => v.acvpu === 'A');
  return alert ? read(false, alert.span) : undefined;
}

function drugClass(f: NoteFacts, classes: readonly string[]): Reading | undefined {
  for (const m of f.note.medications) {
    if (m.status !== 'active') continue;
    const info = m.generic ? lookupDrug(m.generic) : undefined;
    if (!info?.classes.some((c) => classes.includes(c))) continue;
    const a = f.assert(m.nameSpan);
    if (a.certainty !== 'affirmed' || a.experiencer !== 'patient' || a.temporality === 'hypothetical') continue;
    return read(true, m.nameSpan, `${m.name} (${info.classes.filter((c) => classes.includes(c)).join(', ')})`);
  }
  return undefined;
}

function alcohol(f: NoteFacts): Reading | undefined {
  const drinks = findDrinksPerWeek(f.text);
  if (drinks && f.assert(drinks.span).certainty === 'affirmed') return read(drinks.value, drinks.span);
  const excess = conditionStatus(f.conditions, ['alcohol-excess']);
  const per = RULES.hasBledAlcoholExcessDrinksPerWeek.atLeast;
  if (excess?.state === 'present') return read(per, excess.mention.span, `Alcohol excess documented: counted as ${per} drinks/week.`);
  const use = conditionStatus(f.conditions, ['alcohol-use', 'alcohol-excess']);
  if (use?.state === 'absent') return read(0, use.mention.span);
  return undefined;
}

function grade(f: NoteFacts, id: string): Resolution {
  const s = conditionStatus(f.conditions, [id]);
  const choices = gradeChoices(id);
  if (!s) return undefined;
  if (s.state === 'absent') return read(choices[0] ?? 'Absent', s.mention.span);
  if (s.state === 'possible') return { kind: 'unclear', reason: `${conditionLabel(id)} only possible`, span: s.mention.span };
  const g = gradeNear(f.text, id, s.mention.span);
  if (g !== undefined) return read(g, s.mention.span);
  return { kind: 'unclear', reason: `${conditionLabel(id)} documented without a grade (${choices.slice(1).join(' or ')})`, span: s.mention.span };
}

function hasBledHypertension(f: NoteFacts): Reading | undefined {
  const limit = RULES.hasBledUncontrolledSystolic.above;
  const s = conditionStatus(f.conditions, ['uncontrolled-hypertension']);
  if (s?.state === 'present') return read(true, s.mention.span);
  const bps = vitalsOf(f.note, 'blood-pressure');
  const high = bps.find((b) => b.systolic > limit);
  if (high) return read(true, high.span, `SBP ${high.systolic} mm Hg (> ${limit}): uncontrolled hypertension.`);
  const first = bps[0];
  if (first) return read(false, first.span, `SBP ${first.systolic} mm Hg (≤ ${limit}): hypertension not uncontrolled by the HAS-BLED definition.`);
  return undefined;
}

function hasBledRenal(f: NoteFacts): Reading | undefined {
  const s = conditionStatus(f.conditions, ['dialysis', 'kidney-transplant']);
  if (s?.state === 'present') return read(true, s.mention.span);
  const limit = RULES.hasBledRenalCreatinine.atLeast;
  const cr = pickLab(f.text, f.note, 'creatinine');
  if (cr) {
    const high = cr.canonical.value >= limit;
    return read(high, cr.span, `Creatinine ${cr.canonical.value} mg/dL (${high ? '≥' : '<'} ${limit}), no dialysis or transplant documented.`);
  }
  return s?.state === 'absent' ? read(false, s.mention.span) : undefined;
}

function hasBledLiver(f: NoteFacts): Reading | undefined {
  const s = conditionStatus(f.conditions, ['liver-disease']);
  if (s?.state === 'present') return read(true, s.mention.span);
  const r = RULES.hasBledLiverLabs;
  const bili = pickLab(f.text, f.note, 'bilirubin-total');
  const enzymes = [
    { l: pickLab(f.text, f.note, 'ast'), uln: r.aminotransferaseUln },
    { l: pickLab(f.text, f.note, 'alt'), uln: r.aminotransferaseUln },
    { l: pickLab(f.text, f.note, 'alkaline-phosphatase'), uln: r.alkalinePhosphataseUln },
  ].filter((e) => e.l !== undefined);
  if (bili && enzymes.length > 0) {
    const biliHigh = bili.canonical.value > r.bilirubinTimesUln * r.bilirubinUln;
    const enzymeHigh = enzymes.some((e) => (e.l?.canonical.value ?? 0) > r.enzymeTimesUln * e.uln);
    const met = biliHigh && enzymeHigh;
    return read(met, bili.span, `Bilirubin ${bili.canonical.value} mg/dL ${biliHigh ? '>' : '≤'} 2 × ULN; AST/ALT/ALP ${enzymeHigh ? '>' : '≤'} 3 × ULN: liver criterion ${met ? 'met' : 'not met'}.`);
  }
  return s?.state === 'absent' ? read(false, s.mention.span) : undefined;
}

function anyOf(f: NoteFacts, sources: readonly Source[]): Resolution {
  let no: Reading | undefined;
  for (const s of sources) {
    const r = resolveSource(f, s);
    if (r?.kind !== 'value' || typeof r.value !== 'boolean') continue;
    if (r.value) return r;
    no ??= r;
  }
  return no;
}

function heartRateForQt(f: NoteFacts): Reading | undefined {
  const qt = findQt(f.text);
  const onLine = qt ? rateOnLine(f.text, qt.span) : undefined;
  if (onLine) return read(onLine.value, onLine.span);
  const hr = pickVital(f.note, 'heart-rate');
  return hr ? read(hr.value, hr.span) : undefined;
}

/** Reads one input from the note. */
export function resolveSource(f: NoteFacts, source: Source): Resolution {
  switch (source.from) {
    case 'age': {
      const a = f.note.demographics.age;
      return a ? read({ value: a.years, unit: 'years' }, a.span) : undefined;
    }
    case 'sex': {
      const s = f.note.demographics.sex;
      return s ? read(s.value === 'female' ? 'Female' : 'Male', s.span) : undefined;
    }
    case 'lab':
      return lab(f, source.analyte);
    case 'vital': {
      const v = pickVital(f.note, source.kind);
      return v ? read({ value: v.value, unit: v.unit }, v.span) : undefined;
    }
    case 'spo2-oxygen': {
      const o = pickVital(f.note, 'spo2')?.oxygen;
      return o ? read(o.supplemental, o.span) : undefined;
    }
    case 'bp': {
      const bp = vitalsOf(f.note, 'blood-pressure')[0];
      return bp ? read(source.part === 'systolic' ? bp.systolic : bp.diastolic, bp.span) : undefined;
    }
    case 'gcs': {
      const g = pickGcs(f.note);
      return g ? read(g.gcs, g.span) : undefined;
    }
    case 'qt': {
      const qt = findQt(f.text);
      return qt ? read({ value: qt.value, unit: 'ms' }, qt.span) : undefined;
    }
    case 'qt-rate':
      return heartRateForQt(f);
    case 'condition':
      return condition(f, source.ids, source.current);
    case 'confusion':
      return confusion(f);
    case 'drug-class':
      return drugClass(f, source.classes);
    case 'alcohol':
      return alcohol(f);
    case 'grade':
      return grade(f, source.condition);
    case 'any':
      return anyOf(f, source.sources);
    case 'has-bled-hypertension':
      return hasBledHypertension(f);
    case 'has-bled-renal':
      return hasBledRenal(f);
    case 'has-bled-liver':
      return hasBledLiver(f);
  }
}
