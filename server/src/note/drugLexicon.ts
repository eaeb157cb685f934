/**
 * Lookups over the drug knowledge file (`knowledge/drugs.json`): brand and generic names, drug
 * classes, class names used in allergy lists, and non-drug allergens. Names are matched on word
 * tokens, case-insensitively, so `Toprol-XL`, `Toprol XL` and `toprol xl` are one name.
 *
 * Pure; the indexes are built on first use, not on import.
 */
import drugData from '../knowledge/drugs.json';

/** What the knowledge base knows about a drug. */
export interface DrugInfo {
  /** Lower-case generic name (RxNorm-style; combinations joined by `-`, e.g. `amoxicillin-clavulanate`). */
  generic: string;
  /** Class ids from `drugs.json` (`penicillins`, `opioids`, `serotonergic`, ...). */
  classes: readonly string[];
  /** Brand names as the knowledge base spells them. */
  brands: readonly string[];
}

/** A run of letters and digits in the text, with its lower-case form. */
export interface WordToken {
  start: number;
  end: number;
  norm: string;
}

/** A drug name found in the text. */
export interface DrugMention {
  start: number;
  end: number;
  info: DrugInfo;
  /** The name as written is also a common word or lab name (`potassium`, `NS`, `vitamin D`). */
  ambiguous: boolean;
}

/** A canonical allergen: a drug generic, a drug class id, or a non-drug allergen id. */
export interface AllergenMatch {
  canonical: string;
  kind: 'drug' | 'class' | 'other';
  start: number;
  end: number;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits of any script; an ASCII fast path keeps tokenising a large note cheap. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogate pairs (letters outside the BMP) are read as one character.
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i] ?? '';
  return NON_ASCII_WORD_CHAR.test(ch);
}

/** Splits `text[start, end)` into word tokens (runs of letters and digits). */
export function wordTokens(text: string, start = 0, end = text.length): WordToken[] {
  const out: WordToken[] = [];
  // Lower-case the range once, not word by word, unless lower-casing changes its length (`İ`).
  const region = text.slice(start, end);
  const lower = region.toLowerCase();
  const aligned = lower.length === region.length;
  let i = start;
  while (i < end) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const s = i;
    while (i < end && isWordChar(text, i)) i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
    const e = Math.min(i, end);
    out.push({ start: s, end: e, norm: aligned ? lower.slice(s - start, e - start) : text.slice(s, e).toLowerCase() });
  }
  return out;
}

/** The lookup key of a name: its word tokens, lower case, joined by single spaces. */
function keyOf(name: string): string {
  return wordTokens(name).map((t) => t.norm).join(' ');
}

/**
 * Characters allowed between two words of one multi-word name: a space or two, or one hyphen,
 * slash or apostrophe (`TMP-SMX`, `Ringer's`), or a dot with no space (`Vit.D`). A dot followed by
 * a space ends a sentence, so `aspirin. Dipyridamole` is not `aspirin-dipyridamole`.
 */
const JOINER = /^(?:[ \t]{1,2}|[ \t]?[-/–'’][ \t]?|\.)$/;

/** A table of multi-word phrases indexed by their first word, for longest-match scanning. */
class PhraseTable<T> {
  private readonly byKey = new Map<string, T>();
  private readonly maxWords = new Map<string, number>();

  add(name: string, value: T): void {
    const key = keyOf(name);
    if (key.length === 0 || this.byKey.has(key)) return;
    this.byKey.set(key, value);
    const words = key.split(' ');
    const first = words[0] ?? '';
    this.maxWords.set(first, Math.max(this.maxWords.get(first) ?? 0, words.length));
  }

  get(name: string): T | undefined {
    return this.byKey.get(keyOf(name));
  }

  /** The longest phrase starting at token `i`: how many tokens it spans and its value. */
  matchAt(text: string, tokens: readonly WordToken[], i: number): { words: number; value: T } | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const max = this.maxWords.get(first.norm);
    if (max === undefined) return undefined;
    let key = first.norm;
    let best: { words: number; value: T } | undefined;
    const hit = this.byKey.get(key);
    if (hit !== undefined) best = { words: 1, value: hit };
    for (let n = 2; n <= max; n++) {
      const prev = tokens[i + n - 2];
      const next = tokens[i + n - 1];
      if (!prev || !next || !JOINER.test(text.slice(prev.end, next.start))) break;
      key += ' ' + next.norm;
      const v = this.byKey.get(key);
      if (v !== undefined) best = { words: n, value: v };
    }
    return best;
  }
}

interface DrugName {
  info: DrugInfo;
  ambiguous: boolean;
}

interface Lexicon {
  drugs: PhraseTable<DrugName>;
  classes: PhraseTable<string>;
  allergens: PhraseTable<string>;
  classIds: ReadonlySet<string>;
}

let lexicon: Lexicon | undefined;

function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const drugs = new PhraseTable<DrugName>();
  for (const d of drugData.drugs) {
    const info: DrugInfo = Object.freeze({
      generic: d.generic.toLowerCase(),
      classes: Object.freeze([...d.classes]),
      brands: Object.freeze([...d.brands]),
    });
    const ambiguous = new Set((('ambiguous' in d ? d.ambiguous : undefined) ?? []).map(keyOf));
    for (const name of [d.generic, ...d.brands, ...d.synonyms]) {
      drugs.add(name, { info, ambiguous: ambiguous.has(keyOf(name)) });
    }
  }
  const classes = new PhraseTable<string>();
  for (const [id, names] of Object.entries(drugData.classNames)) {
    for (const name of names) classes.add(name, id);
  }
  const allergens = new PhraseTable<string>();
  for (const [id, names] of Object.entries(drugData.otherAllergens)) {
    for (const name of names) allergens.add(name, id);
  }
  lexicon = { drugs, classes, allergens, classIds: new Set(Object.keys(drugData.classes)) };
  return lexicon;
}

/**
 * The drug a brand or generic name (or a known abbreviation such as `MSO4`, `ASA`, `KCl`) names,
 * case-insensitive; undefined when the name is not in the knowledge base.
 */
export function lookupDrug(name: string): DrugInfo | undefined {
  return getLexicon().drugs.get(name)?.info;
}

/** The drug class id a class name denotes (`PCN` → `penicillins`, `sulfa drugs` → `sulfonamide-antibiotics`). */
export function lookupDrugClass(name: string): string | undefined {
  const lex = getLexicon();
  const hit = lex.classes.get(name);
  if (hit) return hit;
  const key = keyOf(name).replace(/ /g, '-');
  return lex.classIds.has(key) ? key : undefined;
}

/**
 * Drug names in `text[start, end)`, left to right, longest match first, not overlapping. A name
 * must be whole words: `aspirin81` is not `aspirin`.
 */
export function findDrugNames(text: string, start = 0, end = text.length, tokens?: readonly WordToken[]): DrugMention[] {
  const lex = getLexicon();
  const toks = tokens ?? wordTokens(text, start, end);
  const out: DrugMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const hit = lex.drugs.matchAt(text, toks, i);
    if (!hit) continue;
    const first = toks[i]!;
    const last = toks[i + hit.words - 1]!;
    out.push({ start: first.start, end: last.end, info: hit.value.info, ambiguous: hit.value.ambiguous });
    i += hit.words - 1;
  }
  return out;
}

/**
 * The first allergen named in `text[start, end)`: a drug class name (preferred when a name is both,
 * so `penicillin` → `penicillins`), a drug (→ its generic) or a non-drug allergen (`latex`, `peanut`).
 */
export function findAllergen(text: string, start: number, end: number): AllergenMatch | undefined {
  const lex = getLexicon();
  const toks = wordTokens(text, start, end);
  for (let i = 0; i < toks.length; i++) {
    const cls = lex.classes.matchAt(text, toks, i);
    const drug = lex.drugs.matchAt(text, toks, i);
    const other = lex.allergens.matchAt(text, toks, i);
    const words = Math.max(cls?.words ?? 0, drug?.words ?? 0, other?.words ?? 0);
    if (words === 0) continue;
    const s = toks[i]!.start;
    const e = toks[i + words - 1]!.end;
    if (cls && cls.words === words) return { canonical: cls.value, kind: 'class', start: s, end: e };
    if (drug && drug.words === words) return { canonical: drug.value.info.generic, kind: 'drug', start: s, end: e };
    if (other) return { canonical: other.value, kind: 'other', start: s, end: e };
  }
  return undefined;
}

/** Knowledge-base vocabularies the medication and allergy parsers share. */
export const drugVocabulary = {
  get doseUnits(): Readonly<Record<string, readonly string[]>> {
    return drugData.doseUnits;
  },
  get doseForms(): Readonly<Record<string, readonly string[]>> {
    return drugData.doseForms;
  },
  get reactions(): { severe: readonly string[]; other: readonly string[] } {
    return drugData.reactions;
  },
  get severityWords(): { severe: readonly string[]; moderate: readonly string[]; mild: readonly string[] } {
    return drugData.severityWords;
  },
};
