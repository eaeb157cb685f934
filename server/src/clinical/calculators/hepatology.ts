/**
 * Liver: Child-Pugh, MELD-Na (UNOS/OPTN 2016) and the FIB-4 fibrosis index.
 */
import { AGE, ALBUMIN, BILIRUBIN, CREATININE, INR, PLATELETS, SODIUM, flag } from './common';
import { defineCalculator, fmt, round } from './inputs';
import { Tally } from './tally';

const ASCITES = ['Absent', 'Slight', 'Moderate'];
const ENCEPHALOPATHY = ['None', 'Grade 1-2', 'Grade 3-4'];

export const childPugh = defineCalculator({
  id: 'child-pugh',
  name: 'Child-Pugh Score',
  medcalc: { ids: [15], name: 'Child-Pugh Score for Cirrhosis Mortality' },
  output: 'integer',
  reference: { title: 'Pugh RN et al. Transection of the oesophagus for bleeding oesophageal varices. Br J Surg 1973;60:646-649', url: 'https://doi.org/10.1002/bjs.1800600817' },
  inputs: [
    BILIRUBIN,
    ALBUMIN,
    INR,
    { key: 'ascites', label: 'Ascites', kind: 'choice', choices: ASCITES, synonyms: { Absent: ['none', 'no'], Slight: ['mild', 'small'], Moderate: ['severe', 'moderate to severe', 'tense', 'large'] }, optional: true, medcalc: ['Ascites'] },
    { key: 'encephalopathy', label: 'Hepatic encephalopathy', kind: 'choice', choices: ENCEPHALOPATHY, synonyms: { None: ['No Encephalopathy', 'Grade 0', 'absent', 'no'], 'Grade 1-2': ['mild', 'grade 1', 'grade 2'], 'Grade 3-4': ['severe', 'grade 3', 'grade 4'] }, optional: true, medcalc: ['Encephalopathy'] },
  ],
  run(v) {
    const t = new Tally();
    const bili = v.num('bilirubin');
    t.add(bili < 2 ? 1 : bili <= 3 ? 2 : 3, `bilirubin ${fmt(bili)} mg/dL (< 2: 1, 2-3: 2, > 3: 3)`);
    const alb = v.num('albumin');
    t.add(alb > 3.5 ? 1 : alb >= 2.8 ? 2 : 3, `albumin ${fmt(alb)} g/dL (> 3.5: 1, 2.8-3.5: 2, < 2.8: 3)`);
    const inr = v.num('inr');
    t.add(inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3, `INR ${fmt(inr)} (< 1.7: 1, 1.7-2.3: 2, > 2.3: 3)`);
    // Ascites and encephalopathy that a note does not mention are scored as absent (1 point each).
    const ascites = v.optChoice('ascites') ?? 'Absent';
    t.add(ASCITES.indexOf(ascites) + 1, `ascites ${ascites.toLowerCase()}${v.has('ascites') ? '' : ' (not documented)'}`);
    const enc = v.optChoice('encephalopathy') ?? 'None';
    t.add(ENCEPHALOPATHY.indexOf(enc) + 1, `encephalopathy ${enc.toLowerCase()}${v.has('encephalopathy') ? '' : ' (not documented)'}`);
    const out = t.result('Child-Pugh');
    out.lines.push(`Class ${t.total <= 6 ? 'A' : t.total <= 9 ? 'B' : 'C'}.`);
    return out;
  },
});

export const meldNa = defineCalculator({
  id: 'meld-na',
  name: 'MELD-Na (UNOS/OPTN 2016)',
  medcalc: { ids: [23], name: 'MELD Na (UNOS/OPTN)' },
  output: 'integer',
  reference: {
    title: 'Kim WR et al. Hyponatremia and mortality among patients on the liver-transplant waiting list. N Engl J Med 2008;359:1018-1026 (OPTN policy 9.1, January 2016)',
    url: 'https://doi.org/10.1056/NEJMoa0801209',
  },
  inputs: [
    CREATININE,
    BILIRUBIN,
    INR,
    SODIUM,
    flag('dialysis', 'Dialysis ≥ 2 times or CVVHD ≥ 24 h in the past week', 'Dialysis at least twice in the past week', 'Continuous veno-venous hemodialysis for ≥24 hours in the past week'),
  ],
  run(v) {
    const lines: string[] = [];
    const dialysis = v.bool('dialysis');
    // OPTN bounds: creatinine, bilirubin and INR below 1.0 count as 1.0; creatinine is capped at
    // 4.0 and set to 4.0 after dialysis; sodium is bounded to 125-137.
    const cr = dialysis ? 4 : Math.min(Math.max(v.num('creatinine'), 1), 4);
    const bili = Math.max(v.num('bilirubin'), 1);
    const inr = Math.max(v.num('inr'), 1);
    const na = Math.min(Math.max(v.num('sodium'), 125), 137);
    lines.push(`Bounded values: creatinine ${fmt(cr)}${dialysis ? ' (dialysis)' : ''} mg/dL, bilirubin ${fmt(bili)} mg/dL, INR ${fmt(inr)}, sodium ${fmt(na)} mmol/L.`);
    const meldI = round(10 * (0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.12 * Math.log(inr) + 0.643), 1);
    lines.push(`MELD(i) = 10 × (0.957 ln Cr + 0.378 ln bili + 1.120 ln INR + 0.643) = ${fmt(meldI, 1)}.`);
    let meld = meldI;
    if (meldI > 11) {
      meld = meldI + 1.32 * (137 - na) - 0.033 * meldI * (137 - na);
      lines.push(`MELD(i) > 11, so MELD-Na = MELD(i) + 1.32 × (137 − Na) − 0.033 × MELD(i) × (137 − Na) = ${fmt(meld, 2)}.`);
    }
    const value = Math.min(Math.round(meld), 40);
    lines.push(`MELD-Na = ${value} (rounded, capped at 40).`);
    return { value, unit: 'points', lines };
  },
});

export const fib4 = defineCalculator({
  id: 'fib-4',
  name: 'FIB-4 Index for Liver Fibrosis',
  medcalc: { ids: [19], name: 'Fibrosis-4 (FIB-4) Index for Liver Fibrosis' },
  output: 'decimal',
  reference: {
    title: 'Sterling RK et al. Development of a simple noninvasive index to predict significant fibrosis in patients with HIV/HCV coinfection. Hepatology 2006;43:1317-1325',
    url: 'https://doi.org/10.1002/hep.21178',
  },
  inputs: [
    AGE,
    { key: 'ast', label: 'AST', kind: 'concentration', analyte: 'aminotransferase', unit: 'U/L', medcalc: ['Aspartate aminotransferase'] },
    { key: 'alt', label: 'ALT', kind: 'concentration', analyte: 'aminotransferase', unit: 'U/L', medcalc: ['Alanine aminotransferase'] },
    PLATELETS,
  ],
  run(v) {
    const age = v.num('age');
    const ast = v.num('ast');
    const alt = v.num('alt');
    const plt = v.num('platelets');
    const value = (age * ast) / (plt * Math.sqrt(alt));
    return { value: round(value), lines: [`FIB-4 = (age × AST) / (platelets × √ALT) = (${fmt(age)} × ${fmt(ast)}) / (${fmt(plt)} × √${fmt(alt)}) = ${fmt(value)}.`] };
  },
});
