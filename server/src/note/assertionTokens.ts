/**
 * Word tokens for the ConText-style assertion module: one linear pass over the note that records
 * where each word, number, punctuation mark and de-identification marker lies, and how many line
 * breaks precede it. Pure; offsets are UTF-16 indices into the original text.
 */

/** Letters (any script) and their digits-mixed runs: `fever`, `s1`, `l5`. */
export const WORD = 0;
/** A run of ASCII digits only: `2`, `1996`. */
export const NUMBER = 1;
/** Any other single non-space character: `.`, `,`, `/`, `-`, `?`. */
export const PUNCT = 2;
/** A de-identification marker such as `**NAME[ZZZ]` or `**INSTITUTION`, kept as one token. */
export const DEID = 3;

/** Struct-of-arrays token table, so a 10 MB note costs a few flat arrays rather than millions of objects. */
export interface TokenTable {
  readonly count: number;
  /** Offset of each token's first character. */
  readonly start: Int32Array;
  /** Offset just past each token. */
  readonly end: Int32Array;
  /** WORD, NUMBER, PUNCT or DEID. */
  readonly kind: Uint8Array;
  /** Line breaks in the whitespace just before the token, capped at 2 (2 means a blank line). */
  readonly newlinesBefore: Uint8Array;
  /** 1 when whitespace (of any kind) precedes the token. */
  readonly spaceBefore: Uint8Array;
  /** The text lower-cased once, when that keeps every offset (no length-changing characters). */
  readonly lower: string | undefined;
}

const MAX_DEID_TAG = 40;
const MAX_DEID_BRACKET = 120;

function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Word characters: ASCII letters and digits, plus anything non-ASCII that is not a space or a
 * General Punctuation / CJK symbol (accented letters, other scripts, emoji halves).
 */
function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  if (isSpace(c)) return false;
  if (c >= 0x2010 && c <= 0x205e) return false;
  if (c === 0xab || c === 0xbb || c === 0xb7 || c === 0xbf || c === 0xa1) return false;
  return c >= 0xc0;
}

/** Folds typographic punctuation to the ASCII forms the lexicon uses. */
function foldPunct(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u02bc':
      return "'";
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2212':
      return '-';
    default:
      return ch;
  }
}

/** Length of a de-identification marker starting at `i` (`**NAME[AAA, BBB]`), or 0 when there is none. */
function deidLength(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && text.charCodeAt(j) === 42 /* * */) j++;
  if (j - i < 2) return 0;
  const tagStart = j;
  while (j < n && j - tagStart < MAX_DEID_TAG) {
    const c = text.charCodeAt(j);
    if (isAsciiLetter(c) || c === 45 /* - */ || c === 95 /* _ */) j++;
    else break;
  }
  if (j === tagStart || !isAsciiLetter(text.charCodeAt(tagStart))) return 0;
  if (text.charCodeAt(j) === 91 /* [ */) {
    const limit = Math.min(n, j + MAX_DEID_BRACKET);
    for (let k = j + 1; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 93 /* ] */) return k + 1 - i;
      if (c === 10 || c === 13) break;
    }
  }
  return j - i;
}

const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const OTHER = 3;

/** Character classes for ASCII, so the hot loop avoids branches on ranges. */
const ASCII_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(128).fill(OTHER);
  for (let c = 0; c <= 32; c++) t[c] = SPACE;
  for (let c = 48; c <= 57; c++) t[c] = DIGIT;
  for (let c = 65; c <= 90; c++) t[c] = LETTER;
  for (let c = 97; c <= 122; c++) t[c] = LETTER;
  return t;
})();

function classOf(c: number): number {
  if (c < 128) return ASCII_CLASS[c] ?? OTHER;
  if (isSpace(c)) return SPACE;
  return isWordChar(c) ? LETTER : OTHER;
}

/** Tokenizes `text` in one pass. */
export function tokenize(text: string): TokenTable {
  const n = text.length;
  // Prose averages one token per four to six characters; grow by doubling when that is wrong.
  let capacity = Math.max(16, ((n / 3) | 0) + 8);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let kind = new Uint8Array(capacity);
  let newlinesBefore = new Uint8Array(capacity);
  let spaceBefore = new Uint8Array(capacity);
  let count = 0;
  let newlines = 0;
  let sawSpace = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls === SPACE) {
      sawSpace = 1;
      if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        if (newlines < 2) newlines++;
      }
      i++;
      continue;
    }
    let j: number;
    let k: number;
    if (c === 42 /* * */ && (j = deidLength(text, i)) > 0) {
      k = DEID;
      j += i;
    } else if (cls !== OTHER) {
      j = i + 1;
      let digitsOnly = cls === DIGIT;
      while (j < n) {
        const d = classOf(text.charCodeAt(j));
        if (d === DIGIT) {
          j++;
        } else if (d === LETTER) {
          digitsOnly = false;
          j++;
        } else {
          break;
        }
      }
      k = digitsOnly ? NUMBER : WORD;
    } else {
      // Keep a surrogate pair together so a token never splits a code point.
      j = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? i + 2 : i + 1;
      k = PUNCT;
    }
    if (count === capacity) {
      capacity *= 2;
      start = grow(start, capacity);
      end = grow(end, capacity);
      kind = grow(kind, capacity);
      newlinesBefore = grow(newlinesBefore, capacity);
      spaceBefore = grow(spaceBefore, capacity);
    }
    start[count] = i;
    end[count] = j;
    kind[count] = k;
    newlinesBefore[count] = newlines;
    spaceBefore[count] = sawSpace;
    count++;
    newlines = 0;
    sawSpace = 0;
    i = j;
  }
  return {
    count,
    // Views, not copies: trimming would allocate the arrays a second time.
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    kind: kind.subarray(0, count),
    newlinesBefore: newlinesBefore.subarray(0, count),
    spaceBefore: spaceBefore.subarray(0, count),
    lower: lowerSameLength(text),
  };
}

function lowerSameLength(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

function grow<T extends Int32Array | Uint8Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

/**
 * The token's text as the lexicon spells it: lower-cased, typographic apostrophes and dashes folded
 * to ASCII, and every de-identification marker read as `<deid>`.
 */
export function tokenNorm(text: string, table: TokenTable, i: number): string {
  const k = table.kind[i];
  const s = table.start[i] ?? 0;
  const e = table.end[i] ?? 0;
  if (k === DEID) return '<deid>';
  if (k === PUNCT) return foldPunct(text.slice(s, e));
  return table.lower !== undefined ? table.lower.slice(s, e) : text.slice(s, e).toLowerCase();
}

/** Index of the first token whose end is after `offset` (tokens.count when none). */
export function firstTokenEndingAfter(table: TokenTable, offset: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table.end[mid] ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last token whose start is before `offset` (-1 when none). */
export function lastTokenStartingBefore(table: TokenTable, offset: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table.start[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
