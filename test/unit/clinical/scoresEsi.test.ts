import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indexTokens } from '../../../server/src/clinical/scores/cues';
import { computeEsi, dangerZoneBand } from '../../../server/src/clinical/scores/esi';
import { createAssertionContext } from '../../../server/src/note/assertion';
import { parseNote } from '../../../server/src/note/parseNote';
import type { ClinicalNote, Vital } from '../../../server/src/note/types';
import { model, slice, vital } from './scoresFixtures';

function esi(text: string, note: ClinicalNote) {
  return computeEsi(text, note, indexTokens(text), createAssertionContext(text).assertionFor);
}

/** Vitals everyone can use: normal adult HR, RR, SpO2 written in the note's last line. */
const NORMAL = '\nVitals: HR 80, RR 16, SpO2 98% RA.';
const normal = (text: string): Vital[] => [vital.hr(text, 80), vital.rr(text, 16), vital.spo2(text, 98, { supplemental: false, needle: 'RA' })];

describe('ESI decision point A: immediate life-saving intervention', () => {
  test('a life-saving cue gives ESI 1 with its evidence', () => {
    const text = 'HPI: Brought in by EMS, intubated in the field after a seizure.';
    const r = esi(text, model(text));
    assert.equal(r.level, 1);
    assert.deepEqual(r.decidedBy, ['A']);
    assert.equal(slice(text, r.evidence[0]?.span), 'intubated');
    assert.match(r.rationale, /^ESI 1: needs immediate life-saving intervention — airway or breathing support/);
  });

  test('negated, historical and excluded phrasings do not', () => {
    for (const text of [
      'HPI: Not intubated. Alert and talking.',
      'HPI: Was intubated last year for pneumonia.',
      'HPI: Knee pain unresponsive to ibuprofen.',
      'PMH: cardiac arrest 2015\nHPI: ankle sprain.',
    ]) {
      assert.notEqual(esi(text, model(text)).level, 1, text);
    }
  });

  test('unresponsive on ACVPU (P or U) or GCS ≤ 8', () => {
    const t1 = 'Neuro: responds to pain only (P).';
    assert.equal(esi(t1, model(t1, [vital.loc(t1, { acvpu: 'P' }, 'P)')])).level, 1);
    const t2 = 'GCS 7';
    const r = esi(t2, model(t2, [vital.loc(t2, { gcs: 7 }, '7')]));
    assert.equal(r.level, 1);
    assert.equal(r.evidence[0]?.label, 'GCS 7 ≤ 8');
    const t3 = 'GCS 9';
    assert.equal(esi(t3, model(t3, [vital.loc(t3, { gcs: 9 }, '9')])).level, 2);
  });

  test('SpO2 < 90 counts only with respiratory distress', () => {
    const alone = 'SpO2 86% RA.';
    assert.notEqual(esi(alone, model(alone, [vital.spo2(alone, 86)])).level, 1);
    const text = 'SpO2 86% RA, severe respiratory distress with accessory muscle use.';
    const r = esi(text, model(text, [vital.spo2(text, 86)]));
    assert.equal(r.level, 1);
    assert.deepEqual(r.evidence.map((e) => slice(text, e.span)), ['86', 'severe respiratory distress']);
  });

  test('hypotension counts only with signs of hypoperfusion', () => {
    const alone = 'BP 84/50, well appearing.';
    assert.notEqual(esi(alone, model(alone, [vital.bp(alone, 84, 50)])).level, 1);
    const text = 'BP 84/50, cool and clammy.';
    const r = esi(text, model(text, [vital.bp(text, 84, 50)]));
    assert.equal(r.level, 1);
    assert.equal(slice(text, r.evidence[1]?.span), 'cool and clammy');
  });

  test('a respiratory rate under 6 needs ventilatory support', () => {
    const text = 'RR 4 after heroin use.';
    assert.equal(esi(text, model(text, [vital.rr(text, 4)])).level, 1);
  });
});

describe('ESI decision point B: high-risk situation', () => {
  test('chest pain gives ESI 2; denied chest pain does not', () => {
    const text = 'CC: chest pain radiating to the left arm.';
    const r = esi(text, model(text));
    assert.equal(r.level, 2);
    assert.deepEqual(r.decidedBy, ['B']);
    assert.equal(slice(text, r.evidence[0]?.span), 'chest pain');
    const denied = 'HPI: ankle injury. ROS: denies chest pain.';
    assert.notEqual(esi(denied, model(denied)).level, 2);
  });

  test('a suspected diagnosis is high risk; another person’s or a past one is not', () => {
    const text = 'Assessment: rule out ACS.';
    assert.equal(esi(text, model(text)).level, 2);
    const family = 'HPI: sore throat. Father had a stroke.';
    assert.notEqual(esi(family, model(family)).level, 2);
    const pmh = 'PMH: stroke 2019, HTN\nHPI: sore throat.';
    assert.notEqual(esi(pmh, model(pmh)).level, 2);
  });

  test('suicidal ideation, suspected sepsis and new confusion', () => {
    for (const text of ['HPI: reports suicidal ideation with a plan.', 'Assessment: concern for sepsis.', 'HPI: new confusion since this morning.']) {
      assert.equal(esi(text, model(text)).level, 2, text);
    }
  });

  test('severe pain ≥ 7/10', () => {
    const t8 = 'Pain 8/10 in the right wrist.';
    const r = esi(t8, model(t8, [vital.pain(t8, 8, '8/10')]));
    assert.equal(r.level, 2);
    assert.equal(r.evidence[0]?.label, 'severe pain (8/10)');
    const t6 = 'Pain 6/10 in the right wrist.';
    assert.equal(esi(t6, model(t6, [vital.pain(t6, 6, '6/10')])).level, 'insufficient-information');
  });

  test('altered mentation from vitals: ACVPU C or V, GCS 9–14', () => {
    const v = 'Neuro: V';
    assert.equal(esi(v, model(v, [vital.loc(v, { acvpu: 'V' }, 'V')])).level, 2);
    const g = 'GCS 14';
    assert.equal(esi(g, model(g, [vital.loc(g, { gcs: 14 }, '14')])).level, 2);
  });

  test('fever in an infant under 3 months', () => {
    const text = '6-week-old with T 38.5';
    const note = model(text, [vital.temp(text, 38.5)], { demographics: { age: { years: 0.12, span: { start: 0, end: 10 } } } });
    const r = esi(text, note);
    assert.equal(r.level, 2);
    assert.match(r.evidence[0]?.label ?? '', /infant under 3 months/);
  });
});

describe('ESI decision point C: resources', () => {
  test('no plan or orders and no A/B criteria: insufficient information', () => {
    const text = 'HPI: sore throat for two days.';
    const r = esi(text, model(text));
    assert.equal(r.level, 'insufficient-information');
    assert.deepEqual(r.missing, ['plan/orders']);
    assert.match(r.rationale, /no plan or orders/);
  });

  test('a plan with no resources gives ESI 5', () => {
    const text = 'HPI: needs a refill.\nPlan: refill lisinopril, ibuprofen PO, follow up with PCP.';
    const r = esi(text, model(text));
    assert.equal(r.level, 5);
    assert.equal(r.resourceCount, 0);
  });

  test('several labs are one resource: ESI 4', () => {
    const text = 'HPI: dysuria.\nPlan: urinalysis, urine culture, CBC.';
    const r = esi(text, model(text));
    assert.equal(r.level, 4);
    assert.deepEqual(r.resources?.map((x) => [x.category, slice(text, x.span)]), [['labs', 'urinalysis']]);
  });

  test('point-of-care tests, saline locks and negated or conditional orders are not resources', () => {
    const text = 'HPI: dizzy.\nPlan: POC glucose, saline lock. No CT needed. If worse, will need CT.';
    const r = esi(text, model(text));
    assert.equal(r.level, 5, JSON.stringify(r.resources));
  });

  test('an ECG counts as a resource (ESI v4 Table 5-1)', () => {
    const text = 'HPI: palpitations, resolved.\nPlan: ECG.';
    assert.equal(esi(text, model(text)).level, 4);
  });

  test('a complex procedure counts two', () => {
    const text = `HPI: shoulder dislocation.\nPlan: procedural sedation for reduction.${NORMAL}`;
    const r = esi(text, model(text, normal(text)));
    assert.equal(r.resourceCount, 2);
    assert.equal(r.level, 3);
  });

  test('IV medications from the medication parser count', () => {
    const text = 'HPI: cellulitis of the leg.\nPlan:\n- Ceftriaxone 1 g IV daily\n';
    const note = parseNote(text);
    const r = esi(text, { ...note, vitals: [] });
    assert.equal(r.level, 4, JSON.stringify({ meds: note.medications, r }));
    assert.equal(r.resources?.[0]?.category, 'parenteral-medications');
  });
});

describe('ESI decision point D: danger-zone vitals', () => {
  const plan = 'HPI: abdominal pain.\nPlan: CBC, lipase, CT abdomen.';

  test('two or more resources with normal vitals: ESI 3', () => {
    const text = plan + NORMAL;
    const r = esi(text, model(text, normal(text)));
    assert.equal(r.level, 3);
    assert.deepEqual(r.decidedBy, ['C', 'D']);
    assert.equal(r.resourceCount, 2);
    assert.equal(r.ageBand, '> 8 years (age not documented)');
    assert.match(r.rationale, /^ESI 3: 2 resources expected \(labs, CT\)/);
  });

  test('a danger-zone vital suggests ESI 2', () => {
    const text = `${plan}\nVitals: HR 112, RR 16, SpO2 98% RA.`;
    const r = esi(text, model(text, [vital.hr(text, 112), vital.rr(text, 16), vital.spo2(text, 98)]));
    assert.equal(r.level, 2);
    assert.deepEqual(r.decidedBy, ['C', 'D']);
    assert.equal(slice(text, r.evidence.find((e) => e.decisionPoint === 'D')?.span), '112');
    assert.match(r.rationale, /^ESI 2 \(consider\)/);
  });

  test('adult edges: HR 100, RR 20, SpO2 92 are not in the danger zone', () => {
    const text = `${plan}\nVitals: HR 100, RR 20, SpO2 92%.`;
    assert.equal(esi(text, model(text, [vital.hr(text, 100), vital.rr(text, 20), vital.spo2(text, 92)])).level, 3);
    const low = `${plan}\nVitals: HR 100, RR 20, SpO2 91%.`;
    assert.equal(esi(low, model(low, [vital.hr(low, 100), vital.rr(low, 20), vital.spo2(low, 91)])).level, 2);
  });

  test('danger-zone vitals that cannot be ruled out: insufficient information', () => {
    const text = `${plan}\nVitals: HR 80, RR 16.`;
    const r = esi(text, model(text, [vital.hr(text, 80), vital.rr(text, 16)]));
    assert.equal(r.level, 'insufficient-information');
    assert.deepEqual(r.missing, ['SpO2']);
  });

  test('paediatric bands: a 2-year-old with HR 150 is not in the danger zone, 165 is', () => {
    const age = { demographics: { age: { years: 2, span: { start: 0, end: 1 } } } };
    const a = `${plan}\nVitals: HR 150, RR 30, SpO2 97%.`;
    const ra = esi(a, model(a, [vital.hr(a, 150), vital.rr(a, 30), vital.spo2(a, 97)], age));
    assert.equal(ra.level, 3);
    assert.equal(ra.ageBand, '3 months – 3 years');
    const b = `${plan}\nVitals: HR 165, RR 30, SpO2 97%.`;
    assert.equal(esi(b, model(b, [vital.hr(b, 165), vital.rr(b, 30), vital.spo2(b, 97)], age)).level, 2);
  });

  test('age bands', () => {
    assert.equal(dangerZoneBand(0.1).id, 'under-3-months');
    assert.equal(dangerZoneBand(0.25).id, '3-months-to-3-years');
    assert.equal(dangerZoneBand(2.99).id, '3-months-to-3-years');
    assert.equal(dangerZoneBand(3).id, '3-to-8-years');
    assert.equal(dangerZoneBand(8).id, '3-to-8-years');
    assert.equal(dangerZoneBand(8.5).id, 'over-8-years');
    assert.equal(dangerZoneBand(undefined).id, 'over-8-years');
    assert.equal(dangerZoneBand(Number.NaN).id, 'over-8-years');
  });
});

describe('ESI on notes that were not analysed', () => {
  test('an input problem is insufficient information', () => {
    const note = parseNote('');
    const r = esi('', note);
    assert.equal(r.level, 'insufficient-information');
    assert.deepEqual(r.missing, ['note text']);
  });
});
