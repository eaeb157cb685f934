/**
 * Finds cue phrases from the knowledge files (`chest pain`, `IV fluids`, `target sats 88-92`) in a
 * note, and keeps the ones whose assertion the caller accepts (`denies chest pain` is negated).
 *
 * The text is split once into word tokens (letters/digits runs, and `&`); phrases are token
 * sequences in a trie, matched leftmost-longest. Between two tokens of a phrase only spaces, tabs,
 * hyphens, slashes and apostrophes may stand (`X-ray`, `88–92`, `ringer's`), never a line break or
 * clause punctuation. A phrase listed under `exclude` consumes its tokens without counting, so
 * `poc troponin` hides `troponin` and `pain unresponsive to ibuprofen` hides `unresponsive`.
 * Linear in the text length: each token starts at most one walk of bounded depth.
 */
import type { Assertion, Span } from '../../note/types';

/** The assertion of a span of the note (the ConText module, or a stub in tests). */
export type AssertFn = (span: Span) => Assertion;

/** A named list of phrases from a knowledge file. */
export interface PhraseGroup {
  id: string;
  label: string;
  phrases: readonly string[];
}

/** One cue found in the note. */
export interface CueMatch {
  /** The group's id and label. */
  id: string;
  label: string;
  span: Span;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Index of the group the phrase ending here belongs to; -1 for an exclude phrase. */
  group?: number;
}

/** Compiled phrase groups, reusable across notes. */
export interface CueMatcher {
  readonly groups: readonly PhraseGroup[];
  readonly root: TrieNode;
  readonly maxDepth: number;
}

/** The word tokens of a text with their offsets; built once per text and shared by matchers. */
export interface TokenIndex {
  readonly text: string;
  readonly start: number[];
  readonly end: number[];
  /** Lower-cased token text. */
  readonly key: string[];
  /** 1 when the token may continue a phrase from the token before it. */
  readonly joins: Uint8Array;
}

const TOKEN = /[\p{L}\p{N}]+|&/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Characters that may stand between two words of one phrase (at most `MAX_JOIN` of them). */
const JOINERS = new Set([' ', '\t', '-', '\u2010', '\u2011', '\u2013', '\u2014', '/', "'", '\u2019']);
const MAX_JOIN = 4;

/** True when the code unit at `i` starts a letter or digit (astral letters via their surrogate pair). */
function wordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
  if (c < 128) return 0;
  const cp = text.codePointAt(i) ?? c;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Splits a phrase from a knowledge file into the keys it matches. */
export function phraseKeys(phrase: string): string[] {
  return Array.from(phrase.toLowerCase().matchAll(TOKEN), (m) => m[0]);
}

/** Compiles groups (and phrases that must not count) into a matcher. */
export function compileCues(groups: readonly PhraseGroup[], exclude: readonly string[] = []): CueMatcher {
  const root: TrieNode = { next: new Map() };
  let maxDepth = 0;
  const add = (phrase: string, group: number): void => {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    maxDepth = Math.max(maxDepth, keys.length);
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map() };
        node.next.set(k, child);
      }
      node = child;
    }
    // An exclude phrase wins over a cue phrase spelled the same; otherwise the first group wins.
    if (node.group === undefined || group === -1) node.group = group;
  };
  groups.forEach((g, i) => g.phrases.forEach((p) => add(p, i)));
  exclude.forEach((p) => add(p, -1));
  return { groups, root, maxDepth };
}

/**
 * Tokenizes the whole text once: runs of letters and digits, and `&`. A hand-written scanner (ASCII
 * fast path) because this runs over every character of the note.
 */
export function indexTokens(text: string): TokenIndex {
  const start: number[] = [];
  const end: number[] = [];
  const key: string[] = [];
  const joins: number[] = [];
  const n = text.length;
  let gap = 0;
  let joinable = false;
  let i = 0;
  while (i < n) {
    let w = wordAt(text, i);
    if (w === 0 && text.charCodeAt(i) !== 38 /* & */) {
      if (JOINERS.has(text[i] ?? '')) gap++;
      else joinable = false;
      i++;
      continue;
    }
    const s = i;
    if (w === 0) i++;
    else while (w > 0) {
      i += w;
      w = i < n ? wordAt(text, i) : 0;
    }
    joins.push(start.length > 0 && joinable && gap <= MAX_JOIN ? 1 : 0);
    start.push(s);
    end.push(i);
    key.push(text.slice(s, i).toLowerCase());
    gap = 0;
    joinable = true;
  }
  return { text, start, end, key, joins: Uint8Array.from(joins) };
}

/**
 * Cue matches of `matcher` in the index, leftmost-longest, inside `ranges` when given (a match
 * must lie wholly inside one range). Excluded phrases are consumed and not reported.
 */
export function matchCues(index: TokenIndex, matcher: CueMatcher, ranges?: readonly Span[]): CueMatch[] {
  const out: CueMatch[] = [];
  const n = index.key.length;
  let i = 0;
  while (i < n) {
    let node = matcher.root.next.get(index.key[i] ?? '');
    let bestEnd = -1;
    let bestGroup: number | undefined;
    for (let j = i; node; ) {
      if (node.group !== undefined) {
        bestEnd = j;
        bestGroup = node.group;
      }
      j++;
      if (j >= n || j - i >= matcher.maxDepth || index.joins[j] !== 1) break;
      node = node.next.get(index.key[j] ?? '');
    }
    if (bestGroup === undefined) {
      i++;
      continue;
    }
    const group = matcher.groups[bestGroup];
    const span = { start: index.start[i] ?? 0, end: index.end[bestEnd] ?? 0 };
    if (group && (!ranges || ranges.some((r) => span.start >= r.start && span.end <= r.end))) {
      out.push({ id: group.id, label: group.label, span });
    }
    i = bestEnd + 1;
  }
  return out;
}

/** Assertion tests the scores use. */
export const accept = {
  /** Present now, in the patient (what life-saving cues need). */
  affirmedCurrent: (a: Assertion): boolean => a.certainty === 'affirmed' && a.temporality === 'recent' && a.experiencer === 'patient',
  /** Present or suspected now, in the patient (`rule out ACS` is a high-risk situation). */
  suspectedCurrent: (a: Assertion): boolean => a.certainty !== 'negated' && a.temporality === 'recent' && a.experiencer === 'patient',
  /** Affirmed for the patient now or in the past, not hypothetical (a known diagnosis). */
  affirmedKnown: (a: Assertion): boolean => a.certainty === 'affirmed' && a.temporality !== 'hypothetical' && a.experiencer === 'patient',
};

/** Keeps the matches whose assertion passes `test` (asserts every match: use on short lists). */
export function asserted(matches: readonly CueMatch[], assert: AssertFn, test: (a: Assertion) => boolean): CueMatch[] {
  return matches.filter((m) => test(assert(m.span)));
}

/**
 * The first accepted match of each group, in text order. Matches of a group already accepted are
 * not asserted again, so a phrase repeated thousands of times costs one assertion.
 */
export function firstPerGroup(matches: readonly CueMatch[], assert: AssertFn, test: (a: Assertion) => boolean): CueMatch[] {
  const done = new Set<string>();
  const out: CueMatch[] = [];
  for (const m of matches) {
    if (done.has(m.id) || !test(assert(m.span))) continue;
    done.add(m.id);
    out.push(m);
  }
  return out;
}
