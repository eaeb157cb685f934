/**
 * National Early Warning Score 2 (RCP 2017) from the vitals of a parsed note.
 *
 * Conventions (see `knowledge/news2.json` notes): the last reading of each vital in the note is
 * scored; undocumented parameters are listed in `missing` and not scored, so the total is then a
 * lower bound (`partial`); ACVPU decides consciousness, with GCS < 15 read as not Alert when only
 * a GCS is written; air-or-oxygen comes from the oxygen written with the SpO2 that was scored.
 */
import data from '../../knowledge/news2.json';
import type { ClinicalNote, NumericVital } from '../../note/types';
import type { AssertFn, TokenIndex } from './cues';
import { bandValue, type BandTableId } from './news2Bands';
import { detectSpo2Scale2, news2Caveats } from './news2Context';
import { latestConsciousness, latestVital } from './select';
import type { News2Parameter, News2ParameterId, News2Result, News2Risk } from './types';

const ALL: readonly News2ParameterId[] = ['respiration-rate', 'spo2', 'air-or-oxygen', 'systolic-bp', 'pulse', 'consciousness', 'temperature'];

function banded(parameter: News2ParameterId, table: BandTableId, value: number, unit: string, v: { valueSpan: News2Parameter['span'] }): News2Parameter {
  const b = bandValue(table, value);
  return { parameter, value: b.value, unit, points: b.points, band: b.band, span: v.valueSpan };
}

/** SpO2 and air-or-oxygen, which share one reading: the last SpO2 in the note. */
function oxygenation(spo2: NumericVital | undefined, scale: 1 | 2): News2Parameter[] {
  if (!spo2) return [];
  const out: News2Parameter[] = [];
  const o = spo2.oxygen;
  if (scale === 1) {
    out.push(banded('spo2', 'spo2-scale-1', spo2.value, '%', spo2));
  } else {
    const onOxygen = o?.supplemental === true;
    const p = banded('spo2', onOxygen ? 'spo2-scale-2-oxygen' : 'spo2-scale-2-air', spo2.value, '%', spo2);
    // Above 92 % scale 2 depends on oxygen; unknown oxygen scores as air, the lower bound.
    const dependsOnOxygen = bandValue('spo2-scale-2-air', spo2.value).points !== bandValue('spo2-scale-2-oxygen', spo2.value).points;
    if (!o && dependsOnOxygen) p.note = 'Air or oxygen not documented with this SpO2: scored as on air (a lower bound).';
    out.push(p);
  }
  if (o) {
    const choice = o.supplemental ? data.airOrOxygen.oxygen : data.airOrOxygen.air;
    out.push({
      parameter: 'air-or-oxygen',
      value: o.supplemental ? 'oxygen' : 'air',
      unit: '',
      points: choice.points,
      band: `${choice.label} → ${choice.points}`,
      span: o.span,
    });
  }
  return out;
}

function consciousness(note: ClinicalNote): News2Parameter | undefined {
  const c = data.consciousness;
  const r = latestConsciousness(note, c.gcsAlert);
  if (!r) return undefined;
  const alert = r.level === 'A';
  const points = alert ? c.alert.points : c.notAlert.points;
  const base = { parameter: 'consciousness' as const, unit: '', points, span: r.vital.valueSpan };
  switch (r.basis) {
    case 'acvpu':
      return { ...base, value: r.level, band: alert ? `${c.alert.label} → ${points}` : `${c.notAlert.label} → ${points}` };
    case 'new-confusion':
      return { ...base, value: 'C', band: `${c.newConfusionLabel} → ${points}` };
    case 'gcs':
      return {
        ...base,
        value: `GCS ${r.gcs ?? ''}`.trim(),
        band: alert ? `GCS ${c.gcsAlert} (${c.alert.label}) → ${points}` : `GCS < ${c.gcsAlert} (not alert) → ${points}`,
        note: alert
          ? 'No ACVPU written: GCS 15 read as Alert.'
          : 'No ACVPU written: GCS below 15 read as not Alert (RCP 2017 equates new confusion with GCS verbal 3–4). Document ACVPU if this is the patient’s baseline.',
      };
  }
}

/** Scored parameters in chart order for SpO2 scale `scale`. */
export function news2Parameters(note: ClinicalNote, scale: 1 | 2): News2Parameter[] {
  const out: News2Parameter[] = [];
  const rr = latestVital(note, 'respiratory-rate');
  if (rr) out.push(banded('respiration-rate', 'respiration-rate', rr.value, '/min', rr));
  out.push(...oxygenation(latestVital(note, 'spo2'), scale));
  const bp = latestVital(note, 'blood-pressure');
  if (bp) out.push(banded('systolic-bp', 'systolic-bp', bp.systolic, 'mmHg', bp));
  const hr = latestVital(note, 'heart-rate');
  if (hr) out.push(banded('pulse', 'pulse', hr.value, '/min', hr));
  const loc = consciousness(note);
  if (loc) out.push(loc);
  const t = latestVital(note, 'temperature');
  if (t) out.push(banded('temperature', 'temperature', t.value, '°C', t));
  return out;
}

/**
 * RCP clinical risk: high at 7 or more, medium at 5–6, low–medium when a single parameter scores
 * 3 (with a total under 5), otherwise low.
 */
export function news2Risk(total: number, parameters: readonly Pick<News2Parameter, 'points'>[]): News2Risk {
  const r = data.risk;
  if (total >= r.highAtOrAbove) return 'high';
  if (total >= r.mediumAtOrAbove) return 'medium';
  if (parameters.some((p) => p.points >= r.singleParameterPoints)) return 'low-medium';
  return 'low';
}

/** The RCP monitoring frequency and clinical response for a risk level and total. */
export function news2Response(risk: News2Risk, total: number): { monitoring: string; response: string } {
  const r = data.responses;
  switch (risk) {
    case 'high':
      return r['score-7'];
    case 'medium':
      return r['score-5-6'];
    case 'low-medium':
      return r['single-3'];
    case 'low':
      return total === 0 ? r['score-0'] : r['score-1-4'];
  }
}

/** NEWS2 for the note. `index` is the note's token index; `assert` the assertion of a span. */
export function computeNews2(note: ClinicalNote, index: TokenIndex, assert: AssertFn): News2Result {
  const scale2Evidence = detectSpo2Scale2(index, assert);
  const spo2Scale = scale2Evidence ? 2 : 1;
  const parameters = news2Parameters(note, spo2Scale);
  const present = new Set(parameters.map((p) => p.parameter));
  const missing = ALL.filter((id) => !present.has(id));
  const total = parameters.reduce((sum, p) => sum + p.points, 0);
  const result: News2Result = {
    parameters,
    missing,
    total,
    partial: missing.length > 0,
    spo2Scale,
    caveats: news2Caveats(note, index, assert),
  };
  if (scale2Evidence) result.scale2Evidence = scale2Evidence;
  if (parameters.length > 0) {
    const risk = news2Risk(total, parameters);
    const { monitoring, response } = news2Response(risk, total);
    Object.assign(result, { risk, monitoring, response });
  }
  return result;
}
