/**
 * Finds documented allergies: `Allergies: NKDA`, a list under an Allergies heading
 * (`Penicillin (hives)`, `PCN - rash`, `Sulfa: anaphylaxis`), and prose (`allergic to amoxicillin`,
 * `allergy to shellfish`, `PCN allergy`). Substances are mapped to a drug class id (`PCN` →
 * `penicillins`, `sulfa` → `sulfonamide-antibiotics`), a generic drug name, or a non-drug allergen.
 *
 * Pure and linear in the length of the text.
 */
import { drugVocabulary, findAllergen, wordTokens } from './drugLexicon';
import { forEachRegionLine } from './medicationsRegions';
import type { Allergy, AllergyList, Section, Span } from './types';

/** `NKDA`, `NKA`, `No known drug allergies`, `no allergies`, `denies any allergies`. */
const NKDA =
  /(?<![\p{L}\p{N}])(?:nkda|nka|nkma|no[ \t]+known[ \t]+(?:drug[ \t]+|medication[ \t]+|medicine[ \t]+)?allerg(?:ies|y)|no[ \t]+(?:drug[ \t]+|medication[ \t]+)?allerg(?:ies|y)|denies[ \t]+(?:any[ \t]+)?(?:known[ \t]+)?(?:drug[ \t]+|medication[ \t]+)?allerg(?:ies|y))(?![\p{L}\p{N}])/giu;
/** `no allergy to penicillin` is about one drug, not a statement of no known allergies. */
const TO_SPECIFIC = /^[ \t]+to[ \t]+(?!(?:any[ \t]+)?(?:medications?|drugs|meds|medicines)(?![\p{L}]))/iu;
/** A whole list item that says there are none. */
const NONE_ITEM = /^(?:none|nil|no|none known|none reported)$|^(?:nkda|nka|nkma|no[ \t]+known[ \t]+(?:drug[ \t]+|medication[ \t]+)?allerg)/i;
/** `Allergies:` / `Allergy -` written as a label in prose (when the section parser made no section of it). */
const LABEL = /(?<=^[ \t]*(?:[-•*][ \t]*)?|[.;][ \t]+|[ \t]{2})(?:drug[ \t]+)?allerg(?:y|ies)(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*(?::|[ \t]-|–)[ \t]*/giu;
/** `allergic to`, `allergy to`, `anaphylaxis to`, `hypersensitivity to`. */
const ALLERGIC_TO = /(?<![\p{L}\p{N}])(?:allergic|allergy|allergies|hypersensitivity|hypersensitive|anaphylaxis|anaphylactic[ \t]+reaction)[ \t]+(?:reaction[ \t]+)?(?:to|with)[ \t]+/giu;
/** Epic's allergy table flattened into one line: `Allergies   Allergen Reactions   • Codeine Nausea   • ...`. */
const EPIC_TABLE = /allergies[ \t]+allergen[ \t]+reactions(?![\p{L}])/giu;
const MAX_TABLE_ITEMS = 40;
/** A comment between two rows is short and holds no heading; a longer gap ends the table. */
const MAX_TABLE_GAP = 240;
const TABLE_END = /medications?|prescriptions|history|current|(?<![\p{L}])sig(?![\p{L}])|:/iu;
/** `PCN allergy`, `latex allergies`: the allergen is the words before. */
const ALLERGY_WORD = /(?<![\p{L}\p{N}])allerg(?:y|ies)(?![\p{L}\p{N}])/giu;
const NEGATED_BEFORE = /(?:^|[^\p{L}])(?:no|nil|not|never|denies|denied|without|negative[ \t]+for)(?:[ \t]+known)?[ \t]*$/iu;
const NEGATED_ITEM = /^(?:no|nil|not|denies|never)(?![\p{L}])/iu;
/** Separators between a substance and its reaction: `PCN - rash`, `Sulfa: anaphylaxis`, `codeine → nausea`. */
const REACTION_SEPARATOR = /[ \t]+[-–—][ \t]*|[ \t]*[–—][ \t]+|[ \t]*(?::|→|->|=>?)[ \t]*|[ \t]+(?:causes|caused|causing|gives|gave|with|resulting[ \t]+in|leads[ \t]+to|led[ \t]+to)[ \t]+/iu;
/** Words that end a substance in prose: `allergic to peanuts and has asthma`. */
const SUBSTANCE_STOP = new Set(['is', 'was', 'has', 'have', 'had', 'which', 'that', 'who', 'since', 'but', 'as', 'when', 'in', 'during', 'after', 'before', 'so', 'per', 'since', 'from', 'at', 'for', 'he', 'she', 'they', 'the', 'also', 'causing', 'causes', 'gives', 'with']);
const STOP_FIRST = new Set(['clarification', 'reviewed', 'see', 'unknown', 'unable', 'not', 'refer', 'per', 'as', 'allergies', 'allergy', 'none', 'nil', 'n/a', 'na', 'medication', 'reaction', 'reactions', 'substance']);
const MAX_SUBSTANCE_WORDS = 5;
const MAX_CLAUSE = 300;

interface Vocab {
  reactions: Set<string>;
  severeReactions: Set<string>;
  severity: { word: RegExp; value: NonNullable<Allergy['severity']> }[];
}
let vocab: Vocab | undefined;

function norm(s: string): string {
  return wordTokens(s).map((t) => t.norm).join(' ');
}

function getVocab(): Vocab {
  if (vocab) return vocab;
  const v = drugVocabulary;
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '[ \\t-]+');
  vocab = {
    reactions: new Set([...v.reactions.severe, ...v.reactions.other].map(norm)),
    severeReactions: new Set(v.reactions.severe.map(norm)),
    severity: (['severe', 'moderate', 'mild'] as const).map((value) => ({
      value,
      word: new RegExp(`(?<![\\p{L}])(?:${v.severityWords[value].map(escape).join('|')})(?![\\p{L}])`, 'iu'),
    })),
  };
  return vocab;
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s.,;:\-–•*]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s.,;:]/.test(text[e - 1] ?? '')) e--;
  // `(ALLERGY TO MS04)`: a closing parenthesis with no opening one in the span is not part of it.
  if (text[e - 1] === ')' && !text.slice(s, e).includes('(')) return trimSpan(text, s, e - 1);
  return { start: s, end: e };
}

/** Severity from explicit words (`severe`, `mild`) or a severe reaction (`anaphylaxis`, `SJS`). */
function severityOf(itemText: string, reaction: string | undefined): Allergy['severity'] {
  const v = getVocab();
  for (const s of v.severity) if (s.word.test(itemText)) return s.value;
  if (reaction) {
    const toks = wordTokens(reaction).map((t) => t.norm);
    for (let i = 0; i < toks.length; i++) {
      for (let n = Math.min(4, toks.length - i); n >= 1; n--) {
        if (v.severeReactions.has(toks.slice(i, i + n).join(' '))) return 'severe';
      }
    }
  }
  if (/anaphyla/i.test(itemText)) return 'severe';
  return undefined;
}

function skipToWord(text: string, pos: number): number {
  let p = pos;
  while (/[ \t]/.test(text[p] ?? '')) p++;
  return p;
}

/** Where a trailing run of reaction words starts (`Penicillin hives` → at `hives`), or -1. */
function trailingReactionStart(text: string, start: number, end: number): number {
  const toks = wordTokens(text, start, end);
  const v = getVocab();
  for (let k = 1; k < toks.length; k++) {
    const phrase = toks.slice(k).map((t) => t.norm).join(' ');
    if (v.reactions.has(phrase)) return toks[k]!.start;
  }
  return -1;
}

function makeAllergy(text: string, sub: Span, reaction: Span | undefined, itemSpan: Span): Allergy | undefined {
  const substance = text.slice(sub.start, sub.end);
  const first = substance.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/\p{L}/u.test(substance) || STOP_FIRST.has(first) || substance.split(/\s+/).length > MAX_SUBSTANCE_WORDS) return undefined;
  const allergy: Allergy = { span: itemSpan, substance, substanceSpan: sub };
  const canonical = findAllergen(text, sub.start, sub.end);
  if (canonical) allergy.canonical = canonical.canonical;
  const reactionText = reaction ? text.slice(reaction.start, reaction.end) : undefined;
  if (reaction && reactionText) allergy.reaction = { text: reactionText, span: reaction };
  const severity = severityOf(text.slice(itemSpan.start, itemSpan.end), reactionText);
  if (severity) allergy.severity = severity;
  return allergy;
}

/**
 * One list item: `Penicillin (hives)`, `PCN - rash`, `Sulfa: anaphylaxis`, `penicillin and sulfa`.
 * Returns the allergies; `nkda` when the item says there are none.
 */
function parseItem(text: string, start: number, end: number): Allergy[] | 'nkda' | undefined {
  const item = trimSpan(text, start, end);
  if (item.end <= item.start) return undefined;
  const itemText = text.slice(item.start, item.end);
  if (NONE_ITEM.test(itemText.trim())) return 'nkda';
  if (NEGATED_ITEM.test(itemText)) return undefined;
  let subEnd = item.end;
  let reaction: Span | undefined;
  const paren = itemText.indexOf('(');
  const sep = REACTION_SEPARATOR.exec(itemText);
  // Epic style `Celebrex [Celecoxib] Nausea`: the bracket names the ingredient; the reaction follows.
  const bracket = /^([^[\]()]+?)[ \t]*\[[^\]]*\][ \t]*/.exec(itemText);
  if (bracket?.[1] !== undefined) {
    subEnd = item.start + bracket[1].length;
    reaction = trimSpan(text, item.start + bracket[0].length, item.end);
  } else if (paren > 0 && (!sep || paren <= sep.index)) {
    const close = itemText.indexOf(')', paren);
    subEnd = item.start + paren;
    reaction = trimSpan(text, item.start + paren + 1, close > paren ? item.start + close : item.end);
  } else if (sep && sep.index > 0) {
    subEnd = item.start + sep.index;
    reaction = trimSpan(text, item.start + sep.index + sep[0].length, item.end);
  } else {
    // `Penicillin G Fever and Rash`: a known allergen at the start, then the reaction.
    const known = findAllergen(text, item.start, item.end);
    const rest = known && known.start === item.start ? text.slice(known.end, item.end) : '';
    const r = /^[ \t]+(?!(?:and|or|&|drugs?|allerg\w*)(?![\p{L}]))\p{L}/iu.test(rest) ? skipToWord(text, known!.end) : trailingReactionStart(text, item.start, item.end);
    if (r > 0) {
      subEnd = r;
      reaction = { start: r, end: item.end };
    }
  }
  if (reaction && reaction.end <= reaction.start) reaction = undefined;
  const substancePart = trimSpan(text, item.start, subEnd);
  // `Penicillin allergy (hives)`: the word `allergy` is not part of the substance.
  const allergyWord = /[ \t]+allerg(?:y|ies)$/i.exec(text.slice(substancePart.start, substancePart.end));
  if (allergyWord) substancePart.end -= allergyWord[0].length;
  const out: Allergy[] = [];
  const subs = splitSubstances(text, substancePart);
  for (let i = 0; i < subs.length; i++) {
    const last = i === subs.length - 1;
    const s = subs[i]!;
    const a = makeAllergy(text, s, last ? reaction : undefined, last ? { start: s.start, end: Math.max(item.end, s.end) } : s);
    if (a) out.push(a);
  }
  return out;
}

/** `penicillin and sulfa` → two substances. */
function splitSubstances(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[ \t]+(?:and|or|&)(?:[ \t]+|$)/giu;
  const slice = text.slice(span.start, span.end);
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    out.push({ start: span.start + from, end: span.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: span.start + from, end: span.end });
  return out.map((s) => trimSpan(text, s.start, s.end)).filter((s) => s.end > s.start);
}

/** Splits `[start, end)` at top-level `,` `;` and `•`. */
function listPieces(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === ';' || c === '•')) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end });
  return out;
}

interface Found {
  items: Allergy[];
  nkdaSpan?: Span;
}

/** A list of allergies: a line of an Allergies section, or the text after an `Allergies:` label. */
function parseList(text: string, start: number, end: number, found: Found): void {
  const v = getVocab();
  let prev: Allergy | undefined;
  for (const piece of listPieces(text, start, end)) {
    const p = trimSpan(text, piece.start, piece.end);
    if (p.end <= p.start) continue;
    // `PCN - rash, hives`: a piece that is only a reaction continues the previous item's reaction.
    if (prev?.reaction && v.reactions.has(norm(text.slice(p.start, p.end)))) {
      prev.reaction = { text: text.slice(prev.reaction.span.start, p.end), span: { start: prev.reaction.span.start, end: p.end } };
      prev.span = { start: prev.span.start, end: p.end };
      const sev = severityOf(text.slice(prev.span.start, prev.span.end), prev.reaction.text);
      if (sev) prev.severity = sev;
      continue;
    }
    const r = parseItem(text, p.start, p.end);
    if (r === 'nkda') {
      found.nkdaSpan ??= p;
      continue;
    }
    for (const a of r ?? []) found.items.push(a);
    prev = r?.[r.length - 1];
  }
}

/**
 * The end of the sentence or clause from `pos`: `.` + blank, newline, or a run of 3+ blanks; at
 * most `MAX_CLAUSE` characters on, so a run-on line costs no more than a short one.
 */
function sentenceEnd(text: string, pos: number, end: number): number {
  const stop = Math.min(end, pos + MAX_CLAUSE);
  for (let i = pos; i < stop; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return i;
    if (c === '.' && !/\d/.test(text[i + 1] ?? '') && (i + 1 >= end || /\s/.test(text[i + 1] ?? ''))) return i;
    if (c === ' ' && text[i + 1] === ' ' && text[i + 2] === ' ') return i;
  }
  return stop;
}

/** `allergic to peanuts and has asthma`: the substances after `allergic to`, up to the first non-substance word. */
function parseAllergicTo(text: string, start: number, end: number, found: Found): void {
  const toks = wordTokens(text, start, end);
  let stop = end;
  let count = 0;
  for (const t of toks) {
    if (SUBSTANCE_STOP.has(t.norm) || count >= 8) {
      stop = t.start;
      break;
    }
    count++;
  }
  const dangling = /[ \t]+(?:and|or|&)[ \t]*$/i.exec(text.slice(start, stop));
  if (dangling) stop -= dangling[0].length;
  const local: Found = { items: [] };
  parseList(text, start, stop, local);
  // After the first, a substance joined by `and` must be a known allergen (`peanuts and shellfish`).
  local.items.forEach((a, i) => {
    if (i === 0 || a.canonical) found.items.push(a);
  });
}

/**
 * The bullets of a flattened allergy table. An item ends at the next bullet or a run of three blanks
 * (a comment follows); the table ends when the text before the next bullet is more than a comment
 * (long, or a heading such as `Current Outpatient Medications`).
 */
function parseTable(text: string, from: number, end: number, found: Found): void {
  let pos = from;
  for (let n = 0; n < MAX_TABLE_ITEMS; n++) {
    while (pos < end && /\s/.test(text[pos] ?? '')) pos++;
    if (text[pos] !== '•') return;
    const itemStart = pos + 1;
    let i = itemStart;
    const itemLimit = Math.min(end, itemStart + MAX_CLAUSE);
    while (i < itemLimit && text[i] !== '•' && !(text[i] === ' ' && text[i + 1] === ' ' && text[i + 2] === ' ')) i++;
    const r = parseItem(text, itemStart, i);
    if (r === 'nkda') found.nkdaSpan ??= trimSpan(text, itemStart, i);
    else for (const a of r ?? []) found.items.push(a);
    const ahead = text.slice(i, Math.min(end, i + MAX_TABLE_GAP));
    const next = ahead.indexOf('•');
    if (next < 0 || TABLE_END.test(ahead.slice(0, next))) return;
    pos = i + next;
  }
}

function scanProse(text: string, start: number, end: number, found: Found): void {
  const slice = text.slice(start, end);
  let m: RegExpExecArray | null;
  EPIC_TABLE.lastIndex = 0;
  while ((m = EPIC_TABLE.exec(slice)) !== null) parseTable(text, start + m.index + m[0].length, end, found);
  LABEL.lastIndex = 0;
  while ((m = LABEL.exec(slice)) !== null) {
    const from = start + m.index + m[0].length;
    parseList(text, from, sentenceEnd(text, from, end), found);
  }
  ALLERGIC_TO.lastIndex = 0;
  while ((m = ALLERGIC_TO.exec(slice)) !== null) {
    if (NEGATED_BEFORE.test(slice.slice(Math.max(0, m.index - 30), m.index))) continue;
    const from = start + m.index + m[0].length;
    const before = found.items.length;
    parseAllergicTo(text, from, sentenceEnd(text, from, end), found);
    if (/^anaphyla/i.test(m[0])) for (const a of found.items.slice(before)) a.severity = 'severe';
  }
  ALLERGY_WORD.lastIndex = 0;
  while ((m = ALLERGY_WORD.exec(slice)) !== null) {
    const at = start + m.index;
    const wordEnd = at + m[0].length;
    if (/^[ \t]+to(?![\p{L}])/iu.test(text.slice(wordEnd, wordEnd + 4))) continue;
    const words = wordTokens(text, Math.max(start, at - 40), at).slice(-3);
    const lastWord = words[words.length - 1];
    if (!lastWord || !/^[ \t-]{1,2}$/.test(text.slice(lastWord.end, at))) continue;
    for (const w of words) {
      const hit = findAllergen(text, w.start, lastWord.end);
      if (!hit || hit.start !== w.start || hit.end !== lastWord.end) continue;
      if (NEGATED_BEFORE.test(text.slice(Math.max(start, w.start - 30), w.start))) break;
      const reaction = reactionAfter(text, wordEnd, end);
      const a = makeAllergy(text, { start: hit.start, end: hit.end }, reaction, { start: hit.start, end: reaction ? reaction.end : wordEnd });
      if (a) found.items.push(a);
      break;
    }
  }
}

/** `PCN allergy (hives)`, `Sulfa allergy – SJS`: the reaction written right after the word allergy. */
function reactionAfter(text: string, pos: number, end: number): Span | undefined {
  const m = /^[ \t]*(?:\(([^)\n]{1,60})\)|[-–—:][ \t]*)/u.exec(text.slice(pos, Math.min(end, pos + 80)));
  if (!m) return undefined;
  if (m[1] !== undefined) {
    const open = pos + m[0].indexOf('(') + 1;
    return trimSpan(text, open, open + m[1].length);
  }
  const from = pos + m[0].length;
  let stop = sentenceEnd(text, from, end);
  const comma = text.slice(from, stop).search(/[,;(]/);
  if (comma >= 0) stop = from + comma;
  const r = trimSpan(text, from, Math.min(stop, from + 60));
  return r.end > r.start ? r : undefined;
}

function scanNkda(text: string, start: number, end: number, found: Found): void {
  if (found.nkdaSpan) return;
  const slice = text.slice(start, end);
  NKDA.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NKDA.exec(slice)) !== null) {
    if (TO_SPECIFIC.test(slice.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    found.nkdaSpan = { start: start + m.index, end: start + m.index + m[0].length };
    return;
  }
}

/**
 * The allergy list of a note. `sections` come from `findSections(text)`; lines in an Allergies
 * section are list items, and prose elsewhere is searched for `allergic to ...` and labels.
 */
export function findAllergies(text: string, sections: readonly Section[]): AllergyList {
  // `findMedications` reads the allergy list first (to drop allergens from the medications); the
  // result it left is handed out once, so the usual parse of a note does the work only once.
  const left = handoff.get(sections);
  handoff.delete(sections);
  if (left && left.text === text) return left.list;
  return computeAllergies(text, sections);
}

/** Results computed for `findMedications`, keyed by the sections array of the same parse. */
const handoff = new WeakMap<readonly Section[], { text: string; list: AllergyList }>();

/**
 * The allergy list for `findMedications`' own use (read only); the next `findAllergies` call with
 * the same text and sections array returns it instead of parsing again.
 */
export function allergiesForMedications(text: string, sections: readonly Section[]): AllergyList {
  const list = computeAllergies(text, sections);
  handoff.set(sections, { text, list });
  return list;
}

function computeAllergies(text: string, sections: readonly Section[]): AllergyList {
  const found: Found = { items: [] };
  forEachRegionLine(text, sections, (s, e, kind, firstParagraph) => {
    scanNkda(text, s, e, found);
    // Only the first paragraph of an Allergies section is its list: later paragraphs are usually
    // under a heading the section parser did not recognise (`Imms`, `O/E`).
    if (kind === 'allergies' && firstParagraph) parseList(text, s, e, found);
    else if (/allerg|anaphyla|hypersensitiv/i.test(text.slice(s, e))) scanProse(text, s, e, found);
  });
  const seen = new Set<number>();
  const items = found.items
    .filter((a) => (seen.has(a.substanceSpan.start) ? false : (seen.add(a.substanceSpan.start), true)))
    .sort((a, b) => a.span.start - b.span.start);
  const list: AllergyList = { status: items.length > 0 ? 'documented' : found.nkdaSpan ? 'nkda' : 'not-documented', items };
  if (found.nkdaSpan) list.nkdaSpan = found.nkdaSpan;
  return list;
}
