/**
 * Systemic inflammatory response syndrome criteria (Bone et al., Chest 1992): temperature > 38 or
 * < 36 °C; heart rate > 90/min; respiratory rate > 20/min or PaCO2 < 32 mmHg; WBC > 12 or < 4
 * ×10⁹/L or > 10 % bands. 2 or more is positive. Thresholds in `knowledge/sepsisScores.json`.
 *
 * A criterion with two inputs is met when either is, and missing only when neither is written
 * (a normal respiratory rate with no blood gas is "not met"). A pCO2 from a venous gas is not used.
 */
import data from '../../knowledge/sepsisScores.json';
import type { ClinicalNote, LabResult } from '../../note/types';
import { roundTo } from '../../note/text';
import { input, scoreCriteria, type CriterionDraft } from './criteria';
import { latestLab, latestVital } from './select';
import type { CriteriaScore } from './types';

let venousCue: RegExp | undefined;

/** True when the line holding `lab`, up to its value, names a venous gas (`VBG`, `venous`) within 200 characters. */
function venous(text: string, lab: LabResult): boolean {
  venousCue ??= new RegExp(`(?<![a-z0-9])(?:${data.sirs.venousCues.join('|')})(?![a-z0-9])`);
  // Bounded look-back: a blood-gas label sits near its values, and long lines stay cheap.
  const from = Math.max(0, lab.span.start - 200);
  let before = text.slice(from, lab.valueSpan.start);
  const at = lab.span.start - from;
  const lineStart = Math.max(before.lastIndexOf('\n', at - 1), before.lastIndexOf('\r', at - 1)) + 1;
  before = before.slice(lineStart);
  return venousCue.test(before.toLowerCase());
}

/** SIRS for the note; `text` is used only to tell an arterial from a venous pCO2. */
export function computeSirs(text: string, note: ClinicalNote): CriteriaScore {
  const s = data.sirs;

  const temp: CriterionDraft = { id: 'temperature', label: `Temperature > ${s.temperatureAboveC} °C or < ${s.temperatureBelowC} °C`, inputs: [] };
  const t = latestVital(note, 'temperature');
  if (t) {
    const c = roundTo(t.value, 1);
    temp.inputs.push(input('temperature', c, '°C', c > s.temperatureAboveC || c < s.temperatureBelowC, t.valueSpan));
  }

  const hr: CriterionDraft = { id: 'heart-rate', label: `Heart rate > ${s.heartRateAbove}/min`, inputs: [] };
  const h = latestVital(note, 'heart-rate');
  if (h) hr.inputs.push(input('heart-rate', h.value, '/min', h.value > s.heartRateAbove, h.valueSpan));

  const resp: CriterionDraft = { id: 'respiratory', label: `Respiratory rate > ${s.respiratoryRateAbove}/min or PaCO2 < ${s.paco2BelowMmHg} mmHg`, inputs: [] };
  const rr = latestVital(note, 'respiratory-rate');
  if (rr) resp.inputs.push(input('respiratory-rate', rr.value, '/min', rr.value > s.respiratoryRateAbove, rr.valueSpan));
  const co2 = latestLab(note, ['pco2'], (l) => l.canonical.unit === 'mmHg' && !venous(text, l));
  if (co2) resp.inputs.push(input('paco2', co2.canonical.value, 'mmHg', co2.canonical.value < s.paco2BelowMmHg, co2.valueSpan));

  const wbc: CriterionDraft = { id: 'white-cells', label: `WBC > ${s.wbcAbove} or < ${s.wbcBelow} ×10⁹/L, or bands > ${s.bandsAbovePercent} %`, inputs: [] };
  const w = latestLab(note, ['wbc']);
  if (w) {
    const v = w.canonical.value;
    wbc.inputs.push(input('wbc', v, '×10⁹/L', v > s.wbcAbove || v < s.wbcBelow, w.valueSpan));
  }
  const bands = latestLab(note, s.bandAnalytes, (l) => l.canonical.unit === '%');
  if (bands) wbc.inputs.push(input('bands', bands.canonical.value, '%', bands.canonical.value > s.bandsAbovePercent, bands.valueSpan));

  return scoreCriteria([temp, hr, resp, wbc], s.positiveAtOrAbove);
}
