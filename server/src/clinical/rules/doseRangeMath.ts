/**
 * Dose arithmetic for the `dose-range` rule: what one administration, one hour, one day and one
 * week of a medication entry amount to in the unit its limit is written in, converting g/mg/mcg
 * and reading `per kg`, `per hour` and `per day` units, combination strengths (`5/325`), tablet
 * counts (`2 tabs`), PRN intervals (the most the interval allows) and caps written on the line
 * (`max 3 g/day`, `x 2 doses`). Nothing is guessed: a missing or unknown unit, or a concentration
 * (`5,000 units/mL`), gives no amount.
 *
 * Pure.
 */
import limits from '../../knowledge/doseLimits.json';
import { canonicalDoseUnit } from '../../note/medicationsDose';
import { parseDecimal } from '../../note/text';
import type { MedEntry } from './medicationScope';

/** What a drug's limits are written in: `mg`, `unit` or `mEq`. */
export interface DoseSpec {
  unit: string;
  /** The ingredient counted in combination products, with the range its amount falls in. */
  ingredient?: string;
  combinationContent?: { min: number; max: number };
}

/** The amounts of one entry, in the spec's unit. */
export interface Amounts {
  /** The unit written, canonical (`mg`, `mcg`, `unit`, `mL`), or undefined when none or unknown. */
  writtenUnit?: string;
  /** The number written for one dose, in the written unit (before tablet counts). */
  writtenValue?: number;
  perDose?: number;
  perKgDose?: number;
  /** Per hour, for infusions (`units/h`, `mEq/hr`, `over 4 hours`). */
  rate?: number;
  /** The most the entry gives in a day (PRN: every interval); undefined without a frequency. */
  daily?: number;
  perKgDaily?: number;
  weekly?: number;
  dosesPerDay?: number;
  /** Tablets (or capsules...) per dose that multiplied the strength. */
  count?: number;
  /** The dose is written as a volume (mL), not an amount. */
  volume: boolean;
}

const MASS = limits.massToMg as Record<string, number>;
const COUNTABLE = new Set(['tablet', 'capsule', 'suppository', 'sachet', 'lozenge', 'piece']);
const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
const DAY_UNITS = new Set(['day', 'd', '24h']);
const NOT_AN_AMOUNT = new Set(['ml', 'l', 'm2', 'm²']);
/** `over 4 hours`, `over 30 min`: an infusion's duration. */
const OVER_RE = /\bover\s+(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|min|mins|minutes?)\b/i;
/** `max 3 g/day`, `not to exceed 4000 mg in 24 h`, `max 6 tabs/day`, `no more than 4 doses a day`. */
const CAP_RE = /\b(?:max(?:imum)?|not to exceed|nte|do not exceed|no more than)\b\.?:?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?:(g|gm|grams?|mg|mcg|tabs?|tablets?|caps?|capsules?|doses?|times)\b|(?=\s*(?:\/|per|a|in)\s*(?:day|d|24\s*h)))/i;
/** `x 2 doses`, `x2` (a count of doses, not `x 5 days`). */
const COUNT_RE = /\bx\s?(\d{1,2})\b(?!\s*(?:d\b|days?|wks?|weeks?|mo\b|months?|h\b|hrs?|hours?|min))/i;

/** Converts `value` written in canonical unit `from` to `to`; undefined when they do not convert. */
export function convert(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const f = MASS[from];
  const t = MASS[to];
  return f !== undefined && t !== undefined ? (value * f) / t : undefined;
}

/** The amounts of `entry` for `spec`, or undefined when no dose can be read without guessing. */
export function amountsOf(text: string, entry: MedEntry, spec: DoseSpec, weightKg: number | undefined): Amounts | undefined {
  const m = entry.med;
  const s = m.strength;
  if (!s) return undefined;
  const [baseRaw = '', ...dens] = s.unit.toLowerCase().split('/').map((d) => d.replace(/^[\d.\s]+/, '').trim());
  if (dens.some((d) => NOT_AN_AMOUNT.has(d))) return undefined;
  let unit = baseRaw.length > 0 ? canonicalDoseUnit(baseRaw) : undefined;
  let written = s.value;
  const combination = spec.ingredient !== undefined && entry.generic !== spec.ingredient;
  if (combination) {
    const content = combinationAmount(s.raw, spec.combinationContent);
    if (content === undefined) return undefined;
    written = content;
    unit ??= 'mg'; // combination tablets (`Percocet 5/325`) are written in mg by convention
  }
  if (unit === 'mL') return { writtenUnit: unit, writtenValue: written, volume: true };
  if (!unit) return undefined;
  const base = convert(written, unit, spec.unit);
  if (base === undefined) return { writtenUnit: unit, writtenValue: written, volume: false };

  const count = tabletCount(text, entry);
  const perKg = dens.includes('kg');
  const perHour = dens.some((d) => HOUR_UNITS.has(d)) ? 1 : dens.includes('min') ? 60 : undefined;
  const perDay = dens.some((d) => DAY_UNITS.has(d));
  const amount = base * (count ?? 1);
  const out: Amounts = { writtenUnit: unit, writtenValue: written, volume: false };
  if (count !== undefined) out.count = count;
  const absolute = perKg ? (weightKg !== undefined ? amount * weightKg : undefined) : amount;

  if (perHour !== undefined) {
    if (absolute !== undefined) out.rate = absolute * perHour;
    return out;
  }
  if (perDay) {
    out.daily = absolute;
    if (perKg) out.perKgDaily = amount;
    else if (weightKg) out.perKgDaily = amount / weightKg;
    return out;
  }
  out.perDose = absolute;
  out.perKgDose = perKg ? amount : weightKg && absolute !== undefined ? absolute / weightKg : undefined;
  const over = OVER_RE.exec(text.slice(m.span.start, entry.line.end));
  if (over && absolute !== undefined) {
    const hours = parseDecimal(over[1] ?? '') / (/^m/i.test(over[2] ?? '') ? 60 : 1);
    if (hours > 0) out.rate = absolute / hours;
  }
  const dosesPerDay = maxDosesPerDay(text, entry);
  if (dosesPerDay !== undefined) {
    out.dosesPerDay = dosesPerDay;
    if (absolute !== undefined) {
      out.daily = capped(text, entry, spec, absolute * dosesPerDay, absolute, base);
      out.weekly = out.daily * 7;
      if (weightKg) out.perKgDaily = out.daily / weightKg;
    }
    if (perKg) out.perKgDaily = amount * dosesPerDay;
  }
  return out;
}

/** The ingredient's amount in a combination strength: the one number of `5/325` inside the range. */
function combinationAmount(raw: string, range: { min: number; max: number } | undefined): number | undefined {
  if (!range) return undefined;
  const inRange = raw.split(/\s*[/\-–]\s*/).map(parseDecimal).filter((n) => n >= range.min && n <= range.max);
  return inRange.length === 1 ? inRange[0] : undefined;
}

/**
 * Tablets per dose (`325 mg 2 tabs`), when the count multiplies the strength: not when it restates
 * it (`1000 mg (2 tabs)`, `650 mg = 2 tabs`).
 */
function tabletCount(text: string, entry: MedEntry): number | undefined {
  const q = entry.med.quantity;
  const s = entry.med.strength;
  if (!q || !s || !COUNTABLE.has(q.form) || q.value <= 0 || q.value > 10 || q.value === 1) return undefined;
  const [from, to] = q.span.start >= s.span.end ? [s.span.end, q.span.start] : [q.span.end, s.span.start];
  if (/[(=]|\bof\b/.test(text.slice(from, to)) && q.span.start >= s.span.end) return undefined;
  return q.value;
}

/** Administrations a day: the frequency's, or for PRN the most its interval allows; a dose count caps it. */
function maxDosesPerDay(text: string, entry: MedEntry): number | undefined {
  const f = entry.med.frequency;
  if (!f) return undefined;
  let perDay = entry.med.prn && f.intervalHours ? 24 / f.intervalHours : f.dosesPerDay;
  if (perDay === undefined) return undefined;
  const count = COUNT_RE.exec(text.slice(f.span.end, entry.line.end));
  if (count) perDay = Math.min(perDay, Number(count[1]));
  return perDay;
}

/** The daily total, lowered to a cap written on the line (`max 3 g/day`, `max 6 tabs/day`, `max 4 doses`). */
function capped(text: string, entry: MedEntry, spec: DoseSpec, daily: number, perDose: number, perUnit: number): number {
  const cap = CAP_RE.exec(text.slice(entry.med.nameSpan.end, entry.line.end));
  if (!cap) return daily;
  const n = parseDecimal((cap[1] ?? '').replace(/,/g, ''));
  // `max 8/day` counts the entry's tablets when it has a tablet count, else its doses.
  const what = (cap[2] ?? (entry.med.quantity ? 'tabs' : 'doses')).toLowerCase();
  let limit: number | undefined;
  if (/^(?:g|gm|grams?|mg|mcg)$/.test(what)) limit = convert(n, canonicalDoseUnit(what) ?? what, spec.unit);
  else if (/^(?:tabs?|tablets?|caps?|capsules?)$/.test(what)) limit = n * perUnit;
  else limit = n * perDose;
  return limit !== undefined && limit < daily ? limit : daily;
}
