/**
 * Which parsed medications the medication-safety rules (drug-allergy, duplicate therapy, dose
 * range) judge: the ones the patient is taking or is being given now. A prose mention (`switched
 * from warfarin to apixaban`, `will decide insulin vs metformin`), a past course (`was on
 * amoxicillin 500 mg last month`), a drug named in the allergy list or the past history, and a lab
 * the medication parser also read as a dose (`Potassium 4.2 mmol/L`) are not orders, and a safety
 * rule that fires on them trains clinicians to ignore it.
 *
 * Pure; one call per rule run.
 */
import duplicateData from '../../knowledge/duplicateClasses.json';
import { createAssertionContext } from '../../note/assertion';
import { lookupDrug } from '../../note/drugLexicon';
import type { ClinicalNote, Medication, Section, SectionKind, Span } from '../../note/types';
import { lineEndAfter, lineStartBefore, SpanIndex } from './spanIndex';

/** An active medication with what the knowledge base knows about it. */
export interface MedEntry {
  med: Medication;
  /** Lower-case generic (from the lexicon, or from the extra drugs for names it lacks). */
  generic: string;
  /** The generic's ingredients: `hydrocodone-acetaminophen` → hydrocodone, acetaminophen. */
  ingredients: readonly string[];
  classes: ReadonlySet<string>;
  /** The list the entry belongs to: its outermost medications section, else its innermost section. */
  list: Section | undefined;
  /** The line the entry is written on (up to 400 characters each way). */
  line: Span;
}

/** Drugs the lexicon lacks, keyed by lower-case name as written. */
type ExtraDrugs = Readonly<Record<string, { generic: string; classes: readonly string[] }>>;
/** `aliskiren` is not in `drugs.json`; the duplicate-therapy data names it for dual RAAS blockade. */
const EXTRA_DRUGS = duplicateData.extraDrugs as ExtraDrugs;

/** Sections whose medications are history or something else, not current therapy. */
const NOT_CURRENT = new Set<SectionKind>([
  'pmh', 'psh', 'family-history', 'social-history', 'allergies', 'hospital-course', 'ros', 'physical-exam', 'labs', 'imaging', 'vitals',
]);
/**
 * A past-use cue earlier in the entry's clause: `previously on`, `was given`, `tried`, `2 years ago`.
 * `ago`/`last month` also count after the name (`took amoxicillin 500 mg 3 weeks ago`), and so does
 * weaning (`on Prozac 20 mg but weaned himself off`, `self-weened from Prozac`).
 */
const PAST_BEFORE_RE = /\b(?:previously|prior(?:ly)?|formerly|used to|was (?:on|given|treated|started|taking|prescribed)|were (?:on|given)|had been|in the past|history of|h\/o|hx of|tried|trialed|trialled|failed|completed|finished|took|received|s\/p|(?:weaned|weened|came) (?:off|from))\b[^.;\n]*$/i;
const PAST_AFTER_RE = /^[^.;\n]*\b(?:ago|last (?:week|month|year)|in (?:19|20)\d\d|previously|in the past|finished|completed|ceased|course done|(?:weaned|weened)(?: \w+)? (?:off|from))\b/i;
/**
 * An option rather than an order, before the name in its clause: `SSRIs (eg sertraline)`, `can
 * trial naproxen`, `discussed ibuprofen`, `if pain persists, naproxen`. `may take` is permission
 * (a PRN instruction), not an option.
 */
const OPTION_BEFORE_RE = /(?:\be\.g\.?|\beg\b|\b(?:such as|consider(?:ing|ed)?|might|could|can (?:trial|try|consider)|may (?!take|use|continue|resume|give|have|repeat|increase)|options?|alternatives?|discussed|whether|vs\.?|versus|declined|refused|avoid(?:ing)?|hold off|defer(?:red)?|if)\b)[^.;\n]*$/i;
const OPTION_AFTER_RE = /^[^.;\n]*?\b(?:(?:may|could|can|to) be (?:considered|added|started|tried|used)|vs\.?|versus)(?![\p{L}])/iu;
/** The medication parser reads lab values with a mass unit per volume as doses; they are results. */
const LAB_UNIT_RE = /\/(?:d?l|dl|ml)$/i;

/**
 * Active medications that read as current therapy: listed in a medication section, or written
 * with a dose, route, frequency or PRN (an order), outside history and allergy sections, not a
 * lab value, not a past course, not negated, hypothetical or about someone else (ConText).
 */
export function currentMedications(text: string, note: ClinicalNote): readonly MedEntry[] {
  // The three medication rules ask for the same note in turn; work it out once.
  const cached = CACHE.get(note);
  if (cached && cached.text === text) return cached.entries;
  const entries = compute(text, note, EXTRA_DRUGS);
  CACHE.set(note, { text, entries });
  return entries;
}

const CACHE = new WeakMap<ClinicalNote, { text: string; entries: readonly MedEntry[] }>();

function compute(text: string, note: ClinicalNote, extraDrugs: ExtraDrugs): MedEntry[] {
  const labs = new SpanIndex(note.labs, (l) => l.span);
  const allergies = new SpanIndex(note.allergies.items, (a) => a.span);
  const sections = new SpanIndex(note.sections, (s) => s.span);
  const assertion = createAssertionContext(text);
  const out: MedEntry[] = [];
  for (const med of note.medications) {
    if (med.status !== 'active') continue;
    const known = identify(med, extraDrugs);
    if (!known) continue;
    if (med.context !== 'medication-list' && !med.strength && !med.frequency && !med.route && !med.prn) continue;
    if (med.strength && LAB_UNIT_RE.test(med.strength.unit)) continue;
    if (labs.has(med.nameSpan) || allergies.has(med.span)) continue;
    const around = sections.overlapping({ start: med.span.start, end: med.span.start + 1 });
    if (around.some((s) => NOT_CURRENT.has(s.kind))) continue;
    const line = { start: lineStartBefore(text, med.span.start, 400), end: lineEndAfter(text, med.span.end, 400) };
    if (PAST_BEFORE_RE.test(text.slice(line.start, med.nameSpan.start)) || PAST_AFTER_RE.test(text.slice(med.nameSpan.end, line.end))) continue;
    if (OPTION_BEFORE_RE.test(clauseBefore(text, line.start, med.nameSpan.start)) || OPTION_AFTER_RE.test(text.slice(med.nameSpan.end, line.end))) continue;
    // `no NSAIDs`, `history of warfarin`, `mother takes sertraline`: not this patient's therapy now.
    // ConText reads `as needed` as hypothetical; for a PRN order that is the point, not a doubt.
    const a = assertion.assertionFor(med.nameSpan);
    if (a.certainty !== 'affirmed' || a.experiencer !== 'patient') continue;
    if (a.temporality === 'historical' || (a.temporality === 'hypothetical' && !med.prn)) continue;
    out.push({ med, ...known, list: listOf(around), line });
  }
  return out;
}

function identify(med: Medication, extraDrugs: ExtraDrugs): { generic: string; ingredients: string[]; classes: Set<string> } | undefined {
  const extra = extraDrugs[med.name.toLowerCase()];
  const generic = med.generic ?? extra?.generic;
  if (!generic) return undefined;
  const classes = new Set(lookupDrug(generic)?.classes ?? extra?.classes ?? []);
  return { generic, ingredients: ingredientsOf(generic), classes };
}

/** The text from the start of the clause (after the last `.`, `;`, `:` or bullet) up to `end`. */
function clauseBefore(text: string, lineStart: number, end: number): string {
  const before = text.slice(lineStart, end);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf(': '), before.lastIndexOf('•'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** The ingredients of a generic; combinations are joined by `-` in the lexicon. */
export function ingredientsOf(generic: string): string[] {
  return generic.split('-').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The outermost medications section around the entry (a `Discharge medications` list with `New`/`Continue` sub-lists is one list), else the innermost section. */
function listOf(around: readonly Section[]): Section | undefined {
  const meds = around.filter((s) => s.kind === 'medications').sort((a, b) => a.level - b.level || a.span.start - b.span.start);
  if (meds[0]) return meds[0];
  return [...around].sort((a, b) => b.level - a.level || b.span.start - a.span.start)[0];
}

/**
 * A case-insensitive pattern matching any of `cues` as whole words (longest first; a space matches
 * any run of whitespace). Alternation of literals only, so it runs in linear time.
 */
export function cuePattern(cues: readonly string[]): RegExp {
  const alternatives = [...cues].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`));
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|')})(?![\p{L}\p{N}])`, 'iu');
}

/** `Apixaban` from `apixaban`: the name as written, with a capital first letter for a sentence start. */
export function capitalised(name: string): string {
  return name.length === 0 ? name : (name[0] ?? '').toUpperCase() + name.slice(1);
}

/** `6,000`, `0.125`, `1.5`: a number for a message, grouped in thousands, at most three decimals. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '-' : '') + grouped + (fraction ? '.' + fraction : '');
}
