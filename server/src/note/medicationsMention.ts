/**
 * One medication mention: the cues around a drug name that decide whether it is a medication at
 * all (negated, an allergy, a lab level) and its status (stopped, held), and the scanner that finds
 * known drugs in prose (`started on metformin 500 mg twice a day`, `5 MG COUMADIN GIVEN`).
 *
 * The cue words are grammar (English phrasing), not clinical knowledge, so they live here.
 */
import { findDrugNames, type DrugInfo } from './drugLexicon';
import { matchStrengthBefore } from './medicationsDose';
import { parseSig, type Sig } from './medicationsSig';
import type { Medication, Span } from './types';

export type MedicationStatus = Medication['status'];

/** Cue words just before the name that stop or hold it: `stop aspirin`, `hold home metoprolol`, `d/c'd lisinopril`. */
const STATUS_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:(no[ \t]+longer[ \t]+(?:taking|on|using|takes)|stop|stopped|stopping|discontinue|discontinued|discontinuing|d\/c(?:'?d)?|dc(?:'?e?d)?|cease|ceased|self-ceased|quit|taken[ \t]+off|came[ \t]+off|come[ \t]+off|off)|(hold|held|holding|withhold|withheld|withholding|hold[ \t]+off[ \t]+on|holding[ \t]+off[ \t]+on))[ \t]+(?:(?:the|her|his|their|home|all|of|taking|using|pt's|patient's)[ \t]+){0,2}$/iu;

/** Cue words just after the mention: `lisinopril 10 mg daily - held`, `LASIX DC'D THIS AM`, `(discontinued)`. */
const STATUS_AFTER =
  /^[ \t]*[-–:,(]?[ \t]*(?:(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been|being|now|currently|temporarily)[ \t]+){0,2}(?:(discontinued|stopped|d\/c'?d|dc'?e?d|d\/c|ceased|self-ceased)|(held|on[ \t]+hold|holding|withheld|hold(?![ \t]+(?:for|if|when|parameters?|params?|sbp|hr|bp|map|k|glucose|bg|sbp<|hr<))))(?![\p{L}\p{N}])/iu;

/**
 * A negation cue up to four words before the name (`no NSAIDs/metformin`, `Nil ADs APs warfarin`,
 * `denies taking aspirin`); the words between are captured to check for an action verb.
 */
const NEGATION_BEFORE =
  /(?:^|[^\p{L}\p{N}])(no|not|nil|never|denies|denied|deny|without|avoid|avoids|avoided|avoiding|declined|declines|refused|refuses|contraindicated)((?:[ \t,/]+[\p{L}\p{N}'’-]+){0,4})[ \t,/]*$/iu;
/** `no change in lisinopril`, `no side effects from metformin`: negation words that do not negate the drug. */
const PSEUDO_NEGATION = /^[ \t]+(?:change|changes|adjustment|adjustments|side|adverse|issues?|problems?|complaints?|concerns?|missed|longer)(?![\p{L}])/iu;
/** An action verb between a negation cue and the name ends the cue's scope (`no pain, continue lisinopril`). */
const ACTION = /(?:^|[^\p{L}])(?:continue|continued|cont|start|started|restart|restarted|resume|resumed|take|takes|taking|given|give|add|added|increase|increased|decrease|decreased|but|however)(?![\p{L}])/iu;
/** The name is the object of an allergy, not a medication: `allergic to penicillin`, `Allergies: sulfa`. */
const ALLERGY_BEFORE = /(?:allergic|allergy|allergies|intoleran(?:t|ce)|hypersensitivity|reaction)[ \t]*(?:to|with|of|from|:)[ \t]+(?:[\p{L}]+[ \t]+)?$/iu;
/** Words after a name that make it something else: `vitamin B12 deficiency`, `digoxin level`, `heparin-induced`. */
const NOT_A_MEDICATION_AFTER =
  /^[ \t]*-?[ \t]*(?:allerg\w*|intoleran\w*|deficien\w*|levels?|resistan\w*|toxicity|overdose|induced|antibod\w*|class|score|grade|physical[ \t]+status|trough|peak|screen|assay|sensitiv\w*|susceptib\w*|reaction|exposure|withdrawal|use[ \t]+disorder|dependence|abuse|dependent|independent|naive|naïve|associated|related|sparing)(?![\p{L}])|^-(?:requiring|treated|refractory|responsive)(?![\p{L}])/iu;
/** Where a clause starts, looking back from a name. */
const CLAUSE_BREAK = /[.;!?•]|:[ \t]|\bbut\b/giu;

/** The text of the current clause before `pos`, at most 80 characters, starting at or after `floor`. */
export function clauseBefore(text: string, pos: number, floor: number): { text: string; start: number } {
  const from = Math.max(floor, pos - 80);
  const before = text.slice(from, pos);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(before)) !== null) {
    // A decimal point (`2.5`) is not a sentence end.
    if (m[0] === '.' && /\d/.test(before[m.index + 1] ?? '')) continue;
    cut = m.index + m[0].length;
  }
  return { text: before.slice(cut), start: from + cut };
}

/** Status from the words around a mention; `active` unless a stop or hold cue is there. */
export function statusFrom(before: string, after: string): MedicationStatus {
  const b = STATUS_BEFORE.exec(before);
  if (b) return b[1] !== undefined ? 'discontinued' : 'held';
  const a = STATUS_AFTER.exec(after);
  if (a) return a[1] !== undefined ? 'discontinued' : 'held';
  return 'active';
}

/** True when the clause before the name negates it or makes it an allergy. */
export function negatedBefore(before: string): boolean {
  if (ALLERGY_BEFORE.test(before)) return true;
  const m = NEGATION_BEFORE.exec(before);
  if (!m) return false;
  const between = m[2] ?? '';
  if (PSEUDO_NEGATION.test(between)) return false;
  // The word right after the cue is in scope even if it is a verb (`not taking aspirin`).
  return !ACTION.test(between.replace(/^[ \t,/]*[\p{L}\p{N}'’-]+/u, ''));
}

/** True when the words right after the name make it a non-medication (`B12 deficiency`). */
export function notAMedicationAfter(after: string): boolean {
  return NOT_A_MEDICATION_AFTER.test(after);
}

/** True for items that are eye drops: `OD` is then the right eye, not once daily. */
export function isEyeItem(itemText: string, info: DrugInfo | undefined): boolean {
  if (info?.classes.some((c) => c === 'ophthalmic-glaucoma' || c === 'ocular-lubricants')) return true;
  return /(?:^|[^\p{L}])(?:drops?|gtts?|eyes?|ophthalmic|ophth|instill)(?![\p{L}])/iu.test(itemText);
}

export interface MentionParts {
  span: Span;
  nameSpan: Span;
  info: DrugInfo | undefined;
  sig: Sig;
  strengthBefore?: NonNullable<Medication['strength']>;
  context: Medication['context'];
  status: MedicationStatus;
}

/** Assembles a `Medication` from its parts. */
export function buildMedication(text: string, parts: MentionParts): Medication {
  const { sig } = parts;
  const med: Medication = {
    span: parts.span,
    name: text.slice(parts.nameSpan.start, parts.nameSpan.end),
    nameSpan: parts.nameSpan,
    known: parts.info !== undefined,
    prn: sig.prn,
    context: parts.context,
    status: parts.status,
  };
  if (parts.info) med.generic = parts.info.generic;
  const strength = sig.strength ?? parts.strengthBefore;
  if (strength) med.strength = strength;
  if (sig.quantity) med.quantity = sig.quantity;
  if (sig.route) med.route = sig.route;
  if (sig.frequency) med.frequency = sig.frequency;
  if (sig.prnSpan) med.prnSpan = sig.prnSpan;
  if (sig.indication) med.indication = sig.indication;
  return med;
}

/** Where the clause containing `pos` ends, at or before `limit`: a sentence end, `;`, or a bullet. */
export function clauseEnd(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) {
    const c = text[i];
    if (c === ';' || c === '•' || c === '\n' || c === '\r') return i;
    if ((c === '.' || c === '!' || c === '?') && !/\d/.test(text[i + 1] ?? '')) {
      const next = text[i + 1];
      if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || i + 1 >= limit) return i;
    }
  }
  return limit;
}

/**
 * Known drugs in the prose of `text[start, end)` (one line or list item). Only names the lexicon
 * knows are reported; names that are also words or lab names (`potassium`, `NS`) need a dose.
 */
export function scanKnownDrugs(text: string, start: number, end: number, context: Medication['context'], out: Medication[]): void {
  const mentions = findDrugNames(text, start, end);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const nextStart = mentions[i + 1]?.start ?? end;
    const limit = clauseEnd(text, m.end, nextStart);
    const after = text.slice(m.end, Math.min(limit, m.end + 40));
    if (notAMedicationAfter(after)) continue;
    const before = clauseBefore(text, m.start, start);
    const sig = parseSig(text, m.end, limit, { allowUnitless: true, eyeContext: isEyeItem(text.slice(m.start, limit), m.info) });
    const strengthBefore = sig.strength ? undefined : matchStrengthBefore(text, m.start, before.start);
    // A nutrient or lab name needs a dose with a unit (`potassium 4.1` is a result, `KCl 20 mEq` a drug).
    if (m.ambiguous && !sig.strength?.unit && !strengthBefore) continue;
    const status = statusFrom(before.text, text.slice(sig.end, Math.min(limit, sig.end + 40)));
    if (status === 'active' && negatedBefore(before.text)) continue;
    const spanStart = strengthBefore ? strengthBefore.span.start : m.start;
    const parts: MentionParts = {
      span: { start: spanStart, end: Math.max(m.end, sig.end) },
      nameSpan: { start: m.start, end: m.end },
      info: m.info,
      sig,
      context,
      status,
    };
    if (strengthBefore) parts.strengthBefore = strengthBefore;
    out.push(buildMedication(text, parts));
  }
}
