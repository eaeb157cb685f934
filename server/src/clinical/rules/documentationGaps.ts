/**
 * Documentation gaps (advisory), three rules with their own codes so each can be switched off on
 * its own (`disabledRules`): a progress note or H&P with no assessment or plan
 * (`missing-assessment-plan`), an H&P, discharge summary or ED note with no allergy status
 * (`allergies-not-documented`), and an active medication-list entry without a dose or frequency
 * (`medication-incomplete`).
 *
 * `medication-incomplete` leaves alone what is complete by convention: PRN entries without a
 * schedule, entries that point elsewhere for the sig (`as directed`, `per sliding scale`,
 * `per protocol`, `taper`), topical and eye/ear preparations without a strength, vitamins and
 * ocular lubricants, and stopped or held medications.
 */
import type { Finding, Reference, Rule } from '../findings';
import type { Medication, NoteType, Span } from '../../note/types';
import { lookupDrug } from '../../note/drugLexicon';

const CMS_DOCUMENTATION: Reference = {
  title: 'CMS 1997 Documentation Guidelines for Evaluation and Management Services (each encounter documents an assessment and a plan for care)',
  url: 'https://www.cms.gov/outreach-and-education/medicare-learning-network-mln/mlnedwebguide/downloads/97docguidelines.pdf',
};
const JC_MEDICATION_INFO: Reference = {
  title: 'The Joint Commission National Patient Safety Goals: NPSG.03.06.01, accurate medication information (name, dose, route, frequency) and allergies for reconciliation',
  url: 'https://www.jointcommission.org/resources/news-and-multimedia/fact-sheets/facts-about-national-patient-safety-goals/',
};

const NOTE_NAMES: Record<NoteType, string> = {
  'progress-note': 'progress note',
  'history-and-physical': 'H&P',
  'discharge-summary': 'discharge summary',
  'ed-note': 'ED note',
  'clinic-visit': 'clinic note',
  'procedure-note': 'procedure note',
  'nursing-note': 'nursing note',
  unknown: 'note',
};

const AP_KINDS = new Set(['assessment', 'plan', 'assessment-and-plan']);
const AP_NOTES = new Set<NoteType>(['progress-note', 'history-and-physical']);
const ALLERGY_NOTES = new Set<NoteType>(['history-and-physical', 'discharge-summary', 'ed-note']);
const SIG_ELSEWHERE_RE = /\b(?:as directed|as instructed|per (?:sliding )?scale|sliding scale|per protocol|per instructions|per pharmacy|taper(?:ing)?|titrat\w*|see (?:taper|instructions|below|above)|ssi)\b/i;
const NO_STRENGTH_FORM_RE = /\b(?:cream|ointment|oint|gel|lotion|shampoo|wash|paste|spray|drops?|gtts?|eye|ear|inhaler|puffs?|patch|vaccine|suppositor\w*|enema|solution|soln|mouthwash|powder)\b/i;
const NO_STRENGTH_ROUTES = new Set(['TOP', 'TD', 'OPH', 'OTIC', 'NASAL', 'INH', 'NEB', 'PV']);
const NO_STRENGTH_CLASSES = new Set(['vitamins', 'ocular-lubricants']);

export const missingAssessmentPlan: Rule = {
  id: 'missing-assessment-plan',
  description: 'A progress note or H&P with no assessment or plan section.',
  run({ text, note }): Finding[] {
    if (note.inputProblem || !AP_NOTES.has(note.noteType)) return [];
    if (note.sections.some((s) => AP_KINDS.has(s.kind))) return [];
    const name = NOTE_NAMES[note.noteType];
    return [{
      code: 'missing-assessment-plan',
      severity: 'advisory',
      message: `This ${name} has no Assessment or Plan section: document the assessment (clinical impression or diagnosis) and the plan of care under an "Assessment and Plan" heading.`,
      span: titleSpan(text),
      reference: CMS_DOCUMENTATION,
    }];
  },
};

export const allergiesNotDocumented: Rule = {
  id: 'allergies-not-documented',
  description: 'An H&P, discharge summary or ED note with no allergy status (no allergies, no NKDA).',
  run({ text, note }): Finding[] {
    if (note.inputProblem || !ALLERGY_NOTES.has(note.noteType) || note.allergies.status !== 'not-documented') return [];
    const meds = note.sections.find((s) => s.kind === 'medications');
    return [{
      code: 'allergies-not-documented',
      severity: 'advisory',
      message: `No allergy status in this ${NOTE_NAMES[note.noteType]}: add an "Allergies:" line listing each allergy with its reaction, or "NKDA" if there are none, before medications are ordered.`,
      span: meds ? meds.headingSpan : titleSpan(text),
      reference: JC_MEDICATION_INFO,
    }];
  },
};

export const medicationIncomplete: Rule = {
  id: 'medication-incomplete',
  description: 'An active medication-list entry without a dose or a frequency.',
  run({ text, note }): Finding[] {
    if (note.inputProblem) return [];
    const out: Finding[] = [];
    for (const m of note.medications) {
      const missing = missingParts(text, m);
      if (missing.length === 0) continue;
      out.push({
        code: 'medication-incomplete',
        severity: 'advisory',
        message: `${m.name}: no ${missing.join(' or ')} documented. Medication lists need the dose, route and frequency of each medication for safe reconciliation.`,
        span: m.span,
        reference: JC_MEDICATION_INFO,
      });
    }
    return out;
  },
};

function missingParts(text: string, m: Medication): string[] {
  if (m.context !== 'medication-list' || m.status !== 'active') return [];
  const written = text.slice(m.span.start, m.span.end);
  if (SIG_ELSEWHERE_RE.test(written)) return [];
  const missing: string[] = [];
  if (!m.strength && !m.quantity && needsStrength(m, written)) missing.push('dose');
  if (!m.frequency && !m.prn) missing.push('frequency');
  return missing;
}

function needsStrength(m: Medication, written: string): boolean {
  if (m.route && NO_STRENGTH_ROUTES.has(m.route.value)) return false;
  if (NO_STRENGTH_FORM_RE.test(written)) return false;
  const classes = m.generic ? lookupDrug(m.generic)?.classes ?? [] : [];
  return !classes.some((c) => NO_STRENGTH_CLASSES.has(c));
}

/** The note's first non-blank line, where a note-level finding is shown. */
function titleSpan(text: string): Span {
  const start = text.search(/\S/);
  if (start < 0) return { start: 0, end: 0 };
  const nl = text.slice(start).search(/[\r\n]/);
  const end = nl < 0 ? text.length : start + nl;
  return { start, end: text.slice(start, end).trimEnd().length + start };
}
