/**
 * Conditions and history items a score counts (atrial fibrillation, heart failure, prior stroke,
 * cirrhosis…), found in the note's words and ICD-10 codes, each mention with its ConText
 * assertion, so a score only counts what is affirmed for the patient.
 *
 * Words are matched with a phrase index keyed by first word over one pass of word tokens, so a
 * 10 MB note costs one linear scan; the vocabulary lives in `knowledge/conditions.json`.
 */
import data from '../../knowledge/conditions.json';
import type { Assertion, ClinicalNote, Span } from '../../note/types';
import { sectionKindTest } from './sectionIndex';

/** One mention of a condition in the note. */
export interface ConditionMention {
  /** Condition id from `conditions.json` (`atrial-fibrillation`, `heart-failure`, …). */
  condition: string;
  /** The words (or the ICD-10 code) as written. */
  span: Span;
  /** ConText assertion, computed when first read. */
  readonly assertion: Assertion;
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

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/** Letters and digits of any script, with an ASCII fast path (notes are mostly ASCII). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD.test(text[i] ?? '');
}

/** End of the word starting at `i`. */
function wordEnd(text: string, i: number): number {
  let e = i;
  while (e < text.length && isWordChar(text, e)) e++;
  return e;
}

/**
 * Between two words of a phrase: 1-3 characters of spaces, line breaks, hyphens, slashes, full
 * stops, or apostrophes (a possessive eponym, `Ludwig's angina`, is the words `ludwig s angina`).
 */
function isGapChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 45 /* - */ || c === 47 /* / */ || c === 46 /* . */ || c === 0x2013 || c === 39 /* ' */ || c === 0x2019 /* ’ */;
}

/** The end of phrase `p` when its words start at `start`, or -1. */
function matchAt(text: string, start: number, firstEnd: number, p: Phrase): number {
  let end = firstEnd;
  if ((p.exact ? text.slice(start, end) : text.slice(start, end).toLowerCase()) !== p.words[0]) return -1;
  for (let k = 1; k < p.words.length; k++) {
    let s = end;
    while (s < text.length && s - end < 3 && isGapChar(text.charCodeAt(s))) s++;
    if (s === end || !isWordChar(text, s)) return -1;
    const e = wordEnd(text, s);
    const w = text.slice(s, e);
    if ((p.exact ? w : w.toLowerCase()) !== p.words[k]) return -1;
    end = e;
  }
  return end;
}

/** Longest-first, non-overlapping phrase matches; excluded phrases are consumed and dropped. */
function scanText(text: string): { condition: string; span: Span }[] {
  const index = getPhraseIndex();
  const out: { condition: string; span: Span }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const e = wordEnd(text, i);
    // No first word in the vocabulary is longer than 30 characters; skip long tokens unread.
    const candidates = e - i <= 30 ? index.get(text.slice(i, e).toLowerCase()) : undefined;
    let next = e;
    for (const p of candidates ?? []) {
      const end = matchAt(text, i, e, p);
      if (end < 0) continue;
      if (p.condition !== null) out.push({ condition: p.condition, span: { start: i, end } });
      next = end;
      break;
    }
    i = next;
  }
  return out;
}

/* ------------------------------------------------------------------ the index */

function codeMatches(code: string, prefix: string): boolean {
  return code.toUpperCase().startsWith(prefix.toUpperCase());
}

/**
 * Mentions kept per condition and source. A score needs the first affirmed (or negated) mention;
 * past a few hundred, more mentions of one condition change nothing but the cost of asserting them.
 */
const MAX_MENTIONS = 256;

/**
 * Finds every condition mention in the note: words anywhere in the text and ICD-10 codes. Each
 * mention is asserted with `assert` when its assertion is first read, so a condition written
 * thousands of times costs only the mentions a score looks at. Mentions in a family-history
 * section are never the patient's; those in patient instructions or follow-up are hypothetical.
 */
export function findConditions(text: string, note: ClinicalNote, assert: (span: Span) => Assertion): ConditionIndex {
  const byId = new Map<string, ConditionMention[]>();
  const kept = new Map<string, number>();
  const familyHistory = sectionKindTest(note.sections, ['family-history']);
  // Patient instructions list what to watch for ("return if confusion"), not what the patient has.
  const instructions = sectionKindTest(note.sections, ['instructions', 'follow-up']);
  const lazyAssertion = (span: Span, known?: Assertion): (() => Assertion) => {
    let cached: Assertion | undefined;
    return () => {
      if (cached) return cached;
      let a = known ?? assert(span);
      if (familyHistory(span.start)) a = { ...a, experiencer: 'other' };
      else if (instructions(span.start)) a = { ...a, temporality: 'hypothetical' };
      cached = a;
      return a;
    };
  };
  const add = (condition: string, span: Span, via: ConditionMention['via'], known?: Assertion): void => {
    const key = `${condition}|${via}`;
    const n = kept.get(key) ?? 0;
    if (n >= MAX_MENTIONS) return;
    kept.set(key, n + 1);
    const assertion = lazyAssertion(span, known);
    for (const id of [condition, ...(DEFS[condition]?.implies ?? [])]) {
      const list = byId.get(id) ?? [];
      list.push({
        condition: id,
        span,
        via,
        get assertion() {
          return assertion();
        },
      });
      byId.set(id, list);
    }
  };

  for (const m of scanText(text)) add(m.condition, m.span, 'text');

  const problemByCode = new Map<number, Assertion>();
  for (const p of note.problems) if (p.code) problemByCode.set(p.code.span.start, p.assertion);
  for (const c of note.codes) {
    if (c.system !== 'ICD-10') continue;
    for (const [id, def] of Object.entries(DEFS)) {
      if (def.icd10.some((prefix) => codeMatches(c.code, prefix))) add(id, c.span, 'icd10', problemByCode.get(c.span.start));
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
  const all = ids.length === 1 ? index.mentions(ids[0] ?? '') : ids.flatMap((id) => index.mentions(id)).sort((a, b) => a.span.start - b.span.start);
  let absent: ConditionMention | undefined;
  let possible: ConditionMention | undefined;
  for (const m of all) {
    if (isAffirmed(m, current)) return { state: 'present', mention: m };
    const a = m.assertion;
    if (a.experiencer !== 'patient' || a.temporality === 'hypothetical') continue;
    if (a.certainty === 'negated') absent ??= m;
    else if (a.certainty === 'possible') possible ??= m;
  }
  if (absent) return { state: 'absent', mention: absent };
  return possible ? { state: 'possible', mention: possible } : undefined;
}
