/**
 * Ordinary completions (pure module): headings by note type, templates, abbreviation expansions,
 * medication names, bad input and speed. Sig follow-ups are in completionSig.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { computeCompletions } from '../../../server/src/features/completion/completion';
import { parseNote } from '../../../server/src/note/parseNote';
import { apply, complete, DO_NOT_USE_FORM, find, labels, newText, sorted } from './completionKit';

const headings = (items: ReturnType<typeof complete>['items']) => sorted(items.filter((i) => i.kind === CompletionItemKind.Keyword)).map((i) => i.label);

describe('section headings', () => {
  const hp = 'History and Physical\nChief Complaint: chest pain\nHistory of Present Illness:\n3 days of pain.\n|';

  test('H&P: the missing headings in conventional order, the next one first', () => {
    const { items } = complete(hp);
    assert.deepEqual(headings(items), [
      'Past Medical History', 'Past Surgical History', 'Medications', 'Allergies', 'Social History', 'Family History', 'Review of Systems',
      'Physical Exam', 'Labs', 'Imaging', 'Assessment', 'Plan',
    ]);
  });

  test('headings already present are not offered again, wherever they are', () => {
    const { items } = complete('History and Physical\nCC: fall\nHPI: tripped\n|\nPlan:\n- admit\nALLERGIES: NKDA');
    const offered = headings(items);
    for (const present of ['Chief Complaint', 'History of Present Illness', 'Plan', 'Allergies']) assert.ok(!offered.includes(present), present);
    assert.ok(offered.includes('Past Medical History'));
  });

  test('headings after the section the cursor follows come first', () => {
    const { items } = complete('History and Physical\nCC: fall\nPhysical Exam:\nwell\n|\nHPI: x');
    assert.deepEqual(headings(items).slice(0, 3), ['Labs', 'Imaging', 'Assessment']);
    assert.ok(headings(items).indexOf('Past Medical History') > headings(items).indexOf('Plan'));
  });

  test('each note type has its own headings', () => {
    const soap = headings(complete('SOAP Note\nS: cough\n|').items);
    assert.deepEqual(soap.slice(0, 2), ['Objective', 'Vitals']);
    assert.ok(!soap.includes('Chief Complaint'));
    const dc = headings(complete('Discharge Summary\nHospital Course: improved\n|').items);
    assert.ok(dc.includes('Discharge Medications') && dc.includes('Follow-up') && !dc.includes('Hospital Course'));
    const proc = headings(complete('Procedure Note\nProcedure: thoracentesis\nIndications: effusion\n|').items);
    assert.ok(proc.includes('Complications') && proc.includes('Estimated Blood Loss'));
    assert.ok(!proc.includes('Indications') && !proc.includes('Procedure'), 'title-matched headings once present are gone');
  });

  test('an Assessment and Plan section covers Assessment and Plan', () => {
    const offered = headings(complete('HPI: cough\nAssessment and Plan:\n1. CAP\n|').items);
    assert.ok(!offered.includes('Assessment') && !offered.includes('Plan') && !offered.includes('Assessment and Plan'));
  });

  test('applying a heading writes it with a colon, replacing what was typed', () => {
    const { text, items } = complete(hp.replace('|', 'Past M|'));
    assert.equal(apply(text, find(items, 'Past Medical History')).split('\n').pop(), 'Past Medical History:');
  });

  test('an alias finds its heading and ranks it first', () => {
    const { items } = complete(hp.replace('|', 'pmh|'));
    const pmh = find(items, 'Past Medical History');
    assert.equal(pmh.filterText, 'pmh');
    assert.equal(sorted(items)[0]?.label, 'Past Medical History');
  });

  test('ALL CAPS notes get ALL CAPS headings; typed case wins', () => {
    const caps = 'HISTORY AND PHYSICAL\nCHIEF COMPLAINT: fall\nHISTORY OF PRESENT ILLNESS:\nx\n|';
    assert.ok(headings(complete(caps).items).includes('PAST MEDICAL HISTORY'));
    assert.ok(headings(complete(caps.replace('|', 'Pa|')).items).includes('Past Medical History'));
    assert.ok(headings(complete(hp.replace('|', 'PA|')).items).includes('PAST MEDICAL HISTORY'));
  });

  test('markdown headings get no colon', () => {
    const { text, items } = complete('# History and Physical\n## Pla|');
    assert.equal(apply(text, find(items, 'Plan')), '# History and Physical\n## Plan');
  });

  test('only at the start of a line: not mid-sentence, after a bullet or after a colon', () => {
    for (const src of ['HPI: patient is a Pa|', 'PMH:\n- Pa|', 'Plan: Pa|', 'HPI: 3 days|']) {
      assert.deepEqual(headings(complete(src).items), [], src);
    }
  });
});

describe('note templates', () => {
  test('an empty note offers every template as a snippet, first', () => {
    const { items } = complete('|');
    const snippets = sorted(items).slice(0, 5);
    assert.deepEqual(labels(snippets), ['SOAP note', 'History and Physical (H&P)', 'Progress note', 'Discharge summary', 'Procedure note']);
    for (const s of snippets) {
      assert.equal(s.kind, CompletionItemKind.Snippet);
      assert.equal(s.insertTextFormat, InsertTextFormat.Snippet);
      assert.match(newText(s), /\$\{1[:}]/);
      assert.doesNotMatch(newText(s), DO_NOT_USE_FORM);
    }
  });

  test('typing a template name finds it at the start of any line', () => {
    assert.deepEqual(labels(complete('Seen today.\nsoa|').items.filter((i) => i.kind === CompletionItemKind.Snippet)), ['SOAP note']);
    assert.deepEqual(labels(complete('h&|').items.filter((i) => i.kind === CompletionItemKind.Snippet)), ['History and Physical (H&P)']);
    const dc = complete('\n\ndischarge sum|');
    const item = find(dc.items, 'Discharge summary');
    assert.ok(apply(dc.text, item).startsWith('\n\nDischarge Summary\nAdmission Date: ${1:date}'));
  });

  test('not mid-line, not for one letter, not for an unknown name', () => {
    for (const src of ['Plan: soap|', 'Note\ns|', 'Note\nxyz|']) {
      assert.deepEqual(complete(src).items.filter((i) => i.kind === CompletionItemKind.Snippet), [], src);
    }
  });
});

describe('safe abbreviation expansions', () => {
  test('htn, sob, bid expand; the abbreviation is the filter text and is replaced', () => {
    const htn = complete('HPI: history of htn|');
    const item = find(htn.items, 'hypertension');
    assert.equal(item.filterText, 'htn');
    assert.equal(apply(htn.text, item), 'HPI: history of hypertension');
    assert.ok(find(complete('Reports sob|').items, 'shortness of breath'));
    assert.ok(find(complete('Takes it bid|').items, 'twice daily'));
  });

  test('capitalised at the start of a line, list item or sentence', () => {
    assert.ok(find(complete('PMH:\n- htn|').items, 'Hypertension'));
    assert.ok(find(complete('Denies cough. sob|').items, 'Shortness of breath'));
    assert.ok(find(complete('cad|').items, 'Coronary artery disease'));
  });

  test('an abbreviation with several meanings offers each; slashes are part of the word', () => {
    assert.deepEqual(labels(complete('Concern for pe|').items.filter((i) => i.kind === CompletionItemKind.Text)), ['pulmonary embolism', 'physical examination']);
    const nv = complete('Reports n/v|');
    assert.equal(apply(nv.text, find(nv.items, 'nausea and vomiting')), 'Reports nausea and vomiting');
    assert.ok(find(complete('Patient is s/p|').items, 'status post'));
  });

  test('only whole words; Do-Not-Use forms are never expanded or offered', () => {
    assert.deepEqual(complete('history of ht|').items.filter((i) => i.kind === CompletionItemKind.Text), []);
    assert.deepEqual(complete('history of xhtn|').items.filter((i) => i.kind === CompletionItemKind.Text), []);
    for (const src of ['lisinopril daily qd|', 'Pain: given ms|', 'insulin 10 u|', 'dose iu|', 'mso4|']) {
      const { items } = complete(src);
      assert.deepEqual(items.filter((i) => i.kind === CompletionItemKind.Text), [], src);
      for (const i of items) assert.doesNotMatch(newText(i), DO_NOT_USE_FORM, `${src}: ${i.label}`);
    }
  });
});

describe('medication names', () => {
  test('in a medications list, from the first letter; the typed word is replaced', () => {
    const { text, items } = complete('Medications:\n- metop|');
    const item = find(items, 'metoprolol');
    assert.equal(item.kind, CompletionItemKind.Value);
    assert.equal(apply(text, item), 'Medications:\n- metoprolol ');
    assert.equal(item.command?.command, 'editor.action.triggerSuggest', 'strengths follow');
    assert.ok(find(complete('Medications:\n- l|').items, 'lisinopril'));
  });

  test('documentation names the class and the common strengths with their source', () => {
    const doc = find(complete('Medications:\n- furos|').items, 'furosemide').documentation;
    const value = typeof doc === 'string' ? doc : doc?.value ?? '';
    assert.match(value, /High-ceiling diuretics|diuretic/i);
    assert.match(value, /20 mg, 40 mg, 80 mg PO/);
    assert.match(value, /FDA/);
  });

  test('after start, give, continue; in a plan line from three letters', () => {
    assert.ok(find(complete('HPI: we will start metf|').items, 'metformin'));
    assert.ok(find(complete('HPI: gave her 1 dose, then give c|').items, 'ceftriaxone'));
    assert.ok(find(complete('Plan:\n- continue home lis|').items, 'lisinopril'));
    assert.ok(find(complete('Plan:\n1. CHF: furo|').items, 'furosemide'));
    assert.deepEqual(complete('Plan:\n1. CHF: fu|').items.filter((i) => i.kind === CompletionItemKind.Value), [], 'two letters in a plan line');
  });

  test('not in prose outside a medication context', () => {
    for (const src of ['HPI: patient has metop|', 'Social History: lives with aml|', 'Physical Exam: atorv|']) {
      assert.deepEqual(complete(src).items.filter((i) => i.kind === CompletionItemKind.Value), [], src);
    }
  });

  test('capital typed, capital written; brands keep their spelling and name the generic', () => {
    assert.ok(find(complete('Medications:\n- Metop|').items, 'Metoprolol'));
    const lasix = find(complete('Medications:\n- las|').items, 'Lasix');
    assert.equal(lasix.labelDetails?.description, 'furosemide');
  });

  test('multi-word names: the words typed are replaced, a later word finds the name', () => {
    const gl = complete('Plan: start insulin gl|');
    assert.equal(apply(gl.text, find(gl.items, 'insulin glargine')), 'Plan: start insulin glargine');
    const glarg = complete('Medications:\n- glarg|');
    const item = find(glarg.items, 'insulin glargine');
    assert.equal(item.filterText, 'glargine');
    assert.equal(apply(glarg.text, item), 'Medications:\n- insulin glargine');
  });

  test('commonest drugs first; no abbreviation or Do-Not-Use name (MSO4, MS Contin, KCl)', () => {
    const am = sorted(complete('Medications:\n- am|').items).map((i) => i.label);
    assert.ok(am.indexOf('amlodipine') < am.indexOf('amikacin'));
    for (const src of ['Medications:\n- ms|', 'Medications:\n- mso|', 'Medications:\n- kc|', 'Medications:\n- asa|']) {
      for (const i of complete(src).items) assert.doesNotMatch(i.label, /^(?:MS Contin|MSO4|KCl|ASA)$/i, src);
    }
  });

  test('at most 60 names, and the list says it is incomplete', () => {
    const r = complete('Medications:\n- c|');
    const names = r.items.filter((i) => i.kind === CompletionItemKind.Value);
    assert.ok(names.length > 20 && names.length <= 60, `${names.length}`);
    assert.equal(r.list.isIncomplete, true);
  });
});

describe('bad input', () => {
  test('empty, whitespace-only and out-of-range cursors return a list without throwing', () => {
    const note = parseNote('');
    for (const [text, offset] of [['', 0], ['   \n\n', 5], ['abc', 99], ['abc', -4]] as const) {
      const r = computeCompletions({ text, offset, position: { line: 0, character: Math.max(0, offset) }, note: () => note });
      assert.ok(Array.isArray(r.items));
    }
  });

  test('binary and control characters do not throw', () => {
    const r = complete('\u0000\u0001\u0002PNG\u0000\n- metop|\u0000');
    assert.ok(Array.isArray(r.items));
  });

  test('Windows line endings and astral characters keep ranges exact', () => {
    const crlf = complete('History and Physical\r\nCC: fall\r\nPast M|\r\nPlan:\r\n');
    assert.equal(apply(crlf.text, find(crlf.items, 'Past Medical History')), 'History and Physical\r\nCC: fall\r\nPast Medical History:\r\nPlan:\r\n');
    const astral = complete('Medications:\n- 💊 then start metop|');
    assert.equal(apply(astral.text, find(astral.items, 'metoprolol')), 'Medications:\n- 💊 then start metoprolol ');
  });

  test('a 100,000-character line answers quickly, whatever ends it', () => {
    const line = 'x'.repeat(100_000);
    complete('Medications:\n- metop|');
    for (const end of [' start metop', '.', '/', '-', ' 25 mg ']) {
      const t = performance.now();
      const r = complete(`Medications:\n- ${line}${end}|`);
      assert.ok(Array.isArray(r.items));
      assert.ok(performance.now() - t < 250, `line ending '${end}': ${(performance.now() - t).toFixed(0)} ms`);
    }
  });
});

describe('speed', () => {
  test('under a few ms per request on a 2,000-line note (parse cached)', () => {
    const base = readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'hp-medication-safety.cnote'), 'utf8');
    let text = '';
    while (text.split('\n').length < 2000) text += `${base}\n`;
    const note = parseNote(text);
    const offsets: number[] = [];
    for (const probe of ['- metoprolol tartrate 25 mg', '- Hypertension', 'PAST SURGICAL HISTORY:', 'Lives with her']) {
      for (let i = text.indexOf(probe); i >= 0; i = text.indexOf(probe, i + 1)) offsets.push(i + probe.length, i + 2, i);
    }
    const run = (): number[] =>
      offsets.map((offset) => {
        const before = text.slice(0, offset);
        const position = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
        const t = performance.now();
        computeCompletions({ text, offset, position, note: () => note });
        return performance.now() - t;
      });
    run();
    const times = run().sort((a, b) => a - b);
    const median = times[times.length >> 1] ?? Infinity;
    const p95 = times[Math.floor(times.length * 0.95)] ?? Infinity;
    assert.ok(offsets.length > 100);
    assert.ok(median < 2, `median ${median.toFixed(2)} ms`);
    assert.ok(p95 < 10, `p95 ${p95.toFixed(2)} ms`);
  });
});
