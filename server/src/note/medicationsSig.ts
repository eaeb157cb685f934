/**
 * The "sig" that follows a drug name: strength (`25 mg`, `5-10 mg`, `0.05%`, `10 U`), quantity
 * (`2 tabs`, `1-2 puffs`), route (`PO`, `by mouth`, `subcut`), frequency (`BID`, `q4-6h prn`), PRN
 * and indication (`prn severe pain`, `for HTN`). Components are read left to right in any order;
 * reading stops at the first word that is none of them, at a sentence or clause end, or at `limit`.
 *
 * Pure; regular expressions are built on first use. Every pattern is anchored (sticky) at a word
 * start and has no nested unbounded repetition, so reading a sig is linear in its length.
 */
import { getPatterns, matchStrengthAt, quantityValue, routeAt } from './medicationsDose';
import { matchFrequencyAt } from './medicationsFrequency';
import type { Medication, Span } from './types';
import { parseDecimal } from './text';

export interface Sig {
  strength?: NonNullable<Medication['strength']>;
  quantity?: NonNullable<Medication['quantity']>;
  route?: NonNullable<Medication['route']>;
  frequency?: NonNullable<Medication['frequency']>;
  prn: boolean;
  prnSpan?: Span;
  indication?: NonNullable<Medication['indication']>;
  /** End of the last component read; equals the start when nothing was read. */
  end: number;
}

export interface SigOptions {
  /**
   * Accept a bare number right after the name as the strength (`aspirin 81`, `Atorva 40 nocte`)
   * when a frequency, route, PRN or the end of the item follows it.
   */
  allowUnitless: boolean;
  /** The item is an eye medication: `OD` is the right eye, not once daily. */
  eyeContext: boolean;
}

/** Words that may sit between sig components without ending the sig; they are not part of any. */
const FILLER = /(?:take|takes|taking|took|give|given|giving|instill|inject|inhale|apply|place|use|insert|chew|dissolve|administer|of|at|to|a|an|the|in|into|via|per|each|then|up[ \t]+to|max(?:imum)?|dose|doses|total|daily[ \t]+dose|tablets?|tabs?|capsules?|caps?|oint(?:ment)?|cream|gel|lotion|solution|soln|susp(?:ension)?|syrup|elixir|liquid|inj(?:ection)?|chewable|er|xr|xl|sr|cr|dr|ec|ir|la|mr|cd|ds|odt|otc|hcl|unit[ \t]+dose|extended[ \t]+release|immediate[ \t]+release|delayed[ \t]+release)(?![\p{L}\p{N}])\.?/iuy;
/** Durations are read over but not reported: `x 7 days`, `for 5 days`, `7/7`, `for 2/52`. */
const DURATION = /(?:(?:for|x|×)[ \t]*)?(?:\d+[ \t]*(?:days?|d|weeks?|wks?|months?|doses?)|\d{1,2}\/(?:7|52|12))(?![\p{L}\p{N}])/iuy;
const FOR = /(?:for|indications?:)[ \t]+/iuy;
const INDICATION_WORD = /[\p{L}][\p{L}\p{N}'’/-]*/uy;
/** Words that end an indication: `prn pain but ...`, `for pain if needed`. */
const INDICATION_STOP = new Set([
  'but', 'if', 'then', 'per', 'at', 'up', 'max', 'not', 'no', 'to', 'since', 'until', 'with', 'w', 'when', 'while', 'as', 'x',
  'for', 'and', 'or', 'hold', 'may', 'please', 'take', 'taking', 'takes', 'do', 'only', 'avoid', 'using', 'use', 'used',
  'about', 'helps', 'help', 'rare', 'rarely', 'mostly', 'occasionally', 'occas', 'sometimes', 'usually', 'currently',
  'last', 'past', 'via', 'ran', 'works', 'good', 'effect', 'ok', 'stopped', 'held', 'short', 'discussed', 'reinforced',
]);
const MAX_INDICATION_WORDS = 4;
const MAX_FILLERS = 3;

function skipBlanks(text: string, pos: number, limit: number): number {
  let p = pos;
  while (p < limit && (text[p] === ' ' || text[p] === '\t')) p++;
  return p;
}

/** Reads an indication (`severe pain`, `nausea or vomiting`) at `pos`; undefined when no words. */
function indicationAt(text: string, pos: number, limit: number): { text: string; span: Span } | undefined {
  let p = pos;
  let end = pos;
  let words = 0;
  while (p < limit && words < MAX_INDICATION_WORDS) {
    INDICATION_WORD.lastIndex = p;
    const m = INDICATION_WORD.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    const w = m[0].toLowerCase();
    const joiner = w === 'and' || w === 'or';
    if (!joiner && INDICATION_STOP.has(w)) break;
    if (componentAt(text, p, limit, true)) break;
    if (!joiner) {
      end = p + m[0].length;
      words++;
    }
    p = skipBlanks(text, p + m[0].length, limit);
  }
  return end > pos ? { text: text.slice(pos, end), span: { start: pos, end } } : undefined;
}

/** True when a sig component (not a filler) starts at `pos`. */
/** A quantity starts with a digit, a fraction sign or a number word (`one`, `two`, `half`). */
const QUANTITY_FIRST = /[\d½¼otfsha]/;

/** True when sticky `re` matches at `pos` and ends by `limit`; `test` allocates no match array. */
function fitsAt(re: RegExp, text: string, pos: number, limit: number): boolean {
  re.lastIndex = pos;
  return re.test(text) && re.lastIndex <= limit;
}

function componentAt(text: string, pos: number, limit: number, hasDose: boolean): boolean {
  const p = getPatterns();
  const c = (text[pos] ?? '').toLowerCase();
  if (p.prnFirst.has(c) && fitsAt(p.prn, text, pos, limit)) return true;
  if (QUANTITY_FIRST.test(c) && fitsAt(p.quantity, text, pos, limit)) return true;
  if (/[\d.]/.test(c) && fitsAt(p.strength, text, pos, limit)) return true;
  const r = routeAt(text, pos);
  if (r && r.span.end <= limit) return true;
  const f = matchFrequencyAt(text, pos);
  return !!f && f.end <= limit && (hasDose || !f.requiresDose);
}

/**
 * True when a strength (with a unit, or a bare number followed by a frequency, route, PRN or the
 * end), a quantity, a route, PRN or a frequency starts at `pos`: where a drug name ends.
 */
export function sigComponentAt(text: string, pos: number, limit: number): boolean {
  if (componentAt(text, pos, limit, false)) return true;
  const p = getPatterns();
  p.unitless.lastIndex = pos;
  const u = p.unitless.exec(text);
  return !!u && pos + u[0].length <= limit && unitlessFollowOk(text, pos + u[0].length, limit);
}

/** True when what follows `pos` (after blanks) ends the item or is a frequency, route or PRN. */
function unitlessFollowOk(text: string, pos: number, limit: number): boolean {
  const q = skipBlanks(text, pos, limit);
  if (q >= limit || /[.,;:()\r\n]/.test(text[q] ?? '')) return true;
  const p = getPatterns();
  p.prn.lastIndex = q;
  if (p.prn.test(text)) return true;
  if (routeAt(text, q)) return true;
  p.quantity.lastIndex = q;
  if (p.quantity.test(text)) return true;
  const f = matchFrequencyAt(text, q);
  return !!f && !f.requiresDose && f.kind !== 'prn';
}

/**
 * Reads the sig in `text[start, limit)`. `start` is just after the drug name.
 */
export function parseSig(text: string, start: number, limit: number, opts: SigOptions): Sig {
  const sig: Sig = { prn: false, end: start };
  let pos = start;
  let fillers = 0;
  let first = true;
  while (pos < limit) {
    let q = skipBlanks(text, pos, limit);
    if (q >= limit) break;
    const c = text[q];
    // A comma, dash or colon continues the sig only when a component follows it.
    if (c === ',' || c === '-' || c === '–' || c === ':') {
      const r = skipBlanks(text, q + 1, limit);
      if (r < limit && componentAt(text, r, limit, !!(sig.strength || sig.quantity))) {
        q = r;
      } else break;
    } else if (c === '(') {
      // Parenthetical remarks (`(1 in the morning, 1 in the evening)`, `(Roxicodone)`) are read over.
      const close = text.indexOf(')', q);
      if (close < 0 || close >= limit || close - q > 80 || text.slice(q, close).includes('\n')) break;
      pos = close + 1;
      continue;
    }
    const hasDose = !!(sig.strength || sig.quantity);
    const step = readComponent(text, q, limit, opts, sig, first, hasDose);
    if (step > q) {
      sig.end = step;
      pos = step;
      fillers = 0;
      first = false;
      continue;
    }
    DURATION.lastIndex = q;
    const dur = DURATION.exec(text);
    if (dur && q + dur[0].length <= limit) {
      pos = q + dur[0].length;
      continue;
    }
    FILLER.lastIndex = q;
    const fill = FILLER.exec(text);
    if (fill && q + fill[0].length <= limit && fillers < MAX_FILLERS) {
      pos = q + fill[0].length;
      fillers++;
      continue;
    }
    break;
  }
  return sig;
}

function readRoute(text: string, q: number, limit: number, sig: Sig): number {
  const r = routeAt(text, q);
  if (!r || r.span.end > limit) return q;
  if (!sig.route) sig.route = r;
  return r.span.end;
}

function readFrequency(text: string, q: number, limit: number, sig: Sig, hasDose: boolean): number {
  const f = matchFrequencyAt(text, q);
  if (!f || f.end > limit || f.kind === 'prn' || (f.requiresDose && !hasDose)) return q;
  if (!sig.frequency) {
    sig.frequency = { text: text.slice(f.start, f.end), span: { start: f.start, end: f.end } };
    if (f.dosesPerDay !== undefined) sig.frequency.dosesPerDay = f.dosesPerDay;
    if (f.intervalHours !== undefined) sig.frequency.intervalHours = f.intervalHours;
  }
  return f.end;
}

/** Reads one component at `q` into `sig`; returns the new position, or `q` when none was read. */
function readComponent(text: string, q: number, limit: number, opts: SigOptions, sig: Sig, first: boolean, hasDose: boolean): number {
  const p = getPatterns();
  p.prn.lastIndex = q;
  const prn = p.prnFirst.has((text[q] ?? '').toLowerCase()) ? p.prn.exec(text) : null;
  if (prn && q + prn[0].length <= limit) {
    const end = q + prn[0].length;
    if (!sig.prn) {
      sig.prn = true;
      sig.prnSpan = { start: q, end };
    }
    const r = skipBlanks(text, end, limit);
    FOR.lastIndex = r;
    const f = FOR.exec(text);
    const at = f ? r + f[0].length : r;
    const ind = sig.indication ? undefined : indicationAt(text, at, limit);
    if (ind) {
      sig.indication = ind;
      return ind.span.end;
    }
    return end;
  }
  p.quantity.lastIndex = q;
  const qm = p.quantity.exec(text);
  if (qm?.groups && q + qm[0].length <= limit) {
    const v1 = quantityValue(qm.groups.n ?? '');
    const v2 = qm.groups.n2 === undefined ? Number.NaN : quantityValue(qm.groups.n2);
    const form = p.formCanonical.get((qm.groups.form ?? '').toLowerCase()) ?? (qm.groups.form ?? '').toLowerCase();
    if (!sig.quantity && !Number.isNaN(v1)) {
      sig.quantity = { value: Number.isNaN(v2) ? v1 : Math.max(v1, v2), form, span: { start: q, end: q + qm[0].length } };
    }
    return q + qm[0].length;
  }
  const s = matchStrengthAt(text, q);
  if (s && s.span.end <= limit) {
    if (!sig.strength) sig.strength = s;
    return s.span.end;
  }
  if (first && opts.allowUnitless && !sig.strength) {
    p.unitless.lastIndex = q;
    const u = p.unitless.exec(text);
    if (u?.groups && q + u[0].length <= limit && unitlessFollowOk(text, q + u[0].length, limit)) {
      const raw = u.groups.raw ?? '';
      const parts = raw.split(/[ \t]*(?:-|–)[ \t]*|\//).map(parseDecimal);
      // A range reads as its maximum; a combination (`875/125`) as its first component.
      const value = raw.includes('/') ? (parts[0] ?? Number.NaN) : Math.max(...parts);
      if (!Number.isNaN(value)) {
        sig.strength = { value, unit: '', raw, span: { start: q, end: q + u[0].length } };
        return q + u[0].length;
      }
    }
  }
  if (sig.strength && !sig.quantity) {
    // `Paracetamol 500mg 1-2 PRN`: a bare count after the strength is the number of units.
    p.bareCount.lastIndex = q;
    const b = p.bareCount.exec(text);
    if (b?.groups && q + b[0].length <= limit && unitlessFollowOk(text, q + b[0].length, limit)) {
      const v = Math.max(Number(b.groups.n), b.groups.n2 === undefined ? 0 : Number(b.groups.n2));
      sig.quantity = { value: v, form: '', span: { start: q, end: q + b[0].length } };
      return q + b[0].length;
    }
  }
  if (opts.eyeContext) {
    const e = readRoute(text, q, limit, sig);
    if (e > q) return e;
  }
  const ef = readFrequency(text, q, limit, sig, hasDose);
  if (ef > q) return ef;
  if (!opts.eyeContext) {
    const e = readRoute(text, q, limit, sig);
    if (e > q) return e;
  }
  if (!sig.indication) {
    FOR.lastIndex = q;
    const f = FOR.exec(text);
    if (f) {
      const ind = indicationAt(text, q + f[0].length, limit);
      if (ind) {
        sig.indication = ind;
        return ind.span.end;
      }
    }
  }
  return q;
}
