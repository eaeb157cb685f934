/**
 * The lab-name lexicon: every alias of `knowledge/labs.json` compiled once into a sticky pattern and
 * indexed by its first word in a character trie, so the scanner looks each word of a note up once (without
 * allocating) instead of trying hundreds of alternatives at every character. Built lazily; nothing runs on
 * import.
 */
import data from '../knowledge/labs.json';
import { allAnalyteRules, type AnalyteRules } from './labUnits';

/** One way of naming a lab (or a blood gas, or a fixed pair such as `H/H`) in a note. */
export interface AliasEntry {
  kind: 'analyte' | 'gas' | 'group';
  /** The alias as written in the knowledge file, lower-cased. */
  key: string;
  /** The alias exactly as written in the knowledge file. */
  text: string;
  /** Sticky pattern for the whole alias (with an optional ionic charge such as `K+`, `Ca++` for ions). */
  pattern: RegExp;
  /** For `analyte` entries. */
  rules?: AnalyteRules;
  /** For `group` entries: the analyte ids named, in order. */
  analytes?: readonly string[];
  /** For `group` entries: give the smallest value to the first analyte (`H/H` written either way round). */
  sortValues?: boolean;
}

/** Word lists of the knowledge file, as sets. */
export interface LabVocabulary {
  connectors: ReadonlySet<string>;
  abortWords: ReadonlySet<string>;
  thresholdCues: ReadonlySet<string>;
  /** Words naming a specimen other than blood (`urine sodium`). */
  otherSpecimens: ReadonlySet<string>;
  /** First word of a comparator phrase → its second word and the comparator. */
  comparatorPhrases: ReadonlyMap<string, { next: string; comparator: '<' | '>' }>;
  nonLabUnits: ReadonlySet<string>;
  gasOrders: readonly { phIndex: number; analytes: readonly string[] }[];
}

/** A trie over lower-cased first words of aliases, walked by character code so lookups allocate nothing. */
interface TrieNode {
  next: Map<number, TrieNode>;
  entries?: AliasEntry[];
}

interface Lexicon {
  root: TrieNode;
  vocabulary: LabVocabulary;
}

const WORD_AT = /[A-Za-z][A-Za-z0-9]*/y;

let lexicon: Lexicon | undefined;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Alias text → pattern source: runs of space, `.` or `-` match any short run of them (`T. bili`, `t-bili`). */
function aliasSource(alias: string): string {
  return alias
    .split(/[ .-]+/)
    .map(escapeRe)
    .join('[ \\t.\\-]{1,3}')
    .replace(/\\\/|&/g, '[ \\t]?[/&][ \\t]?');
}

function compile(alias: string, charged: boolean): RegExp {
  const body = aliasSource(alias);
  // A name ending in a letter may run into its value (`K3.9`, `Hct28.2`); the parser then wants a decimal.
  const end = /[A-Za-z]$/.test(alias) ? '(?![A-Za-z])' : '(?![A-Za-z0-9])';
  const charge = charged && !/[+]$/.test(alias) ? '(?:\\+\\+?|2\\+)?' : '';
  return new RegExp(`${body}${end}${charge}`, 'iy');
}

function firstWord(alias: string): string {
  const m = /^[A-Za-z][A-Za-z0-9]*/.exec(alias);
  return m ? m[0].toLowerCase() : '';
}

function add(root: TrieNode, alias: string, entry: AliasEntry): void {
  const word = firstWord(alias);
  if (!word) return;
  let node = root;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = { next: new Map() };
      node.next.set(c, child);
    }
    node = child;
  }
  (node.entries ??= []).push(entry);
}

function sortEntries(node: TrieNode): void {
  // Longest alias first, so `hemoglobin A1c` wins over `hemoglobin` and `trop I` over `trop`.
  node.entries?.sort((a, b) => b.key.length - a.key.length);
  for (const child of node.next.values()) sortEntries(child);
}

function build(): Lexicon {
  const root: TrieNode = { next: new Map() };
  for (const rules of allAnalyteRules()) {
    for (const alias of rules.info.aliases) {
      const key = alias.toLowerCase();
      add(root, alias, { kind: 'analyte', key, text: alias, pattern: compile(alias, rules.charged), rules });
    }
  }
  for (const label of data.bloodGas.labels) {
    add(root, label, { kind: 'gas', key: label.toLowerCase(), text: label, pattern: compile(label, false) });
  }
  for (const group of data.groupAliases) {
    add(root, group.alias, {
      kind: 'group',
      key: group.alias.toLowerCase(),
      text: group.alias,
      pattern: compile(group.alias, false),
      analytes: group.analytes,
      sortValues: group.sortValues === 'ascending',
    });
  }
  sortEntries(root);

  const comparatorPhrases = new Map<string, { next: string; comparator: '<' | '>' }>();
  for (const [phrase, comparator] of Object.entries(data.comparatorPhrases)) {
    const [first, next] = phrase.split(' ');
    if (first && next && (comparator === '<' || comparator === '>')) comparatorPhrases.set(first, { next, comparator });
  }
  const vocabulary: LabVocabulary = {
    connectors: new Set(data.connectorWords),
    abortWords: new Set(data.abortWords),
    thresholdCues: new Set(data.thresholdCues),
    otherSpecimens: new Set(data.otherSpecimenWords),
    comparatorPhrases,
    nonLabUnits: new Set(data.nonLabUnits),
    gasOrders: data.bloodGas.orders,
  };
  return { root, vocabulary };
}

function getLexicon(): Lexicon {
  lexicon ??= build();
  return lexicon;
}

/** The knowledge file's word lists. */
export function vocabulary(): LabVocabulary {
  return getLexicon().vocabulary;
}

const EMPTY: readonly AliasEntry[] = [];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Alias entries that may start the word `text[start, end)` (longest first). A word with trailing digits
 * also yields the entries of its letters alone, so `Na140` finds `Na` and `Ca2` finds both `Ca2+` and `Ca`.
 */
export function entriesAt(text: string, start: number, end: number): readonly AliasEntry[] {
  let digitStart = end;
  while (digitStart > start && isDigit(text.charCodeAt(digitStart - 1))) digitStart--;
  let node: TrieNode | undefined = getLexicon().root;
  let short: AliasEntry[] | undefined;
  for (let i = start; i < end && node; i++) {
    if (i === digitStart && digitStart < end) short = node.entries;
    node = node.next.get(lowerCode(text.charCodeAt(i)));
  }
  const full = node?.entries;
  if (full && short) return [...full, ...short];
  return full ?? short ?? EMPTY;
}

/** Alias entries for a whole word (any case). */
export function entriesForWord(word: string): readonly AliasEntry[] {
  return entriesAt(word, 0, word.length);
}

/** Matches an alias entry at `pos`; returns the end of the name, or -1. */
export function matchEntry(entry: AliasEntry, text: string, pos: number): number {
  entry.pattern.lastIndex = pos;
  return entry.pattern.test(text) ? entry.pattern.lastIndex : -1;
}

/** The word starting exactly at `pos` (used to chain `BUN/Cr`), or undefined. */
export function wordAt(text: string, pos: number): string | undefined {
  WORD_AT.lastIndex = pos;
  const m = WORD_AT.exec(text);
  return m ? m[0] : undefined;
}

/** True when `word` (any case) starts some alias: used to tell `K` the unit from `K` the potassium. */
export function isAliasWord(word: string): boolean {
  return entriesForWord(word).length > 0;
}

/**
 * Calls `visit(start, end)` for every word of `text` from `from` on — a letter followed by letters and
 * digits, not preceded by a letter or digit (so the `K` of `14.2K` is no word). `visit` returns where to
 * resume (to skip what it consumed), or -1.
 */
export function forEachWord(text: string, from: number, visit: (start: number, end: number) => number): void {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!letter) {
      // Skip runs of digits so `14.2K` does not start a word at `K`.
      if (isDigit(c)) {
        while (i < n && isAlnum(text.charCodeAt(i))) i++;
      } else {
        i++;
      }
      continue;
    }
    let end = i + 1;
    while (end < n && isAlnum(text.charCodeAt(end))) end++;
    const resume = visit(i, end);
    i = resume > end ? resume : end;
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
