/**
 * Whether a sig completion would write keeps within the dose-range rule (`doseLimits.json`): the
 * candidate sig is parsed as a one-item medication list, with the patient's documented weight and
 * liver disease, and the real `dose-range` rule judges it. Completion offers nothing the rule would
 * flag, at any severity.
 *
 * Pure; results are cached by sig, so a user typing through a list of strengths pays once.
 */
import { doseRange } from '../../clinical/rules/doseRange';
import { patientContext, SPECS } from '../../clinical/rules/doseRangeContext';
import { lookupDrug } from '../../note/drugLexicon';
import { parseNote } from '../../note/parseNote';
import type { ClinicalNote } from '../../note/types';

/** What the note says about the patient that changes a dose limit. */
export interface PatientFacts {
  weightKg?: number;
  liver: boolean;
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, boolean>();

/** The weight and liver history the dose-range rule reads from the note. */
export function patientFacts(note: ClinicalNote): PatientFacts {
  const p = patientContext(note);
  const facts: PatientFacts = { liver: p.liver };
  if (p.weightKg !== undefined) facts.weightKg = p.weightKg;
  return facts;
}

/** True when some dose limit covers the drug (a generic, an ingredient of it, or one of its classes). */
export function hasDoseLimits(generic: string): boolean {
  const classes = lookupDrug(generic)?.classes ?? [];
  const ingredients = generic.split('-');
  return SPECS.some(
    (s) => (s.generics?.includes(generic) ?? false) || (s.ingredient !== undefined && ingredients.includes(s.ingredient)) || (s.classes?.some((c) => classes.includes(c)) ?? false),
  );
}

/**
 * True when `sig` (`metoprolol 25 mg PO twice daily`) raises no `dose-range` finding for this
 * patient. A sig the rule cannot read (no unit) passes: the rule would not judge it either.
 */
export function withinDoseRules(sig: string, patient: PatientFacts): boolean {
  const header = [
    patient.weightKg !== undefined ? `Weight: ${patient.weightKg} kg` : '',
    // The rule only needs to see that liver disease is documented; the note's own wording stays in the note.
    patient.liver ? 'Past Medical History: cirrhosis' : '',
  ].filter((l) => l.length > 0);
  const text = `${[...header, 'Medications:', `- ${sig.replace(/[\r\n]+/g, ' ')}`].join('\n')}\n`;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const ok = doseRange.run({ text, note: parseNote(text) }).length === 0;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, ok);
  return ok;
}
