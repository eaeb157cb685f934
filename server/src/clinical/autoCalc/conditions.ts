/**
 * Conditions and history items a score counts (atrial fibrillation, heart failure, prior stroke,
 * cirrhosis…), found in the note's words and ICD-10 codes, each mention with its ConText
 * assertion, so a score only counts what is affirmed for the patient.
 *
 * Words are matched with a phrase index keyed by first word over one pass of word tokens, so a
 * 10 MB note costs one linear scan; the vocabulary lives in `knowledge/conditions.json`.
 */
import data from '../../knowledge/conditions.json';
import { sectionAt } from '../../note/sections';
import type { Assertion, ClinicalNote, Span } from '../../note/types';

/** One mention of a condition in the note. */
export interface ConditionMention {
  /** Condition id from `conditions.json` (`atrial-fibrillation`, `heart-failure`, …). */
  condition: string;
  /** The words (or the ICD-10 code) as written. */
  span: Span;
  assertion: Assertion;
  via: 'text' | 'icd10';
}

/** What the note says about a condition: affirmed for the patient, negated, or only possible. */
export interface ConditionStatus {
  state: 'present' | 'absent' | 'possible';
  /** The mention that decided the state (the first of its kind in the note). */
  mention: ConditionMention;
}

/** All condition mentions of one note, by condition id, in text order. */
export interface ConditionIndex {
  mentions(condition: string): readonly ConditionMention[];
}

interface ConditionDef {
  label: string;
  terms: readonly string[];
  abbreviations: readonly string[];
  icd10: readonly string[];
  implies?: readonly string[];
}

const DEFS: Readonly<Record<string, ConditionDef>> = data.conditions;

/** The display label of a condition id (the id itself when unknown). */
export function conditionLabel(id: string): string {
  return DEFS[id]?.label ?? id;
}

/* ------------------------------------------------------------------ phrase index */

interface Phrase {
  /** Lower-case words, or the exact words for a case-sensitive abbreviation. */
  words: readonly string[];
  /** Condition id, or null for an excluded phrase that hides the terms inside it. */
  condition: string | null;
  exact: boolean;
}

let phraseIndex: Map<string, Phrase[]> | undefined;

const splitWords = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

function getPhraseIndex(): Map<string, Phrase[]> {
  if (phraseIndex) return phraseIndex;
  const index = new Map<string, Phrase[]>();
  const add = (raw: string, condition: string | null, exact: boolean): void => {
    const words = exact ? splitWords(raw) : splitWords(raw.toLowerCase());
    const first = words[0];
    if (first === undefined) return;
    const key = first.toLowerCase();
    const list = index.get(key) ?? [];
    list.push({ words, condition, exact });
    index.set(key, list);
  };
  for (const [id, def] of Object.entries(DEFS)) {
    for (const t of def.terms) add(t, id, false);
    for (const a of def.abbreviations) add(a, id, true);
  }
  for (const x of data.excludes) add(x, null, false);
  // Longest phrase first, so `pulmonary hypertension` wins over `hypertension`'s neighbours and
  // `CVA tenderness` over `CVA`.
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  phraseIndex = index;
  return index;
}

/** Word tokens as parallel offset arrays (cheaper than one object per word in a large note). */
interface Tokens {
  starts: number[];
  ends: number[];
}

function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends };
}

/** Between two words of a phrase: 1-3 characters of spaces, line breaks, hyphens, slashes, full stops. */
function isPhraseGap(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 3) return false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '-' && c !== '/' && c !== '.' && c !== '\u2013') return false;
  }
  return true;
}

function matchesAt(text: string, toks: Tokens, i: number, p: Phrase): boolean {
  const n = p.words.length;
  if (i + n > toks.starts.length) return false;
  for (let k = 0; k < n; k++) {
    const s = toks.starts[i + k] ?? 0;
    const e = toks.ends[i + k] ?? 0;
    const w = text.slice(s, e);
    if ((p.exact ? w : w.toLowerCase()) !== p.words[k]) return false;
    if (k > 0 && !isPhraseGap(text, toks.ends[i + k - 1] ?? 0, s)) return false;
  }
  return true;
}

/** Longest-first, non-overlapping phrase matches; excluded phrases are consumed and dropped. */
function scanText(text: string): { condition: string; span: Span }[] {
  const index = getPhraseIndex();
  const toks = tokenize(text);
  const out: { condition: string; span: Span }[] = [];
  const count = toks.starts.length;
  for (let i = 0; i < count; i++) {
    const s = toks.starts[i] ?? 0;
    const e = toks.ends[i] ?? 0;
    // No first word in the vocabulary is longer than 30 characters; skip long tokens unread.
    if (e - s > 30) continue;
    const candidates = index.get(text.slice(s, e).toLowerCase());
    if (!candidates) continue;
    const hit = candidates.find((p) => matchesAt(text, toks, i, p));
    if (!hit) continue;
    const last = i + hit.words.length - 1;
    if (hit.condition !== null) out.push({ condition: hit.condition, span: { start: s, end: toks.ends[last] ?? e } });
    i = last;
  }
  return out;
}

/* ------------------------------------------------------------------ the index */

function codeMatches(code: string, prefix: string): boolean {
  return code.toUpperCase().startsWith(prefix.toUpperCase());
}

/**
 * Finds every condition mention in the note: words anywhere in the text and ICD-10 codes, each
 * asserted with `assert` (mentions in a family-history section are never the patient's).
 */
export function findConditions(text: string, note: ClinicalNote, assert: (span: Span) => Assertion): ConditionIndex {
  const byId = new Map<string, ConditionMention[]>();
  const inFamilyHistory = (span: Span): boolean => sectionAt(note.sections, span.start)?.kind === 'family-history';
  const add = (condition: string, span: Span, assertion: Assertion, via: ConditionMention['via']): void => {
    const a: Assertion = inFamilyHistory(span) ? { ...assertion, experiencer: 'other' } : assertion;
    for (const id of [condition, ...(DEFS[condition]?.implies ?? [])]) {
      const list = byId.get(id) ?? [];
      list.push({ condition: id, span, assertion: a, via });
      byId.set(id, list);
    }
  };

  for (const m of scanText(text)) add(m.condition, m.span, assert(m.span), 'text');

  const problemByCode = new Map<number, Assertion>();
  for (const p of note.problems) if (p.code) problemByCode.set(p.code.span.start, p.assertion);
  for (const c of note.codes) {
    if (c.system !== 'ICD-10') continue;
    for (const [id, def] of Object.entries(DEFS)) {
      if (!def.icd10.some((prefix) => codeMatches(c.code, prefix))) continue;
      add(id, c.span, problemByCode.get(c.span.start) ?? assert(c.span), 'icd10');
    }
  }

  for (const list of byId.values()) list.sort((a, b) => a.span.start - b.span.start);
  return { mentions: (condition) => byId.get(condition) ?? [] };
}

/** Affirmed for the patient and not hypothetical; `current` also requires it not be historical. */
export function isAffirmed(m: ConditionMention, current = false): boolean {
  const a = m.assertion;
  if (a.certainty !== 'affirmed' || a.experiencer !== 'patient' || a.temporality === 'hypothetical') return false;
  return !current || a.temporality === 'recent';
}

/**
 * What the note says about any of `ids`: present (an affirmed mention) beats absent (a negated
 * one) beats possible. Undefined when none of them is mentioned for the patient.
 */
export function conditionStatus(index: ConditionIndex, ids: readonly string[], current = false): ConditionStatus | undefined {
  const all = ids.flatMap((id) => index.mentions(id)).sort((a, b) => a.span.start - b.span.start);
  const present = all.find((m) => isAffirmed(m, current));
  if (present) return { state: 'present', mention: present };
  const patient = all.filter((m) => m.assertion.experiencer === 'patient' && m.assertion.temporality !== 'hypothetical');
  const absent = patient.find((m) => m.assertion.certainty === 'negated');
  if (absent) return { state: 'absent', mention: absent };
  const possible = patient.find((m) => m.assertion.certainty === 'possible');
  return possible ? { state: 'possible', mention: possible } : undefined;
}
