/**
 * Readers for the dose parts of a sig: strength (`25 mg`, `5-10 mg`, `5/325 mg`, `0.05%`, `10 U`),
 * quantity (`2 tabs`, `1-2 puffs`, `½ tab`) and route (`PO`, `by mouth`, `subcut`), with the PRN
 * phrases. Units and dose forms come from `knowledge/drugs.json`, routes from `routes.json`.
 *
 * Pure; the patterns are built on first use. Each is sticky (anchored at a position) and has no
 * nested unbounded repetition.
 */
import routeData from '../knowledge/routes.json';
import freqData from '../knowledge/frequencies.json';
import { drugVocabulary } from './drugLexicon';
import { phrasePattern, WORD_AFTER } from './medicationsFrequency';
import type { Medication } from './types';
import { parseDecimal } from './text';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const DASH = String.raw`[ \t]*(?:-|–|—|to)[ \t]*`;
const PER = String.raw`(?:[ \t]*\/[ \t]*(?:\d+(?:\.\d+)?[ \t]*)?(?:kg|hrs?|hours?|h|min|minutes?|day|d|dose|m2|m²|ml|l|wk|week))`;

function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
}

export interface Patterns {
  strength: RegExp;
  unitless: RegExp;
  quantity: RegExp;
  bareCount: RegExp;
  route: RegExp;
  routeCased: RegExp;
  routeByPhrase: Map<string, string>;
  prn: RegExp;
  formCanonical: Map<string, string>;
  /** First characters of route and PRN phrases, to skip their regexes cheaply. */
  routeFirst: Set<string>;
  prnFirst: Set<string>;
}

let patterns: Patterns | undefined;

/** The dose, route and PRN patterns, built from the knowledge files on first use. */
export function getPatterns(): Patterns {
  if (patterns) return patterns;
  const units = Object.values(drugVocabulary.doseUnits).flat();
  const formCanonical = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(drugVocabulary.doseForms)) {
    for (const s of spellings) formCanonical.set(s.toLowerCase(), canonical);
  }
  const routeByPhrase = new Map<string, string>();
  const cased: string[] = [];
  for (const r of routeData.routes) {
    for (const p of r.phrases) routeByPhrase.set(p.toLowerCase().replace(/\s+/g, ' '), r.value);
    if ('caseSensitive' in r) {
      for (const p of r.caseSensitive ?? []) {
        routeByPhrase.set(p, r.value);
        cased.push(p);
      }
    }
  }
  const prnPhrases = freqData.schedules.filter((s) => s.kind === 'prn').flatMap((s) => s.phrases);
  const qty = String.raw`\d+\/\d+|\d+(?:\.\d+)?|½|¼|one|two|three|four|five|six|half|a[ \t]+half`;
  patterns = {
    strength: new RegExp(
      String.raw`(?<raw>(?:${NUM})(?:${DASH}(?:${NUM})|(?:[ \t]*\/[ \t]*(?:${NUM})){1,2})?)[ \t]*(?<unit>(?:${alternation(units)})${PER}{0,2})${WORD_AFTER}`,
      'iuy',
    ),
    unitless: new RegExp(String.raw`(?<raw>(?:${NUM})(?:[ \t]*(?:-|–)[ \t]*(?:${NUM})|(?:\/(?:${NUM})){1,2})?)(?![\p{L}\p{N}/%:×]|[.,]\d)`, 'uy'),
    quantity: new RegExp(
      String.raw`(?<n>${qty})(?:[ \t]*(?:-|–|—|to|or)[ \t]*(?<n2>${qty}))?[ \t]*(?<form>${alternation(formCanonical.keys())})(?:\(s\))?${WORD_AFTER}`,
      'iuy',
    ),
    bareCount: new RegExp(String.raw`(?<n>\d+)(?:[ \t]*(?:-|–)[ \t]*(?<n2>\d+))?(?![\p{L}\p{N}/%:]|[.,]\d)`, 'uy'),
    route: new RegExp(`(?:${alternation([...routeByPhrase.keys()].filter((k) => !cased.includes(k)))})${WORD_AFTER}`, 'iuy'),
    routeCased: new RegExp(`(?:${alternation(cased)})${WORD_AFTER}`, 'uy'),
    routeByPhrase,
    prn: new RegExp(`(?:${alternation(prnPhrases)})${WORD_AFTER}`, 'iuy'),
    formCanonical,
    routeFirst: new Set([...routeByPhrase.keys()].map((k) => k[0]?.toLowerCase() ?? '')),
    prnFirst: new Set(prnPhrases.map((k) => k[0]?.toLowerCase() ?? '')),
  };
  return patterns;
}

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, half: 0.5, '½': 0.5, '¼': 0.25 };

/** The number a quantity is written with: `2`, `1/2`, `½`, `two`, `half`. */
export function quantityValue(raw: string): number {
  const w = WORD_NUMBERS[raw.toLowerCase().replace(/^a\s+/, '')];
  if (w !== undefined) return w;
  const frac = /^(\d+)\/(\d+)$/.exec(raw);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  return parseDecimal(raw);
}

/** A strength at `pos`: `25 mg`, `5-10 mg` (value 10, the maximum), `5/325 mg` (value 5, the first). */
export function matchStrengthAt(text: string, pos: number): NonNullable<Medication['strength']> | undefined {
  const re = getPatterns().strength;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m?.groups) return undefined;
  const raw = m.groups.raw ?? '';
  const unit = (m.groups.unit ?? '').replace(/\s+/g, '');
  const parts = raw.split(/[ \t]*(?:-|–|—|to)[ \t]*|[ \t]*\/[ \t]*/).map(parseDecimal);
  const isCombination = raw.includes('/');
  const value = isCombination ? parts[0] : Math.max(...parts);
  if (value === undefined || Number.isNaN(value)) return undefined;
  return { value, unit, raw, span: { start: pos, end: pos + m[0].length } };
}

/** A strength written just before a drug name (`5 MG COUMADIN`, `Given 1 g ceftriaxone`, `10 U insulin`). */
export function matchStrengthBefore(text: string, nameStart: number, lineStart: number): NonNullable<Medication['strength']> | undefined {
  const from = Math.max(lineStart, nameStart - 40);
  const before = text.slice(from, nameStart);
  const m = /(?:^|[^\p{L}\p{N}.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)[ \t]*[\p{L}%µμ]{1,12}(?:[ \t]+of)?[ \t]+$/u.exec(before);
  if (!m || m[1] === undefined) return undefined;
  const at = from + m.index + m[0].indexOf(m[1]);
  const s = matchStrengthAt(text, at);
  if (!s) return undefined;
  const between = text.slice(s.span.end, nameStart);
  return /^(?:[ \t]+of)?[ \t]+$/i.test(between) ? s : undefined;
}

/** The route written at `pos`, canonical (`by mouth` → `PO`). */
export function routeAt(text: string, pos: number): NonNullable<Medication['route']> | undefined {
  const p = getPatterns();
  if (!p.routeFirst.has((text[pos] ?? '').toLowerCase())) return undefined;
  for (const re of [p.route, p.routeCased]) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    const value = p.routeByPhrase.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? p.routeByPhrase.get(m[0]);
    if (value) return { value, span: { start: pos, end: pos + m[0].length } };
  }
  return undefined;
}

/** Canonical unit for a unit as written (`µg` → `mcg`, `U` → `unit`, `cc` → `mL`); undefined when unknown. */
export function canonicalDoseUnit(unit: string): string | undefined {
  const base = unit.toLowerCase().split('/')[0]?.trim() ?? '';
  for (const [canonical, spellings] of Object.entries(drugVocabulary.doseUnits)) {
    if (spellings.some((s) => s.toLowerCase() === base)) return canonical;
  }
  return undefined;
}
