/**
 * Calendar dates for the obstetric calculators: parsing the forms notes use, day arithmetic in
 * UTC (no time zones, no DST), and MM/DD/YYYY output (the form MedCalc-Bench answers use).
 */

/** A calendar date; `month` 1-12. */
export interface CalDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

function valid(year: number, month: number, day: number): CalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

/** Reads MM/DD/YYYY, M/D/YYYY, MM-DD-YYYY or YYYY-MM-DD; undefined when it is not a real date. */
export function parseDate(text: string): CalDate | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

/** MM/DD/YYYY. */
export function formatDate(d: CalDate): string {
  return `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}`;
}

function toDays(d: CalDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

function fromDays(days: number): CalDate {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `d` plus `n` days (n may be negative). */
export function addDays(d: CalDate, n: number): CalDate {
  return fromDays(toDays(d) + n);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalDate, b: CalDate): number {
  return toDays(b) - toDays(a);
}

/** `d` plus `n` calendar months, the day clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: CalDate, n: number): CalDate {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
}
