/**
 * Lipids and glucose metabolism: Friedewald LDL cholesterol and HOMA-IR.
 */
import { GLUCOSE, HDL, TOTAL_CHOLESTEROL } from './common';
import { defineCalculator, fmt, round } from './inputs';

export const ldlFriedewald = defineCalculator({
  id: 'ldl-friedewald',
  name: 'LDL Cholesterol (Friedewald)',
  medcalc: { ids: [44], name: 'LDL Calculated' },
  output: 'decimal',
  reference: {
    title: 'Friedewald WT, Levy RI, Fredrickson DS. Estimation of the concentration of low-density lipoprotein cholesterol in plasma, without use of the preparative ultracentrifuge. Clin Chem 1972;18:499-502',
    url: 'https://doi.org/10.1093/clinchem/18.6.499',
  },
  inputs: [TOTAL_CHOLESTEROL, HDL, { key: 'triglycerides', label: 'Triglycerides', kind: 'concentration', analyte: 'triglycerides', unit: 'mg/dL', medcalc: ['Triglycerides'] }],
  run(v) {
    const tc = v.num('totalCholesterol');
    const hdl = v.num('hdl');
    const tg = v.num('triglycerides');
    const value = tc - hdl - tg / 5;
    const lines = [`LDL = total cholesterol − HDL − triglycerides/5 = ${fmt(tc)} − ${fmt(hdl)} − ${fmt(tg)}/5 = ${fmt(value)} mg/dL.`];
    if (tg > 400) lines.push('Triglycerides > 400 mg/dL: the Friedewald estimate is not valid; measure LDL directly.');
    return { value: round(value), unit: 'mg/dL', lines };
  },
});

export const homaIr = defineCalculator({
  id: 'homa-ir',
  name: 'HOMA-IR',
  medcalc: { ids: [31], name: 'HOMA-IR (Homeostatic Model Assessment for Insulin Resistance)' },
  output: 'decimal',
  reference: {
    title: 'Matthews DR et al. Homeostasis model assessment: insulin resistance and β-cell function from fasting plasma glucose and insulin concentrations in man. Diabetologia 1985;28:412-419',
    url: 'https://doi.org/10.1007/BF00280883',
  },
  inputs: [{ ...GLUCOSE, label: 'Fasting glucose' }, { key: 'insulin', label: 'Fasting insulin', kind: 'concentration', analyte: 'insulin', unit: 'µIU/mL', medcalc: ['Insulin'] }],
  run(v) {
    const glu = v.num('glucose');
    const ins = v.num('insulin');
    const value = (glu * ins) / 405;
    return { value: round(value), lines: [`HOMA-IR = glucose (mg/dL) × insulin (µIU/mL) / 405 = ${fmt(glu)} × ${fmt(ins)} / 405 = ${fmt(value)}.`] };
  },
});
