/**
 * The NEWS2 chart (RCP 2017) as data: band tables per parameter from `knowledge/news2.json`, and
 * the lookup that turns a value into points and the band's label.
 */
import data from '../../knowledge/news2.json';
import { roundTo } from '../../note/text';

/** One row of a chart: values up to `max` (inclusive) score `points`; the last row has no `max`. */
export interface Band {
  max?: number;
  points: number;
  label: string;
}

export interface BandTable {
  label: string;
  unit: string;
  /** Round the value to this many decimals before banding (temperature: 1). */
  decimals?: number;
  bands: Band[];
}

/** The banded NEWS2 parameters (SpO2 has one table per scale, scale 2 one each for air and oxygen). */
export type BandTableId =
  | 'respiration-rate'
  | 'spo2-scale-1'
  | 'spo2-scale-2-air'
  | 'spo2-scale-2-oxygen'
  | 'systolic-bp'
  | 'pulse'
  | 'temperature';

export const NEWS2_TABLES: Record<BandTableId, BandTable> = data.parameters;

/** The outcome of banding one value. */
export interface Banded {
  /** The value after rounding to the chart's precision. */
  value: number;
  points: number;
  /** `91–100 → 2` */
  band: string;
}

/** Points and band for `value` on chart `table`. */
export function bandValue(table: BandTableId, value: number): Banded {
  const t = NEWS2_TABLES[table];
  const v = t.decimals === undefined ? value : roundTo(value, t.decimals);
  const row = t.bands.find((b) => b.max === undefined || v <= b.max) ?? t.bands[t.bands.length - 1];
  const points = row?.points ?? 0;
  return { value: v, points, band: `${row?.label ?? ''} → ${points}` };
}
