/**
 * Fixes found while reviewing the renal, liver and lipid MedCalc-Bench misses: a platelet count
 * written "N × 10^6/L" (exponent slipped from 10^9) is read as N × 10^9/L.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fib4 } from '../../../server/src/clinical/calculators/hepatology';
import { toCount } from '../../../server/src/clinical/calculators/units';

describe('counts per litre with a slipped exponent', () => {
  test('119 × 10^6/L platelets (0.119 × 10^9/L, not compatible with life) is read as 119 × 10^9/L, with a note', () => {
    const c = toCount('platelets', 119e6, 'L');
    assert.ok(c.ok && c.value === 119 && c.note !== undefined, JSON.stringify(c));
  });

  test('a plausible per-litre count is untouched, and a plausible low WBC is not rescaled', () => {
    const plt = toCount('platelets', 147e9, 'L');
    assert.ok(plt.ok && plt.value === 147 && plt.note === undefined);
    const wbc = toCount('wbc', 0.2e9, 'L');
    assert.ok(wbc.ok && wbc.value === 0.2 && wbc.note === undefined);
  });

  test('only platelets are rescaled: a WBC of 10 × 10^6/L (0.01 × 10^9/L, aplasia) stays as written', () => {
    const wbc = toCount('wbc', 10e6, 'L');
    assert.ok(wbc.ok && wbc.value === 0.01, JSON.stringify(wbc));
  });

  test('FIB-4 with platelets 119 × 10^6/L: (62 × 2452) / (119 × √1161) = 37.493', () => {
    const r = fib4.compute({ age: 62, ast: 2452, alt: 1161, platelets: { value: 119e6, unit: 'L' } });
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.equal(r.value, 37.493);
  });
});
