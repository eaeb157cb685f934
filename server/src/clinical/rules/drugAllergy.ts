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
 */
import data from '../../knowledge/allergyCrossReactivity.json';
import { lookupDrug, lookupDrugClass } from '../../note/drugLexicon';
import type { Allergy } from '../../note/types';
import type { Finding, Reference, Rule, Severity } from '../findings';
import { capitalised, cuePattern, currentMedications, ingredientsOf, type MedEntry } from './medicationScope';
import { lineEndAfter, lineStartBefore, MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'drug-allergy-conflict';

/** A documented allergen: a drug (with its ingredients and classes) or a whole class. */
type Allergen =
  | { kind: 'drug'; generic: string; ingredients: readonly string[]; classes: ReadonlySet<string> }
  | { kind: 'class'; classId: string };

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
  run({ text, note }): Finding[] {
    if (note.inputProblem || note.allergies.status !== 'documented') return [];
    // One allergy per allergen: the same allergy written twice (list and HPI) is one conflict,
    // shown where its reaction is written if one mention has it.
    const byCanonical = new Map<string, { allergy: Allergy; allergen: Allergen }>();
    for (const a of note.allergies.items) {
      if (!a.canonical) continue;
      const seen = byCanonical.get(a.canonical);
      if (seen && (seen.allergy.reaction || !a.reaction)) continue;
      const allergen = seen?.allergen ?? allergenOf(a);
      if (allergen) byCanonical.set(a.canonical, { allergy: a, allergen });
    }
    const allergies = [...byCanonical.values()];
    if (allergies.length === 0) return [];
    const out: Finding[] = [];
    for (const entry of currentMedications(text, note)) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      if (ALLERGY_TALK_RE.test(text.slice(entry.line.start, entry.line.end))) continue;
      const hits = allergies
        .map(({ allergy, allergen }) => ({ allergy, hit: adjusted(text, entry, allergy, assess(allergen, allergy, entry)) }))
        .filter((x): x is { allergy: Allergy; hit: Hit } => x.hit !== undefined)
        .sort((a, b) => ORDER[b.hit.severity] - ORDER[a.hit.severity]);
      const first = hits[0];
      if (!first) continue;
      const name = capitalised(entry.med.name);
      out.push({
        code: CODE,
        severity: first.hit.severity,
        message: `${name}: patient is allergic to ${described(first.allergy)}. ${capitalised(first.hit.explanation)}: ${first.hit.action}`,
        span: entry.med.nameSpan,
        reference: first.hit.reference,
        related: hits.map(({ allergy }) => ({ span: allergy.span, message: `Allergy documented here: ${described(allergy)}.` })),
      });
    }
    return out;
  },
};

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
function assess(allergen: Allergen, allergy: Allergy, entry: MedEntry): Hit | undefined {
  const med = capitalised(entry.med.name);
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
function adjusted(text: string, entry: MedEntry, allergy: Allergy, hit: Hit | undefined): Hit | undefined {
  if (!hit) return undefined;
  const allergyLine = text.slice(lineStartBefore(text, allergy.span.start, 400), lineEndAfter(text, allergy.span.end, 400));
  if (TOLERANCE_RE.test(text.slice(entry.line.start, entry.line.end)) || TOLERANCE_RE.test(allergyLine)) {
    return { ...hit, severity: 'advisory', action: `${hit.action} Tolerance of this drug is documented; check that it applies.` };
  }
  const reaction = allergy.reaction?.text ?? '';
  if (allergy.severity !== 'severe' && INTOLERANCE_RE.test(reaction) && !ALLERGIC_SIGN_RE.test(reaction)) {
    return { ...hit, severity: LOWER[hit.severity], action: `${hit.action} The documented reaction (${short(reaction)}) is an intolerance rather than an allergy, so the risk is lower.` };
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

function memberOf(entry: MedEntry, m: Members): boolean {
  return entry.ingredients.some((i) => m.generics?.includes(i)) || (m.generics?.includes(entry.generic) ?? false) || [...entry.classes].some((c) => m.classes?.includes(c));
}

/** True when allergen and medication share an R1 side-chain group (an unspecified penicillin counts as an aminopenicillin). */
function sharesSideChain(allergen: Allergen, entry: MedEntry): boolean {
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
