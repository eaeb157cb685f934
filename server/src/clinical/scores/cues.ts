/**
 * Finds cue phrases from the knowledge files (`chest pain`, `IV fluids`, `target sats 88-92`) in a
 * note, and keeps the ones whose assertion the caller accepts (`denies chest pain` is negated).
 *
 * Phrases are token sequences in a trie (tokens from `cueTokens.ts`), matched leftmost-longest.
 * Between two tokens of a phrase only spaces, tabs, hyphens, dashes, slashes and apostrophes may
 * stand (`X-ray`, `88–92`, `ringer's`), never a line break or clause punctuation. A phrase listed
 * under `exclude` consumes its tokens without counting, so `poc troponin` hides `troponin` and
 * `pain unresponsive to ibuprofen` hides `unresponsive`. Linear in the text length: each token
 * starts at most one walk of bounded depth.
 */
import type { Assertion, Span } from '../../note/types';
import { equalsLower, hashLower, phraseKeys, type TokenIndex } from './cueTokens';

export { indexTokens, type TokenIndex } from './cueTokens';

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

interface Terminal {
  /** Index of the group the phrase belongs to; -1 for an exclude phrase. */
  group: number;
  /** The phrase's lower-cased tokens, to rule out hash collisions. */
  keys: string[];
}

interface TrieNode {
  /** Children by token hash. */
  next: Map<number, TrieNode>;
  terminal?: Terminal;
}

/** Compiled phrase groups, reusable across notes. */
export interface CueMatcher {
  readonly groups: readonly PhraseGroup[];
  readonly root: TrieNode;
  readonly maxDepth: number;
  /** 1 at `hash & FIRST_MASK` of every phrase's first token: most tokens are rejected here. */
  readonly first: Uint8Array;
}

const FIRST_MASK = 0xffff;

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
      const h = hashLower(k);
      let child = node.next.get(h);
      if (!child) {
        child = { next: new Map() };
        node.next.set(h, child);
      }
      node = child;
    }
    // An exclude phrase wins over a cue phrase spelled the same; otherwise the first group wins.
    if (node.terminal === undefined || group === -1) node.terminal = { group, keys };
  };
  groups.forEach((g, i) => g.phrases.forEach((p) => add(p, i)));
  exclude.forEach((p) => add(p, -1));
  const first = new Uint8Array(FIRST_MASK + 1);
  for (const h of root.next.keys()) first[h & FIRST_MASK] = 1;
  return { groups, root, maxDepth, first };
}

/** True when the tokens from `first` spell `keys` (rules out a hash collision). */
function spells(index: TokenIndex, first: number, keys: readonly string[]): boolean {
  return keys.every((k, d) => equalsLower(index.text, index.start[first + d] ?? 0, index.end[first + d] ?? 0, k));
}

interface Candidate {
  last: number;
  terminal: Terminal;
}

/**
 * Cue matches of `matcher` in the index, leftmost-longest, inside `ranges` when given (a match
 * must lie wholly inside one range; only those tokens are read). Excluded phrases are consumed
 * and not reported.
 */
export function matchCues(index: TokenIndex, matcher: CueMatcher, ranges?: readonly Span[]): CueMatch[] {
  const out: CueMatch[] = [];
  if (!ranges) {
    scan(index, matcher, 0, index.count, Infinity, out);
    return out;
  }
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    scan(index, matcher, firstTokenAt(index, r.start), index.count, r.end, out);
  }
  return out;
}

/** Index of the first token starting at or after `offset`. */
function firstTokenAt(index: TokenIndex, offset: number): number {
  let lo = 0;
  let hi = index.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.start[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Matches from token `from` while tokens end by `limit` (an offset); appends to `out`. */
function scan(index: TokenIndex, matcher: CueMatcher, from: number, to: number, limit: number, out: CueMatch[]): void {
  const found: Candidate[] = [];
  let i = from;
  while (i < to && (index.end[i] ?? 0) <= limit) {
    const h = index.hash[i] ?? 0;
    if (matcher.first[h & FIRST_MASK] !== 1) {
      i++;
      continue;
    }
    found.length = 0;
    let node = matcher.root.next.get(h);
    for (let j = i; node; ) {
      if (node.terminal) found.push({ last: j, terminal: node.terminal });
      j++;
      if (j >= to || j - i >= matcher.maxDepth || index.joins[j] !== 1 || (index.end[j] ?? 0) > limit) break;
      node = node.next.get(index.hash[j] ?? 0);
    }
    let hit: Candidate | undefined;
    for (let k = found.length - 1; k >= 0 && !hit; k--) {
      const f = found[k];
      if (f && spells(index, i, f.terminal.keys)) hit = f;
    }
    if (!hit) {
      i++;
      continue;
    }
    const group = matcher.groups[hit.terminal.group];
    if (group) out.push({ id: group.id, label: group.label, span: { start: index.start[i] ?? 0, end: index.end[hit.last] ?? 0 } });
    i = hit.last + 1;
  }
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

/** Keeps the matches whose assertion passes `test` (asserts every match: for short lists). */
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
