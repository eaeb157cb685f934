import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hintOffset } from '../../../server/src/features/inlayHints';

describe('inlay hint placement', () => {
  const after = (text: string, value: string) => text.slice(0, hintOffset(text, text.indexOf(value) + value.length));
  test('after the unit written with the value', () => {
    assert.equal(after('T 38.4C', '38.4'), 'T 38.4C');
    assert.equal(after('SpO2 91% on 2L NC', '91'), 'SpO2 91%');
    assert.equal(after('HR 118 bpm, regular', '118'), 'HR 118 bpm');
    assert.equal(after('Temp 101.2 °F', '101.2'), 'Temp 101.2 °F');
    assert.equal(after('BP 86/52 mmHg', '86/52'), 'BP 86/52 mmHg');
  });
  test('right after the value when no unit follows', () => {
    assert.equal(after('RR 24\n', '24'), 'RR 24');
    assert.equal(after('BP 86/52 (MAP 63)', '86/52'), 'BP 86/52');
    assert.equal(after('HR 88 Cardiology', '88'), 'HR 88');
  });
});
