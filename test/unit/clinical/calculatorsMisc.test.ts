/**
 * Lipids, HOMA-IR, drug conversions, pregnancy dating, unit conversion, the registry and the
 * MedCalc-Bench entity adapter.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conceptionDate, dueDate, gestationalAge } from '../../../server/src/clinical/calculators/dates';
import { morphineEquivalents, steroidConversion } from '../../../server/src/clinical/calculators/drugs';
import { CALCULATORS, calculatorById, calculatorForMedcalcId, computeFromMedcalc, inputsFromMedcalc } from '../../../server/src/clinical/calculators/index';
import { homaIr, ldlFriedewald } from '../../../server/src/clinical/calculators/metabolic';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';
import { toCelsius, toCm, toConcentration, toCount, toDose, toKg } from '../../../server/src/clinical/calculators/units';

function value(calc: Calculator, inputs: CalcInputs): number | string {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
}

const converted = (c: ReturnType<typeof toKg>): number => {
  assert.ok(c.ok, c.ok ? '' : c.error);
  return c.value;
};
const near = (actual: number, expected: number, tol = 0.01): void => assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≉ ${expected}`);

describe('lipids and glucose', () => {
  test('Friedewald LDL: 200 − 50 − 150/5 = 120 mg/dL; warns above TG 400', () => {
    assert.equal(value(ldlFriedewald, { totalCholesterol: 200, hdl: 50, triglycerides: 150 }), 120);
    const r = ldlFriedewald.compute({ totalCholesterol: 300, hdl: 40, triglycerides: 500 });
    assert.ok(r.ok && /not valid/.test(r.explanation));
  });

  test('LDL from mmol/L: TC 5.17 (199.9), HDL 1.29 (49.9), TG 1.69 (149.7) → ≈ 120 mg/dL', () => {
    near(value(ldlFriedewald, { totalCholesterol: { value: 5.17, unit: 'mmol/L' }, hdl: { value: 1.29, unit: 'mmol/L' }, triglycerides: { value: 1.69, unit: 'mmol/L' } }) as number, 120, 0.5);
  });

  test('HOMA-IR: 100 × 10 / 405 = 2.469; 5.55 mmol/L glucose and 60 pmol/L insulin give the same', () => {
    assert.equal(value(homaIr, { glucose: 100, insulin: 10 }), 2.469);
    near(value(homaIr, { glucose: { value: 5.55, unit: 'mmol/L' }, insulin: { value: 60, unit: 'pmol/L' } }) as number, 2.469, 0.01);
  });
});

describe('drug conversions', () => {
  test('MME (CDC 2022): oxycodone 10 mg × 4 (60) + morphine 15 mg × 2 (30) = 90', () => {
    assert.equal(value(morphineEquivalents, { oxycodoneDose: 10, oxycodonePerDay: 4, morphineDose: 15, morphinePerDay: 2 }), 90);
  });

  test('MME: hydromorphone 4 mg × 4 is 80 (CDC 2022, × 5) or 64 (CDC 2016, × 4); methadone 30 mg/day is × 4.7 or × 8', () => {
    assert.equal(value(morphineEquivalents, { hydromorphoneDose: 4, hydromorphonePerDay: 4 }), 80);
    assert.equal(value(morphineEquivalents, { hydromorphoneDose: 4, hydromorphonePerDay: 4, guideline: 'CDC 2016' }), 64);
    assert.equal(value(morphineEquivalents, { methadoneDose: 10, methadonePerDay: 3 }), 141);
    assert.equal(value(morphineEquivalents, { methadoneDose: 10, methadonePerDay: 3, guideline: 'CDC 2016' }), 240);
  });

  test('MME: fentanyl patch 25 µg/h × 2.4 = 60; buccal 200 µg (0.2 mg) × 0.13 = 26; no opioid is an error', () => {
    assert.equal(value(morphineEquivalents, { fentanylPatchDose: 25 }), 60);
    assert.equal(value(morphineEquivalents, { fentanylBuccalDose: { value: 0.2, unit: 'mg' }, fentanylBuccalPerDay: 1 }), 26);
    const r = morphineEquivalents.compute({});
    assert.ok(!r.ok && r.missing[0] === 'an opioid dose');
  });

  test('steroids: prednisone 40 mg = dexamethasone 6 mg; hydrocortisone IV 100 mg = methylprednisolone PO 20 mg', () => {
    assert.equal(value(steroidConversion, { fromDrug: 'Prednisone', dose: 40, toDrug: 'Dexamethasone' }), 6);
    assert.equal(value(steroidConversion, { fromDrug: 'Hydrocortisone IV', dose: 100, toDrug: 'MethylPrednisoLONE PO' }), 20);
  });

  test('steroids: an unknown drug is an error listing the choices', () => {
    const r = steroidConversion.compute({ fromDrug: 'fludrocortisone', dose: 1, toDrug: 'prednisone' });
    assert.ok(!r.ok && /not one of/.test(r.error));
  });
});

describe('pregnancy dating', () => {
  test("due date (Naegele): LMP 01/01/2024 → 10/08/2024; a 32-day cycle adds 4 days; ISO input accepted", () => {
    assert.equal(value(dueDate, { lmp: '01/01/2024' }), '10/08/2024');
    assert.equal(value(dueDate, { lmp: '2024-01-01', cycleLength: 32 }), '10/12/2024');
  });

  test('due date clamps the month end: 05/31/2023 + 9 months = 02/29/2024 (leap year), + 7 days = 03/07/2024', () => {
    assert.equal(value(dueDate, { lmp: '5/31/2023', cycleLength: 28 }), '03/07/2024');
  });

  test('conception: LMP + (cycle − 14): 01/15/2024 for 28 days, 01/17/2024 for 30', () => {
    assert.equal(value(conceptionDate, { lmp: '01/01/2024' }), '01/15/2024');
    assert.equal(value(conceptionDate, { lmp: '01/01/2024', cycleLength: 30 }), '01/17/2024');
  });

  test('gestational age: 01/01/2024 to 03/01/2024 is 60 days (8 weeks 4 days)', () => {
    const r = gestationalAge.compute({ lmp: '01/01/2024', currentDate: '03/01/2024' });
    assert.ok(r.ok && r.value === 60 && /8 weeks 4 days/.test(r.explanation));
  });

  test('bad dates are errors: 02/30/2024, a date before the LMP, empty text', () => {
    assert.equal(dueDate.compute({ lmp: '02/30/2024' }).ok, false);
    assert.equal(gestationalAge.compute({ lmp: '03/01/2024', currentDate: '01/01/2024' }).ok, false);
    const r = dueDate.compute({ lmp: '   ' });
    assert.ok(!r.ok && r.missing[0] === 'Last menstrual period');
  });
});

describe('units', () => {
  test('mass and length', () => {
    near(converted(toKg(154.3236, 'lbs')), 70, 0.001);
    near(converted(toKg(2180, 'g')), 2.18, 1e-9);
    near(converted(toCm(6, 'ft')), 182.88, 1e-9);
    near(converted(toCm(1.75, ' M ')), 175, 1e-9);
    assert.equal(toKg(1, 'stone').ok, false);
  });

  test('temperature, including misspelt units and a Celsius value labelled Fahrenheit', () => {
    near(converted(toCelsius(98.6, 'degrees fahrenheit')), 37, 1e-9);
    near(converted(toCelsius(38.2, 'degrees celsisus')), 38.2, 1e-9);
    const c = toCelsius(34, 'degrees fahreinheit');
    assert.ok(c.ok && c.value === 34 && c.note !== undefined);
  });

  test('concentrations through molar mass: creatinine, glucose, BUN, bilirubin; Greek mu and "umol" spellings', () => {
    near(converted(toConcentration('creatinine', 88.4, 'µmol/L')), 1, 0.001);
    near(converted(toConcentration('creatinine', 88.4, 'μmol/L')), 1, 0.001);
    near(converted(toConcentration('creatinine', 88.4, 'umol/L')), 1, 0.001);
    near(converted(toConcentration('glucose', 5.5, 'mmol/L')), 99.09, 0.01);
    near(converted(toConcentration('bun', 10, 'mmol/L')), 28.02, 0.01);
    near(converted(toConcentration('bilirubin', 34.2, 'µmol/L')), 2, 0.001);
    near(converted(toConcentration('sodium', 140, 'mEq/L')), 140, 1e-9);
    assert.equal(toConcentration('creatinine', 1, 'furlongs').ok, false);
  });

  test('cell counts: per µL, per mm³, per L and 10⁹/L', () => {
    near(converted(toCount('platelets', 150000, 'µL')), 150, 1e-9);
    near(converted(toCount('wbc', 9400, 'cells/mm3')), 9.4, 1e-9);
    near(converted(toCount('platelets', 147e9, 'L')), 147, 1e-9);
    near(converted(toCount('wbc', 12, '10^9/L')), 12, 1e-9);
    const odd = toCount('wbc', 9400, 'm^3');
    assert.ok(odd.ok && odd.value === 9.4 && odd.note !== undefined);
  });

  test('doses and rates', () => {
    near(converted(toDose(0.1, 'mcg/kg/min', 'µg/kg/min')), 0.1, 1e-12);
    near(converted(toDose(0.1, 'mg/kg/min', 'µg/kg/min')), 100, 1e-9);
    near(converted(toDose(50, 'mL/h', 'mL/day')), 1200, 1e-9);
    assert.equal(toDose(1, 'mg', 'µg/kg/min').ok, false);
  });
});

describe('inputs and errors', () => {
  test('no inputs lists every required input', () => {
    const r = calculatorById('ckd-epi-2021')!.compute({});
    assert.ok(!r.ok);
    assert.deepEqual(r.missing, ['Age', 'Sex', 'Serum creatinine']);
  });

  test('negative, non-numeric and non-finite values are errors, never NaN', () => {
    const ckd = calculatorById('ckd-epi-2021')!;
    for (const creatinine of [-1, 'abc', Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = ckd.compute({ age: 50, sex: 'Female', creatinine });
      assert.equal(r.ok, false, String(creatinine));
    }
  });

  test('a numeric string is read as a number; absent booleans are false; "not mentioned" is false', () => {
    assert.equal(value(calculatorById('cha2ds2-vasc')!, { age: '80', sex: 'Female', chf: 'not mentioned' }), 3);
  });

  test('every result explains itself with at least one line', () => {
    const r = calculatorById('bmi')!.compute({ weight: 70, height: 175 });
    assert.ok(r.ok && r.explanation.length > 0 && r.unit === 'kg/m²');
  });
});

describe('registry', () => {
  test('55 calculators, unique kebab-case ids, every MedCalc-Bench calculator covered once', () => {
    assert.equal(CALCULATORS.length, 55);
    const ids = CALCULATORS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const medcalc = CALCULATORS.flatMap((c) => c.medcalc.ids);
    assert.equal(new Set(medcalc).size, 55);
    assert.equal(calculatorForMedcalcId(2)?.id, 'cockcroft-gault');
    assert.equal(calculatorForMedcalcId(12), undefined);
  });

  test('every calculator has a reference URL, labelled inputs with unique keys, and rejects empty input cleanly', () => {
    for (const c of CALCULATORS) {
      assert.match(c.reference.url, /^https:\/\//, c.id);
      assert.ok(c.reference.title.length > 10, c.id);
      const keys = c.inputs.map((i) => i.key);
      assert.equal(new Set(keys).size, keys.length, c.id);
      for (const i of c.inputs) assert.ok(i.label.length > 0, `${c.id}.${i.key}`);
      const r = c.compute({});
      if (r.ok) assert.equal(typeof r.value === 'number' ? Number.isFinite(r.value) : true, true, c.id);
      else assert.ok(r.error.length > 0, c.id);
    }
  });

  test('MedCalc-Bench entities: [value, unit] pairs, [name, value, unit] steroid entries, booleans from either key', () => {
    const cg = computeFromMedcalc(2, { sex: 'Male', age: [60, 'years'], weight: [72, 'kg'], creatinine: [88.4, 'µmol/L'] });
    assert.ok(cg?.ok && Math.abs((cg.value as number) - 80) < 0.01);
    const steroid = computeFromMedcalc(24, { 'input steroid': ['PredniSONE PO', 40, 'mg'], 'target steroid': 'Dexamethasone IV' });
    assert.ok(steroid?.ok && steroid.value === 6);
    const rcri = calculatorById('rcri')!;
    const inputs = inputsFromMedcalc(rcri, { 'History of cerebrovascular disease': true, 'Cerebrovascular disease history': false, 'Pre-operative creatinine': [1, 'mg/dL'] });
    assert.equal(inputs['cerebrovascular'], true);
    assert.equal(computeFromMedcalc(12, {}), undefined);
  });
});
