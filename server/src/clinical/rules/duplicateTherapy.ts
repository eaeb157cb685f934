/**
 * `duplicate-therapy`: two active medications that should not be taken together because they do
 * the same thing (`duplicateClasses.json`): two anticoagulants, dual renin-angiotensin blockade,
 * serotonergic combinations, two NSAIDs, two P2Y12 inhibitors, two benzodiazepines, two
 * antipsychotics; two products with a shared ingredient; and the same drug ordered twice.
 *
 * Precision choices:
 * - The same drug ordered twice fires only at two different doses where both may be given (see
 *   `duplicateSameDrug.ts`): a home list restated in the plan is normal and must not fire.
 * - Prose mentions do not count (see `medicationScope`): hypothetical (`if pain persists, trial
 *   naproxen`), negated and past mentions are not therapy.
 * - Class pairs fire once per pair of drugs, on the later mention, with the earlier as related
 *   information. Bridging or a documented switch near either entry lowers the level (to advisory
 *   for anticoagulants, per `transitionSeverity`); a parenteral anticoagulant with warfarin is
 *   advisory by default (overlap while the INR rises is standard care).
 *
 * With the patient's record (`input.record`, the linked FHIR patient), each of the note's current
 * medications is also paired with the record's active medications that the note does not mention
 * (a drug the note names in any way, even stopped, is the note's to decide); the finding is on the
 * note's medication and names the record entry. Pairs within the record are the record's own
 * business and are not reported.
 */
import data from '../../knowledge/duplicateClasses.json';
import type { ClinicalNote } from '../../note/types';
import type { RecordContext, RecordMedication, RecordRuleInput } from '../analyze';
import type { Finding, Reference, Rule, Severity } from '../findings';
import { capitalised, cuePattern, currentMedications, type MedEntry } from './medicationScope';
import { sameDrugFindings } from './duplicateSameDrug';
import { lineStartBefore, MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'duplicate-therapy';

interface Members {
  classes?: readonly string[];
  generics?: readonly string[];
}
interface PairRule {
  id: string;
  a: Members;
  b?: Members;
  same?: boolean;
  exclude?: Members & { routes?: readonly string[]; cues?: readonly string[] };
  severity: string;
  transitionSeverity?: string;
  transitionCuesExtra?: readonly string[];
  message: string;
  transitionMessage?: string;
  reference: string;
  /** Instructions that, anywhere in the note, already settle the pair (`Avoid other NSAIDs.`). */
  resolvedCues?: readonly string[];
}

const REFERENCES = data.references as Record<string, Reference>;
const RULES = data.pairRules as readonly PairRule[];
const TRANSITION_RE = cuePattern(data.transitionCues);
const NEXT_SENTENCE_RE = cuePattern(data.nextSentenceCues);
const EXTRA_TRANSITION = new Map(RULES.map((r) => [r.id, r.transitionCuesExtra ? cuePattern(r.transitionCuesExtra) : undefined]));
const EXCLUDE_CUES = new Map(RULES.map((r) => [r.id, r.exclude?.cues ? cuePattern(r.exclude.cues) : undefined]));
const RESOLVED_CUES = new Map(RULES.map((r) => [r.id, r.resolvedCues ? cuePattern(r.resolvedCues) : undefined]));

export const duplicateTherapy: Rule = {
  id: CODE,
  description: 'Therapeutic duplication: two anticoagulants, dual RAAS blockade, serotonergic combinations, two NSAIDs/benzodiazepines/antipsychotics, shared ingredients, the same drug ordered twice.',
  run({ text, note, record }: RecordRuleInput): Finding[] {
    if (note.inputProblem) return [];
    const entries = currentMedications(text, note);
    const out: Finding[] = [];
    if (entries.length >= 2) {
      classPairs(text, entries, out);
      out.push(...sameDrugFindings(text, entries));
    }
    if (record && entries.length > 0) recordPairs(text, note, entries, record, out);
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

/** The note's medications paired with the record's active ones the note does not mention. */
function recordPairs(text: string, note: ClinicalNote, entries: readonly MedEntry[], record: RecordContext, out: Finding[]): void {
  const inNote = new Set(note.medications.map((m) => m.generic).filter((g): g is string => g !== undefined));
  const meds = new Map<string, RecordMedication>();
  for (const m of record.medications) if (!inNote.has(m.generic) && !meds.has(m.generic)) meds.set(m.generic, m);
  if (meds.size === 0) return;
  const firsts = new Map<string, MedEntry>();
  for (const e of entries) if (!firsts.has(e.generic)) firsts.set(e.generic, e);
  const recordName = (m: RecordMedication): string => `${m.generic} (active in the ${record.label}: ${m.name}, ${m.source})`;
  const noteName = (e: MedEntry): string => `${e.med.name.toLowerCase() === e.generic ? e.med.name : `${e.med.name} (${e.generic})`} (in this note)`;
  for (const x of firsts.values()) {
    for (const y of meds.values()) {
      if (out.length >= MAX_FINDINGS_PER_RULE) return;
      const yClasses = new Set(y.classes);
      const si = data.sharedIngredient;
      const shared = x.ingredients.find((g) => y.ingredients.includes(g) && !si.exemptIngredients.includes(g));
      let severity: Severity;
      let message: string;
      let reference: Reference | undefined;
      if (shared) {
        severity = (si.advisoryIngredients.includes(shared) ? 'advisory' : si.severity) as Severity;
        message = si.message.replace('{ingredient}', shared).replace(/\{a\}/g, noteName(x)).replace(/\{b\}/g, recordName(y));
        reference = REFERENCES[si.reference];
      } else {
        const found = recordRule(text, x, { generic: y.generic, classes: yClasses, name: y.name, ...(y.route ? { route: y.route } : {}) });
        if (!found) continue;
        const { rule, noteIsA } = found;
        const extra = EXTRA_TRANSITION.get(rule.id);
        const transition = rule.transitionSeverity !== undefined && nearCue(text, x, TRANSITION_RE, extra);
        severity = (transition ? rule.transitionSeverity : rule.severity) as Severity;
        const template = transition && rule.transitionMessage ? rule.transitionMessage : rule.message;
        const [a, b] = noteIsA ? [noteName(x), recordName(y)] : [recordName(y), noteName(x)];
        message = template.replace(/\{a\}/g, a).replace(/\{b\}/g, b);
        reference = REFERENCES[rule.reference];
      }
      const f: Finding = { code: CODE, severity, message: capitalised(message), span: x.med.nameSpan };
      if (reference) f.reference = reference;
      if (record.anchor) f.related = [{ span: record.anchor, message: `${capitalised(y.generic)} is active in the ${record.label} of the patient linked here (${y.source}).` }];
      out.push(f);
    }
  }
}

/** The first pair rule that holds a note entry and a record medication, and which of them is its `a`. */
function recordRule(text: string, x: MedEntry, y: Drug & { name: string; route?: string }): { rule: PairRule; noteIsA: boolean } | undefined {
  for (const rule of RULES) {
    const b = rule.same ? rule.a : rule.b ?? rule.a;
    const noteIsA = member(x, rule.a) && member(y, b);
    if (!noteIsA && !(member(y, rule.a) && member(x, b))) continue;
    if (excluded(text, rule, x)) continue;
    const ex = rule.exclude;
    if (ex && (ex.generics?.includes(y.generic) || ex.classes?.some((c) => y.classes.has(c)) || (y.route !== undefined && ex.routes?.includes(y.route)))) continue;
    // `Heparin Lock Flush 100 UNT/ML`: the record's name carries the cues a note line would.
    if (EXCLUDE_CUES.get(rule.id)?.test(y.name)) continue;
    return { rule, noteIsA };
  }
  return undefined;
}

/** Pairs of different drugs that share an ingredient or fall under one pair rule, once per pair. */
function classPairs(text: string, entries: readonly MedEntry[], out: Finding[]): void {
  // Exclusion cues are read once per entry and rule, not once per pair (the pairs are quadratic).
  const exclusions = new Map<MedEntry, Map<string, boolean>>();
  const isExcluded = (rule: PairRule, e: MedEntry): boolean => {
    let byRule = exclusions.get(e);
    if (!byRule) exclusions.set(e, (byRule = new Map()));
    let v = byRule.get(rule.id);
    if (v === undefined) byRule.set(rule.id, (v = excluded(text, rule, e)));
    return v;
  };
  const firsts = new Map<string, MedEntry>();
  for (const e of entries) if (!firsts.has(e.generic)) firsts.set(e.generic, e);
  const list = [...firsts.values()];
  for (let i = 0; i < list.length && out.length < MAX_FINDINGS_PER_RULE; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const x = list[i]!;
      const y = list[j]!;
      const si = data.sharedIngredient;
      const shared = x.ingredients.find((g) => y.ingredients.includes(g) && !si.exemptIngredients.includes(g));
      if (shared) {
        if (restated(text, x, y)) continue;
        // A SABA as needed beside a scheduled product holding it (`Combivent BID` + `albuterol PRN`) is usual care.
        if (si.rescueIngredients.includes(shared) && x.med.prn !== y.med.prn) continue;
        const severity = (si.advisoryIngredients.includes(shared) ? 'advisory' : si.severity) as Severity;
        out.push(pairFinding(y, x, severity, si.message.replace('{ingredient}', shared), REFERENCES[si.reference]));
        continue;
      }
      let rule: PairRule | undefined;
      let roles: [MedEntry, MedEntry] | undefined;
      for (const r of RULES) {
        roles = rolesIn(r, x, y, isExcluded);
        if (roles) {
          rule = r;
          break;
        }
      }
      if (!rule || !roles || restated(text, x, y)) continue;
      if (RESOLVED_CUES.get(rule.id)?.test(text)) continue;
      const extra = EXTRA_TRANSITION.get(rule.id);
      const transition = rule.transitionSeverity !== undefined && (nearCue(text, x, TRANSITION_RE, extra) || nearCue(text, y, TRANSITION_RE, extra));
      const severity = (transition ? rule.transitionSeverity : rule.severity) as Severity;
      const message = transition && rule.transitionMessage ? rule.transitionMessage : rule.message;
      out.push(pairFinding(roles[0], roles[1], severity, message, REFERENCES[rule.reference]));
    }
  }
}

/**
 * `Augmentin (amoxicillin/clavulanate)` restates one drug; `naproxen/ibuprofen`, `paliperidone or
 * risperidone`, `quetiapine vs clozapine` name alternatives. Neither is two drugs taken together.
 */
function restated(text: string, x: MedEntry, y: MedEntry): boolean {
  const [first, second] = x.med.span.start <= y.med.span.start ? [x, y] : [y, x];
  if (first.line.start !== second.line.start) return false;
  const gap = text.slice(first.med.nameSpan.end, second.med.nameSpan.start);
  return /^\s*(?:[(/=]|or|vs\.?|versus)\s*$/i.test(gap);
}

/** The two entries in the rule's roles (`[a, b]`), or undefined when the rule does not hold them. */
function rolesIn(rule: PairRule, x: MedEntry, y: MedEntry, isExcluded: (rule: PairRule, e: MedEntry) => boolean): [MedEntry, MedEntry] | undefined {
  const b = rule.same ? rule.a : rule.b ?? rule.a;
  const holds = (member(x, rule.a) && member(y, b)) || (member(y, rule.a) && member(x, b));
  if (!holds || isExcluded(rule, x) || isExcluded(rule, y)) return undefined;
  if (member(x, rule.a) && member(y, b)) return rule.same && x.med.span.start < y.med.span.start ? [y, x] : [x, y];
  if (member(y, rule.a) && member(x, b)) return [y, x];
  return undefined;
}

/** What membership in a pair rule looks at. */
interface Drug {
  generic: string;
  classes: ReadonlySet<string>;
}

function member(e: Drug, m: Members): boolean {
  return (m.generics?.includes(e.generic) ?? false) || (m.classes?.some((c) => e.classes.has(c)) ?? false);
}

function excluded(text: string, rule: PairRule, e: MedEntry): boolean {
  const ex = rule.exclude;
  if (!ex) return false;
  if (ex.generics?.includes(e.generic) || ex.classes?.some((c) => e.classes.has(c))) return true;
  if (e.med.route && ex.routes?.includes(e.med.route.value)) return true;
  return EXCLUDE_CUES.get(rule.id)?.test(text.slice(e.line.start, e.line.end)) ?? false;
}

/**
 * A transition cue in the entry's sentence; a narrower cue (`Avoid other NSAIDs.`, `Bridge until
 * INR > 2.`) in the sentence after it; or a cue on the line just before a list item (a `Bridging:`
 * label). Not anywhere in a paragraph, where `discontinue the THC gummies` is about something else.
 */
function nearCue(text: string, e: MedEntry, re: RegExp, extra?: RegExp): boolean {
  const { own, next } = sentencesAround(text, e);
  if (re.test(own) || (extra?.test(own) ?? false) || NEXT_SENTENCE_RE.test(next)) return true;
  if (text.slice(e.line.start, e.med.span.start).trim().length > 3 || e.line.start === 0) return false;
  const prev = text.slice(lineStartBefore(text, e.line.start - 1, 400), e.line.start);
  return re.test(prev) || (extra?.test(prev) ?? false);
}

/** The sentence holding the entry, and the one after it, within its line. */
function sentencesAround(text: string, e: MedEntry): { own: string; next: string } {
  const before = text.slice(e.line.start, e.med.span.start);
  const after = text.slice(e.med.span.end, e.line.end);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1;
  const end = /[.;]\s/.exec(after);
  const rest = end ? after.slice(end.index + 1) : '';
  const nextEnd = /[.;]\s/.exec(rest);
  return {
    own: before.slice(start) + text.slice(e.med.span.start, e.med.span.end) + (end ? after.slice(0, end.index) : after),
    next: nextEnd ? rest.slice(0, nextEnd.index) : rest,
  };
}

/**
 * A finding on the later of the two mentions, pointing back at the earlier. `{a}` and `{b}` in the
 * message are the rule's roles (`{a}` the MAO inhibitor, `{b}` the serotonergic drug).
 */
function pairFinding(a: MedEntry, b: MedEntry, severity: Severity, template: string, reference: Reference | undefined): Finding {
  const [first, second] = a.med.span.start <= b.med.span.start ? [a, b] : [b, a];
  const name = (e: MedEntry): string => (e.med.name.toLowerCase() === e.generic ? e.med.name : `${e.med.name} (${e.generic})`);
  const message = capitalised(template.replace(/\{a\}/g, name(a)).replace(/\{b\}/g, name(b)));
  const f: Finding = {
    code: CODE,
    severity,
    message,
    span: second.med.nameSpan,
    related: [{ span: first.med.nameSpan, message: `${capitalised(first.med.name)} is written here.` }],
  };
  if (reference) f.reference = reference;
  return f;
}
