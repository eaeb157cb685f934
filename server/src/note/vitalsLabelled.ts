/**
 * Labelled vitals: a label (`BP`, `Heart rate`, `SpO2`, `Tmax`, `Wt`), a few filler words
 * (`:`, `is`, `of`, `elevated at`), then a value. One pass of one RegExp finds the labels; each is
 * checked against the words just before it (goals, negations, `PA sat`, `birth weight`) and its
 * value is read by `parseValue`. Trends written with an arrow (`T 100.1->97.7`) give one vital per
 * value.
 */
import type { NumericVital, Vital } from './types';
import { clauseStart, immediatelyAfter, lastPhrase, wordsBefore, type VitalsDoc } from './vitalsContext';
import { labelInfoOf, type LabelInfo, type LabelledKind } from './vitalsLexicon';
import { matchAt, skipSpaces } from './vitalsNumbers';
import { parseOxygenBefore } from './vitalsOxygen';
import { parseValue, type ParsedValue } from './vitalsValues';

/** A vital found by one of the scanners, with what it still needs to be accepted. */
export interface Candidate {
  vital: Vital;
  /** Higher wins an overlap: labelled, table and consciousness 2, unlabelled 1. */
  priority: number;
  /** `context`: accept only in a vitals section, after a `VS:` header, or next to another vital. */
  requirement: 'none' | 'context';
  /** Whether the value is in the plausible range (a neighbour that proves context must be). */
  plausible: boolean;
}

const ARROW = /[ \t]*(?:-{1,2}>|→|=>|—>|–>)[ \t]*/y;
/** Separators allowed between a label and its value. */
const SEPARATOR = /[ \t]*(?:[:=~|]|-(?![A-Za-z]))/y;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Skips separators and filler words after a label; at most a few, so that a label never reaches a far number. */
function skipFiller(doc: VitalsDoc, kind: LabelledKind, pos: number): number {
  const filler = doc.lex.filler.get(kind);
  let p = pos;
  for (let i = 0; i < 6; i++) {
    const q = skipSpaces(doc.text, p);
    const sep = matchAt(SEPARATOR, doc.text, q);
    if (sep) {
      p = sep.index + sep[0].length;
      continue;
    }
    const f = filler ? matchAt(filler, doc.text, q) : null;
    if (f) {
      p = f.index + f[0].length;
      continue;
    }
    return q;
  }
  return skipSpaces(doc.text, p);
}

function toVital(parsed: ParsedValue, start: number): Vital {
  const span = { start, end: parsed.end };
  if (parsed.kind === 'blood-pressure') {
    return {
      kind: 'blood-pressure',
      systolic: parsed.systolic ?? parsed.value,
      diastolic: parsed.diastolic ?? 0,
      span,
      valueSpan: parsed.valueSpan,
    };
  }
  const v: NumericVital = { kind: parsed.kind, value: parsed.value, unit: parsed.unit, span, valueSpan: parsed.valueSpan };
  if (parsed.original) v.original = parsed.original;
  if (parsed.oxygen) v.oxygen = parsed.oxygen;
  return v;
}

/** Whether the words before the label make the number something other than an observation. */
function deniedByLeftContext(doc: VitalsDoc, info: LabelInfo, labelStart: number): boolean {
  const lex = doc.lex;
  // Six words cover the longest cue phrase (three words) ending within the last four.
  const words = wordsBefore(doc, labelStart, 60, 6);
  if (words.length === 0) return false;
  const left = lex.leftDeny.get(info.kind);
  if (left && immediatelyAfter(words, left)) return true;
  if (immediatelyAfter(words, lex.negation)) return true;
  if (lastPhrase(words, lex.goal, 4) >= 0) return true;
  const clause = lex.clauseDeny.get(info.kind);
  return clause !== undefined && lastPhrase(wordsBefore(doc, labelStart, 60, 16), clause) >= 0;
}

function requirementOf(info: LabelInfo, parsed: ParsedValue): Candidate['requirement'] | undefined {
  switch (info.cls) {
    case 'strong':
    case 'scaleRequired':
      return 'none';
    case 'plausible':
      return parsed.plausible || parsed.explicitUnit ? 'none' : 'context';
    case 'context':
      if (!parsed.plausible) return undefined;
      return parsed.explicitUnit ? 'none' : 'context';
  }
}

/** All labelled vitals in the text, in order, not overlapping one another. */
export function scanLabelled(doc: VitalsDoc): Candidate[] {
  const { text, lex } = doc;
  const out: Candidate[] = [];
  const re = lex.label;
  re.lastIndex = 0;
  let lastEnd = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const info = labelInfoOf(lex, m[0]);
    const labelStart = m.index;
    const labelEnd = m.index + m[0].length;
    if (!info) continue;
    // `T12`, `P450`: a one-letter label (or one ending in a digit) may not touch its number.
    if (isDigit(text.charCodeAt(labelEnd)) && (info.short || isDigit(text.charCodeAt(labelEnd - 1)))) continue;
    const valueAt = skipFiller(doc, info.kind, labelEnd);
    const parsed = parseValue(info.kind, text, valueAt, lex, { scaleRequired: info.cls === 'scaleRequired' });
    if (!parsed || deniedByLeftContext(doc, info, labelStart)) continue;
    const right = lex.rightDeny.get(info.kind);
    if (right && matchAt(right, text, parsed.end)) continue;
    const requirement = requirementOf(info, parsed);
    if (!requirement) continue;
    if (parsed.kind === 'spo2' && !parsed.oxygen) {
      const from = Math.max(lastEnd, clauseStart(doc, labelStart, 40));
      const o = parseOxygenBefore(text, from, labelStart, lex);
      if (o) parsed.oxygen = o;
    }
    out.push({ vital: toVital(parsed, labelStart), priority: 2, requirement, plausible: parsed.plausible });
    let end = parsed.end;
    // A trend: `T 100.1->97.7`, `BP 148/92 → 145/90`; each later value is its own mention.
    for (let hop = 0; hop < 5; hop++) {
      const arrow = matchAt(ARROW, text, end);
      if (!arrow) break;
      const next = parseValue(info.kind, text, arrow.index + arrow[0].length, lex, { scaleRequired: info.cls === 'scaleRequired' });
      if (!next) break;
      out.push({ vital: toVital(next, next.valueSpan.start), priority: 2, requirement, plausible: next.plausible });
      end = next.end;
    }
    lastEnd = end;
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return out;
}
