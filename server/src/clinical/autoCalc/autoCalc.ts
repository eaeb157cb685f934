/**
 * Automatic calculators: runs the scores a note has everything for (CHA₂DS₂-VASc and HAS-BLED
 * when atrial fibrillation is affirmed, CURB-65 for pneumonia, MELD-Na and Child-Pugh for
 * cirrhosis, eGFR, anion gap, QTc… when their inputs are written) and says where each input came
 * from. Also prefills any calculator's inputs for a "Calculate…" command. Pure.
 */
import data from '../../knowledge/conditions.json';
import { calculatorById } from '../calculators';
import type { CalcInputs, Calculator, InputSpec, InputValue } from '../calculators/types';
import type { Assertion, ClinicalNote, Span } from '../../note/types';
import { conditionStatus } from './conditions';
import { pickLab, gradeChoices } from './measurements';
import { noteFacts, resolveSource, type NoteFacts, type Resolution, type Source } from './noteInputs';
import { AUTO_CALCULATORS, sourceFor, type AutoCalcEntry, type Trigger } from './table';

/** One automatically computed score or measurement. */
export interface AutoResult {
  calculatorId: string;
  /** Display name. */
  name: string;
  value: number | string;
  unit?: string;
  /** One short line for a code lens / hover, e.g. "CHA₂DS₂-VASc 4". */
  label: string;
  /** The calculator's arithmetic, then where the note's values were read and what was assumed. */
  explanation: string;
  /** Where each input came from in the note; `assumed` when it was not documented and counted as absent. */
  inputs: { name: string; value: unknown; span?: Span; assumed?: boolean }[];
  reference: { title: string; url: string };
}

/** Inputs prefilled from the note for one calculator, where each came from, and what is still missing. */
export interface Prefill {
  /** Values keyed by the calculator's input keys, ready for `compute`. */
  inputs: Record<string, unknown>;
  /** The note text each prefilled input was read from. */
  sources: Record<string, Span>;
  /** Labels of required inputs the note does not document (or documents unreadably). */
  missing: string[];
}

type Assert = (span: Span) => Assertion;

interface Gathered {
  inputs: Record<string, InputValue>;
  rows: AutoResult['inputs'];
  sources: Record<string, Span>;
  notes: string[];
  assumed: string[];
  missing: string[];
}

/** Resolutions cached per source within one note, since many calculators share inputs. */
function resolver(f: NoteFacts): (s: Source) => Resolution {
  const cache = new Map<string, Resolution>();
  return (s) => {
    const key = JSON.stringify(s);
    if (!cache.has(key)) cache.set(key, resolveSource(f, s));
    return cache.get(key);
  };
}

/** The value a not-mentioned optional input takes when absence may be assumed. */
function absentValue(spec: InputSpec, source: Source | undefined): InputValue | undefined {
  if (source?.from === 'grade') return gradeChoices(source.condition)[0];
  if (source?.from === 'alcohol') return 0;
  return spec.kind === 'boolean' ? false : undefined;
}

/** A reading fits the input when booleans go to yes/no inputs and values to the others. */
function fits(spec: InputSpec, value: InputValue): boolean {
  return (spec.kind === 'boolean') === (typeof value === 'boolean');
}

function gather(calc: Calculator, resolve: (s: Source) => Resolution, assumeAbsent: boolean): Gathered {
  const g: Gathered = { inputs: {}, rows: [], sources: {}, notes: [], assumed: [], missing: [] };
  for (const spec of calc.inputs) {
    const source = sourceFor(calc.id, spec.key);
    const res = source ? resolve(source) : undefined;
    if (res?.kind === 'unclear') {
      g.missing.push(`${spec.label} (${res.reason})`);
      continue;
    }
    if (res && fits(spec, res.value)) {
      g.inputs[spec.key] = res.value;
      if (res.span) g.sources[spec.key] = res.span;
      g.rows.push({ name: spec.label, value: res.value, ...(res.span ? { span: res.span } : {}) });
      if (res.note) g.notes.push(res.note);
      continue;
    }
    const absent = assumeAbsent ? absentValue(spec, source) : undefined;
    if (absent !== undefined) {
      g.inputs[spec.key] = absent;
      g.rows.push({ name: spec.label, value: absent, assumed: true });
      g.assumed.push(spec.label);
    } else if (!spec.optional && spec.kind !== 'boolean') {
      g.missing.push(spec.label);
    }
  }
  return g;
}

function triggered(f: NoteFacts, t: Trigger): boolean {
  switch (t.kind) {
    case 'documented':
      return true;
    case 'condition':
      return conditionStatus(f.conditions, t.ids, t.current)?.state === 'present';
    case 'lab-above': {
      const lab = pickLab(f.text, f.note, t.analyte);
      return lab !== undefined && lab.canonical.value > data.rules[t.rule].above;
    }
  }
}

function caveatLine(f: NoteFacts, entry: AutoCalcEntry): string | undefined {
  if (!entry.caveat) return undefined;
  const rule = data.rules[entry.caveat];
  return conditionStatus(f.conditions, rule.conditions, true)?.state === 'present' ? rule.text : undefined;
}

function label(entry: AutoCalcEntry, value: number | string, unit: string | undefined): string {
  const shown = typeof value === 'number' ? String(Number(value.toFixed(entry.digits))) : value;
  return unit && unit !== 'points' ? `${entry.short} ${shown} ${unit}` : `${entry.short} ${shown}`;
}

/**
 * Runs every automatic calculator whose trigger the note affirms for the patient and whose
 * required inputs it documents. `assert` is the ConText assertion of a span (defaults to a fresh
 * context over `text`); pass the server's cached one to avoid re-analysing the note.
 */
export function autoCalculate(text: string, note: ClinicalNote, assert?: Assert): AutoResult[] {
  if (note.inputProblem || text.trim().length === 0) return [];
  const f = noteFacts(text, note, assert);
  const resolve = resolver(f);
  const out: AutoResult[] = [];
  for (const entry of AUTO_CALCULATORS) {
    const calc = calculatorById(entry.id);
    if (!calc || (entry.noteTypes && !entry.noteTypes.includes(note.noteType)) || !triggered(f, entry.trigger)) continue;
    const g = gather(calc, resolve, entry.assumeAbsent === true);
    if (g.missing.length > 0) continue;
    const r = calc.compute(g.inputs as CalcInputs);
    if (!r.ok) continue;
    const lines = [r.explanation, ...g.notes];
    if (g.assumed.length > 0) lines.push(`Not documented, counted as absent: ${g.assumed.join('; ')}.`);
    const caveat = caveatLine(f, entry);
    if (caveat) lines.push(caveat);
    out.push({
      calculatorId: calc.id,
      name: calc.name,
      value: r.value,
      ...(r.unit ? { unit: r.unit } : {}),
      label: label(entry, r.value, r.unit),
      explanation: lines.join('\n'),
      inputs: g.rows,
      reference: { title: calc.reference.title, url: calc.reference.url },
    });
  }
  return out;
}

/**
 * Inputs prefilled from the note for one calculator (for the "Calculate…" command): documented
 * values only, nothing assumed. Yes/no criteria the note is silent on are left out (the calculator
 * reads them as absent); `missing` lists the required inputs still to ask for. An unknown
 * calculator id gives an empty prefill.
 */
export function prefillInputs(calculatorId: string, text: string, note: ClinicalNote, assert?: Assert): Prefill {
  const calc = calculatorById(calculatorId);
  if (!calc) return { inputs: {}, sources: {}, missing: [] };
  if (note.inputProblem || text.trim().length === 0) {
    return { inputs: {}, sources: {}, missing: calc.inputs.filter((s) => !s.optional && s.kind !== 'boolean').map((s) => s.label) };
  }
  const g = gather(calc, resolver(noteFacts(text, note, assert)), false);
  return { inputs: g.inputs, sources: g.sources, missing: g.missing };
}
