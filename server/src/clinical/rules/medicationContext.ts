/**
 * Medication context for the abbreviation rules: which numbers are doses (`5.0 mg`, not
 * `Cr 1.0 mg/dL` or `2.0 cm`), which drugs a clause names, and whether a place in the note sits in
 * a medication sig. The Joint Commission and ISMP lists apply to medication documentation, and a
 * rule that fires outside it (`A&Ox3`, `CVS HS dual`, `nasal d/c`) trains clinicians to ignore it.
 *
 * Context is judged per clause (a line cut at `;`, `|` and sentence ends, at most a few hundred
 * characters either side) so an all-caps nursing paragraph does not lend one system's drug to
 * another system's abbreviation. Pure; clauses are computed on demand and cached.
 */
import data from '../../knowledge/doNotUse.json';
import { findDrugNames, lookupDrug, type DrugMention } from '../../note/drugLexicon';
import type { ClinicalNote, Span } from '../../note/types';
import { groupSpan } from '../../note/text';
import { lineEndAfter, lineStartBefore, SpanIndex } from './spanIndex';

/** One number of a dose as written (`5.0`, `.5`, `1,000`). */
export interface DoseNumber {
  raw: string;
  span: Span;
}

/** A number (or range) followed by a dose unit: `5.0 mg`, `10U`, `0.5-1 mg`, `25 mcg/kg/min`. */
export interface Dose {
  /** First number through the unit (the denominator is not included). */
  span: Span;
  numbers: DoseNumber[];
  /** The unit as written (`U`, `mg`, `cc`). */
  unit: string;
  unitSpan: Span;
  /** mL / cc: a dose only next to a drug name. */
  volume: boolean;
}

/** A clause of the note with the doses and drug names in it. */
export interface Clause {
  start: number;
  end: number;
  /** The clause has letters and none of them lower case (ALL-CAPS nursing notes, EHR sigs). */
  upper: boolean;
  doses: Dose[];
  drugs: DrugMention[];
}

const ctx = data.medicationContext;
const MAX_REACH = 300;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '[ \\t]')).join('|');

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const DOSE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,*])(${NUM})(?:[ \t]?(?:-|–|to)[ \t]?(${NUM}))?[ \t]{0,2}(${alternation([...ctx.units, ...ctx.volumeUnits])})(?![\p{L}\p{N}%&'’])(?:[ \t]?\/[ \t]?(\d{0,3}[ \t]?[\p{L}²µμ]*))?`,
  'dgiu',
);
const LAB_DENOMINATORS = new Set(ctx.labDenominators.map((d) => d.replace(/\s/g, '')));
const VOLUME = new Set(ctx.volumeUnits);
const SIG_WORD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alternation([...ctx.routes, ...ctx.frequencies])}|${ctx.frequencyPattern})(?![\p{L}\p{N}])`,
  'iu',
);
const FOLLOW = new Set([...ctx.followWords, ...ctx.frequencies, ...ctx.scheduleWords, ...ctx.routes].map((w) => w.toLowerCase()));
const FREQUENCY_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alternation([...ctx.frequencies, ...ctx.scheduleWords])}|${ctx.frequencyPattern})(?![\p{L}\p{N}])`,
  'iu',
);
const FREQUENCY_WORDS = new Set([...ctx.frequencies, ...ctx.scheduleWords].map((w) => w.toLowerCase()));
const FREQ_TOKEN_RE = new RegExp(String.raw`^(?:${ctx.frequencyPattern}|x\d*|q\d+\w*)$`, 'i');
const wordsRe = (words: readonly string[], flags: string): RegExp =>
  new RegExp(String.raw`(?<![\p{L}])(?:${alternation(words)})(?![\p{L}])`, flags);
const EYE_RE = wordsRe(ctx.eyeWords, 'iu');
const EAR_RE = wordsRe(ctx.earWords, 'iu');
/** `1 gtt`, `two drops`, or an eye/ear product (`ointment`): the dose of a drop medication. */
const DROP_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:\d+(?:[-–]\d+)?|one|two|three|a)[ \t]*(?:${alternation(ctx.dropWords)})|${alternation(ctx.dropProducts)})(?![\p{L}])`,
  'iu',
);
const EYE_CLASSES = new Set(ctx.eyeClasses);
const HIGH_ALERT_CLASSES = new Set(ctx.highAlert.classes);
const HIGH_ALERT_GENERICS = new Set(ctx.highAlert.generics);
const HIGH_ALERT_NAMES_RE = wordsRe(ctx.highAlert.names, 'iu');
const SIG_GAP = new Set([...ctx.sigGapWords, ...ctx.routes, ...ctx.frequencies, ...ctx.units, ...ctx.volumeUnits].map((w) => w.toLowerCase()));
/** How far before an abbreviation its dose or drug may be for the abbreviation to be in the sig. */
const SIG_REACH = 40;

/** Doses written in `text[start, end)`. Laboratory units (`mg/dL`, `U/L`, `mL/min`) are not doses. */
export function findDoses(text: string, start: number, end: number, upperLine = false): Dose[] {
  const out: Dose[] = [];
  forEachDose(text, start, end, upperLine, (d) => {
    out.push(d);
  });
  return out;
}

/** Calls `visit` for each dose in `text[start, end)`, in order, until it returns false. */
export function forEachDose(text: string, start: number, end: number, upperLine: boolean, visit: (dose: Dose) => boolean | void): void {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  // A private copy: `visit` may look up a clause, which scans doses again.
  const re = new RegExp(DOSE_RE);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const dose = doseOf(m, start, upperLine);
    if (dose && visit(dose) === false) return;
  }
}

function doseOf(m: RegExpExecArray, start: number, upperLine: boolean): Dose | undefined {
  const unit = m[3] ?? '';
  const lowerUnit = unit.toLowerCase();
  const den = (m[4] ?? '').replace(/\s/g, '').toLowerCase();
  if (den.length > 0) {
    if (LAB_DENOMINATORS.has(den)) return undefined;
    if (VOLUME.has(lowerUnit) && den === 'min') return undefined; // mL/min is a clearance
  }
  // A capital G in mixed-case text is a cannula gauge (`18G IV`), not grams.
  if (unit === 'G' && !upperLine) return undefined;
  const numbers: DoseNumber[] = [];
  for (const g of [1, 2]) {
    const span = groupSpan(m, g, start);
    const raw = m[g];
    if (span && raw !== undefined) numbers.push({ raw, span });
  }
  const unitSpan = groupSpan(m, 3, start);
  const first = numbers[0];
  if (!unitSpan || !first) return undefined;
  return { span: { start: first.span.start, end: unitSpan.end }, numbers, unit, unitSpan, volume: VOLUME.has(lowerUnit) };
}

/** True when `text` names a frequency or route-independent schedule (`BID`, `q6h`, `nightly`, `PRN`). */
export function hasFrequency(text: string): boolean {
  return FREQUENCY_RE.test(text);
}

/** Medication context of one note; build one per rule run. */
export class MedicationContext {
  private readonly clauses = new Map<number, Clause>();
  private last: Clause | undefined;
  private readonly medSections: SpanIndex<Span>;
  private readonly medications: SpanIndex<ClinicalNote['medications'][number]>;
  private readonly measured: SpanIndex<Span>;

  constructor(
    private readonly text: string,
    note: ClinicalNote,
  ) {
    this.medSections = new SpanIndex(note.sections.filter((s) => s.kind === 'medications').map((s) => s.bodySpan), (s) => s);
    this.medications = new SpanIndex(note.medications, (m) => m.span);
    this.measured = new SpanIndex([...note.labs.map((l) => l.valueSpan), ...note.vitals.map((v) => v.valueSpan)], (s) => s);
  }

  /**
   * The clause containing `offset`. Scans reach at most a few hundred characters, and a clause
   * already built that contains `offset` is reused, so a note of a million symbols stays linear.
   */
  clauseAt(offset: number): Clause {
    const last = this.last;
    if (last && offset >= last.start && offset < last.end) return last;
    const { text } = this;
    const lineStart = lineStartBefore(text, offset, MAX_REACH);
    const lineEnd = lineEndAfter(text, offset, MAX_REACH);
    let start = lineStart;
    for (let i = offset - 1; i >= lineStart; i--) {
      if (isClauseEnd(text, i)) {
        start = i + 1;
        break;
      }
    }
    let end = lineEnd;
    for (let i = offset; i < lineEnd; i++) {
      if (isClauseEnd(text, i)) {
        end = i;
        break;
      }
    }
    const cached = this.clauses.get(start);
    if (cached && cached.end === end) return (this.last = cached);
    const clauseText = text.slice(start, end);
    const upper = /\p{L}/u.test(clauseText) && !/\p{Ll}/u.test(clauseText);
    // Short capitals (`NTG`, `ASA`, `NS`) are also non-drug abbreviations; they anchor a sig only
    // with a dose written right after them (see `namesDrug`).
    const drugs = findDrugNames(text, start, end).map((d) => (d.end - d.start <= 3 ? { ...d, ambiguous: true } : d));
    const clause: Clause = { start, end, upper, doses: findDoses(text, start, end, upper), drugs };
    if (this.clauses.size >= 512) this.clauses.clear(); // candidates come in text order; keep the cache small
    this.clauses.set(start, clause);
    this.last = clause;
    return clause;
  }

  /**
   * True when `offset` is inside a medication the parser found, or on a list line (under 200
   * characters) of a medications section: a paragraph that merely follows a `Meds:` heading is not.
   */
  inMedicationList(offset: number): boolean {
    const at = { start: offset, end: offset + 1 };
    if (this.medications.has(at)) return true;
    if (!this.medSections.has(at)) return false;
    return offset - lineStartBefore(this.text, offset, 200) < 200 && lineEndAfter(this.text, offset, 200) - offset < 200;
  }

  /** A drug the clause names for sure: a non-ambiguous name, or an ambiguous one with a dose right after it. */
  namesDrug(clause: Clause, before = Number.POSITIVE_INFINITY): boolean {
    return clause.drugs.some((d) => d.end <= before && (!d.ambiguous || clause.doses.some((x) => x.span.start >= d.end && x.span.start - d.end <= 12)));
  }

  /** The clause is medication documentation: a drug, a route or frequency, or a medication list. */
  isMedicationClause(clause: Clause, offset: number): boolean {
    if (this.namesDrug(clause) || this.inMedicationList(offset)) return true;
    return SIG_WORD_RE.test(this.text.slice(clause.start, clause.end));
  }

  /**
   * True when a dose or drug name ends shortly before `offset` in its clause (or, with `drops`, an
   * eye/ear drop word such as `1 gtt`): the sig position where routes, frequencies and sites are
   * written (`timolol 1 drop OU`, `heparin 5000 units SQ`), not `IOP: OD 16` or `Dist sc 20/25`.
   */
  afterDoseOrDrug(clause: Clause, offset: number, drops = false): boolean {
    const near = (end: number): boolean => end <= offset && offset - end <= SIG_REACH && sigGap(this.text.slice(end, offset));
    if (clause.doses.some((d) => near(d.span.end) && (!d.volume || this.namesDrug(clause)))) return true;
    if (clause.drugs.some((d) => near(d.end) && !d.ambiguous)) return true;
    if (!drops) return false;
    return DROP_RE.test(this.text.slice(Math.max(clause.start, offset - SIG_REACH), offset));
  }

  /**
   * Whether the clause is about the eyes (an eye word, an ophthalmic drug, or drops with no ear
   * word) or the ears (an ear word, or drops with no eye word), judged before `offset`.
   */
  site(clause: Clause, offset: number): { eye: boolean; ear: boolean } {
    const before = this.text.slice(clause.start, offset);
    const eyeWord = EYE_RE.test(before) || clause.drugs.some((d) => d.start < offset && d.info.classes.some((c) => EYE_CLASSES.has(c)));
    const earWord = EAR_RE.test(before);
    const drops = DROP_RE.test(before);
    return { eye: eyeWord || (drops && !earWord), ear: earWord || (drops && !eyeWord) };
  }

  /** True when the text within 30 characters of `offset` (in its clause) is written in capitals. */
  upperAround(clause: Clause, offset: number): boolean {
    const around = this.text.slice(Math.max(clause.start, offset - 30), Math.min(clause.end, offset + 30));
    return /\p{L}/u.test(around) && !/\p{Ll}/u.test(around);
  }

  /**
   * True when what follows `pos` fits a sig: the clause ends, punctuation or a number follows, or
   * a frequency, route or linking word (`BID`, `q8h`, `at`, `x 5 days`) or a drug name. `strict`
   * accepts only the end, punctuation, a number or a frequency (not `at`, `each`, `in`).
   */
  sigContinues(clause: Clause, pos: number, strict = false): boolean {
    const { text } = this;
    let i = pos;
    while (i < clause.end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= clause.end) return true;
    const c = text[i] ?? '';
    if (/[,;:.)\]/|\-–(]/.test(c) || /\d/.test(c)) return true;
    const word = /^[\p{L}][\p{L}\p{N}.]*/u.exec(text.slice(i, Math.min(clause.end, i + 24)))?.[0].replace(/\.$/, '').toLowerCase() ?? '';
    if (FREQ_TOKEN_RE.test(word) || FREQUENCY_WORDS.has(word)) return true;
    if (strict) return false;
    return FOLLOW.has(word) || clause.drugs.some((d) => d.start === i);
  }

  /** True when the clause (or the parsed medication at `offset`) names an ISMP high-alert drug. */
  highAlert(clause: Clause, offset: number): boolean {
    const generics: { generic: string; classes: readonly string[] }[] = clause.drugs.map((d) => d.info);
    for (const m of this.medications.overlapping({ start: offset, end: offset + 1 })) {
      if (m.generic) generics.push({ generic: m.generic, classes: lookupDrug(m.generic)?.classes ?? [] });
    }
    if (generics.some((g) => HIGH_ALERT_GENERICS.has(g.generic) || g.classes.some((c) => HIGH_ALERT_CLASSES.has(c)))) return true;
    return HIGH_ALERT_NAMES_RE.test(this.text.slice(clause.start, clause.end));
  }

  /** True when `span` overlaps a lab or vital the parsers read: a reported value, not a dose. */
  inMeasuredValue(span: Span): boolean {
    return this.measured.has(span);
  }
}

/** True when `gap` holds only sig material: numbers, units, routes, frequencies, forms, light punctuation. */
function sigGap(gap: string): boolean {
  for (const m of gap.matchAll(/[\p{L}][\p{L}.]*|[^\s\p{L}\d.,%~()/\-–+*'’]/gu)) {
    const w = m[0].toLowerCase();
    if (!/^\p{L}/u.test(w)) return false;
    if (!SIG_GAP.has(w) && !SIG_GAP.has(w.replace(/\.+$/, '')) && !/^q\d+\p{L}*$/u.test(w)) return false;
  }
  return true;
}

function isClauseEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === ';' || c === '|' || c === '•') return true;
  // `Eye medications: Cosopt BID OU`, `Pseudophakia OS -- s/p SLT`: a label or a list dash ends a
  // clause (not `8:00`, `5 - 10 mg` or `sacubitril-valsartan`).
  if (c === ':' && /\s/.test(text[i + 1] ?? '')) return true;
  if ((c === '-' || c === '–') && /\s/.test(text[i - 1] ?? '') && /^-?\s+\p{L}/u.test(text.slice(i + 1, i + 4))) return true;
  // A full stop after a word, followed by a space: `... q6h. Lisinopril ...` (not `1.5`).
  return c === '.' && /\s/.test(text[i + 1] ?? '') && /\p{L}|\)/u.test(text[i - 1] ?? '') && !/\.\p{L}$/u.test(text.slice(i - 2, i));
}
