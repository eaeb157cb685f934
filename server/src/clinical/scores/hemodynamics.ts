/**
 * Shock index (heart rate ÷ systolic pressure; Allgöwer & Burri 1967; 1.0 or more is abnormal) and
 * mean arterial pressure ((SBP + 2·DBP) / 3; below 65 mmHg flagged, the Surviving Sepsis Campaign
 * target). Each from the last reading in the note; thresholds in `knowledge/sepsisScores.json`.
 */
import data from '../../knowledge/sepsisScores.json';
import type { ClinicalNote } from '../../note/types';
import { roundTo } from '../../note/text';
import { latestVital } from './select';
import type { MapResult, ShockIndexResult } from './types';

/** Shock index from the last heart rate and the last systolic pressure. */
export function computeShockIndex(note: ClinicalNote): ShockIndexResult {
  const cfg = data.shockIndex;
  const out: ShockIndexResult = { threshold: cfg.abnormalAtOrAbove, missing: [] };
  const hr = latestVital(note, 'heart-rate');
  const bp = latestVital(note, 'blood-pressure', (b) => b.systolic > 0);
  if (hr) out.heartRate = { value: hr.value, span: hr.valueSpan };
  else out.missing.push('heart-rate');
  if (bp) out.systolic = { value: bp.systolic, span: bp.valueSpan };
  else out.missing.push('systolic-bp');
  if (hr && bp) {
    out.value = roundTo(hr.value / bp.systolic, cfg.decimals);
    // The flag follows the value shown, so `1.00` is never reported as normal.
    out.elevated = out.value >= cfg.abnormalAtOrAbove;
  }
  return out;
}

/** Mean arterial pressure from the last blood pressure with both numbers. */
export function computeMap(note: ClinicalNote): MapResult {
  const cfg = data.map;
  const bp = latestVital(note, 'blood-pressure', (b) => Number.isFinite(b.diastolic));
  if (!bp) return { lowBelow: cfg.lowBelowMmHg, missing: ['blood-pressure'] };
  const value = roundTo((bp.systolic + 2 * bp.diastolic) / 3, cfg.decimals);
  return {
    value,
    low: value < cfg.lowBelowMmHg,
    lowBelow: cfg.lowBelowMmHg,
    systolic: bp.systolic,
    diastolic: bp.diastolic,
    span: bp.valueSpan,
    missing: [],
  };
}
