/**
 * `drug-allergy-conflict`: an active medication that is, or cross-reacts with, a documented drug
 * allergy. Levels and sources are in `allergyCrossReactivity.json` (AAAAI/ACAAI 2022 practice
 * parameter): the allergen itself or a drug of the documented class is critical; penicillin →
 * cephalosporin is advisory (warning after a severe reaction or with a shared R1 side chain),
 * penicillin → carbapenem advisory; aspirin ↔ NSAIDs and codeine ↔ morphine-like opioids are
 * warnings; non-antibiotic sulfonamides (furosemide, HCTZ) and synthetic opioids after a codeine
 * allergy are not flagged, because the evidence shows no meaningful cross-reactivity.
 *
 * A reaction that is an intolerance (nausea, constipation, drowsiness) with no allergic sign lowers
 * the level one step, and the message says so; documented tolerance (desensitised, passed a
 * challenge) on the medication's or the allergy's line makes the finding advisory. The allergy
 * parser already drops negated allergies (`no allergy to penicillin`); this rule trusts it.
 *
 * With the patient's record (`input.record`, the linked FHIR patient) the note's medications are
 * also judged against the record's allergies, and the record's active medications that the note
 * does not mention against every allergy; each message then says where the allergy and the
 * medication are documented. A conflict between two items of the record is shown on the note's
 * link line.
 */
import data from '../../knowledge/allergyCrossReactivity.json';
import { lookupDrug, lookupDrugClass } from '../../note/drugLexicon';
import type { Allergy, Span } from '../../note/types';
import type { RecordAllergy, RecordContext, RecordMedication, RecordRuleInput } from '../analyze';
import type { Finding, Reference, Rule, Severity } from '../findings';
import { capitalised, cuePattern, currentMedications, ingredientsOf } from './medicationScope';
import { lineEndAfter, lineStartBefore, MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'drug-allergy-conflict';

/** A documented allergen: a drug (with its ingredients and classes) or a whole class. */
type Allergen =
  | { kind: 'drug'; generic: string; ingredients: readonly string[]; classes: ReadonlySet<string> }
  | { kind: 'class'; classId: string };

/** A medication being judged: one of the note's entries, or one of the record's. */
interface Judged {
  name: string;
  generic: string;
  ingredients: readonly string[];
  classes: ReadonlySet<string>;
  /** The note line the medication is written on (none for the record's). */
  line?: Span;
}

/** A documented allergy: the note's, or the record's (then `record` is set and its span is the link line, if any). */
interface Known {
  allergy: Allergy;
  allergen: Allergen;
  record?: RecordAllergy;
  /** A note allergy the record documents too. */
  alsoInRecord?: boolean;
}

interface Hit {
  severity: Severity;
  explanation: string;
  action: string;
  reference: Reference;
}

interface Members {
  classes?: readonly string[];
  generics?: readonly string[];
}

interface Level {
  severity: string;
  explain?: string;
  explainSideChain?: string;
  action?: string;
  actionSideChain?: string;
  reference?: string;
  escalate?: { severe?: string; sideChain?: string };
}

interface Group extends Members, Level {
  lowerRisk?: Members & Level;
}
interface CrossClass extends Level {
  from: Members;
  to: Members;
}
interface SideChainGroup {
  generics: readonly string[];
  allergenClasses?: readonly string[];
}

const REFERENCES = data.references as Record<string, Reference>;
const GROUPS = data.groups as readonly Group[];
const CROSS_CLASS = data.crossClass as readonly CrossClass[];
const SIDE_CHAINS = data.sideChainGroups as readonly SideChainGroup[];
const NOUNS = data.classNouns as Record<string, string>;
const SAME_CLASS = data.sameClass as Record<string, Level>;
const CLASS_BROAD = data.classAllergy.broad as Record<string, Partial<Level>>;
const CLASS_MEMBERS = data.classAllergy.members as Record<string, Record<string, Level>>;
const ORDER: Record<Severity, number> = { advisory: 0, warning: 1, critical: 2 };
const LOWER: Record<Severity, Severity> = { critical: 'warning', warning: 'advisory', advisory: 'advisory' };

const INTOLERANCE_RE = cuePattern(data.intolerance.reactions);
const ALLERGIC_SIGN_RE = cuePattern(data.intolerance.allergicSigns);
const TOLERANCE_RE = cuePattern(data.toleranceCues);
/** A line that talks about an allergy or reaction names the drug as history, not as an order. */
const ALLERGY_TALK_RE = /\b(?:allerg\w*|anaphyla\w*|reaction|intoleran\w*|hives|rash)\b/i;

export const drugAllergyConflict: Rule = {
  id: CODE,
  description: 'An active medication that is, or cross-reacts with, a documented drug allergy (AAAAI/ACAAI 2022 practice parameter).',
  run({ text, note, record }: RecordRuleInput): Finding[] {
    if (note.inputProblem) return [];
    // One allergy per allergen: the same allergy written twice (list and HPI) is one conflict,
    // shown where its reaction is written if one mention has it.
    const byCanonical = new Map<string, Known>();
    if (note.allergies.status === 'documented') {
      for (const a of note.allergies.items) {
        if (!a.canonical) continue;
        const seen = byCanonical.get(a.canonical);
        if (seen && (seen.allergy.reaction || !a.reaction)) continue;
        const allergen = seen?.allergen ?? allergenOf(a);
        if (allergen) byCanonical.set(a.canonical, { allergy: a, allergen });
      }
    }
    if (record) addRecordAllergies(byCanonical, record);
    const allergies = [...byCanonical.values()];
    if (allergies.length === 0) return [];
    const out: Finding[] = [];
    for (const entry of currentMedications(text, note)) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      if (ALLERGY_TALK_RE.test(text.slice(entry.line.start, entry.line.end))) continue;
      const judged: Judged = { name: entry.med.name, generic: entry.generic, ingredients: entry.ingredients, classes: entry.classes, line: entry.line };
      const hits = hitsFor(text, judged, allergies);
      const first = hits[0];
      if (!first) continue;
      const name = capitalised(entry.med.name);
      const related = hits.flatMap(({ known }) => relatedFor(known, record));
      out.push({
        code: CODE,
        severity: first.hit.severity,
        message: `${name}: patient is allergic to ${described(first.known.allergy)}${record ? whereDocumented(first.known, record) : ''}. ${capitalised(first.hit.explanation)}: ${first.hit.action}`,
        span: entry.med.nameSpan,
        reference: first.hit.reference,
        ...(related.length > 0 ? { related } : {}),
      });
    }
    if (record) out.push(...recordMedicationFindings(text, note.medications, allergies, record, MAX_FINDINGS_PER_RULE - out.length));
    return out;
  },
};

/** Allergies of the record the lexicon knows; one the note documents too is marked on the note's. */
function addRecordAllergies(byCanonical: Map<string, Known>, record: RecordContext): void {
  for (const r of record.allergies) {
    const seen = byCanonical.get(r.canonical);
    if (seen) {
      if (!seen.record) seen.alsoInRecord = true;
      continue;
    }
    const span = record.anchor ?? { start: 0, end: 0 };
    const allergy: Allergy = {
      span,
      substance: r.substance,
      substanceSpan: span,
      canonical: r.canonical,
      ...(r.reaction ? { reaction: { text: r.reaction, span } } : {}),
      ...(r.severity ? { severity: r.severity } : {}),
    };
    const allergen = allergenOf(allergy);
    if (allergen) byCanonical.set(r.canonical, { allergy, allergen, record: r });
  }
}

/** Every allergy `med` conflicts with, strongest first. */
function hitsFor(text: string, med: Judged, allergies: readonly Known[]): { known: Known; hit: Hit }[] {
  return allergies
    .map((known) => ({ known, hit: adjusted(text, med, known, assess(known.allergen, known.allergy, med)) }))
    .filter((x): x is { known: Known; hit: Hit } => x.hit !== undefined)
    .sort((a, b) => ORDER[b.hit.severity] - ORDER[a.hit.severity]);
}

/**
 * The record's active medications the note does not mention, judged against every allergy: shown
 * on the note's allergy when the allergy is the note's, else on the link line.
 */
function recordMedicationFindings(text: string, noteMeds: readonly { generic?: string }[], allergies: readonly Known[], record: RecordContext, room: number): Finding[] {
  const inNote = new Set(noteMeds.map((m) => m.generic).filter((g): g is string => g !== undefined));
  const out: Finding[] = [];
  for (const med of record.medications) {
    if (out.length >= room) break;
    if (inNote.has(med.generic)) continue;
    const hits = hitsFor(text, judgedOf(med), allergies);
    const first = hits[0];
    if (!first) continue;
    const span = first.known.record ? record.anchor : first.known.allergy.substanceSpan;
    if (!span) continue;
    const related = hits.flatMap(({ known }) => relatedFor(known, record)).filter((r) => r.span.start !== span.start || r.span.end !== span.end);
    out.push({
      code: CODE,
      severity: first.hit.severity,
      message: `${capitalised(med.generic)} is active in the ${record.label} (${med.name}; ${med.source}) and the patient is allergic to ${described(first.known.allergy)}${whereDocumented(first.known, record)}. ${capitalised(first.hit.explanation)}: ${first.hit.action}`,
      span,
      reference: first.hit.reference,
      ...(related.length > 0 ? { related } : {}),
    });
  }
  return out;
}

function judgedOf(med: RecordMedication): Judged {
  return { name: med.generic, generic: med.generic, ingredients: med.ingredients, classes: new Set(med.classes) };
}

/** `, documented in this note`, ` in the FHIR record (AllergyIntolerance/a1)`: said only when a record is linked. */
function whereDocumented(known: Known, record: RecordContext): string {
  if (known.record) return ` according to the ${record.label} (${known.record.source})`;
  return known.alsoInRecord ? `, documented in this note and in the ${record.label}` : ', documented in this note';
}

function relatedFor(known: Known, record: RecordContext | undefined): { span: Span; message: string }[] {
  if (!known.record) return [{ span: known.allergy.span, message: `Allergy documented here: ${described(known.allergy)}.` }];
  if (!record?.anchor) return [];
  return [{ span: record.anchor, message: `Allergy in the ${record.label} of the patient linked here: ${described(known.allergy)} (${known.record.source}).` }];
}

/** What the allergy names, when it is a drug or drug class the lexicon knows. */
function allergenOf(a: Allergy): Allergen | undefined {
  const canonical = a.canonical;
  if (!canonical) return undefined;
  const drug = lookupDrug(canonical);
  if (drug && drug.generic === canonical) return { kind: 'drug', generic: canonical, ingredients: ingredientsOf(canonical), classes: new Set(drug.classes) };
  if (lookupDrugClass(canonical) === canonical) return { kind: 'class', classId: canonical };
  return undefined;
}

/** The strongest relation between a documented allergen and a medication, before adjustments. */
function assess(allergen: Allergen, allergy: Allergy, entry: Judged): Hit | undefined {
  const med = capitalised(entry.name);
  const fill = (template: string | undefined, extra: Record<string, string> = {}): string =>
    (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => ({ med, allergen: allergy.substance, ...extra })[k] ?? '');
  const level = (l: Level, fallbackRef: string, sideChain = false): Hit => {
    let severity = l.severity as Severity;
    const severe = allergy.severity === 'severe';
    if (severe && l.escalate?.severe && ORDER[l.escalate.severe as Severity] > ORDER[severity]) severity = l.escalate.severe as Severity;
    if (sideChain && l.escalate?.sideChain && ORDER[l.escalate.sideChain as Severity] > ORDER[severity]) severity = l.escalate.sideChain as Severity;
    const explain = sideChain && l.explainSideChain ? l.explainSideChain : l.explain;
    const action = sideChain && l.actionSideChain ? l.actionSideChain : l.action;
    const explanation = fill(explain, { allergenClass: allergen.kind === 'class' ? NOUNS[allergen.classId]?.replace(/^an? /, '') + 's' : allergy.substance });
    return { severity, explanation: severe && severity !== 'critical' ? `${explanation}, and the documented reaction was severe` : explanation, action: action ?? '', reference: REFERENCES[l.reference ?? fallbackRef] ?? REFERENCES.practiceParameter! };
  };

  // The allergen itself, or a product containing it.
  if (allergen.kind === 'drug') {
    const same = data.sameDrug;
    if (entry.generic === allergen.generic || (allergen.ingredients.length === 1 && entry.ingredients.includes(allergen.generic))) {
      const explain = entry.generic === allergen.generic ? same.explain : same.explainIngredient;
      return level({ severity: same.severity, explain, action: same.action, reference: same.reference }, 'practiceParameter');
    }
    if (allergen.ingredients.length > 1 && entry.ingredients.length === 1 && allergen.ingredients.includes(entry.generic)) {
      return level({ severity: same.componentSeverity, explain: same.explainComponent, action: same.action, reference: same.reference }, 'practiceParameter');
    }
  }
  // A documented class the medication belongs to.
  if (allergen.kind === 'class' && entry.classes.has(allergen.classId)) {
    const ca = data.classAllergy;
    const member = CLASS_MEMBERS[allergen.classId]?.[entry.generic];
    const broad = CLASS_BROAD[allergen.classId];
    const l: Level = member ?? { severity: broad?.severity ?? ca.severity, explain: ca.explain, action: broad?.action ?? ca.action, reference: ca.reference };
    return level({ ...l, explain: (l.explain ?? ca.explain).replace('{noun}', NOUNS[allergen.classId] ?? `in the ${allergen.classId} class`) }, 'practiceParameter');
  }
  // Cross-reacting groups (COX-1 inhibitors, phenanthrene opioids, ...).
  for (const g of GROUPS) {
    if (!inGroup(allergen, g) || !memberOf(entry, g)) continue;
    const lower = g.lowerRisk && memberOf(entry, g.lowerRisk) ? g.lowerRisk : undefined;
    return level(lower ? { ...lower, reference: g.reference } : g, g.reference ?? 'practiceParameter');
  }
  // Two drugs of one class (drug allergen only; a class allergen was handled above).
  if (allergen.kind === 'drug') {
    for (const c of allergen.classes) {
      const l = SAME_CLASS[c];
      if (l && entry.classes.has(c)) return level(l, 'practiceParameter', sharesSideChain(allergen, entry));
    }
  }
  // Cross-class beta-lactam relations.
  for (const x of CROSS_CLASS) {
    if (!allergenIn(allergen, x.from) || !memberOf(entry, x.to)) continue;
    return level(x, 'practiceParameter', sharesSideChain(allergen, entry));
  }
  return undefined;
}

/** Intolerance lowers the level one step; documented tolerance makes it advisory. */
function adjusted(text: string, entry: Judged, known: Known, hit: Hit | undefined): Hit | undefined {
  if (!hit) return undefined;
  const { allergy } = known;
  // A record allergy has no line in the note to read tolerance from.
  const allergyLine = known.record ? '' : text.slice(lineStartBefore(text, allergy.span.start, 400), lineEndAfter(text, allergy.span.end, 400));
  const medLine = entry.line ? text.slice(entry.line.start, entry.line.end) : '';
  if (TOLERANCE_RE.test(medLine) || TOLERANCE_RE.test(allergyLine)) {
    return { ...hit, severity: 'advisory', action: `${hit.action} Tolerance of this drug is documented; check that it applies.` };
  }
  const reaction = allergy.reaction?.text ?? '';
  if (allergy.severity !== 'severe' && INTOLERANCE_RE.test(reaction) && !ALLERGIC_SIGN_RE.test(reaction)) {
    return { ...hit, severity: LOWER[hit.severity], action: `${hit.action} The documented reaction (${short(reaction)}) is an intolerance rather than an allergy, so the risk is lower.` };
  }
  if (known.record?.intolerance && allergy.severity !== 'severe' && !ALLERGIC_SIGN_RE.test(reaction)) {
    return { ...hit, severity: LOWER[hit.severity], action: `${hit.action} The record lists it as an intolerance rather than an allergy, so the risk is lower.` };
  }
  return hit;
}

function inGroup(allergen: Allergen, g: Members): boolean {
  if (allergen.kind === 'class') return g.classes?.includes(allergen.classId) ?? false;
  return allergen.ingredients.some((i) => g.generics?.includes(i)) || [...allergen.classes].some((c) => g.classes?.includes(c));
}

function allergenIn(allergen: Allergen, m: Members): boolean {
  if (allergen.kind === 'class') return m.classes?.includes(allergen.classId) ?? false;
  return (m.generics?.includes(allergen.generic) ?? false) || [...allergen.classes].some((c) => m.classes?.includes(c));
}

function memberOf(entry: Judged, m: Members): boolean {
  return entry.ingredients.some((i) => m.generics?.includes(i)) || (m.generics?.includes(entry.generic) ?? false) || [...entry.classes].some((c) => m.classes?.includes(c));
}

/** True when allergen and medication share an R1 side-chain group (an unspecified penicillin counts as an aminopenicillin). */
function sharesSideChain(allergen: Allergen, entry: Judged): boolean {
  return SIDE_CHAINS.some((g) => {
    const allergenIn = allergen.kind === 'class' ? (g.allergenClasses?.includes(allergen.classId) ?? false) : g.generics.includes(allergen.generic);
    return allergenIn && g.generics.includes(entry.generic) && (allergen.kind === 'class' || allergen.generic !== entry.generic);
  });
}

/** `penicillin (hives and throat swelling)`: the allergy as written, with its reaction. */
function described(a: Allergy): string {
  // `hives and throat swelling (1980s)` → `hives and throat swelling, 1980s`: no nested brackets.
  const reaction = a.reaction ? short(a.reaction.text.replace(/\s*\(([^()]*)\)\s*/g, ', $1 ').replace(/[\s,]+$/, '')) : '';
  // `Penicillin` at the start of a list line reads as `penicillin` mid-sentence; `PCN` and brand
  // names (`Bactrim`) stay as written.
  const lower = a.substance.toLowerCase();
  const generic = lookupDrug(lower)?.generic === lower || lookupDrugClass(lower) !== undefined;
  const substance = generic && /^\p{Lu}[\p{Ll}\s-]+$/u.test(a.substance) ? lower : a.substance;
  return reaction ? `${substance} (${reaction})` : substance;
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
