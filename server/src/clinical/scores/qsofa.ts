/**
 * quick SOFA (Sepsis-3; Singer et al., JAMA 2016): respiratory rate ≥ 22/min, altered mentation,
 * systolic pressure ≤ 100 mmHg; 2 or more is positive. Thresholds in `knowledge/sepsisScores.json`.
 *
 * Altered mentation: GCS < 15 when a GCS is written (Sepsis-3's definition), otherwise ACVPU other
 * than A or documented new confusion.
 */
import data from '../../knowledge/sepsisScores.json';
import type { ClinicalNote } from '../../note/types';
import { input, scoreCriteria, type CriterionDraft } from './criteria';
import { latestConsciousness, latestVital } from './select';
import type { CriteriaScore } from './types';

/** qSOFA for the note. */
export function computeQsofa(note: ClinicalNote): CriteriaScore {
  const q = data.qsofa;
  const rr: CriterionDraft = { id: 'respiratory-rate', label: `Respiratory rate ≥ ${q.respiratoryRateAtOrAbove}/min`, inputs: [] };
  const v = latestVital(note, 'respiratory-rate');
  if (v) rr.inputs.push(input('respiratory-rate', v.value, '/min', v.value >= q.respiratoryRateAtOrAbove, v.valueSpan));

  const mentation: CriterionDraft = { id: 'altered-mentation', label: `Altered mentation (GCS < ${q.gcsBelow}, new confusion, or not Alert)`, inputs: [] };
  const c = latestConsciousness(note, q.gcsBelow);
  if (c) {
    const span = c.vital.valueSpan;
    if (c.basis === 'new-confusion') mentation.inputs.push(input('new-confusion', 'new confusion', '', true, span));
    if (c.gcs !== undefined) mentation.inputs.push(input('gcs', c.gcs, '', c.gcs < q.gcsBelow, span));
    else if (c.basis === 'acvpu') mentation.inputs.push(input('acvpu', c.level, '', c.level !== 'A', span));
  }

  const sbp: CriterionDraft = { id: 'systolic-bp', label: `Systolic BP ≤ ${q.systolicAtOrBelow} mmHg`, inputs: [] };
  const bp = latestVital(note, 'blood-pressure');
  if (bp) sbp.inputs.push(input('systolic-bp', bp.systolic, 'mmHg', bp.systolic <= q.systolicAtOrBelow, bp.valueSpan));

  return scoreCriteria([rr, mentation, sbp], q.positiveAtOrAbove);
}
