/**
 * Unit conversion for calculator inputs: each reader takes a value and the unit it was written in
 * and returns the value in the calculator's unit, or why it cannot. Concentrations convert
 * through mass, moles or equivalents using the molar masses in `calculatorUnits.json`.
 *
 * A value that is physiologically impossible in its stated unit but plausible in the calculator's
 * unit (the note said "sodium 137 mg/dL", "albumin 3.2 mg/dL", "WBC 9400 /m^3") is read in the
 * calculator's unit, and the reading says so, so the hover shows the assumption.
 */
import table from '../../knowledge/calculatorUnits.json';

/** A converted value, with a note when the stated unit was overridden as implausible. */
export type Converted = { ok: true; value: number; note?: string } | { ok: false; error: string };

interface AnalyteInfo {
  canonical: string;
  molarMass?: number;
  valence?: number;
  pmolPerMicroIU?: number;
  plausible: number[];
}

const ANALYTES: Readonly<Record<string, AnalyteInfo>> = table.analytes;
const COUNTS: Readonly<Record<string, { canonical: string; plausible: number[] }>> = table.counts;
const MASS: Readonly<Record<string, number>> = table.mass;
const LENGTH: Readonly<Record<string, number>> = table.length;

/** Lower-case, no spaces, one micro sign, `mcg`/`ug`/`umol` spelled with µ. */
export function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/[\u03bc]/g, '\u00b5')
    .replace(/\s+/g, '')
    .replace(/^(?:mcg|ug)/, 'µg')
    .replace(/^mc(?=\/)/, 'µg')
    .replace(/^u(?=(?:mol|iu|g)\b)/, 'µ')
    .replace(/^mcmol/, 'µmol');
}

const ok = (value: number, note?: string): Converted => (note ? { ok: true, value, note } : { ok: true, value });
const fail = (error: string): Converted => ({ ok: false, error });

function fromTable(factors: Readonly<Record<string, number>>, value: number, unit: string, what: string): Converted {
  const f = factors[normaliseUnit(unit)];
  return f === undefined ? fail(`unsupported ${what} unit '${unit}' (use ${Object.keys(factors).join(', ')})`) : ok(value * f);
}

/** Weight in kg. */
export function toKg(value: number, unit: string): Converted {
  return fromTable(MASS, value, unit, 'weight');
}

/** Height or length in cm. */
export function toCm(value: number, unit: string): Converted {
  return fromTable(LENGTH, value, unit, 'length');
}

/** Age in years (months, weeks and days accepted). */
export function toYears(value: number, unit: string): Converted {
  const u = normaliseUnit(unit);
  if (/^(?:y|yr|yrs|year|years)$/.test(u)) return ok(value);
  if (/^(?:mo|mos|month|months)$/.test(u)) return ok(value / 12);
  if (/^(?:w|wk|wks|week|weeks)$/.test(u)) return ok((value * 7) / 365.25);
  if (/^(?:d|day|days)$/.test(u)) return ok(value / 365.25);
  return fail(`unsupported age unit '${unit}' (use years or months)`);
}

/**
 * Temperature in °C. Accepts °C/°F spelled out (and the misspellings seen in real data). A
 * "Fahrenheit" value under 46 is a Celsius reading; a "Celsius" value over 60 is Fahrenheit.
 */
export function toCelsius(value: number, unit: string): Converted {
  const u = normaliseUnit(unit).replace(/degrees?|deg|°|º/g, '');
  const isF = /^f/.test(u);
  const isC = /^c/.test(u) || u === '';
  if (!isF && !isC) return fail(`unsupported temperature unit '${unit}' (use °C or °F)`);
  if (isF && value < 46) return ok(value, `${value} °F is not a body temperature; read as ${value} °C`);
  if (isC && value > 60) return ok(((value - 32) * 5) / 9, `${value} °C is not a body temperature; read as ${value} °F`);
  return ok(isF ? ((value - 32) * 5) / 9 : value);
}

/** Pressure in mm Hg (kPa and cm H2O accepted). */
export function toMmHg(value: number, unit: string): Converted {
  const u = normaliseUnit(unit);
  if (u === 'mmhg' || u === 'torr') return ok(value);
  if (u === 'kpa') return ok(value * 7.50062);
  return fail(`unsupported pressure unit '${unit}' (use mm Hg or kPa)`);
}

/** Interval in ms (s accepted). */
export function toMs(value: number, unit: string): Converted {
  const u = normaliseUnit(unit);
  if (/^(?:ms|msec|millisecond|milliseconds)$/.test(u)) return ok(value);
  if (/^(?:s|sec|second|seconds)$/.test(u)) return ok(value * 1000);
  return fail(`unsupported interval unit '${unit}' (use ms)`);
}

/** Per-minute rates: heart rate (bpm) and respiratory rate. */
export function toPerMinute(value: number, unit: string): Converted {
  const u = normaliseUnit(unit);
  if (/(?:perminute|\/min|bpm|^min-1$)/.test(u) || u === '') return ok(value);
  return fail(`unsupported rate unit '${unit}' (use per minute)`);
}

/** Percent; a fraction ≤ 1 (FiO2 0.4) is read as a fraction. */
export function toPercent(value: number, unit: string): Converted {
  const u = normaliseUnit(unit);
  if (u === '%' || u === 'percent') return ok(value);
  if (u === '' || u === 'fraction') return ok(value <= 1 ? value * 100 : value);
  return fail(`unsupported percent unit '${unit}'`);
}

/* ---------------------------------------------------------------- concentrations */

type Basis = 'g' | 'mol' | 'eq' | 'iu' | 'u';

interface ParsedConc {
  basis: Basis;
  /** Multiply a value in this unit by `perL` to get basis units per litre. */
  perL: number;
}

const NUMERATOR: Readonly<Record<string, [Basis, number]>> = {
  g: ['g', 1],
  mg: ['g', 1e-3],
  µg: ['g', 1e-6],
  ng: ['g', 1e-9],
  mol: ['mol', 1],
  mmol: ['mol', 1e-3],
  µmol: ['mol', 1e-6],
  pmol: ['mol', 1e-12],
  eq: ['eq', 1],
  meq: ['eq', 1e-3],
  iu: ['iu', 1],
  miu: ['iu', 1e-3],
  µiu: ['iu', 1e-6],
  u: ['u', 1],
};

const DENOMINATOR: Readonly<Record<string, number>> = { l: 1, dl: 0.1, ml: 1e-3, µl: 1e-6 };

function parseConcentration(unit: string): ParsedConc | undefined {
  const u = normaliseUnit(unit);
  const slash = u.indexOf('/');
  if (slash < 0) return undefined;
  const num = NUMERATOR[u.slice(0, slash)];
  const den = DENOMINATOR[u.slice(slash + 1)];
  if (!num || den === undefined) return undefined;
  return { basis: num[0], perL: num[1] / den };
}

/** 1 µIU/mL = k pmol/L means 1e-3 IU/L = k × 1e-12 mol/L, i.e. 1 IU = k × 1e-9 mol. */
const MOL_PER_IU_PER_PMOL_PER_MICROIU = 1e-9;

/** Converts basis-per-litre amounts between bases for one analyte. */
function rebase(amount: number, from: Basis, to: Basis, a: AnalyteInfo): number | undefined {
  if (from === to) return amount;
  if ((from === 'iu' || from === 'u') && (to === 'iu' || to === 'u')) return amount;
  let mol: number | undefined;
  if (from === 'mol') mol = amount;
  else if (from === 'g' && a.molarMass) mol = amount / a.molarMass;
  else if (from === 'eq') mol = amount / (a.valence ?? 1);
  else if (from === 'iu' && a.pmolPerMicroIU) mol = amount * a.pmolPerMicroIU * MOL_PER_IU_PER_PMOL_PER_MICROIU;
  if (mol === undefined) return undefined;
  if (to === 'mol') return mol;
  if (to === 'g' && a.molarMass) return mol * a.molarMass;
  if (to === 'eq') return mol * (a.valence ?? 1);
  if (to === 'iu' && a.pmolPerMicroIU) return mol / (a.pmolPerMicroIU * MOL_PER_IU_PER_PMOL_PER_MICROIU);
  return undefined;
}

const inRange = (x: number, range: readonly number[]): boolean => x >= (range[0] ?? -Infinity) && x <= (range[1] ?? Infinity);

/** The canonical unit of an analyte in the unit table, e.g. `creatinine` → `mg/dL`. */
export function canonicalUnit(analyte: string): string | undefined {
  return ANALYTES[analyte]?.canonical ?? COUNTS[analyte]?.canonical;
}

/** A concentration in the analyte's canonical unit (`mg/dL` for creatinine, `mmol/L` for sodium…). */
export function toConcentration(analyte: string, value: number, unit: string): Converted {
  const a = ANALYTES[analyte];
  if (!a) return fail(`unknown analyte '${analyte}'`);
  const target = parseConcentration(a.canonical);
  const source = normaliseUnit(unit) === normaliseUnit(a.canonical) ? target : parseConcentration(unit);
  if (!target) return fail(`bad canonical unit for ${analyte}`);
  if (!source) return fail(`unsupported unit '${unit}' for ${analyte} (use ${a.canonical})`);
  const rebased = rebase(value * source.perL, source.basis, target.basis, a);
  if (rebased === undefined) return fail(`cannot convert ${analyte} from '${unit}' to ${a.canonical}`);
  const converted = rebased / target.perL;
  if (!inRange(converted, a.plausible) && inRange(value, a.plausible) && source !== target) {
    return ok(value, `${value} ${unit} is implausible for ${analyte}; read as ${value} ${a.canonical}`);
  }
  return ok(converted);
}

/**
 * A cell count in 10^9/L (= 10^3/µL). Accepts counts per µL, mm³ or L, and 10^9/L or 10^3/µL;
 * a count implausible as labelled but plausible per µL is read per µL, and a per-litre platelet
 * count a thousand times too small ("119 × 10^6/L", the exponent slipped from 10^9) is read per 10^9/L.
 */
export function toCount(analyte: string, value: number, unit: string): Converted {
  const c = COUNTS[analyte];
  if (!c) return fail(`unknown count '${analyte}'`);
  const u = normaliseUnit(unit).replace(/^(?:cells|count|×|x)\/?/, '').replace(/^\//, '');
  let converted: number | undefined;
  if (/^(?:10\^9\/l|10\^3\/µl|10\^3\/mm\^?3|k\/µl|giga\/l|g\/l)$/.test(u)) converted = value;
  else if (/^(?:µl|mm\^?3)$/.test(u)) converted = value / 1e3;
  else if (/^l$/.test(u)) converted = value / 1e9;
  else if (/^m\^?3$/.test(u)) converted = value / 1e12;
  if (converted === undefined) return fail(`unsupported count unit '${unit}' for ${analyte} (use /µL or 10^9/L)`);
  if (!inRange(converted, c.plausible)) {
    if (inRange(value / 1e3, c.plausible)) return ok(value / 1e3, `${value} ${unit} is implausible for ${analyte}; read as ${value}/µL`);
    if (inRange(value, c.plausible)) return ok(value, `${value} ${unit} is implausible for ${analyte}; read as ${value} × 10^9/L`);
    // Platelets only: a WBC of 0.01-0.05 × 10^9/L (aplasia) or a CSF count per 10^6/L is real.
    if (analyte === 'platelets' && /^l$/.test(u) && inRange(value / 1e6, c.plausible)) {
      return ok(value / 1e6, `${value} ${unit} is implausible for ${analyte}; read as ${value / 1e6} × 10^9/L (10^6/L written for 10^9/L)`);
    }
  }
  return ok(converted);
}

/* ---------------------------------------------------------------- doses and rates */

const DOSE_MASS: Readonly<Record<string, number>> = { g: 1e3, mg: 1, µg: 1e-3, ng: 1e-6 };
const DOSE_VOLUME: Readonly<Record<string, number>> = { l: 1e3, ml: 1 };
const PER_TIME: Readonly<Record<string, number>> = { min: 1440, h: 24, hr: 24, hour: 24, d: 1, day: 1, '24h': 1 };

interface DoseUnit {
  amount: number;
  dimension: 'mass' | 'volume';
  perKg: boolean;
  perDay: number;
}

function parseDose(unit: string): DoseUnit | undefined {
  const parts = normaliseUnit(unit).split('/');
  const head = parts[0] ?? '';
  const mass = DOSE_MASS[head];
  const volume = DOSE_VOLUME[head];
  if (mass === undefined && volume === undefined) return undefined;
  let perKg = false;
  let perDay = 0;
  for (const p of parts.slice(1)) {
    if (p === 'kg') perKg = true;
    else if (PER_TIME[p] !== undefined) perDay = PER_TIME[p];
    else return undefined;
  }
  return { amount: mass ?? volume ?? 1, dimension: mass === undefined ? 'volume' : 'mass', perKg, perDay };
}

/** A dose or rate in `target` units (mg ↔ µg, mcg/kg/min ↔ mg/kg/min, mL/h ↔ mL/day). */
export function toDose(value: number, unit: string, target: string): Converted {
  const from = parseDose(unit);
  const to = parseDose(target);
  if (!from || !to || from.dimension !== to.dimension || from.perKg !== to.perKg || (from.perDay === 0) !== (to.perDay === 0)) {
    return fail(`cannot convert '${unit}' to ${target}`);
  }
  const timeFactor = from.perDay === 0 ? 1 : from.perDay / to.perDay;
  return ok((value * from.amount * timeFactor) / to.amount);
}
