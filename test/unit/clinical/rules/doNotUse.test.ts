import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { doNotUseAbbreviation as rule } from '../../../../server/src/clinical/rules/doNotUse';
import { parseNote } from '../../../../server/src/note/parseNote';
import { applyFix, applyPreferred, flagged, lab, note, run } from './ruleFixtures';

/** Runs the rule on one line and checks what it flags and what the first fix writes. */
function expectFix(line: string, flaggedText: string, fixed: string, severity: 'critical' | 'warning' = 'warning'): void {
  const found = run(rule, line);
  assert.deepEqual(flagged(line, found), [flaggedText], line);
  assert.equal(found[0]?.severity, severity, line);
  assert.equal(applyFix(line, found[0]), fixed);
}

describe('do-not-use-abbreviation: U and IU', () => {
  test('U after an insulin dose is critical and fixed to "units"', () => {
    expectFix('- insulin glargine 10 U subcut at bedtime', 'U', '- insulin glargine 10 units subcut at bedtime', 'critical');
  });

  test('u attached to the number gets a space in the fix', () => {
    expectFix('NovoRapid 4u SC with meals', 'u', 'NovoRapid 4 units SC with meals', 'critical');
  });

  test('heparin infusion rate in U/kg/hr is critical', () => {
    expectFix('heparin 18 U/kg/hr IV infusion', 'U', 'heparin 18 units/kg/hr IV infusion', 'critical');
  });

  test('U for blood products is a warning', () => {
    expectFix('Transfused 2U PRBC overnight', 'U', 'Transfused 2 units PRBC overnight');
  });

  test('IU offers "units" (preferred) and "international units"', () => {
    const line = 'vitamin D3 1000 IU PO daily';
    const [f] = run(rule, line);
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.fixes?.[0]?.preferred, true);
    assert.equal(applyFix(line, f, 0), 'vitamin D3 1000 units PO daily');
    assert.equal(applyFix(line, f, 1), 'vitamin D3 1000 international units PO daily');
  });

  test('units written out, lab units and U&E are left alone', () => {
    for (const line of [
      '- heparin 5,000 units subcut q8h',
      'ALT 34 U/L, AST 41 U/L',
      'CRP 180 → 45, U&E normal',
      'Lipase 60 IU/L',
      'beta-hCG 5 mIU/mL',
      'insulin glargine 18 units subcut at bedtime',
    ]) assert.deepEqual(run(rule, line), [], line);
  });

  test('a lower-case u after a space needs a medication context', () => {
    assert.deepEqual(run(rule, 'will see in 2 u know'), []);
    assert.equal(run(rule, 'Vit D 1000u od').length, 1);
  });
});

describe('do-not-use-abbreviation: QD and QOD', () => {
  test('QD, q.d. and qd are fixed to "daily"', () => {
    expectFix('- lisinopril 10 mg PO QD', 'QD', '- lisinopril 10 mg PO daily');
    expectFix('aspirin 81 mg q.d. with food', 'q.d.', 'aspirin 81 mg daily with food');
    expectFix('Lasix 40 mg qd.', 'qd', 'Lasix 40 mg daily.');
  });

  test('QOD and q.o.d. are fixed to "every other day"', () => {
    expectFix('digoxin 0.125 mg PO QOD', 'QOD', 'digoxin 0.125 mg PO every other day');
    expectFix('prednisone 10 mg q.o.d.', 'q.o.d.', 'prednisone 10 mg every other day');
  });

  test('UK qds / q.d.s. (four times daily) and words containing qd are not flagged', () => {
    for (const line of ['Paracetamol 1 g qds PRN', 'amoxicillin 500 mg q.d.s.', 'QDS dosing', 'aqd test']) assert.deepEqual(run(rule, line), [], line);
  });

  test('an ALL-CAPS note gets the fix in capitals', () => {
    expectFix('LASIX 40 MG PO QD', 'QD', 'LASIX 40 MG PO DAILY');
  });
});

describe('do-not-use-abbreviation: trailing and leading zeros', () => {
  test('a trailing zero on a warfarin dose is critical', () => {
    expectFix('- Coumadin 5.0 mg PO daily', '5.0', '- Coumadin 5 mg PO daily', 'critical');
  });

  test('a trailing zero on an ordinary dose is a warning', () => {
    expectFix('prednisone 10.0 mg PO daily', '10.0', 'prednisone 10 mg PO daily');
  });

  test('each number of a range is checked', () => {
    const line = 'oxycodone 0.50-1.0 mg PO q4h PRN';
    const found = run(rule, line);
    assert.deepEqual(flagged(line, found), ['0.50', '1.0']);
    assert.equal(applyPreferred(line, found), 'oxycodone 0.5-1 mg PO q4h PRN');
  });

  test('a missing leading zero is fixed to 0.5', () => {
    expectFix('- lorazepam .5 mg PO at bedtime PRN anxiety', '.5', '- lorazepam 0.5 mg PO at bedtime PRN anxiety');
  });

  test('a dose in prose is caught even when the parser found no medication', () => {
    const line = 'She was given morphine .5 mg IV at 22:00 and slept.';
    const found = run(rule, line, note(line));
    assert.deepEqual(flagged(line, found), ['.5']);
    assert.equal(found[0]?.severity, 'critical');
  });

  test('measurements, lab values, vitals, tube sizes and versions keep their zeros', () => {
    for (const line of [
      '2.0 cm lesion in the left lobe',
      'Creatinine 1.0 mg/dL, K 4.0 mmol/L, Mg 2.0 mg/dL',
      'Cr 1.0 (baseline)',
      'Vitals: T 37.0 C, HR 80',
      'ETT 7.0 at 23 cm',
      'Template version 2.0',
      'Hgb 10.0 g/dL',
      'UOP 500.0 mL over 8 hours',
      'Urine protein 300.0 mg/24h',
      'metoprolol 12.5 mg PO BID',
      'eGFR 60.0 mL/min/1.73m2',
    ]) assert.deepEqual(run(rule, line), [], line);
  });

  test('a value the lab parser read is not a dose even with a dose-like unit', () => {
    const line = 'K 4.0 mEq this morning';
    assert.deepEqual(run(rule, line, note(line, { labs: [lab(line, 'K 4.0 mEq', 'potassium', 4.0, 'mEq/L')] })), []);
  });

  test('a cannula gauge is not grams', () => {
    assert.deepEqual(run(rule, '18G IV placed in the left AC, 20.0G in the right'), []);
  });
});

describe('do-not-use-abbreviation: MS, MSO4, MgSO4', () => {
  test('MSO4 and MgSO4 are written out', () => {
    expectFix('- MSO4 2 mg IV q2h PRN severe pain', 'MSO4', '- morphine sulfate 2 mg IV q2h PRN severe pain');
    expectFix('MgSO4 2 g IV once', 'MgSO4', 'magnesium sulfate 2 g IV once');
    expectFix('REPLETED WITH 2 AMPS MGSO4', 'MGSO4', 'REPLETED WITH 2 AMPS MAGNESIUM SULFATE');
  });

  test('MS before a dose offers both drugs, none preferred, the likelier first', () => {
    const line = 'MS 4 mg IV q4h PRN pain';
    const [f] = run(rule, line);
    assert.equal(f?.fixes?.length, 2);
    assert.ok(f?.fixes?.every((x) => !x.preferred));
    assert.equal(applyFix(line, f), 'morphine sulfate 4 mg IV q4h PRN pain');
    const grams = 'MS 2 g IV over 1 hour';
    assert.equal(applyFix(grams, run(rule, grams)[0]), 'magnesium sulfate 2 g IV over 1 hour');
  });

  test('MS as multiple sclerosis, mental status or a brand name is not flagged', () => {
    for (const line of ['PMH: HTN, MS, DM2', 'MS: alert and oriented x3', 'h/o MS dx 2010', 'MS Contin 15 mg PO q12h', 'QTc 450 MS']) {
      assert.deepEqual(run(rule, line), [], line);
    }
  });
});

describe('do-not-use-abbreviation: findings carry the standard', () => {
  test('code, reference and preferred fixes', () => {
    const [f] = run(rule, 'lisinopril 10 mg QD');
    assert.equal(f?.code, 'do-not-use-abbreviation');
    assert.match(f?.reference?.url ?? '', /^https:\/\/www\.jointcommission\.org\//);
    assert.match(f?.message ?? '', /Write "daily"/);
    assert.equal(f?.fixes?.[0]?.preferred, true);
  });
});

describe('do-not-use-abbreviation: bad input', () => {
  test('empty text, binary input and whitespace give nothing', () => {
    assert.deepEqual(run(rule, ''), []);
    assert.deepEqual(run(rule, '   \n\t'), []);
    assert.deepEqual(rule.run({ text: 'QD\u0000\u0001', note: parseNote('QD\u0000\u0001') }), []);
  });

  test('CRLF line endings keep spans exact', () => {
    const text = 'MEDS:\r\n- Coumadin 5.0 mg PO QD\r\n- insulin 10 U SC\r\n';
    assert.deepEqual(flagged(text, run(rule, text)), ['5.0', 'QD', 'U']);
  });

  test('astral characters before a finding keep UTF-16 offsets exact', () => {
    const text = '😷🩺 note — lorazepam .5 mg PO';
    assert.deepEqual(flagged(text, run(rule, text)), ['.5']);
  });

  test('a very long line is handled quickly', () => {
    const line = 'aspirin 81 mg daily; '.repeat(20_000) + 'warfarin 5.0 mg QD';
    const t0 = performance.now();
    const found = run(rule, line, note(line));
    assert.ok(performance.now() - t0 < 2000);
    assert.deepEqual(flagged(line, found), ['5.0', 'QD']);
  });
});
