/**
 * Reading calculator inputs: one reader per input kind, unit conversion, and the wrapper that
 * turns a calculator body into a `compute` that never returns NaN — missing or unreadable inputs
 * become a {@link CalcError} that lists what to supply.
 */
import type { CalcInputs, CalcResult, Calculator, InputSpec, InputValue, Quantity } from './types';
import { toCelsius, toCm, toConcentration, toCount, toDose, toKg, toMmHg, toMs, toPercent, toPerMinute, toYears, type Converted } from './units';
import { parseDate, type CalDate } from './dateMath';

/** Thrown inside a calculator body when an input it needs is absent. */
export class MissingInputError extends Error {
  constructor(readonly labels: string[]) {
    super(`missing ${labels.join(', ')}`);
  }
}

/** Thrown when an input is present but cannot be read (bad unit, unknown choice, bad date). */
export class BadInputError extends Error {}

const isQuantity = (v: InputValue): v is Quantity => typeof v === 'object' && v !== null && typeof v.value === 'number';

/** Lower-case letters and digits only: "Grade 1-2" and "grade 1–2" compare equal. */
export function normaliseChoice(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const FALSE_WORDS = /^(?:false|no|n|absent|none|negative|neg|not\b.*|denies|0)$/i;

/** Typed access to one calculator's inputs, converting units as it reads. */
export class InputReader {
  /** Unit assumptions made while reading (shown in the explanation). */
  readonly notes: string[] = [];
  private readonly specs: ReadonlyMap<string, InputSpec>;

  constructor(
    specs: readonly InputSpec[],
    private readonly raw: CalcInputs,
  ) {
    this.specs = new Map(specs.map((s) => [s.key, s]));
  }

  private spec(key: string): InputSpec {
    const s = this.specs.get(key);
    if (!s) throw new Error(`calculator reads undeclared input '${key}'`);
    return s;
  }

  /** The input's human label. */
  label(key: string): string {
    return this.spec(key).label;
  }

  /** True when the input was supplied (booleans: supplied at all, true or false). */
  has(key: string): boolean {
    const v = this.raw[key];
    return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
  }

  /** A number in the input's unit; throws {@link MissingInputError} when absent. */
  num(key: string): number {
    const v = this.optNum(key);
    if (v === undefined) throw new MissingInputError([this.spec(key).label]);
    return v;
  }

  /** A number in the input's unit, or undefined when absent. */
  optNum(key: string): number | undefined {
    const s = this.spec(key);
    if (!this.has(key)) return undefined;
    const v = this.raw[key] as InputValue;
    let value: number;
    let unit: string | undefined;
    if (isQuantity(v)) {
      value = v.value;
      unit = v.unit;
    } else if (typeof v === 'number') value = v;
    else if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) value = Number(v);
    else throw new BadInputError(`${s.label}: expected a number${s.unit ? ` in ${s.unit}` : ''}, got '${String(v)}'`);
    if (!Number.isFinite(value)) throw new BadInputError(`${s.label}: not a finite number`);
    // No calculator input is negative (temperatures are read in °C/°F, both positive in life).
    if (value < 0) throw new BadInputError(`${s.label}: ${value} cannot be negative`);
    if (unit === undefined || unit.trim() === '') return value;
    const c = convert(s, value, unit);
    if (!c.ok) throw new BadInputError(`${s.label}: ${c.error}`);
    if (c.note) this.notes.push(c.note);
    return c.value;
  }

  /** Present/absent; missing means absent. Strings like "absent", "not mentioned" read as false. */
  bool(key: string): boolean {
    this.spec(key);
    const v = this.raw[key];
    if (v === undefined || v === null) return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v.trim() !== '' && !FALSE_WORDS.test(v.trim());
    return true;
  }

  /** One of the spec's choices (canonical spelling); false reads as the first choice. */
  choice(key: string): string {
    const c = this.optChoice(key);
    if (c === undefined) throw new MissingInputError([this.spec(key).label]);
    return c;
  }

  /** One of the spec's choices, or undefined when absent. */
  optChoice(key: string): string | undefined {
    const s = this.spec(key);
    const choices = s.choices ?? [];
    if (!this.has(key)) return undefined;
    const v = this.raw[key];
    if (v === false) return choices[0];
    if (v === true) {
      const t = choices.find((c) => normaliseChoice(c) === 'present' || normaliseChoice(c) === 'yes') ?? choices[1];
      if (t !== undefined) return t;
    }
    const wanted = normaliseChoice(String(v));
    const hit = choices.find((c) => normaliseChoice(c) === wanted || (s.synonyms?.[c] ?? []).some((syn) => normaliseChoice(syn) === wanted));
    if (hit === undefined) throw new BadInputError(`${s.label}: '${String(v)}' is not one of ${choices.map((c) => `'${c}'`).join(', ')}`);
    return hit;
  }

  /** A calendar date; throws when absent or unreadable. */
  date(key: string): CalDate {
    const s = this.spec(key);
    if (!this.has(key)) throw new MissingInputError([s.label]);
    const d = parseDate(String(this.raw[key]));
    if (!d) throw new BadInputError(`${s.label}: cannot read date '${String(this.raw[key])}' (use MM/DD/YYYY or YYYY-MM-DD)`);
    return d;
  }
}

function convert(s: InputSpec, value: number, unit: string): Converted {
  switch (s.kind) {
    case 'age':
      return toYears(value, unit);
    case 'mass':
      return toKg(value, unit);
    case 'length':
      return toCm(value, unit);
    case 'temperature':
      return toCelsius(value, unit);
    case 'concentration':
      return toConcentration(s.analyte ?? '', value, unit);
    case 'count':
      return toCount(s.analyte ?? '', value, unit);
    case 'pressure':
      return toMmHg(value, unit);
    case 'rate':
      return toPerMinute(value, unit);
    case 'percent':
      return toPercent(value, unit);
    case 'duration':
      return toMs(value, unit);
    case 'dose':
      return s.unit ? toDose(value, unit, s.unit) : { ok: true, value };
    default:
      // Dimensionless inputs (INR, pH, GCS, counts per day): the unit is descriptive only.
      return { ok: true, value };
  }
}

/** What a calculator body returns: the value and its explanation lines. */
export interface Outcome {
  value: number | string;
  unit?: string;
  lines: string[];
}

/** A calculator definition whose body reads inputs through an {@link InputReader}. */
export type CalculatorDef = Omit<Calculator, 'compute'> & { run(v: InputReader): Outcome };

/**
 * Wraps a calculator body: checks required inputs first (all missing ones reported together),
 * converts units while reading, and turns thrown input errors and non-finite results into a
 * {@link CalcError}.
 */
export function defineCalculator(def: CalculatorDef): Calculator {
  const { run, ...meta } = def;
  return {
    ...meta,
    compute(inputs: CalcInputs): CalcResult {
      const v = new InputReader(def.inputs, inputs ?? {});
      const missing = def.inputs.filter((s) => !s.optional && s.kind !== 'boolean' && !v.has(s.key)).map((s) => s.label);
      if (missing.length > 0) return { ok: false, error: `${def.name}: missing ${missing.join(', ')}.`, missing };
      let out: Outcome;
      try {
        out = run(v);
      } catch (err) {
        if (err instanceof MissingInputError) return { ok: false, error: `${def.name}: missing ${err.labels.join(', ')}.`, missing: err.labels };
        if (err instanceof BadInputError) return { ok: false, error: `${def.name}: ${err.message}.`, missing: [] };
        throw err;
      }
      if (typeof out.value === 'number' && !Number.isFinite(out.value)) {
        return { ok: false, error: `${def.name}: the inputs give no finite result (check for zero or out-of-range values).`, missing: [] };
      }
      const lines = v.notes.length > 0 ? [...v.notes.map((n) => `Note: ${n}.`), ...out.lines] : out.lines;
      return { ok: true, value: out.value, ...(out.unit ? { unit: out.unit } : {}), explanation: lines.join('\n') };
    },
  };
}

/** Rounds for display: `digits` decimals (default 3), no negative zero. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  const r = Math.round((x + Math.sign(x) * Number.EPSILON * Math.abs(x)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A number for explanation text: at most `digits` decimals, trailing zeros dropped. */
export function fmt(x: number, digits = 3): string {
  return String(round(x, digits));
}
