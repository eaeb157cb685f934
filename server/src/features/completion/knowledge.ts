/**
 * Typed views of the knowledge files completion reads: approved sig wording, common strengths,
 * safe abbreviations, section order per note type and note templates. Indexes are built on first
 * use, not on import.
 */
import strengthData from '../../knowledge/commonStrengths.json';
import abbreviationData from '../../knowledge/safeAbbreviations.json';
import orderData from '../../knowledge/sectionOrder.json';
import sigData from '../../knowledge/sigWording.json';
import templateData from '../../knowledge/noteTemplates.json';
import type { NoteType, SectionKind } from '../../note/types';

/** A route as completion writes it (`subcut`, never `SC`). */
export interface RouteWording {
  /** Canonical route the parser reads back (`SC`). */
  value: string;
  text: string;
  detail: string;
  /** What a clinician may type to find it (filter text only). */
  abbreviations: readonly string[];
}

/** A frequency as completion writes it (`daily`, never `QD`). */
export interface FrequencyWording {
  text: string;
  dosesPerDay: number;
  prn?: boolean;
  /** Offered for drugs without an entry in `commonStrengths.json`. */
  common?: boolean;
  detail?: string;
  abbreviations: readonly string[];
}

/** One product of a drug: strengths of one dose by one route, with its usual frequencies. */
export interface Product {
  route: string;
  unit: string;
  strengths: readonly number[];
  frequencies: readonly string[];
  form?: string;
}

/** A heading completion offers for a note type, in conventional order. */
export interface HeadingEntry {
  kind: SectionKind;
  title: string;
  /** `title`: present only when a heading with this title is (the kind is shared). */
  match?: 'title';
}

export interface NoteTemplate {
  id: string;
  label: string;
  triggers: readonly string[];
  noteType: NoteType;
  description: string;
  /** Snippet lines. */
  body: readonly string[];
}

export const ROUTES: readonly RouteWording[] = sigData.routes;
export const FREQUENCIES: readonly FrequencyWording[] = sigData.frequencies;
export const DOSE_UNITS: readonly string[] = sigData.units;
export const STRENGTHS_SOURCE = 'FDA-approved product strengths (Drugs@FDA, DailyMed), cross-checked with the BNF';
export const ABBREVIATIONS_SOURCE = "Stedman's Medical Abbreviations (5th ed.) and the NLM SPECIALIST Lexicon";
export const TEMPLATES: readonly NoteTemplate[] = templateData.templates as readonly NoteTemplate[];

const PRODUCTS = strengthData.drugs as Readonly<Record<string, readonly Product[]>>;
const ABBREVIATIONS = abbreviationData.items as Readonly<Record<string, readonly string[]>>;
const ORDER = orderData.noteTypes as Readonly<Record<string, readonly HeadingEntry[]>>;

let frequencyByText: Map<string, FrequencyWording> | undefined;

/** The products of a generic (lower case), or undefined when it has no common strengths. */
export function productsOf(generic: string): readonly Product[] | undefined {
  return Object.hasOwn(PRODUCTS, generic) ? PRODUCTS[generic] : undefined;
}

/** Generics with common strengths (the commonest drugs, ranked first among names). */
export function hasCommonStrengths(generic: string): boolean {
  return Object.hasOwn(PRODUCTS, generic);
}

/** Every generic with common strengths (tests). */
export function genericsWithStrengths(): string[] {
  return Object.keys(PRODUCTS);
}

/** The approved frequency wording with this text. */
export function frequencyWording(text: string): FrequencyWording | undefined {
  frequencyByText ??= new Map(FREQUENCIES.map((f) => [f.text, f]));
  return frequencyByText.get(text);
}

/** The approved wordings of a route value, the default first (`in both eyes` for OPH). */
export function routeWordings(value: string): RouteWording[] {
  return ROUTES.filter((r) => r.value === value);
}

/** Expansions of a safe abbreviation typed as a whole word (case-insensitive). */
export function expansionsOf(word: string): readonly string[] | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(ABBREVIATIONS, key) ? ABBREVIATIONS[key] : undefined;
}

/** Every safe abbreviation (tests). */
export function allAbbreviations(): Readonly<Record<string, readonly string[]>> {
  return ABBREVIATIONS;
}

/** Headings for a note type in conventional order (the default list for an unknown type). */
export function headingOrder(noteType: NoteType): readonly HeadingEntry[] {
  return (Object.hasOwn(ORDER, noteType) ? ORDER[noteType] : undefined) ?? ORDER.default ?? [];
}
