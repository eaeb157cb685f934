import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNote } from '../../../server/src/note/parseNote';

const problems = (text: string) =>
  parseNote(text).problems.map((p) => [p.text, p.section, p.assertion.certainty, p.assertion.temporality, p.assertion.experiencer, p.code?.code ?? null]);

describe('problems', () => {
  test('numbered assessment items with codes; the plan lines under them are not problems', () => {
    const t = 'ASSESSMENT AND PLAN:\n1. Sepsis, presumed urinary source (A41.9)\n- start ceftriaxone 1 g IV daily\n2. Possible pneumonia - less likely\n';
    assert.deepEqual(problems(t), [
      ['Sepsis, presumed urinary source', 'assessment-and-plan', 'affirmed', 'recent', 'patient', 'A41.9'],
      ['Possible pneumonia', 'assessment-and-plan', 'possible', 'recent', 'patient', null],
    ]);
  });

  test('PMH lists are historical; comma lists split', () => {
    const t = 'PMH: CAD, S/P MI 1992; HTN\n';
    const p = problems(t);
    assert.deepEqual(p.map((x) => x[0]), ['CAD', 'S/P MI 1992', 'HTN']);
    assert.ok(p.every((x) => x[1] === 'pmh'));
  });

  test('cues at the start of a problem apply to it; family history is another experiencer', () => {
    const t = 'Assessment:\n- Family history of colon cancer (Z80.0)\n- No evidence of DVT\n- Hypertension (I10)\n';
    assert.deepEqual(problems(t), [
      ['Family history of colon cancer', 'assessment', 'affirmed', 'historical', 'other', 'Z80.0'],
      ['No evidence of DVT', 'assessment', 'negated', 'recent', 'patient', null],
      ['Hypertension', 'assessment', 'affirmed', 'recent', 'patient', 'I10'],
    ]);
  });

  test('narrative paragraphs in an assessment are not problem entries; parentheticals stay whole', () => {
    const t =
      'ASSESSMENT:\n74 y/o F with fever, confusion and\nlactate 4.3 - meets sepsis criteria.\n1. Recurrent UTIs (last 08/2024, E. coli, pan-sensitive)\n';
    assert.deepEqual(problems(t).map((x) => x[0]), ['Recurrent UTIs (last 08/2024, E. coli, pan-sensitive)']);
  });

  test('spans point at the problem text, CRLF included', () => {
    const t = 'A/P:\r\n1. AKI on CKD 3a (N17.9)\r\n2. Hyperkalemia: repeat K\r\n';
    const note = parseNote(t);
    assert.deepEqual(note.problems.map((p) => t.slice(p.span.start, p.span.end)), ['AKI on CKD 3a', 'Hyperkalemia']);
  });
});
