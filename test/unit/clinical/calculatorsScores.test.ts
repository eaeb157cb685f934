/**
 * Point scores, each on a patient made up for the test and scored by hand from the original
 * publication's criteria (points listed in the comments).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cha2ds2Vasc, framinghamHardChd, hasBled, heartScore, meanArterialPressure, revisedCardiacRiskIndex } from '../../../server/src/clinical/calculators/cardiology';
import { charlson } from '../../../server/src/clinical/calculators/comorbidity';
import { apacheII, glasgowComaScale, sofa } from '../../../server/src/clinical/calculators/critical';
import { glasgowBlatchford } from '../../../server/src/clinical/calculators/gastro';
import { childPugh, fib4, meldNa } from '../../../server/src/clinical/calculators/hepatology';
import { centorMcIsaac, curb65, feverPain, pneumoniaSeverityIndex, sirs } from '../../../server/src/clinical/calculators/infection';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';
import { caprini, percRule, wellsDvt, wellsPe } from '../../../server/src/clinical/calculators/vte';

function value(calc: Calculator, inputs: CalcInputs): number {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value as number;
}

describe('cardiovascular', () => {
  test('MAP (120 + 2 × 80) / 3 = 93.333', () => {
    assert.equal(value(meanArterialPressure, { systolicBp: 120, diastolicBp: { value: 80, unit: 'mm Hg' } }), 93.333);
  });

  test('CHA₂DS₂-VASc: woman 76 with hypertension and diabetes = 2 + 1 + 1 + 1 = 5; man 66 with TIA = 1 + 2 = 3', () => {
    assert.equal(value(cha2ds2Vasc, { age: 76, sex: 'Female', hypertension: true, diabetes: true }), 5);
    assert.equal(value(cha2ds2Vasc, { age: 66, sex: 'Male', tia: true }), 3);
  });

  test('HAS-BLED: 70, hypertension, antiplatelet, 10 drinks/week = 1 + 1 + 1 + 1 = 4; 7 drinks do not count', () => {
    assert.equal(value(hasBled, { age: 70, hypertension: true, drugs: true, alcoholDrinksPerWeek: 10 }), 4);
    assert.equal(value(hasBled, { age: 70, hypertension: true, drugs: true, alcoholDrinksPerWeek: 7 }), 3);
  });

  test('HEART: highly suspicious 2 + normal ECG 0 + age 50 1 + three risk factors 2 + normal troponin 0 = 5', () => {
    const inputs = { history: 'Highly suspicious', ecg: 'Normal', age: 50, hypertension: true, diabetes: true, smoking: true, troponin: 'less than or equal to normal limit' };
    assert.equal(value(heartScore, inputs), 5);
    assert.equal(value(heartScore, { ...inputs, smoking: false }), 4);
    assert.equal(value(heartScore, { ...inputs, hypertension: false, diabetes: false, smoking: false, atherosclerosis: true }), 5);
  });

  test('HEART with an unknown ECG reading names the choices', () => {
    const r = heartScore.compute({ history: 'high', ecg: 'weird', age: 50, troponin: 'normal' });
    assert.ok(!r.ok && /ECG: 'weird' is not one of/.test(r.error));
  });

  test('RCRI: high-risk surgery + creatinine 2.5 mg/dL (> 2) = 2; 221 µmol/L is 2.5 mg/dL', () => {
    assert.equal(value(revisedCardiacRiskIndex, { highRiskSurgery: true, creatinine: 2.5 }), 2);
    assert.equal(value(revisedCardiacRiskIndex, { highRiskSurgery: true, creatinine: { value: 221, unit: 'µmol/L' } }), 2);
  });

  test('Framingham hard CHD (ATP III function): man 55, TC 213, HDL 50, SBP 120 untreated, non-smoker = 6.51 %', () => {
    // L = 52.00961 ln55 + 20.014077 ln213 − 0.905964 ln50 + 1.305784 ln120 − 4.605038 ln55 ln213 − 2.93323 ln²55 − 172.300168
    // = 0.1240; risk = 1 − 0.9402^e^0.1240 = 6.51 %.
    assert.equal(value(framinghamHardChd, { age: 55, sex: 'Male', totalCholesterol: 213, hdl: 50, systolicBp: 120 }), 6.51);
  });
});

describe('venous thromboembolism', () => {
  test("Wells PE: HR 110 (1.5) + previous DVT (1.5) + haemoptysis (1) = 4", () => {
    assert.equal(value(wellsPe, { heartRate: 110, priorDvt: true, hemoptysis: true }), 4);
  });

  test("Wells DVT: active cancer 1 + calf swelling 1 − 2 for an alternative diagnosis = 0", () => {
    assert.equal(value(wellsDvt, { activeCancer: true, calfSwelling: true, alternativeLikely: true }), 0);
  });

  test('PERC: age 55 is the only criterion met = 1; SpO₂ 94 adds one', () => {
    assert.equal(value(percRule, { age: 55, heartRate: 80, spo2: 97 }), 1);
    assert.equal(value(percRule, { age: 55, heartRate: 80, spo2: 94 }), 2);
  });

  test('Caprini 2005: woman 65 (2), major surgery (2), BMI 28 (1), varicose veins (1) = 6; DVT and PE history score 3 once', () => {
    const base = { age: 65, sex: 'Female', surgery: 'major', bmi: 28, varicoseVeins: true };
    assert.equal(value(caprini, base), 6);
    assert.equal(value(caprini, { ...base, priorVte: true }), 9);
  });
});

describe('infection and pneumonia', () => {
  test('CURB-65: confusion, BUN 25, RR 32, BP 85/55, age 70 = 5; BUN 8 mmol/L (22.4 mg/dL) counts', () => {
    const all = { confusion: true, bun: 25, respiratoryRate: 32, systolicBp: 85, diastolicBp: 55, age: 70 };
    assert.equal(value(curb65, all), 5);
    assert.equal(value(curb65, { ...all, confusion: false, bun: { value: 8, unit: 'mmol/L' }, respiratoryRate: 20, systolicBp: 120, diastolicBp: 80, age: 40 }), 1);
  });

  test('PSI: man 70 (70) + nursing home (10) + RR 32 (20) = 100; a woman of 70 scores 10 less', () => {
    const vitals = { respiratoryRate: 32, systolicBp: 120, temperature: 37, heartRate: 90 };
    assert.equal(value(pneumoniaSeverityIndex, { age: 70, sex: 'Male', nursingHome: true, ...vitals }), 100);
    assert.equal(value(pneumoniaSeverityIndex, { age: 70, sex: 'Female', nursingHome: true, ...vitals }), 90);
  });

  test('PSI labs: pH 7.30 (30) + BUN 35 (20) + Na 128 (20) + glucose 300 (10) + Hct 28 (10) + PaO₂ 55 (10) on a man of 50 = 150', () => {
    const r = value(pneumoniaSeverityIndex, { age: 50, sex: 'Male', respiratoryRate: 18, systolicBp: 120, temperature: 37, heartRate: 80, ph: 7.3, bun: 35, sodium: 128, glucose: 300, hematocrit: 28, pao2: 55 });
    assert.equal(r, 150);
  });

  test('Centor (McIsaac): age 10 (+1), 38.5 °C (+1), no cough (+1), nodes (+1) = 4; age 50 (−1) with 101.3 °F (+1) = 0', () => {
    assert.equal(value(centorMcIsaac, { age: 10, temperature: 38.5, coughAbsent: true, nodes: true }), 4);
    assert.equal(value(centorMcIsaac, { age: 50, temperature: { value: 101.3, unit: '°F' } }), 0);
  });

  test('FeverPAIN: fever and purulence = 2', () => {
    assert.equal(value(feverPain, { fever: true, purulence: true }), 2);
  });

  test('SIRS: 38.5 °C, HR 100, RR 18, WBC 13 000/µL = 3 criteria; PaCO₂ 30 adds the respiratory one', () => {
    const base = { temperature: 38.5, heartRate: 100, respiratoryRate: 18, wbc: { value: 13000, unit: 'µL' } };
    assert.equal(value(sirs, base), 3);
    assert.equal(value(sirs, { ...base, paco2: 30 }), 4);
  });
});

describe('critical care', () => {
  test('GCS: E3 V4 M6 = 13; a not-testable component scores 1', () => {
    assert.equal(value(glasgowComaScale, { eye: 'eye opening to verbal command', verbal: 'confused', motor: 'obeys commands' }), 13);
    assert.equal(value(glasgowComaScale, { eye: 'Eyes Open Spontaneously', verbal: 'not testable', motor: 'obeys commands' }), 11);
  });

  test('SOFA: P/F 150 ventilated (3) + platelets 80 (2) + bilirubin 2.5 (2) + norepinephrine 0.05 (3) + GCS 13 (1) + creatinine 2.2 (2) = 13', () => {
    const inputs = { pao2: 90, fio2: 60, mechanicalVentilation: true, platelets: 80, bilirubin: 2.5, norepinephrine: { value: 0.05, unit: 'mcg/kg/min' }, gcs: 13, creatinine: 2.2 };
    assert.equal(value(sofa, inputs), 13);
    // Without ventilatory support a P/F below 200 scores at most 2 (Vincent 1996).
    assert.equal(value(sofa, { ...inputs, mechanicalVentilation: false }), 12);
  });

  test('SOFA needs creatinine or urine output', () => {
    const r = sofa.compute({ pao2: 90, fio2: 60, platelets: 200, bilirubin: 1, gcs: 15 });
    assert.ok(!r.ok && r.missing[0] === 'Serum creatinine or urine output');
    assert.equal(value(sofa, { pao2: 90, fio2: 21, platelets: 200, bilirubin: 1, gcs: 15, urineOutput: { value: 150, unit: 'mL/day' } }), 4);
  });

  test('APACHE II: 60 (3) + 38.7 °C (1) + MAP 86.7 (0) + HR 115 (2) + RR 26 (1) + PaO₂ 65 on 40 % (1) + pH 7.30 (2) + Na 150 (1) + K 3.2 (1) + Cr 1.6 (2) + Hct 32 (0) + WBC 16 (1) + GCS 13 (2) = 17', () => {
    const inputs = { age: 60, temperature: 38.7, systolicBp: 120, diastolicBp: 70, heartRate: 115, respiratoryRate: 26, fio2: 40, pao2: 65, ph: 7.3, sodium: 150, potassium: 3.2, creatinine: 1.6, hematocrit: 32, wbc: 16, gcs: 13 };
    assert.equal(value(apacheII, inputs), 17);
    assert.equal(value(apacheII, { ...inputs, acuteRenalFailure: true }), 19);
    assert.equal(value(apacheII, { ...inputs, chronicHealth: true }), 22);
    assert.equal(value(apacheII, { ...inputs, chronicHealth: true, surgery: 'Elective' }), 19);
  });

  test('APACHE II with FiO₂ ≥ 50 % needs the A-a gradient', () => {
    const r = apacheII.compute({ age: 60, temperature: 37, systolicBp: 120, diastolicBp: 70, heartRate: 80, respiratoryRate: 16, fio2: 60, ph: 7.4, sodium: 140, potassium: 4, creatinine: 1, hematocrit: 40, wbc: 8, gcs: 15 });
    assert.ok(!r.ok && r.missing[0] === 'A-a gradient');
  });
});

describe('liver, bleeding, comorbidity', () => {
  test('Child-Pugh: bilirubin 2.5 (2) + albumin 3.0 (2) + INR 1.5 (1) + slight ascites (2) + no encephalopathy (1) = 8, class B', () => {
    const r = childPugh.compute({ bilirubin: 2.5, albumin: 3, inr: 1.5, ascites: 'slight', encephalopathy: 'No Encephalopathy' });
    assert.ok(r.ok);
    assert.equal(r.value, 8);
    assert.match(r.explanation, /Class B/);
  });

  test('Child-Pugh: undocumented ascites and encephalopathy score as absent', () => {
    assert.equal(value(childPugh, { bilirubin: 1, albumin: 4, inr: 1 }), 5);
  });

  test('MELD-Na: Cr 1.5, bilirubin 3.0, INR 1.8, Na 130 → MELD(i) 21.0; 21 + 1.32 × 7 − 0.033 × 21 × 7 = 25.39 → 25', () => {
    assert.equal(value(meldNa, { creatinine: 1.5, bilirubin: 3, inr: 1.8, sodium: 130 }), 25);
  });

  test('MELD-Na: dialysis sets creatinine to 4.0; values below 1 count as 1 (MELD(i) 6.4 → 6)', () => {
    assert.equal(value(meldNa, { creatinine: 0.5, bilirubin: 0.5, inr: 0.9, sodium: 140 }), 6);
    // 10 × (0.957 ln 4 + 0.643) = 19.7 > 11; Na 137 adds nothing → 20.
    assert.equal(value(meldNa, { creatinine: 0.5, bilirubin: 0.5, inr: 0.9, sodium: 140, dialysis: true }), 20);
  });

  test('FIB-4: 50 × 40 / (200 × √25) = 2.0; platelets 200 000/µL are 200 × 10⁹/L', () => {
    assert.equal(value(fib4, { age: 50, ast: 40, alt: 25, platelets: 200 }), 2);
    assert.equal(value(fib4, { age: 50, ast: 40, alt: 25, platelets: { value: 200000, unit: 'µL' } }), 2);
  });

  test('Glasgow-Blatchford: man, BUN 30 (urea 10.7: 4) + Hb 11 (3) + SBP 95 (2) + HR 105 (1) + melaena (1) = 11', () => {
    assert.equal(value(glasgowBlatchford, { bun: 30, hemoglobin: 11, sex: 'Male', systolicBp: 95, heartRate: 105, melena: true }), 11);
    assert.equal(value(glasgowBlatchford, { bun: 30, hemoglobin: 11, sex: 'Female', systolicBp: 95, heartRate: 105, melena: true }), 9);
  });

  test('Charlson: age 72 (3) + MI (1) + diabetes with end-organ damage (2) + metastatic tumour (6) = 12', () => {
    assert.equal(value(charlson, { age: 72, mi: true, diabetes: 'End-organ damage', solidTumor: 'Metastatic' }), 12);
    assert.equal(value(charlson, { age: 45, liver: 'Moderate to Severe', solidTumor: true }), 5);
  });
});
