import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAssertionContext } from '../../../server/src/note/assertion';
import { indexTokens } from '../../../server/src/clinical/scores/cues';
import { computeNews2, news2Response, news2Risk } from '../../../server/src/clinical/scores/news2';
import { bandValue, type BandTableId } from '../../../server/src/clinical/scores/news2Bands';
import { detectSpo2Scale2 } from '../../../server/src/clinical/scores/news2Context';
import type { ClinicalNote } from '../../../server/src/note/types';
import { model, slice, vital } from './scoresFixtures';

/** NEWS2 of a hand-built note, with the real assertion module over its text. */
function news2(text: string, note: ClinicalNote) {
  return computeNews2(note, indexTokens(text), createAssertionContext(text).assertionFor);
}

/** [value, points, band label] rows at every band edge of the RCP 2017 chart. */
const EDGES: Record<BandTableId, [number, number, string][]> = {
  'respiration-rate': [
    [0, 3, '≤8'], [8, 3, '≤8'], [9, 1, '9–11'], [11, 1, '9–11'], [12, 0, '12–20'], [20, 0, '12–20'],
    [21, 2, '21–24'], [24, 2, '21–24'], [25, 3, '≥25'], [60, 3, '≥25'],
  ],
  'spo2-scale-1': [
    [91, 3, '≤91'], [92, 2, '92–93'], [93, 2, '92–93'], [94, 1, '94–95'], [95, 1, '94–95'], [96, 0, '≥96'], [100, 0, '≥96'],
  ],
  'spo2-scale-2-air': [
    [83, 3, '≤83'], [84, 2, '84–85'], [85, 2, '84–85'], [86, 1, '86–87'], [87, 1, '86–87'], [88, 0, '88–92'],
    [92, 0, '88–92'], [93, 0, '≥93 on air'], [100, 0, '≥93 on air'],
  ],
  'spo2-scale-2-oxygen': [
    [83, 3, '≤83'], [84, 2, '84–85'], [86, 1, '86–87'], [88, 0, '88–92'], [92, 0, '88–92'], [93, 1, '93–94 on oxygen'],
    [94, 1, '93–94 on oxygen'], [95, 2, '95–96 on oxygen'], [96, 2, '95–96 on oxygen'], [97, 3, '≥97 on oxygen'], [100, 3, '≥97 on oxygen'],
  ],
  'systolic-bp': [
    [60, 3, '≤90'], [90, 3, '≤90'], [91, 2, '91–100'], [100, 2, '91–100'], [101, 1, '101–110'], [110, 1, '101–110'],
    [111, 0, '111–219'], [219, 0, '111–219'], [220, 3, '≥220'],
  ],
  pulse: [
    [40, 3, '≤40'], [41, 1, '41–50'], [50, 1, '41–50'], [51, 0, '51–90'], [90, 0, '51–90'], [91, 1, '91–110'],
    [110, 1, '91–110'], [111, 2, '111–130'], [130, 2, '111–130'], [131, 3, '≥131'],
  ],
  temperature: [
    [35.0, 3, '≤35.0'], [35.1, 1, '35.1–36.0'], [36.0, 1, '35.1–36.0'], [36.1, 0, '36.1–38.0'], [38.0, 0, '36.1–38.0'],
    [38.1, 1, '38.1–39.0'], [39.0, 1, '38.1–39.0'], [39.1, 2, '≥39.1'], [41.5, 2, '≥39.1'],
  ],
};

describe('NEWS2 chart bands (RCP 2017)', () => {
  for (const [table, rows] of Object.entries(EDGES) as [BandTableId, [number, number, string][]][]) {
    test(`${table}: every band edge`, () => {
      for (const [value, points, label] of rows) {
        const b = bandValue(table, value);
        assert.equal(b.points, points, `${table} ${value}`);
        assert.equal(b.band, `${label} → ${points}`, `${table} ${value}`);
      }
    });
  }

  test('values between whole-number bands go to the higher band', () => {
    assert.equal(bandValue('pulse', 90.5).points, 1);
    assert.equal(bandValue('respiration-rate', 8.5).points, 1);
    assert.equal(bandValue('spo2-scale-1', 91.5).points, 2);
  });

  test('temperature is read to 0.1 °C, so °F conversion noise does not move a band', () => {
    assert.equal(bandValue('temperature', ((100.4 - 32) * 5) / 9).points, 0);
    assert.equal(bandValue('temperature', 38.04).value, 38);
    assert.equal(bandValue('temperature', 38.04).points, 0);
    assert.equal(bandValue('temperature', 38.06).points, 1);
    assert.equal(bandValue('temperature', 35.04).points, 3);
  });
});

describe('NEWS2 risk and response', () => {
  const pts = (...p: number[]) => p.map((points) => ({ points }));
  test('risk bands and the single-parameter-3 rule', () => {
    assert.equal(news2Risk(0, pts(0, 0)), 'low');
    assert.equal(news2Risk(4, pts(2, 1, 1)), 'low');
    assert.equal(news2Risk(3, pts(3)), 'low-medium');
    assert.equal(news2Risk(4, pts(3, 1)), 'low-medium');
    assert.equal(news2Risk(5, pts(2, 2, 1)), 'medium');
    assert.equal(news2Risk(6, pts(3, 3)), 'medium');
    assert.equal(news2Risk(7, pts(2, 2, 2, 1)), 'high');
    assert.equal(news2Risk(12, pts(3, 3, 3, 3)), 'high');
  });

  test('responses follow the RCP clinical response table', () => {
    assert.match(news2Response('low', 0).monitoring, /12-hourly/);
    assert.match(news2Response('low', 3).monitoring, /4–6-hourly/);
    assert.match(news2Response('low-medium', 3).response, /medical team/);
    assert.match(news2Response('medium', 5).response, /^Urgent response/);
    assert.match(news2Response('high', 7).monitoring, /Continuous/);
    assert.match(news2Response('high', 9).response, /critical-care/);
  });
});

describe('NEWS2 from a note', () => {
  const full = 'Obs: RR 26, SpO2 93% on 4L NC, BP 88/50, HR 135, ACVPU V, T 39.4';
  const fullNote = model(full, [
    vital.rr(full, 26),
    vital.spo2(full, 93, { supplemental: true, needle: '4L NC' }),
    vital.bp(full, 88, 50),
    vital.hr(full, 135),
    vital.loc(full, { acvpu: 'V' }, 'V', 1),
    vital.temp(full, 39.4),
  ]);

  test('every parameter scored, with its value, band and span', () => {
    const r = news2(full, fullNote);
    assert.deepEqual(
      r.parameters.map((p) => [p.parameter, p.value, p.points, slice(full, p.span)]),
      [
        ['respiration-rate', 26, 3, '26'],
        ['spo2', 93, 2, '93'],
        ['air-or-oxygen', 'oxygen', 2, '4L NC'],
        ['systolic-bp', 88, 3, '88/50'],
        ['pulse', 135, 3, '135'],
        ['consciousness', 'V', 3, 'V'],
        ['temperature', 39.4, 2, '39.4'],
      ],
    );
    assert.equal(r.total, 18);
    assert.equal(r.partial, false);
    assert.deepEqual(r.missing, []);
    assert.equal(r.risk, 'high');
    assert.equal(r.spo2Scale, 1);
  });

  test('room air scores 0 and supplemental oxygen +2', () => {
    const text = 'SpO2 97% RA';
    const air = news2(text, model(text, [vital.spo2(text, 97, { supplemental: false, needle: 'RA' })]));
    const o2 = air.parameters.find((p) => p.parameter === 'air-or-oxygen');
    assert.equal(o2?.points, 0);
    assert.equal(o2?.band, 'Air → 0');
    assert.equal(slice(text, o2?.span), 'RA');
  });

  test('an SpO2 without oxygen documented leaves air-or-oxygen missing and the total partial', () => {
    const text = 'HR 80, SpO2 97%';
    const r = news2(text, model(text, [vital.hr(text, 80), vital.spo2(text, 97)]));
    assert.deepEqual(r.missing, ['respiration-rate', 'air-or-oxygen', 'systolic-bp', 'consciousness', 'temperature']);
    assert.equal(r.partial, true);
    assert.equal(r.total, 0);
    assert.equal(r.risk, 'low');
  });

  test('nothing documented: no risk, every parameter missing', () => {
    const r = news2('', model(''));
    assert.equal(r.missing.length, 7);
    assert.equal(r.risk, undefined);
    assert.equal(r.response, undefined);
    assert.equal(r.total, 0);
  });

  test('the last reading of a vital is the one scored', () => {
    const text = 'Triage HR 128. Repeat HR 84.';
    const r = news2(text, model(text, [vital.hr(text, 128), vital.hr(text, 84)]));
    const p = r.parameters.find((x) => x.parameter === 'pulse');
    assert.equal(p?.value, 84);
    assert.equal(slice(text, p?.span), '84');
  });
});

describe('NEWS2 consciousness', () => {
  const score = (fields: Parameters<typeof vital.loc>[1]) => {
    const text = 'Neuro: X';
    const r = news2(text, model(text, [vital.loc(text, fields, 'X')]));
    return r.parameters.find((p) => p.parameter === 'consciousness');
  };

  test('Alert scores 0; C, V, P and U score 3', () => {
    assert.equal(score({ acvpu: 'A' })?.points, 0);
    for (const l of ['C', 'V', 'P', 'U'] as const) assert.equal(score({ acvpu: l })?.points, 3, l);
    assert.equal(score({ acvpu: 'P' })?.band, 'CVPU → 3');
  });

  test('new confusion scores 3 even when the patient is alert', () => {
    const p = score({ acvpu: 'A', newConfusion: true });
    assert.equal(p?.points, 3);
    assert.equal(p?.value, 'C');
    assert.equal(p?.band, 'New confusion → 3');
    assert.equal(score({ newConfusion: true })?.points, 3);
  });

  test('GCS alone: 15 is Alert, below 15 not Alert, with the convention noted', () => {
    assert.equal(score({ gcs: 15 })?.points, 0);
    const p = score({ gcs: 14 });
    assert.equal(p?.points, 3);
    assert.equal(p?.value, 'GCS 14');
    assert.match(p?.note ?? '', /GCS below 15 read as not Alert/);
  });

  test('ACVPU decides over a GCS in the same reading', () => {
    assert.equal(score({ acvpu: 'A', gcs: 14 })?.points, 0);
  });

  test('a reading that says nothing scoreable is missing, not Alert', () => {
    const text = 'No new confusion. GCS 15.';
    const none = news2(text, model(text, [vital.loc(text, { newConfusion: false }, 'No new confusion')]));
    assert.ok(none.missing.includes('consciousness'));
    const earlier = news2(text, model(text, [vital.loc(text, { gcs: 15 }, 'GCS 15'), vital.loc(text, { newConfusion: false }, 'No new confusion')]));
    assert.equal(earlier.parameters.find((p) => p.parameter === 'consciousness')?.value, 'GCS 15');
  });
});

describe('NEWS2 SpO2 scale 2', () => {
  const scale2 = (text: string) => detectSpo2Scale2(indexTokens(text), createAssertionContext(text).assertionFor);

  test('hypercapnic respiratory failure and 88–92 % targets select scale 2', () => {
    const t1 = 'COPD with type 2 respiratory failure.';
    assert.equal(slice(t1, scale2(t1)), 'type 2 respiratory failure');
    const t2 = 'Target sats 88–92%.';
    assert.equal(slice(t2, scale2(t2)), 'Target sats 88–92');
    const t3 = 'Use SpO2 scale 2 per respiratory team.';
    assert.equal(slice(t3, scale2(t3)), 'SpO2 scale 2');
    const t4 = 'History of hypercapnic respiratory failure, on home O2.';
    assert.equal(slice(t4, scale2(t4)), 'hypercapnic respiratory failure');
  });

  test('negated, unrelated or line-broken cues do not', () => {
    assert.equal(scale2('ABG: no hypercapnia.'), undefined);
    assert.equal(scale2('Pain scale 2/10.'), undefined);
    assert.equal(scale2('Target sats\n88-92'), undefined);
    assert.equal(scale2('Asthma, sats 95% RA.'), undefined);
  });

  test('on scale 2, SpO2 ≥ 93 scores on oxygen and not on air', () => {
    const text = 'T2RF. SpO2 96% on 2L NC. Later SpO2 96% RA.';
    const onO2 = news2(text, model(text, [vital.spo2(text, 96, { supplemental: true, needle: '2L NC' })]));
    assert.equal(onO2.spo2Scale, 2);
    assert.equal(slice(text, onO2.scale2Evidence), 'T2RF');
    const p = onO2.parameters.find((x) => x.parameter === 'spo2');
    assert.equal(p?.points, 2);
    assert.equal(p?.band, '95–96 on oxygen → 2');
    const onAir = news2(text, model(text, [vital.spo2(text, 96, { supplemental: false, needle: 'RA' }, '96', 1)]));
    assert.equal(onAir.parameters.find((x) => x.parameter === 'spo2')?.points, 0);
  });

  test('on scale 2 with oxygen not documented, SpO2 ≥ 93 scores as air and says so', () => {
    const text = 'Hypercapnia. SpO2 95%.';
    const p = news2(text, model(text, [vital.spo2(text, 95)])).parameters.find((x) => x.parameter === 'spo2');
    assert.equal(p?.points, 0);
    assert.match(p?.note ?? '', /scored as on air/);
  });

  test('the same SpO2 scores 3 on scale 1 and 0 on scale 2', () => {
    const a = 'SpO2 89% RA';
    const b = 'CO2 retainer. SpO2 89% RA';
    const s1 = news2(a, model(a, [vital.spo2(a, 89, { supplemental: false, needle: 'RA' })]));
    const s2 = news2(b, model(b, [vital.spo2(b, 89, { supplemental: false, needle: 'RA' })]));
    assert.equal(s1.parameters[0]?.points, 3);
    assert.equal(s2.parameters[0]?.points, 0);
  });
});

describe('NEWS2 caveats', () => {
  test('children under 16 and pregnancy get a caveat; a negative pregnancy test does not', () => {
    const child = news2('Boy', model('Boy', [], { demographics: { age: { years: 12, span: { start: 0, end: 3 } } } }));
    assert.match(child.caveats[0] ?? '', /under 16/);
    const preg = 'She is pregnant, 30 weeks gestation.';
    assert.match(news2(preg, model(preg)).caveats[0] ?? '', /pregnancy/);
    const neg = 'Urine pregnancy test negative. She is not pregnant.';
    assert.deepEqual(news2(neg, model(neg)).caveats, []);
  });
});
