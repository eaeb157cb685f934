import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { criticalValue as rule } from '../../../../server/src/clinical/rules/criticalValues';
import type { LabResult, Section, Vital } from '../../../../server/src/note/types';
import { bp, flagged, lab, note, run, spanOf, vital } from './ruleFixtures';

/** One lab on one line: the findings for it. */
function labFindings(text: string, written: string, analyte: string, value: number, unit: string, canonical = value, extra: Partial<LabResult> = {}) {
  return run(rule, text, note(text, { labs: [lab(text, written, analyte, value, unit, canonical, extra)] }));
}

function vitalFindings(text: string, vitals: Vital[]) {
  return run(rule, text, note(text, { vitals }));
}

describe('critical-value: labs', () => {
  test('potassium 6.4 says what to do', () => {
    const text = 'Labs: K 6.4 mmol/L (H)';
    const found = labFindings(text, 'K 6.4 mmol/L', 'potassium', 6.4, 'mmol/L');
    assert.deepEqual(flagged(text, found), ['K 6.4 mmol/L']);
    assert.equal(found[0]?.severity, 'critical');
    assert.equal(found[0]?.message, 'Potassium 6.4 mmol/L ≥ 6.0 mmol/L: confirm (repeat, check for haemolysis), ECG, and treat per hyperkalaemia protocol.');
    assert.match(found[0]?.reference?.url ?? '', /^https:\/\/doi\.org\//);
  });

  const cases: [string, string, number, string, number, RegExp][] = [
    ['K 2.3', 'potassium', 2.3, 'mmol/L', 2.3, /≤ 2\.5 mmol\/L/],
    ['Na 118', 'sodium', 118, 'mmol/L', 118, /Sodium 118 mmol\/L ≤ 120/],
    ['Na 162', 'sodium', 162, 'mmol/L', 162, /≥ 160/],
    ['Glucose 612', 'glucose', 612, 'mg/dL', 612, /> 500 mg\/dL/],
    ['Lactate 4.0', 'lactate', 4.0, 'mmol/L', 4.0, /≥ 4 mmol\/L.*30 mL\/kg/],
    ['Hgb 6.8', 'hemoglobin', 6.8, 'g/dL', 6.8, /< 7 g\/dL.*transfusion/],
    ['Plt 12', 'platelets', 12, 'K/uL', 12, /< 20/],
    ['INR 6.2', 'inr', 6.2, '', 6.2, /INR 6\.2 > 5: .*vitamin K/],
    ['pH 7.12', 'ph', 7.12, '', 7.12, /< 7\.20/],
    ['pH 7.65', 'ph', 7.65, '', 7.65, /> 7\.60/],
    ['Ca 5.5', 'calcium', 5.5, 'mg/dL', 5.5, /< 6\.0 mg\/dL/],
    ['Mg 0.8', 'magnesium', 0.8, 'mg/dL', 0.8, /< 1\.0 mg\/dL/],
    ['Phos 0.7', 'phosphate', 0.7, 'mg/dL', 0.7, /< 1\.0 mg\/dL/],
    ['HCO3 8', 'bicarbonate', 8, 'mmol/L', 8, /≤ 10 mmol\/L/],
    ['ANC 0.3', 'neutrophils', 0.3, 'K/uL', 0.3, /neutropenic sepsis/],
  ];
  for (const [written, analyte, value, unit, canonical, message] of cases) {
    test(`${written} is critical`, () => {
      const text = `Results: ${written} today`;
      const found = labFindings(text, written, analyte, value, unit, canonical);
      assert.deepEqual(flagged(text, found), [written]);
      assert.match(found[0]?.message ?? '', message);
    });
  }

  test('a value in SI units shows its conversion', () => {
    const text = 'Glucose 2.1 mmol/L on the meter';
    const [f] = labFindings(text, 'Glucose 2.1 mmol/L', 'glucose', 2.1, 'mmol/L', 37.83, { canonical: { value: 37.83, unit: 'mg/dL' } });
    assert.equal(f?.message.startsWith('Glucose 2.1 mmol/L (37.83 mg/dL) < 54 mg/dL (3.0 mmol/L): treat now'), true);
  });

  const normal: [string, string, number][] = [
    ['K 5.9', 'potassium', 5.9], ['Na 121', 'sodium', 121], ['Glucose 54', 'glucose', 54], ['Lactate 3.9', 'lactate', 3.9],
    ['Hgb 7.0', 'hemoglobin', 7.0], ['Plt 20', 'platelets', 20], ['INR 5.0', 'inr', 5.0], ['pH 7.20', 'ph', 7.2], ['Troponin 2.3', 'troponin-i', 2.3],
  ];
  for (const [written, analyte, value] of normal) {
    test(`${written} is not critical`, () => {
      const text = `Results: ${written}`;
      assert.deepEqual(labFindings(text, written, analyte, value, ''), []);
    });
  }

  test('a written comparator counts: Plt <10 is low, troponin <0.01 is not high', () => {
    const text = 'Plt <10 and troponin <0.01';
    const found = run(rule, text, note(text, {
      labs: [lab(text, 'Plt <10', 'platelets', 10, 'K/uL', 10, { comparator: '<' }), lab(text, 'troponin <0.01', 'troponin-i', 0.01, 'ng/mL', 0.01, { comparator: '<' })],
    }));
    assert.deepEqual(flagged(text, found), ['Plt <10']);
    assert.match(found[0]?.message ?? '', /Platelets <10 K\/uL < 20/);
  });

  test('a laboratory critical flag is reported for an analyte with no threshold', () => {
    const text = 'Troponin I 2.31 ng/mL (critical)';
    const [f] = labFindings(text, 'Troponin I 2.31 ng/mL', 'troponin-i', 2.31, 'ng/mL', 2.31, { flag: 'critical' });
    assert.match(f?.message ?? '', /flagged critical \(critical\) by the laboratory/);
  });

  test('the same value written twice is one finding with related information', () => {
    const text = 'Lactate 4.3 mmol/L (H)\nA: sepsis, lactate 4.3';
    const first = lab(text, 'Lactate 4.3 mmol/L', 'lactate', 4.3, 'mmol/L');
    const second = { ...lab(text, 'lactate 4.3', 'lactate', 4.3, 'mmol/L'), span: spanOf(text, 'lactate 4.3') };
    const found = run(rule, text, note(text, { labs: [first, second] }));
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0]?.related?.[0]?.span.start, found[0]?.related?.[0]?.span.end), 'lactate 4.3');
  });

  test('an unwritten unit that could be normal in another unit is not reported', () => {
    const text = 'corrected Ca 2.82 phosphate 0.8 creat 72';
    assert.deepEqual(labFindings(text, 'phosphate 0.8', 'phosphate', 0.8, 'mg/dL', 0.8, { unitAssumed: true }), []);
  });

  test('a signed blood-gas base excess is not a bicarbonate', () => {
    const text = 'abg 7.39/58/75/+7';
    const bad: LabResult = { ...lab(text, '+7', 'bicarbonate', 7, 'mEq/L'), valueSpan: spanOf(text, '+7') };
    assert.deepEqual(run(rule, text, note(text, { labs: [bad] })), []);
  });
});

describe('critical-value: vitals', () => {
  test('systolic BP, heart rate, respiratory rate, temperature, SpO2, GCS, ACVPU', () => {
    const text = 'BP 86/52 HR 142 RR 28 T 103.5 F SpO2 86% GCS 7 unresponsive';
    const vitals: Vital[] = [
      bp(text, 'BP 86/52', 86, 52),
      vital(text, 'HR 142', 'heart-rate', 142, '/min'),
      vital(text, 'RR 28', 'respiratory-rate', 28, '/min'),
      vital(text, 'T 103.5 F', 'temperature', 39.72, '°C', { original: { value: 103.5, unit: '°F' } }),
      vital(text, 'SpO2 86%', 'spo2', 86, '%'),
      { kind: 'consciousness', span: spanOf(text, 'GCS 7'), valueSpan: spanOf(text, '7'), gcs: 7 },
      { kind: 'consciousness', span: spanOf(text, 'unresponsive'), valueSpan: spanOf(text, 'unresponsive'), acvpu: 'U' },
    ];
    const found = vitalFindings(text, vitals);
    assert.deepEqual(flagged(text, found), ['BP 86/52', 'HR 142', 'RR 28', 'T 103.5 F', 'SpO2 86%', 'GCS 7', 'unresponsive']);
    assert.match(found[0]?.message ?? '', /^Systolic BP 86 mmHg \(BP 86\/52\) ≤ 90 mmHg: assess for shock/);
    assert.match(found[3]?.message ?? '', /^Temperature 103\.5 °F \(39\.7 °C\) ≥ 39\.5 °C/);
    assert.match(found[0]?.reference?.url ?? '', /rcp\.ac\.uk/);
  });

  test('low heart rate, respiratory rate and temperature', () => {
    const text = 'HR 38, RR 8, T 34.8';
    const found = vitalFindings(text, [
      vital(text, 'HR 38', 'heart-rate', 38, '/min'),
      vital(text, 'RR 8', 'respiratory-rate', 8, '/min'),
      vital(text, 'T 34.8', 'temperature', 34.8, '°C'),
    ]);
    assert.equal(found.length, 3);
  });

  test('values inside the thresholds are not reported', () => {
    const text = 'BP 91/60 HR 130 RR 24 T 39.4 SpO2 90%';
    assert.deepEqual(vitalFindings(text, [
      bp(text, 'BP 91/60', 91, 60),
      vital(text, 'HR 130', 'heart-rate', 130, '/min'),
      vital(text, 'RR 24', 'respiratory-rate', 24, '/min'),
      vital(text, 'T 39.4', 'temperature', 39.4, '°C'),
      vital(text, 'SpO2 90%', 'spo2', 90, '%'),
    ]), []);
  });

  test('an implausible value is left to implausible-value', () => {
    const text = 'BP 80/120, HR 350';
    assert.deepEqual(vitalFindings(text, [bp(text, 'BP 80/120', 80, 120), vital(text, 'HR 350', 'heart-rate', 350, '/min')]), []);
  });

  test('"Sat" without an oxygen label is Saturday, and a low Tmax is an eye pressure', () => {
    const text = 'Alcohol Fri/Sat ~6 drinks. Tmax 28 RE';
    assert.deepEqual(vitalFindings(text, [vital(text, 'Sat ~6', 'spo2', 6, '%'), vital(text, 'Tmax 28', 'temperature', 28, '°C')]), []);
  });
});

describe('critical-value: context', () => {
  const section = (text: string, heading: string, kind: Section['kind']): Section => {
    const h = spanOf(text, heading);
    return { kind, title: heading, level: 1, headingSpan: h, span: { start: h.start, end: text.length }, bodySpan: { start: h.end, end: text.length } };
  };

  test('values in past history are not alerts', () => {
    const text = 'PMH: hyponatraemia, Na 118 in 2019';
    assert.deepEqual(run(rule, text, note(text, { sections: [section(text, 'PMH', 'pmh')], labs: [lab(text, 'Na 118', 'sodium', 118, 'mmol/L')] })), []);
  });

  test("a discharge summary's admission findings are history; its discharge vitals are not", () => {
    const text = 'ADMISSION FINDINGS: RR 26\nDISCHARGE VITALS: RR 30';
    const adm = section(text, 'ADMISSION FINDINGS', 'other');
    adm.span.end = text.indexOf('\nDISCHARGE');
    const found = run(rule, text, note(text, {
      noteType: 'discharge-summary',
      sections: [adm, section(text, 'DISCHARGE VITALS', 'vitals')],
      vitals: [vital(text, 'RR 26', 'respiratory-rate', 26, '/min'), vital(text, 'RR 30', 'respiratory-rate', 30, '/min')],
    }));
    assert.deepEqual(flagged(text, found), ['RR 30']);
  });

  test('goals, safety-net advice and previous values are not results', () => {
    const text = 'Goal: keep SBP > 85\nReturn if unresponsive\nprev K+ 6.3, now 4.1';
    const found = run(rule, text, note(text, {
      vitals: [bp(text, 'SBP > 85', 85, 50), { kind: 'consciousness', span: spanOf(text, 'unresponsive'), valueSpan: spanOf(text, 'unresponsive'), acvpu: 'U' }],
      labs: [lab(text, 'K+ 6.3', 'potassium', 6.3, 'mmol/L')],
    }));
    assert.deepEqual(found, []);
  });

  test('a "Vital signs:" label is not a safety-net cue', () => {
    const text = 'Vital signs: BP 80/40, HR 140';
    assert.deepEqual(flagged(text, vitalFindings(text, [bp(text, 'BP 80/40', 80, 40), vital(text, 'HR 140', 'heart-rate', 140, '/min')])), ['BP 80/40', 'HR 140']);
  });

  test('empty and refused notes give nothing', () => {
    assert.deepEqual(run(rule, ''), []);
    const text = 'K 7.1';
    assert.deepEqual(run(rule, text, note(text, { inputProblem: { kind: 'too-large', message: 'x' }, labs: [lab(text, 'K 7.1', 'potassium', 7.1, 'mmol/L')] })), []);
  });

  test('parsed from a real line with CRLF endings', () => {
    const text = 'LABS:\r\nNa 133 mmol/L   K 6.8 mmol/L (H)\r\nLactate 4.6 mmol/L\r\n';
    assert.deepEqual(flagged(text, run(rule, text)).map((s) => s.split(' ')[0]), ['K', 'Lactate']);
  });
});
