/**
 * Reads the value that follows a vitals label (or sits in a table cell), per kind: numbers,
 * ranges, units, and the conversions to the normalised units of `types.ts` (°C, kg, cm, %, /min,
 * /10). Each parser starts at a fixed offset and looks at a bounded stretch of text.
 *
 * Unit inference when none is written: temperature above 45 is °F and 25–45 is °C (below 25 it is
 * not read as a temperature); height 100–250 is cm and 1.0–2.5 is metres; weight needs a unit.
 */
import type { OxygenSupport, Span } from './types';
import { parseDecimal, roundTo } from './text';
import type { LabelledKind, VitalsLexicon } from './vitalsLexicon';
import { inRange, matchAt, parseRange, pickEnd, skipSpaces, type NumberRange } from './vitalsNumbers';
import { parseOxygen } from './vitalsOxygen';

export interface ParsedValue {
  kind: LabelledKind;
  /** Normalised value (unused for blood pressure). */
  value: number;
  systolic?: number;
  diastolic?: number;
  unit: string;
  original?: { value: number; unit: string };
  valueSpan: Span;
  /** End of the mention (value, unit, MAP, oxygen). */
  end: number;
  /** A unit was written (or given by a table header): strong evidence on its own. */
  explicitUnit: boolean;
  /** Every value lies in the kind's plausible range. */
  plausible: boolean;
  oxygen?: OxygenSupport;
}

/** A unit that the caller knows from elsewhere, e.g. a table header `Temp (°F)`. */
export type DefaultUnit = 'c' | 'f' | 'kg' | 'lb' | 'g' | 'cm' | 'm' | 'in' | undefined;

const BP_SEP = /[ \t]*(?:\/|over(?=[ \t]))[ \t]*/iy;
const MAP = /[ \t]*[([][ \t]*(?:map[ \t]*[:=]?[ \t]*)?\d{2,3}[ \t]*[)\]]/iy;
const PAIN_SCALE = /[ \t]*(?:\/[ \t]*10|out[ \t]+of[ \t]+(?:10|ten))(?![0-9])/iy;

function isLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0x7f && /\p{L}/u.test(String.fromCharCode(c)));
}

/** The value runs into something that is not a vital (`2+`, `3/5`, `12:30`, `100mg`, `5 days`). */
function badSuffix(text: string, end: number, lex: VitalsLexicon, allowPercent: boolean, unitWritten: boolean): boolean {
  const c = text.charCodeAt(end);
  const next = text.charCodeAt(end + 1);
  const nextIsDigit = next >= 48 && next <= 57;
  if (isLetterOrDigit(c)) return true;
  if (c === 43 /* + */) return true;
  if (c === 37 /* % */ && !allowPercent) return true;
  if ((c === 47 /* / */ || c === 58 /* : */ || c === 46 /* . */ || c === 44 /* , */) && nextIsDigit) return true;
  if (unitWritten) return false;
  const foreign = matchAt(lex.foreign, text, end);
  // `T 99.1 HR 88`: `hr` is also hours, but here it starts the next vital.
  return foreign !== null && matchAt(lex.labelAt, text, skipSpaces(text, end)) === null;
}

/** End points of a range in written order, with the second dropped when `keep(b)` fails. */
function ends(r: NumberRange, keep: (v: number) => boolean): { values: number[]; end: number } {
  if (r.b === undefined) return { values: [r.a], end: r.end };
  if (r.decade || keep(r.b)) return { values: [r.a, r.b], end: r.end };
  return { values: [r.a], end: r.aEnd };
}

function parseBloodPressure(text: string, pos: number, lex: VitalsLexicon): ParsedValue | undefined {
  const sys = parseRange(text, pos, lex);
  if (!sys) return undefined;
  const sysEnds = ends(sys, (v) => inRange(v, lex.bounds.systolic));
  // A range whose second end is not a pressure (`100-1/2`) is not a blood pressure at all.
  if (sys.b !== undefined && sysEnds.values.length === 1) return undefined;
  const sep = matchAt(BP_SEP, text, sys.end);
  if (!sep) return undefined;
  const dia = parseRange(text, sep.index + sep[0].length, lex);
  if (!dia) return undefined;
  const diaEnds = ends(dia, (v) => inRange(v, lex.bounds.diastolic));
  if (dia.b !== undefined && diaEnds.values.length === 1) return undefined;
  const systolic = pickEnd(sysEnds.values, lex.reference.systolic);
  const diastolic = pickEnd(diaEnds.values, lex.reference.diastolic);
  if (!inRange(systolic, lex.bounds.systolic) || !inRange(diastolic, lex.bounds.diastolic)) return undefined;
  let end = diaEnds.end;
  const valueEnd = end;
  const map = matchAt(MAP, text, end);
  if (map) end = map.index + map[0].length;
  const unit = matchAt(lex.unit.get('blood-pressure') as RegExp, text, end);
  if (unit) end = unit.index + unit[0].length;
  if (badSuffix(text, end, lex, false, true)) return undefined;
  return {
    kind: 'blood-pressure',
    value: systolic,
    systolic,
    diastolic,
    unit: 'mmHg',
    valueSpan: { start: sys.start, end: valueEnd },
    end,
    explicitUnit: unit !== null,
    plausible: sysEnds.values.every((v) => inRange(v, lex.plausible.systolic)) && diaEnds.values.every((v) => inRange(v, lex.plausible.diastolic)),
  };
}

function parseRate(kind: 'heart-rate' | 'respiratory-rate', text: string, pos: number, lex: VitalsLexicon): ParsedValue | undefined {
  const r = parseRange(text, pos, lex);
  // Rates are counted: a decimal after HR/RR is a hazard ratio or a relative risk.
  if (!r || !Number.isInteger(r.a) || (r.b !== undefined && !Number.isInteger(r.b))) return undefined;
  const e = ends(r, (v) => inRange(v, lex.plausible[kind]));
  let end = e.end;
  const unit = matchAt(lex.unit.get(kind) as RegExp, text, end);
  if (unit) end = unit.index + unit[0].length;
  if (badSuffix(text, end, lex, false, unit !== null)) return undefined;
  const value = pickEnd(e.values, lex.reference[kind]);
  if (!inRange(value, lex.bounds[kind])) return undefined;
  return {
    kind,
    value,
    unit: '/min',
    valueSpan: { start: r.start, end: e.end },
    end,
    explicitUnit: unit !== null,
    plausible: e.values.every((v) => inRange(v, lex.plausible[kind])),
  };
}

/** End of the clause after `pos`: a line break, `;`, or a sentence-ending period; at most `window` away. */
function clauseEnd(text: string, pos: number, window: number): number {
  const limit = Math.min(text.length, pos + window);
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 59) return i;
    if (c === 46 && !/\d/.test(text.charAt(i + 1))) return i;
  }
  return limit;
}

function parseSpo2(text: string, pos: number, lex: VitalsLexicon): ParsedValue | undefined {
  const r = parseRange(text, pos, lex, true);
  if (!r) return undefined;
  const e = ends(r, (v) => inRange(v, lex.plausible.spo2));
  let end = e.end;
  const unit = matchAt(lex.unit.get('spo2') as RegExp, text, end);
  if (unit) end = unit.index + unit[0].length;
  if (badSuffix(text, end, lex, false, unit !== null)) return undefined;
  const value = pickEnd(e.values, lex.reference.spo2);
  if (!inRange(value, lex.bounds.spo2) || !e.values.every((v) => inRange(v, lex.bounds.spo2))) return undefined;
  const out: ParsedValue = {
    kind: 'spo2',
    value,
    unit: '%',
    valueSpan: { start: r.start, end: e.end },
    end,
    explicitUnit: unit !== null,
    plausible: e.values.every((v) => inRange(v, lex.plausible.spo2)),
  };
  const oxygen = parseOxygen(text, end, clauseEnd(text, end, 80), lex);
  if (oxygen) {
    out.oxygen = oxygen;
    out.end = oxygen.span.end;
    // `97% (2 L/min via NC)`: the mention closes its parenthesis.
    if (text.charAt(out.end) === ')' && text.slice(end, oxygen.span.start).includes('(')) out.end++;
  }
  return out;
}

function fahrenheitToCelsius(f: number): number {
  return roundTo(((f - 32) * 5) / 9, 1);
}

function parseTemperature(text: string, pos: number, lex: VitalsLexicon, defaultUnit: DefaultUnit): ParsedValue | undefined {
  const r = parseRange(text, pos, lex);
  if (!r || r.decade) return undefined;
  const inf = lex.data.temperatureInference;
  const unitOf = (v: number): 'c' | 'f' | undefined =>
    v > inf.celsiusMax ? 'f' : v >= inf.celsiusMin ? 'c' : undefined;
  let end = r.end;
  let written: 'c' | 'f' | undefined;
  let sawDegree = false;
  const u = matchAt(lex.tempUnit, text, end);
  if (u?.groups) {
    if (u.groups.c !== undefined) written = 'c';
    else if (u.groups.f !== undefined) written = 'f';
    else sawDegree = true;
    end = u.index + u[0].length;
  }
  // `100.2R`, `99po`: a route written onto the number.
  if (/[A-Za-z]/.test(text.charAt(end))) {
    const route = matchAt(lex.tempRoute, text, end);
    if (!route) return undefined;
    end = route.index + route[0].length;
  }
  const unit = written ?? (defaultUnit === 'c' || defaultUnit === 'f' ? defaultUnit : unitOf(r.a));
  if (!unit) return undefined;
  const toC = (v: number) => (unit === 'f' ? fahrenheitToCelsius(v) : v);
  const plausibleRaw = (v: number) =>
    unit === 'f' ? inRange(v, inf.fahrenheitPlausible) : inRange(v, lex.plausible.temperature);
  const e = ends(r, plausibleRaw);
  if (e.end !== r.end) end = e.end;
  if (badSuffix(text, end, lex, false, written !== undefined || sawDegree)) return undefined;
  const celsius = e.values.map(toC);
  const value = pickEnd(celsius, lex.reference.temperature);
  if (!inRange(value, lex.bounds.temperature)) return undefined;
  const out: ParsedValue = {
    kind: 'temperature',
    value,
    unit: '°C',
    valueSpan: { start: r.start, end: e.end },
    end,
    explicitUnit: written !== undefined || defaultUnit !== undefined,
    plausible: e.values.every(plausibleRaw),
  };
  if (unit === 'f') out.original = { value: e.values[celsius.indexOf(value)] ?? r.a, unit: '°F' };
  return out;
}

function parsePain(text: string, pos: number, lex: VitalsLexicon, scaleRequired: boolean): ParsedValue | undefined {
  const r = parseRange(text, pos, lex);
  if (!r || r.decade) return undefined;
  let end = r.end;
  const scale = matchAt(PAIN_SCALE, text, end);
  if (scale) end = scale.index + scale[0].length;
  else if (scaleRequired) return undefined;
  const bounds = scale ? lex.bounds.painOutOf10 : lex.bounds.pain;
  const values = r.b === undefined ? [r.a] : [r.a, r.b];
  if (!values.every((v) => inRange(v, bounds))) return undefined;
  if (badSuffix(text, end, lex, false, scale !== null)) return undefined;
  return {
    kind: 'pain',
    value: pickEnd(values, lex.reference.pain),
    unit: '/10',
    valueSpan: { start: r.start, end: r.end },
    end,
    explicitUnit: scale !== null,
    plausible: values.every((v) => inRange(v, lex.plausible.pain)),
  };
}

function parseWeight(text: string, pos: number, lex: VitalsLexicon, defaultUnit: DefaultUnit): ParsedValue | undefined {
  const r = parseRange(text, pos, lex);
  if (!r || r.decade) return undefined;
  const c = lex.data.conversions;
  let end = r.end;
  const u = matchAt(lex.weightUnit, text, end);
  let unit: 'kg' | 'lb' | 'g' | undefined;
  if (u?.groups) {
    unit = u.groups.kg !== undefined ? 'kg' : u.groups.lb !== undefined ? 'lb' : 'g';
    end = u.index + u[0].length;
  } else if (defaultUnit === 'kg' || defaultUnit === 'lb' || defaultUnit === 'g') unit = defaultUnit;
  if (!unit) return undefined;
  let written = r.b ?? r.a;
  let ounces = 0;
  if (unit === 'lb' && r.b === undefined) {
    const oz = matchAt(lex.ounces, text, end);
    if (oz?.groups) {
      ounces = parseDecimal(oz.groups.oz ?? '0');
      end = oz.index + oz[0].length;
    }
  }
  if (badSuffix(text, end, lex, false, true)) return undefined;
  let kg: number;
  if (unit === 'kg') kg = written;
  else if (unit === 'g') kg = written / 1000;
  else {
    written = roundTo(written + ounces / 16, 3);
    kg = written * c.kgPerLb;
  }
  kg = roundTo(kg, kg < 10 ? 2 : 1);
  if (!inRange(kg, lex.bounds.weight)) return undefined;
  const out: ParsedValue = {
    kind: 'weight',
    value: kg,
    unit: 'kg',
    valueSpan: { start: r.start, end: unit === 'lb' && ounces > 0 ? end : r.end },
    end,
    explicitUnit: true,
    plausible: inRange(kg, lex.plausible.weight),
  };
  if (unit !== 'kg') out.original = { value: written, unit };
  return out;
}

function parseHeight(text: string, pos: number, lex: VitalsLexicon, defaultUnit: DefaultUnit): ParsedValue | undefined {
  const c = lex.data.conversions;
  const fi = matchAt(lex.feetInches, text, pos);
  if (fi?.groups) {
    const inches = parseDecimal(fi.groups.ft ?? '0') * c.inPerFt + (fi.groups.in ? parseDecimal(fi.groups.in) : 0);
    const end = fi.index + fi[0].length;
    if (badSuffix(text, end, lex, false, true)) return undefined;
    const cm = roundTo(inches * c.cmPerIn, 1);
    if (!inRange(cm, lex.bounds.height)) return undefined;
    return {
      kind: 'height',
      value: cm,
      unit: 'cm',
      valueSpan: { start: pos, end },
      end,
      explicitUnit: true,
      plausible: inRange(cm, lex.plausible.height),
      original: { value: roundTo(inches, 2), unit: 'in' },
    };
  }
  const r = parseRange(text, pos, lex);
  if (!r || r.decade || r.b !== undefined) return undefined;
  let end = r.end;
  const u = matchAt(lex.heightUnit, text, end);
  const inf = lex.data.heightInference;
  let unit: 'cm' | 'm' | 'in' | undefined;
  if (u?.groups) {
    unit = u.groups.cm !== undefined ? 'cm' : u.groups.m !== undefined ? 'm' : 'in';
    end = u.index + u[0].length;
  } else if (defaultUnit === 'cm' || defaultUnit === 'm' || defaultUnit === 'in') unit = defaultUnit;
  else if (r.a >= inf.centimetresMin && r.a <= inf.centimetresMax) unit = 'cm';
  else if (r.a >= inf.metresMin && r.a <= inf.metresMax) unit = 'm';
  if (!unit) return undefined;
  if (badSuffix(text, end, lex, false, u !== null)) return undefined;
  const cm = roundTo(unit === 'cm' ? r.a : unit === 'm' ? r.a * 100 : r.a * c.cmPerIn, 1);
  if (!inRange(cm, lex.bounds.height)) return undefined;
  const out: ParsedValue = {
    kind: 'height',
    value: cm,
    unit: 'cm',
    valueSpan: { start: r.start, end: r.end },
    end,
    explicitUnit: u !== null || defaultUnit !== undefined,
    plausible: inRange(cm, lex.plausible.height),
  };
  if (unit !== 'cm') out.original = { value: r.a, unit };
  return out;
}

export interface ValueOptions {
  /** Bare `pain` needs `n/10`. */
  scaleRequired?: boolean;
  defaultUnit?: DefaultUnit;
}

/** Reads the value of a `kind` vital starting at `pos` (after the label and filler words). */
export function parseValue(kind: LabelledKind, text: string, pos: number, lex: VitalsLexicon, opts: ValueOptions = {}): ParsedValue | undefined {
  const p = skipSpaces(text, pos);
  switch (kind) {
    case 'blood-pressure':
      return parseBloodPressure(text, p, lex);
    case 'heart-rate':
    case 'respiratory-rate':
      return parseRate(kind, text, p, lex);
    case 'spo2':
      return parseSpo2(text, p, lex);
    case 'temperature':
      return parseTemperature(text, p, lex, opts.defaultUnit);
    case 'pain':
      return parsePain(text, p, lex, opts.scaleRequired ?? false);
    case 'weight':
      return parseWeight(text, p, lex, opts.defaultUnit);
    case 'height':
      return parseHeight(text, p, lex, opts.defaultUnit);
  }
}
