/**
 * The same-drug half of `duplicate-therapy`: one drug ordered twice at different doses, where
 * both may be given. Precision choices (a home list restated in the plan is normal):
 * - only at two different doses or frequencies in one unit (an identical repeat is a restatement:
 *   a `continue` line, a script line), both scheduled, on different lines;
 * - not when a cue says the entries complement each other (AM/PM, ER + IR, stat then later, a
 *   taper, a sliding scale) or that one replaces the other (`increase to`, a script's `qty`);
 * - either as two list entries of one medication list, or ordered in the plan while the plan also
 *   says "continue home medications" and the home list has the other dose.
 */
import data from '../../knowledge/duplicateClasses.json';
import type { Finding, Reference, Severity } from '../findings';
import type { Medication } from '../../note/types';
import { capitalised, cuePattern, formatNumber, type MedEntry } from './medicationScope';
import { MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'duplicate-therapy';
const REFERENCES = data.references as Record<string, Reference>;
const COMPLEMENT_RE = cuePattern(data.sameDrug.complementaryCues);
const CHANGE_RE = cuePattern(data.sameDrug.changeCues);
const CONTINUE_HOME_RE = cuePattern(data.sameDrug.continueHome);
const PLAN_SECTIONS = new Set<string>(data.sameDrug.planSections);

/** The same drug twice in one list, or in the plan at another dose while home medications continue. */
export function sameDrugFindings(text: string, entries: readonly MedEntry[]): Finding[] {
  const out: Finding[] = [];
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
    if (out.length >= MAX_FINDINGS_PER_RULE) break;
    if (reported.has(plan.generic)) continue;
    const pair = firstPair([...(homes.get(plan.generic)?.values() ?? [])], [plan]);
    if (pair) {
      reported.add(plan.generic);
      out.push(sameDrugFinding(pair[0], pair[1], false));
    }
  }
  return out;
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
