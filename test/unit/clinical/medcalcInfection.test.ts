/**
 * Options added to the infection calculators while reviewing MedCalc-Bench misses: the original
 * (unmodified) Centor score, and the pediatric, age-specific SIRS criteria (Goldstein 2005). Each
 * patient is made up and scored by hand from the publication's criteria.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { centorMcIsaac, sirs } from '../../../server/src/clinical/calculators/infection';
import type { CalcInputs, Calculator } from '../../../server/src/clinical/calculators/types';

function value(calc: Calculator, inputs: CalcInputs): number {
  const r = calc.compute(inputs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value as number;
}

describe('Centor: McIsaac by default, the original four criteria on request', () => {
  // Child of 7, 37.9 °C, no cough, exudate, no nodes: McIsaac 1 (age) + 0 + 1 + 0 + 1 = 3; original Centor 0 + 1 + 0 + 1 = 2.
  const child = { age: 7, temperature: 37.9, coughAbsent: true, exudate: true };
  test('a child of 7 scores the McIsaac age point by default, none in the original score', () => {
    assert.equal(value(centorMcIsaac, child), 3);
    assert.equal(value(centorMcIsaac, { ...child, variant: 'McIsaac (age-adjusted)' }), 3);
    assert.equal(value(centorMcIsaac, { ...child, variant: 'Centor (original, 1981)' }), 2);
    assert.equal(value(centorMcIsaac, { ...child, variant: 'original' }), 2);
  });

  test('the original score has no −1 for age ≥ 45: 50, 38.5 °C, nodes = 2 (McIsaac 1)', () => {
    const adult = { age: 50, temperature: 38.5, nodes: true };
    assert.equal(value(centorMcIsaac, adult), 1);
    assert.equal(value(centorMcIsaac, { ...adult, variant: 'Centor (original, 1981)' }), 2);
  });

  test('an unknown variant is an input error', () => {
    const r = centorMcIsaac.compute({ ...child, variant: 'Centor 2000' });
    assert.equal(r.ok, false);
  });
});

describe('SIRS: adult criteria by default, pediatric (Goldstein 2005) on request', () => {
  const pediatric = 'Pediatric (Goldstein 2005)';

  test('20-month-old, 37 °C, HR 112, RR 56, WBC 22 000/µL: adult 3; pediatric (1-5 year band) 0 + 0 + 1 + 1 = 2', () => {
    const toddler = { temperature: 37, heartRate: 112, respiratoryRate: 56, wbc: { value: 22000, unit: 'µL' }, age: { value: 20, unit: 'months' } };
    assert.equal(value(sirs, toddler), 3);
    assert.equal(value(sirs, { ...toddler, criteria: pediatric }), 2);
  });

  test('the adult count says when the patient is a child', () => {
    const r = sirs.compute({ temperature: 37, heartRate: 112, respiratoryRate: 56, wbc: 22, age: 1.5 });
    assert.ok(r.ok && /pediatric criteria/.test(r.explanation));
  });

  test('pediatric fever is > 38.5 °C: 38.3 °C scores in adults, not in children', () => {
    const base = { temperature: 38.3, heartRate: 80, respiratoryRate: 16, wbc: 8, age: 8 };
    assert.equal(value(sirs, base), 1);
    assert.equal(value(sirs, { ...base, criteria: pediatric }), 0);
    assert.equal(value(sirs, { ...base, temperature: 38.6, criteria: pediatric }), 1);
  });

  test('age bands: school age 8 y, HR 131 (> 130), RR 19 (> 18), WBC 4.4 (< 4.5) = 3; adolescent 15 y, HR 111, RR 15, WBC 11.5 = 3', () => {
    assert.equal(value(sirs, { temperature: 37, heartRate: 131, respiratoryRate: 19, wbc: 4.4, age: 8, criteria: pediatric }), 3);
    assert.equal(value(sirs, { temperature: 37, heartRate: 130, respiratoryRate: 18, wbc: 4.5, age: 8, criteria: pediatric }), 0);
    assert.equal(value(sirs, { temperature: 37, heartRate: 111, respiratoryRate: 15, wbc: 11.5, age: 15, criteria: pediatric }), 3);
  });

  test('bradycardia counts in infants only: HR 85 at 6 months (< 90) scores, at 3 years it does not', () => {
    assert.equal(value(sirs, { temperature: 37, heartRate: 85, respiratoryRate: 30, wbc: 10, age: { value: 6, unit: 'months' }, criteria: pediatric }), 1);
    assert.equal(value(sirs, { temperature: 37, heartRate: 85, respiratoryRate: 20, wbc: 10, age: 3, criteria: pediatric }), 0);
  });

  test('from 12 months the 1-5 year thresholds apply: 18 months, HR 150 (> 140), RR 30 (> 22) = 2; HR 85 is no bradycardia', () => {
    const age = { value: 18, unit: 'months' };
    assert.equal(value(sirs, { temperature: 37, heartRate: 150, respiratoryRate: 30, wbc: 10, age, criteria: pediatric }), 2);
    assert.equal(value(sirs, { temperature: 37, heartRate: 85, respiratoryRate: 20, wbc: 10, age, criteria: pediatric }), 0);
  });

  test('the explanation says whether the count is pediatric SIRS: ≥ 2 criteria, one of them temperature or WBC', () => {
    const hrRr = sirs.compute({ temperature: 37, heartRate: 150, respiratoryRate: 30, wbc: 10, age: 3, criteria: pediatric });
    assert.ok(hrRr.ok && hrRr.value === 2 && /Not pediatric SIRS.*neither is met/.test(hrRr.explanation), hrRr.ok ? hrRr.explanation : '');
    const fever = sirs.compute({ temperature: 39, heartRate: 150, respiratoryRate: 20, wbc: 10, age: 3, criteria: pediatric });
    assert.ok(fever.ok && fever.value === 2 && /Pediatric SIRS: ≥ 2 criteria/.test(fever.explanation));
  });

  test('newborn (3 days): RR 55 (> 50) and WBC 36 (> 34) = 2; bands > 10 % meet the WBC criterion', () => {
    assert.equal(value(sirs, { temperature: 37, heartRate: 150, respiratoryRate: 55, wbc: 36, age: { value: 3, unit: 'days' }, criteria: pediatric }), 2);
    assert.equal(value(sirs, { temperature: 37, heartRate: 100, respiratoryRate: 20, wbc: 10, bands: 12, age: 4, criteria: pediatric }), 1);
  });

  test('pediatric criteria need an age under 18', () => {
    const base = { temperature: 37, heartRate: 100, respiratoryRate: 20, wbc: 10, criteria: pediatric };
    const missing = sirs.compute(base);
    assert.ok(!missing.ok && missing.missing.includes('Age'));
    assert.equal(sirs.compute({ ...base, age: 30 }).ok, false);
  });
});
