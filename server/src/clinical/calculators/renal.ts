/**
 * Kidney function: Cockcroft-Gault creatinine clearance, CKD-EPI 2021 and MDRD eGFR, and the
 * fractional excretion of sodium.
 */
import { AGE, CREATININE, HEIGHT, SEX, SODIUM, WEIGHT, optional, pubmed } from './common';
import { adjustedBodyWeight, idealBodyWeight } from './bodySize';
import { defineCalculator, fmt, round } from './inputs';
import type { InputSpec } from './types';

export const cockcroftGault = defineCalculator({
  id: 'cockcroft-gault',
  name: 'Creatinine Clearance (Cockcroft-Gault)',
  medcalc: { ids: [2], name: 'Creatinine Clearance (Cockcroft-Gault Equation)' },
  output: 'decimal',
  reference: { title: 'Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16:31-41', url: 'https://doi.org/10.1159/000180580' },
  inputs: [AGE, SEX, WEIGHT, CREATININE, optional(HEIGHT)],
  run(v) {
    const age = v.num('age');
    const female = v.choice('sex') === 'Female';
    const actual = v.num('weight');
    const scr = v.num('creatinine');
    const height = v.optNum('height');
    const lines: string[] = [];
    // Weight choice (MedCalc-Bench/ClinCalc convention): underweight → actual weight; normal BMI →
    // the lesser of ideal and actual; overweight or obese → adjusted body weight.
    let weight = actual;
    if (height === undefined) {
      lines.push(`No height, so the actual weight ${fmt(actual)} kg is used.`);
    } else {
      const m = height / 100;
      const bmi = actual / (m * m);
      const ibw = idealBodyWeight(height, female);
      lines.push(`BMI = ${fmt(actual)} / ${fmt(m)}² = ${fmt(bmi)} kg/m².`, ibw.line);
      if (bmi < 18.5) {
        lines.push(`Underweight, so the actual weight ${fmt(actual)} kg is used.`);
      } else if (bmi < 25) {
        weight = Math.min(ibw.kg, actual);
        lines.push(`Normal BMI, so the lesser of IBW and actual weight is used: ${fmt(weight)} kg.`);
      } else {
        weight = adjustedBodyWeight(actual, ibw.kg);
        lines.push(`Overweight/obese, so adjusted body weight is used: ${fmt(ibw.kg)} + 0.4 × (${fmt(actual)} − ${fmt(ibw.kg)}) = ${fmt(weight)} kg.`);
      }
    }
    const sexFactor = female ? 0.85 : 1;
    const value = ((140 - age) * weight * sexFactor) / (72 * scr);
    lines.push(`CrCl = (140 − age) × weight × ${sexFactor} / (72 × creatinine) = (140 − ${fmt(age)}) × ${fmt(weight)} × ${sexFactor} / (72 × ${fmt(scr)}) = ${fmt(value)} mL/min.`);
    return { value: round(value), unit: 'mL/min', lines };
  },
});

export const ckdEpi2021 = defineCalculator({
  id: 'ckd-epi-2021',
  name: 'eGFR (CKD-EPI 2021, race-free creatinine equation)',
  medcalc: { ids: [3], name: 'CKD-EPI Equations for Glomerular Filtration Rate' },
  output: 'decimal',
  reference: {
    title: 'Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-1749',
    url: 'https://doi.org/10.1056/NEJMoa2102953',
  },
  inputs: [AGE, SEX, CREATININE],
  run(v) {
    const age = v.num('age');
    const female = v.choice('sex') === 'Female';
    const scr = v.num('creatinine');
    const kappa = female ? 0.7 : 0.9;
    const alpha = female ? -0.241 : -0.302;
    const ratio = scr / kappa;
    const value = 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** age * (female ? 1.012 : 1);
    return {
      value: round(value),
      unit: 'mL/min/1.73 m²',
      lines: [
        `κ = ${kappa}, α = ${alpha} (${female ? 'female' : 'male'}); Scr/κ = ${fmt(scr)}/${kappa} = ${fmt(ratio)}.`,
        `eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age${female ? ' × 1.012' : ''} = 142 × ${fmt(Math.min(ratio, 1))}^${alpha} × ${fmt(Math.max(ratio, 1))}^−1.2 × 0.9938^${fmt(age)}${female ? ' × 1.012' : ''} = ${fmt(value)} mL/min/1.73 m².`,
      ],
    };
  },
});

const RACE: InputSpec = { key: 'race', label: 'Race (Black or other)', kind: 'choice', choices: ['Other', 'Black'], synonyms: { Other: ['White', 'Asian', 'Hispanic', 'non-Black'], Black: ['African American', 'African-American'] }, optional: true, medcalc: ['Race'] };

export const mdrd = defineCalculator({
  id: 'mdrd',
  name: 'eGFR (MDRD, IDMS-traceable 4-variable)',
  medcalc: { ids: [9], name: 'MDRD GFR Equation' },
  output: 'decimal',
  reference: {
    title: 'Levey AS et al. Using standardized serum creatinine values in the MDRD study equation for estimating GFR. Ann Intern Med 2006;145:247-254',
    url: 'https://doi.org/10.7326/0003-4819-145-4-200608150-00004',
  },
  inputs: [AGE, SEX, CREATININE, RACE],
  run(v) {
    const age = v.num('age');
    const female = v.choice('sex') === 'Female';
    const scr = v.num('creatinine');
    const black = v.optChoice('race') === 'Black';
    const value = 175 * scr ** -1.154 * age ** -0.203 * (female ? 0.742 : 1) * (black ? 1.212 : 1);
    return {
      value: round(value),
      unit: 'mL/min/1.73 m²',
      lines: [
        `eGFR = 175 × Scr^−1.154 × age^−0.203${female ? ' × 0.742 (female)' : ''}${black ? ' × 1.212 (Black)' : ''} = 175 × ${fmt(scr)}^−1.154 × ${fmt(age)}^−0.203${female ? ' × 0.742' : ''}${black ? ' × 1.212' : ''} = ${fmt(value)} mL/min/1.73 m².`,
      ],
    };
  },
});

export const fena = defineCalculator({
  id: 'fena',
  name: 'Fractional Excretion of Sodium (FENa)',
  medcalc: { ids: [40], name: 'Fractional Excretion of Sodium (FENa)' },
  output: 'decimal',
  reference: {
    title: 'Espinel CH. The FENa test: use in the differential diagnosis of acute renal failure. JAMA 1976;236:579-581',
    url: pubmed('Espinel CH FENa test differential diagnosis acute renal failure'),
  },
  inputs: [
    SODIUM,
    CREATININE,
    { key: 'urineSodium', label: 'Urine sodium', kind: 'concentration', analyte: 'urineSodium', unit: 'mmol/L', medcalc: ['Urine sodium'] },
    { key: 'urineCreatinine', label: 'Urine creatinine', kind: 'concentration', analyte: 'urineCreatinine', unit: 'mg/dL', medcalc: ['Urine creatinine'] },
  ],
  run(v) {
    const na = v.num('sodium');
    const scr = v.num('creatinine');
    const una = v.num('urineSodium');
    const ucr = v.num('urineCreatinine');
    const value = ((una * scr) / (na * ucr)) * 100;
    return {
      value: round(value),
      unit: '%',
      lines: [`FENa = 100 × (urine Na × serum Cr) / (serum Na × urine Cr) = 100 × (${fmt(una)} × ${fmt(scr)}) / (${fmt(na)} × ${fmt(ucr)}) = ${fmt(value)} %.`],
    };
  },
});
