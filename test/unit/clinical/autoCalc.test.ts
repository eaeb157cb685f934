/**
 * Automatic calculators on small notes written for the test: triggers (affirmed, negated, family
 * history, possible, historical), required inputs, spans, unit conversion, and agreement with the
 * calculator itself for the same inputs. Also the shipped examples.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { autoCalculate, prefillInputs, type AutoResult } from '../../../server/src/clinical/autoCalc/autoCalc';
import { conditionStatus, findConditions } from '../../../server/src/clinical/autoCalc/conditions';
import { calculatorById } from '../../../server/src/clinical/calculators';
import type { CalcInputs, InputValue } from '../../../server/src/clinical/calculators/types';
import { createAssertionContext } from '../../../server/src/note/assertion';
import { parseNote } from '../../../server/src/note/parseNote';
import type { Span } from '../../../server/src/note/types';

const run = (text: string): AutoResult[] => autoCalculate(text, parseNote(text));
const find = (rs: readonly AutoResult[], id: string): AutoResult | undefined => rs.find((r) => r.calculatorId === id);
const ids = (rs: readonly AutoResult[]): string[] => rs.map((r) => r.calculatorId);
const slice = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '<no span>');

function get(rs: readonly AutoResult[], id: string): AutoResult {
  const r = find(rs, id);
  assert.ok(r, `expected ${id} among ${ids(rs).join(', ')}`);
  return r;
}

function input(r: AutoResult, name: string): AutoResult['inputs'][number] {
  const i = r.inputs.find((x) => x.name === name);
  assert.ok(i, `no input '${name}' in ${r.calculatorId}`);
  return i;
}

/** The calculator's own value for inputs given by key. */
function direct(id: string, inputs: CalcInputs): number | string {
  const calc = calculatorById(id);
  assert.ok(calc);
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
}

/** Recomputes a result from its own input rows (labels mapped back to keys): must agree. */
function recompute(r: AutoResult): number | string {
  const calc = calculatorById(r.calculatorId);
  assert.ok(calc);
  const inputs: Record<string, InputValue> = {};
  for (const row of r.inputs) {
    const spec = calc.inputs.find((s) => s.label === row.name);
    assert.ok(spec, `row ${row.name} is not an input of ${calc.id}`);
    inputs[spec.key] = row.value as InputValue;
  }
  return direct(r.calculatorId, inputs);
}

const AF_NOTE = [
  'HISTORY AND PHYSICAL',
  '72 y/o M with atrial fibrillation, hypertension and type 2 diabetes. History of stroke in 2019.',
  'No history of heart failure.',
  '',
  'MEDICATIONS:',
  '- aspirin 81 mg PO daily',
  '- apixaban 5 mg PO BID',
  '',
  'SOCIAL HISTORY:',
  'Drinks 10 beers per week. Never smoker.',
  '',
  'VITALS: BP 172/90, HR 88, RR 16, Wt 80 kg',
  '',
  'LABS:',
  'Creatinine 1.0 mg/dL',
].join('\n');

describe('CHA₂DS₂-VASc and HAS-BLED (atrial fibrillation)', () => {
  const rs = run(AF_NOTE);

  test('CHA₂DS₂-VASc scores age, hypertension, diabetes and stroke; equals the calculator', () => {
    const r = get(rs, 'cha2ds2-vasc');
    // age 72: 1, male: 0, CHF negated: 0, hypertension: 1, stroke: 2, vascular not mentioned: 0, diabetes: 1.
    assert.equal(r.value, 5);
    assert.equal(r.value, direct('cha2ds2-vasc', { age: 72, sex: 'Male', hypertension: true, stroke: true, diabetes: true }));
    assert.equal(r.label, 'CHA₂DS₂-VASc 5');
    assert.equal(r.value, recompute(r));
  });

  test('input spans point at the words they came from; unmentioned criteria are assumed absent', () => {
    const r = get(rs, 'cha2ds2-vasc');
    assert.equal(slice(AF_NOTE, input(r, 'Prior stroke').span), 'stroke');
    assert.equal(slice(AF_NOTE, input(r, 'Age').span), '72 y/o');
    assert.equal(slice(AF_NOTE, input(r, 'Diabetes').span), 'type 2 diabetes');
    const chf = input(r, 'Congestive heart failure');
    assert.equal(chf.value, false);
    assert.equal(slice(AF_NOTE, chf.span), 'heart failure');
    assert.equal(chf.assumed, undefined);
    const vascular = input(r, 'Vascular disease (MI, PAD, aortic plaque)');
    assert.equal(vascular.assumed, true);
    assert.match(r.explanation, /counted as absent: .*Vascular disease/);
  });

  test('HAS-BLED: SBP > 160, stroke, aspirin and 10 drinks a week; equals the calculator', () => {
    const r = get(rs, 'has-bled');
    // age > 65: 1, SBP 172: 1, Cr 1.0: 0, liver: 0, stroke: 1, bleeding: 0, INR: 0, aspirin: 1, alcohol 10/week: 1.
    assert.equal(r.value, 5);
    assert.equal(r.value, direct('has-bled', { age: 72, hypertension: true, stroke: true, drugs: true, alcoholDrinksPerWeek: 10 }));
    assert.equal(slice(AF_NOTE, input(r, 'Uncontrolled hypertension (SBP > 160)').span), 'BP 172/90');
    assert.equal(slice(AF_NOTE, input(r, 'Antiplatelet or NSAID use').span), 'aspirin');
    assert.equal(slice(AF_NOTE, input(r, 'Alcoholic drinks per week').span), '10 beers per week');
    assert.equal(slice(AF_NOTE, input(r, 'Abnormal renal function').span), 'Creatinine 1.0 mg/dL');
    assert.equal(r.value, recompute(r));
  });

  test('negated, family-history, possible and hypothetical atrial fibrillation do not trigger', () => {
    const base = '70 y/o F with hypertension. BP 130/80.\n';
    for (const line of ['No history of atrial fibrillation.', 'Mother had AF.', 'Possible atrial fibrillation on telemetry.', 'Risk of AF after surgery discussed if it occurs.']) {
      const got = ids(run(base + line));
      assert.ok(!got.includes('cha2ds2-vasc') && !got.includes('has-bled'), `${line} → ${got.join(', ')}`);
    }
    const fh = 'FAMILY HISTORY:\nAtrial fibrillation in father.\n\nHPI: 70 y/o F with hypertension.';
    assert.ok(!ids(run(fh)).includes('cha2ds2-vasc'));
  });

  test('an ICD-10 code alone triggers (I48.91)', () => {
    const r = get(run('ASSESSMENT:\n1. Paroxysmal arrhythmia (I48.91)\n\n80 y/o woman.'), 'cha2ds2-vasc');
    assert.equal(r.value, 3); // age ≥ 75: 2, female: 1
  });

  test('without an age there is no score, and prefill says what is missing', () => {
    const text = 'Patient with atrial fibrillation and CHF. Male.';
    assert.ok(!ids(run(text)).includes('cha2ds2-vasc'));
    const p = prefillInputs('cha2ds2-vasc', text, parseNote(text));
    assert.deepEqual(p.missing, ['Age']);
    assert.equal(p.inputs.chf, true);
    assert.equal(slice(text, p.sources.chf), 'CHF');
    assert.equal(p.inputs.sex, 'Male');
  });
});

describe('HAS-BLED criteria as Pisters 2010 defines them', () => {
  test('dialysis, cirrhosis, labile INR, a GI bleed, ibuprofen and alcohol abuse', () => {
    const text = [
      '70 y/o F with paroxysmal AF on warfarin with labile INRs.',
      'PMH: ESRD on hemodialysis, cirrhosis, prior GI bleed 2021, alcohol abuse.',
      '',
      'MEDICATIONS:',
      '- ibuprofen 400 mg PO TID',
      '',
      'VITALS: BP 150/80',
    ].join('\n');
    const r = get(run(text), 'has-bled');
    // age 1, SBP 150: 0, dialysis 1, cirrhosis 1, stroke 0, GI bleed 1, labile INR 1, NSAID 1, alcohol abuse 1.
    assert.equal(r.value, 7);
    assert.equal(r.value, recompute(r));
    assert.equal(slice(text, input(r, 'Abnormal renal function').span), 'hemodialysis');
    assert.equal(slice(text, input(r, 'Abnormal liver function').span), 'cirrhosis');
    assert.equal(slice(text, input(r, 'Labile INR').span), 'labile INRs');
    assert.equal(slice(text, input(r, 'Prior major bleeding or predisposition').span), 'GI bleed');
    assert.equal(slice(text, input(r, 'Antiplatelet or NSAID use').span), 'ibuprofen');
    assert.equal(input(r, 'Alcoholic drinks per week').value, 8);
    assert.match(r.explanation, /Alcohol excess documented/);
    assert.equal(input(r, 'Uncontrolled hypertension (SBP > 160)').value, false);
  });

  test('creatinine ≥ 2.26 mg/dL and bilirubin > 2 × ULN with AST > 3 × ULN count', () => {
    const text = '70 y/o M with atrial flutter.\nLABS: Total bilirubin 3.0 mg/dL, AST 150 U/L, Cr 2.5 mg/dL';
    const r = get(run(text), 'has-bled');
    assert.equal(r.value, 3); // age, renal, liver
    assert.equal(slice(text, input(r, 'Abnormal renal function').span), 'Cr 2.5 mg/dL');
    assert.equal(slice(text, input(r, 'Abnormal liver function').span), 'Total bilirubin 3.0 mg/dL');
  });
});

describe('CURB-65 (pneumonia)', () => {
  const NOTE = [
    'ED NOTE',
    '68 y/o woman with community-acquired pneumonia.',
    'Vitals: BP 88/58, HR 112, RR 32, T 38.9 C, SpO2 90% on RA',
    'Neuro: confused, disoriented to place.',
    'LABS: BUN 28 mg/dL, Cr 1.1 mg/dL, Na 134 mmol/L',
  ].join('\n');

  test('all five criteria, each from its text', () => {
    const r = get(run(NOTE), 'curb-65');
    assert.equal(r.value, 5);
    assert.equal(r.value, direct('curb-65', { confusion: true, bun: 28, respiratoryRate: 32, systolicBp: 88, diastolicBp: 58, age: 68 }));
    assert.equal(slice(NOTE, input(r, 'Confusion').span), 'confused');
    assert.equal(slice(NOTE, input(r, 'Blood urea nitrogen').span), 'BUN 28 mg/dL');
    assert.equal(slice(NOTE, input(r, 'Respiratory rate').span), 'RR 32');
  });

  test('historical, possible or absent pneumonia, or a missing BUN: no score', () => {
    assert.ok(!ids(run(NOTE.replace('community-acquired pneumonia', 'a history of pneumonia in 2019'))).includes('curb-65'));
    assert.ok(!ids(run(NOTE.replace('community-acquired pneumonia', 'cough; rule out pneumonia'))).includes('curb-65'));
    assert.ok(!ids(run(NOTE.replace('BUN 28 mg/dL, ', ''))).includes('curb-65'));
  });

  test('confusion only in safety-netting advice is not a finding', () => {
    const text = `${NOTE.replace('Neuro: confused, disoriented to place.', 'Neuro: no focal deficit.')}\n\nPATIENT INSTRUCTIONS:\nReturn if confusion or worse breathing.`;
    const r = get(run(text), 'curb-65');
    assert.equal(r.value, 4);
    assert.equal(input(r, 'Confusion').assumed, true);
  });

  test('alert and oriented documents confusion as absent', () => {
    const r = get(run(NOTE.replace('confused, disoriented to place', 'alert and oriented x3')), 'curb-65');
    assert.equal(r.value, 4);
    assert.equal(input(r, 'Confusion').assumed, undefined);
  });
});

describe('MELD-Na and Child-Pugh (cirrhosis)', () => {
  const NOTE = [
    '58 y/o M with alcoholic cirrhosis, moderate ascites, no encephalopathy.',
    'LABS:',
    'Total bilirubin 3.2 mg/dL, INR 1.8, Creatinine 1.4 mg/dL, Na 130 mmol/L, Albumin 2.6 g/dL',
  ].join('\n');

  test('both scores equal the calculators; grades read from the text', () => {
    const rs = run(NOTE);
    const cp = get(rs, 'child-pugh');
    // bilirubin > 3: 3, albumin < 2.8: 3, INR 1.7-2.3: 2, moderate ascites: 3, no encephalopathy: 1.
    assert.equal(cp.value, 12);
    assert.equal(cp.value, direct('child-pugh', { bilirubin: 3.2, albumin: 2.6, inr: 1.8, ascites: 'Moderate', encephalopathy: 'None' }));
    assert.equal(input(cp, 'Ascites').value, 'Moderate');
    assert.equal(slice(NOTE, input(cp, 'Ascites').span), 'ascites');
    assert.equal(slice(NOTE, input(cp, 'Hepatic encephalopathy').span), 'encephalopathy');
    const meld = get(rs, 'meld-na');
    assert.equal(meld.value, direct('meld-na', { creatinine: 1.4, bilirubin: 3.2, inr: 1.8, sodium: 130 }));
    assert.equal(input(meld, 'Dialysis ≥ 2 times or CVVHD ≥ 24 h in the past week').assumed, true);
  });

  test('ascites without a grade: no Child-Pugh, MELD-Na still; prefill lists it as missing', () => {
    const text = NOTE.replace('moderate ascites', 'ascites');
    const rs = run(text);
    assert.ok(!ids(rs).includes('child-pugh'));
    assert.ok(ids(rs).includes('meld-na'));
    const p = prefillInputs('child-pugh', text, parseNote(text));
    assert.ok(p.missing.some((m) => m.startsWith('Ascites')));
    assert.equal(p.inputs.encephalopathy, 'None');
  });

  test('no cirrhosis, no liver scores', () => {
    assert.deepEqual(ids(run(NOTE.replace('alcoholic cirrhosis', 'alcohol use'))).filter((i) => i === 'child-pugh' || i === 'meld-na'), []);
  });
});

describe('measurements computed whenever documented', () => {
  test('eGFR from creatinine in µmol/L', () => {
    const text = 'Age: 60\nSex: F\nLABS:\nCreatinine 106 µmol/L';
    const r = get(run(text), 'ckd-epi-2021');
    const cr = parseNote(text).labs[0]?.canonical.value ?? NaN;
    assert.equal(r.value, direct('ckd-epi-2021', { age: 60, sex: 'Female', creatinine: cr }));
    assert.ok(Math.abs((r.value as number) - (direct('ckd-epi-2021', { age: 60, sex: 'Female', creatinine: { value: 106, unit: 'µmol/L' } }) as number)) < 0.1);
    assert.equal(slice(text, input(r, 'Serum creatinine').span), 'Creatinine 106 µmol/L');
    assert.ok(!ids(run(text)).includes('cockcroft-gault'), 'no weight, no Cockcroft-Gault');
  });

  test('Cockcroft-Gault uses height when written (adjusted weight); BMI from pounds', () => {
    const text = '45 y/o man. Wt 220 lb, Ht 5 ft 10 in.\nLABS: Cr 1.2 mg/dL';
    const rs = run(text);
    const note = parseNote(text);
    const w = note.vitals.find((v) => v.kind === 'weight');
    const h = note.vitals.find((v) => v.kind === 'height');
    assert.ok(w && 'value' in w && h && 'value' in h);
    const cg = get(rs, 'cockcroft-gault');
    assert.equal(cg.value, direct('cockcroft-gault', { age: 45, sex: 'Male', weight: w.value, height: h.value, creatinine: 1.2 }));
    assert.match(cg.explanation, /adjusted body weight/);
    const bmi = get(rs, 'bmi');
    assert.ok(Math.abs((bmi.value as number) - (direct('bmi', { weight: { value: 220, unit: 'lb' }, height: { value: 70, unit: 'in' } }) as number)) < 0.1);
    assert.equal(slice(text, input(bmi, 'Weight').span), 'Wt 220 lb');
  });

  test('anion gap, albumin-corrected gap, corrected calcium', () => {
    const text = 'LABS:\nNa 140 mmol/L, Cl 100 mmol/L, HCO3 20 mmol/L, Albumin 2.0 g/dL, Ca 8.0 mg/dL';
    const rs = run(text);
    assert.equal(get(rs, 'anion-gap').value, 20);
    assert.equal(get(rs, 'albumin-corrected-anion-gap').value, 25);
    assert.equal(get(rs, 'corrected-calcium').value, 9.6);
    assert.equal(get(rs, 'anion-gap').label, 'Anion gap 20 mEq/L');
    assert.equal(slice(text, input(get(rs, 'anion-gap'), 'Bicarbonate').span), 'HCO3 20 mmol/L');
  });

  test('glucose in mmol/L: osmolality and sodium correction only above 200 mg/dL', () => {
    const text = 'LABS:\nNa 128 mmol/L, Glucose 33.3 mmol/L, BUN 20 mg/dL';
    const rs = run(text);
    const glucose = parseNote(text).labs.find((l) => l.analyte === 'glucose')?.canonical.value ?? NaN;
    assert.ok(glucose > 590 && glucose < 610);
    assert.equal(get(rs, 'sodium-correction-hyperglycemia').value, direct('sodium-correction-hyperglycemia', { sodium: 128, glucose }));
    assert.equal(get(rs, 'serum-osmolality').value, direct('serum-osmolality', { sodium: 128, bun: 20, glucose }));
    assert.ok(!ids(run(text.replace('33.3 mmol/L', '150 mg/dL'))).includes('sodium-correction-hyperglycemia'));
  });

  test('QTc from a written QT and the rate on the ECG line, never from a written QTc', () => {
    const text = '58 y/o M. HR 110.\nECG: sinus rhythm, rate 75, QT 440 ms.';
    const r = get(run(text), 'qtc-bazett');
    assert.equal(r.value, direct('qtc-bazett', { qt: 440, heartRate: 75 }));
    assert.equal(slice(text, input(r, 'QT interval').span), 'QT 440 ms');
    assert.equal(slice(text, input(r, 'Heart rate').span), 'rate 75');
    assert.ok(ids(run(text)).includes('qtc-fridericia'));
    assert.ok(!ids(run('ECG: sinus rhythm, HR 75, QTc 480 ms.')).some((i) => i.startsWith('qtc')));
  });

  test('FIB-4 from age, AST, ALT and platelets', () => {
    const text = '50 y/o F.\nLABS: AST 88 U/L, ALT 52 U/L, Plt 110 K/uL';
    const r = get(run(text), 'fib-4');
    assert.equal(r.value, direct('fib-4', { age: 50, ast: 88, alt: 52, platelets: 110 }));
  });

  test('a baseline creatinine is not today\'s; the labs section beats prose', () => {
    assert.ok(!ids(run('70 y/o M with CKD (baseline creatinine 1.1).')).includes('ckd-epi-2021'));
    const text = '70 y/o M with CKD (baseline Cr 1.3). FSBG 246 per EMS.\n\nLABS:\nCr 2.1 mg/dL, Glucose 238 mg/dL';
    const r = get(run(text), 'ckd-epi-2021');
    assert.equal(slice(text, input(r, 'Serum creatinine').span), 'Cr 2.1 mg/dL');
  });

  test('acute kidney injury adds a caution to eGFR', () => {
    const r = get(run('70 y/o M with AKI.\nLABS: Cr 2.1 mg/dL'), 'ckd-epi-2021');
    assert.match(r.explanation, /not at steady state/);
  });
});

describe('condition vocabulary', () => {
  const status = (text: string, id: string): string | undefined => {
    const note = parseNote(text);
    return conditionStatus(findConditions(text, note, createAssertionContext(text).assertionFor), [id])?.state;
  };

  test('phrases that contain a condition word but mean something else', () => {
    assert.equal(status('Back: + R CVA tenderness.', 'stroke'), undefined);
    assert.equal(status('DVT prophylaxis with heparin.', 'dvt'), undefined);
    assert.equal(status('Known pulmonary hypertension.', 'hypertension'), undefined);
    assert.equal(status('Stroke volume variation 12%.', 'stroke'), undefined);
    assert.equal(status('Cap refill < 2 s.', 'pneumonia'), undefined);
  });

  test('abbreviations are case-sensitive, terms are not', () => {
    assert.equal(status('Known AF on warfarin.', 'atrial-fibrillation'), 'present');
    assert.equal(status('af', 'atrial-fibrillation'), undefined);
    assert.equal(status('A-fib with RVR.', 'atrial-fibrillation'), 'present');
    assert.equal(status('PMH: HTN, T2DM, COPD.', 'diabetes'), 'present');
    assert.equal(status('Uncontrolled hypertension.', 'hypertension'), 'present');
  });
});

describe('the shipped examples', () => {
  const example = (name: string): string => readFileSync(join(__dirname, '../../../examples', name), 'utf8');

  test('hp-medication-safety: CHA₂DS₂-VASc 5 and HAS-BLED 1', () => {
    const text = example('hp-medication-safety.cnote');
    const rs = run(text);
    // 79 (2) + female (1) + hypertension (1) + diabetes (1).
    assert.equal(get(rs, 'cha2ds2-vasc').value, 5);
    // Age > 65 (1); SBP 154, creatinine 1.2, no antiplatelet/NSAID, occasional wine.
    assert.equal(get(rs, 'has-bled').value, 1);
    assert.equal(get(rs, 'ckd-epi-2021').value, direct('ckd-epi-2021', { age: 79, sex: 'Female', creatinine: 1.2 }));
    for (const r of rs) assert.equal(r.value, recompute(r), r.calculatorId);
  });

  test('ed-triage-sepsis: anion gap, eGFR, osmolality; possible pneumonia gives no CURB-65', () => {
    const text = example('ed-triage-sepsis.cnote');
    const rs = run(text);
    assert.equal(get(rs, 'anion-gap').value, 17);
    assert.equal(get(rs, 'ckd-epi-2021').value, direct('ckd-epi-2021', { age: 74, sex: 'Female', creatinine: 2.1 }));
    assert.ok(ids(rs).includes('serum-osmolality'));
    assert.ok(ids(rs).includes('sodium-correction-hyperglycemia'));
    assert.ok(!ids(rs).includes('curb-65'));
    assert.ok(!ids(rs).includes('cha2ds2-vasc'));
    for (const r of rs) assert.equal(r.value, recompute(r), r.calculatorId);
  });

  test('every input span of every example lies inside the note', () => {
    for (const name of ['clinic-visit-diabetes.cnote', 'discharge-summary-pneumonia.cnote', 'icu-nursing-note.cnote', 'progress-note-chf.cnote']) {
      const text = example(name);
      for (const r of run(text)) {
        assert.equal(r.value, recompute(r), `${name} ${r.calculatorId}`);
        for (const i of r.inputs) if (i.span) assert.ok(i.span.start >= 0 && i.span.end <= text.length && i.span.end > i.span.start);
      }
    }
  });
});

describe('bad input', () => {
  test('empty, whitespace and binary text give nothing', () => {
    assert.deepEqual(run(''), []);
    assert.deepEqual(run('   \n\n  '), []);
    assert.deepEqual(run('\u0000\u0001binary'), []);
    assert.deepEqual(prefillInputs('ckd-epi-2021', '', parseNote('')).missing, ['Age', 'Sex', 'Serum creatinine']);
    assert.deepEqual(prefillInputs('no-such-calculator', AF_NOTE, parseNote(AF_NOTE)), { inputs: {}, sources: {}, missing: [] });
  });

  test('CRLF line endings give the same scores and spans that still slice right', () => {
    const crlf = AF_NOTE.replace(/\n/g, '\r\n');
    const rs = run(crlf);
    assert.equal(get(rs, 'cha2ds2-vasc').value, 5);
    assert.equal(get(rs, 'has-bled').value, 5);
    assert.equal(slice(crlf, input(get(rs, 'has-bled'), 'Antiplatelet or NSAID use').span), 'aspirin');
  });

  test('odd Unicode and a very long line do not break matching or offsets', () => {
    const text = `72 y/o M 🫀 Ωmega ${'x'.repeat(200_000)} end.\nHas atrial fibrillation 🙂 and hypertension–diabetes.`;
    const r = get(run(text), 'cha2ds2-vasc');
    assert.equal(r.value, 3); // age 72: 1, hypertension: 1, diabetes: 1
    assert.equal(slice(text, input(r, 'Hypertension').span), 'hypertension');
    assert.equal(slice(text, input(r, 'Diabetes').span), 'diabetes');
  });

  test('a large note is analysed in linear time', () => {
    const text = `72 y/o M with atrial fibrillation.\n${'PMH: HTN, DM2, no CHF. Creatinine 1.0 mg/dL. '.repeat(20_000)}`;
    const note = parseNote(text);
    const t0 = performance.now();
    const rs = autoCalculate(text, note);
    const ms = performance.now() - t0;
    assert.ok(ids(rs).includes('cha2ds2-vasc'));
    assert.ok(ms < 3000, `${ms} ms for ${text.length} characters`);
  });
});

describe('PERC prefilled from the note', () => {
  test('an SpO2 taken on oxygen is flagged, so PERC stays positive whatever the reading', () => {
    const text = 'ED note. 42 y/o woman with pleuritic chest pain.\nVitals: HR 88, RR 18, SpO2 98% on 4L NC.';
    const p = prefillInputs('perc', text, parseNote(text));
    assert.equal(p.inputs.spo2OnOxygen, true);
    assert.match(slice(text, p.sources.spo2OnOxygen), /4L/);
    const r = calculatorById('perc')!.compute(p.inputs as CalcInputs);
    assert.ok(r.ok);
    assert.equal(r.value, 1);
  });

  test('on room air the flag is false and the saturation criterion is read from the value', () => {
    const text = 'ED note. 42 y/o woman with pleuritic chest pain.\nVitals: HR 88, RR 18, SpO2 98% on room air.';
    const p = prefillInputs('perc', text, parseNote(text));
    assert.equal(p.inputs.spo2OnOxygen, false);
    const r = calculatorById('perc')!.compute(p.inputs as CalcInputs);
    assert.ok(r.ok);
    assert.equal(r.value, 0);
  });
});
