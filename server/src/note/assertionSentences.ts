/**
 * Sentence and clause boundaries for assertion scopes, found on the token table in one pass:
 * sentence punctuation (minus abbreviations and initials), semicolons, blank lines, list items,
 * line breaks that start a new statement, and inline headings (`SOCIAL HISTORY:`), which become
 * their own segment so that a heading's words never leak into the text after it. Pure.
 */
import type { CompiledLexicon } from './assertionLexicon';
import { DEID, NUMBER, PUNCT, WORD, tokenNorm, type TokenTable } from './assertionTokens';

// Module-level copies: under a CommonJS loader each use of an imported binding is a getter call,
// which costs more than the per-token work in the loops below.
const DEID_KIND: number = DEID;
const NUMBER_KIND: number = NUMBER;
const PUNCT_KIND: number = PUNCT;
const WORD_KIND: number = WORD;

/** A heading written as `Words:`: tokens `[first, colon)` are its text. */
export interface Heading {
  first: number;
  colon: number;
  /** The heading starts a line (or the text), rather than sitting mid-line. */
  atLineStart: boolean;
}

export interface Segmentation {
  /** 1 at each token that starts a sentence (token 0 always does when there are tokens). */
  sentenceStart: Uint8Array;
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** First token of each sentence, plus a final entry equal to the token count. */
  sentenceFirst: Int32Array;
  /** 1 for sentences that are a heading ending in its colon. */
  headingSentence: Uint8Array;
  headings: Heading[];
}

/** Most words a heading may have before its colon. */
const MAX_HEADING_WORDS = 5;
/** Tokens examined before a colon when looking for a heading. */
const MAX_HEADING_LOOKBACK = 24;

/** Punctuation that cannot sit inside a heading: `, . ; : " { } [ ]`. */
const HEADING_BREAKERS = new Set([44, 46, 59, 58, 34, 123, 125, 91, 93]);

const LIST_MARKERS = new Set(['-', '*', '•', '·', '+', '>', '○', '▪', '‣', '◦']);

const COLON = 58;
const PERIOD = 46;
const CLOSE_PAREN = 41;
const OPEN_PAREN = 40;

/** The character code of a punctuation token, or -1 for any other token (no allocation). */
export function punctAt(text: string, t: TokenTable, i: number): number {
  return i >= 0 && i < t.count && t.kind[i] === PUNCT_KIND ? text.charCodeAt(t.start[i] ?? 0) : -1;
}

/** Whether the character at `offset` is an upper-case letter (any script). */
function upperAt(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text.charAt(offset);
  return ch !== ch.toLowerCase();
}

/** Whether the character at `offset` is a lower-case letter (any script). */
function lowerAt(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text.charAt(offset);
  return ch !== ch.toUpperCase();
}

/** Whether token `k` contains a lower-case letter. */
function tokenHasLower(text: string, t: TokenTable, k: number): boolean {
  const e = t.end[k] ?? 0;
  for (let o = t.start[k] ?? 0; o < e; o++) if (lowerAt(text, o)) return true;
  return false;
}

/** A short number followed by `)` or `.` starts an enumerated item (`1)`, `2.`). */
function isEnumerator(text: string, t: TokenTable, i: number): boolean {
  if (t.kind[i] !== NUMBER_KIND || (t.end[i] ?? 0) - (t.start[i] ?? 0) > 2 || i + 1 >= t.count) return false;
  const next = punctAt(text, t, i + 1);
  return (next === CLOSE_PAREN || next === PERIOD) && t.spaceBefore[i + 1] === 0;
}

/** Whether the `.` at token `dot` ends a sentence. */
function periodEnds(text: string, t: TokenTable, dot: number, lex: CompiledLexicon): boolean {
  const next = dot + 1;
  if (next < t.count && t.spaceBefore[next] === 0) return false; // 3.5, p.o.daily, e.g.
  const before = dot - 1;
  if (before < 0 || t.spaceBefore[dot] === 1) return true;
  if (t.kind[before] !== WORD_KIND) return true;
  const length = (t.end[before] ?? 0) - (t.start[before] ?? 0);
  if (length <= 6 && lex.abbreviations.has(tokenNorm(text, t, before))) return false;
  if (length === 1) {
    // An initial (`H. pylori`) or the end of a dotted abbreviation (`b.i.d.`, `p.o.`).
    const dotted = punctAt(text, t, before - 1) === PERIOD && t.spaceBefore[before] === 0;
    const nextLower = next < t.count && t.kind[next] === WORD_KIND && lowerAt(text, t.start[next] ?? 0);
    if (dotted || nextLower) return false;
  }
  return true;
}

/** Whether a line break before token `i` starts a new statement rather than wrapping one. */
function lineBreakStarts(text: string, t: TokenTable, i: number, lex: CompiledLexicon): boolean {
  if (i === 0) return true;
  if ((t.kind[i] === PUNCT_KIND && LIST_MARKERS.has(tokenNorm(text, t, i))) || isEnumerator(text, t, i)) return true;
  const prev = punctAt(text, t, i - 1);
  if (prev === 44 /* , */ || prev === 45 /* - */ || prev === 47 /* / */ || prev === OPEN_PAREN) return false;
  if (t.kind[i - 1] === WORD_KIND && lex.continuationWords.has(tokenNorm(text, t, i - 1))) return false;
  const k = t.kind[i];
  if (k === NUMBER_KIND || k === DEID_KIND) return true;
  if (k === WORD_KIND) return upperAt(text, t.start[i] ?? 0);
  return false;
}

/** Splits the token table into sentences and finds inline headings. Linear in the token count. */
export function segment(text: string, t: TokenTable, lex: CompiledLexicon): Segmentation {
  const n = t.count;
  const start = new Uint8Array(n);
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || (t.newlinesBefore[i] ?? 0) >= 2) start[i] = 1;
    if ((t.newlinesBefore[i] ?? 0) >= 1 && lineBreakStarts(text, t, i, lex)) start[i] = 1;
    const p = punctAt(text, t, i - 1);
    if (p === 59 /* ; */) start[i] = 1;
    else if ((p === 33 /* ! */ || p === 63 /* ? */) && t.spaceBefore[i] === 1) start[i] = 1;
    else if (p === PERIOD && periodEnds(text, t, i - 1, lex)) start[i] = 1;
    if (isEnumerator(text, t, i) && punctAt(text, t, i + 1) === CLOSE_PAREN && i > 0 && p !== OPEN_PAREN) start[i] = 1;
  }

  // Headings: a short run of words ending in a colon that is followed by whitespace.
  const headings: Heading[] = [];
  let sentenceFirstTok = 0;
  for (let i = 0; i < n; i++) {
    if (t.newlinesBefore[i] !== 0 || i === 0) lineStart = i;
    if (start[i] === 1) sentenceFirstTok = i;
    if (i === 0 || punctAt(text, t, i) !== COLON) continue;
    if (i + 1 < n && t.spaceBefore[i + 1] === 0) continue; // 10:32, ratio 1:2
    const first = headingFirst(text, t, Math.max(sentenceFirstTok, lineStart), i, lex);
    if (first < 0) continue;
    headings.push({ first, colon: i, atLineStart: first === lineStart || isListLead(text, t, lineStart, first) });
    start[first] = 1;
    if (i + 1 < n) start[i + 1] = 1;
    sentenceFirstTok = first;
  }

  const sentenceOf = new Int32Array(n);
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (start[i] === 1) firsts.push(i);
    sentenceOf[i] = firsts.length - 1;
  }
  const sentenceFirst = new Int32Array(firsts.length + 1);
  sentenceFirst.set(firsts);
  sentenceFirst[firsts.length] = n;
  const headingSentence = new Uint8Array(firsts.length);
  for (const h of headings) headingSentence[sentenceOf[h.first] ?? 0] = 1;
  return { sentenceStart: start, sentenceOf, sentenceFirst, headingSentence, headings };
}

/** The line's list marker or enumerator is all that precedes `first` on its line. */
function isListLead(text: string, t: TokenTable, lineStart: number, first: number): boolean {
  if (first - lineStart > 2) return false;
  const lead = tokenNorm(text, t, lineStart);
  return LIST_MARKERS.has(lead) || isEnumerator(text, t, lineStart);
}

/**
 * First token of the heading that ends at `colon`, or -1: the whole segment since the sentence or
 * line start when it is at most five words; else the last words before the colon when they name a
 * known heading (`... 1710 HOURS CLINICAL HISTORY:`); else, in mixed-case text, the run of
 * capitalised words just before the colon (`soft, nontender EXTREMITIES: no edema`).
 */
function headingFirst(text: string, t: TokenTable, segmentFirst: number, colon: number, lex: CompiledLexicon): number {
  // Look back a bounded distance so a long unpunctuated run with many colons stays linear.
  const from = Math.max(segmentFirst, colon - MAX_HEADING_LOOKBACK);
  let words = 0;
  let ok = from === segmentFirst;
  let sawLower = false;
  for (let k = from; k < colon; k++) {
    if (t.kind[k] === PUNCT_KIND) {
      if (HEADING_BREAKERS.has(punctAt(text, t, k))) ok = false;
      continue;
    }
    words++;
    if (!sawLower && t.kind[k] === WORD_KIND && tokenHasLower(text, t, k)) sawLower = true;
  }
  if (ok && words >= 1 && words <= MAX_HEADING_WORDS) {
    return LIST_MARKERS.has(tokenNorm(text, t, from)) || isEnumerator(text, t, from) ? from + 1 : from;
  }
  // A known heading name ending at the colon, longest first.
  const tail: string[] = [];
  let longest = -1;
  for (let k = colon - 1; k >= from && tail.length < MAX_HEADING_WORDS + 2; k--) {
    tail.unshift(tokenNorm(text, t, k));
    if (t.kind[k] !== PUNCT_KIND && lex.knownHeadings.has(tail.join(' '))) longest = k;
  }
  if (longest >= 0) return longest;
  if (!sawLower) return -1;
  // Mixed-case prose: take the run of capitalised words just before the colon.
  let k = colon - 1;
  let run = 0;
  while (k >= from && run < MAX_HEADING_WORDS) {
    const kind = t.kind[k];
    const p = punctAt(text, t, k);
    if (kind === WORD_KIND && upperAt(text, t.start[k] ?? 0)) run++;
    else if (!(p === 47 /* / */ || p === 38 /* & */ || p === 45 /* - */)) break;
    k--;
  }
  return run >= 1 && k >= from && t.kind[k + 1] === WORD_KIND ? k + 1 : -1;
}
