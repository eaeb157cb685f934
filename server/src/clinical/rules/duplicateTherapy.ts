/**
 * `duplicate-therapy`: two active medications that should not be taken together because they do
 * the same thing (`duplicateClasses.json`): two anticoagulants, dual renin-angiotensin blockade,
 * serotonergic combinations, two NSAIDs, two P2Y12 inhibitors, two benzodiazepines, two
 * antipsychotics; two products with a shared ingredient; and the same drug ordered twice.
 *
 * Precision choices (a home list restated in the plan is normal and must not fire):
 * - The same drug fires only at two different doses or frequencies (an identical repeat is a
 *   restatement: a `continue` line, a script line), both scheduled, on different lines, with no cue
 *   that the entries complement each other (AM/PM, ER + IR, stat then later, a taper, a sliding
 *   scale) or that one replaces the other (`increase to`, a script's `qty`): either as two list
 *   entries of one medication list, or ordered in the plan while the plan also says "continue
 *   home medications" and the home list has the other dose (then both may be given).
 * - Prose mentions do not count (see `medicationScope`): hypothetical (`if pain persists, trial
 *   naproxen`), negated and past mentions are not therapy.
 * - Class pairs fire once per pair of drugs, on the later mention, with the earlier as related
 *   information. Bridging or a documented switch near either entry lowers the level (to advisory
 *   for anticoagulants, per `transitionSeverity`); a parenteral anticoagulant with warfarin is
 *   advisory by default (overlap while the INR rises is standard care).
 */
import data from '../../knowledge/duplicateClasses.json';
import type { Finding, Reference, Rule, Severity } from '../findings';
import type { Medication } from '../../note/types';
import { capitalised, currentMedications, formatNumber, type MedEntry } from './medicationScope';
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
}

const REFERENCES = data.references as Record<string, Reference>;
const RULES = data.pairRules as readonly PairRule[];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cueRe = (cues: readonly string[]): RegExp =>
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${[...cues].sort((x, y) => y.length - x.length).map((c) => escape(c).replace(/ /g, String.raw`\s+`)).join('|')})(?![\p{L}\p{N}])`, 'iu');
const TRANSITION_RE = cueRe(data.transitionCues);
const NEXT_SENTENCE_RE = cueRe(data.nextSentenceCues);
const COMPLEMENT_RE = cueRe(data.sameDrug.complementaryCues);
const CHANGE_RE = cueRe(data.sameDrug.changeCues);
const CONTINUE_HOME_RE = cueRe(data.sameDrug.continueHome);
const PLAN_SECTIONS = new Set<string>(data.sameDrug.planSections);
const EXTRA_TRANSITION = new Map(RULES.map((r) => [r.id, r.transitionCuesExtra ? cueRe(r.transitionCuesExtra) : undefined]));
const EXCLUDE_CUES = new Map(RULES.map((r) => [r.id, r.exclude?.cues ? cueRe(r.exclude.cues) : undefined]));

export const duplicateTherapy: Rule = {
  id: CODE,
  description: 'Therapeutic duplication: two anticoagulants, dual RAAS blockade, serotonergic combinations, two NSAIDs/benzodiazepines/antipsychotics, shared ingredients, the same drug ordered twice.',
  run({ text, note }): Finding[] {
    if (note.inputProblem) return [];
    const entries = currentMedications(text, note);
    if (entries.length < 2) return [];
    const out: Finding[] = [];
    classPairs(text, entries, out);
    sameDrug(text, entries, out);
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

/** Pairs of different drugs that share an ingredient or fall under one pair rule, once per pair. */
function classPairs(text: string, entries: readonly MedEntry[], out: Finding[]): void {
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
        const severity = (si.advisoryIngredients.includes(shared) ? 'advisory' : si.severity) as Severity;
        out.push(pairFinding(y, x, severity, si.message.replace('{ingredient}', shared), REFERENCES[si.reference]));
        continue;
      }
      let rule: PairRule | undefined;
      let roles: [MedEntry, MedEntry] | undefined;
      for (const r of RULES) {
        roles = rolesIn(text, r, x, y);
        if (roles) {
          rule = r;
          break;
        }
      }
      if (!rule || !roles || restated(text, x, y)) continue;
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
function rolesIn(text: string, rule: PairRule, x: MedEntry, y: MedEntry): [MedEntry, MedEntry] | undefined {
  if (excluded(text, rule, x) || excluded(text, rule, y)) return undefined;
  const b = rule.same ? rule.a : rule.b ?? rule.a;
  if (member(x, rule.a) && member(y, b)) return rule.same && x.med.span.start < y.med.span.start ? [y, x] : [x, y];
  if (member(y, rule.a) && member(x, b)) return [y, x];
  return undefined;
}

function member(e: MedEntry, m: Members): boolean {
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

/** The same drug twice in one list, or in the plan at another dose while home medications continue. */
function sameDrug(text: string, entries: readonly MedEntry[], out: Finding[]): void {
  const continueHome = CONTINUE_HOME_RE.test(text);
  // One representative per dose and route, per list and per generic: pairs must differ in dose,
  // so a list pasted a thousand times costs no more than one copy.
  const lists = new Map<string, Map<string, MedEntry>>();
  const homes = new Map<string, Map<string, MedEntry>>();
  const plans: MedEntry[] = [];
  for (const e of entries) {
    if (e.med.prn || !(e.med.strength || e.med.frequency) || cueOnLine(text, e, COMPLEMENT_RE) || cueOnLine(text, e, CHANGE_RE)) continue;
    const sig = `${e.med.strength?.value ?? ''}|${e.med.strength?.unit.toLowerCase() ?? ''}|${e.med.frequency?.dosesPerDay ?? ''}|${e.med.route?.value ?? ''}`;
    if (e.list && e.med.context === 'medication-list') addOnce(lists, `${e.generic}|${e.list.span.start}`, sig, e);
    if (isHomeList(e)) addOnce(homes, e.generic, sig, e);
    else if (continueHome && e.list && PLAN_SECTIONS.has(e.list.kind)) plans.push(e);
  }
  const reported = new Set<string>();
  for (const group of lists.values()) {
    const pair = firstPair([...group.values()], [...group.values()]);
    if (pair && !reported.has(pair[0].generic)) {
      reported.add(pair[0].generic);
      out.push(sameDrugFinding(pair[0], pair[1], true));
    }
  }
  for (const plan of plans) {
    if (out.length >= MAX_FINDINGS_PER_RULE || reported.has(plan.generic)) continue;
    const pair = firstPair([...(homes.get(plan.generic)?.values() ?? [])], [plan]);
    if (pair) {
      reported.add(plan.generic);
      out.push(sameDrugFinding(pair[0], pair[1], false));
    }
  }
}

function addOnce(map: Map<string, Map<string, MedEntry>>, key: string, sig: string, e: MedEntry): void {
  const group = map.get(key) ?? new Map<string, MedEntry>();
  if (!group.has(sig)) group.set(sig, e);
  map.set(key, group);
}

/** The first pair (earlier, later) on different lines, by one route, at different doses. */
function firstPair(xs: readonly MedEntry[], ys: readonly MedEntry[]): [MedEntry, MedEntry] | undefined {
  for (const x of xs) {
    for (const y of ys) {
      if (x === y || x.line.start === y.line.start || !sameRoute(x.med, y.med) || !differ(x.med, y.med)) continue;
      return x.med.span.start <= y.med.span.start ? [x, y] : [y, x];
    }
  }
  return undefined;
}

function sameDrugFinding(a: MedEntry, b: MedEntry, sameList: boolean): Finding {
  const sd = data.sameDrug;
  const message = (sameList ? sd.messageList : sd.messageContinue)
    .replace('{a}', capitalised(b.med.name))
    .replace('{list}', `"${a.list?.title ?? 'the list'}"`)
    .replace('{first}', sig(a.med))
    .replace('{second}', sig(b.med));
  const f: Finding = {
    code: CODE,
    severity: sd.severity as Severity,
    message,
    span: b.med.nameSpan,
    related: [{ span: a.med.span, message: `${capitalised(a.med.name)} ${sig(a.med)} is written here.` }],
  };
  const ref = REFERENCES[sd.reference];
  if (ref) f.reference = ref;
  return f;
}

function cueOnLine(text: string, e: MedEntry, re: RegExp): boolean {
  return re.test(text.slice(e.line.start, e.line.end));
}

function isHomeList(e: MedEntry): boolean {
  return e.med.context === 'medication-list' && e.list?.kind === 'medications';
}

function sameRoute(a: Medication, b: Medication): boolean {
  return !a.route || !b.route || a.route.value === b.route.value;
}

/**
 * Different strength in one unit, or a different number of doses a day, when both are written.
 * Different units (`500 mg` pessary, `1%` cream) are different products, not two doses.
 */
function differ(a: Medication, b: Medication): boolean {
  if (a.strength && b.strength) {
    if (a.strength.unit.toLowerCase() !== b.strength.unit.toLowerCase()) return false;
    if (a.strength.value !== b.strength.value) return true;
  }
  const fa = a.frequency?.dosesPerDay;
  const fb = b.frequency?.dosesPerDay;
  return fa !== undefined && fb !== undefined && fa !== fb;
}

/** `25 mg BID`: the dose and frequency as written. */
function sig(m: Medication): string {
  const dose = m.strength ? `${formatNumber(m.strength.value)} ${m.strength.unit}`.trim() : '';
  return [dose, m.frequency?.text ?? ''].filter((s) => s.length > 0).join(' ') || 'no dose written';
}
