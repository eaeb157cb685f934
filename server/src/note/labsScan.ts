/**
 * Small readers for the pieces of a lab mention that follow its name: the words between name and value,
 * the comparator, the number, the unit and the flag. Each reads at a given offset with a sticky pattern
 * and never looks further than a few dozen characters, so the whole scan stays linear.
 */
import type { LabResult } from './types';
import { parseDecimal } from './text';
import { isAliasWord, vocabulary } from './labsLexicon';
import { normaliseUnit, type LabUnitInfo } from './labUnits';

export type Comparator = NonNullable<LabResult['comparator']>;
export type Flag = NonNullable<LabResult['flag']>;

/** A number as written: `140`, `1.4`, `.5`, `45,000`, `12,300.5`. */
const NUMBER_RE = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+/y;
const COMPARATOR_RE = /(<=|>=|=<|=>|≤|≥|<|>)[ \t]*/y;
const SPACES_RE = /[ \t]*/y;
const WORD_RE = /[A-Za-z]+/y;
/** `(BUN)`, `(HDL-C)`: an abbreviation in brackets between a name and its value. */
const PAREN_ABBREV_RE = /\([A-Za-z][A-Za-z0-9 \-]{0,14}\)/y;
/**
 * A unit candidate: `x10^9/L`, `× 109/L`, `10⁹/L`, or a run such as `mg/dL`, `µmol/L`, `%`, `K`, `/mm3`.
 * May sit after a table pipe.
 */
const UNIT_RE =
  /[ \t]{0,2}(?:\|[ \t]*)?((?:[x×*][ \t]?)?10[ \t]?(?:\^|\*\*?|e)?[ \t]?(?:\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})[ \t]?\/[ \t]?[A-Za-zµμ]{1,11}[0-9³]?|[A-Za-zµμ%/][A-Za-zµμ%/0-9^.²³⁹*]{0,15})/y;
const FLAG_RE =
  /[ \t]*(?:\|[ \t]*)?(?:\((HH|LL|H|L|C|crit|critical|high|low|\*{1,2}|!{1,2}|↑|↓)\)|(HH|LL|H|L)(?![A-Za-z0-9])|(\*{1,2}|!{1,2}|↑|↓)|(critical)(?![A-Za-z]))/iy;
const NEXT_VALUE_RE = /[ \t]*[:=]?[ \t]*[<>]?[ \t]*\.?\d/y;
/** What may not follow a single value: see `readNumber`. */
const AFTER_NUMBER_RE = /[/:\-–]\d|[ \t]+to[ \t]+\d|'s|[ap]\.?m\b/iy;
const POWER_UNIT_RE = /^(?:[x×*][ \t]?)?10[ \t]?(?:\^|\*|e)?/;

/** Offset just past any spaces and tabs at `pos`. */
export function skipSpaces(text: string, pos: number): number {
  SPACES_RE.lastIndex = pos;
  SPACES_RE.test(text);
  return SPACES_RE.lastIndex;
}

export interface ValueStart {
  /** Where the number (or its sign) begins. */
  pos: number;
  comparator?: Comparator;
  /** The last filler word was `at`: `CK at 1015` may be a clock time. */
  afterAt: boolean;
}

/**
 * Walks from the end of a lab name to its value across separators (`:`, `=`, `-`, `|`, `(`), filler words
 * (`of`, `was`, `is elevated at`), a bracketed abbreviation and a comparator (`<`, `greater than`).
 * Undefined when something else comes first, or a word says the number is not a result (`goal`, `ordered`).
 */
export function readToValue(text: string, pos: number, allowNegative: boolean, maxWords: number): ValueStart | undefined {
  const vocab = vocabulary();
  let comparator: Comparator | undefined;
  let words = 0;
  let lastWord = '';
  const limit = pos + 60;
  let p = pos;
  while (p < limit) {
    p = skipSpaces(text, p);
    const c = text[p];
    if (c === undefined) return undefined;
    if (c >= '0' && c <= '9') break;
    if (c === '.' && /\d/.test(text[p + 1] ?? '')) break;
    if ((c === '-' || c === '−' || c === '–') && allowNegative && /\d/.test(text[p + 1] ?? '') && p > pos) break;
    if (c === '(') {
      PAREN_ABBREV_RE.lastIndex = p;
      p = PAREN_ABBREV_RE.test(text) ? PAREN_ABBREV_RE.lastIndex : p + 1;
      continue;
    }
    if (':=|-–~≈#'.includes(c)) {
      p++;
      continue;
    }
    COMPARATOR_RE.lastIndex = p;
    const cm = COMPARATOR_RE.exec(text);
    if (cm) {
      if (comparator) return undefined;
      comparator = comparatorOf(cm[1] ?? '');
      p = COMPARATOR_RE.lastIndex;
      continue;
    }
    WORD_RE.lastIndex = p;
    const wm = WORD_RE.exec(text);
    if (!wm || ++words > maxWords) return undefined;
    const word = wm[0].toLowerCase();
    lastWord = word;
    p = WORD_RE.lastIndex;
    if (vocab.abortWords.has(word)) return undefined;
    const phrase = vocab.comparatorPhrases.get(word);
    if (phrase && !comparator) {
      const q = skipSpaces(text, p);
      WORD_RE.lastIndex = q;
      const next = WORD_RE.exec(text);
      if (next && next[0].toLowerCase() === phrase.next) {
        comparator = phrase.comparator;
        p = WORD_RE.lastIndex;
        continue;
      }
    }
    if (!vocab.connectors.has(word)) return undefined;
  }
  if (p >= limit) return undefined;
  return { pos: p, afterAt: lastWord === 'at', comparator };
}

function comparatorOf(raw: string): Comparator {
  switch (raw) {
    case '<=': case '=<': case '≤': return '<=';
    case '>=': case '=>': case '≥': return '>=';
    case '<': return '<';
    default: return '>';
  }
}

export interface NumberRead {
  value: number;
  raw: string;
  start: number;
  end: number;
}

/** Reads a number (with a sign when `allowNegative`) at `pos`; rejects ranges, ratios, times and `200's`. */
export function readNumber(text: string, pos: number, allowNegative: boolean): NumberRead | undefined {
  let p = pos;
  let sign = 1;
  const c = text[p];
  if (allowNegative && (c === '-' || c === '−' || c === '–' || c === '+')) {
    sign = c === '+' ? 1 : -1;
    p++;
  }
  NUMBER_RE.lastIndex = p;
  const m = NUMBER_RE.exec(text);
  if (!m) return undefined;
  const end = NUMBER_RE.lastIndex;
  // 54/2.8, 12:30, 196-281, 2 to 3, 200's and 9pm are ratios, times, ranges, decades and clock times.
  if (end < text.length && !isPlainEnd(text.charCodeAt(end))) {
    AFTER_NUMBER_RE.lastIndex = end;
    if (AFTER_NUMBER_RE.test(text)) return undefined;
  }
  // `08` is a time or a date part, not a measured value.
  if (/^0\d/.test(m[0])) return undefined;
  const value = parseDecimal(m[0]);
  if (Number.isNaN(value)) return undefined;
  return { value: sign * value, raw: m[0], start: pos, end };
}

export type UnitRead =
  | { kind: 'none' }
  | { kind: 'unit'; raw: string; start: number; end: number; unit: LabUnitInfo }
  /** A dose, duration or route unit, or a power-of-ten unit the analyte has no use for: not a lab value. */
  | { kind: 'reject' };

/** Memo of normalised unit candidates (they repeat a lot); bounded, and holds no note text beyond unit words. */
const normalised = new Map<string, string>();

function normaliseCached(raw: string): string {
  let norm = normalised.get(raw);
  if (norm === undefined) {
    norm = normaliseUnit(raw);
    if (normalised.size > 4096) normalised.clear();
    normalised.set(raw, norm);
  }
  return norm;
}

/**
 * Reads what follows a value and looks it up among the analyte's units. Unknown words that are not
 * dose, time or route units are ignored: the mention simply ends before them.
 */
export function readUnit(text: string, pos: number, units: ReadonlyMap<string, LabUnitInfo>): UnitRead {
  UNIT_RE.lastIndex = pos;
  const m = UNIT_RE.exec(text);
  const candidate = m?.[1];
  if (candidate === undefined) return { kind: 'none' };
  const raw = candidate.replace(/\.+$/, '');
  if (!raw) return { kind: 'none' };
  const end = UNIT_RE.lastIndex - (candidate.length - raw.length);
  const start = end - raw.length;
  // `Hgb 9.1 L` and `K 5.8 H` carry flags, not units.
  if (/^(?:HH|LL|H|L)$/.test(raw)) return { kind: 'none' };
  // `Plt 145 K 4.1`: the K is the next analyte, not thousands.
  if (/^[A-Za-z]+$/.test(raw) && isAliasWord(raw)) {
    NEXT_VALUE_RE.lastIndex = end;
    if (NEXT_VALUE_RE.test(text)) return { kind: 'none' };
  }
  const norm = normaliseCached(raw);
  const unit = units.get(norm);
  if (unit) return { kind: 'unit', raw, start, end, unit };
  // `3.98 × 10^5/µL` for an analyte reported per 10^3/µL: a unit we cannot convert, so no result.
  if (POWER_UNIT_RE.test(raw)) return { kind: 'reject' };
  // `mg`, `units/hr`, `MG/ HOUR`: judged by the part before any slash (`s/p`, `d/t`, `h/h` are not units).
  const nonLab = vocabulary().nonLabUnits;
  const head = norm.replace(/\/.*$/, '');
  if (nonLab.has(norm) || (head.length >= 2 && nonLab.has(head))) return { kind: 'reject' };
  return { kind: 'none' };
}

export interface FlagRead {
  flag: Flag;
  end: number;
}

/** Reads an abnormal flag at `pos`: `(H)`, `H`, `LL`, `*`, `!`, `(critical)`, `↑`. */
export function readFlag(text: string, pos: number): FlagRead | undefined {
  FLAG_RE.lastIndex = pos;
  const m = FLAG_RE.exec(text);
  if (!m) return undefined;
  const bare = m[2];
  // Bare letters must be capitals: `K 5.8 h` is more likely hours or a typo than a flag.
  if (bare !== undefined && bare !== bare.toUpperCase()) return undefined;
  const token = (m[1] ?? bare ?? m[3] ?? m[4] ?? '').toLowerCase();
  const flag = flagOf(token);
  return flag ? { flag, end: FLAG_RE.lastIndex } : undefined;
}

function flagOf(token: string): Flag | undefined {
  switch (token) {
    case 'h': case 'high': case '↑': return 'H';
    case 'l': case 'low': case '↓': return 'L';
    case 'hh': return 'HH';
    case 'll': return 'LL';
    case '': return undefined;
    // `*`, `!`, `C` and `critical` mark an abnormal/critical result without a direction.
    default: return 'critical';
  }
}

/**
 * For ambiguous short names (`PT`, `BS`): what follows the mention must look like a list or table, not
 * prose — end of line, punctuation, a capitalised word, another lab name, or `and`/`with`.
 */
export function followsLikeList(text: string, pos: number): boolean {
  const p = skipSpaces(text, pos);
  const c = text[p];
  if (c === undefined || c === '\n' || c === '\r') return true;
  if (',;:.)]|/(&@-→>'.includes(c) || (c >= '0' && c <= '9')) return true;
  if (c >= 'A' && c <= 'Z') return true;
  WORD_RE.lastIndex = p;
  const w = WORD_RE.exec(text);
  // `pt 19.0 inr 2.5` in an all-lower-case note: the next lab name also ends the mention.
  return w !== null && (w[0] === 'and' || w[0] === 'with' || w[0] === 'at' || isAliasWord(w[0]));
}

/**
 * Up to `count` lower-cased words just before `pos` in the same line and sentence (`vitamin K`, `goal A1c`),
 * looking back at most 40 characters.
 */
export function wordsBefore(text: string, pos: number, count: number): string[] {
  const words: string[] = [];
  const floor = Math.max(0, pos - 40);
  let i = pos - 1;
  while (i >= floor && words.length < count) {
    const c = text.charCodeAt(i);
    // Stop at the line or sentence: `Goal met. K 4.0` is a result.
    if (c === 10 || c === 13 || c === 59 /* ; */ || (c === 46 /* . */ && text.charCodeAt(i + 1) === 32)) break;
    if (!isLetterCode(c)) {
      i--;
      continue;
    }
    const end = i + 1;
    while (i >= floor && isLetterCode(text.charCodeAt(i))) i--;
    words.push(text.slice(i + 1, end).toLowerCase());
  }
  return words.reverse();
}

/** Comma, semicolon, `)`, line break: nothing after the number needs a closer look. */
function isPlainEnd(c: number): boolean {
  return c === 44 || c === 59 || c === 41 || c === 10 || c === 13;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** After `at`, a four-digit integer or a number followed by am/pm is a clock time (`CK at 1015`). */
export function looksLikeClockTime(text: string, num: NumberRead): boolean {
  if (/^\d{4}$/.test(num.raw)) return true;
  return /^[ \t]*[ap]\.?m\b/i.test(text.slice(num.end, num.end + 6));
}
