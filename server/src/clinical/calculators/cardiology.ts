/**
 * Cardiovascular: mean arterial pressure, CHA₂DS₂-VASc, HAS-BLED, HEART, the Revised Cardiac
 * Risk Index and the Framingham (ATP III) 10-year hard CHD risk.
 */
import { AGE, CREATININE, DBP, HDL, SBP, SEX, TOTAL_CHOLESTEROL, flag } from './common';
import { defineCalculator, fmt, round } from './inputs';
import { Tally } from './tally';
import type { InputSpec } from './types';

export const meanArterialPressure = defineCalculator({
  id: 'mean-arterial-pressure',
  name: 'Mean Arterial Pressure',
  medcalc: { ids: [5], name: 'Mean Arterial Pressure (MAP)' },
  output: 'decimal',
  reference: { title: 'DeMers D, Wachs D. Physiology, Mean Arterial Pressure. StatPearls (NCBI Bookshelf NBK538226)', url: 'https://www.ncbi.nlm.nih.gov/books/NBK538226/' },
  inputs: [SBP, DBP],
  run(v) {
    const sbp = v.num('systolicBp');
    const dbp = v.num('diastolicBp');
    const value = (sbp + 2 * dbp) / 3;
    return { value: round(value), unit: 'mm Hg', lines: [`MAP = (SBP + 2 × DBP) / 3 = (${fmt(sbp)} + 2 × ${fmt(dbp)}) / 3 = ${fmt(value)} mm Hg.`] };
  },
});

export const cha2ds2Vasc = defineCalculator({
  id: 'cha2ds2-vasc',
  name: 'CHA₂DS₂-VASc Score',
  medcalc: { ids: [4], name: 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk' },
  output: 'integer',
  reference: {
    title: 'Lip GYH et al. Refining clinical risk stratification for predicting stroke and thromboembolism in atrial fibrillation. Chest 2010;137:263-272',
    url: 'https://doi.org/10.1378/chest.09-1584',
  },
  inputs: [
    AGE,
    SEX,
    flag('chf', 'Congestive heart failure', 'Congestive Heart Faliure', 'Congestive Heart Failure'),
    flag('hypertension', 'Hypertension', 'Hypertension history'),
    flag('stroke', 'Prior stroke', 'Stroke'),
    flag('tia', 'Prior TIA', 'Transient Ischemic Attacks History'),
    flag('thromboembolism', 'Prior thromboembolism', 'Thromboembolism history'),
    flag('vascular', 'Vascular disease (MI, PAD, aortic plaque)', 'Vascular disease history'),
    flag('diabetes', 'Diabetes', 'Diabetes history'),
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    t.add(age >= 75 ? 2 : age >= 65 ? 1 : 0, `age ${fmt(age)}`);
    t.add(v.choice('sex') === 'Female' ? 1 : 0, 'female sex');
    t.flag(v, 'chf', 1);
    t.flag(v, 'hypertension', 1);
    t.add(v.bool('stroke') || v.bool('tia') || v.bool('thromboembolism') ? 2 : 0, 'prior stroke, TIA or thromboembolism');
    t.flag(v, 'vascular', 1);
    t.flag(v, 'diabetes', 1);
    return t.result('CHA₂DS₂-VASc');
  },
});

export const hasBled = defineCalculator({
  id: 'has-bled',
  name: 'HAS-BLED Score',
  medcalc: { ids: [25], name: 'HAS-BLED Score for Major Bleeding Risk' },
  output: 'integer',
  reference: {
    title: 'Pisters R et al. A novel user-friendly score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial fibrillation. Chest 2010;138:1093-1100',
    url: 'https://doi.org/10.1378/chest.10-0134',
  },
  inputs: [
    AGE,
    flag('hypertension', 'Uncontrolled hypertension (SBP > 160)', 'Hypertension history'),
    flag('renal', 'Abnormal renal function', 'Renal disease criteria for the HAS-BLED rule'),
    flag('liver', 'Abnormal liver function', 'Liver disease criteria for the HAS-BLED rule'),
    flag('stroke', 'Prior stroke', 'Stroke'),
    flag('bleeding', 'Prior major bleeding or predisposition', 'Prior major bleeding or predisposition to bleeding'),
    flag('labileInr', 'Labile INR', 'Labile international normalized ratio'),
    flag('drugs', 'Antiplatelet or NSAID use', 'Medication usage predisposing to bleeding'),
    { key: 'alcoholDrinksPerWeek', label: 'Alcoholic drinks per week', kind: 'number', optional: true, medcalc: ['Number of Alcoholic Drinks Per Week'] },
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    t.add(age > 65 ? 1 : 0, `age ${fmt(age)} (> 65)`);
    for (const k of ['hypertension', 'renal', 'liver', 'stroke', 'bleeding', 'labileInr', 'drugs']) t.flag(v, k, 1);
    const drinks = v.optNum('alcoholDrinksPerWeek') ?? 0;
    t.add(drinks >= 8 ? 1 : 0, `alcohol ${fmt(drinks)} drinks/week (≥ 8)`);
    return t.result('HAS-BLED');
  },
});

const HEART_HISTORY = ['Slightly suspicious', 'Moderately suspicious', 'Highly suspicious'];
const HEART_ECG = ['Normal', 'Non-specific repolarization disturbance', 'Significant ST deviation'];
const HEART_TROPONIN = [
  'less than or equal to normal limit',
  'between the normal limit or up to three times the normal limit',
  'greater than three times normal limit',
];
const HEART_RISK_FACTORS: readonly InputSpec[] = [
  flag('hypertension', 'Hypertension', 'Hypertension history'),
  flag('hypercholesterolemia', 'Hypercholesterolaemia', 'hypercholesterolemia'),
  flag('diabetes', 'Diabetes', 'Diabetes mellitus criteria for CCI rule'),
  flag('obesity', 'Obesity (BMI > 30)', 'obesity'),
  flag('smoking', 'Current or recent smoker', 'smoking'),
  flag('familyHistory', 'Parent or sibling with CVD before 65', 'parent or sibling with Cardiovascular disease before age 65'),
];

export const heartScore = defineCalculator({
  id: 'heart-score',
  name: 'HEART Score',
  medcalc: { ids: [18], name: 'HEART Score for Major Cardiac Events' },
  output: 'integer',
  reference: {
    title: 'Six AJ, Backus BE, Kelder JC. Chest pain in the emergency room: value of the HEART score. Neth Heart J 2008;16:191-196',
    url: 'https://doi.org/10.1007/BF03086144',
  },
  inputs: [
    { key: 'history', label: 'History (suspicion for ACS)', kind: 'choice', choices: HEART_HISTORY, synonyms: { 'Slightly suspicious': ['slightly', 'low'], 'Moderately suspicious': ['moderately', 'moderate'], 'Highly suspicious': ['highly', 'high'] }, medcalc: ['Suspicion History'] },
    { key: 'ecg', label: 'ECG', kind: 'choice', choices: HEART_ECG, medcalc: ['Electrocardiogram Test'] },
    AGE,
    ...HEART_RISK_FACTORS,
    flag('atherosclerosis', 'Known atherosclerotic disease (MI, PCI/CABG, stroke/TIA, PAD)', 'atherosclerotic disease', 'Transient Ischemic Attacks History'),
    { key: 'troponin', label: 'Initial troponin', kind: 'choice', choices: HEART_TROPONIN, synonyms: { 'less than or equal to normal limit': ['normal'], 'greater than three times normal limit': ['> 3x normal'] }, medcalc: ['Initial troponin'] },
  ],
  run(v) {
    const t = new Tally();
    const history = v.choice('history');
    t.add(HEART_HISTORY.indexOf(history), `history: ${history}`);
    const ecg = v.choice('ecg');
    t.add(HEART_ECG.indexOf(ecg), `ECG: ${ecg}`);
    const age = v.num('age');
    t.add(age >= 65 ? 2 : age >= 45 ? 1 : 0, `age ${fmt(age)}`);
    const present = HEART_RISK_FACTORS.filter((s) => v.bool(s.key)).map((s) => s.label.toLowerCase());
    const athero = v.bool('atherosclerosis');
    const rf = athero || present.length >= 3 ? 2 : present.length >= 1 ? 1 : 0;
    t.add(rf, `risk factors: ${present.length > 0 ? present.join(', ') : 'none'}${athero ? '; known atherosclerotic disease' : ''}`);
    const trop = v.choice('troponin');
    t.add(HEART_TROPONIN.indexOf(trop), `troponin ${trop}`);
    return t.result('HEART');
  },
});

export const revisedCardiacRiskIndex = defineCalculator({
  id: 'rcri',
  name: 'Revised Cardiac Risk Index (Lee)',
  medcalc: { ids: [17], name: 'Revised Cardiac Risk Index for Pre-Operative Risk' },
  output: 'integer',
  reference: {
    title: 'Lee TH et al. Derivation and prospective validation of a simple index for prediction of cardiac risk of major noncardiac surgery. Circulation 1999;100:1043-1049',
    url: 'https://doi.org/10.1161/01.CIR.100.10.1043',
  },
  inputs: [
    flag('highRiskSurgery', 'High-risk surgery (intraperitoneal, intrathoracic, suprainguinal vascular)', 'Elevated-risk surgery'),
    flag('ischemicHeartDisease', 'Ischaemic heart disease', 'History of ischemic heart disease'),
    flag('chf', 'Congestive heart failure', 'Congestive Heart Failure criteria for the Cardiac Risk Index rule'),
    flag('cerebrovascular', 'Cerebrovascular disease', 'History of cerebrovascular disease', 'Cerebrovascular disease history'),
    flag('insulin', 'Pre-operative insulin treatment', 'Pre-operative treatment with insulin'),
    { ...CREATININE, label: 'Pre-operative creatinine' },
  ],
  run(v) {
    const t = new Tally();
    for (const k of ['highRiskSurgery', 'ischemicHeartDisease', 'chf', 'cerebrovascular', 'insulin']) t.flag(v, k, 1);
    const cr = v.num('creatinine');
    t.add(cr > 2 ? 1 : 0, `creatinine ${fmt(cr)} mg/dL (> 2)`);
    return t.result('RCRI');
  },
});

export const framinghamHardChd = defineCalculator({
  id: 'framingham-hard-chd',
  name: 'Framingham 10-year Risk of Hard CHD (ATP III)',
  medcalc: { ids: [46], name: 'Framingham Risk Score for Hard Coronary Heart Disease' },
  output: 'decimal',
  reference: {
    title: 'Expert Panel on Detection, Evaluation, and Treatment of High Blood Cholesterol in Adults. Executive summary of the Third Report of the NCEP (ATP III). JAMA 2001;285:2486-2497',
    url: 'https://doi.org/10.1001/jama.285.19.2486',
  },
  inputs: [
    AGE,
    SEX,
    flag('smoker', 'Current smoker', 'Smoker'),
    TOTAL_CHOLESTEROL,
    HDL,
    SBP,
    flag('bpTreated', 'Blood pressure treated with medication', 'Blood pressure being treated with medicines'),
  ],
  run(v) {
    const age = v.num('age');
    const female = v.choice('sex') === 'Female';
    const smoker = v.bool('smoker') ? 1 : 0;
    const tc = v.num('totalCholesterol');
    const hdl = v.num('hdl');
    const sbp = v.num('systolicBp');
    const treated = v.bool('bpTreated') ? 1 : 0;
    const lnAge = Math.log(age);
    const lnTc = Math.log(tc);
    // ATP III hard-CHD risk function (cholesterol in mg/dL); the smoking-by-age term uses age
    // capped at 70 (men) or 78 (women).
    const lnAgeSmoke = Math.log(Math.min(age, female ? 78 : 70));
    const sum = female
      ? 31.764001 * lnAge + 22.465206 * lnTc - 1.187731 * Math.log(hdl) + 2.552905 * Math.log(sbp) + 0.420251 * treated + 13.07543 * smoker - 5.060998 * lnAge * lnTc - 2.996945 * lnAgeSmoke * smoker - 146.5933061
      : 52.00961 * lnAge + 20.014077 * lnTc - 0.905964 * Math.log(hdl) + 1.305784 * Math.log(sbp) + 0.241549 * treated + 12.096316 * smoker - 4.605038 * lnAge * lnTc - 2.84367 * lnAgeSmoke * smoker - 2.93323 * lnAge * lnAge - 172.300168;
    const s0 = female ? 0.98767 : 0.9402;
    const risk = (1 - s0 ** Math.exp(sum)) * 100;
    return {
      value: round(risk, 2),
      unit: '%',
      lines: [
        `${female ? 'Women' : 'Men'}: age ${fmt(age)}, total cholesterol ${fmt(tc)} mg/dL, HDL ${fmt(hdl)} mg/dL, SBP ${fmt(sbp)} mm Hg${treated ? ' (treated)' : ''}, ${smoker ? 'smoker' : 'non-smoker'}.`,
        `Risk function sum L = ${fmt(sum, 4)}.`,
        `10-year risk = 1 − ${s0}^exp(L) = ${fmt(risk, 2)} %.`,
      ],
    };
  },
});
