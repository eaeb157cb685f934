import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { criticalValue } from '../../../../server/src/clinical/rules/criticalValues';
import { implausibleValue as rule } from '../../../../server/src/clinical/rules/implausibleValues';
import { parseNote } from '../../../../server/src/note/parseNote';
import type { Vital } from '../../../../server/src/note/types';
import { applyFix, bp, flagged, note, run, spanOf, vital } from './ruleFixtures';

function findings(text: string, vitals: Vital[]) {
  return run(rule, text, note(text, { vitals }));
}

describe('implausible-value: parsed vitals', () => {
  test('diastolic at or above systolic', () => {
    const text = 'BP 80/120 sitting, repeat 120/120';
    const found = findings(text, [bp(text, 'BP 80/120', 80, 120), bp(text, '120/120', 120, 120)]);
    assert.deepEqual(flagged(text, found), ['BP 80/120', '120/120']);
    assert.equal(found[0]?.severity, 'warning');
    assert.match(found[0]?.message ?? '', /^Likely a typo: BP 80\/120 has a diastolic at or above the systolic/);
  });

  test('systolic above 300', () => {
    const text = 'BP 320/80';
    assert.equal(findings(text, [bp(text, 'BP 320/80', 320, 80)]).length, 1);
  });

  test('temperature outside 25–45 °C, with the written value', () => {
    const text = 'Temp 385 F';
    const [f] = findings(text, [vital(text, 'Temp 385 F', 'temperature', 196.1, '°C', { original: { value: 385, unit: '°F' } })]);
    assert.match(f?.message ?? '', /temperature 196\.1 °C \(written 385 °F\) is outside 25–45 °C/);
    const cold = 'T 24.0';
    assert.equal(findings(cold, [vital(cold, 'T 24.0', 'temperature', 24, '°C')]).length, 1);
  });

  test('heart rate 0 or above 300, respiratory rate above 80, weight above 400 kg', () => {
    const text = 'HR 0; HR 320; RR 90; Wt 450 kg';
    const found = findings(text, [
      vital(text, 'HR 0', 'heart-rate', 0, '/min'),
      vital(text, 'HR 320', 'heart-rate', 320, '/min'),
      vital(text, 'RR 90', 'respiratory-rate', 90, '/min'),
      vital(text, 'Wt 450 kg', 'weight', 450, 'kg'),
    ]);
    assert.deepEqual(flagged(text, found), ['HR 0', 'HR 320', 'RR 90', 'Wt 450 kg']);
    assert.match(found[0]?.message ?? '', /cardiac arrest/);
  });

  test('a pain score above 10 on the 0–10 scale is emphasis, not a typo (bench/REVIEW.md)', () => {
    const text = 'He rates his pain level as an 11 out of 10. Pain 12/10 on arrival.';
    const found = findings(text, [
      vital(text, 'rates his pain level as an 11 out of 10', 'pain', 11, '/10'),
      vital(text, 'Pain 12/10', 'pain', 12, '/10'),
    ]);
    assert.deepEqual(found, []);
    // Parsed from the text, end to end: the parser keeps the score and the rule stays quiet.
    const parsed = parseNote(text);
    assert.ok(parsed.vitals.some((v) => v.kind === 'pain' && v.value === 11));
    assert.deepEqual(run(rule, text, parsed), []);
  });

  test('plausible extremes are left to critical-value', () => {
    const text = 'HR 38 RR 60 SpO2 100% Wt 180 kg (397 lb) pain 10/10 T 25.0';
    assert.deepEqual(findings(text, [
      vital(text, 'HR 38', 'heart-rate', 38, '/min'),
      vital(text, 'RR 60', 'respiratory-rate', 60, '/min'),
      vital(text, 'SpO2 100%', 'spo2', 100, '%'),
      vital(text, 'Wt 180 kg', 'weight', 180, 'kg'),
      vital(text, 'pain 10/10', 'pain', 10, '/10'),
      vital(text, 'T 25.0', 'temperature', 25, '°C'),
    ]), []);
  });

  test('GCS total that does not match its components', () => {
    const text = 'GCS 13 (E4V4M6)';
    const found = findings(text, [{ kind: 'consciousness', span: spanOf(text, text), valueSpan: spanOf(text, '13'), gcs: 13, gcsComponents: { eye: 4, verbal: 4, motor: 6 } }]);
    assert.match(found[0]?.message ?? '', /GCS 13 does not match its components E4 V4 M6 \(sum 14\)/);
  });

  test('a typo is not also reported as critical', () => {
    const text = 'BP 80/120, HR 320';
    const parsed = note(text, { vitals: [bp(text, 'BP 80/120', 80, 120), vital(text, 'HR 320', 'heart-rate', 320, '/min')] });
    assert.equal(run(rule, text, parsed).length, 2);
    assert.deepEqual(run(criticalValue, text, parsed), []);
  });
});

describe('implausible-value: values the parser dropped', () => {
  test('T 385 on a vitals line: a missing decimal point, with a fix', () => {
    const text = 'Vitals: T 385 HR 88 BP 120/80';
    const [f] = run(rule, text, note(text));
    assert.equal(text.slice(f?.span.start, f?.span.end), 'T 385');
    assert.match(f?.message ?? '', /38\.5 °C/);
    assert.equal(f?.fixes?.[0]?.preferred, undefined);
    assert.equal(applyFix(text, f), 'Vitals: T 38.5 HR 88 BP 120/80');
  });

  test('Temp 986 reads as 98.6 °F', () => {
    const text = 'Temp 986, pulse 72';
    const [f] = run(rule, text, note(text));
    assert.match(f?.message ?? '', /98\.6 °F/);
  });

  test('SpO2 above 100 % and GCS outside 3–15 or with impossible components', () => {
    const text = 'SpO2 990% RA. GCS 16. E5V4M6';
    assert.deepEqual(flagged(text, run(rule, text, note(text))), ['SpO2 990%', 'GCS 16', 'E5V4M6']);
  });

  test('ordinary numbers after T, times and GCS ranges are left alone', () => {
    for (const text of ['T 37.5 HR 80', 'T 385 cells counted', 'Temp 0900 check', 'Room 385', 'GCS 3-15 scale', 'GCS 15/15', 'E4V5M6', 'Tmax 385 ms']) {
      assert.deepEqual(run(rule, text, note(text)), [], text);
    }
  });
});

describe('implausible-value: bad input', () => {
  test('empty text, CRLF and a long line', () => {
    assert.deepEqual(run(rule, ''), []);
    const crlf = 'Obs:\r\nBP 80/120\r\nT 385 HR 90\r\n';
    assert.deepEqual(flagged(crlf, run(rule, crlf, note(crlf, { vitals: [bp(crlf, 'BP 80/120', 80, 120)] }))), ['BP 80/120', 'T 385']);
    const long = 'T 37 HR 80 '.repeat(50_000);
    const t0 = performance.now();
    assert.deepEqual(run(rule, long, note(long)), []);
    assert.ok(performance.now() - t0 < 2000);
  });
});
