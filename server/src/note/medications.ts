/**
 * Finds medications in a note. Inside a `Medications` section every list item is a medication
 * (unknown names included); elsewhere (plan, hospital course, HPI, prose) only drugs the lexicon
 * knows are reported, with the dose, route and frequency written after them. Allergy sections are
 * skipped: a drug there is an allergen, not a medication.
 *
 * Pure and linear in the length of the text.
 */
import { parseMedicationListLine } from './medicationsList';
import { scanKnownDrugs } from './medicationsMention';
import { allergiesForMedications } from './allergies';
import { forEachRegionLine } from './medicationsRegions';
import { overlaps } from './text';
import type { Allergy, Medication, Section } from './types';

export { lookupDrug, lookupDrugClass, type DrugInfo } from './drugLexicon';
export { parseFrequency } from './medicationsFrequency';
export { canonicalDoseUnit } from './medicationsDose';

/**
 * All medication mentions in `text`, in text order. `sections` come from `findSections(text)`;
 * with none, the whole note is read as prose.
 */
export function findMedications(text: string, sections: readonly Section[]): Medication[] {
  const out: Medication[] = [];
  if (text.length === 0) return out;
  forEachRegionLine(text, sections, (s, e, kind, firstParagraph) => {
    if (kind === 'medications') parseMedicationListLine(text, s, e, firstParagraph, out);
    else if (kind !== 'allergies') scanKnownDrugs(text, s, e, 'inline', out);
  });
  return withoutAllergens(out, allergiesForMedications(text, sections).items);
}

/** Drops mentions inside an allergy item (`• Codeine Nausea` in an allergy table). */
function withoutAllergens(meds: Medication[], allergies: readonly Allergy[]): Medication[] {
  if (allergies.length === 0) return meds;
  const spans = allergies.map((a) => a.span).sort((a, b) => a.start - b.start);
  let j = 0;
  return meds.filter((m) => {
    while (j < spans.length && spans[j]!.end <= m.nameSpan.start) j++;
    const s = spans[j];
    return !(s && overlaps(s, m.nameSpan));
  });
}
