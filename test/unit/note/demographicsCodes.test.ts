import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCodes } from '../../../server/src/note/codes';
import { findDemographics } from '../../../server/src/note/demographics';
import { detectNoteType } from '../../../server/src/note/noteType';
import { findSections } from '../../../server/src/note/sections';

describe('demographics', () => {
  const cases: [string, number | undefined, 'female' | 'male' | undefined, string?][] = [
    ['74 y/o F presents with fever', 74, 'female', '74 y/o'],
    ['58-year-old man with chest pain', 58, 'male', '58-year-old'],
    ['pt is a 57yo f who is followed', 57, 'female', '57yo'],
    ['O: 58 YEAR OLD FEMALE ADMITTED IN TRANSFER', 58, 'female', '58 YEAR OLD'],
    ['Age: 81\nSex: F', 81, 'female', 'Age: 81'],
    ['Age/Sex: 81-year-old woman', 81, 'female'],
    ['3-month-old boy with bronchiolitis', 0.25, 'male', '3-month-old'],
    ['Gender: Male. No age given.', undefined, 'male'],
    ['He reports cough. He denies fever. His wife is here.', undefined, 'male'],
    ['She reports cough. He is her husband.', undefined, undefined],
    ['', undefined, undefined],
  ];
  for (const [text, age, sex, ageText] of cases) {
    test(JSON.stringify(text.slice(0, 40)), () => {
      const d = findDemographics(text);
      assert.equal(d.age?.years, age);
      assert.equal(d.sex?.value, sex);
      if (ageText && d.age) assert.equal(text.slice(d.age.span.start, d.age.span.end), ageText);
      if (d.sex) assert.match(text.slice(d.sex.span.start, d.sex.span.end), /^(f|m|female|male|woman|man|boy|girl|he|she|his|her)$/i);
    });
  }
});

describe('codes', () => {
  test('ICD-10 in parentheses, labelled, and trailing after a dash', () => {
    const t = 'Hypertension (I10)\nType 2 diabetes - E11.9\nICD-10: J44.1\nHip fracture [S72.001A]';
    assert.deepEqual(findCodes(t).map((c) => [c.system, c.code, t.slice(c.span.start, c.span.end)]), [
      ['ICD-10', 'I10', 'I10'],
      ['ICD-10', 'E11.9', 'E11.9'],
      ['ICD-10', 'J44.1', 'J44.1'],
      ['ICD-10', 'S72.001A', 'S72.001A'],
    ]);
  });
  test('SNOMED and LOINC only when labelled', () => {
    const t = 'SNOMED: 44054006; LOINC 2160-0; 2160-0 alone';
    assert.deepEqual(findCodes(t).map((c) => [c.system, c.code]), [
      ['SNOMED', '44054006'],
      ['LOINC', '2160-0'],
    ]);
  });
  test('no codes from vitamins, vertebrae or temperatures', () => {
    assert.deepEqual(findCodes('vitamin B12 deficiency; T12 compression fracture; T 38.4; E4V5M6'), []);
  });
});

describe('note type', () => {
  const type = (t: string) => detectNoteType(t, findSections(t));
  test('from the title', () => {
    assert.equal(type('DISCHARGE SUMMARY\n\nHOSPITAL COURSE:\n...'), 'discharge-summary');
    assert.equal(type('ED TRIAGE NOTE\nCC: fever'), 'ed-note');
    assert.equal(type('History and Physical\n'), 'history-and-physical');
    assert.equal(type('ccu nsg admission note: 12 am'), 'nursing-note');
    assert.equal(type('Clinic Visit — Primary Care'), 'clinic-visit');
  });
  test('from the sections when there is no title', () => {
    assert.equal(type('S: better\nO: afebrile\nA: improving\nP: home'), 'progress-note');
    assert.equal(type('HPI:\nx\nPMH:\ny\nPHYSICAL EXAM:\nz'), 'history-and-physical');
    assert.equal(type('random text'), 'unknown');
  });
});
