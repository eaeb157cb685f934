/**
 * The calculator contract: pure functions from named inputs (with units) to a value and an
 * explanation of the arithmetic. No I/O, no LSP, no free-text parsing: the caller supplies the
 * inputs (from a parsed note, a form, or a benchmark's entity list).
 */

/** A measured amount with the unit it was written in, e.g. `{ value: 1.4, unit: 'mg/dL' }`. */
export interface Quantity {
  value: number;
  unit: string;
}

/**
 * One input value. Quantities may be given as a bare number (read in the input's canonical unit);
 * booleans mean present/absent; strings are choices ("Grade 1-2") or dates ("03/23/2020",
 * "2020-03-23").
 */
export type InputValue = number | boolean | string | Quantity;

/** Inputs keyed by {@link InputSpec.key}. Absent keys are missing (booleans: absent = false). */
export type CalcInputs = Readonly<Record<string, InputValue | undefined>>;

/** How an input is read and which units it accepts. */
export type InputKind =
  | 'number' // dimensionless (INR, pH, GCS, A-a gradient, cycle length in days)
  | 'boolean' // present / absent; missing means absent
  | 'choice' // one of `choices`
  | 'date' // a calendar date
  | 'age' // years (also months, weeks, days)
  | 'mass' // kg (also g, lb, oz)
  | 'length' // cm (also m, mm, in, ft)
  | 'temperature' // °C (also °F)
  | 'concentration' // an analyte; `analyte` names it (canonical unit from the unit table)
  | 'count' // cells per volume; `analyte` names it (canonical 10^9/L)
  | 'pressure' // mm Hg
  | 'rate' // per minute (heart rate, respiratory rate)
  | 'percent' // %
  | 'duration' // ms (QT interval)
  | 'dose'; // a drug amount in `unit` (mg, µg, µg/hr, mcg/kg/min, mL/day, per day)

export interface InputSpec {
  /** Stable camelCase key used in {@link CalcInputs}. */
  key: string;
  /** Human label, e.g. "Serum creatinine". */
  label: string;
  kind: InputKind;
  /** The unit the calculator works in (what a bare number means). */
  unit?: string;
  /** For `concentration` and `count`: the analyte in the unit table (`creatinine`, `platelets`). */
  analyte?: string;
  /**
   * For `choice`: canonical options (matching ignores case, spaces and punctuation). For an
   * optional choice the first option is what a missing value means.
   */
  choices?: readonly string[];
  /** For `choice`: other spellings of a choice, e.g. `{ Male: ['M', 'man'] }`. */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Optional inputs may be missing; booleans are always optional (missing = absent). */
  optional?: boolean;
  /**
   * An optional choice between published conventions (a guideline's factors, a formula variant)
   * rather than a clinical finding: "Calculate…" asks it, offering the default first.
   */
  convention?: boolean;
  /** The MedCalc-Bench "Relevant Entities" key(s) this input is read from, first found wins. */
  medcalc?: readonly string[];
}

/** A published source for the calculator. */
export interface CalcReference {
  title: string;
  url: string;
}

/** A computed value. `value` is a number (rounded for display) or a date string MM/DD/YYYY. */
export interface CalcValue {
  ok: true;
  value: number | string;
  unit?: string;
  /** The arithmetic, one step a line, for hovers. */
  explanation: string;
}

/** Why a value could not be computed; `missing` lists input labels the user can supply. */
export interface CalcError {
  ok: false;
  error: string;
  missing: string[];
}

export type CalcResult = CalcValue | CalcError;

export interface Calculator {
  /** Stable kebab-case id, e.g. `cockcroft-gault`. */
  id: string;
  /** Display name. */
  name: string;
  /** MedCalc-Bench Calculator ID(s) and name this implements. */
  medcalc: { ids: readonly number[]; name: string };
  /** `integer` scores, `decimal` measurements, `date` (MM/DD/YYYY). */
  output: 'integer' | 'decimal' | 'date';
  reference: CalcReference;
  inputs: readonly InputSpec[];
  compute(inputs: CalcInputs): CalcResult;
}
