/**
 * Electrolytes and acid-base: anion gap and its delta gap / delta ratio (plain and albumin
 * corrected), albumin-corrected calcium, calculated serum osmolality, free water deficit and
 * sodium corrected for hyperglycaemia.
 */
import { AGE, ALBUMIN, BICARBONATE, BUN, CHLORIDE, GLUCOSE, SEX, SODIUM, WEIGHT, pubmed } from './common';
import { defineCalculator, fmt, round, type InputReader } from './inputs';
import type { Calculator, InputSpec } from './types';

/** Normal anion gap and bicarbonate used by the delta gap and delta ratio (mEq/L). */
const NORMAL_AG = 12;
const NORMAL_HCO3 = 24;
/** Normal albumin (g/dL) for the albumin corrections. */
const NORMAL_ALBUMIN = 4;

function anionGap(v: InputReader, lines: string[]): number {
  const na = v.num('sodium');
  const cl = v.num('chloride');
  const hco3 = v.num('bicarbonate');
  const ag = na - (cl + hco3);
  lines.push(`Anion gap = Na − (Cl + HCO₃) = ${fmt(na)} − (${fmt(cl)} + ${fmt(hco3)}) = ${fmt(ag)} mEq/L.`);
  return ag;
}

function albuminCorrectedGap(v: InputReader, lines: string[]): number {
  const ag = anionGap(v, lines);
  const alb = v.num('albumin');
  const corrected = ag + 2.5 * (NORMAL_ALBUMIN - alb);
  lines.push(`Albumin-corrected AG = AG + 2.5 × (4 − albumin) = ${fmt(ag)} + 2.5 × (4 − ${fmt(alb)}) = ${fmt(corrected)} mEq/L.`);
  return corrected;
}

const EMMETT = { title: 'Emmett M, Narins RG. Clinical use of the anion gap. Medicine (Baltimore) 1977;56:38-54', url: pubmed('Emmett Narins clinical use of the anion gap') };
/** ΔAG = AG − 12 and ΔAG/ΔHCO₃ (the MDCalc and MedCalc-Bench definitions; Wrenn's "delta gap" ΔAG − ΔHCO₃ is an option, below). */
const RASTEGAR = { title: 'Rastegar A. Use of the ΔAG/ΔHCO₃⁻ ratio in the diagnosis of mixed acid-base disorders. J Am Soc Nephrol 2007;18:2429-2431', url: pubmed('Rastegar use of the delta AG delta HCO3 ratio mixed acid-base disorders') };
const FIGGE = { title: 'Figge J, Jabor A, Kazda A, Fencl V. Anion gap and hypoalbuminemia. Crit Care Med 1998;26:1807-1810', url: pubmed('Figge Jabor Kazda Fencl anion gap and hypoalbuminemia') };
const GAP_INPUTS = [SODIUM, CHLORIDE, BICARBONATE];
const ALB_GAP_INPUTS = [SODIUM, CHLORIDE, BICARBONATE, ALBUMIN];

export const anionGapCalc = defineCalculator({
  id: 'anion-gap',
  name: 'Anion Gap',
  medcalc: { ids: [39], name: 'Anion Gap' },
  output: 'decimal',
  reference: EMMETT,
  inputs: GAP_INPUTS,
  run(v) {
    const lines: string[] = [];
    return { value: round(anionGap(v, lines)), unit: 'mEq/L', lines };
  },
});

/**
 * "Delta gap" names two published quantities. The default is ΔAG = AG − 12 (MDCalc, and the
 * definition MedCalc-Bench states for calculator 63). Wrenn's delta gap is ΔAG − ΔHCO₃ =
 * (AG − 12) − (24 − HCO₃), near 0 in a pure anion-gap acidosis, > +6 with a coexisting metabolic
 * alkalosis, < −6 with a coexisting normal-gap acidosis (Wrenn K. The delta (Δ) gap: an approach
 * to mixed acid-base disorders. Ann Emerg Med 1990;19:1310-1313); offered as an explicit option.
 */
const DELTA_GAP_DEFINITIONS = ['ΔAG = AG − 12', 'Wrenn ΔAG − ΔHCO₃'] as const;
const DELTA_GAP_DEFINITION: InputSpec = {
  key: 'definition',
  label: 'Delta gap definition',
  kind: 'choice',
  choices: DELTA_GAP_DEFINITIONS,
  synonyms: { 'ΔAG = AG − 12': ['delta AG', 'AG - 12', 'MDCalc'], 'Wrenn ΔAG − ΔHCO₃': ['Wrenn', 'ΔAG − ΔHCO₃'] },
  optional: true,
  convention: true,
};

export const deltaGap = defineCalculator({
  id: 'delta-gap',
  name: 'Delta Gap',
  medcalc: { ids: [63], name: 'Delta Gap' },
  output: 'decimal',
  reference: RASTEGAR,
  inputs: [...GAP_INPUTS, DELTA_GAP_DEFINITION],
  run(v) {
    const lines: string[] = [];
    const dAg = anionGap(v, lines) - NORMAL_AG;
    if ((v.optChoice('definition') ?? DELTA_GAP_DEFINITIONS[0]) === DELTA_GAP_DEFINITIONS[0]) {
      lines.push(`Delta gap = AG − ${NORMAL_AG} = ${fmt(dAg)} mEq/L.`);
      return { value: round(dAg), unit: 'mEq/L', lines };
    }
    const hco3 = v.num('bicarbonate');
    const value = dAg - (NORMAL_HCO3 - hco3);
    lines.push(
      `Wrenn delta gap = (AG − ${NORMAL_AG}) − (${NORMAL_HCO3} − HCO₃) = ${fmt(dAg)} − ${fmt(NORMAL_HCO3 - hco3)} = ${fmt(value)} mEq/L (> +6: added metabolic alkalosis; < −6: added normal-gap acidosis).`,
    );
    return { value: round(value), unit: 'mEq/L', lines };
  },
});

export const deltaRatio = defineCalculator({
  id: 'delta-ratio',
  name: 'Delta Ratio',
  medcalc: { ids: [64], name: 'Delta Ratio' },
  output: 'decimal',
  reference: RASTEGAR,
  inputs: GAP_INPUTS,
  run(v) {
    const lines: string[] = [];
    const dg = anionGap(v, lines) - NORMAL_AG;
    const hco3 = v.num('bicarbonate');
    const value = dg / (NORMAL_HCO3 - hco3);
    lines.push(`Delta ratio = (AG − ${NORMAL_AG}) / (${NORMAL_HCO3} − HCO₃) = ${fmt(dg)} / ${fmt(NORMAL_HCO3 - hco3)} = ${fmt(value)}.`);
    return { value: round(value), lines };
  },
});

export const albuminCorrectedAnionGap = defineCalculator({
  id: 'albumin-corrected-anion-gap',
  name: 'Albumin-Corrected Anion Gap',
  medcalc: { ids: [65], name: 'Albumin Corrected Anion Gap' },
  output: 'decimal',
  reference: FIGGE,
  inputs: ALB_GAP_INPUTS,
  run(v) {
    const lines: string[] = [];
    return { value: round(albuminCorrectedGap(v, lines)), unit: 'mEq/L', lines };
  },
});

export const albuminCorrectedDeltaGap = defineCalculator({
  id: 'albumin-corrected-delta-gap',
  name: 'Albumin-Corrected Delta Gap',
  medcalc: { ids: [66], name: 'Albumin Corrected Delta Gap' },
  output: 'decimal',
  reference: FIGGE,
  inputs: ALB_GAP_INPUTS,
  run(v) {
    const lines: string[] = [];
    const value = albuminCorrectedGap(v, lines) - NORMAL_AG;
    lines.push(`Albumin-corrected delta gap = corrected AG − ${NORMAL_AG} = ${fmt(value)} mEq/L.`);
    return { value: round(value), unit: 'mEq/L', lines };
  },
});

export const albuminCorrectedDeltaRatio = defineCalculator({
  id: 'albumin-corrected-delta-ratio',
  name: 'Albumin-Corrected Delta Ratio',
  medcalc: { ids: [67], name: 'Albumin Corrected Delta Ratio' },
  output: 'decimal',
  reference: FIGGE,
  inputs: ALB_GAP_INPUTS,
  run(v) {
    const lines: string[] = [];
    const dg = albuminCorrectedGap(v, lines) - NORMAL_AG;
    const hco3 = v.num('bicarbonate');
    const value = dg / (NORMAL_HCO3 - hco3);
    lines.push(`Albumin-corrected delta ratio = (corrected AG − ${NORMAL_AG}) / (${NORMAL_HCO3} − HCO₃) = ${fmt(dg)} / ${fmt(NORMAL_HCO3 - hco3)} = ${fmt(value)}.`);
    return { value: round(value), lines };
  },
});

export const correctedCalcium = defineCalculator({
  id: 'corrected-calcium',
  name: 'Calcium Corrected for Albumin',
  medcalc: { ids: [7], name: 'Calcium Correction for Hypoalbuminemia' },
  output: 'decimal',
  reference: { title: 'Payne RB, Little AJ, Williams RB, Milner JR. Interpretation of serum calcium in patients with abnormal serum proteins. BMJ 1973;4:643-646', url: 'https://doi.org/10.1136/bmj.4.5893.643' },
  inputs: [{ key: 'calcium', label: 'Serum calcium', kind: 'concentration', analyte: 'calcium', unit: 'mg/dL', medcalc: ['Calcium'] }, ALBUMIN],
  run(v) {
    const ca = v.num('calcium');
    const alb = v.num('albumin');
    const value = ca + 0.8 * (NORMAL_ALBUMIN - alb);
    return { value: round(value), unit: 'mg/dL', lines: [`Corrected Ca = Ca + 0.8 × (4 − albumin) = ${fmt(ca)} + 0.8 × (4 − ${fmt(alb)}) = ${fmt(value)} mg/dL.`] };
  },
});

export const serumOsmolality = defineCalculator({
  id: 'serum-osmolality',
  name: 'Calculated Serum Osmolality',
  medcalc: { ids: [30], name: 'Serum Osmolality' },
  output: 'decimal',
  reference: { title: 'Dorwart WV, Chalmers L. Comparison of methods for calculating serum osmolality from chemical concentrations. Clin Chem 1975;21:190-194', url: pubmed('Dorwart Chalmers calculating serum osmolality chemical concentrations') },
  inputs: [SODIUM, BUN, GLUCOSE],
  run(v) {
    const na = v.num('sodium');
    const bun = v.num('bun');
    const glu = v.num('glucose');
    const value = 2 * na + bun / 2.8 + glu / 18;
    return { value: round(value), unit: 'mOsm/kg', lines: [`Osm = 2 × Na + BUN/2.8 + glucose/18 = 2 × ${fmt(na)} + ${fmt(bun)}/2.8 + ${fmt(glu)}/18 = ${fmt(value)} mOsm/kg.`] };
  },
});

export const freeWaterDeficit = defineCalculator({
  id: 'free-water-deficit',
  name: 'Free Water Deficit',
  medcalc: { ids: [38], name: 'Free Water Deficit' },
  output: 'decimal',
  reference: { title: 'Adrogué HJ, Madias NE. Hypernatremia. N Engl J Med 2000;342:1493-1499', url: 'https://doi.org/10.1056/NEJM200005183422006' },
  inputs: [AGE, SEX, WEIGHT, SODIUM],
  run(v) {
    const age = v.num('age');
    const female = v.choice('sex') === 'Female';
    const w = v.num('weight');
    const na = v.num('sodium');
    // Total body water fraction by age and sex (Adrogué & Madias): children 0.6; adult men 0.6,
    // women 0.5; from 65 years men 0.5, women 0.45.
    let fraction: number;
    let group: string;
    if (age < 18) [fraction, group] = [0.6, 'child'];
    else if (age < 65) [fraction, group] = female ? [0.5, 'adult woman'] : [0.6, 'adult man'];
    else [fraction, group] = female ? [0.45, 'older woman'] : [0.5, 'older man'];
    const value = fraction * w * (na / 140 - 1);
    return {
      value: round(value),
      unit: 'L',
      lines: [`Total body water fraction ${fraction} (${group}).`, `Deficit = ${fraction} × weight × (Na/140 − 1) = ${fraction} × ${fmt(w)} × (${fmt(na)}/140 − 1) = ${fmt(value)} L.`],
    };
  },
});

/**
 * Correction factor per 100 mg/dL of glucose above 100: Katz's 1.6 (the default) or Hillier's 2.4
 * (Hillier TA, Abbott RD, Barrett EJ. Hyponatremia: evaluating the correction factor for
 * hyperglycemia. Am J Med 1999;106:399-403), which MDCalc also offers.
 */
const SODIUM_FACTORS = { 'Katz 1.6': 0.016, 'Hillier 2.4': 0.024 } as const;
type SodiumFactor = keyof typeof SODIUM_FACTORS;
const SODIUM_FACTOR_NAMES = Object.keys(SODIUM_FACTORS) as SodiumFactor[];

export const sodiumCorrection = defineCalculator({
  id: 'sodium-correction-hyperglycemia',
  name: 'Sodium Corrected for Hyperglycaemia',
  medcalc: { ids: [26], name: 'Sodium Correction for Hyperglycemia' },
  output: 'decimal',
  reference: { title: 'Katz MA. Hyperglycemia-induced hyponatremia: calculation of expected serum sodium depression. N Engl J Med 1973;289:843-844', url: 'https://doi.org/10.1056/NEJM197310182891607' },
  inputs: [
    SODIUM,
    GLUCOSE,
    { key: 'factor', label: 'Correction factor', kind: 'choice', choices: SODIUM_FACTOR_NAMES, synonyms: { 'Katz 1.6': ['Katz', '1.6'], 'Hillier 2.4': ['Hillier', '2.4'] }, optional: true, convention: true },
  ],
  run(v) {
    const na = v.num('sodium');
    const glu = v.num('glucose');
    const factor = (v.optChoice('factor') ?? 'Katz 1.6') as SodiumFactor;
    const other: SodiumFactor = factor === 'Katz 1.6' ? 'Hillier 2.4' : 'Katz 1.6';
    const per100 = (f: SodiumFactor): string => fmt(SODIUM_FACTORS[f] * 100);
    const value = na + SODIUM_FACTORS[factor] * (glu - 100);
    const alternative = na + SODIUM_FACTORS[other] * (glu - 100);
    return {
      value: round(value),
      unit: 'mmol/L',
      lines: [
        `Corrected Na (${factor.split(' ')[0]!}) = Na + ${per100(factor)} × (glucose − 100)/100 = ${fmt(na)} + ${fmt(SODIUM_FACTORS[factor])} × (${fmt(glu)} − 100) = ${fmt(value)} mmol/L.`,
        `(${other.split(' ')[0]!}, ${per100(other)} per 100 mg/dL: ${fmt(alternative)} mmol/L.)`,
      ],
    };
  },
});

/** All electrolyte calculators. */
export const electrolyteCalculators: readonly Calculator[] = [
  anionGapCalc,
  deltaGap,
  deltaRatio,
  albuminCorrectedAnionGap,
  albuminCorrectedDeltaGap,
  albuminCorrectedDeltaRatio,
  correctedCalcium,
  serumOsmolality,
  freeWaterDeficit,
  sodiumCorrection,
];
