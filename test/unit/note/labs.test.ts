import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { convertLab, findLabs, labInfo } from '../../../server/src/note/labs';
import type { LabResult, Section, Span } from '../../../server/src/note/types';
import labsData from '../../../server/src/knowledge/labs.json';
import { LINEAR_TIME_BOUND_MS } from '../../support/linearTime';

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

/** The one lab in `text`; fails when there are none or several. */
function one(text: string, sections: readonly Section[] = []): LabResult {
  const labs = findLabs(text, sections);
  assert.equal(labs.length, 1, `expected one lab in ${JSON.stringify(text)}, got ${labs.map((l) => l.analyte).join(', ')}`);
  const lab = labs[0];
  assert.ok(lab);
  return lab;
}

function near(actual: number, expected: number, tolerance = 1e-3): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
}

/** Checks every span of a result against the text and the no-overlap rule. */
function checkSpans(text: string, labs: readonly LabResult[]): void {
  let lastEnd = -1;
  for (const lab of labs) {
    assert.ok(lab.span.start >= lastEnd, `overlap at ${lab.span.start}`);
    assert.ok(lab.valueSpan.start >= lab.span.start && lab.valueSpan.end <= lab.span.end);
    assert.equal(Number(slice(text, lab.valueSpan).replace(/,/g, '').replace(/[−–]/, '-')), lab.value);
    lastEnd = lab.span.end;
  }
}

describe('findLabs: common formats', () => {
  const cases: {
    text: string;
    analyte: string;
    value: number;
    unit: string;
    assumed: boolean;
    canonical: number;
    name: string;
    whole: string;
  }[] = [
    { text: 'Na 132', analyte: 'sodium', value: 132, unit: 'mEq/L', assumed: true, canonical: 132, name: 'Na', whole: 'Na 132' },
    { text: 'Na: 132 mEq/L', analyte: 'sodium', value: 132, unit: 'mEq/L', assumed: false, canonical: 132, name: 'Na', whole: 'Na: 132 mEq/L' },
    { text: 'Serum sodium of 132 today.', analyte: 'sodium', value: 132, unit: 'mEq/L', assumed: true, canonical: 132, name: 'Serum sodium', whole: 'Serum sodium of 132' },
    { text: 'K+ 5.8', analyte: 'potassium', value: 5.8, unit: 'mEq/L', assumed: true, canonical: 5.8, name: 'K+', whole: 'K+ 5.8' },
    { text: 'creatinine 124 µmol/L', analyte: 'creatinine', value: 124, unit: 'µmol/L', assumed: false, canonical: 124 / 88.42, name: 'creatinine', whole: 'creatinine 124 µmol/L' },
    { text: 'creatinine 124 umol/L', analyte: 'creatinine', value: 124, unit: 'umol/L', assumed: false, canonical: 124 / 88.42, name: 'creatinine', whole: 'creatinine 124 umol/L' },
    { text: 'WBC 14.2 x10^9/L', analyte: 'wbc', value: 14.2, unit: 'x10^9/L', assumed: false, canonical: 14.2, name: 'WBC', whole: 'WBC 14.2 x10^9/L' },
    { text: 'WBC 14.2K', analyte: 'wbc', value: 14.2, unit: 'K', assumed: false, canonical: 14.2, name: 'WBC', whole: 'WBC 14.2K' },
    { text: 'Hb 91 g/L', analyte: 'hemoglobin', value: 91, unit: 'g/L', assumed: false, canonical: 9.1, name: 'Hb', whole: 'Hb 91 g/L' },
    { text: 'trop I 0.45', analyte: 'troponin-i', value: 0.45, unit: 'ng/mL', assumed: true, canonical: 0.45, name: 'trop I', whole: 'trop I 0.45' },
    { text: 'Lactate 4.2 mmol/L', analyte: 'lactate', value: 4.2, unit: 'mmol/L', assumed: false, canonical: 4.2, name: 'Lactate', whole: 'Lactate 4.2 mmol/L' },
    { text: 'lactic acid 4.2', analyte: 'lactate', value: 4.2, unit: 'mmol/L', assumed: true, canonical: 4.2, name: 'lactic acid', whole: 'lactic acid 4.2' },
    { text: 'INR 2.3', analyte: 'inr', value: 2.3, unit: '', assumed: true, canonical: 2.3, name: 'INR', whole: 'INR 2.3' },
    { text: 'pH 7.21', analyte: 'ph', value: 7.21, unit: '', assumed: true, canonical: 7.21, name: 'pH', whole: 'pH 7.21' },
    { text: 'pCO2 55', analyte: 'pco2', value: 55, unit: 'mmHg', assumed: true, canonical: 55, name: 'pCO2', whole: 'pCO2 55' },
    { text: 'His glucose was 250 this morning.', analyte: 'glucose', value: 250, unit: 'mg/dL', assumed: true, canonical: 250, name: 'glucose', whole: 'glucose was 250' },
    { text: 'A1c of 8.2%', analyte: 'hba1c', value: 8.2, unit: '%', assumed: false, canonical: 8.2, name: 'A1c', whole: 'A1c of 8.2%' },
    { text: 'Her hemoglobin A1c is 7.5.', analyte: 'hba1c', value: 7.5, unit: '%', assumed: true, canonical: 7.5, name: 'hemoglobin A1c', whole: 'hemoglobin A1c is 7.5' },
    { text: 'platelets 45,000', analyte: 'platelets', value: 45000, unit: '/µL', assumed: true, canonical: 45, name: 'platelets', whole: 'platelets 45,000' },
    { text: 'Plt 45', analyte: 'platelets', value: 45, unit: '10^3/µL', assumed: true, canonical: 45, name: 'Plt', whole: 'Plt 45' },
    { text: 'T bili 2.3', analyte: 'bilirubin-total', value: 2.3, unit: 'mg/dL', assumed: true, canonical: 2.3, name: 'T bili', whole: 'T bili 2.3' },
    { text: 'T. bili 40 umol/L', analyte: 'bilirubin-total', value: 40, unit: 'umol/L', assumed: false, canonical: 40 / 17.1, name: 'T. bili', whole: 'T. bili 40 umol/L' },
    { text: 'Alb 2.6', analyte: 'albumin', value: 2.6, unit: 'g/dL', assumed: true, canonical: 2.6, name: 'Alb', whole: 'Alb 2.6' },
    { text: 'urea nitrogen (BUN) 62 mg/dL', analyte: 'bun', value: 62, unit: 'mg/dL', assumed: false, canonical: 62, name: 'urea nitrogen', whole: 'urea nitrogen (BUN) 62 mg/dL' },
    { text: 'hemoglobin (16 g/dL)', analyte: 'hemoglobin', value: 16, unit: 'g/dL', assumed: false, canonical: 16, name: 'hemoglobin', whole: 'hemoglobin (16 g/dL' },
    { text: 'NT-proBNP 1,190 pg/mL', analyte: 'nt-probnp', value: 1190, unit: 'pg/mL', assumed: false, canonical: 1190, name: 'NT-proBNP', whole: 'NT-proBNP 1,190 pg/mL' },
    { text: 'hs-TnI 45 ng/L', analyte: 'hs-troponin-i', value: 45, unit: 'ng/L', assumed: false, canonical: 45, name: 'hs-TnI', whole: 'hs-TnI 45 ng/L' },
    { text: 'alkaline phosphatase was elevated at 156', analyte: 'alkaline-phosphatase', value: 156, unit: 'U/L', assumed: true, canonical: 156, name: 'alkaline phosphatase', whole: 'alkaline phosphatase was elevated at 156' },
    { text: 'non-HDL 178 mg/dL', analyte: 'non-hdl-cholesterol', value: 178, unit: 'mg/dL', assumed: false, canonical: 178, name: 'non-HDL', whole: 'non-HDL 178 mg/dL' },
    { text: 'eGFR ~45', analyte: 'egfr', value: 45, unit: 'mL/min/1.73m²', assumed: true, canonical: 45, name: 'eGFR', whole: 'eGFR ~45' },
    { text: 'Ca2+ 1.12', analyte: 'ionized-calcium', value: 1.12, unit: 'mmol/L', assumed: true, canonical: 1.12, name: 'Ca2+', whole: 'Ca2+ 1.12' },
    { text: 'Diff: bands 12%', analyte: 'bands', value: 12, unit: '%', assumed: false, canonical: 12, name: 'bands', whole: 'bands 12%' },
    { text: 'PTT56.1. Heparin held.', analyte: 'ptt', value: 56.1, unit: 's', assumed: true, canonical: 56.1, name: 'PTT', whole: 'PTT56.1' },
  ];
  for (const c of cases) {
    test(JSON.stringify(c.text), () => {
      const lab = one(c.text);
      assert.equal(lab.analyte, c.analyte);
      assert.equal(lab.value, c.value);
      assert.equal(lab.unit, c.unit);
      assert.equal(lab.unitAssumed, c.assumed);
      near(lab.canonical.value, c.canonical);
      assert.equal(lab.canonical.unit, labInfo(c.analyte)?.canonicalUnit);
      assert.equal(slice(c.text, lab.nameSpan), c.name);
      assert.equal(slice(c.text, lab.span), c.whole);
      assert.equal(slice(c.text, lab.valueSpan).replace(/,/g, ''), String(c.value));
      assert.equal(lab.display, labInfo(c.analyte)?.display);
    });
  }
});

describe('findLabs: flags and comparators', () => {
  const flags: [string, LabResult['flag'], string][] = [
    ['K 5.8 (H)', 'H', 'K 5.8 (H)'],
    ['K 5.8 H', 'H', 'K 5.8 H'],
    ['Cr 1.4 mg/dL H', 'H', 'Cr 1.4 mg/dL H'],
    ['Hgb 9.1 L', 'L', 'Hgb 9.1 L'],
    ['Na 118 LL', 'LL', 'Na 118 LL'],
    ['K 6.9 HH', 'HH', 'K 6.9 HH'],
    ['K 2.9 *', 'critical', 'K 2.9 *'],
    ['K 6.8 !', 'critical', 'K 6.8 !'],
    ['Troponin I 2.1 ng/mL (critical)', 'critical', 'Troponin I 2.1 ng/mL (critical)'],
    ['MCV 106 ↑', 'H', 'MCV 106 ↑'],
  ];
  for (const [text, flag, whole] of flags) {
    test(`flag in ${JSON.stringify(text)}`, () => {
      const lab = one(text);
      assert.equal(lab.flag, flag);
      assert.equal(slice(text, lab.span), whole);
    });
  }

  test('a lower-case l after a value is not a flag; h after a value is hours', () => {
    const lab = one('Na 130 l');
    assert.equal(lab.flag, undefined);
    assert.equal(slice('Na 130 l', lab.span), 'Na 130');
    assert.deepEqual(findLabs('K 5.8 h later', []), []);
  });

  test('comparators: symbols and words', () => {
    const text = 'Troponin <0.01 ng/mL, PTT >150, eGFR >= 90, hemoglobin A1c was greater than 9, CRP less than 5';
    const labs = findLabs(text, []);
    assert.deepEqual(
      labs.map((l) => [l.analyte, l.comparator, l.value]),
      [['troponin', '<', 0.01], ['ptt', '>', 150], ['egfr', '>=', 90], ['hba1c', '>', 9], ['crp', '<', 5]],
    );
    checkSpans(text, labs);
  });
});

describe('findLabs: unit inference and conversion', () => {
  const inferred: [string, string, number, string][] = [
    ['creatinine 1.2', 'mg/dL', 1.2, 'mg/dL'],
    ['creatinine 106', 'µmol/L', 106 / 88.42, 'mg/dL'],
    ['glucose 110', 'mg/dL', 110, 'mg/dL'],
    ['glucose 6.1', 'mmol/L', 6.1 * 18.016, 'mg/dL'],
    ['Hgb 9.1', 'g/dL', 9.1, 'g/dL'],
    ['Hgb 91', 'g/L', 9.1, 'g/dL'],
    ['Ca 8.7', 'mg/dL', 8.7, 'mg/dL'],
    ['Ca 2.2', 'mmol/L', 2.2 / 0.2495, 'mg/dL'],
    ['HDL 1.3', 'mmol/L', 1.3 * 38.67, 'mg/dL'],
    ['white count 9,500', '/µL', 9.5, '10^3/µL'],
    ['D-dimer 0.5', 'µg/mL', 500, 'ng/mL'],
    ['troponin 34', 'ng/L', 0.034, 'ng/mL'],
    ['Mg 0.8', 'mmol/L', 0.8 / 0.4114, 'mg/dL'],
    ['Hct 0.35', 'L/L', 35, '%'],
    ['PaCO2 5.3', 'kPa', 5.3 * 7.50062, 'mmHg'],
  ];
  for (const [text, unit, canonical, canonicalUnit] of inferred) {
    test(`infers ${unit} for ${JSON.stringify(text)}`, () => {
      const lab = one(text);
      assert.equal(lab.unit, unit);
      assert.equal(lab.unitAssumed, true);
      near(lab.canonical.value, canonical);
      assert.equal(lab.canonical.unit, canonicalUnit);
    });
  }

  const written: [string, number, string][] = [
    ['BUN 7 mmol/L', 7 / 0.357, 'mg/dL'],
    ['Calcium 2.4 mmol/L', 2.4 / 0.2495, 'mg/dL'],
    ['Total cholesterol 5.2 mmol/L', 5.2 * 38.67, 'mg/dL'],
    ['Triglycerides 2.0 mmol/L', 2.0 * 88.57, 'mg/dL'],
    ['lactate 18 mg/dL', 18 / 9.01, 'mmol/L'],
    ['Mg 2.0 mEq/L', 2.0 * 1.215, 'mg/dL'],
    ['Troponin T 45 ng/L', 0.045, 'ng/mL'],
    ['A1c 53 mmol/mol', 53 * 0.09148 + 2.152, '%'],
    ['CRP 1.8 mg/dL', 18, 'mg/L'],
    ['Plt 3.98 × 10^5/µL', 398, '10^3/µL'],
    ['WBC 14.2 ×10⁹/L', 14.2, '10^3/µL'],
    ['leukocyte count of 4900 cells/mm3', 4.9, '10^3/µL'],
    ['Free T4 15 pmol/L', 15 / 12.87, 'ng/dL'],
    ['Bilirubin 34.2 µmol/L', 2, 'mg/dL'],
  ];
  for (const [text, canonical, canonicalUnit] of written) {
    test(`converts ${JSON.stringify(text)}`, () => {
      const lab = one(text);
      assert.equal(lab.unitAssumed, false);
      near(lab.canonical.value, canonical);
      assert.equal(lab.canonical.unit, canonicalUnit);
      assert.equal(slice(text, lab.span), text);
    });
  }

  test('neutrophils written in % belong to the percentage analyte', () => {
    const lab = one('neutrophils 70%');
    assert.equal(lab.analyte, 'neutrophils-percent');
    assert.equal(lab.canonical.unit, '%');
    assert.equal(one('ANC 500').canonical.value, 0.5);
  });

  test('implausible values are not labs', () => {
    assert.deepEqual(findLabs('Na 14, K 45, pH 9.9, creatinine 99999', []), []);
  });
});

describe('findLabs: compact lines, groups and blood gases', () => {
  test('a chemistry line, in order, each span sliced', () => {
    const text = 'Na 140, K 4.1, Cl 102, HCO3 24, BUN 18, Cr 1.1, Glu 110';
    const labs = findLabs(text, []);
    assert.deepEqual(
      labs.map((l) => [l.analyte, l.value]),
      [['sodium', 140], ['potassium', 4.1], ['chloride', 102], ['bicarbonate', 24], ['bun', 18], ['creatinine', 1.1], ['glucose', 110]],
    );
    assert.deepEqual(labs.map((l) => slice(text, l.span)), ['Na 140', 'K 4.1', 'Cl 102', 'HCO3 24', 'BUN 18', 'Cr 1.1', 'Glu 110']);
    checkSpans(text, labs);
  });

  test('BUN 54, CR 2.8 does not read the 2 twice', () => {
    const text = 'RENAL INSUFFICIENCY- BUN 54, CR 2.8; INR 7 ( ON COUMADIN AT HOME)';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, l.value]), [['bun', 54], ['creatinine', 2.8], ['inr', 7]]);
    checkSpans(text, labs);
  });

  test('BUN/Cr 54/2.8 slash group', () => {
    const text = 'BUN/Cr 54/2.8 today';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, l.value]), [['bun', 54], ['creatinine', 2.8]]);
    assert.equal(slice(text, labs[0]!.span), 'BUN/Cr 54');
    assert.equal(slice(text, labs[1]!.span), '2.8');
    assert.equal(slice(text, labs[1]!.nameSpan), 'Cr');
    checkSpans(text, labs);
  });

  test('PT/PTT and H/H groups (H/H in either order)', () => {
    const text = 'PT/PTT 12.9/21.9, H/H 9.1/27, H/H 33.8/11.2';
    const labs = findLabs(text, []);
    assert.deepEqual(
      labs.map((l) => [l.analyte, l.value]),
      [['pt', 12.9], ['ptt', 21.9], ['hemoglobin', 9.1], ['hematocrit', 27], ['hematocrit', 33.8], ['hemoglobin', 11.2]],
    );
    checkSpans(text, labs);
  });

  test('ABG pH/pCO2/pO2 triplet', () => {
    const text = 'ABG 7.21/55/60 on 40%';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, l.value]), [['ph', 7.21], ['pco2', 55], ['po2', 60]]);
    assert.equal(slice(text, labs[0]!.span), 'ABG 7.21');
    assert.equal(slice(text, labs[2]!.nameSpan), 'ABG');
    checkSpans(text, labs);
  });

  test('ABG in the pO2/pCO2/pH/HCO3/BE order of ICU nursing notes, with a negative base excess', () => {
    const text = 'no cough.ABG 91/42/7.36/25/-1. Occ periods of SOB';
    const labs = findLabs(text, []);
    assert.deepEqual(
      labs.map((l) => [l.analyte, l.value]),
      [['po2', 91], ['pco2', 42], ['ph', 7.36], ['bicarbonate', 25], ['base-excess', -1]],
    );
    checkSpans(text, labs);
  });

  test('blood gases written with commas or dashes; a trailing time or saturation is not a gas value', () => {
    const text = 'abg=135,32,7.43,22,-1,98%\nABG 7.37-49-247-29-99%\nABG 7.35 - 10 minutes later';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, l.value]), [
      ['po2', 135], ['pco2', 32], ['ph', 7.43], ['bicarbonate', 22], ['base-excess', -1],
      ['ph', 7.37], ['pco2', 49], ['po2', 247], ['bicarbonate', 29],
      ['ph', 7.35],
    ]);
    checkSpans(text, labs);
  });

  test('CO2 and BE inside a blood-gas line are pCO2 and base excess', () => {
    const text = 'Abg PH 7.32 CO2 41 PO2 109 BE -3\nCO2 24';
    const labs = findLabs(text, []);
    assert.deepEqual(
      labs.map((l) => [l.analyte, l.value]),
      [['ph', 7.32], ['pco2', 41], ['po2', 109], ['base-excess', -3], ['bicarbonate', 24]],
    );
  });
});

describe('findLabs: ALL CAPS nursing notes and tables', () => {
  test('all-caps shorthand', () => {
    const text = 'O: BUN NOW 50; CR 2.1- URINE OUTPUT IMPROVING SLIGHTLY; K 3.9; HCT 25.4. INR 2.0; PT 17.5; PTT 32.3';
    const labs = findLabs(text, []);
    assert.deepEqual(
      labs.map((l) => [l.analyte, l.value]),
      [['bun', 50], ['creatinine', 2.1], ['potassium', 3.9], ['hematocrit', 25.4], ['inr', 2], ['pt', 17.5], ['ptt', 32.3]],
    );
    checkSpans(text, labs);
  });

  test('a pipe table with units and a flag column', () => {
    const text = '| Test | Result | Units | Flag |\n|---|---|---|---|\n| Sodium | 140 | mmol/L | |\n| Potassium | 5.8 | mmol/L | H |\n';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, l.value, l.unit, l.flag]), [
      ['sodium', 140, 'mmol/L', undefined],
      ['potassium', 5.8, 'mmol/L', 'H'],
    ]);
    assert.equal(slice(text, labs[1]!.span), 'Potassium | 5.8 | mmol/L | H');
  });

  test('a tab-separated table', () => {
    const text = 'Creatinine\t124\tumol/L\t45-90\nHemoglobin\t9.1\tg/dL\t12-16';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, l.value, l.unit]), [['creatinine', 124, 'umol/L'], ['hemoglobin', 9.1, 'g/dL']]);
    checkSpans(text, labs);
  });

  test('a labs section lets ambiguous short names end a line in prose', () => {
    const text = 'Labs:\nPT 14 today\n';
    const labsSection: Section = {
      kind: 'labs',
      title: 'Labs',
      level: 1,
      headingSpan: { start: 0, end: 4 },
      span: { start: 0, end: text.length },
      bodySpan: { start: 5, end: text.length },
    };
    assert.deepEqual(findLabs(text, []), []);
    assert.equal(one(text, [labsSection]).analyte, 'pt');
  });
});

describe('findLabs: what is not a lab', () => {
  const negatives = [
    'PT to see patient tomorrow. PT 5 days a week.',
    'Pt: 34F teacher, pt 57yo',
    'PT REMAINS ON 50 FENTANYL',
    'h/o breast CA, CA 19-9 35, CA 125 elevated',
    'Mg 2 g IV given; 5 MG COUMADIN GIVEN; K 40 mEq PO',
    'insulin 10 units, HR 110, RR 22, BP 120/80, T 98.6',
    'BS clear bilaterally, hypoactive BS, BS+4',
    'keep K >4, Mg >2. A1c goal <7. Transfuse for Hgb <7.',
    'vitamin K 10 mg; vitamin D3 50,000 IU; CK20 positive',
    'the ph of the urine; sodium intake to 1500 to <2000 mg per day',
    'blood sugar 2 to 3 times per day',
    'CK at 1015 and 1815; Hct at 9pm',
    'albumin 25% 50 mL; albumin 25 g',
    'BS 196-281 on sliding scale',
    'Repeat hemoglobin A1c in 6 months. BMP ordered.',
    'K10 and GAD-7 next visit',
    'urine sodium was 61 mEq/L; urinary creatinine 8.3; CSF glucose 40',
    'sodium bicarbonate 650 mg twice daily; calcium carbonate 500 mg',
    'end-tidal CO2 35',
  ];
  for (const text of negatives) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(findLabs(text, []).map((l) => `${l.analyte} ${slice(text, l.span)}`), []);
    });
  }

  test('Ca2+ written in mg/dL is total calcium, in mmol/L ionized calcium', () => {
    assert.equal(one('Ca2+: 10.2 mg/dL').analyte, 'calcium');
    assert.equal(one('Ca2+ 1.12 mmol/L').analyte, 'ionized-calcium');
  });

  test('K is potassium only with a number', () => {
    const text = 'K 5.1 and vitamin K given; K-Dur ordered';
    assert.deepEqual(findLabs(text, []).map((l) => slice(text, l.span)), ['K 5.1']);
  });
});

describe('findLabs: robustness', () => {
  test('empty text and whitespace', () => {
    assert.deepEqual(findLabs('', []), []);
    assert.deepEqual(findLabs('   \n\r\n\t', []), []);
  });

  test('CRLF line endings keep offsets exact', () => {
    const text = 'Labs:\r\nNa 140\r\nK 4.1 (H)\r\nCr 1.2 mg/dL\r\n';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => slice(text, l.span)), ['Na 140', 'K 4.1 (H)', 'Cr 1.2 mg/dL']);
  });

  test('odd Unicode around labs (emoji, micro signs, non-breaking text)', () => {
    const text = '😀 Créatinine? creatinine 124 μmol/L 👍 — Na 140';
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => [l.analyte, slice(text, l.span)]), [
      ['creatinine', 'creatinine 124 μmol/L'],
      ['sodium', 'Na 140'],
    ]);
  });

  test('a very long line', () => {
    const text = `${'word '.repeat(50_000)}Na 140${' filler'.repeat(50_000)} K 4.1`;
    const labs = findLabs(text, []);
    assert.deepEqual(labs.map((l) => slice(text, l.span)), ['Na 140', 'K 4.1']);
  });

  test('linear time on ~5 MB of synthetic note text', () => {
    const block =
      'HPI: 67M with CKD3 and T2DM admitted with weakness after a fall at home. Denies chest pain, fever or ' +
      'dysuria. PT to see tomorrow. BS clear bilaterally. Labs: Na 140, K 4.1, Cl 102, HCO3 24, BUN 18, ' +
      'Cr 1.1, Glu 110. ABG 7.21/55/60 on 40%. Hgb 9.1 L, Plt 45, INR 2.3, trop I 0.45, BUN/Cr 54/2.8. ' +
      'Plan: continue metformin 500 mg twice a day, insulin 10 units at night, recheck BMP in the morning, ' +
      'keep K >4 and Mg >2, follow up with nephrology in 2 weeks.\n';
    const text = block.repeat(Math.ceil(5_000_000 / block.length));
    // CPU time rather than wall time, so a busy test machine does not make the bound flaky.
    const started = process.cpuUsage();
    const labs = findLabs(text, []);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    assert.ok(ms < LINEAR_TIME_BOUND_MS, `took ${ms.toFixed(0)} ms of CPU`);
    assert.equal(labs.length, 16 * Math.ceil(5_000_000 / block.length));
  });

  test('pathological input: long runs of digits, separators and letters', () => {
    const text = `Na ${'1'.repeat(200_000)} K ${'-'.repeat(200_000)} ${'a'.repeat(200_000)} ${'Na '.repeat(100_000)}`;
    const started = process.cpuUsage();
    findLabs(text, []);
    const used = process.cpuUsage(started);
    assert.ok((used.user + used.system) / 1000 < LINEAR_TIME_BOUND_MS);
  });
});

describe('convertLab and labInfo', () => {
  test('round trips between units', () => {
    const trips: [string, number, string, string][] = [
      ['creatinine', 1.2, 'mg/dL', 'µmol/L'],
      ['glucose', 110, 'mg/dL', 'mmol/L'],
      ['bun', 20, 'mg/dL', 'mmol/L'],
      ['calcium', 9.5, 'mg/dL', 'mmol/L'],
      ['hemoglobin', 9.1, 'g/dL', 'g/L'],
      ['hemoglobin', 9.1, 'g/dL', 'mmol/L'],
      ['bilirubin-total', 1.5, 'mg/dL', 'umol/L'],
      ['albumin', 3.5, 'g/dL', 'g/L'],
      ['total-cholesterol', 200, 'mg/dL', 'mmol/L'],
      ['triglycerides', 150, 'mg/dL', 'mmol/L'],
      ['wbc', 14.2, '10^9/L', 'K/uL'],
      ['troponin', 0.04, 'ng/mL', 'ng/L'],
      ['lactate', 2, 'mmol/L', 'mg/dL'],
      ['magnesium', 2, 'mg/dL', 'mEq/L'],
      ['hba1c', 7, '%', 'mmol/mol'],
    ];
    for (const [analyte, value, from, to] of trips) {
      const there = convertLab(analyte, value, from, to);
      assert.ok(there !== undefined, `${analyte} ${from} -> ${to}`);
      const back = convertLab(analyte, there, to, from);
      assert.ok(back !== undefined);
      near(back, value, 1e-9);
    }
  });

  test('reference factors', () => {
    near(convertLab('creatinine', 1, 'mg/dL', 'umol/L') ?? NaN, 88.42);
    near(convertLab('glucose', 18.016, 'mg/dL', 'mmol/L') ?? NaN, 1);
    near(convertLab('BUN', 1, 'mg/dL', 'mmol/L') ?? NaN, 0.357);
    near(convertLab('calcium', 1, 'mg/dL', 'mmol/L') ?? NaN, 0.2495);
    near(convertLab('bilirubin-total', 1, 'mg/dL', 'µmol/L') ?? NaN, 17.1);
    near(convertLab('total-cholesterol', 38.67, 'mg/dL', 'mmol/L') ?? NaN, 1);
    near(convertLab('triglycerides', 88.57, 'mg/dL', 'mmol/L') ?? NaN, 1);
    near(convertLab('lactate', 1, 'mmol/L', 'mg/dL') ?? NaN, 9.01);
    near(convertLab('platelets', 150, 'x10^9/L', 'K/µL') ?? NaN, 150);
    near(convertLab('troponin-i', 0.045, 'ng/mL', 'ng/L') ?? NaN, 45);
    near(convertLab('sodium', 140, 'mEq/L', 'mmol/L') ?? NaN, 140);
    near(convertLab('hba1c', 7, '%', 'mmol/mol') ?? NaN, 53, 0.5);
  });

  test('unknown analytes and units give undefined', () => {
    assert.equal(convertLab('unobtainium', 1, 'mg/dL', 'mmol/L'), undefined);
    assert.equal(convertLab('creatinine', 1, 'mg/dL', 'furlongs'), undefined);
    assert.equal(convertLab('neutrophils', 70, '%', '10^3/µL'), undefined);
    assert.equal(convertLab('creatinine', Number.NaN, 'mg/dL', 'µmol/L'), undefined);
  });

  test('labInfo by id or alias', () => {
    const info = labInfo('creatinine');
    assert.ok(info);
    assert.equal(info.display, 'Creatinine');
    assert.equal(info.loinc, '2160-0');
    assert.equal(info.canonicalUnit, 'mg/dL');
    assert.ok(info.units.some((u) => u.unit === 'µmol/L'));
    assert.equal(labInfo('Cr')?.id, 'creatinine');
    assert.equal(labInfo('nonsense'), undefined);
  });

  test('the knowledge file is consistent', () => {
    assert.ok(labsData.source.includes('LOINC'));
    const ids = new Set<string>();
    for (const a of labsData.analytes) {
      assert.ok(!ids.has(a.id), `duplicate ${a.id}`);
      ids.add(a.id);
      const info = labInfo(a.id);
      assert.ok(info, a.id);
      assert.ok(info.units.some((u) => u.unit === a.canonicalUnit && u.factor === 1 && u.offset === 0), `${a.id} canonical unit`);
      assert.ok(info.units.some((u) => u.unit === a.defaultUnit), `${a.id} default unit`);
      if (info.loinc !== undefined) assert.match(info.loinc, /^\d{1,6}-\d$/);
      for (const u of info.units) {
        assert.ok(u.range[0] <= u.range[1], `${a.id} ${u.unit} range`);
        if (u.redirect) assert.ok(labInfo(u.redirect), `${a.id} redirect`);
      }
    }
    for (const alias of ['Na', 'K', 'Cl', 'HCO3', 'BUN', 'Cr', 'Glu', 'Ca', 'Mg', 'Phos', 'Alb', 'T bili', 'AST', 'ALT', 'ALP', 'lipase',
      'amylase', 'lactate', 'WBC', 'Hgb', 'Hct', 'Plt', 'MCV', 'ANC', 'INR', 'PT', 'PTT', 'fibrinogen', 'D-dimer', 'troponin I',
      'hs-TnT', 'BNP', 'NT-proBNP', 'CK', 'CRP', 'procalcitonin', 'ESR', 'TSH', 'free T4', 'HbA1c', 'pH', 'pCO2', 'pO2',
      'base excess', 'ionized calcium', 'ammonia', 'uric acid', 'LDL', 'HDL', 'total cholesterol', 'triglycerides', 'osmolality',
      'ferritin']) {
      assert.ok(labInfo(alias), alias);
    }
  });
});
