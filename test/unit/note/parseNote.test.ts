import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkInput, parseNote } from '../../../server/src/note/parseNote';

const examples = path.resolve(__dirname, '..', '..', '..', 'examples');
const fixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'notes');

describe('input checks', () => {
  test('empty and whitespace-only notes', () => {
    assert.equal(checkInput('')?.kind, 'empty');
    assert.equal(checkInput(' \r\n\t')?.kind, 'empty');
    assert.equal(parseNote('').inputProblem?.kind, 'empty');
  });

  test('binary content: NUL bytes, control characters, undecodable bytes', () => {
    assert.equal(checkInput(readFileSync(path.join(fixtures, 'binary.note'), 'latin1'))?.kind, 'binary');
    assert.equal(checkInput(readFileSync(path.join(fixtures, 'binary.note'), 'utf8'))?.kind, 'binary');
    assert.equal(checkInput('abc\u0001\u0002\u0003\u0004'.repeat(10))?.kind, 'binary');
    assert.equal(checkInput('\ufffd'.repeat(20) + 'text')?.kind, 'binary');
  });

  test('size limit says how big the note is and what to do', () => {
    const p = checkInput('a'.repeat(3 * 1024 * 1024), 2 * 1024 * 1024);
    assert.equal(p?.kind, 'too-large');
    assert.match(p!.message, /3\.0 MiB, over the 2 MiB analysis limit.*Split it/);
  });

  test('ordinary text, tabs, form feeds and Unicode pass', () => {
    assert.equal(checkInput('HPI:\tcough\f\r\n°C µg ≥ 🩺'), undefined);
    assert.equal(checkInput(readFileSync(path.join(fixtures, 'unicode.cnote'), 'utf8')), undefined);
  });
});

describe('parsing whole notes', () => {
  test('every example note parses into a plausible structure', () => {
    for (const f of readdirSync(examples).filter((x) => x.endsWith('.cnote'))) {
      const text = readFileSync(path.join(examples, f), 'utf8');
      const note = parseNote(text);
      assert.equal(note.inputProblem, undefined, f);
      assert.ok(note.sections.length >= 4, `${f}: sections`);
      assert.ok(note.vitals.length >= 3, `${f}: vitals`);
      assert.ok(note.medications.length >= 2, `${f}: medications`);
      assert.notEqual(note.allergies.status, 'not-documented', `${f}: allergies`);
      assert.ok(note.demographics.age, `${f}: age`);
      for (const items of [note.vitals, note.medications, note.labs, note.problems, note.sections]) {
        for (const it of items) {
          assert.ok(it.span.start >= 0 && it.span.end <= text.length && it.span.start <= it.span.end, `${f}: span in bounds`);
        }
      }
    }
  });

  test('the ED sepsis note: the findings a triage rule needs', () => {
    const text = readFileSync(path.join(examples, 'ed-triage-sepsis.cnote'), 'utf8');
    const note = parseNote(text);
    assert.equal(note.noteType, 'ed-note');
    assert.equal(note.demographics.age?.years, 74);
    assert.equal(note.demographics.sex?.value, 'female');
    const bp = note.vitals.find((v) => v.kind === 'blood-pressure');
    assert.ok(bp && bp.kind === 'blood-pressure' && bp.systolic === 86 && bp.diastolic === 52);
    const spo2 = note.vitals.find((v) => v.kind === 'spo2');
    assert.ok(spo2 && spo2.kind === 'spo2' && spo2.value === 91 && spo2.oxygen?.supplemental === true && spo2.oxygen.flowLpm === 2);
    const temp = note.vitals.find((v) => v.kind === 'temperature');
    assert.ok(temp && temp.kind === 'temperature' && temp.value === 38.4);
    assert.ok(note.vitals.some((v) => v.kind === 'consciousness' && v.newConfusion === true), 'new confusion');
    assert.ok(note.labs.some((l) => l.analyte === 'lactate' && l.value === 4.3));
    assert.equal(note.allergies.status, 'documented');
  });

  test('CRLF and LF versions of a note give the same structure', () => {
    const lf = readFileSync(path.join(examples, 'progress-note-chf.cnote'), 'utf8').replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseNote(lf);
    const b = parseNote(crlf);
    assert.deepEqual(b.sections.map((s) => s.kind), a.sections.map((s) => s.kind));
    assert.deepEqual(b.vitals.map((v) => v.kind), a.vitals.map((v) => v.kind));
    assert.deepEqual(b.medications.map((m) => m.name), a.medications.map((m) => m.name));
    assert.deepEqual(b.labs.map((l) => [l.analyte, l.value]), a.labs.map((l) => [l.analyte, l.value]));
  });

  test('a 10 MB note parses in one pass without throwing', () => {
    const block = readFileSync(path.join(examples, 'icu-nursing-note.cnote'), 'utf8');
    const text = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    const note = parseNote(text);
    assert.equal(note.inputProblem, undefined);
    assert.ok(note.vitals.length > 1000);
  });
});
