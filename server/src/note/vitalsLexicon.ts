/**
 * The vital-sign vocabulary from `knowledge/vitals.json`, compiled once (on first use) into the
 * regular expressions the vitals scanners share. Every pattern is an alternation of literals with
 * bounded whitespace between words, so matching stays linear in the text length.
 */
import data from '../knowledge/vitals.json';
import type { NumericVital } from './types';

/** The vitals that the label scanner reads (consciousness has its own scanner). */
export type LabelledKind = NumericVital['kind'] | 'blood-pressure';

/**
 * How much a label proves on its own: `strong` labels are unambiguous; `plausible` labels stand
 * alone only with a plausible value; `context` labels (single letters) need a vitals context;
 * `scaleRequired` (bare `pain`) needs the value written as `n/10`.
 */
export type LabelClass = 'strong' | 'plausible' | 'context' | 'scaleRequired';

export interface LabelInfo {
  kind: LabelledKind;
  cls: LabelClass;
  /** Single-letter labels (`T`, `P`, `R`) may not touch their number (`T12` is a vertebra). */
  short: boolean;
}

export interface Band {
  low: number;
  /** null: no upper limit (only low values are abnormal). */
  high: number | null;
}

export type DeviceKind = NonNullable<NumericVital['oxygen']>['device'];

export interface VitalsLexicon {
  /** Global label finder (flags `gi`); group 0 is the label. */
  label: RegExp;
  /** The same, sticky: does a label start exactly here? */
  labelAt: RegExp;
  labelInfo: Map<string, LabelInfo>;
  /** `labelInfo` by the label exactly as written, filled as labels are met (`BP`, `Temp`, `T`). */
  labelAsWritten: Map<string, LabelInfo | null>;
  /** Sticky filler-word matchers per kind (`is`, `of`, `elevated at`...). */
  filler: Map<LabelledKind, RegExp>;
  /** Sticky unit matchers for the kinds whose units are plain words. */
  unit: Map<'heart-rate' | 'respiratory-rate' | 'spo2' | 'blood-pressure', RegExp>;
  /** Sticky: a word that says the number is not a vital (`mg`, `days`, `units`). */
  foreign: RegExp;
  /** Words right before a label that make its number something else (`PA sat`, `birth weight`, `home BP`). */
  leftDeny: Map<LabelledKind, PhraseSet>;
  /** Sticky, after a value: words that make it a change or a worst/best (`5 lb increase`, `7/10 at its worst`). */
  rightDeny: Map<LabelledKind, RegExp>;
  /** Words anywhere earlier in the clause that make it something else (`At birth, the patient weighed`). */
  clauseDeny: Map<LabelledKind, PhraseSet>;
  /** Goals and thresholds (`keep`, `goal`, `if`). */
  goal: PhraseSet;
  negation: PhraseSet;
  negationTerminators: PhraseSet;
  hypothetical: PhraseSet;
  history: PhraseSet;
  examHeaders: PhraseSet;
  vitalsHeaders: PhraseSet;
  /** Sticky temperature unit: group `c` or `f`, or a bare degree sign. */
  tempUnit: RegExp;
  tempRoute: RegExp;
  weightUnit: RegExp;
  ounces: RegExp;
  heightUnit: RegExp;
  feetInches: RegExp;
  bounds: typeof data.bounds;
  plausible: typeof data.plausible;
  reference: typeof data.reference;
  /** Offset added to a decade for its qualifier (`high 90s` → 98). */
  decade: Record<string, number>;
  data: typeof data;
}

/** Lower-case phrases of one to `maxWords` words, looked up word-wise (see `vitalsContext`). */
export interface PhraseSet {
  phrases: Set<string>;
  maxWords: number;
}

/** Phrases are stored as the context scanner splits words: lower case, hyphens and stops as spaces. */
export function phraseSet(list: readonly string[]): PhraseSet {
  const phrases = new Set(
    list.map((p) => p.toLowerCase().replace(/[-–—.,;:()"=]+/g, ' ').replace(/\s+/g, ' ').trim()).filter((p) => p !== ''),
  );
  let maxWords = 1;
  for (const p of phrases) maxWords = Math.max(maxWords, p.split(' ').length);
  return { phrases, maxWords };
}

/** Escapes a literal for a RegExp; a space matches any run of spaces or tabs (or none / a hyphen when `loose`). */
export function literal(s: string, loose = false): string {
  const escaped = s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return escaped.replace(/ /g, loose ? '[ \\t-]*' : '[ \\t]+');
}

/** An alternation of literals, longest first so the longest phrase wins at each position. */
export function alternation(words: readonly string[], loose = false): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => literal(w, loose))
    .join('|');
}

/** Lookup key for a label as written: lower case without spaces, tabs or hyphens. */
export function labelKey(s: string): string {
  return s.toLowerCase().replace(/[ \t\u00a0-]+/g, '').replace(/['’]s$/, '');
}

const WORD_END = '(?![A-Za-z])';

function compile(): VitalsLexicon {
  const labelInfo = new Map<string, LabelInfo>();
  const allLabels: string[] = [];
  for (const [kind, groups] of Object.entries(data.labels)) {
    const classes: [LabelClass, readonly string[]][] = [
      ['strong', groups.strong],
      ['plausible', groups.plausible],
      ['context', groups.context],
      ['scaleRequired', 'scaleRequired' in groups ? groups.scaleRequired : []],
    ];
    for (const [cls, labels] of classes) {
      for (const l of labels) {
        const key = labelKey(l);
        if (!labelInfo.has(key)) labelInfo.set(key, { kind: kind as LabelledKind, cls, short: key.length === 1 });
        allLabels.push(l);
      }
    }
  }
  const labelSource = `(?<![A-Za-z0-9_])(?:${alternation(allLabels, true)})(?:['’]s)?${WORD_END}`;
  // No `d` flag: match indices would be allocated for every label in the note.
  const label = new RegExp(labelSource, 'gi');

  const filler = new Map<LabelledKind, RegExp>();
  const extra = data.filler as Record<string, string[] | undefined>;
  for (const kind of Object.keys(data.labels) as LabelledKind[]) {
    const words = [...data.filler.all, ...(extra[kind] ?? [])];
    filler.set(kind, new RegExp(`(?:${alternation(words)})${WORD_END}`, 'iy'));
  }

  const u = data.units;
  const unit = new Map<'heart-rate' | 'respiratory-rate' | 'spo2' | 'blood-pressure', RegExp>([
    ['heart-rate', new RegExp(`[ \\t]*(?:${alternation(u['heart-rate'])})${WORD_END}`, 'iy')],
    ['respiratory-rate', new RegExp(`[ \\t]*(?:${alternation(u['respiratory-rate'])})${WORD_END}`, 'iy')],
    ['spo2', new RegExp(`[ \\t]*(?:${alternation(u.spo2)})${WORD_END}`, 'iy')],
    ['blood-pressure', new RegExp(`[ \\t]*(?:${alternation(u['blood-pressure'])})${WORD_END}`, 'iy')],
  ]);

  const leftDeny = new Map<LabelledKind, PhraseSet>();
  for (const [kind, words] of Object.entries(data.leftDeny)) leftDeny.set(kind as LabelledKind, phraseSet(words));

  const rightDeny = new Map<LabelledKind, RegExp>();
  const extraRight = data.rightDeny as Record<string, string[] | undefined>;
  for (const kind of Object.keys(data.labels) as LabelledKind[]) {
    const words = [...data.rightDeny.all, ...(extraRight[kind] ?? [])];
    rightDeny.set(kind, new RegExp(`[ \\t]*(?:${alternation(words)})(?![A-Za-z])`, 'iy'));
  }
  const clauseDeny = new Map<LabelledKind, PhraseSet>();
  for (const [kind, words] of Object.entries(data.clauseDeny)) clauseDeny.set(kind as LabelledKind, phraseSet(words));

  const t = u.temperature;
  const degree = alternation(t.degree);
  const tempUnit = new RegExp(
    `[ \\t]*(?:(?:${degree})[ \\t]*)?(?:(?<c>${alternation(t.celsius)})|(?<f>${alternation(t.fahrenheit)}))(?![A-Za-z/])` +
      `|[ \\t]*(?<deg>${degree})(?![A-Za-z])`,
    'iy',
  );
  const w = u.weight;
  const weightUnit = new RegExp(
    `[ \\t]*(?:(?<kg>${alternation(w.kg)})|(?<lb>${alternation(w.lb)})|(?<g>${alternation(w.g)}))(?![A-Za-z])`,
    'iy',
  );
  const ounces = new RegExp(`[ \\t,]*(?:and[ \\t]+)?(?<oz>\\d{1,2}(?:\\.\\d)?)[ \\t]*(?:${alternation(w.oz)})(?![A-Za-z])`, 'iy');
  const h = u.height;
  const heightUnit = new RegExp(
    `[ \\t]*(?:(?<cm>${alternation(h.cm)})|(?<m>${alternation(h.m)})|(?<in>${alternation(h.in)}))(?![A-Za-z])`,
    'iy',
  );
  const feetInches = new RegExp(
    `(?<ft>[1-8])[ \\t]*(?:${alternation(h.ft)})(?:[ \\t,]*(?:and[ \\t]+)?(?<in>\\d{1,2}(?:\\.\\d{1,2})?)(?:[ \\t]*(?:${alternation(h.in)}))?)?(?![A-Za-z0-9])`,
    'iy',
  );

  return {
    label,
    labelAt: new RegExp(labelSource, 'iy'),
    labelInfo,
    labelAsWritten: new Map(),
    filler,
    unit,
    foreign: new RegExp(`[ \\t]*(?:${alternation(data.foreignUnits)})(?![A-Za-z0-9])`, 'iy'),
    leftDeny,
    rightDeny,
    clauseDeny,
    goal: phraseSet(data.contextCues.goal),
    negation: phraseSet(data.contextCues.negation),
    negationTerminators: phraseSet(data.contextCues.negationTerminators),
    hypothetical: phraseSet(data.contextCues.hypothetical),
    history: phraseSet(data.contextCues.history),
    examHeaders: phraseSet(data.examHeaders),
    vitalsHeaders: phraseSet(data.vitalsHeaders),
    tempUnit,
    tempRoute: new RegExp(`(?:${alternation(t.routeSuffix)})(?![A-Za-z])`, 'iy'),
    weightUnit,
    ounces,
    heightUnit,
    feetInches,
    bounds: data.bounds,
    plausible: data.plausible,
    reference: data.reference,
    decade: data.decade as Record<string, number>,
    data,
  };
}

/** The label information for a label as written; cached per spelling since notes repeat them. */
export function labelInfoOf(lex: VitalsLexicon, written: string): LabelInfo | undefined {
  let info = lex.labelAsWritten.get(written);
  if (info === undefined) {
    info = lex.labelInfo.get(labelKey(written)) ?? null;
    // Bounded: spellings of labels are few, but odd spacing could make many.
    if (lex.labelAsWritten.size < 5000) lex.labelAsWritten.set(written, info);
  }
  return info ?? undefined;
}

let cached: VitalsLexicon | undefined;

/** The compiled lexicon; built on first call so that importing the module does no work. */
export function vitalsLexicon(): VitalsLexicon {
  cached ??= compile();
  return cached;
}
