/**
 * Bedside scores and triage computed from a parsed note: NEWS2, qSOFA, SIRS, shock index, mean
 * arterial pressure and an ESI v4 suggestion. Plain data (numbers, strings, spans) so the result
 * can travel over LSP and print as CLI JSON unchanged.
 *
 * Every score says which documented value it used (with its span in the note) and which inputs
 * were missing; a score over missing inputs is partial, never guessed.
 */
import type { Span } from '../../note/types';

/* ------------------------------------------------------------------ NEWS2 */

/** The seven NEWS2 parameters, in chart order. */
export type News2ParameterId =
  | 'respiration-rate'
  | 'spo2'
  | 'air-or-oxygen'
  | 'systolic-bp'
  | 'pulse'
  | 'consciousness'
  | 'temperature';

/** One scored NEWS2 parameter. */
export interface News2Parameter {
  parameter: News2ParameterId;
  /**
   * The value scored: breaths or beats per minute, SpO2 %, systolic mmHg, °C (rounded to 0.1);
   * for consciousness the ACVPU letter or `GCS n`; for air-or-oxygen `air` or `oxygen`.
   */
  value: number | string;
  /** `/min`, `%`, `mmHg`, `°C`, or `''` for consciousness and air-or-oxygen. */
  unit: string;
  /** Points from the chart, 0–3. */
  points: number;
  /** The chart band that applied and its points, e.g. `91–100 → 2`. */
  band: string;
  /** Where the value is written in the note (the vital's value, or the oxygen mention). */
  span: Span;
  /** How the value was read when that needed a convention (GCS mapping, scale 2 on air). */
  note?: string;
}

/**
 * RCP clinical risk: `low` (total 0–4), `low-medium` (total 0–4 with 3 in a single parameter),
 * `medium` (5–6), `high` (7 or more).
 */
export type News2Risk = 'low' | 'low-medium' | 'medium' | 'high';

export interface News2Result {
  /** Scored parameters in chart order; undocumented ones are absent (see `missing`). */
  parameters: News2Parameter[];
  /** Parameters the note does not document; they are not scored. */
  missing: News2ParameterId[];
  /** Sum of the points of the documented parameters. With `partial`, a lower bound. */
  total: number;
  /** True when any parameter is missing: `total` and `risk` are then at least these. */
  partial: boolean;
  /** Clinical risk from the documented parameters; absent when no parameter is documented. */
  risk?: News2Risk;
  /** RCP recommended monitoring frequency for the risk level. */
  monitoring?: string;
  /** RCP recommended clinical response for the risk level. */
  response?: string;
  /** SpO2 scale used: 2 when the note documents hypercapnic respiratory failure / target 88–92 %. */
  spo2Scale: 1 | 2;
  /** The words that selected scale 2. */
  scale2Evidence?: Span;
  /** Applicability warnings (age under 16, pregnancy). */
  caveats: string[];
}

/* ------------------------------------------------------------------ criteria scores (qSOFA, SIRS) */

/** One documented input of a criterion. */
export interface CriterionInput {
  /** What was measured: `respiratory-rate`, `paco2`, `wbc`, `gcs`, ... */
  input: string;
  /** The value used (units in `unit`), or a label such as `C` / `new confusion`. */
  value: number | string;
  unit: string;
  /** Whether this input alone meets the criterion. */
  met: boolean;
  span: Span;
}

export interface Criterion {
  /** Stable id, e.g. `respiratory-rate`, `altered-mentation`. */
  id: string;
  /** The rule as a clinician reads it, e.g. `Respiratory rate ≥ 22/min`. */
  label: string;
  /** Met when any documented input meets it. */
  met: boolean;
  inputs: CriterionInput[];
}

/**
 * `positive`/`negative` when the documented inputs decide it whatever the missing ones are;
 * `indeterminate` when missing inputs could change the result.
 */
export type CriteriaOutcome = 'positive' | 'negative' | 'indeterminate';

export interface CriteriaScore {
  /** Criteria with at least one documented input. */
  criteria: Criterion[];
  /** Ids of criteria with no documented input. */
  missing: string[];
  /** Number of criteria met. */
  score: number;
  /** Number of criteria (3 for qSOFA, 4 for SIRS). */
  maxScore: number;
  /** Score at which the screen is positive (2 for both). */
  threshold: number;
  outcome: CriteriaOutcome;
}

/* ------------------------------------------------------------------ haemodynamics */

export interface SpannedValue {
  value: number;
  span: Span;
}

export interface ShockIndexResult {
  /** Heart rate ÷ systolic pressure, rounded to 2 decimals; absent when an input is missing. */
  value?: number;
  /** True when `value` ≥ `threshold` (1.0). */
  elevated?: boolean;
  threshold: number;
  /** Beats per minute. */
  heartRate?: SpannedValue;
  /** mmHg. */
  systolic?: SpannedValue;
  missing: ('heart-rate' | 'systolic-bp')[];
}

export interface MapResult {
  /** Mean arterial pressure (SBP + 2·DBP) / 3 in mmHg, rounded; absent when no BP is documented. */
  value?: number;
  /** True when `value` is below `lowBelow` (65 mmHg). */
  low?: boolean;
  lowBelow: number;
  /** The blood pressure used, mmHg; `span` is its value `142/88`. */
  systolic?: number;
  diastolic?: number;
  span?: Span;
  missing: 'blood-pressure'[];
}

/* ------------------------------------------------------------------ ESI */

export type EsiLevel = 1 | 2 | 3 | 4 | 5;
export type EsiDecisionPoint = 'A' | 'B' | 'C' | 'D';

/** Why a decision point answered as it did, pointing at the note. */
export interface EsiEvidence {
  decisionPoint: EsiDecisionPoint;
  /** What was found, e.g. `chest pain suggestive of acute coronary syndrome`, `HR 128 > 100`. */
  label: string;
  span: Span;
}

/** One expected resource type (ESI Table 5-1). */
export interface EsiResource {
  /** Category id from the knowledge file, e.g. `labs`, `ct`, `iv-fluids`. */
  category: string;
  label: string;
  /** 1, or 2 for a complex procedure. */
  weight: number;
  /** First mention of this resource type in the plan. */
  span: Span;
}

export interface EsiResult {
  /** Suggested ESI level, or `insufficient-information` when the note lacks what a decision point needs. */
  level: EsiLevel | 'insufficient-information';
  /** The decision points that decided the level, in algorithm order (e.g. `['C', 'D']`). */
  decidedBy: EsiDecisionPoint[];
  evidence: EsiEvidence[];
  /** Resource types expected from the plan/orders (decision point C), when it was reached. */
  resources?: EsiResource[];
  /** Sum of resource weights. */
  resourceCount?: number;
  /** What the note would need to document for a decision (e.g. `plan/orders`, `SpO2`). */
  missing: string[];
  /** Danger-zone age band used at decision point D, e.g. `> 8 years`. */
  ageBand?: string;
  /** One line a clinician can read. */
  rationale: string;
}

/* ------------------------------------------------------------------ composed */

/** Everything `computeTriage` returns. */
export interface Triage {
  news2: News2Result;
  qsofa: CriteriaScore;
  sirs: CriteriaScore;
  shockIndex: ShockIndexResult;
  map: MapResult;
  esi: EsiResult;
}

/** An inlay hint beside a vital: its NEWS2 points. */
export interface ScoreHint {
  /** The vital's value in the note; the hint goes at its end. */
  span: Span;
  /** `+3` */
  label: string;
  /** The parameter, band and reference, e.g. `NEWS2 pulse 111–130 → 2 (RCP 2017)`. */
  tooltip: string;
}
