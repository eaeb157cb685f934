/**
 * Dosing frequencies: `BID`, `q6h`, `q4-6h`, `every 4 to 6 hours`, `three times a day`, `weekly`,
 * `QOD`, `stat`, `continuous`. The phrase list lives in `knowledge/frequencies.json`; interval and
 * counted forms (`q8h`, `3x/day`) are a small grammar here.
 *
 * Pure; regular expressions are built on first use.
 */
import freqData from '../knowledge/frequencies.json';
import { parseDecimal } from './text';

export type FrequencyKind = 'scheduled' | 'one-time' | 'continuous' | 'prn';

/** A frequency written at a position in the text. */
export interface FrequencyMatch {
  start: number;
  end: number;
  kind: FrequencyKind;
  /** Administrations per day; undefined for continuous and PRN-only. */
  dosesPerDay?: number;
  /** Hours between doses, for interval forms (q6h → 6; q4-6h → 4, the shortest). */
  intervalHours?: number;
  /** Also an ordinary phrase (`a day`, `once`, `now`): counts only after a written dose. */
  requiresDose: boolean;
}

interface PhraseMatcher {
  regex: RegExp;
  /** The schedules of `frequencies.json`, in file order. */
  groups: { kind: FrequencyKind; dosesPerDay?: number; requiresDose: boolean }[];
}

/** Escapes a phrase for a regex; spaces become `\s+` so `twice  daily` and line-wrapped text match. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[ \\t]+');
}

/** A letter or digit follows: the phrase ended inside a word. */
export const WORD_AFTER = '(?![\\p{L}\\p{N}])';

let phraseMatcher: PhraseMatcher | undefined;

function getPhraseMatcher(): PhraseMatcher {
  if (phraseMatcher) return phraseMatcher;
  const entries: { phrase: string; group: number }[] = [];
  const groups: PhraseMatcher['groups'] = [];
  for (const s of freqData.schedules) {
    const g: PhraseMatcher['groups'][number] = { kind: s.kind as FrequencyKind, requiresDose: 'requiresDose' in s && s.requiresDose === true };
    if ('dosesPerDay' in s && typeof s.dosesPerDay === 'number') g.dosesPerDay = s.dosesPerDay;
    groups.push(g);
    for (const p of s.phrases) entries.push({ phrase: p, group: groups.length - 1 });
  }
  entries.sort((a, b) => b.phrase.length - a.phrase.length);
  // One alternation, longest phrase first; which schedule matched is read back from the phrase.
  const source = entries.map((e) => `${phrasePattern(e.phrase)}${WORD_AFTER}`).join('|');
  phraseMatcher = { regex: new RegExp(`(?:${source})`, 'iuy'), groups };
  // Grammar forms start with q/every/hourly/a count/once-twice-thrice/one-six.
  firstChars = new Set([...entries.map((e) => e.phrase[0]?.toLowerCase() ?? ''), 'q', 'e', 'h', 'o', 't', 'f', 's', ...'0123456789']);
  phraseIndex = new Map(entries.map((e) => [normalisePhrase(e.phrase), e.group]));
  return phraseMatcher;
}

/** Phrase (normalised) → schedule index, to read back which schedule the alternation matched. */
let phraseIndex: Map<string, number> | undefined;
/** Characters a frequency can start with: a cheap test before running the regexes. */
let firstChars: Set<string> | undefined;

function normalisePhrase(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const RANGE = String.raw`(${NUM})(?:[ \t]*(?:-|–|—|to)[ \t]*(${NUM}))?`;

/** `q6h`, `q 4-6 hrs`, `q4°`, `every 6 hours`, `every 4 to 6 hrs`. */
const HOURS = new RegExp(String.raw`(?:q\.?[ \t]?|every[ \t]+)${RANGE}[ \t]?(?:hours?|hrs?|h|°|º)\.?${WORD_AFTER}`, 'iuy');
/** `q30min`, `every 15 minutes`. */
const MINUTES = new RegExp(String.raw`(?:q\.?[ \t]?|every[ \t]+)${RANGE}[ \t]?(?:minutes?|mins?)\.?${WORD_AFTER}`, 'iuy');
/** `q2d`, `every 3 days`, `q2 weeks`, `every 3 months`. */
const LONG = new RegExp(String.raw`(?:q\.?[ \t]?|every[ \t]+)${RANGE}[ \t]?(days?|d|weeks?|wks?|w|months?|mo)\.?${WORD_AFTER}`, 'iuy');
/** `hourly`, `every hour`, `qh`. */
const HOURLY = new RegExp(String.raw`(?:hourly|every[ \t]+hour|q\.?[ \t]?h(?:ou)?r?)${WORD_AFTER}`, 'iuy');
/** `3 times a day`, `2x/day`, `twice weekly`, `three times per week`, `1x daily`. */
const COUNTED = new RegExp(
  String.raw`(?:(\d+)[ \t]*(?:x|×|times?)|(once|twice|thrice)|(one|two|three|four|five|six)[ \t]+times?)[ \t]*(?:(?:a|per|each|every|in[ \t]+a)[ \t]+|\/[ \t]*)?(days?|daily|d|weeks?|weekly|wk|months?|monthly)${WORD_AFTER}`,
  'iuy',
);

const WORD_NUMBERS: Record<string, number> = { once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

function intervalMatch(start: number, end: number, hours: number): FrequencyMatch | undefined {
  if (!(hours > 0)) return undefined;
  return { start, end, kind: 'scheduled', dosesPerDay: 24 / hours, intervalHours: hours, requiresDose: false };
}

/** Both ends of a written range; the shortest interval gives the highest frequency (q4-6h → 4). */
function shortest(a: string | undefined, b: string | undefined): number {
  const x = parseDecimal(a ?? '');
  const y = b === undefined ? Number.NaN : parseDecimal(b);
  return Number.isNaN(y) ? x : Math.min(x, y);
}

function longer(best: FrequencyMatch | undefined, m: FrequencyMatch | undefined): FrequencyMatch | undefined {
  return m && (!best || m.end > best.end) ? m : best;
}

function grammarAt(text: string, pos: number): FrequencyMatch | undefined {
  const c = (text[pos] ?? '').toLowerCase();
  let best: FrequencyMatch | undefined;
  let m: RegExpExecArray | null;
  if (c === 'q' || c === 'e') {
    HOURS.lastIndex = pos;
    if ((m = HOURS.exec(text))) best = longer(best, intervalMatch(pos, pos + m[0].length, shortest(m[1], m[2])));
    MINUTES.lastIndex = pos;
    if ((m = MINUTES.exec(text))) best = longer(best, intervalMatch(pos, pos + m[0].length, shortest(m[1], m[2]) / 60));
    LONG.lastIndex = pos;
    if ((m = LONG.exec(text))) {
      const unit = (m[3] ?? '').toLowerCase();
      const daysPer = unit.startsWith('d') ? 1 : unit.startsWith('w') ? 7 : 30;
      best = longer(best, intervalMatch(pos, pos + m[0].length, shortest(m[1], m[2]) * daysPer * 24));
    }
  }
  if (c === 'q' || c === 'e' || c === 'h') {
    HOURLY.lastIndex = pos;
    if ((m = HOURLY.exec(text))) best = longer(best, intervalMatch(pos, pos + m[0].length, 1));
  }
  if ((c >= '0' && c <= '9') || c === 'o' || c === 't' || c === 'f' || c === 's') {
    COUNTED.lastIndex = pos;
    if ((m = COUNTED.exec(text))) {
      const count = m[1] !== undefined ? Number(m[1]) : WORD_NUMBERS[(m[2] ?? m[3] ?? '').toLowerCase()] ?? Number.NaN;
      const unit = (m[4] ?? '').toLowerCase();
      const days = unit.startsWith('d') ? 1 : unit.startsWith('w') ? 7 : 30;
      if (count > 0) best = longer(best, { start: pos, end: pos + m[0].length, kind: 'scheduled', dosesPerDay: count / days, requiresDose: false });
    }
  }
  return best;
}

function phraseAt(text: string, pos: number): FrequencyMatch | undefined {
  const matcher = getPhraseMatcher();
  matcher.regex.lastIndex = pos;
  const m = matcher.regex.exec(text);
  if (!m) return undefined;
  const group = phraseIndex?.get(normalisePhrase(m[0]));
  const g = group === undefined ? undefined : matcher.groups[group];
  if (!g) return undefined;
  const out: FrequencyMatch = { start: pos, end: pos + m[0].length, kind: g.kind, requiresDose: g.requiresDose };
  if (g.dosesPerDay !== undefined) out.dosesPerDay = g.dosesPerDay;
  return out;
}

/**
 * The frequency written at `pos` (which should be the start of a word), longest reading first;
 * undefined when none. PRN phrases are returned with kind `prn`.
 */
export function matchFrequencyAt(text: string, pos: number): FrequencyMatch | undefined {
  getPhraseMatcher();
  if (!firstChars?.has((text[pos] ?? '').toLowerCase())) return undefined;
  const a = grammarAt(text, pos);
  const b = phraseAt(text, pos);
  if (a && b) return a.end >= b.end ? a : b;
  return a ?? b;
}

/**
 * What a frequency written on its own means: `BID` → 2 doses a day; `q4-6h` → 6 a day, every
 * 4 hours (the shortest interval of a range); `weekly` → 1/7; `continuous` and `PRN` → `{}`
 * (recognised, no fixed rate). Undefined when the text is not a frequency.
 */
export function parseFrequency(text: string): { dosesPerDay?: number; intervalHours?: number } | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return undefined;
  const m = matchFrequencyAt(trimmed, 0);
  if (!m || m.end !== trimmed.length) return undefined;
  const out: { dosesPerDay?: number; intervalHours?: number } = {};
  if (m.dosesPerDay !== undefined) out.dosesPerDay = m.dosesPerDay;
  if (m.intervalHours !== undefined) out.intervalHours = m.intervalHours;
  return out;
}
