/**
 * Venous thromboembolism: Wells criteria for PE and for DVT, the PERC rule and the Caprini risk
 * assessment model (2005).
 */
import { AGE, BMI, HEART_RATE, SEX, flag, optional, pubmed } from './common';
import { defineCalculator, fmt } from './inputs';
import { Tally } from './tally';
import type { InputSpec } from './types';

const PRIOR_PE = ['Previously Documented Pulmonary Embolism'];
const PRIOR_DVT = ['Previously documented Deep Vein Thrombosis'];

export const wellsPe = defineCalculator({
  id: 'wells-pe',
  name: "Wells' Criteria for Pulmonary Embolism",
  medcalc: { ids: [8], name: "Wells' Criteria for Pulmonary Embolism" },
  output: 'decimal',
  reference: {
    title: 'Wells PS et al. Derivation of a simple clinical model to categorize patients probability of pulmonary embolism. Thromb Haemost 2000;83:416-420',
    url: pubmed('Wells PS derivation simple clinical model categorize probability pulmonary embolism'),
  },
  inputs: [
    flag('dvtSigns', 'Clinical signs and symptoms of DVT', 'Clinical signs and symptoms of Deep Vein Thrombosis'),
    flag('peMostLikely', 'PE is the most likely diagnosis', 'Pulmonary Embolism is #1 diagnosis OR equally likely'),
    HEART_RATE,
    flag('immobilization', 'Immobilisation ≥ 3 days', 'Immobilization for at least 3 days'),
    flag('recentSurgery', 'Surgery in the previous 4 weeks', 'Surgery in the previous 4 weeks'),
    flag('priorPe', 'Previous PE', ...PRIOR_PE),
    flag('priorDvt', 'Previous DVT', ...PRIOR_DVT),
    flag('hemoptysis', 'Haemoptysis', 'Hemoptysis'),
    flag('malignancy', 'Malignancy (treatment within 6 months or palliative)', 'Malignancy with treatment within 6 months or palliative'),
  ],
  run(v) {
    const t = new Tally();
    t.flag(v, 'dvtSigns', 3);
    t.flag(v, 'peMostLikely', 3);
    const hr = v.num('heartRate');
    t.add(hr > 100 ? 1.5 : 0, `heart rate ${fmt(hr)} (> 100)`);
    t.add(v.bool('immobilization') || v.bool('recentSurgery') ? 1.5 : 0, 'immobilisation ≥ 3 days or surgery within 4 weeks');
    t.add(v.bool('priorPe') || v.bool('priorDvt') ? 1.5 : 0, 'previous PE or DVT');
    t.flag(v, 'hemoptysis', 1);
    t.flag(v, 'malignancy', 1);
    return t.result("Wells' PE score");
  },
});

export const wellsDvt = defineCalculator({
  id: 'wells-dvt',
  name: "Wells' Criteria for DVT",
  medcalc: { ids: [16], name: "Wells' Criteria for DVT" },
  output: 'integer',
  reference: {
    title: 'Wells PS et al. Evaluation of D-dimer in the diagnosis of suspected deep-vein thrombosis. N Engl J Med 2003;349:1227-1235',
    url: 'https://doi.org/10.1056/NEJMoa023153',
  },
  inputs: [
    flag('activeCancer', 'Active cancer', 'Active cancer'),
    flag('bedriddenOrSurgery', 'Bedridden > 3 days or major surgery within 12 weeks', 'Bedridden recently >3 days or major surgery within 12 weeks', 'Major surgery within 12 weeks'),
    flag('calfSwelling', 'Calf swelling > 3 cm', 'Calf swelling >3 centimeters compared to the other leg'),
    flag('collateralVeins', 'Collateral (non-varicose) superficial veins', 'Collateral (nonvaricose) superficial veins present'),
    flag('legSwollen', 'Entire leg swollen', 'Entire Leg Swollen'),
    flag('tenderness', 'Localised tenderness along the deep veins', 'Localized tenderness along the deep venous system'),
    flag('pittingEdema', 'Pitting oedema confined to the symptomatic leg', 'Pitting edema, confined to symptomatic leg'),
    flag('paralysis', 'Paralysis, paresis or recent leg plaster', 'Paralysis, paresis, or recent plaster immobilization of the lower extremity'),
    flag('priorDvt', 'Previously documented DVT', ...PRIOR_DVT),
    flag('alternativeLikely', 'Alternative diagnosis at least as likely', 'Alternative diagnosis to Deep Vein Thrombosis as likely or more likely'),
  ],
  run(v) {
    const t = new Tally();
    for (const k of ['activeCancer', 'bedriddenOrSurgery', 'calfSwelling', 'collateralVeins', 'legSwollen', 'tenderness', 'pittingEdema', 'paralysis', 'priorDvt']) t.flag(v, k, 1);
    t.flag(v, 'alternativeLikely', -2);
    return t.result("Wells' DVT score");
  },
});

export const percRule = defineCalculator({
  id: 'perc',
  name: 'PERC Rule for Pulmonary Embolism (criteria met)',
  medcalc: { ids: [48], name: 'PERC Rule for Pulmonary Embolism' },
  output: 'integer',
  reference: {
    title: 'Kline JA et al. Clinical criteria to prevent unnecessary diagnostic testing in emergency department patients with suspected pulmonary embolism. J Thromb Haemost 2004;2:1247-1255',
    url: 'https://doi.org/10.1111/j.1538-7836.2004.00790.x',
  },
  inputs: [
    AGE,
    HEART_RATE,
    { key: 'spo2', label: 'O₂ saturation', kind: 'percent', unit: '%', medcalc: ['O₂ saturation percentage'] },
    flag('spo2OnOxygen', 'SpO₂ measured on supplemental oxygen'),
    flag('legSwelling', 'Unilateral leg swelling', 'Unilateral Leg Swelling'),
    flag('hemoptysis', 'Haemoptysis', 'Hemoptysis'),
    flag('surgeryTrauma', 'Recent surgery or trauma (≤ 4 weeks)', 'Recent surgery or trauma'),
    flag('priorVte', 'Prior PE or DVT', ...PRIOR_PE, ...PRIOR_DVT),
    flag('hormones', 'Oestrogen/hormone use', 'Hormone use'),
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    t.add(age >= 50 ? 1 : 0, `age ${fmt(age)} (≥ 50)`);
    const hr = v.num('heartRate');
    t.add(hr >= 100 ? 1 : 0, `heart rate ${fmt(hr)} (≥ 100)`);
    // Kline 2004 reads the saturation on room air: a reading taken on supplemental oxygen does not
    // show a room-air SaO₂ ≥ 95 %, so the criterion cannot be called absent (the rule stays positive).
    const sat = v.num('spo2');
    if (v.bool('spo2OnOxygen')) t.add(1, `SpO₂ ${fmt(sat)} % on supplemental oxygen (room-air SpO₂ ≥ 95 % not shown)`);
    else t.add(sat < 95 ? 1 : 0, `SpO₂ ${fmt(sat)} % (< 95)`);
    for (const k of ['legSwelling', 'hemoptysis', 'surgeryTrauma', 'priorVte', 'hormones']) t.flag(v, k, 1);
    const out = t.result('PERC criteria met', 'criteria');
    out.lines.push(t.total === 0 ? 'PERC negative: PE can be ruled out clinically if pre-test probability is low.' : 'PERC positive: PE cannot be ruled out by PERC.');
    return out;
  },
});

const CAPRINI_SURGERY = ['None', 'Minor', 'Major', 'Laparoscopic', 'Arthroscopic', 'Elective major lower extremity arthroplasty'];
const CAPRINI_SURGERY_POINTS = [0, 1, 2, 2, 2, 5];
const CAPRINI_MOBILITY = ['Normal', 'On bed rest', 'Confined to bed >72 hours'];

/** Caprini 2005 risk factors scored present/absent: [key, label, points, MedCalc key]. */
const CAPRINI_FLAGS: readonly [string, string, number, string][] = [
  ['recentMajorSurgery', 'Major surgery within 1 month', 1, 'Major Surgery in the last month'],
  ['chf', 'Congestive heart failure within 1 month', 1, 'Congestive Heart Failure in the last month'],
  ['sepsis', 'Sepsis within 1 month', 1, 'Sepsis in the last month'],
  ['pneumonia', 'Pneumonia or serious lung disease within 1 month', 1, 'Pneumonia in the last month'],
  ['plasterCast', 'Immobilising plaster cast within 1 month', 2, 'Immobilizing plaster cast in the last month'],
  ['fracture', 'Hip, pelvis or leg fracture within 1 month', 5, 'Hip, pelvis, or leg fracture in the last month'],
  ['stroke', 'Stroke within 1 month', 5, 'Stroke in the last month'],
  ['multipleTrauma', 'Multiple trauma within 1 month', 5, 'Multiple trauma in the last month'],
  ['spinalCordInjury', 'Acute spinal cord injury with paralysis within 1 month', 5, 'Acute spinal cord injury causing paralysis in the last month'],
  ['varicoseVeins', 'Varicose veins', 1, 'Varicose veins'],
  ['swollenLegs', 'Current swollen legs', 1, 'Current swollen legs'],
  ['centralLine', 'Current central venous access', 2, 'Current central venous access'],
  ['familyHistory', 'Family history of thrombosis', 3, 'Family history of thrombosis'],
  ['factorV', 'Factor V Leiden', 3, 'Positive Factor V Leiden'],
  ['prothrombin', 'Prothrombin 20210A', 3, 'Positive prothrombin 20210A'],
  ['homocysteine', 'Elevated serum homocysteine', 3, 'Elevated serum homocysteine'],
  ['lupusAnticoagulant', 'Lupus anticoagulant', 3, 'Positive lupus anticoagulant'],
  ['anticardiolipin', 'Anticardiolipin antibody', 3, 'Elevated anticardiolipin antibody'],
  ['hit', 'Heparin-induced thrombocytopenia', 3, 'Heparin-induced thrombocytopenia'],
  ['otherThrombophilia', 'Other congenital or acquired thrombophilia', 3, 'Other congenital or acquired thrombophilia'],
  ['ibd', 'History of inflammatory bowel disease', 1, 'History of inflammatory bowel disease'],
  ['acuteMi', 'Acute myocardial infarction', 1, 'Acute Myocardial infarction'],
  ['copd', 'COPD / abnormal pulmonary function', 1, 'Chronic Obstructive Pulmonary Disease'],
  ['malignancy', 'Present or previous malignancy', 2, 'Present or previous malignancy'],
];

export const caprini = defineCalculator({
  id: 'caprini-2005',
  name: 'Caprini VTE Risk Score (2005)',
  medcalc: { ids: [36], name: 'Caprini Score for Venous Thromboembolism (2005)' },
  output: 'integer',
  reference: { title: 'Caprini JA. Thrombosis risk assessment as a guide to quality patient care. Dis Mon 2005;51:70-78', url: 'https://doi.org/10.1016/j.disamonth.2005.02.003' },
  inputs: [
    AGE,
    optional(SEX),
    { key: 'surgery', label: 'Type of surgery', kind: 'choice', choices: CAPRINI_SURGERY, optional: true, medcalc: ['Surgery Type'] },
    { key: 'mobility', label: 'Mobility', kind: 'choice', choices: CAPRINI_MOBILITY, synonyms: { Normal: ['ambulatory', 'normal/ambulatory'] }, optional: true, medcalc: ['Mobility'] },
    optional(BMI),
    ...CAPRINI_FLAGS.map(([key, label, , medcalc]): InputSpec => flag(key, label, medcalc)),
    flag('priorVte', 'History of DVT or PE', ...PRIOR_DVT, ...PRIOR_PE),
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    t.add(age >= 75 ? 3 : age >= 61 ? 2 : age >= 41 ? 1 : 0, `age ${fmt(age)}`);
    const surgery = v.optChoice('surgery') ?? 'None';
    t.add(CAPRINI_SURGERY_POINTS[CAPRINI_SURGERY.indexOf(surgery)] ?? 0, `surgery: ${surgery}`);
    const mobility = v.optChoice('mobility') ?? 'Normal';
    t.add(CAPRINI_MOBILITY.indexOf(mobility), `mobility: ${mobility}`);
    const bmi = v.optNum('bmi');
    t.add(bmi !== undefined && bmi > 25 ? 1 : 0, bmi === undefined ? 'BMI not given' : `BMI ${fmt(bmi)} (> 25)`);
    for (const [key, , points] of CAPRINI_FLAGS) t.flag(v, key, points);
    // Caprini 2005 scores "history of DVT/PE" once, 3 points, whichever it was.
    t.flag(v, 'priorVte', 3);
    return t.result('Caprini score');
  },
});
