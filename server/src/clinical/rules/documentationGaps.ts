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
 * ocular lubricants, stopped or held medications, devices (`Mirena IUD`) without a frequency,
 * schedules in words (`on days he exercises`), lists whose heading already says the doses are
 * unconfirmed (`Meds (pt recall only)`), and status remarks that only start with the drug's name
 * (`On apixaban – no bleed`). The hand review in bench/REVIEW.md found each of these.
 */
import type { Finding, Reference, Rule } from '../findings';
import type { Medication, NoteType, Span } from '../../note/types';
import { lookupDrug } from '../../note/drugLexicon';
import { findDoses, hasFrequency } from './medicationContext';
import { lineEndAfter, lineStartBefore, MAX_FINDINGS_PER_RULE, SpanIndex } from './spanIndex';

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
/**
 * An assessment or plan the section parser may not have taken for a heading: `A`/`P` alone on a
 * line (SOAP), `Plan 09:12`, `Impression`, an inline `Assessment & Plan` / `Impression/Diagnosis:`.
 */
const AP_TEXT_RE = /^[ \t#*]*(?:A|P|A\/P|A&P|Imp|Impression|Impressions|Assessment|Plan|Mx|Management|Formulation)[ \t]*(?::|$|\d)|\b(?:assessment|impression)[ \t]*(?:&|and|\/)[ \t]*plan\b|\b(?:assessment|impression|plan|diagnos[ie]s)\b[^\n:]{0,16}:/im;
const PROBLEM_ONE_RE = /(?:^|\s)1[.)][ \t]+\p{L}/u;
const PROBLEM_TWO_RE = /(?:^|\s)2[.)][ \t]+\p{L}/u;
const AP_NOTES = new Set<NoteType>(['progress-note', 'history-and-physical']);
/**
 * The note types that must state allergies, each with the title that confirms it. The note-type
 * guess also uses section heuristics (an `Instructions` section → discharge summary), which label
 * many clinic visits; an allergy-status gap is only worth an alert when the title (first two
 * non-blank lines) says the type.
 */
const ALLERGY_NOTES = new Map<NoteType, RegExp>([
  ['history-and-physical', /^[ \t#*]*(?:(?:admission|admit|inpatient|hospital)[ \t]+)?(?:h[ \t]?&[ \t]?p|h and p|history (?:and|&) physical|admission (?:note|history|assessment)|admit note)\b/im],
  ['discharge-summary', /^[ \t#*]*(?:hospital[ \t]+)?discharge (?:summary|note|letter)\b/im],
  ['ed-note', /^[ \t#*]*(?:ed|er|emergency department|emergency room|a&e)\b[^\n]{0,30}\b(?:note|triage|assessment|provider|record)\b|^[ \t#*]*triage note\b/im],
]);
/** The title: the first two non-blank lines. */
function titleLines(text: string): string {
  return text.slice(0, 2000).split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0).slice(0, 2).join('\n');
}
/** The sig is written elsewhere, unknown to the writer, or the medication is not being taken. */
const SIG_ELSEWHERE_RE = /(?:\b(?:as directed|as instructed|per (?:sliding )?scale|sliding scale|per protocol|per instructions|per pharmacy|per (?:gastro|cardio|neuro|onc|endo|renal|nephro|psych|rheum|derm|resp|haem|hem|specialist|hospital|team|gp|pcp)\w*|taper(?:ing)?|titrat\w*|see (?:taper|instructions|below|above)|ssi|unsure|unknown|unk|to confirm|to clarify|not confirmed|ran out|not using|not taking|stopped|ceased?|expired|completed|finished|uncertain|sparingly|vax|vaccine|booster|immunis\w*|immuniz\w*|currently nil|nil currently|not currently)(?![\p{L}])|\?)/iu;
const STOPPED_TITLE_RE = /\b(?:stop\w*|discontinu\w*|held|hold|previous|prior|past|old)\b/i;
/** A list heading that already says its doses are unconfirmed: a missing dose there is known. */
const UNCONFIRMED_TITLE_RE = /\b(?:uncertain|unsure|unclear|unknown|unconfirmed|unverified|to confirm|to clarify|not confirmed|(?:pt|patient)(?:'s)? recall|recall only|as recalled)\b/i;
/** Devices and long-acting forms that have no frequency (`Mirena IUD`, `Implanon`). */
const NO_FREQUENCY_FORM_RE = /\b(?:iud|ius|implant|implanon|nexplanon|ring|nuvaring|pump|cpap|bipap|device|stent|pacemaker)\b/i;
/** Words before the name that make the line a remark about the patient (`On apixaban – no bleed`). */
const STATUS_LEAD_RE = /^[ \t]*(?:on|taking|takes|using|uses|remains on|still on|is on)\b/i;
/** A schedule written in words rather than as a frequency: `on days he exercises`, `on dialysis days`. */
const SCHEDULE_IN_WORDS_RE = /\bon (?:the )?(?:\w+ )?days?\b|\bon (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays)\b/i;
const LIST_ITEM_PREFIX_RE = /^[ \t]*(?:(?:[-–•*·+]|\d{1,2}[.)])[ \t]*)?(?:(?:new|continue|continued|cont|home|current)[ \t]*:?[ \t]+)?$/i;
/** As-needed use written in words: no schedule is expected. */
const AS_NEEDED_RE = /\b(?:prn|as needed|when needed|if needed|as required|occas\w*|intermittent\w*|rarely|sometimes)\b/i;
const NO_STRENGTH_FORM_RE = /\b(?:cream|crm|ointment|oint|gel|lotion|shampoo|wash|paste|spray|drops?|gtts?|eye|ear|inhaler|puffs?|patch|vaccine|suppositor\w*|enema|solution|soln|mouthwash|powder|iud|implant|ring|device|pump|cpap|ocp|cocp|pill)\b/i;
const NO_STRENGTH_ROUTES = new Set(['TOP', 'TD', 'OPH', 'OTIC', 'NASAL', 'INH', 'NEB', 'PV']);
/** Supplements and lubricants: over-the-counter, taken as labelled. */
const EXEMPT_CLASSES = new Set(['vitamins', 'ocular-lubricants']);

export const missingAssessmentPlan: Rule = {
  id: 'missing-assessment-plan',
  description: 'A progress note or H&P with no assessment or plan section.',
  run({ text, note }): Finding[] {
    if (note.inputProblem || !AP_NOTES.has(note.noteType)) return [];
    if (note.sections.some((s) => AP_KINDS.has(s.kind)) || AP_TEXT_RE.test(text)) return [];
    if (PROBLEM_ONE_RE.test(text) && PROBLEM_TWO_RE.test(text)) return []; // a numbered problem-based A/P
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
    if (note.inputProblem || note.allergies.status !== 'not-documented') return [];
    if (!ALLERGY_NOTES.get(note.noteType)?.test(titleLines(text))) return [];
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
    const ctx: ListContext = {
      medSections: new SpanIndex(note.sections.filter((s) => s.kind === 'medications').map((s) => s.bodySpan), (s) => s),
      stoppedSections: new SpanIndex(note.sections.filter((s) => STOPPED_TITLE_RE.test(s.title)).map((s) => s.span), (s) => s),
      unconfirmedSections: new SpanIndex(note.sections.filter((s) => UNCONFIRMED_TITLE_RE.test(s.title)).map((s) => s.span), (s) => s),
      labs: new SpanIndex(note.labs, (l) => l.span),
    };
    for (const m of note.medications) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      const missing = missingParts(text, ctx, m);
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

interface ListContext {
  medSections: SpanIndex<Span>;
  /** `Stopped:`, `Discontinued`, `Held` sub-lists: not current medications. */
  stoppedSections: SpanIndex<Span>;
  /** `Meds (pt recall only)`, `Meds (uncertain doses – to confirm)`: the gap is already written down. */
  unconfirmedSections: SpanIndex<Span>;
  labs: SpanIndex<unknown>;
}

function missingParts(text: string, ctx: ListContext, m: Medication): string[] {
  // Unknown names in a medication list are as often notes (`Rpt scripts issued`) as drugs.
  if (m.context !== 'medication-list' || m.status !== 'active' || m.prn || !m.known) return [];
  if (text[m.nameSpan.end] === ':') return []; // `Warfarin: counselled re ...` is a note about it
  if (ctx.labs.has(m.span)) return []; // `Albumin 30` is a result
  const at = { start: m.span.start, end: m.span.start + 1 };
  if (!ctx.medSections.has(at) || ctx.stoppedSections.has(at) || ctx.unconfirmedSections.has(at)) return [];
  // Only list items: the medication's name opens its line (after a bullet or number, or a word
  // such as `continue`), not a mention in a sentence (`Will decide insulin vs metformin`, `takes
  // metformin 500 mg and Norvasc`, `On apixaban – no bleed`).
  const lineStart = lineStartBefore(text, m.span.start, 400);
  if (!LIST_ITEM_PREFIX_RE.test(text.slice(lineStart, m.span.start))) return [];
  if (STATUS_LEAD_RE.test(text.slice(m.span.start, m.nameSpan.start))) return [];
  // The parser may stop an item early (`albuterol 90 mcg/puff, 2 puffs every 4 hours PRN`): read
  // the rest of the line too before calling a part missing.
  const classes = m.generic ? lookupDrug(m.generic)?.classes ?? [] : [];
  if (classes.some((c) => EXEMPT_CLASSES.has(c))) return [];
  const line = lineOf(text, m.span.start);
  if (SIG_ELSEWHERE_RE.test(line) || AS_NEEDED_RE.test(line)) return [];
  const missing: string[] = [];
  if (!m.strength && !m.quantity && findDoses(text, m.span.start, lineEnd(text, m.span.start)).length === 0 && needsStrength(m, line)) missing.push('dose');
  const rest = text.slice(m.span.start, lineEnd(text, m.span.start));
  if (!m.frequency && !hasFrequency(rest) && !SCHEDULE_IN_WORDS_RE.test(rest) && !NO_FREQUENCY_FORM_RE.test(line)) missing.push('frequency');
  return missing;
}

function lineEnd(text: string, offset: number): number {
  return lineEndAfter(text, offset, 400);
}

function lineOf(text: string, offset: number): string {
  return text.slice(lineStartBefore(text, offset, 400), lineEnd(text, offset));
}

function needsStrength(m: Medication, written: string): boolean {
  if (m.route && NO_STRENGTH_ROUTES.has(m.route.value)) return false;
  if (NO_STRENGTH_FORM_RE.test(written)) return false;
  return true;
}

/** The note's first non-blank line, where a note-level finding is shown. */
function titleSpan(text: string): Span {
  const start = text.search(/\S/);
  if (start < 0) return { start: 0, end: 0 };
  const nl = text.slice(start).search(/[\r\n]/);
  const end = nl < 0 ? text.length : start + nl;
  return { start, end: text.slice(start, end).trimEnd().length + start };
}
