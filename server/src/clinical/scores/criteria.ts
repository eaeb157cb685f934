/**
 * Shared shape of count-the-criteria screens (qSOFA, SIRS): each criterion is met when any of its
 * documented inputs meets it, is missing when none of its inputs is documented, and the outcome
 * is decided only when the missing criteria could not change it.
 */
import type { Span } from '../../note/types';
import type { CriteriaOutcome, CriteriaScore, Criterion, CriterionInput } from './types';

/** A criterion before scoring: its inputs that the note documents (possibly none). */
export interface CriterionDraft {
  id: string;
  label: string;
  inputs: CriterionInput[];
}

/** One documented input. */
export function input(name: string, value: number | string, unit: string, met: boolean, span: Span): CriterionInput {
  return { input: name, value, unit, met, span };
}

/** Positive when met ≥ threshold, negative when even all missing met would stay below it. */
export function criteriaOutcome(score: number, missing: number, threshold: number): CriteriaOutcome {
  if (score >= threshold) return 'positive';
  if (score + missing < threshold) return 'negative';
  return 'indeterminate';
}

/** Scores drafts into a `CriteriaScore`. */
export function scoreCriteria(drafts: readonly CriterionDraft[], threshold: number): CriteriaScore {
  const criteria: Criterion[] = [];
  const missing: string[] = [];
  for (const d of drafts) {
    if (d.inputs.length === 0) missing.push(d.id);
    else criteria.push({ id: d.id, label: d.label, met: d.inputs.some((i) => i.met), inputs: d.inputs });
  }
  const score = criteria.filter((c) => c.met).length;
  return { criteria, missing, score, maxScore: drafts.length, threshold, outcome: criteriaOutcome(score, missing.length, threshold) };
}
