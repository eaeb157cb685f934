import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accept, asserted, compileCues, indexTokens, matchCues } from '../../../server/src/clinical/scores/cues';
import { formatCriteria, formatNews2, formatTriageSummary, news2Hints } from '../../../server/src/clinical/scores/format';
import { computeTriage } from '../../../server/src/clinical/scores/triage';
import type { Triage } from '../../../server/src/clinical/scores/types';
import { parseNote } from '../../../server/src/note/parseNote';
import type { Assertion } from '../../../server/src/note/types';
import { allAffirmed, model, slice, vital } from './scoresFixtures';
import { LINEAR_TIME_BOUND_MS } from '../../support/linearTime';

const triage = (text: string): Triage => computeTriage(text, parseNote(text));

describe('cue matcher', () => {
  const m = compileCues(
    [
      { id: 'xr', label: 'X-ray', phrases: ['x ray', 'xray'] },
      { id: 'cp', label: 'chest pain', phrases: ['chest pain'] },
      { id: 'cpl', label: 'chest pain long', phrases: ['chest pain radiating'] },
    ],
    ['chest pain free', 'poc troponin'],
  );
  const find = (text: string) => matchCues(indexTokens(text), m).map((c) => [c.id, slice(text, c.span)]);

  test('punctuation between words is ignored, case too', () => {
    assert.deepEqual(find('CXR? No: X-ray, x ray, XRAY and X–ray'), [
      ['xr', 'X-ray'],
      ['xr', 'x ray'],
      ['xr', 'XRAY'],
      ['xr', 'X–ray'],
    ]);
  });

  test('leftmost-longest, and excluded phrases hide what they cover', () => {
    assert.deepEqual(find('chest pain radiating to jaw; chest pain free now'), [['cpl', 'chest pain radiating']]);
  });

  test('phrases do not cross line breaks or clause punctuation', () => {
    assert.deepEqual(find('chest\npain, chest. pain, chest\r\npain'), []);
    assert.deepEqual(find('chest  pain'), [['cp', 'chest  pain']]);
  });

  test('ranges restrict where a match may lie', () => {
    const text = 'chest pain | chest pain';
    const r = matchCues(indexTokens(text), m, [{ start: 11, end: text.length }]);
    assert.deepEqual(r.map((c) => c.span.start), [13]);
  });

  test('assertion filters', () => {
    const text = 'chest pain';
    const found = matchCues(indexTokens(text), m);
    const a = (certainty: Assertion['certainty'], temporality: Assertion['temporality'] = 'recent'): (() => Assertion) => () => ({
      certainty,
      temporality,
      experiencer: 'patient',
      cues: [],
    });
    assert.equal(asserted(found, a('negated'), accept.suspectedCurrent).length, 0);
    assert.equal(asserted(found, a('possible'), accept.suspectedCurrent).length, 1);
    assert.equal(asserted(found, a('possible'), accept.affirmedCurrent).length, 0);
    assert.equal(asserted(found, a('affirmed', 'historical'), accept.affirmedKnown).length, 1);
    assert.equal(asserted(found, a('affirmed', 'hypothetical'), accept.affirmedKnown).length, 0);
  });

  test('odd Unicode: accents, emoji and astral characters keep offsets right', () => {
    const text = '😀 Café 𝒳 — chest pain ✓';
    const r = matchCues(indexTokens(text), m);
    assert.equal(slice(text, r[0]?.span), 'chest pain');
  });
});

describe('whole notes', () => {
  const sepsis = [
    'CC: fever and confusion',
    'HPI: 78 year old woman from a nursing home with fever, cough and new confusion since this morning.',
    'Vitals: T 39.2 C, HR 124, BP 92/54, RR 26, SpO2 90% on 4L NC.',
    'Labs: WBC 18.2',
    'Assessment: concern for sepsis, likely pneumonia.',
    'Plan:',
    '- blood cultures, CBC, CMP, lactate',
    '- CXR',
    '- IV fluids',
    '',
  ].join('\n');

  test('a septic patient: NEWS2 high, qSOFA and SIRS positive, ESI 2', () => {
    const t = triage(sepsis);
    assert.equal(t.news2.risk, 'high');
    assert.equal(t.news2.partial, false);
    assert.ok(t.news2.total >= 7);
    assert.equal(t.qsofa.outcome, 'positive');
    assert.equal(t.sirs.outcome, 'positive');
    assert.equal(t.sirs.score, 4);
    assert.equal(t.shockIndex.elevated, true);
    assert.equal(t.esi.level, 2);
    assert.ok(t.esi.evidence.some((e) => slice(sepsis, e.span) === 'sepsis'));
    assert.match(formatTriageSummary(t), /^Triage: ESI 2 · NEWS2 \d+ \(high\) · qSOFA 3 · shock index 1\.\d\d$/);
  });

  test('inlay hints point at the vitals with their points', () => {
    const hints = news2Hints(triage(sepsis).news2);
    const byText = new Map(hints.map((h) => [slice(sepsis, h.span), h]));
    assert.equal(byText.get('124')?.label, '+2');
    assert.equal(byText.get('26')?.label, '+3');
    assert.equal(byText.get('4L NC')?.label, '+2');
    assert.match(byText.get('92/54')?.tooltip ?? '', /^NEWS2 systolic BP: 91–100 → 2 \(RCP 2017\)$/);
  });

  const ankle = [
    'CC: right ankle injury',
    'HPI: 24 year old man twisted his right ankle playing soccer. Denies chest pain.',
    'Vitals: BP 128/76, HR 78, RR 14, T 36.8, SpO2 99% on room air. Alert.',
    'Plan: ankle X-ray, ibuprofen PO, crutches.',
  ].join('\n');

  test('a sprained ankle: NEWS2 0, ESI 4 for one X-ray', () => {
    const t = triage(ankle);
    assert.equal(t.news2.total, 0);
    assert.equal(t.news2.risk, 'low');
    assert.match(t.news2.monitoring ?? '', /12-hourly/);
    assert.equal(t.esi.level, 4);
    assert.deepEqual(t.esi.resources?.map((r) => slice(ankle, r.span)), ['X-ray']);
    assert.equal(news2Hints(t.news2).length, 0);
    assert.equal(news2Hints(t.news2, { includeZero: true }).length, 7);
    assert.equal(formatTriageSummary(t), 'Triage: ESI 4 · NEWS2 0 (low) · qSOFA 0');
  });

  test('CRLF line endings give the same scores and correct spans', () => {
    const crlf = ankle.replace(/\n/g, '\r\n');
    const t = triage(crlf);
    assert.equal(t.esi.level, 4);
    assert.equal(t.news2.total, 0);
    for (const p of triage(crlf).news2.parameters) assert.doesNotMatch(slice(crlf, p.span), /[\r\n]/);
  });

  test('a clinic note with a BP and HR only: partial NEWS2, qSOFA indeterminate', () => {
    const text = 'Objective: BP 138/84, HR 72.\nPlan: continue lisinopril, follow up in 3 months.';
    const t = triage(text);
    assert.equal(t.news2.partial, true);
    assert.equal(formatNews2(t.news2), 'NEWS2 0+ (low, partial)');
    assert.equal(formatCriteria('qSOFA', t.qsofa), 'qSOFA 0+');
    assert.equal(t.qsofa.outcome, 'indeterminate');
    assert.equal(t.map.value, 102);
    assert.equal(t.esi.level, 5);
  });

  test('empty, blank and binary input: nothing scored, ESI insufficient', () => {
    for (const text of ['', '   \n\t', 'abc\u0000def']) {
      const t = triage(text);
      assert.equal(t.news2.risk, undefined);
      assert.equal(t.esi.level, 'insufficient-information');
      assert.equal(formatTriageSummary(t), 'Triage: ESI insufficient info · NEWS2 n/a · qSOFA n/a');
    }
  });

  test('a very long line is handled in bounded time', () => {
    const text = `HPI: ${'patient reports mild cough and congestion, '.repeat(25_000)}\nPlan: chest X-ray.`;
    const started = performance.now();
    const t = computeTriage(text, model(text));
    assert.ok(performance.now() - started < LINEAR_TIME_BOUND_MS);
    assert.equal(t.esi.level, 4);
  });

  test('the result is plain data: JSON round-trips unchanged', () => {
    const t = triage(sepsis);
    assert.deepEqual(JSON.parse(JSON.stringify(t)), t);
  });

  test('a caller-supplied assertion function is used for cues', () => {
    const text = 'ROS: denies chest pain.';
    assert.notEqual(computeTriage(text, model(text)).esi.level, 2);
    assert.equal(computeTriage(text, model(text), allAffirmed).esi.level, 2);
  });

  test('a COPD patient with type 2 failure is scored on SpO2 scale 2', () => {
    const text = 'PMH: COPD with type 2 respiratory failure.\nObs: SpO2 89% RA, RR 18';
    const t = computeTriage(text, model(text, [vital.spo2(text, 89, { supplemental: false, needle: 'RA' }), vital.rr(text, 18)]));
    assert.equal(t.news2.spo2Scale, 2);
    assert.equal(t.news2.parameters.find((p) => p.parameter === 'spo2')?.points, 0);
    const hints = news2Hints(t.news2, { includeZero: true });
    assert.deepEqual(hints.map((h) => slice(text, h.span)), ['89', 'RA', '18']);
    assert.match(hints[0]?.tooltip ?? '', /^NEWS2 SpO2 scale 2: 88–92 → 0 \(RCP 2017\)$/);
  });
});

describe('parenthetical asides', () => {
  test('an earlier reading in parentheses after the current one is not the one scored', () => {
    const text = 'VITALS:\nRR 24\nSpO2 91% on 2L NC (88% on RA per EMS)\n';
    const t = computeTriage(text, parseNote(text));
    const spo2 = t.news2.parameters.find((p) => p.parameter === 'spo2');
    const air = t.news2.parameters.find((p) => p.parameter === 'air-or-oxygen');
    assert.equal(spo2?.value, 91);
    assert.equal(air?.value, 'oxygen');
    assert.equal(air?.points, 2);
  });
});
