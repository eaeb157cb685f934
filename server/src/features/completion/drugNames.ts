/**
 * Medication names from the drug lexicon (`knowledge/drugs.json`: generics and brands, never the
 * abbreviations such as `MSO4` that the parser also reads), in medication contexts: a medications
 * section, a plan line, or after `start`, `give`, `continue` and their kin. The commonest drugs
 * (those with common strengths) come first.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import doNotUseData from '../../knowledge/doNotUse.json';
import drugData from '../../knowledge/drugs.json';
import { capitalise, type CursorContext, lineRest, rangeFrom, rank, sectionsAtCursor } from './context';
import { hasCommonStrengths, productsOf, STRENGTHS_SOURCE } from './knowledge';

interface DrugName {
  /** Lower-case search key: the whole name, or the name from one of its later words on. */
  key: string;
  /** The name as inserted. */
  name: string;
  generic: string;
  brand: boolean;
  /** The key is a later word of the name (`glargine` for `insulin glargine`). */
  partial: boolean;
  classes: readonly string[];
}

const CLASS_DISPLAY = drugData.classes as Readonly<Record<string, { display: string }>>;
/** Joint Commission "Do Not Use" forms (`MS`, `MSO4`, `U`): a name containing one (`MS Contin`) is not offered. */
const DO_NOT_USE = new Set(Object.keys(doNotUseData.items).map((k) => k.toLowerCase()));

/** Verbs after which a drug name is expected (`start metop`, `continue home lisinopril`). */
const MEDICATION_VERB =
  /\b(?:start(?:ed|ing)?|give|given|giving|continue[ds]?|continuing|resume[ds]?|restart(?:ed)?|begin|began|initiate[ds]?|add(?:ed)?|prescribe[ds]?|increase[ds]?|decrease[ds]?|reduce[ds]?|titrate[ds]?|switch(?:ed)? to|change[ds]? to|takes|taking|took|hold|held)(?:[ \t]+(?:home|her|his|the|iv|po|oral|low-dose|high-dose))?[ \t]+$/i;
/** The start of a list item: a drug name is the first thing written there. */
const LIST_ITEM_START = /^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*$/;
/** The most names one response carries; typing more letters narrows them (the list is incomplete). */
const MAX_ITEMS = 60;

let index: DrugName[] | undefined;

function getIndex(): DrugName[] {
  if (index) return index;
  const out: DrugName[] = [];
  for (const d of drugData.drugs) {
    const generic = d.generic.toLowerCase();
    for (const [name, brand] of [[d.generic, false] as const, ...d.brands.map((b) => [b, true] as const)]) {
      const lower = name.toLowerCase();
      if (lower.split(/[^a-z0-9]+/).some((w) => DO_NOT_USE.has(w))) continue;
      out.push({ key: lower, name, generic, brand, partial: false, classes: d.classes });
      // Later words, so `glarg` finds insulin glargine and `clav` amoxicillin-clavulanate.
      for (const m of lower.matchAll(/[ -]([a-z])/g)) out.push({ key: lower.slice((m.index ?? 0) + 1), name, generic, brand, partial: true, classes: d.classes });
    }
  }
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  index = out;
  return out;
}

/** Names whose key starts with `prefix` (lower case). */
function namesStartingWith(prefix: string): DrugName[] {
  const all = getIndex();
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.key < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: DrugName[] = [];
  for (let i = lo; i < all.length && all[i]!.key.startsWith(prefix); i++) out.push(all[i]!);
  return out;
}

/** The phrase typed before the cursor: up to three words, so `insulin gl` finds insulin glargine. */
const TYPED_PHRASE = /(?:[\p{L}\p{N}][\p{L}\p{N}'-]*[ \t]+){0,2}[\p{L}\p{N}][\p{L}\p{N}'-]*$/u;

/** Drug-name items for the cursor, or none outside a medication context; `group` prefixes sortText. */
export function drugNameItems(ctx: CursorContext, group: string): CompletionItem[] {
  const m = TYPED_PHRASE.exec(ctx.recent);
  if (!m) return [];
  const base = ctx.offset - m[0].length;
  const words = [...m[0].matchAll(/[^ \t]+/g)].map((w) => ({ start: base + (w.index ?? 0), text: w[0] }));
  // The longest typed phrase that begins a name wins: `insulin gl` over `gl`.
  for (let n = words.length; n >= 1; n--) {
    const first = words[words.length - n]!;
    const phrase = words.slice(words.length - n).map((w) => w.text).join(' ');
    const hits = namesStartingWith(phrase.toLowerCase()).filter((h) => n === 1 || !h.partial);
    if (hits.length === 0) continue;
    const min = minimumTyped(ctx, first.start - ctx.lineStart);
    if (min === undefined || phrase.length < min) return [];
    return toItems(ctx, hits, first.start, phrase, group);
  }
  return [];
}

/**
 * Letters to type before names are offered: one at the start of a medication-list item or after a
 * medication verb, three elsewhere in a medication list or plan (so prose does not pop up a list);
 * undefined outside a medication context.
 */
function minimumTyped(ctx: CursorContext, wordStartInLine: number): number | undefined {
  const before = ctx.linePrefix.slice(Math.max(0, wordStartInLine - 256), wordStartInLine);
  if (MEDICATION_VERB.test(before)) return 1;
  const kinds = new Set(sectionsAtCursor(ctx).map((s) => s.kind));
  if (kinds.has('medications')) return LIST_ITEM_START.test(before) || /:[ \t]*$/.test(before) ? 1 : 3;
  if (kinds.has('plan') || kinds.has('assessment-and-plan')) return 3;
  return undefined;
}

function toItems(ctx: CursorContext, hits: DrugName[], start: number, typed: string, group: string): CompletionItem[] {
  const range = rangeFrom(ctx, start);
  const seen = new Set<string>();
  const unique = hits.filter((h) => (seen.has(h.name) ? false : (seen.add(h.name), true)));
  const tier = (h: DrugName): number => (h.brand ? 2 : hasCommonStrengths(h.generic) ? 0 : 1);
  unique.sort((a, b) => tier(a) - tier(b) || a.name.localeCompare(b.name));
  const atLineEnd = !/\S/.test(lineRest(ctx));
  const capital = /^[A-Z]/.test(typed);
  return unique.slice(0, MAX_ITEMS).map((h, i) => {
    const name = !h.brand && capital ? capitalise(h.name) : h.name;
    const follow = atLineEnd && (productsOf(h.generic)?.some((p) => p.strengths.length > 0) ?? false);
    const classes = h.classes.map((c) => CLASS_DISPLAY[c]?.display).filter((c): c is string => c !== undefined);
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Value,
      detail: h.brand ? `${h.generic} (brand)` : classes[0] ?? 'medication',
      documentation: { kind: MarkupKind.Markdown, value: drugMarkdown(h, classes) },
      filterText: h.partial ? h.key : name,
      sortText: rank(group, tier(h) * 1000 + i),
      // A space, then the strengths pop up (VS Code re-triggers suggestions after the insert).
      textEdit: { range, newText: follow ? `${name} ` : name },
    };
    if (h.brand) item.labelDetails = { description: h.generic };
    if (follow) item.command = { title: 'Suggest strengths', command: 'editor.action.triggerSuggest' };
    return item;
  });
}

function drugMarkdown(h: DrugName, classes: readonly string[]): string {
  const lines = [h.brand ? `**${h.name}** (${h.generic})` : `**${h.name}**`];
  if (classes.length > 0) lines.push(`Class: ${classes.join('; ')} (WHO ATC)`);
  const products = productsOf(h.generic);
  if (products) {
    const strengths = products
      .filter((p) => p.strengths.length > 0)
      .map((p) => `${p.strengths.map((s) => `${s} ${p.unit}`).join(', ')} ${p.route}${p.form ? ` (${p.form})` : ''}`);
    if (strengths.length > 0) lines.push(`Common strengths: ${strengths.join('; ')}`, `_Source: ${STRENGTHS_SOURCE}._`);
  }
  return lines.join('\n\n');
}
