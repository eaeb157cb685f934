import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { criteriaOutcome } from '../../../server/src/clinical/scores/criteria';
import { computeMap, computeShockIndex } from '../../../server/src/clinical/scores/hemodynamics';
import { computeQsofa } from '../../../server/src/clinical/scores/qsofa';
import { computeSirs } from '../../../server/src/clinical/scores/sirs';
import type { CriteriaScore } from '../../../server/src/clinical/scores/types';
import { lab, model, slice, vital } from './scoresFixtures';

const met = (s: CriteriaScore, id: string) => s.criteria.find((c) => c.id === id)?.met;

describe('qSOFA (Sepsis-3)', () => {
  const q = (rr: number, sbp: number, loc: Parameters<typeof vital.loc>[1]) => {
    const text = `RR ${rr}, BP ${sbp}/60, mental status M`;
    return computeQsofa(model(text, [vital.rr(text, rr), vital.bp(text, sbp, 60), vital.loc(text, loc, 'M')]));
  };

  test('respiratory rate ≥ 22 and systolic ≤ 100 at their edges', () => {
    assert.equal(met(q(21, 120, { acvpu: 'A' }), 'respiratory-rate'), false);
    assert.equal(met(q(22, 120, { acvpu: 'A' }), 'respiratory-rate'), true);
    assert.equal(met(q(18, 101, { acvpu: 'A' }), 'systolic-bp'), false);
    assert.equal(met(q(18, 100, { acvpu: 'A' }), 'systolic-bp'), true);
  });

  test('altered mentation: GCS < 15, new confusion, or not Alert', () => {
    assert.equal(met(q(18, 120, { gcs: 15 }), 'altered-mentation'), false);
    assert.equal(met(q(18, 120, { gcs: 14 }), 'altered-mentation'), true);
    assert.equal(met(q(18, 120, { acvpu: 'V' }), 'altered-mentation'), true);
    assert.equal(met(q(18, 120, { acvpu: 'A', newConfusion: true }), 'altered-mentation'), true);
    assert.equal(met(q(18, 120, { gcs: 15, newConfusion: true }), 'altered-mentation'), true);
  });

  test('score and outcome', () => {
    const all = q(24, 90, { gcs: 13 });
    assert.equal(all.score, 3);
    assert.equal(all.outcome, 'positive');
    assert.equal(q(18, 120, { acvpu: 'A' }).outcome, 'negative');
    assert.equal(q(24, 120, { acvpu: 'A' }).score, 1);
  });

  test('missing inputs: listed, and the outcome indeterminate when they could decide it', () => {
    const text = 'RR 24';
    const s = computeQsofa(model(text, [vital.rr(text, 24)]));
    assert.deepEqual(s.missing, ['altered-mentation', 'systolic-bp']);
    assert.equal(s.score, 1);
    assert.equal(s.outcome, 'indeterminate');
    assert.equal(slice(text, s.criteria[0]?.inputs[0]?.span), '24');
    const none = computeQsofa(model(''));
    assert.equal(none.criteria.length, 0);
    assert.equal(none.outcome, 'indeterminate');
  });

  test('outcome logic', () => {
    assert.equal(criteriaOutcome(2, 1, 2), 'positive');
    assert.equal(criteriaOutcome(0, 1, 2), 'negative');
    assert.equal(criteriaOutcome(1, 1, 2), 'indeterminate');
    assert.equal(criteriaOutcome(0, 2, 2), 'indeterminate');
  });
});

describe('SIRS (ACCP/SCCM 1992)', () => {
  const vitalsText = 'T 38.1 HR 91 RR 21';

  test('temperature > 38 or < 36 at the edges', () => {
    const s = (t: number) => {
      const text = `T ${t}`;
      return met(computeSirs(text, model(text, [vital.temp(text, t)])), 'temperature');
    };
    assert.equal(s(38.0), false);
    assert.equal(s(38.1), true);
    assert.equal(s(36.0), false);
    assert.equal(s(35.9), true);
  });

  test('heart rate > 90 and respiratory rate > 20 at the edges', () => {
    const s = (hr: number, rr: number) => {
      const text = `HR ${hr} RR ${rr}`;
      return computeSirs(text, model(text, [vital.hr(text, hr), vital.rr(text, rr)]));
    };
    assert.equal(met(s(90, 20), 'heart-rate'), false);
    assert.equal(met(s(91, 20), 'heart-rate'), true);
    assert.equal(met(s(90, 20), 'respiratory'), false);
    assert.equal(met(s(90, 21), 'respiratory'), true);
  });

  test('PaCO2 < 32 meets the respiratory criterion; a venous pCO2 is not used', () => {
    const text = 'RR 16. ABG 7.48/31/80';
    const s = computeSirs(text, model(text, [vital.rr(text, 16)], { labs: [lab(text, 'pco2', 31, 'mmHg')] }));
    assert.equal(met(s, 'respiratory'), true);
    assert.deepEqual(s.criteria.find((c) => c.id === 'respiratory')?.inputs.map((i) => [i.input, i.met]), [
      ['respiratory-rate', false],
      ['paco2', true],
    ]);
    const edge = 'ABG pCO2 32';
    assert.equal(met(computeSirs(edge, model(edge, [], { labs: [lab(edge, 'pco2', 32, 'mmHg')] })), 'respiratory'), false);
    const vbg = 'VBG 7.30/31/40';
    const v = computeSirs(vbg, model(vbg, [], { labs: [lab(vbg, 'pco2', 31, 'mmHg')] }));
    assert.ok(v.missing.includes('respiratory'));
  });

  test('WBC > 12 or < 4, or bands > 10 %', () => {
    const w = (value: number) => {
      const text = `WBC ${value}`;
      return met(computeSirs(text, model(text, [], { labs: [lab(text, 'wbc', value, '10^3/µL')] })), 'white-cells');
    };
    assert.equal(w(12), false);
    assert.equal(w(12.1), true);
    assert.equal(w(4), false);
    assert.equal(w(3.9), true);
    const text = 'WBC 9.0, bands 11%';
    const s = computeSirs(text, model(text, [], { labs: [lab(text, 'wbc', 9, '10^3/µL', '9.0'), lab(text, 'bands', 11, '%')] }));
    assert.equal(met(s, 'white-cells'), true);
  });

  test('score, outcome and missing criteria', () => {
    const s = computeSirs(vitalsText, model(vitalsText, [vital.temp(vitalsText, 38.1), vital.hr(vitalsText, 91), vital.rr(vitalsText, 21)]));
    assert.equal(s.score, 3);
    assert.equal(s.maxScore, 4);
    assert.deepEqual(s.missing, ['white-cells']);
    assert.equal(s.outcome, 'positive');
    const one = 'HR 80';
    const n = computeSirs(one, model(one, [vital.hr(one, 80)]));
    assert.equal(n.outcome, 'indeterminate');
    assert.deepEqual(n.missing, ['temperature', 'respiratory', 'white-cells']);
  });
});

describe('shock index and MAP', () => {
  const si = (hr: number, sbp: number) => {
    const text = `HR ${hr} BP ${sbp}/70`;
    return computeShockIndex(model(text, [vital.hr(text, hr), vital.bp(text, sbp, 70)]));
  };

  test('shock index is HR ÷ SBP, flagged at 1.0 or more', () => {
    assert.equal(si(100, 100).value, 1);
    assert.equal(si(100, 100).elevated, true);
    assert.equal(si(99, 100).elevated, false);
    assert.equal(si(120, 90).value, 1.33);
    assert.equal(si(70, 140).value, 0.5);
  });

  test('shock index with an input missing', () => {
    const text = 'HR 120';
    const r = computeShockIndex(model(text, [vital.hr(text, 120)]));
    assert.equal(r.value, undefined);
    assert.deepEqual(r.missing, ['systolic-bp']);
    assert.equal(slice(text, r.heartRate?.span), '120');
  });

  test('MAP is (SBP + 2·DBP) / 3, low below 65', () => {
    const map = (s: number, d: number) => {
      const text = `BP ${s}/${d}`;
      return computeMap(model(text, [vital.bp(text, s, d)]));
    };
    assert.equal(map(120, 80).value, 93);
    assert.equal(map(120, 80).low, false);
    assert.equal(map(90, 50).value, 63);
    assert.equal(map(90, 50).low, true);
    assert.equal(map(95, 50).value, 65);
    assert.equal(map(95, 50).low, false);
    const r = map(142, 88);
    assert.equal(r.systolic, 142);
    assert.equal(r.diastolic, 88);
    assert.deepEqual(computeMap(model('')).missing, ['blood-pressure']);
  });
});
