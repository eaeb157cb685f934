/**
 * Word tokens for cue matching: runs of letters and digits, and `&` (so `I&D` is `i & d`). Each
 * token is kept as offsets plus a hash of its lower-cased text, in typed arrays: a 10 MB note has
 * about two million tokens, and allocating a string for each would cost more than the scan.
 *
 * Lower-casing is per code point (`String.prototype.toLowerCase` on one character), the same for
 * phrases and note text, so the two always agree.
 */

/** The word tokens of a text; built once per text and shared by every matcher. */
export interface TokenIndex {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** FNV-1a hash of the token's lower-cased UTF-16 code units. */
  readonly hash: Uint32Array;
  /** 1 when the token may continue a phrase from the token before it. */
  readonly joins: Uint8Array;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const AMPERSAND = 38;
/** What may stand between two words of one phrase: spaces, tabs, hyphens, dashes, slashes, apostrophes. */
const JOINERS = new Set([0x20, 0x09, 0x2d, 0x2010, 0x2011, 0x2013, 0x2014, 0x2f, 0x27, 0x2019]);
/** At most this many joiner characters between two words of a phrase. */
const MAX_JOIN = 4;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Width in code units of the letter or digit at `i` (2 for an astral one), or 0. */
function wordWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
  if (c < 128) return 0;
  const cp = text.codePointAt(i) ?? c;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Calls `unit` with each lower-cased UTF-16 code unit of `text[s, e)`. */
function forEachLowerUnit(text: string, s: number, e: number, unit: (u: number) => void): void {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      unit(c >= 65 && c <= 90 ? c + 32 : c);
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const low = String.fromCodePoint(cp).toLowerCase();
    for (let k = 0; k < low.length; k++) unit(low.charCodeAt(k));
    if (cp > 0xffff) i++;
  }
}

/** Hash of the lower-cased `text[s, e)`. */
export function hashLower(text: string, s = 0, e = text.length): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      // Rare: hash the rest through the general path.
      forEachLowerUnit(text, i, e, (u) => {
        h = Math.imul(h ^ u, FNV_PRIME);
      });
      break;
    }
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
  }
  return h >>> 0;
}

/** True when the lower-cased `text[s, e)` is `key` (a lower-cased phrase token). */
export function equalsLower(text: string, s: number, e: number, key: string): boolean {
  if (e - s === key.length) {
    let ascii = true;
    for (let i = s, k = 0; i < e; i++, k++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        ascii = false;
        break;
      }
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== key.charCodeAt(k)) return false;
    }
    if (ascii) return true;
  }
  return lowerKey(text, s, e) === key;
}

/** The lower-cased `text[s, e)`, as `hashLower` sees it. */
export function lowerKey(text: string, s = 0, e = text.length): string {
  const units: number[] = [];
  forEachLowerUnit(text, s, e, (u) => units.push(u));
  return String.fromCharCode(...units);
}

/** The tokens of a phrase from a knowledge file, lower-cased. */
export function phraseKeys(phrase: string): string[] {
  const index = indexTokens(phrase);
  const out: string[] = [];
  for (let k = 0; k < index.count; k++) out.push(lowerKey(phrase, index.start[k], index.end[k]));
  return out;
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

/** Tokenizes the whole text once; linear, with an ASCII fast path. */
export function indexTokens(text: string): TokenIndex {
  // Notes average about one token per five characters; start near that to avoid regrowth.
  let cap = Math.max(1024, Math.ceil(text.length / 4));
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let hash = new Uint32Array(cap);
  let joins = new Uint8Array(cap);
  let count = 0;
  let gap = 0;
  let joinable = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordWidth(text, i);
    const c = text.charCodeAt(i);
    if (w === 0 && c !== AMPERSAND) {
      if (JOINERS.has(c)) gap++;
      else joinable = false;
      i++;
      continue;
    }
    const s = i;
    if (w === 0) i++;
    else {
      while (w > 0) {
        i += w;
        w = i < n ? wordWidth(text, i) : 0;
      }
    }
    if (count === cap) {
      cap *= 2;
      start = grow(start, (k) => new Int32Array(k));
      end = grow(end, (k) => new Int32Array(k));
      hash = grow(hash, (k) => new Uint32Array(k));
      joins = grow(joins, (k) => new Uint8Array(k));
    }
    start[count] = s;
    end[count] = i;
    hash[count] = hashLower(text, s, i);
    joins[count] = count > 0 && joinable && gap <= MAX_JOIN ? 1 : 0;
    count++;
    gap = 0;
    joinable = true;
  }
  return { text, count, start, end, hash, joins };
}
