/**
 * Explicit convention options of the electrolyte calculators (MedCalc-Bench review): Wrenn's delta
 * gap and Hillier's sodium correction factor. Expected values are hand-worked; the defaults stay
 * ΔAG = AG − 12 and Katz 1.6.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deltaGap, sodiumCorrection } from '../../../server/src/clinical/calculators/electrolytes';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';

function value(calc: Calculator, inputs: CalcInputs): number {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value as number;
}

describe('delta gap definitions', () => {
  const panel = { sodium: 140, chloride: 100, bicarbonate: 10 };

  test('default ΔAG: AG 140 − (100 + 10) = 30; 30 − 12 = 18', () => {
    assert.equal(value(deltaGap, panel), 18);
    assert.equal(value(deltaGap, { ...panel, definition: 'delta AG' }), 18);
  });

  test('Wrenn: (30 − 12) − (24 − 10) = 4; a normal-gap acidosis (Cl 114) gives 4 − 14 = −10', () => {
    assert.equal(value(deltaGap, { ...panel, definition: 'Wrenn' }), 4);
    assert.equal(value(deltaGap, { sodium: 140, chloride: 114, bicarbonate: 10, definition: 'Wrenn ΔAG − ΔHCO₃' }), -10);
    const r = deltaGap.compute({ ...panel, definition: 'Wrenn' });
    assert.ok(r.ok);
    assert.match(r.explanation, /Wrenn delta gap = \(AG − 12\) − \(24 − HCO₃\) = 18 − 14 = 4 mEq\/L/);
  });

  test('an unknown definition is an error, not the default', () => {
    assert.equal(deltaGap.compute({ ...panel, definition: 'bicarbonate ratio' }).ok, false);
  });
});

describe('sodium correction factor', () => {
  test('Katz (default): 130 + 0.016 × (600 − 100) = 138; Hillier: 130 + 0.024 × 500 = 142', () => {
    assert.equal(value(sodiumCorrection, { sodium: 130, glucose: 600 }), 138);
    assert.equal(value(sodiumCorrection, { sodium: 130, glucose: 600, factor: 'Hillier' }), 142);
    assert.equal(value(sodiumCorrection, { sodium: 130, glucose: 600, factor: '2.4' }), 142);
  });

  test('the explanation names the factor used and shows the other', () => {
    const r = sodiumCorrection.compute({ sodium: 130, glucose: 600, factor: 'Hillier 2.4' });
    assert.ok(r.ok);
    assert.match(r.explanation, /Corrected Na \(Hillier\) = Na \+ 2\.4 × \(glucose − 100\)\/100/);
    assert.match(r.explanation, /\(Katz, 1\.6 per 100 mg\/dL: 138 mmol\/L\.\)/);
  });
});
