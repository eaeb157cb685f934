/**
 * Where a vitals mention sits: its line, its section, and the words before it. The scanners use
 * this to accept weak evidence only in a vitals context and to drop negated, hypothetical or
 * goal mentions. Cue phrases are looked up word by word in sets over a bounded window, so each
 * check costs the same whatever the note's length (no `...$` regex scanned over a window).
 */
import type { Section, SectionKind } from './types';
import { splitLines, type Line } from './text';
import type { PhraseSet, VitalsLexicon } from './vitalsLexicon';

export interface VitalsDoc {
  text: string;
  lines: Line[];
  /** Sections sorted by body start. */
  sections: Section[];
  lex: VitalsLexicon;
}

/** Sections whose numbers are most likely observations. */
const VITALS_SECTIONS = new Set<SectionKind>(['vitals', 'physical-exam', 'objective']);

export function makeDoc(text: string, sections: readonly Section[], lex: VitalsLexicon): VitalsDoc {
  return {
    text,
    lines: splitLines(text),
    sections: [...sections].sort((a, b) => a.bodySpan.start - b.bodySpan.start),
    lex,
  };
}

/** Index of the line holding `offset` (binary search). */
export function lineIndexAt(doc: VitalsDoc, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.lines[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The innermost section whose body holds `offset`, if any. */
export function sectionKindAt(doc: VitalsDoc, offset: number): SectionKind | undefined {
  const s = doc.sections;
  let lo = 0;
  let hi = s.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((s[mid]?.bodySpan.start ?? 0) <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Nested sections start after their parents, so the innermost one holding `offset` is among the
  // last few that start before it; notes do not nest deeper than this.
  for (let i = last, steps = 0; i >= 0 && steps < 8; i--, steps++) {
    const sec = s[i];
    if (sec && offset >= sec.bodySpan.start && offset < sec.bodySpan.end) return sec.kind;
  }
  return undefined;
}

export function inVitalsSection(doc: VitalsDoc, offset: number): boolean {
  const k = sectionKindAt(doc, offset);
  return k !== undefined && VITALS_SECTIONS.has(k);
}

export function inSections(doc: VitalsDoc, offset: number, kinds: readonly string[]): boolean {
  const k = sectionKindAt(doc, offset);
  return k !== undefined && kinds.includes(k);
}

/** Text from `max(line start, pos - window)` to `pos`. */
export function before(doc: VitalsDoc, pos: number, window: number): string {
  const line = doc.lines[lineIndexAt(doc, pos)];
  return doc.text.slice(Math.max(line?.start ?? 0, pos - window), pos);
}

/** Start of the clause holding `pos`: just after the last `.` `;` `!` or line break, at most `window` back. */
export function clauseStart(doc: VitalsDoc, pos: number, window: number): number {
  const text = doc.text;
  const floor = Math.max(0, pos - window);
  for (let i = pos - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    // Not `?`: in notes it marks doubt (`? pneumonia`), not the end of a question.
    if (c === 10 || c === 13 || c === 59 /* ; */ || c === 33) return i + 1;
    // A period ends a sentence only before a space (not in `2.5`).
    if (c === 46) {
      const n = text.charCodeAt(i + 1);
      if (n === 32 || n === 9 || n === 10 || n === 13) return i + 1;
    }
  }
  return floor;
}

export interface Word {
  /** Lower case, without punctuation (`vs`). */
  word: string;
  /** What is written between this word and the next one (or the mention): `: `, `, `, ` `. */
  sepAfter: string;
}

/** Characters that separate words for cue lookup (`/`, `&` and `'` stay inside words: `h/o`, `a&e`). */
function isSeparator(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 0xa0 || c === 45 /* - */ || c === 0x2013 || c === 0x2014 || c === 44 || c === 59 || c === 58 ||
    c === 46 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34 || c === 0x201c || c === 0x201d || c === 61 ||
    c === 33 || c === 63
  );
}

/**
 * The words of the clause before `pos` (in text order, nearest last), at most `window` characters
 * back and at most `maxWords` of them. Each word keeps the separator written after it, so checks
 * can tell `vent RR` from `vent, RR` and see the colon of `VS:`.
 */
export function wordsBefore(doc: VitalsDoc, pos: number, window: number, maxWords = 12): Word[] {
  const text = doc.text;
  const from = clauseStart(doc, pos, window);
  const out: Word[] = [];
  let i = pos;
  while (out.length < maxWords) {
    let j = i;
    while (j > from && isSeparator(text.charCodeAt(j - 1))) j--;
    const sepAfter = text.slice(j, i);
    if (j <= from) break;
    let k = j;
    while (k > from && !isSeparator(text.charCodeAt(k - 1))) k--;
    // A word cut by the window's edge is not a word.
    if (k === from && from > 0 && from === pos - window && !isSeparator(text.charCodeAt(from - 1))) break;
    out.push({ word: text.slice(k, j).toLowerCase(), sepAfter });
    i = k;
  }
  return out.reverse();
}

/** Whether a phrase of `set` ends at word `end` (inclusive). */
export function phraseEndsAt(words: readonly Word[], end: number, set: PhraseSet): boolean {
  let phrase = '';
  for (let k = 0; k < set.maxWords && end - k >= 0; k++) {
    const w = words[end - k]?.word ?? '';
    phrase = k === 0 ? w : `${w} ${phrase}`;
    if (set.phrases.has(phrase)) return true;
  }
  return false;
}

/** Index of the last word (within the final `lastN`) that ends a phrase of `set`, or -1. */
export function lastPhrase(words: readonly Word[], set: PhraseSet, lastN = words.length): number {
  for (let i = words.length - 1; i >= Math.max(0, words.length - lastN); i--) {
    if (phraseEndsAt(words, i, set)) return i;
  }
  return -1;
}

/**
 * The words immediately before `pos` form a phrase of `set` (`PA` before `sat`, `home` before `BP`),
 * with nothing but spaces, a colon or a hyphen between: `vent, RR 20` does not count.
 */
export function justAfterPhrase(doc: VitalsDoc, pos: number, set: PhraseSet): boolean {
  return immediatelyAfter(wordsBefore(doc, pos, 40, set.maxWords), set);
}

/** The last of `words` ends a phrase of `set` and is joined to the mention by spaces, `:` or `-` only. */
export function immediatelyAfter(words: readonly Word[], set: PhraseSet): boolean {
  const last = words.length - 1;
  const w = words[last];
  return w !== undefined && /^[ \t\u00a0:\-–]*$/.test(w.sepAfter) && phraseEndsAt(words, last, set);
}

/** A `VS:` / `Vitals -` / `Obs:` header earlier in the clause (within 100 characters). */
export function afterVitalsHeader(doc: VitalsDoc, pos: number): boolean {
  return headerBefore(wordsBefore(doc, pos, 100, 24), doc.lex.vitalsHeaders);
}

/** A header word of `set` followed by `:` or `-` (`Gen:`, `Neuro -`, `VS:`) among `words`. */
export function headerBefore(words: readonly Word[], set: PhraseSet): boolean {
  for (let i = 0; i < words.length; i++) {
    const marked = /[:\-–]/.test(words[i]?.sepAfter ?? '');
    if (marked && phraseEndsAt(words, i, set)) return true;
  }
  return false;
}

/**
 * A negation cue earlier in the clause (`no new confusion`, `Denies chest tightness, blue lips,
 * new confusion`), not cut off by a terminator such as `but`. Lists of denied symptoms run long,
 * so the scope is the clause (up to 20 words), as in NegEx.
 */
export function negatedBefore(doc: VitalsDoc, pos: number): boolean {
  const lex = doc.lex;
  const words = wordsBefore(doc, pos, 150, 20);
  const neg = lastPhrase(words, lex.negation);
  return neg >= 0 && lastPhrase(words, lex.negationTerminators, words.length - neg - 1) < 0;
}

/** A history cue among the few words before (`found unresponsive`, `was confused`). */
export function historicalBefore(doc: VitalsDoc, pos: number): boolean {
  return lastPhrase(wordsBefore(doc, pos, 60, 4 + doc.lex.history.maxWords), doc.lex.history, 4) >= 0;
}

function isListItem(text: string): boolean {
  return /^[ \t]*(?:[-*•–·▪◦‣>]|\d{1,2}[.)])[ \t]/.test(text);
}

function hypotheticalLine(doc: VitalsDoc, line: Line): boolean {
  const end = Math.min(line.end, line.start + 300);
  // The whole heading line counts, not only its last clause: `Red flags: attend ED if:`.
  for (let p = end; p > line.start; ) {
    const words = wordsBefore(doc, p, p - line.start, 64);
    if (lastPhrase(words, doc.lex.hypothetical) >= 0) return true;
    const from = clauseStart(doc, p, p - line.start);
    if (from <= line.start) break;
    p = from - 1;
  }
  return false;
}

/**
 * A hypothetical or safety-net context: a cue earlier in the sentence (`ED if ... new confusion`,
 * `Red flags: new confusion`), or, for a list item, in the list's heading line (`attend ED if:`).
 */
export function hypotheticalContext(doc: VitalsDoc, pos: number): boolean {
  if (lastPhrase(wordsBefore(doc, pos, 200, 48), doc.lex.hypothetical) >= 0) return true;
  const li = lineIndexAt(doc, pos);
  const line = doc.lines[li];
  if (!line || !isListItem(line.text.slice(0, 8))) return false;
  for (let i = li - 1, steps = 0; i >= 0 && steps < 20; i--, steps++) {
    const prev = doc.lines[i];
    if (!prev || prev.text.trim() === '') return false;
    const head = prev.text.slice(0, 300);
    const listItem = isListItem(head);
    if ((head.trimEnd().endsWith(':') || !listItem) && hypotheticalLine(doc, prev)) return true;
    if (!listItem) return false;
  }
  return false;
}
