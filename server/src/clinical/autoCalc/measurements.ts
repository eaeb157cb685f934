/**
 * Picking one measurement for a score when a note documents several: which creatinine, which
 * blood pressure, the QT interval and its heart rate, alcohol intake, and the grade written next
 * to a finding (`moderate ascites`). Pure; reads the parsed note and the text.
 */
import data from '../../knowledge/conditions.json';
import type { ClinicalNote, ConsciousnessVital, LabResult, NumericVital, Span, Vital } from '../../note/types';
import { sectionKindTest } from './sectionIndex';

/* ------------------------------------------------------------------ labs */

/** A value qualified as not current on its own line: `baseline creatinine 1.1`, `prior Cr 1.3` (tested on ≤ 30 characters). */
const NOT_CURRENT = /\b(?:baseline|prior|previous|prev|usual|historical|old)\b[^\n\r]{0,20}$/i;

function isCurrent(text: string, lab: LabResult): boolean {
  const from = Math.max(0, lab.span.start - 30);
  const before = text.slice(from, lab.nameSpan.start);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return !NOT_CURRENT.test(before.slice(lineStart));
}

/**
 * The lab result a score should read for `analyte`: exact values only (no `<`/`>`), not
 * qualified as baseline or prior, never from a family-history section. A value under a labs
 * heading wins over one in prose (`FSBG 246 per EMS` in the HPI); within each, the first written.
 */
export function pickLab(text: string, note: ClinicalNote, analyte: string): LabResult | undefined {
  const where = sectionTests(note);
  let prose: LabResult | undefined;
  for (const lab of note.labs) {
    if (lab.analyte !== analyte || lab.comparator !== undefined || !Number.isFinite(lab.canonical.value)) continue;
    if (where.familyHistory(lab.span.start) || !isCurrent(text, lab)) continue;
    if (where.labs(lab.span.start)) return lab;
    prose ??= lab;
  }
  return prose;
}

interface SectionTests {
  labs: (offset: number) => boolean;
  familyHistory: (offset: number) => boolean;
}

const sectionTestCache = new WeakMap<ClinicalNote, SectionTests>();

function sectionTests(note: ClinicalNote): SectionTests {
  let t = sectionTestCache.get(note);
  if (!t) {
    t = { labs: sectionKindTest(note.sections, ['labs']), familyHistory: sectionKindTest(note.sections, ['family-history']) };
    sectionTestCache.set(note, t);
  }
  return t;
}

/* ------------------------------------------------------------------ vitals */

/** The first documented vital of a kind (the presenting value in an admission or triage note). */
export function pickVital(note: ClinicalNote, kind: NumericVital['kind']): NumericVital | undefined {
  return note.vitals.find((v): v is NumericVital => v.kind === kind);
}

/** All documented vitals of one kind, in text order. */
export function vitalsOf<K extends Vital['kind']>(note: ClinicalNote, kind: K): Extract<Vital, { kind: K }>[] {
  return note.vitals.filter((v): v is Extract<Vital, { kind: K }> => v.kind === kind);
}

/** The first consciousness vital that carries a GCS total. */
export function pickGcs(note: ClinicalNote): (ConsciousnessVital & { gcs: number }) | undefined {
  return note.vitals.find((v): v is ConsciousnessVital & { gcs: number } => v.kind === 'consciousness' && v.gcs !== undefined);
}

/* ------------------------------------------------------------------ QT interval */

/** `QT 480 ms`, `QT interval of 0.46 s`, `QT/QTc 420/460`; never `QTc 480` (already corrected). */
const QT = /\bQT(?![A-Za-z])(?:[ \t]{0,3}\/[ \t]{0,3}QTc)?(?:[ \t]{1,3}interval)?[ \t]{0,3}(?:(?:of|was|is|=|:)[ \t]{0,3})?(\d{3}|0?\.\d{2,3})(?:[ \t]{0,3}(ms|msec|s|sec)\b)?/gi;
/** A rate on the QT's line: `HR 72`, `rate 72`, `ventricular rate: 72`, `72 bpm`. */
const LINE_RATE = /\b(?:HR|heart rate|ventricular rate|vent rate|rate)[ \t]{0,3}(?:of|:|=|is)?[ \t]{0,3}(\d{2,3})\b|\b(\d{2,3})[ \t]{0,3}(?:bpm|beats\/min)\b/i;

export interface Found<T> {
  value: T;
  span: Span;
}

/** The first QT interval written in the note, in ms (200-800 ms only). */
export function findQt(text: string): Found<number> | undefined {
  QT.lastIndex = 0;
  for (let m = QT.exec(text); m !== null; m = QT.exec(text)) {
    const raw = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    const ms = raw < 1 || unit === 's' || unit === 'sec' ? raw * 1000 : raw;
    if (ms >= 200 && ms <= 800) return { value: ms, span: { start: m.index, end: m.index + m[0].length } };
  }
  return undefined;
}

/** The heart rate written on the same line as `at` (an ECG line), if any. */
export function rateOnLine(text: string, at: Span): Found<number> | undefined {
  const ls = Math.max(text.lastIndexOf('\n', at.start - 1), text.lastIndexOf('\r', at.start - 1)) + 1;
  let le = at.end;
  while (le < text.length && text[le] !== '\n' && text[le] !== '\r') le++;
  const line = text.slice(ls, le);
  const m = LINE_RATE.exec(line);
  if (!m) return undefined;
  const value = Number(m[1] ?? m[2]);
  if (!(value >= 20 && value <= 300)) return undefined;
  return { value, span: { start: ls + m.index, end: ls + m.index + m[0].length } };
}

/* ------------------------------------------------------------------ alcohol */

/** `10 drinks per week`, `2-3 beers a day`, `4 glasses of wine/week`. */
const DRINKS =
  /\b(\d{1,2})(?:[ \t]{0,3}[-–][ \t]{0,3}(\d{1,2}))?[ \t]{1,3}(?:alcoholic[ \t]{1,3})?(?:drinks?|beers?|glasses(?:[ \t]{1,3}of[ \t]{1,3}wine)?|shots|units)(?:[ \t]{1,3}of[ \t]{1,3}[A-Za-z]{1,20})?[ \t]{0,3}(?:per|a|each|every|\/)[ \t]{0,3}(day|night|d|week|wk)\b/gi;

/** The first documented number of alcoholic drinks, per week (a range counts as its upper end). */
export function findDrinksPerWeek(text: string): Found<number> | undefined {
  DRINKS.lastIndex = 0;
  const m = DRINKS.exec(text);
  if (!m) return undefined;
  const n = Math.max(Number(m[1]), Number(m[2] ?? 0));
  const perDay = /^(?:day|night|d)$/i.test(m[3] ?? '');
  return { value: perDay ? n * 7 : n, span: { start: m.index, end: m.index + m[0].length } };
}

/* ------------------------------------------------------------------ grades */

interface GradeTable {
  choices: readonly string[];
  words: Readonly<Record<string, readonly string[]>>;
}

const GRADES: Readonly<Record<string, GradeTable>> = data.grades;
const gradeRegexes = new Map<string, { choice: string; re: RegExp }[]>();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regexesFor(condition: string): { choice: string; re: RegExp }[] {
  const cached = gradeRegexes.get(condition);
  if (cached) return cached;
  const table = GRADES[condition];
  // Worse grades first, so `moderate to severe` is not read as its milder words.
  const out = Object.entries(table?.words ?? {})
    .map(([choice, words]) => ({ choice, re: new RegExp(`\\b(?:${words.map((w) => w.split(/\s+/).map(escape).join('[\\s-]+')).join('|')})\\b`, 'i') }))
    .sort((a, b) => (table?.choices.indexOf(b.choice) ?? 0) - (table?.choices.indexOf(a.choice) ?? 0));
  gradeRegexes.set(condition, out);
  return out;
}

/** The choices of a graded condition (`ascites` → Absent, Slight, Moderate); the first means absent. */
export function gradeChoices(condition: string): readonly string[] {
  return GRADES[condition]?.choices ?? [];
}

/** The grade written within 30 characters of the mention on its line, if any. */
export function gradeNear(text: string, condition: string, at: Span): string | undefined {
  const from = Math.max(0, at.start - 30);
  const to = Math.min(text.length, at.end + 30);
  let before = text.slice(from, at.start);
  const brk = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'), before.lastIndexOf('.'), before.lastIndexOf(';'));
  before = before.slice(brk + 1);
  let after = text.slice(at.end, to);
  const stop = after.search(/[\r\n.;]/);
  if (stop >= 0) after = after.slice(0, stop);
  const window = `${before} ${after}`;
  return regexesFor(condition).find((g) => g.re.test(window))?.choice;
}
