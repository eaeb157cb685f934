/**
 * The ConText lexicon (`knowledge/contextTriggers.json`) compiled into a word trie, and the
 * longest-match scan that finds every trigger, pseudo-trigger and termination term in a token
 * table in one linear pass. Pure.
 */
import lexicon from '../knowledge/contextTriggers.json';
import type { AssertionCue } from './types';
import { DEID, PUNCT, tokenize, tokenNorm, type TokenTable } from './assertionTokens';

// Module-level copies: under a CommonJS loader each use of an imported binding is a getter call,
// which costs more than the per-token work in the loops below.
const DEID_KIND: number = DEID;
const PUNCT_KIND: number = PUNCT;

export type CueCategory = AssertionCue['category'];

/** Bit for each category, so a phrase's roles fit in a few small integers. */
export const CATEGORY_BIT: Readonly<Record<CueCategory, number>> = {
  negation: 1,
  possible: 2,
  historical: 4,
  hypothetical: 8,
  experiencer: 16,
};

export const CATEGORIES: readonly CueCategory[] = ['negation', 'possible', 'historical', 'hypothetical', 'experiencer'];

/** Everything one phrase means; a phrase may hold several roles (`family history`: experiencer and historical). */
export interface PhraseInfo {
  /** Categories for which the phrase is a trigger scoping forward. */
  pre: number;
  /** Categories for which the phrase is a trigger scoping backward. */
  post: number;
  /** Of `post`, the categories where the phrase counts only at the end of its clause (`Chest pain - denies.`). */
  postFinal: number;
  /** Categories whose scope the phrase ends. */
  ends: number;
  /** Categories whose section-heading scope the phrase also ends. */
  endsHeading: number;
  /** A pseudo-trigger: looks like a cue but is not one. */
  pseudo: boolean;
  /** Narrower windows than the category's, where the phrase's group sets one (`old`: 2 words). */
  preWindow: Partial<Record<CueCategory, number>>;
  postWindow: Partial<Record<CueCategory, number>>;
  /** `ago`: historical only when the quantity before it is more than `historicalAfterDays`. */
  timeAgo: boolean;
}

/**
 * Children are keyed by a hash of the token's lower-cased text so that matching never allocates;
 * `key` confirms the hit and `collision` chains the rare keys that share a hash.
 */
interface TrieNode {
  key: string;
  next: Map<number, TrieNode>;
  collision?: TrieNode;
  info?: PhraseInfo;
}

/** Per-category scope windows, in word tokens between cue and mention. */
export type Windows = Readonly<Record<CueCategory, { pre: number; post: number }>>;

export interface CompiledLexicon {
  root: TrieNode;
  /**
   * Cheap pre-check before allocating a token's text: 1 at `firstChar * 16 + min(length, 15)` for
   * every (ASCII first character, length) that begins some phrase.
   */
  rootFilter: Uint8Array;
  windows: Windows;
  /** Longest window of any category, bounding every scan. */
  maxWindow: number;
  /** Neutral section headings, as space-joined token norms. */
  neutralHeadings: ReadonlySet<string>;
  /** Headings recognised by name even at the end of a long unpunctuated run (`... CLINICAL HISTORY:`). */
  knownHeadings: ReadonlySet<string>;
  abbreviations: ReadonlySet<string>;
  continuationWords: ReadonlySet<string>;
  timeAgo: {
    historicalAfterDays: number;
    unitDays: ReadonlyMap<string, number>;
    numberWords: ReadonlyMap<string, number>;
  };
}

/** A phrase found in the text: tokens `[first, last]` inclusive. */
export interface PhraseMatch {
  first: number;
  last: number;
  info: PhraseInfo;
}

function isCategory(s: string): s is CueCategory {
  return Object.prototype.hasOwnProperty.call(CATEGORY_BIT, s);
}

function phraseTokens(phrase: string): string[] {
  const t = tokenize(phrase);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(tokenNorm(phrase, t, i));
  return out;
}

/** FNV-1a over UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function childFor(node: TrieNode, key: string): TrieNode {
  const h = hashString(key);
  const child = node.next.get(h);
  for (let c = child; c; c = c.collision) if (c.key === key) return c;
  const created: TrieNode = { key, next: new Map(), collision: child };
  node.next.set(h, created);
  return created;
}

function nodeFor(root: TrieNode, phrase: string): PhraseInfo {
  let node = root;
  for (const tok of phraseTokens(phrase)) node = childFor(node, tok);
  node.info ??= { pre: 0, post: 0, postFinal: 0, ends: 0, endsHeading: 0, pseudo: false, preWindow: {}, postWindow: {}, timeAgo: false };
  return node.info;
}

function bitsOf(names: readonly string[]): number {
  let bits = 0;
  for (const name of names) {
    if (!isCategory(name)) throw new Error(`contextTriggers.json: unknown category '${name}'`);
    bits |= CATEGORY_BIT[name];
  }
  return bits;
}

function compile(): CompiledLexicon {
  const root: TrieNode = { key: '', next: new Map() };
  for (const group of lexicon.triggers) {
    const bit = bitsOf([group.category]);
    const category = group.category as CueCategory;
    const window = 'window' in group && typeof group.window === 'number' ? group.window : undefined;
    const clauseFinal = 'clauseFinal' in group && group.clauseFinal === true;
    for (const term of group.terms) {
      const info = nodeFor(root, term);
      if (group.direction === 'pre' || group.direction === 'both') {
        info.pre |= bit;
        if (window !== undefined) info.preWindow[category] = window;
      }
      if (group.direction === 'post' || group.direction === 'both') {
        info.post |= bit;
        if (clauseFinal) info.postFinal |= bit;
        if (window !== undefined) info.postWindow[category] = window;
      }
    }
  }
  for (const term of lexicon.timeAgo.terms) nodeFor(root, term).timeAgo = true;
  for (const term of lexicon.pseudo.terms) nodeFor(root, term).pseudo = true;
  for (const group of lexicon.termination) {
    const bits = bitsOf(group.ends);
    const blocks = 'blocksHeadings' in group && group.blocksHeadings === true;
    for (const term of group.terms) {
      const info = nodeFor(root, term);
      info.ends |= bits;
      if (blocks) info.endsHeading |= bits;
    }
  }
  const windows = {} as Record<CueCategory, { pre: number; post: number }>;
  let maxWindow = 0;
  for (const c of CATEGORIES) {
    const w = lexicon.window[c];
    windows[c] = { pre: w.pre, post: w.post };
    maxWindow = Math.max(maxWindow, w.pre, w.post);
  }
  const joined = (p: string) => phraseTokens(p).join(' ');
  const rootFilter = new Uint8Array(128 * 16);
  for (const first of root.next.values()) {
    for (let node: TrieNode | undefined = first; node; node = node.collision) {
      const c = node.key.charCodeAt(0);
      if (c < 128) rootFilter[c * 16 + Math.min(node.key.length, 15)] = 1;
    }
  }
  return {
    root,
    rootFilter,
    windows,
    maxWindow,
    neutralHeadings: new Set(lexicon.headings.neutral.map(joined)),
    knownHeadings: new Set([...lexicon.headings.neutral, ...lexicon.headings.cue].map(joined)),
    abbreviations: new Set(lexicon.splitter.abbreviations),
    continuationWords: new Set(lexicon.splitter.continuationWords.map(joined)),
    timeAgo: {
      historicalAfterDays: lexicon.timeAgo.historicalAfterDays,
      unitDays: new Map(Object.entries(lexicon.timeAgo.unitDays)),
      numberWords: new Map(Object.entries(lexicon.timeAgo.numberWords)),
    },
  };
}

let compiled: CompiledLexicon | undefined;

/** The compiled lexicon, built on first use (nothing runs on import). */
export function getLexicon(): CompiledLexicon {
  compiled ??= compile();
  return compiled;
}

/** False when token `i` certainly begins no phrase, decided from its first character and length. */
function mayStartPhrase(text: string, tokens: TokenTable, i: number, lex: CompiledLexicon): boolean {
  const s = tokens.start[i] ?? 0;
  let c = text.charCodeAt(s);
  if (c >= 128 || tokens.kind[i] === DEID_KIND) return true;
  if (c >= 65 && c <= 90) c += 32;
  return lex.rootFilter[c * 16 + Math.min((tokens.end[i] ?? 0) - s, 15)] === 1;
}

/** Whether token `i` has only ASCII characters (so lower-casing is per character and keeps its length). */
function asciiToken(text: string, tokens: TokenTable, i: number): boolean {
  const e = tokens.end[i] ?? 0;
  for (let o = tokens.start[i] ?? 0; o < e; o++) if (text.charCodeAt(o) >= 128) return false;
  return true;
}

/** The child of `node` for token `i`, hashing the lower-cased token in place. */
function step(node: TrieNode, text: string, tokens: TokenTable, i: number): TrieNode | undefined {
  const k = tokens.kind[i];
  if (k === DEID_KIND || k === PUNCT_KIND || !asciiToken(text, tokens, i)) {
    const key = tokenNorm(text, tokens, i);
    for (let c = node.next.get(hashString(key)); c; c = c.collision) if (c.key === key) return c;
    return undefined;
  }
  const s = tokens.start[i] ?? 0;
  const e = tokens.end[i] ?? 0;
  let h = 0x811c9dc5;
  for (let o = s; o < e; o++) {
    let c = text.charCodeAt(o);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  outer: for (let c = node.next.get(h >>> 0); c; c = c.collision) {
    if (c.key.length !== e - s) continue;
    for (let o = s; o < e; o++) {
      let ch = text.charCodeAt(o);
      if (ch >= 65 && ch <= 90) ch += 32;
      if (c.key.charCodeAt(o - s) !== ch) continue outer;
    }
    return c;
  }
  return undefined;
}

/**
 * Finds phrases left to right, taking the longest phrase at each position and never letting a
 * phrase cross a sentence start (`sentenceStart[i] === 1`). Pseudo-triggers are returned too, so
 * callers can see what they blocked; matching is linear because the trie depth is bounded.
 */
export function matchPhrases(
  text: string,
  tokens: TokenTable,
  sentenceStart: Uint8Array,
  lex: CompiledLexicon = getLexicon(),
): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const n = tokens.count;
  let i = 0;
  while (i < n) {
    if (!mayStartPhrase(text, tokens, i, lex)) {
      i++;
      continue;
    }
    let node: TrieNode | undefined = lex.root;
    let best = -1;
    let bestInfo: PhraseInfo | undefined;
    for (let j = i; j < n && node; j++) {
      if (j > i && sentenceStart[j] === 1) break;
      node = step(node, text, tokens, j);
      if (node?.info) {
        best = j;
        bestInfo = node.info;
      }
    }
    if (bestInfo) {
      out.push({ first: i, last: best, info: bestInfo });
      i = best + 1;
    } else {
      i++;
    }
  }
  return out;
}
