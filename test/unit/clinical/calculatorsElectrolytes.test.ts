/**
 * Electrolytes, acid-base and QTc. Expected values are hand-worked from the published formulas.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  albuminCorrectedAnionGap,
  albuminCorrectedDeltaGap,
  albuminCorrectedDeltaRatio,
  anionGapCalc,
  correctedCalcium,
  deltaGap,
  deltaRatio,
  freeWaterDeficit,
  serumOsmolality,
  sodiumCorrection,
} from '../../../server/src/clinical/calculators/electrolytes';
import { qtcCalculators } from '../../../server/src/clinical/calculators/qtc';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';

function value(calc: Calculator, inputs: CalcInputs): number {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value as number;
}

const near = (actual: number, expected: number, tol = 0.01): void => assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≉ ${expected}`);

describe('anion gap family', () => {
  const panel = { sodium: 140, chloride: 100, bicarbonate: 10 };

  test('AG = 140 − (100 + 10) = 30; delta gap 30 − 12 = 18; delta ratio 18 / (24 − 10) = 1.286', () => {
    near(value(anionGapCalc, panel), 30);
    near(value(deltaGap, panel), 18);
    near(value(deltaRatio, panel), 1.286, 0.001);
  });

  test('albumin 2.0 g/dL: corrected AG 30 + 2.5 × 2 = 35; delta gap 23; ratio 23 / 14 = 1.643', () => {
    near(value(albuminCorrectedAnionGap, { ...panel, albumin: 2 }), 35);
    near(value(albuminCorrectedDeltaGap, { ...panel, albumin: 2 }), 23);
    near(value(albuminCorrectedDeltaRatio, { ...panel, albumin: 2 }), 1.643, 0.001);
  });

  test('albumin 20 g/L is 2.0 g/dL; mmol/L and mEq/L are the same for monovalent ions', () => {
    near(value(albuminCorrectedAnionGap, { sodium: { value: 140, unit: 'mEq/L' }, chloride: { value: 100, unit: 'mmol/L' }, bicarbonate: 10, albumin: { value: 20, unit: 'g/L' } }), 35);
  });

  test('an impossible unit is read in the calculator unit and the explanation says so', () => {
    const r = albuminCorrectedAnionGap.compute({ ...panel, sodium: { value: 140, unit: 'mg/dL' }, albumin: { value: 3.2, unit: 'mg/dL' } });
    assert.ok(r.ok);
    near(r.value as number, 32);
    assert.match(r.explanation, /implausible for sodium/);
    assert.match(r.explanation, /implausible for albumin/);
  });

  test('delta ratio with bicarbonate 24 divides by zero: an error, not Infinity', () => {
    const r = deltaRatio.compute({ sodium: 140, chloride: 100, bicarbonate: 24 });
    assert.equal(r.ok, false);
  });

  test('missing chloride is reported by name', () => {
    const r = anionGapCalc.compute({ sodium: 140, bicarbonate: 24 });
    assert.ok(!r.ok && r.missing.length === 1 && r.missing[0] === 'Chloride');
  });
});

describe('other electrolytes', () => {
  test('corrected calcium: 8.0 + 0.8 × (4 − 2.0) = 9.6; 2.0 mmol/L = 8.016 mg/dL → 9.616', () => {
    near(value(correctedCalcium, { calcium: 8, albumin: 2 }), 9.6);
    near(value(correctedCalcium, { calcium: { value: 2, unit: 'mmol/L' }, albumin: 2 }), 9.616, 0.001);
  });

  test('osmolality: 2 × 140 + 14/2.8 + 90/18 = 290; the same from BUN 5 mmol/L and glucose 5 mmol/L', () => {
    near(value(serumOsmolality, { sodium: 140, bun: 14, glucose: 90 }), 290);
    near(value(serumOsmolality, { sodium: 140, bun: { value: 5, unit: 'mmol/L' }, glucose: { value: 5, unit: 'mmol/L' } }), 290, 0.02);
  });

  test('free water deficit: man 40, 0.6 × 70 × (160/140 − 1) = 6.0 L; woman 70, 0.45 × 60 × (150/140 − 1) = 1.93 L', () => {
    near(value(freeWaterDeficit, { age: 40, sex: 'Male', weight: 70, sodium: 160 }), 6);
    near(value(freeWaterDeficit, { age: 70, sex: 'Female', weight: 60, sodium: 150 }), 1.929, 0.001);
  });

  test('free water deficit: a child (14 months) uses 0.6', () => {
    near(value(freeWaterDeficit, { age: { value: 14, unit: 'months' }, sex: 'Female', weight: 10, sodium: 154 }), 0.6);
  });

  test('sodium correction (Katz): 130 + 1.6 × (600 − 100)/100 = 138', () => {
    near(value(sodiumCorrection, { sodium: 130, glucose: 600 }), 138);
  });
});

describe('QTc', () => {
  const byId = (id: string): Calculator => qtcCalculators.find((c) => c.id === id)!;

  test('at 60 bpm (RR 1 s) every formula returns the QT', () => {
    for (const c of qtcCalculators) near(value(c, { qt: 400, heartRate: 60 }), 400);
  });

  test('at 100 bpm (RR 0.6 s): Bazett 516.4, Fridericia 474.3, Framingham 461.6, Hodges 470, Rautaharju 488.9', () => {
    const at100 = { qt: 400, heartRate: 100 };
    near(value(byId('qtc-bazett'), at100), 516.398, 0.001);
    near(value(byId('qtc-fridericia'), at100), 474.252, 0.001);
    near(value(byId('qtc-framingham'), at100), 461.6);
    near(value(byId('qtc-hodges'), at100), 470);
    near(value(byId('qtc-rautaharju'), at100), 488.889, 0.001);
  });

  test('QT in seconds is converted; heart rate 0 is an error', () => {
    near(value(byId('qtc-bazett'), { qt: { value: 0.4, unit: 's' }, heartRate: 60 }), 400);
    assert.equal(byId('qtc-bazett').compute({ qt: 400, heartRate: 0 }).ok, false);
  });
});
