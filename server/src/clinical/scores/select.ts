/**
 * Picks the reading a score uses when a vital or lab is written several times: the last one in
 * the note. Notes are written in time order (triage vitals, then repeat vitals; `Tmax` before the
 * current temperature), so the last reading is the most recent one.
 */
import type { BloodPressureVital, ClinicalNote, ConsciousnessVital, LabResult, NumericVital, Vital } from '../../note/types';

/** The vital type for a kind (numeric kinds share `NumericVital`). */
export type VitalOf<K extends Vital['kind']> = K extends 'blood-pressure' ? BloodPressureVital : K extends 'consciousness' ? ConsciousnessVital : NumericVital;

/**
 * The last vital of `kind` in the note (by position) that `usable` accepts; non-finite numbers are
 * never usable.
 */
export function latestVital<K extends Vital['kind']>(
  note: ClinicalNote,
  kind: K,
  usable: (v: VitalOf<K>) => boolean = () => true,
): VitalOf<K> | undefined {
  let best: VitalOf<K> | undefined;
  for (const v of note.vitals) {
    if (v.kind !== kind) continue;
    const typed = v as VitalOf<K>;
    if (!finiteVital(typed) || !usable(typed)) continue;
    if (!best || typed.valueSpan.start >= best.valueSpan.start) best = typed;
  }
  return best;
}

function finiteVital(v: Vital): boolean {
  switch (v.kind) {
    case 'blood-pressure':
      return Number.isFinite(v.systolic);
    case 'consciousness':
      return true;
    default:
      return Number.isFinite(v.value);
  }
}

/** The last lab result of any of `analytes` with a finite canonical value that `usable` accepts. */
export function latestLab(
  note: ClinicalNote,
  analytes: readonly string[],
  usable: (lab: LabResult) => boolean = () => true,
): LabResult | undefined {
  let best: LabResult | undefined;
  for (const lab of note.labs) {
    if (!analytes.includes(lab.analyte) || !Number.isFinite(lab.canonical.value) || !usable(lab)) continue;
    if (!best || lab.valueSpan.start >= best.valueSpan.start) best = lab;
  }
  return best;
}

/** ACVPU letter, or `not-alert` when only a GCS below 15 says so. */
export type ConsciousnessLevel = 'A' | 'C' | 'V' | 'P' | 'U' | 'not-alert';

/** How a consciousness vital reads for scoring. */
export interface ConsciousnessReading {
  level: ConsciousnessLevel;
  /** What decided `level`. */
  basis: 'acvpu' | 'new-confusion' | 'gcs';
  /** GCS total when written (qSOFA and ESI read it directly). */
  gcs?: number;
  vital: ConsciousnessVital;
}

/**
 * Reads a consciousness vital: ACVPU as written decides, except that documented new confusion
 * makes an `A` a `C`; with neither, GCS 15 is Alert and below 15 not Alert. Undefined when the
 * vital says nothing scoreable (e.g. only `newConfusion: false`).
 */
export function readConsciousness(v: ConsciousnessVital, gcsAlert = 15): ConsciousnessReading | undefined {
  const gcs = v.gcs !== undefined && Number.isFinite(v.gcs) ? v.gcs : undefined;
  const withGcs = (r: Omit<ConsciousnessReading, 'vital' | 'gcs'>): ConsciousnessReading =>
    gcs === undefined ? { ...r, vital: v } : { ...r, gcs, vital: v };
  if (v.acvpu !== undefined) {
    if (v.acvpu === 'A' && v.newConfusion === true) return withGcs({ level: 'C', basis: 'new-confusion' });
    return withGcs({ level: v.acvpu, basis: 'acvpu' });
  }
  if (v.newConfusion === true) return withGcs({ level: 'C', basis: 'new-confusion' });
  if (gcs !== undefined) return withGcs({ level: gcs >= gcsAlert ? 'A' : 'not-alert', basis: 'gcs' });
  return undefined;
}

/** The last consciousness vital in the note that reads as something scoreable. */
export function latestConsciousness(note: ClinicalNote, gcsAlert = 15): ConsciousnessReading | undefined {
  const v = latestVital(note, 'consciousness', (c) => readConsciousness(c, gcsAlert) !== undefined);
  return v ? readConsciousness(v, gcsAlert) : undefined;
}
