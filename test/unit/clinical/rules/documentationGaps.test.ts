import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allergiesNotDocumented, medicationIncomplete, missingAssessmentPlan } from '../../../../server/src/clinical/rules/documentationGaps';
import { flagged, med, note, run } from './ruleFixtures';

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('missing-assessment-plan', () => {
  test('a progress note with only S and O is flagged at its title', () => {
    const text = lines('INPATIENT PROGRESS NOTE', 'S: feels better', 'O: T 36.8 HR 80, Na 136');
    const found = run(missingAssessmentPlan, text);
    assert.deepEqual(flagged(text, found), ['INPATIENT PROGRESS NOTE']);
    assert.equal(found[0]?.severity, 'advisory');
    assert.equal(found[0]?.code, 'missing-assessment-plan');
    assert.match(found[0]?.message ?? '', /^This progress note has no Assessment or Plan section/);
    assert.match(found[0]?.reference?.url ?? '', /^https:\/\/www\.cms\.gov\//);
  });

  test('an H&P without assessment or plan is flagged', () => {
    const text = lines('HISTORY AND PHYSICAL', 'HPI: 70M with cough.', 'PMH: COPD', 'ROS: negative', 'Exam: lungs clear');
    assert.equal(run(missingAssessmentPlan, text).length, 1);
  });

  test('assessment or plan in any common form is enough', () => {
    for (const tail of [['Assessment and Plan:', '1. CHF'], ['A/P: CHF improving'], ['A', '1. CHF improving', 'P', '- continue furosemide'], ['Plan 09:12', '- rest'], ['Impression/Diagnosis: CHF'], ['1. CHF improving', '2. AKI resolving']]) {
      const text = lines('INPATIENT PROGRESS NOTE', 'S: feels better', 'O: T 36.8', ...tail);
      assert.deepEqual(run(missingAssessmentPlan, text), [], tail.join(' | '));
    }
  });

  test('other note types are not checked', () => {
    const text = lines('Clinic Visit', 'HPI: follow-up', 'Exam: normal');
    assert.deepEqual(run(missingAssessmentPlan, text), []);
    assert.deepEqual(run(missingAssessmentPlan, text, note(text, { noteType: 'nursing-note' })), []);
  });
});

describe('allergies-not-documented', () => {
  test('an H&P with medications and no allergy line is flagged at the medications heading', () => {
    const text = lines('HISTORY AND PHYSICAL', 'HPI: 70M with cough.', 'Medications:', '- lisinopril 10 mg PO daily', 'Exam: lungs clear');
    const found = run(allergiesNotDocumented, text);
    assert.deepEqual(flagged(text, found), ['Medications']);
    assert.match(found[0]?.message ?? '', /No allergy status in this H&P: add an "Allergies:" line .* or "NKDA"/);
  });

  test('discharge summaries and ED notes are checked too', () => {
    const dc = lines('DISCHARGE SUMMARY', 'Hospital course: treated for pneumonia.');
    assert.deepEqual(flagged(dc, run(allergiesNotDocumented, dc)), ['DISCHARGE SUMMARY']);
    const ed = lines('ED TRIAGE NOTE', 'CC: fever', 'HPI: 3 days of fever');
    assert.equal(run(allergiesNotDocumented, ed).length, 1);
  });

  test('NKDA or a listed allergy is documentation', () => {
    for (const allergy of ['Allergies: NKDA', 'Allergies: penicillin (hives)', 'No known drug allergies.']) {
      const text = lines('HISTORY AND PHYSICAL', 'HPI: cough', allergy, 'Medications:', '- lisinopril 10 mg PO daily');
      assert.deepEqual(run(allergiesNotDocumented, text), [], allergy);
    }
  });

  test('a clinic visit the note-type guess calls a discharge summary is not flagged', () => {
    const text = lines('CHIEF COMPLAINT', 'Follow-up from an emergency room visit.', 'INSTRUCTIONS', 'Call if worse.');
    assert.deepEqual(run(allergiesNotDocumented, text, note(text, { noteType: 'discharge-summary' })), []);
    assert.deepEqual(run(allergiesNotDocumented, text, note(text, { noteType: 'ed-note' })), []);
  });
});

describe('medication-incomplete', () => {
  const list = lines(
    'HISTORY AND PHYSICAL',
    'Medications:',
    '- lisinopril',
    '- metformin 500 mg',
    '- atorvastatin 40 mg PO nightly',
    '- ondansetron 4 mg PO PRN nausea',
    '- insulin lispro per sliding scale',
    '- artificial tears 1 drop OU',
    '- hydrocortisone 1% cream BID',
    '- albuterol HFA 90 mcg/puff, 2 puffs inhaled every 4 hours PRN wheezing',
    '- Rpt scripts issued',
    '- multivitamin',
    'Stopped:',
    '- hydrochlorothiazide',
    'Allergies: NKDA',
  );

  test('entries without a dose or a frequency are flagged, each at its line', () => {
    const found = run(medicationIncomplete, list);
    assert.deepEqual(flagged(list, found), ['lisinopril', 'metformin 500 mg']);
    assert.equal(found[0]?.message, 'lisinopril: no dose or frequency documented. Medication lists need the dose, route and frequency of each medication for safe reconciliation.');
    assert.match(found[1]?.message ?? '', /^metformin: no frequency documented/);
    assert.match(found[0]?.reference?.url ?? '', /jointcommission\.org/);
  });

  test('PRN, sliding scale, topical, drops, vitamins, unknown names and stopped medications are complete enough', () => {
    const found = flagged(list, run(medicationIncomplete, list));
    for (const name of ['ondansetron', 'insulin lispro', 'artificial tears', 'hydrocortisone', 'albuterol', 'Rpt scripts', 'multivitamin', 'hydrochlorothiazide']) {
      assert.ok(!found.some((f) => f.includes(name)), name);
    }
  });

  test('mentions in prose, held or discontinued medications and lab look-alikes are not list entries', () => {
    const text = lines('Medications:', 'Will decide insulin vs metformin at review', '- Albumin 30 (prev 33)', '- warfarin');
    const parsed = note(text, {
      sections: [{ kind: 'medications', title: 'Medications', level: 1, headingSpan: { start: 0, end: 11 }, span: { start: 0, end: text.length }, bodySpan: { start: 12, end: text.length } }],
      medications: [
        med(text, 'metformin', 'metformin'),
        med(text, 'Albumin 30', 'Albumin'),
        med(text, 'warfarin', 'warfarin', { status: 'held' }),
      ],
      labs: [{ analyte: 'albumin', display: 'Albumin', span: { start: text.indexOf('Albumin'), end: text.indexOf('Albumin') + 10 }, nameSpan: { start: 0, end: 1 }, valueSpan: { start: 0, end: 1 }, value: 30, unit: 'g/L', unitAssumed: true, canonical: { value: 3, unit: 'g/dL' } }],
    });
    assert.deepEqual(run(medicationIncomplete, text, parsed), []);
  });

  test('inline medications outside a medications section are not checked', () => {
    const text = lines('Plan:', '- start lisinopril', '- continue metformin');
    assert.deepEqual(run(medicationIncomplete, text), []);
  });
});

describe('medication-incomplete: false positives found in the hand review (bench/REVIEW.md)', () => {
  test('a device has no frequency; a medication not being taken needs no sig', () => {
    const text = lines('Meds', 'Sertraline 100 mg mane', 'Mirena IUD', 'Movicol macrogol 3350 + electrolytes – currently nil.', 'Lisinopril');
    assert.deepEqual(flagged(text, run(medicationIncomplete, text)), ['Lisinopril']);
  });

  test('a list whose heading says the doses are unconfirmed is not flagged again; a plain list is', () => {
    for (const heading of ['Meds (uncertain doses – to confirm w usual GP)', 'Meds (pt recall only)']) {
      const text = lines(heading, 'Aspirin 100 mane', 'Atorvastatin (“strong one”) nocte');
      assert.deepEqual(run(medicationIncomplete, text), [], heading);
    }
    const plain = lines('Meds', 'Aspirin 100 mane', 'Atorvastatin (“strong one”) nocte');
    assert.match(run(medicationIncomplete, plain)[0]?.message ?? '', /^Atorvastatin: no dose documented/);
  });

  test('a remark that starts with "On" is not a list entry; a schedule in words is a frequency', () => {
    const remark = lines('Meds', 'Pantoprazole 20mg mane', '', 'Cardiac quick check (opportunistic)', 'On apixaban – no bleed, no melaena');
    assert.deepEqual(run(medicationIncomplete, remark), []);
    const words = lines('CURRENT MEDICATIONS', '', 'Cialis 5 mg tablet by mouth on days he exercises, 2.5 mg tablet by mouth on days without exercise.', 'Testosterone cypionate 140 mg.');
    assert.deepEqual(flagged(words, run(medicationIncomplete, words)), ['Testosterone cypionate 140 mg']);
  });
});

describe('documentation gaps: bad input', () => {
  test('empty, binary and CRLF notes', () => {
    for (const rule of [missingAssessmentPlan, allergiesNotDocumented, medicationIncomplete]) {
      assert.deepEqual(run(rule, ''), []);
      assert.deepEqual(run(rule, 'PROGRESS NOTE\u0000\u0001\u0002'), []);
    }
    const crlf = 'HISTORY AND PHYSICAL\r\nMedications:\r\n- lisinopril\r\n';
    assert.deepEqual(flagged(crlf, run(medicationIncomplete, crlf)), ['lisinopril']);
    assert.deepEqual(flagged(crlf, run(allergiesNotDocumented, crlf)), ['Medications']);
  });

  test('a very long medication list is linear', () => {
    const text = 'HISTORY AND PHYSICAL\nMedications:\n' + '- aspirin 81 mg PO daily\n'.repeat(20_000) + 'Allergies: NKDA\n';
    const t0 = performance.now();
    assert.deepEqual(run(medicationIncomplete, text), []);
    assert.ok(performance.now() - t0 < 3000);
  });
});
