/**
 * VTE calculator behaviour settled while reviewing MedCalc-Bench misses (group "vte"), each on a
 * patient made up for the test and scored by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';
import { percRule } from '../../../server/src/clinical/calculators/vte';

function value(calc: Calculator, inputs: CalcInputs): number {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value as number;
}

describe('PERC: saturation on supplemental oxygen', () => {
  // Kline 2004 reads SaO₂ on room air. 98 % on oxygen does not show room-air SaO₂ ≥ 95 %, so the
  // criterion is met: age 41 (0) + HR 88 (0) + saturation on oxygen (1) = 1, where the same 98 % on
  // room air meets none.
  test('98 % on room air: 0 criteria; 98 % on oxygen: 1', () => {
    const base = { age: 41, heartRate: 88, spo2: 98 };
    assert.equal(value(percRule, base), 0);
    assert.equal(value(percRule, { ...base, spo2OnOxygen: true }), 1);
  });

  test('a low saturation on oxygen counts once: age 60 (1) + SpO₂ 92 % on oxygen (1) = 2', () => {
    assert.equal(value(percRule, { age: 60, heartRate: 80, spo2: 92, spo2OnOxygen: true }), 2);
  });

  test('on oxygen the rule cannot be negative, and the explanation says why', () => {
    const r = percRule.compute({ age: 30, heartRate: 70, spo2: 99, spo2OnOxygen: true });
    assert.ok(r.ok);
    assert.equal(r.value, 1);
    assert.match(r.explanation, /on supplemental oxygen/);
    assert.match(r.explanation, /PERC positive/);
  });
});
