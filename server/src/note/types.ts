/**
 * The structured note: what the parser finds in a clinical note, each item with exact character
 * ranges so the language server can point at it. Pure data; no LSP types.
 *
 * Offsets are UTF-16 code-unit indices into the document text (what `TextDocument.positionAt`
 * takes), half-open: `[start, end)`.
 */

/** A half-open range of character offsets `[start, end)` into the note text. */
export interface Span {
  start: number;
  end: number;
}

/* ------------------------------------------------------------------ sections */

/** Canonical section kinds. `other` is a heading we recognised as a heading but not by name. */
export type SectionKind =
  | 'chief-complaint'
  | 'hpi'
  | 'ros'
  | 'pmh'
  | 'psh'
  | 'medications'
  | 'allergies'
  | 'social-history'
  | 'family-history'
  | 'physical-exam'
  | 'vitals'
  | 'labs'
  | 'imaging'
  | 'assessment'
  | 'plan'
  | 'assessment-and-plan'
  | 'disposition'
  | 'subjective'
  | 'objective'
  | 'procedure'
  | 'hospital-course'
  | 'instructions'
  | 'follow-up'
  | 'other';

export interface Section {
  kind: SectionKind;
  /** The heading text as written, without markdown `#` or the trailing colon. */
  title: string;
  /** Markdown heading depth (1 for `#`), or 1 for plain headings. Nested sections use 2+. */
  level: number;
  /** The heading itself (title only, no `#`, no colon). */
  headingSpan: Span;
  /** From the heading's first character to the end of the section's body. */
  span: Span;
  /** The body: from after the heading (and colon) to the next heading of the same or higher level. */
  bodySpan: Span;
}

/* ------------------------------------------------------------------ assertion (ConText) */

export type Certainty = 'affirmed' | 'negated' | 'possible';
export type Temporality = 'recent' | 'historical' | 'hypothetical';
export type Experiencer = 'patient' | 'other';

/** ConText-style assertion for a mention: is it present, for whom, and when. */
export interface Assertion {
  certainty: Certainty;
  temporality: Temporality;
  experiencer: Experiencer;
  /** The trigger phrases that decided the values above, with where they are in the text. */
  cues: AssertionCue[];
}

export interface AssertionCue {
  /** Which property the cue sets. */
  category: 'negation' | 'possible' | 'historical' | 'hypothetical' | 'experiencer';
  span: Span;
}

/* ------------------------------------------------------------------ vitals */

/** Supplemental oxygen documented alongside an SpO2 (NEWS2 needs air vs oxygen). */
export interface OxygenSupport {
  /** true when any supplemental oxygen is documented; false for room air. */
  supplemental: boolean;
  device?: 'room-air' | 'nasal-cannula' | 'simple-mask' | 'venturi-mask' | 'non-rebreather' | 'high-flow' | 'cpap' | 'bipap' | 'ventilator' | 'other';
  /** Flow in litres per minute, when written (`2L NC`, `15 L/min NRB`). */
  flowLpm?: number;
  /** Fraction of inspired oxygen, 0.21–1.0, when written (`FiO2 40%`, `FiO2 0.4`). */
  fio2?: number;
  span: Span;
}

interface VitalBase {
  /** The whole mention: label through value and unit. */
  span: Span;
  /** The value (for BP, both numbers `142/88`). */
  valueSpan: Span;
}

export interface BloodPressureVital extends VitalBase {
  kind: 'blood-pressure';
  /** mmHg */
  systolic: number;
  /** mmHg */
  diastolic: number;
}

export interface NumericVital extends VitalBase {
  kind: 'heart-rate' | 'respiratory-rate' | 'temperature' | 'spo2' | 'pain' | 'weight' | 'height';
  /**
   * Normalised value: heart-rate and respiratory-rate per minute, temperature °C, spo2 %,
   * pain 0–10, weight kg, height cm.
   */
  value: number;
  /** The normalised unit: `/min`, `°C`, `%`, `/10`, `kg`, `cm`. */
  unit: string;
  /** The value and unit as written, when a conversion was made (e.g. `{ value: 101.2, unit: '°F' }`). */
  original?: { value: number; unit: string };
  /** SpO2 only: supplemental oxygen, if documented. */
  oxygen?: OxygenSupport;
}

/** Level of consciousness: ACVPU and/or GCS and/or new confusion. */
export interface ConsciousnessVital extends VitalBase {
  kind: 'consciousness';
  acvpu?: 'A' | 'C' | 'V' | 'P' | 'U';
  /** Glasgow Coma Scale total, 3–15. */
  gcs?: number;
  /** GCS components when written as E4V5M6. */
  gcsComponents?: { eye: number; verbal: number; motor: number };
  /** New confusion / disorientation documented (NEWS2 scores it as C). */
  newConfusion?: boolean;
}

export type Vital = BloodPressureVital | NumericVital | ConsciousnessVital;
export type VitalKind = Vital['kind'];

/* ------------------------------------------------------------------ medications and allergies */

export interface Medication {
  /** The whole medication mention (usually a line or list item). */
  span: Span;
  /** Drug name as written. */
  name: string;
  nameSpan: Span;
  /** Lower-case generic name when the drug is known to the knowledge base (brand names mapped). */
  generic?: string;
  /** Whether the name matched the knowledge base's drug list. */
  known: boolean;
  /** Strength of one dose as written: `500 mg`, `0.5 mg`, `10 units`, `40 mEq`. */
  strength?: { value: number; unit: string; span: Span; /** The numeral exactly as written, e.g. `5.0` or `.5`. */ raw: string };
  /** Number of dose units per administration (`2 tabs`, `1 puff`). */
  quantity?: { value: number; form: string; span: Span };
  /** Canonical route: PO, IV, IM, SC, SL, PR, INH, TOP, TD, NEB, ... */
  route?: { value: string; span: Span };
  /** Frequency as written with what it means. */
  frequency?: {
    text: string;
    span: Span;
    /** Administrations per day (q6h → 4, weekly → 1/7); undefined when it can't be derived. */
    dosesPerDay?: number;
    /** Hours between doses when defined by an interval. */
    intervalHours?: number;
  };
  prn: boolean;
  prnSpan?: Span;
  /** `for pain`, `PRN nausea`. */
  indication?: { text: string; span: Span };
  /** Where the mention was found: a medications section list, or inline in prose. */
  context: 'medication-list' | 'inline';
  /** Stopped/held medications are parsed but marked. */
  status: 'active' | 'discontinued' | 'held';
}

export interface Allergy {
  span: Span;
  substance: string;
  substanceSpan: Span;
  /** Lower-case canonical substance (generic drug or class id) when known. */
  canonical?: string;
  reaction?: { text: string; span: Span };
  severity?: 'mild' | 'moderate' | 'severe';
}

export interface AllergyList {
  /**
   * `nkda`: no known (drug) allergies documented; `documented`: at least one allergy;
   * `not-documented`: neither.
   */
  status: 'nkda' | 'documented' | 'not-documented';
  items: Allergy[];
  /** Where `NKDA` / `No known allergies` is written. */
  nkdaSpan?: Span;
}

/* ------------------------------------------------------------------ labs */

export interface LabResult {
  /** Canonical analyte id from the knowledge base, e.g. `creatinine`, `potassium`, `troponin-i`. */
  analyte: string;
  /** Display name, e.g. `Creatinine`. */
  display: string;
  span: Span;
  /** The analyte name as written. */
  nameSpan: Span;
  valueSpan: Span;
  /** Value as written. */
  value: number;
  /** Unit as written, or the analyte's assumed unit when none was written (see `unitAssumed`). */
  unit: string;
  unitAssumed: boolean;
  /** The value in the analyte's canonical unit (from the knowledge base). */
  canonical: { value: number; unit: string };
  /** `<` / `>` when written (`troponin <0.01`). */
  comparator?: '<' | '>' | '<=' | '>=';
  /** H/L flags as written. */
  flag?: 'H' | 'L' | 'HH' | 'LL' | 'critical';
}

/* ------------------------------------------------------------------ problems, codes, demographics */

export interface CodeMention {
  system: 'ICD-10' | 'SNOMED' | 'LOINC';
  code: string;
  span: Span;
}

export interface Problem {
  /** The problem text as written (trimmed, without list markers or codes). */
  text: string;
  span: Span;
  /** Section it came from (assessment, plan, pmh, ...). */
  section: SectionKind;
  assertion: Assertion;
  code?: CodeMention;
}

export interface Demographics {
  age?: { years: number; span: Span };
  sex?: { value: 'female' | 'male'; span: Span };
}

export type NoteType =
  | 'progress-note'
  | 'history-and-physical'
  | 'discharge-summary'
  | 'ed-note'
  | 'clinic-visit'
  | 'procedure-note'
  | 'nursing-note'
  | 'unknown';

/** Why the text was not analysed, when it wasn't. */
export interface InputProblem {
  kind: 'binary' | 'too-large' | 'empty';
  message: string;
}

/** Everything the parser found in one note. */
export interface ClinicalNote {
  /** Length of the text that was parsed, in UTF-16 code units. */
  length: number;
  noteType: NoteType;
  sections: Section[];
  vitals: Vital[];
  medications: Medication[];
  allergies: AllergyList;
  labs: LabResult[];
  problems: Problem[];
  codes: CodeMention[];
  demographics: Demographics;
  /** Set when the input was not analysed (binary, over the size limit) or is empty. */
  inputProblem?: InputProblem;
}
