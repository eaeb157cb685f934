/**
 * The patient context as the safety rules see it (`RecordContext`): allergies with the canonical
 * allergen the note's allergy parser would give them, active medications with the generic, the
 * ingredients and the classes the note's medication parser would give them. Items the drug lexicon
 * does not know are left out (the rules could not judge them); the summary still shows them. Pure.
 */
import type { RecordAllergy, RecordContext, RecordMedication } from '../clinical/analyze';
import routeData from '../knowledge/routes.json';
import { drugVocabulary, findAllergen, findDrugNames, lookupDrug } from '../note/drugLexicon';
import type { Span } from '../note/types';
import type { ContextAllergy, ContextMedication, PatientContext } from './types';

/** How rule messages name the record. */
export const RECORD_LABEL = 'FHIR record';

/** The rules' view of `context`; `anchor` is the note's link line. */
export function recordContext(context: PatientContext, anchor?: Span): RecordContext {
  return {
    label: RECORD_LABEL,
    ...(anchor ? { anchor } : {}),
    allergies: context.allergies.map(recordAllergy).filter((a) => a !== undefined),
    medications: context.medications.map(recordMedication).filter((m) => m !== undefined),
  };
}

export function recordAllergy(a: ContextAllergy): RecordAllergy | undefined {
  // Food and environmental allergies have no drug to conflict with.
  if (a.categories.length > 0 && !a.categories.includes('medication') && !a.categories.includes('biologic')) return undefined;
  const text = a.concept.text;
  const match = findAllergen(text, 0, text.length);
  if (!match || match.kind === 'other') return undefined;
  const manifestations = a.reactions.flatMap((r) => r.manifestations);
  const reaction = manifestations.length > 0 ? [...new Set(manifestations.map((m) => m.toLowerCase()))].join(', ') : undefined;
  const severity = severityOf(a, reaction);
  return {
    // `Allergy to penicillin` → `penicillin`: the allergen as the messages name it.
    substance: text.slice(match.start, match.end),
    canonical: match.canonical,
    ...(reaction ? { reaction } : {}),
    ...(severity ? { severity } : {}),
    intolerance: a.type === 'intolerance',
    source: a.ref,
  };
}

/** The worst reaction severity recorded; anaphylaxis and the like count as severe whatever the record says. */
function severityOf(a: ContextAllergy, reaction: string | undefined): RecordAllergy['severity'] {
  const recorded = a.reactions.map((r) => r.severity).filter((s): s is 'mild' | 'moderate' | 'severe' => s === 'mild' || s === 'moderate' || s === 'severe');
  if (recorded.includes('severe')) return 'severe';
  if (reaction && drugVocabulary.reactions.severe.some((w) => new RegExp(`\\b${escape(w)}\\b`, 'i').test(reaction))) return 'severe';
  if (recorded.includes('moderate')) return 'moderate';
  return recorded.includes('mild') ? 'mild' : undefined;
}

export function recordMedication(m: ContextMedication): RecordMedication | undefined {
  const text = m.concept.text;
  // `Potassium Chloride 20 MEQ` names a drug; `potassium` alone beside another drug is an ingredient word.
  const mentions = findDrugNames(text);
  const generics = [...new Set(mentions.filter((d) => !d.ambiguous || mentions.length === 1).map((d) => d.info.generic))];
  if (generics.length === 0) return undefined;
  // `Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet`: the lexicon's combination when it has one.
  const combination = generics.length > 1 ? combinationOf(generics) : undefined;
  const generic = combination ?? generics[0]!;
  const ingredients = [...new Set((combination ? [combination] : generics).flatMap((g) => g.split('-')))];
  const classes = [...new Set((combination ? [combination] : generics).flatMap((g) => lookupDrug(g)?.classes ?? []))];
  const route = routeOf(m.route, text);
  return { name: text, generic, ingredients, classes, ...(route ? { route } : {}), source: m.ref };
}

function combinationOf(generics: readonly string[]): string | undefined {
  const sorted = [...generics].sort();
  for (const candidate of [generics.join('-'), sorted.join('-'), [...sorted].reverse().join('-')]) {
    const hit = lookupDrug(candidate);
    if (hit) return hit.generic;
  }
  return undefined;
}

const ROUTES = routeData.routes.flatMap((r) => r.phrases.map((p) => [p.toLowerCase(), r.value] as const));
const ROUTE_BY_PHRASE = new Map(ROUTES);
/** Dose-form words of RxNorm names that imply a route. */
const FORM_ROUTES: [RegExp, string][] = [
  [/\boral\b/i, 'PO'],
  [/\btransdermal\b/i, 'TD'],
  [/\btopical\b/i, 'TOP'],
  [/\binhal/i, 'INH'],
  [/\bsublingual\b/i, 'SL'],
  [/\brectal\b/i, 'PR'],
];

/** The canonical route (PO, IV, …) from the dosage's route text, else from the dose form in the name. */
function routeOf(routeText: string | undefined, name: string): string | undefined {
  if (routeText) {
    const key = routeText.toLowerCase().replace(/\s+(?:route|use)$/, '').trim();
    const hit = ROUTE_BY_PHRASE.get(key);
    if (hit) return hit;
  }
  return FORM_ROUTES.find(([re]) => re.test(name))?.[1];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
