import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findSections, sectionAt, sectionKindOf } from '../../../server/src/note/sections';
import { LINEAR_TIME_BOUND_MS } from '../../support/linearTime';

const heads = (text: string) => findSections(text).map((s) => [s.kind, s.level, text.slice(s.headingSpan.start, s.headingSpan.end)]);
const body = (text: string, i: number) => {
  const s = findSections(text)[i]!;
  return text.slice(s.bodySpan.start, s.bodySpan.end);
};

describe('section headings', () => {
  test('colon headings with text on the same line', () => {
    const t = 'CC: chest pain\nHPI: 58 yo M with 2 h of pressure.\nPMH: HTN, DM2';
    assert.deepEqual(heads(t), [
      ['chief-complaint', 1, 'CC'],
      ['hpi', 1, 'HPI'],
      ['pmh', 1, 'PMH'],
    ]);
    assert.equal(body(t, 1), '58 yo M with 2 h of pressure.');
  });

  test('bare headings alone on a line, ALL CAPS and title case', () => {
    const t = 'HISTORY OF PRESENT ILLNESS\nPain for 2 days.\n\nAssessment and Plan\n1. Pneumonia\n';
    assert.deepEqual(heads(t), [
      ['hpi', 1, 'HISTORY OF PRESENT ILLNESS'],
      ['assessment-and-plan', 1, 'Assessment and Plan'],
    ]);
    assert.equal(body(t, 0), '\nPain for 2 days.');
  });

  test('markdown headings nest by depth and plain headings nest under them', () => {
    const t = '# Visit\n## Medications\n- metformin 500 mg BID\n## Plan\nAllergies:\nNKDA\n';
    const s = findSections(t);
    assert.deepEqual(s.map((x) => [x.kind, x.level, x.title]), [
      ['other', 1, 'Visit'],
      ['medications', 2, 'Medications'],
      ['plan', 2, 'Plan'],
      ['allergies', 3, 'Allergies'],
    ]);
    assert.equal(t.slice(s[0]!.span.start, s[0]!.span.end), t.trimEnd());
    assert.equal(t.slice(s[1]!.span.start, s[1]!.span.end), '## Medications\n- metformin 500 mg BID');
  });

  test('SOAP letters contain the sections written inside them', () => {
    const t = 'S: feels better\nO:\nVitals: BP 120/80\nPhysical Exam:\nLungs: clear\nA: CHF improving\nP: continue furosemide';
    assert.deepEqual(heads(t), [
      ['subjective', 1, 'S'],
      ['objective', 1, 'O'],
      ['vitals', 2, 'Vitals'],
      ['physical-exam', 2, 'Physical Exam'],
      ['assessment', 1, 'A'],
      ['plan', 1, 'P'],
    ]);
    // `Lungs:` inside the exam is a finding line, so the exam runs to `A:`.
    assert.equal(body(t, 3), '\nLungs: clear');
  });

  test('inline ALL-CAPS headings of ICU nursing notes', () => {
    const t = 'O: BUN NOW 50; CR 2.1. A: CONTINUED RENAL FAILURE. P: FOR REPEAT BUN; PMH: CAD';
    assert.deepEqual(heads(t), [
      ['objective', 1, 'O'],
      ['assessment', 1, 'A'],
      ['plan', 1, 'P'],
      ['pmh', 1, 'PMH'],
    ]);
    assert.equal(body(t, 1), 'CONTINUED RENAL FAILURE.');
  });

  test('qualified and annotated headings', () => {
    assert.equal(sectionKindOf('DISCHARGE LABS (2025-02-07)'), 'labs');
    assert.equal(sectionKindOf('TRIAGE VITALS (02:50)'), 'vitals');
    assert.equal(sectionKindOf('HOME MEDS (per daughter)'), 'medications');
    assert.equal(sectionKindOf('PLAN / ADMISSION ORDERS'), 'plan');
    assert.equal(sectionKindOf('Chest'), undefined);
    assert.deepEqual(heads('LABS (03:25):\nNa 140\n'), [['labs', 1, 'LABS (03:25)']]);
  });

  test('body-system labels: findings inside an exam, sections in a nursing note', () => {
    const exam = 'PHYSICAL EXAM:\nNEURO: alert\nCV: RRR\n';
    assert.deepEqual(heads(exam), [['physical-exam', 1, 'PHYSICAL EXAM']]);
    const nursing = 'NEURO: SEDATED ON PROPOFOL; RASS -2\n\nCV: HR 88 SR\n';
    assert.deepEqual(heads(nursing), [
      ['other', 1, 'NEURO'],
      ['other', 1, 'CV'],
    ]);
  });

  test('no false headings from prose, abbreviations and single SOAP letters in text', () => {
    assert.deepEqual(heads('NKDA\n'), []);
    assert.deepEqual(heads('Patient seen at bedside: comfortable.\nBP: 120/80\n'), []);
    assert.deepEqual(heads('a: not a heading\n'), []);
    assert.deepEqual(heads('She was given 2 L NS over 1 h.'), []);
  });

  test('CRLF line endings keep exact offsets', () => {
    const t = 'HPI:\r\nCough.\r\n\r\nPLAN:\r\nRest.\r\n';
    const s = findSections(t);
    assert.deepEqual(s.map((x) => x.kind), ['hpi', 'plan']);
    assert.equal(t.slice(s[0]!.span.start, s[0]!.span.end), 'HPI:\r\nCough.');
    assert.equal(t.slice(s[1]!.bodySpan.start, s[1]!.bodySpan.end), '\r\nRest.');
  });

  test('empty, whitespace and odd Unicode input', () => {
    assert.deepEqual(findSections(''), []);
    assert.deepEqual(findSections(' \n\t\r\n'), []);
    const t = '🩺 note\nHPI: café au lait — 3 µg\u200d\n';
    const s = findSections(t);
    assert.equal(s.length, 1);
    assert.equal(t.slice(s[0]!.headingSpan.start, s[0]!.headingSpan.end), 'HPI');
  });

  test('sectionAt returns the innermost section', () => {
    const t = '# Exam\nVitals:\nBP 120/80\n';
    const s = findSections(t);
    assert.equal(sectionAt(s, t.indexOf('BP'))?.kind, 'vitals');
    assert.equal(sectionAt(s, 2)?.title, 'Exam');
    assert.equal(sectionAt([], 0), undefined);
  });

  test('stays linear on a very large note', () => {
    const block = 'HPI: cough for 3 days, no fever.\nPHYSICAL EXAM:\nLungs: clear\nPLAN:\n1. supportive care\n';
    const t = block.repeat(Math.ceil(5_000_000 / block.length));
    const started = performance.now();
    const s = findSections(t);
    assert.ok(s.length > 100_000);
    assert.ok(performance.now() - started < LINEAR_TIME_BOUND_MS, 'section parsing must stay linear');
  });
});

describe('SOAP letters alone on a line', () => {
  test('an upper-case S, O, A or P alone on its line is a heading; lower case is not', () => {
    const t = 'S\nfeels better\nO\nafebrile\nA\nimproving\nP\nhome\na\n';
    assert.deepEqual(
      findSections(t).map((s) => s.kind),
      ['subjective', 'objective', 'assessment', 'plan'],
    );
  });
});
