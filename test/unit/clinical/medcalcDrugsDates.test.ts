/**
 * Due-date dating rule: Naegele's calendar rule (the default) versus a flat 280 days (ACOG
 * Committee Opinion 700). Hand-made dates; arithmetic in the test names.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dueDate } from '../../../server/src/clinical/calculators/dates';
import type { CalcInputs } from '../../../server/src/clinical/calculators/types';

function due(inputs: CalcInputs): string | number {
  const r = dueDate.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
}

describe('due date: dating rule', () => {
  test('LMP 03/01/2023: Naegele + 9 months + 7 days = 12/08/2023 (282 days); + 280 days = 12/06/2023', () => {
    assert.equal(due({ lmp: '03/01/2023' }), '12/08/2023');
    assert.equal(due({ lmp: '03/01/2023', datingRule: "Naegele's rule (calendar)" }), '12/08/2023');
    assert.equal(due({ lmp: '03/01/2023', datingRule: 'LMP + 280 days (ACOG)' }), '12/06/2023');
    assert.equal(due({ lmp: '03/01/2023', datingRule: '280 days' }), '12/06/2023');
  });

  test('the cycle adjustment applies to either rule: LMP 03/01/2023, 25-day cycle → 12/05/2023 or 12/03/2023', () => {
    assert.equal(due({ lmp: '03/01/2023', cycleLength: 25 }), '12/05/2023');
    assert.equal(due({ lmp: '03/01/2023', cycleLength: 25, datingRule: 'ACOG' }), '12/03/2023');
  });

  test('LMP 06/01/2023: Naegele 03/08/2024 (9 months span 274 days across a leap February, so 281); 280 days 03/07/2024', () => {
    assert.equal(due({ lmp: '06/01/2023' }), '03/08/2024');
    assert.equal(due({ lmp: '06/01/2023', datingRule: 'LMP + 280 days (ACOG)' }), '03/07/2024');
  });

  test('the 280-day explanation shows the flat count; an unknown rule is an error', () => {
    const r = dueDate.compute({ lmp: '03/01/2023', datingRule: 'LMP + 280 days (ACOG)' });
    assert.ok(r.ok && /03\/01\/2023 \+ 280 days = 12\/06\/2023/.test(r.explanation));
    assert.equal(dueDate.compute({ lmp: '03/01/2023', datingRule: 'ultrasound' }).ok, false);
  });
});
