import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import vitalsData from '../../../server/src/knowledge/vitals.json';
import type { BloodPressureVital, ConsciousnessVital, NumericVital, Section, SectionKind, Vital } from '../../../server/src/note/types';
import { findVitals } from '../../../server/src/note/vitals';
import { labelKey } from '../../../server/src/note/vitalsLexicon';
import { LINEAR_TIME_BOUND_MS } from '../../support/linearTime';

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

/** `[kind, span text, value text]` for every vital, in order. */
function show(text: string, sections: Section[] = []): [string, string, string][] {
  return findVitals(text, sections).map((v) => [v.kind, slice(text, v.span), slice(text, v.valueSpan)]);
}

function only<K extends Vital['kind']>(text: string, kind: K, sections: Section[] = []): Extract<Vital, { kind: K }> {
  const all = findVitals(text, sections).filter((v) => v.kind === kind);
  assert.equal(all.length, 1, `expected one ${kind} in ${JSON.stringify(text)}, got ${JSON.stringify(show(text, sections))}`);
  return all[0] as Extract<Vital, { kind: K }>;
}

function bp(text: string): BloodPressureVital {
  return only(text, 'blood-pressure');
}

function num(text: string, kind: NumericVital['kind']): NumericVital {
  return only(text, kind) as NumericVital;
}

function loc(text: string, sections: Section[] = []): ConsciousnessVital {
  return only(text, 'consciousness', sections);
}

function none(text: string, sections: Section[] = []): void {
  assert.deepEqual(show(text, sections), [], `expected no vitals in ${JSON.stringify(text)}`);
}

/** A hand-built section whose body is the whole text after `heading`. */
function section(text: string, kind: SectionKind, heading: string): Section {
  const h = text.indexOf(heading);
  const bodyStart = h + heading.length + 1;
  return {
    kind,
    title: heading,
    level: 1,
    headingSpan: { start: h, end: h + heading.length },
    span: { start: h, end: text.length },
    bodySpan: { start: bodyStart, end: text.length },
  };
}

describe('blood pressure', () => {
  test('BP 142/88: values, span and value span', () => {
    const t = 'BP 142/88';
    const v = bp(t);
    assert.equal(v.systolic, 142);
    assert.equal(v.diastolic, 88);
    assert.equal(slice(t, v.span), 'BP 142/88');
    assert.equal(slice(t, v.valueSpan), '142/88');
  });

  test('label variants and units: BP:, B/P, NIBP, ABP, mmHg', () => {
    assert.deepEqual(show('BP: 142/88 mmHg'), [['blood-pressure', 'BP: 142/88 mmHg', '142/88']]);
    assert.deepEqual(show('B/P 142/88'), [['blood-pressure', 'B/P 142/88', '142/88']]);
    assert.deepEqual(show('NIBP 100/60, ABP 110/55'), [
      ['blood-pressure', 'NIBP 100/60', '100/60'],
      ['blood-pressure', 'ABP 110/55', '110/55'],
    ]);
    assert.equal(bp('Blood pressure: 128/82 mm Hg.').systolic, 128);
  });

  test('prose: "blood pressure of 142/88" and "is 142 over 88"', () => {
    assert.equal(slice('blood pressure of 142/88', bp('blood pressure of 142/88').span), 'blood pressure of 142/88');
    const t = 'Her blood pressure is 142 over 88 today.';
    const v = bp(t);
    assert.deepEqual([v.systolic, v.diastolic], [142, 88]);
    assert.equal(slice(t, v.valueSpan), '142 over 88');
  });

  test('filler words: "Blood Pressure: Elevated at 140/70 mmHg"', () => {
    const t = 'Blood Pressure: Elevated at 140/70 mmHg.';
    assert.equal(slice(t, bp(t).span), 'Blood Pressure: Elevated at 140/70 mmHg');
  });

  test('MAP in parentheses belongs to the mention but not the value', () => {
    const t = 'BP 100/60 (72) HR 80';
    const v = bp(t);
    assert.equal(slice(t, v.span), 'BP 100/60 (72)');
    assert.equal(slice(t, v.valueSpan), '100/60');
  });

  test('a range reports its most abnormal ends against the NEWS2 bands', () => {
    const v = bp('BP 100-120/60-70');
    assert.deepEqual([v.systolic, v.diastolic], [100, 60]);
    assert.equal(slice('BP 100-120/60-70', v.valueSpan), '100-120/60-70');
    const icu = bp("BP 86-110/20-50'S VIA A-LINE");
    assert.deepEqual([icu.systolic, icu.diastolic], [86, 20]);
  });

  test('implausible but numeric values are kept for later rules (BP 88/142)', () => {
    assert.deepEqual([bp('BP 88/142').systolic, bp('BP 88/142').diastolic], [88, 142]);
  });

  test('a trend written with an arrow gives one vital per reading', () => {
    assert.deepEqual(show('BP 148/92 → 145/90 (R arm)'), [
      ['blood-pressure', 'BP 148/92', '148/92'],
      ['blood-pressure', '145/90', '145/90'],
    ]);
  });

  test('not blood pressures: BP meds, a date, goals, thresholds, home readings', () => {
    none('Continue BP meds. BP ok.');
    none('BP 3/5 review');
    none('Titrate levo to keep BP 110/60.');
    none('Goal BP 130/80.');
    none('Hold captopril for BP<100.');
    none('Home BP 150/90 per patient.');
  });
});

describe('heart rate', () => {
  test('HR 112 bpm keeps its unit in the span', () => {
    const t = 'HR 112 bpm';
    const v = num(t, 'heart-rate');
    assert.equal(v.value, 112);
    assert.equal(v.unit, '/min');
    assert.equal(slice(t, v.span), 'HR 112 bpm');
    assert.equal(slice(t, v.valueSpan), '112');
  });

  test('rhythm after the rate is not part of it: HR 88 SR', () => {
    assert.deepEqual(show('HR 88 SR'), [['heart-rate', 'HR 88', '88']]);
  });

  test('Pulse 88, HR: 112, heart rate of 112, Heart Rate: 72 beats per minute', () => {
    assert.equal(num('Pulse 88', 'heart-rate').value, 88);
    assert.equal(num('HR: 112', 'heart-rate').value, 112);
    assert.equal(num('heart rate of 112', 'heart-rate').value, 112);
    const t = 'Heart Rate: 72 beats per minute.';
    assert.equal(slice(t, num(t, 'heart-rate').span), 'Heart Rate: 72 beats per minute');
  });

  test('P 88 and R 18 are read in a run of vitals, not on their own', () => {
    assert.deepEqual(show('T 98.6 P 88 R 18 BP 120/80'), [
      ['temperature', 'T 98.6', '98.6'],
      ['heart-rate', 'P 88', '88'],
      ['respiratory-rate', 'R 18', '18'],
      ['blood-pressure', 'BP 120/80', '120/80'],
    ]);
    none('P 88');
    none('R 18 gauge cannula placed');
  });

  test('a plan line P: is not a pulse', () => {
    none('A: stable.\nP: continue lasix 40 mg daily');
    none('P: 1. Continue current regimen');
  });

  test('pulse ox is a saturation, not a pulse', () => {
    assert.deepEqual(show('pulse ox 96%'), [['spo2', 'pulse ox 96%', '96']]);
  });

  test('HR 0 is kept; a range gives its most abnormal end; a decade its number', () => {
    assert.equal(num('HR 0', 'heart-rate').value, 0);
    assert.equal(num('HR 95-125 AF', 'heart-rate').value, 125);
    assert.equal(num("HR 40'S SB", 'heart-rate').value, 40);
    assert.equal(num('hr 70s nsr', 'heart-rate').value, 70);
  });

  test('decade ranges: hr 70s to 80s, HR 110s-120s', () => {
    const t = 'cv: hr 70s to 80s. nsr.';
    const v = num(t, 'heart-rate');
    assert.equal(v.value, 80);
    assert.equal(slice(t, v.valueSpan), '70s to 80s');
    assert.equal(num('HR 110s-120s', 'heart-rate').value, 120);
  });

  test('hazard ratios, pedal pulses, durations and thresholds are not heart rates', () => {
    none('HR 0.72 (95% CI 0.6-0.9)');
    none('pedal pulses 2+ bilaterally');
    none('suctioned q 1-2 HR for thick secretions');
    none('HR 2 hours after the dose');
    none('call if HR 100 or more');
  });
});

describe('respiratory rate', () => {
  test('RR 24, Resp 18, respiratory rate 24, RR 24 breaths/min', () => {
    assert.equal(num('RR 24', 'respiratory-rate').value, 24);
    assert.equal(num('Resp 18', 'respiratory-rate').value, 18);
    assert.equal(num('respiratory rate 24', 'respiratory-rate').value, 24);
    const t = 'RR 24 breaths/min';
    assert.equal(slice(t, num(t, 'respiratory-rate').span), 'RR 24 breaths/min');
  });

  test('an RR range picks the most abnormal end', () => {
    assert.equal(num('RR 18-28', 'respiratory-rate').value, 28);
    assert.equal(num('rr 10-20', 'respiratory-rate').value, 10);
  });

  test('not respiratory rates: relative risk, Resp: 2L NC, system headers', () => {
    none('RR 1.2 (0.9-1.5)');
    none('Resp: lungs clear');
    none('RR interval 800 ms');
  });
});

describe('temperature', () => {
  test('T 38.4C: Celsius kept as written, no original', () => {
    const t = 'T 38.4C';
    const v = num(t, 'temperature');
    assert.equal(v.value, 38.4);
    assert.equal(v.unit, '°C');
    assert.equal(v.original, undefined);
    assert.equal(slice(t, v.span), 'T 38.4C');
  });

  test('Temp 101.2 F converts to °C and keeps the original', () => {
    const t = 'Temp 101.2 F';
    const v = num(t, 'temperature');
    assert.equal(v.value, 38.4);
    assert.deepEqual(v.original, { value: 101.2, unit: '°F' });
    assert.equal(slice(t, v.span), 'Temp 101.2 F');
    assert.equal(slice(t, v.valueSpan), '101.2');
  });

  test('Temp 38.4 °C, degrees F in words', () => {
    assert.equal(num('Temp 38.4 °C', 'temperature').value, 38.4);
    const t = 'Body temperature: 98.6 degrees F.';
    const v = num(t, 'temperature');
    assert.equal(v.value, 37);
    assert.equal(slice(t, v.span), 'Body temperature: 98.6 degrees F');
  });

  test('no unit: above 45 is °F, 25-45 is °C', () => {
    assert.deepEqual(num('T 99.1', 'temperature').original, { value: 99.1, unit: '°F' });
    assert.equal(num('T 99.1', 'temperature').value, 37.3);
    assert.equal(num('Tmax 38.9', 'temperature').value, 38.9);
    assert.equal(num('temperature of 100.4', 'temperature').value, 38);
  });

  test('durations and European decimals are not read as temperatures', () => {
    none('Temp 2 days ago');
    none('Temp: 37,5');
  });

  test('afebrile alone is no value; afebrile 36.7°C is', () => {
    none('Pt afebrile overnight.');
    const t = 'afebrile 36.7°C';
    assert.equal(slice(t, num(t, 'temperature').span), 'afebrile 36.7°C');
  });

  test('T12 vertebra, T2DM and T 12 are not temperatures', () => {
    none('Compression fracture of T12 vertebra.');
    none('T2DM on metformin');
    none('fracture at T 12');
  });

  test('T 385 beside other vitals is kept (a typo for a later rule to flag)', () => {
    const v = num('VS: T 385 HR 88', 'temperature');
    assert.deepEqual(v.original, { value: 385, unit: '°F' });
    assert.equal(v.value, 196.1);
  });

  test('route suffixes and trends: TM 100.2R, T 100.1->97.7(PO)', () => {
    assert.deepEqual(show('TM 100.2R'), [['temperature', 'TM 100.2R', '100.2']]);
    assert.deepEqual(show('ID: T 100.1->97.7(PO).'), [
      ['temperature', 'T 100.1', '100.1'],
      ['temperature', '97.7', '97.7'],
    ]);
  });

  test('a Tmax range gives its most abnormal end', () => {
    const v = num('TEMP MAX 100-102.2', 'temperature');
    assert.equal(v.value, 39);
    assert.deepEqual(v.original, { value: 102.2, unit: '°F' });
  });

  test('thresholds in safety-netting are not readings', () => {
    none('ED immediately if temp ≥38 again');
    none('– fever ≥38–38.5°C rigors severe SOB');
  });
});

describe('SpO2 and oxygen', () => {
  test('SpO2 91% on 2L NC fills the oxygen support', () => {
    const t = 'SpO2 91% on 2L NC, RR 22';
    const v = num(t, 'spo2');
    assert.equal(v.value, 91);
    assert.equal(v.unit, '%');
    assert.equal(slice(t, v.span), 'SpO2 91% on 2L NC');
    assert.equal(slice(t, v.valueSpan), '91');
    const o = v.oxygen;
    assert.ok(o);
    assert.equal(o.supplemental, true);
    assert.equal(o.device, 'nasal-cannula');
    assert.equal(o.flowLpm, 2);
    assert.equal(slice(t, o.span), '2L NC');
  });

  test('room air: O2 sat 95% RA, sats 94% on room air', () => {
    const a = num('O2 sat 95% RA', 'spo2');
    assert.deepEqual([a.value, a.oxygen?.supplemental, a.oxygen?.device], [95, false, 'room-air']);
    const b = num('sats 94% on room air', 'spo2');
    assert.deepEqual([b.value, b.oxygen?.supplemental, b.oxygen?.device], [94, false, 'room-air']);
    const c = num('oxygen saturation of 98% on room air', 'spo2');
    assert.equal(c.oxygen?.device, 'room-air');
  });

  test('SaO2 97% alone has no oxygen; SAO2 97% 4L NP has', () => {
    assert.equal(num('SaO2 97%', 'spo2').oxygen, undefined);
    const v = num('SAO2 97% 4L NP', 'spo2');
    assert.deepEqual([v.oxygen?.flowLpm, v.oxygen?.device], [4, 'nasal-cannula']);
  });

  test('FiO2, non-rebreather, BiPAP, litres in words', () => {
    const f = num('Pulse ox 92% on 40% FiO2', 'spo2');
    assert.deepEqual([f.value, f.oxygen?.fio2, f.oxygen?.supplemental], [92, 0.4, true]);
    const n = num('98% on 15L NRB', 'spo2');
    assert.deepEqual([n.value, n.oxygen?.flowLpm, n.oxygen?.device], [98, 15, 'non-rebreather']);
    assert.equal(num('SpO2 88% on BiPAP', 'spo2').oxygen?.device, 'bipap');
    const l = num('pulse ox 96% on 2 liters nasal cannula', 'spo2');
    assert.deepEqual([l.oxygen?.flowLpm, l.oxygen?.device], [2, 'nasal-cannula']);
  });

  test('subscript label and oxygen written before the label', () => {
    assert.equal(num('SpO₂ 98% RA', 'spo2').oxygen?.device, 'room-air');
    const t = 'Resp: 3LNC w/ sats 99-100%.';
    const v = num(t, 'spo2');
    assert.equal(v.value, 99);
    assert.equal(slice(t, v.oxygen?.span ?? { start: 0, end: 0 }), '3LNC');
  });

  test('a saturation range reports its lowest value (only low SpO2 is abnormal)', () => {
    assert.equal(num('sats 96-99%', 'spo2').value, 96);
    assert.equal(num('SATS HIGH 90\'S', 'spo2').value, 98);
  });

  test('two readings in one clause stay apart', () => {
    const t = 'sating 95% on RA and 100% on 2L';
    const vs = findVitals(t, []).filter((v): v is NumericVital => v.kind === 'spo2');
    assert.deepEqual(vs.map((v) => [v.value, v.oxygen?.supplemental]), [[95, false], [100, true]]);
  });

  test('a parenthesised oxygen description closes inside the mention', () => {
    const t = 'SpO2: 97% (2 L/min via nasal cannula).';
    const v = num(t, 'spo2');
    assert.equal(slice(t, v.span), 'SpO2: 97% (2 L/min via nasal cannula)');
    assert.equal(slice(t, v.oxygen?.span ?? { start: 0, end: 0 }), '2 L/min via nasal cannula');
  });

  test('not saturations: PA sat, mixed venous, FiO2 40%, EF 55%, targets, Saturday', () => {
    none('O2 sat 88-92% goal');
    none('goal sats 94% on RA');
    none('on cool neb with sats 94% or greater');
    none('Sat 12/5 clinic review');
    none('PA sat 40');
    none('decreased MV sat 59%');
    none('FiO2 40% on the vent');
    none('EF 55% on echo');
    none('call if SpO2 <92% RA');
  });
});

describe('consciousness', () => {
  test('alert in an exam line is A; A&Ox3 is A', () => {
    const t = 'Gen: alert, NAD';
    const v = loc(t);
    assert.equal(v.acvpu, 'A');
    assert.equal(slice(t, v.span), 'alert');
    assert.equal(loc('Neuro: A&Ox3, MAE').acvpu, 'A');
    assert.equal(slice('pt is A&O x 3', loc('pt is A&O x 3').span), 'A&O x 3');
  });

  test('partial orientation is not reported as alert', () => {
    none('A&O x2');
    none('Neuro: alert and oriented x1-2');
  });

  test('alert in prose is not a finding', () => {
    none('The patient was alerted to the results.');
    none('Please alert the team if worse.');
    none('Drug alert added to chart.');
  });

  test('ACVPU: V, AVPU P', () => {
    const t = 'ACVPU: V';
    const v = loc(t);
    assert.equal(v.acvpu, 'V');
    assert.equal(slice(t, v.valueSpan), 'V');
    assert.equal(loc('AVPU P').acvpu, 'P');
  });

  test('responses: voice is V, pain is P, unresponsive is U', () => {
    assert.equal(loc('Opens eyes to voice, follows commands').acvpu, 'V');
    assert.equal(loc('responds to painful stimuli only').acvpu, 'P');
    assert.equal(loc('unresponsive to voice, responds to sternal rub').acvpu, 'P');
    assert.equal(loc('NEURO: UNRESPONSIVE, PUPILS 2MM').acvpu, 'U');
    none('responds to pain medication');
    none('found unresponsive at home by husband');
    none('Fever unresponsive to antibiotics.');
    none('Follows and responds to commands.');
  });

  test('GCS 14, GCS 15 (E4V5M6), E4V4M6', () => {
    assert.equal(loc('GCS 14').gcs, 14);
    const t = 'GCS 15 (E4V5M6)';
    const v = loc(t);
    assert.equal(v.gcs, 15);
    assert.deepEqual(v.gcsComponents, { eye: 4, verbal: 5, motor: 6 });
    assert.equal(slice(t, v.span), 'GCS 15 (E4V5M6)');
    const c = loc('E4V4M6');
    assert.deepEqual([c.gcs, c.gcsComponents?.verbal], [14, 4]);
  });

  test('new confusion, newly confused, acutely confused', () => {
    for (const t of ['new confusion since this morning', 'Newly confused overnight', 'Pt acutely confused, pulling at lines']) {
      const v = loc(t);
      assert.equal(v.newConfusion, true, t);
      assert.equal(v.acvpu, 'C', t);
    }
  });

  test('negated or hypothetical confusion is not reported', () => {
    none('no new confusion');
    none('Neuro sx otherwise nil seizures nil new confusion');
    none('Denies headache, vomiting or new confusion.');
    none('Advised attend ED if new confusion or drowsiness.');
    none('- Red flags discussed: attend ED/call 000 if:\n  • Marked drop in urine\n  • New confusion/drowsiness\n');
  });

  test('new confusion in a plan section is advice, not a finding', () => {
    const t = 'Plan:\nReview tomorrow; new confusion to be escalated.';
    none(t, [section(t, 'plan', 'Plan')]);
  });
});

describe('pain', () => {
  test('Pain 7/10, pain score 7, pain 7 out of 10, 7/10 pain', () => {
    const t = 'Pain 7/10';
    const v = num(t, 'pain');
    assert.deepEqual([v.value, v.unit, slice(t, v.span), slice(t, v.valueSpan)], [7, '/10', 'Pain 7/10', '7']);
    assert.equal(num('pain score 7', 'pain').value, 7);
    assert.equal(slice('pain 7 out of 10', num('pain 7 out of 10', 'pain').span), 'pain 7 out of 10');
    assert.equal(num('She reports 7/10 pain in the knee', 'pain').value, 7);
  });

  test('a pain range gives its highest value', () => {
    assert.equal(num('Pain 4–6/10 walking', 'pain').value, 6);
  });

  test('not pain scores: durations, worst/best ratings', () => {
    none('pain 2 weeks');
    none('worst pain 9/10 last week');
    none('Pain Level: 7/10 at its worst.');
  });
});

describe('weight and height', () => {
  test('Wt 82 kg, Weight: 180 lb, 180 lbs, 7 lb 3 oz', () => {
    const k = num('Wt 82 kg', 'weight');
    assert.deepEqual([k.value, k.unit, k.original], [82, 'kg', undefined]);
    const t = 'Weight: 180 lb';
    const l = num(t, 'weight');
    assert.deepEqual([l.value, l.original], [81.6, { value: 180, unit: 'lb' }]);
    assert.equal(slice(t, l.span), 'Weight: 180 lb');
    assert.equal(num('Weight 180 lbs', 'weight').value, 81.6);
    const b = num('weighs 7 lb 3 oz', 'weight');
    assert.deepEqual([b.value, b.original], [3.26, { value: 7.188, unit: 'lb' }]);
  });

  test('Ht 175 cm, Height 5\'10", 5 ft 10 in, Ht 1.75 m, Ht 175', () => {
    assert.equal(num('Ht 175 cm', 'height').value, 175);
    const t = 'Height 5\'10"';
    const f = num(t, 'height');
    assert.deepEqual([f.value, f.original], [177.8, { value: 70, unit: 'in' }]);
    assert.equal(slice(t, f.valueSpan), '5\'10"');
    assert.equal(num('Height: 5 ft 10 in', 'height').value, 177.8);
    assert.deepEqual(num('Ht 1.75 m', 'height').original, { value: 1.75, unit: 'm' });
    assert.equal(num('Ht 1.75 m', 'height').value, 175);
    assert.equal(num('Ht 175', 'height').value, 175);
  });

  test('not weights or heights: changes, birth weight, falls, no unit', () => {
    none('weight loss 5 kg over 3 months');
    none('Weight: 5 lb increase since last visit');
    none('Birth weight 3.2 kg');
    none('fall from height 2 m');
    none('Wt 82');
  });
});

describe('tables', () => {
  test('pipe table: header row and values row, spans are the cells', () => {
    const t = 'BP | HR | RR | Temp | SpO2\n142/88 | 112 | 24 | 38.4 | 91%\n';
    assert.deepEqual(show(t), [
      ['blood-pressure', '142/88', '142/88'],
      ['heart-rate', '112', '112'],
      ['respiratory-rate', '24', '24'],
      ['temperature', '38.4', '38.4'],
      ['spo2', '91%', '91'],
    ]);
  });

  test('markdown table with units in the header and two rows', () => {
    const t = '| Time | Temp (°F) | HR | Wt (lb) |\n|---|---|---|---|\n| 08:00 | 101.2 | 104 | 180 |\n| 12:00 | 99.0 | 96 | - |\n';
    const temps = findVitals(t, []).filter((v): v is NumericVital => v.kind === 'temperature');
    assert.deepEqual(temps.map((v) => [v.value, v.original?.unit]), [[38.4, '°F'], [37.2, '°F']]);
    assert.deepEqual(num(t, 'weight').original, { value: 180, unit: 'lb' });
    assert.equal(findVitals(t, []).filter((v) => v.kind === 'heart-rate').length, 2);
  });

  test('tab- and space-separated tables', () => {
    assert.deepEqual(show('BP\tHR\tSpO2\n120/80\t88\t97% RA'), [
      ['blood-pressure', '120/80', '120/80'],
      ['heart-rate', '88', '88'],
      ['spo2', '97% RA', '97'],
    ]);
    assert.deepEqual(show('HR    RR    T\n88    16    37.2\n'), [
      ['heart-rate', '88', '88'],
      ['respiratory-rate', '16', '16'],
      ['temperature', '37.2', '37.2'],
    ]);
  });
});

describe('whole notes', () => {
  test('ALL-CAPS ICU paragraph', () => {
    const t =
      "O: VS: T 99.1 HR 88 BP 100/60 RR 20 SAO2 97% 4L NP. CV: HR 70'S AV PACED, NO VEA. BP 86-110/40-50'S. K 4.1, MG 1.7 REPLETED. " +
      'RESP: LS CLEAR, SATS 94-97% ON 4L NP, RR 18-24. ID: TMAX 101.2R, WBC 12. NEURO: ALERT AND ORIENTED X3, MAE. ' +
      'P: CONT BP MEDS, T12 FX PRECAUTIONS, FOLLOW K.';
    assert.deepEqual(show(t), [
      ['temperature', 'T 99.1', '99.1'],
      ['heart-rate', 'HR 88', '88'],
      ['blood-pressure', 'BP 100/60', '100/60'],
      ['respiratory-rate', 'RR 20', '20'],
      ['spo2', 'SAO2 97% 4L NP', '97'],
      ['heart-rate', "HR 70'S", "70'S"],
      ['blood-pressure', "BP 86-110/40-50'S", "86-110/40-50'S"],
      ['spo2', 'SATS 94-97% ON 4L NP', '94-97'],
      ['respiratory-rate', 'RR 18-24', '18-24'],
      ['temperature', 'TMAX 101.2R', '101.2'],
      ['consciousness', 'ALERT AND ORIENTED X3', 'ALERT AND ORIENTED X3'],
    ]);
  });

  test('visit note VITALS block (aci-bench style)', () => {
    const t =
      'VITALS\n\nBlood pressure: 128/82 mm Hg.\nHeart rate: 72 beats per minute.\nRespiratory rate: 16.\n' +
      'Oxygen saturation: 98% on room air.\nBody temperature: 98.6 degrees F.\n\nPHYSICAL EXAM\n\nNeurological\nAlert.\n';
    const kinds = findVitals(t, []).map((v) => v.kind);
    assert.deepEqual(kinds, ['blood-pressure', 'heart-rate', 'respiratory-rate', 'spo2', 'temperature', 'consciousness']);
  });

  test('GP observations line (SynGP style) with Unicode subscript and trailing spaces', () => {
    const t = 'Obs: BP 118/72 HR 86 RR 18 SpO₂ 98% RA T 36.9  \nWt 82kg Ht 175cm → BMI 27  \n';
    assert.deepEqual(show(t).map((r) => r[1]), ['BP 118/72', 'HR 86', 'RR 18', 'SpO₂ 98% RA', 'T 36.9', 'Wt 82kg', 'Ht 175cm']);
  });

  test('sections are a hint: R 18 alone is read inside a vitals section', () => {
    const t = 'Vitals:\nR 18\n';
    none(t);
    const withSection = findVitals(t, [section(t, 'vitals', 'Vitals')]);
    assert.equal(withSection.length, 1);
  });

  test('CRLF line endings keep exact spans', () => {
    const t = 'Vitals:\r\nBP 120/80\r\nHR 88 bpm\r\nSpO2 97% RA\r\n';
    assert.deepEqual(show(t), [
      ['blood-pressure', 'BP 120/80', '120/80'],
      ['heart-rate', 'HR 88 bpm', '88'],
      ['spo2', 'SpO2 97% RA', '97'],
    ]);
  });

  test('odd Unicode: emoji and non-breaking spaces do not shift offsets', () => {
    const t = '😀 note — BP\u00a0120/80, HR\u00a088 😀';
    assert.deepEqual(show(t), [
      ['blood-pressure', 'BP\u00a0120/80', '120/80'],
      ['heart-rate', 'HR\u00a088', '88'],
    ]);
  });

  test('empty and blank text', () => {
    assert.deepEqual(findVitals('', []), []);
    assert.deepEqual(findVitals('   \n\r\n\t', []), []);
  });

  test('a very long line with a vital at its end', () => {
    const t = `${'word '.repeat(200_000)}BP 120/80`;
    assert.deepEqual(show(t), [['blood-pressure', 'BP 120/80', '120/80']]);
  });

  test('results are in text order and never overlap', () => {
    const t =
      'VS: T 38.9 HR 124 BP 88/50 (63) RR 28 SpO2 89% on 4L NC. GCS 13 (E3V4M6). New confusion. Pain 8/10. Wt 70 kg.\n' +
      'BP | HR\n90/60 | 120\n98% on 15L NRB. A&Ox3.';
    const vs = findVitals(t, []);
    for (let i = 1; i < vs.length; i++) {
      const prev = vs[i - 1];
      const cur = vs[i];
      assert.ok(prev && cur && prev.span.end <= cur.span.start, `overlap at ${i}`);
    }
    assert.equal(vs.length, 13);
  });
});

describe('knowledge file', () => {
  test('cites its sources and maps every label to one kind', () => {
    assert.match(vitalsData.source, /NEWS/);
    assert.match(vitalsData.source, /LOINC/);
    const seen = new Map<string, string>();
    for (const [kind, groups] of Object.entries(vitalsData.labels)) {
      for (const l of [...groups.strong, ...groups.plausible, ...groups.context]) {
        const k = labelKey(l);
        assert.ok(!seen.has(k) || seen.get(k) === kind, `label ${l} is both ${seen.get(k)} and ${kind}`);
        seen.set(k, kind);
      }
    }
  });
});

describe('performance', () => {
  test('a ~5 MB note is parsed in linear time (< 3 s of CPU)', () => {
    const chunk =
      'O: VS: T 99.1 HR 88 BP 100/60 RR 20 SAO2 97% 4L NP. CV: HR 70S AV PACED, NO VEA. PT ALERT AND ORIENTED X3. K 4.1.\n' +
      'Pt seen and examined with the team this morning; denies new confusion, chest pain or shortness of breath. Plan to ' +
      'continue BP meds, T12 precautions and physiotherapy, and to review the results of the morning bloods with the family.\n' +
      'BP | HR\n120/80 | 88\n\n';
    const text = chunk.repeat(Math.ceil(5_000_000 / chunk.length));
    // CPU time, not wall time: a guard against quadratic behaviour that a busy machine cannot trip.
    const started = process.cpuUsage();
    const vitals = findVitals(text, []);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    assert.ok(vitals.length > 100_000);
    assert.ok(ms < LINEAR_TIME_BOUND_MS, `took ${ms.toFixed(0)} ms of CPU`);
  });
});
