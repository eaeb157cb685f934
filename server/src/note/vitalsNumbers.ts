/**
 * Numbers as vitals are written: a value (`88`), a range (`95-125`, `90 to 100`), a decade
 * (`70s`, `high 90's`), and the choice of one value from a range.
 *
 * A range is reported as its most abnormal end, judged against the NEWS2 score-0 band (the end
 * furthest beyond, or nearest to, the band's edges): `HR 95-125` → 125, `sats 88-94%` → 88. Charts
 * score the worst observation in a period, and every end of a written range was observed. A decade
 * is read as its written number plus an offset for its qualifier: `70s` → 70, `high 90's` → 98.
 */
import { parseDecimal } from './text';
import type { Band, VitalsLexicon } from './vitalsLexicon';

export interface NumberRange {
  /** The first value as written (a decade as its number plus the qualifier's offset). */
  a: number;
  /** The second value of a range, when there is one. */
  b?: number;
  /** Written as a decade (`70s`, `60-70's`): an approximate value. */
  decade: boolean;
  start: number;
  /** End of the whole expression. */
  end: number;
  /** End of the first value (to fall back to when the second turns out not to belong). */
  aEnd: number;
}

const NUM = /\d{1,4}(?:\.\d{1,2})?(?![\d])/y;
const QUALIFIER = /(low|lower|mid|high|upper)[ \t-]*(?=\d)/iy;
const DECADE = /['’]?s(?![A-Za-z])/iy;
const RANGE_SEP = /[ \t]*(?:-|–|—|to(?=[ \t]))[ \t]*(?=\d)/iy;
const PERCENT_BEFORE_SEP = /[ \t]*%(?=[ \t]*(?:-|–|—)[ \t]*\d)/y;

/** Runs a sticky RegExp at `pos`; null when it does not match there. */
export function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Skips spaces and tabs (and non-breaking / thin spaces). */
export function skipSpaces(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f) i++;
    else return i;
  }
}

function decadeValue(lex: VitalsLexicon, base: number, qualifier: string | undefined): number {
  return base + (lex.decade[qualifier?.toLowerCase() ?? 'whole'] ?? 0);
}

/**
 * Reads a value, range or decade at `pos`. `percentInside` lets `100%- 99%` read as a range.
 * Returns undefined when no number starts there (or a qualifier like `high` has no decade).
 */
export function parseRange(text: string, pos: number, lex: VitalsLexicon, percentInside = false): NumberRange | undefined {
  let p = pos;
  const q = matchAt(QUALIFIER, text, p);
  if (q) p = q.index + q[0].length;
  const first = matchAt(NUM, text, p);
  if (!first) return undefined;
  const a = parseDecimal(first[0]);
  p = first.index + first[0].length;
  const dec = matchAt(DECADE, text, p);
  let aDecade = false;
  let aValue = a;
  let aEnd = p;
  if (dec && Number.isInteger(a) && a >= 10 && a % 10 === 0) {
    aDecade = true;
    aValue = decadeValue(lex, a, q?.[1]);
    aEnd = dec.index + dec[0].length;
  } else if (q) return undefined;
  const single: NumberRange = { a: aValue, decade: aDecade, start: pos, end: aEnd, aEnd };
  let sepFrom = aEnd;
  if (percentInside) {
    const pc = matchAt(PERCENT_BEFORE_SEP, text, p);
    if (pc) sepFrom = pc.index + pc[0].length;
  }
  const sep = matchAt(RANGE_SEP, text, sepFrom);
  if (!sep) return single;
  const second = matchAt(NUM, text, sep.index + sep[0].length);
  if (!second) return single;
  const b = parseDecimal(second[0]);
  let end = second.index + second[0].length;
  const dec2 = matchAt(DECADE, text, end);
  const bDecade = dec2 !== null && Number.isInteger(b) && b >= 10 && b % 10 === 0;
  if (dec2 && bDecade) end = dec2.index + dec2[0].length;
  return { a: aValue, b, decade: aDecade || bDecade, start: pos, end, aEnd };
}

/** Whether `v` lies in `r` (edges included). */
export function inRange(v: number, r: { min: number; max: number } | undefined): boolean {
  return r !== undefined && v >= r.min && v <= r.max;
}

/**
 * Picks one value from the ends of a range, in written order. With a reference band: the end
 * furthest beyond the band (or, when all are inside, nearest its edge); ties go to the first.
 * Without a band (weight, height): the last written.
 */
export function pickEnd(values: readonly number[], band: Band | undefined): number {
  if (values.length === 0) return Number.NaN;
  if (!band) return values[values.length - 1] ?? Number.NaN;
  let best = values[0] ?? Number.NaN;
  let bestScore = -Infinity;
  for (const v of values) {
    // A null upper edge: only low values are abnormal (SpO2).
    const score = band.high === null ? band.low - v : Math.max(band.low - v, v - band.high);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}
