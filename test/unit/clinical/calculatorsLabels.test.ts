/**
 * MedCalc-Bench labels this project disputes (`bench/medcalcLabels/`). Every case is checked:
 * - the calculator gives `expected` from the row's entities, and that is not the label;
 * - `entity-gap` and `convention` cases must reproduce the label once the missing fact (or the
 *   other convention) is supplied, which shows the calculator reads the label's inputs the way the
 *   label does and that the only difference is the input;
 * - `label-error` cases carry their arithmetic in the comment above the case.
 * The eval still counts every disputed row as a miss in its raw accuracy.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scoreAnswer } from '../../../bench/evalMedcalc';
import { DISPUTES, disputesByRow, type LabelDispute } from '../../../bench/medcalcLabels/index';
import { calculatorForMedcalcId, inputsFromMedcalc } from '../../../server/src/clinical/calculators/index';

function labelOf(d: LabelDispute) {
  return { answer: d.label, lower: d.lower ?? d.label, upper: d.upper ?? d.label };
}

describe('MedCalc-Bench labels disputed', () => {
  test('each row is disputed once', () => {
    assert.equal(disputesByRow().size, DISPUTES.length);
  });

  for (const d of DISPUTES) {
    const calc = calculatorForMedcalcId(d.medcalcId);
    test(`row ${d.row} (${calc?.id ?? d.medcalcId}, ${d.kind}): ${String(d.expected)}, not the ${d.source} label ${d.label}`, () => {
      assert.ok(calc, `no calculator for MedCalc id ${d.medcalcId}`);
      const r = calc.compute(inputsFromMedcalc(calc, d.entities));
      assert.ok(r.ok, r.ok ? '' : r.error);
      assert.equal(r.value, d.expected);
      assert.equal(scoreAnswer(calc.output, r.value, labelOf(d)), false, 'the calculator already agrees with the label');
      if (d.kind === 'label-error') {
        assert.equal(d.reproduce, undefined, 'a label error has nothing to reproduce');
        return;
      }
      assert.ok(d.reproduce, `${d.kind} needs what reproduces the label`);
      const inputs = { ...inputsFromMedcalc(calc, { ...d.entities, ...d.reproduce.entities }), ...d.reproduce.inputs };
      const again = calc.compute(inputs);
      assert.ok(again.ok, again.ok ? '' : again.error);
      assert.equal(scoreAnswer(calc.output, again.value, labelOf(d)), true, `with the supplied facts the calculator gives ${String(again.value)}, not the label`);
    });
  }
});

describe('optional choices default to their first option', () => {
  // A missing optional choice means its first option (for a convention, the default "Calculate…"
  // offers first); on every disputed row's inputs, leaving it out must give what choosing it gives.
  const checked = new Set<string>();
  for (const d of DISPUTES) {
    const calc = calculatorForMedcalcId(d.medcalcId);
    if (!calc) continue;
    for (const spec of calc.inputs) {
      if (spec.kind !== 'choice' || !spec.optional || !spec.choices?.length) continue;
      const inputs = inputsFromMedcalc(calc, d.entities);
      if (inputs[spec.key] !== undefined) continue;
      const key = `${calc.id}.${spec.key}`;
      if (checked.has(key)) continue;
      checked.add(key);
      test(`${key}: missing = '${spec.choices[0]!}'`, () => {
        // Values only: an explanation may say the value was not documented.
        const value = (r: ReturnType<typeof calc.compute>) => (r.ok ? r.value : r.error);
        assert.equal(value(calc.compute({ ...inputs, [spec.key]: spec.choices![0] })), value(calc.compute(inputs)));
      });
    }
  }
});
