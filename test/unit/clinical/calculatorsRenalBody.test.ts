/**
 * Kidney function and body size. Expected values are worked by hand from each publication's
 * formula (arithmetic in the comments), not taken from any benchmark.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { adjustedBodyWeightCalc, bmi, bodySurfaceArea, idealBodyWeightCalc, maintenanceFluids, targetWeight } from '../../../server/src/clinical/calculators/bodySize';
import { ckdEpi2021, cockcroftGault, fena, mdrd } from '../../../server/src/clinical/calculators/renal';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';

function value(calc: Calculator, inputs: CalcInputs): number {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.equal(typeof r.value, 'number');
  return r.value as number;
}

const near = (actual: number, expected: number, tol = 0.01): void => assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≉ ${expected}`);

describe('Cockcroft-Gault', () => {
  test('no height: actual weight; (140 − 60) × 72 / (72 × 1.0) = 80; × 0.85 for women = 68', () => {
    near(value(cockcroftGault, { age: 60, sex: 'Male', weight: 72, creatinine: 1 }), 80);
    near(value(cockcroftGault, { age: 60, sex: 'Female', weight: 72, creatinine: 1 }), 68);
  });

  test('obese: adjusted weight. IBW = 50 + 2.3 × (66.93 − 60) = 65.94; ABW = 65.94 + 0.4 × 54.06 = 87.56; 90 × 87.56 / 86.4 = 91.21', () => {
    near(value(cockcroftGault, { age: 50, sex: 'Male', weight: 120, height: 170, creatinine: 1.2 }), 91.21);
  });

  test('normal BMI: the lesser of IBW (74.99) and actual (72) → 80', () => {
    near(value(cockcroftGault, { age: 60, sex: 'Male', weight: 72, height: 180, creatinine: 1 }), 80);
  });

  test('SI creatinine: 88.4 µmol/L = 1.0 mg/dL (× 113.12 g/mol)', () => {
    near(value(cockcroftGault, { age: 60, sex: 'M', weight: { value: 72, unit: 'kg' }, creatinine: { value: 88.4, unit: 'µmol/L' } }), 80, 0.01);
  });

  test('missing creatinine is an error naming it', () => {
    const r = cockcroftGault.compute({ age: 60, sex: 'Male', weight: 72 });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.missing.includes('Serum creatinine'));
  });
});

describe('eGFR', () => {
  test('CKD-EPI 2021, woman 50, Cr 0.6: 142 × (0.6/0.7)^−0.241 × 0.9938^50 × 1.012 = 109.28', () => {
    near(value(ckdEpi2021, { age: 50, sex: 'Female', creatinine: 0.6 }), 109.28);
  });

  test('CKD-EPI 2021, man 60, Cr 1.2: 142 × (1.2/0.9)^−1.200 × 0.9938^60 = 69.23', () => {
    near(value(ckdEpi2021, { age: 60, sex: 'Male', creatinine: 1.2 }), 69.23);
  });

  test('MDRD: 175 × 1.0^−1.154 × 60^−0.203 = 76.22; Black woman 50, Cr 1.4: × 0.742 × 1.212 = 48.24', () => {
    near(value(mdrd, { age: 60, sex: 'Male', creatinine: 1 }), 76.22);
    near(value(mdrd, { age: 50, sex: 'Female', creatinine: 1.4, race: 'Black' }), 48.24);
    near(value(mdrd, { age: 50, sex: 'Female', creatinine: 1.4, race: 'White' }), 48.24 / 1.212);
  });

  test('FENa: 100 × (20 × 2) / (140 × 100) = 0.286 %', () => {
    near(value(fena, { sodium: 140, creatinine: 2, urineSodium: 20, urineCreatinine: 100 }), 0.286, 0.001);
  });
});

describe('body size', () => {
  test('BMI 70 kg, 175 cm = 22.857; the same from 154.32 lb and 5 ft 9 in (68.898 in)', () => {
    near(value(bmi, { weight: 70, height: 175 }), 22.857, 0.001);
    near(value(bmi, { weight: { value: 154.3236, unit: 'lbs' }, height: { value: 68.8976, unit: 'in' } }), 22.857, 0.001);
    near(value(bmi, { weight: 70, height: { value: 1.75, unit: 'm' } }), 22.857, 0.001);
  });

  test('BSA (Mosteller): √(175 × 70 / 3600) = 1.845 m²', () => {
    near(value(bodySurfaceArea, { weight: 70, height: 175 }), 1.845, 0.001);
  });

  test('IBW (Devine): man 180 cm = 50 + 2.3 × 10.866 = 74.99; woman 160 cm = 45.5 + 2.3 × 2.992 = 52.38', () => {
    near(value(idealBodyWeightCalc, { sex: 'Male', height: 180 }), 74.99);
    near(value(idealBodyWeightCalc, { sex: 'Female', height: 160 }), 52.38);
  });

  test('ABW: 52.38 + 0.4 × (90 − 52.38) = 67.43', () => {
    near(value(adjustedBodyWeightCalc, { sex: 'Female', height: 160, weight: 90 }), 67.43);
  });

  test('target weight: 22 × 1.75² = 67.375 kg', () => {
    near(value(targetWeight, { bmi: 22, height: 175 }), 67.375, 0.001);
  });

  test('maintenance fluids 4-2-1: 8 kg = 32, 15 kg = 50, 70 kg = 110 mL/h; 2180 g = 8.72', () => {
    near(value(maintenanceFluids, { weight: 8 }), 32);
    near(value(maintenanceFluids, { weight: 15 }), 50);
    near(value(maintenanceFluids, { weight: 70 }), 110);
    near(value(maintenanceFluids, { weight: { value: 2180, unit: 'g' } }), 8.72);
  });

  test('zero height gives an error, not Infinity', () => {
    const r = bmi.compute({ weight: 70, height: 0 });
    assert.equal(r.ok, false);
  });
});
