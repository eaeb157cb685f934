/**
 * The knowledge completion offers is safe on its own: every common strength × frequency × route
 * passes the dose-range rule and raises no do-not-use or error-prone abbreviation finding, the
 * approved wording parses back to what it means, and the abbreviation list holds no Do-Not-Use form.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/clinical/analyze';
import { doNotUseAbbreviation } from '../../../server/src/clinical/rules/doNotUse';
import { doseRange } from '../../../server/src/clinical/rules/doseRange';
import { errorProneAbbreviation } from '../../../server/src/clinical/rules/ismpAbbreviations';
import {
  allAbbreviations, DOSE_UNITS, FREQUENCIES, frequencyWording, genericsWithStrengths, headingOrder, productsOf, ROUTES, routeWordings, TEMPLATES,
} from '../../../server/src/features/completion/knowledge';
import { preview } from '../../../server/src/features/completion/templates';
import commonStrengths from '../../../server/src/knowledge/commonStrengths.json';
import doNotUse from '../../../server/src/knowledge/doNotUse.json';
import ismp from '../../../server/src/knowledge/ismpAbbreviations.json';
import noteTemplates from '../../../server/src/knowledge/noteTemplates.json';
import safeAbbreviations from '../../../server/src/knowledge/safeAbbreviations.json';
import sectionOrder from '../../../server/src/knowledge/sectionOrder.json';
import sigWording from '../../../server/src/knowledge/sigWording.json';
import { lookupDrug } from '../../../server/src/note/drugLexicon';
import { parseNote } from '../../../server/src/note/parseNote';
import type { NoteType } from '../../../server/src/note/types';
import { DO_NOT_USE_FORM } from './completionKit';

const SAFETY_RULES = [doseRange, doNotUseAbbreviation, errorProneAbbreviation];

/** Findings of the dose and abbreviation rules on a one-item medication list. */
function judge(sig: string, header = ''): { messages: string[]; med: ReturnType<typeof parseNote>['medications'][number] | undefined } {
  const text = `${header}Medications:\n- ${sig}\n`;
  const note = parseNote(text);
  return { messages: analyze({ text, note }, { rules: SAFETY_RULES }).map((f) => `${f.code}: ${f.message}`), med: note.medications[0] };
}

describe('completion knowledge files', () => {
  test('each names its source', () => {
    for (const data of [commonStrengths, sigWording, safeAbbreviations, sectionOrder, noteTemplates]) {
      assert.equal(typeof data.source, 'string');
      assert.ok(data.source.length > 40, data.source);
    }
  });

  test('the safety harness can fail: a known overdose and a Do-Not-Use form are reported', () => {
    assert.ok(judge('acetaminophen 1000 mg PO every 4 hours').messages.some((m) => m.startsWith('dose-range')));
    assert.ok(judge('methotrexate 10 mg PO daily').messages.some((m) => m.startsWith('dose-range')));
    assert.ok(judge('lisinopril 10 mg PO QD').messages.some((m) => m.startsWith('do-not-use')));
    assert.ok(judge('enoxaparin 40 mg SC daily').messages.some((m) => m.startsWith('error-prone')));
  });
});

describe('common strengths', () => {
  const generics = genericsWithStrengths();

  test('cover the commonest drugs, each a generic of the drug lexicon', () => {
    assert.ok(generics.length >= 60, `${generics.length} drugs`);
    for (const g of generics) assert.equal(lookupDrug(g)?.generic, g, `${g} is a lexicon generic`);
  });

  test('use approved units, listed frequencies and routes with approved wording', () => {
    for (const g of generics) {
      for (const p of productsOf(g) ?? []) {
        assert.ok(DOSE_UNITS.includes(p.unit), `${g}: unit ${p.unit}`);
        assert.ok(routeWordings(p.route).length > 0, `${g}: route ${p.route} has wording`);
        assert.ok(p.frequencies.length > 0, `${g}: frequencies`);
        for (const f of p.frequencies) assert.ok(frequencyWording(f), `${g}: '${f}' is approved wording`);
        for (const s of p.strengths) {
          assert.ok(Number.isFinite(s) && s > 0, `${g}: strength ${s}`);
          // Numbers print with a leading zero and no trailing zero (`0.5`, never `.5` or `5.0`).
          assert.match(String(s), /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/);
        }
      }
    }
  });

  test('every strength × frequency × route passes the dose-range rule and parses back as written', () => {
    let combinations = 0;
    for (const g of generics) {
      for (const p of productsOf(g) ?? []) {
        for (const strength of p.strengths) {
          for (const route of routeWordings(p.route)) {
            for (const frequency of p.frequencies) {
              const sig = `${g} ${strength} ${p.unit} ${route.text} ${frequency}`;
              const { messages, med } = judge(sig);
              assert.deepEqual(messages, [], sig);
              assert.ok(med, `${sig}: parsed`);
              assert.equal(med.generic, g, sig);
              assert.equal(med.strength?.value, strength, sig);
              assert.equal(med.route?.value, p.route, sig);
              assert.equal(med.frequency?.dosesPerDay, frequencyWording(frequency)?.dosesPerDay, sig);
              combinations++;
            }
          }
        }
      }
    }
    assert.ok(combinations > 300, `${combinations} combinations`);
  });
});

describe('approved sig wording', () => {
  test('each route parses back to its route and raises no abbreviation finding', () => {
    for (const r of ROUTES) {
      const sig = `ondansetron 4 mg ${r.text} daily`;
      const { messages, med } = judge(sig);
      assert.deepEqual(messages, [], sig);
      assert.equal(med?.route?.value, r.value, sig);
      assert.doesNotMatch(r.text, DO_NOT_USE_FORM);
    }
  });

  test('each frequency parses back to its doses per day and PRN', () => {
    for (const f of FREQUENCIES) {
      const sig = `docusate 100 mg PO ${f.text}`;
      const { messages, med } = judge(sig);
      assert.deepEqual(messages, [], sig);
      assert.equal(med?.frequency?.dosesPerDay, f.dosesPerDay, sig);
      assert.equal(med?.prn, f.prn === true, sig);
      assert.doesNotMatch(f.text, DO_NOT_USE_FORM);
    }
  });

  test('units are never U, IU, µg or cc', () => {
    for (const u of DOSE_UNITS) assert.ok(!['u', 'iu', 'µg', 'μg', 'cc'].includes(u.toLowerCase()), u);
  });
});

describe('safe abbreviations', () => {
  const items = allAbbreviations();
  const unsafe = new Set([
    ...Object.keys(doNotUse.items),
    ...Object.keys(ismp.items),
    'q.d.', 'qd', 'q.o.d.', 'qod', 'u', 'iu', 'ms', 'mso4', 'mgso4', 'sc', 'sq', 'subq', 'hs', 'cc', 'tiw', 'd/c', 'dc',
  ].map((k) => k.toLowerCase()));

  test('hold no Do-Not-Use or ISMP error-prone form, nor a drug-name abbreviation', () => {
    assert.ok(Object.keys(items).length >= 100);
    for (const [abbreviation, expansions] of Object.entries(items)) {
      assert.equal(abbreviation, abbreviation.toLowerCase(), 'keys are lower case');
      assert.ok(!unsafe.has(abbreviation), `${abbreviation} is on the Do-Not-Use or ISMP list`);
      assert.equal(lookupDrug(abbreviation), undefined, `${abbreviation} abbreviates a drug`);
      assert.ok(expansions.length > 0);
      for (const e of expansions) assert.doesNotMatch(e, DO_NOT_USE_FORM, `${abbreviation} → ${e}`);
    }
  });

  test('frequency expansions use the approved sig wording', () => {
    for (const key of ['bid', 'tid', 'qid', 'qhs', 'q6h']) {
      const [expansion] = items[key] ?? [];
      assert.ok(expansion !== undefined && frequencyWording(expansion), `${key} → ${expansion}`);
    }
  });
});

describe('section order', () => {
  const types: (NoteType | 'default')[] = [
    'history-and-physical', 'progress-note', 'discharge-summary', 'ed-note', 'clinic-visit', 'procedure-note', 'nursing-note', 'default',
  ];

  test('every note type has an order, and every title parses to its kind', () => {
    for (const t of types) {
      const order = headingOrder(t as NoteType);
      assert.ok(order.length >= 5, t);
      for (const e of order) {
        const note = parseNote(`Note\n${e.title}:\ntext\n`);
        const section = note.sections.find((s) => s.title === e.title);
        assert.equal(section?.kind, e.kind, `${t}: ${e.title}`);
      }
    }
  });

  test('H&P follows the conventional order', () => {
    assert.deepEqual(
      headingOrder('history-and-physical').map((e) => e.title),
      ['Chief Complaint', 'History of Present Illness', 'Past Medical History', 'Past Surgical History', 'Medications', 'Allergies', 'Social History',
        'Family History', 'Review of Systems', 'Physical Exam', 'Labs', 'Imaging', 'Assessment', 'Plan'],
    );
  });
});

describe('note templates', () => {
  test('five templates: SOAP, H&P, progress note, discharge summary, procedure note', () => {
    assert.deepEqual(TEMPLATES.map((t) => t.id), ['soap', 'history-and-physical', 'progress-note', 'discharge-summary', 'procedure-note']);
  });

  test('each expands to a note of its type with recognised headings and no Do-Not-Use form', () => {
    for (const t of TEMPLATES) {
      const text = preview(t.body);
      assert.doesNotMatch(text, /\$\{?\d/, `${t.id}: no snippet syntax left in the preview`);
      const note = parseNote(text);
      assert.equal(note.noteType, t.noteType, t.id);
      assert.ok(note.sections.filter((s) => s.kind !== 'other').length >= 5, `${t.id}: sections`);
      const findings = analyze({ text, note }, { rules: [doNotUseAbbreviation, errorProneAbbreviation] });
      assert.deepEqual(findings, [], t.id);
    }
  });

  test('snippets are well formed: numbered tab stops once each, a final $0, balanced braces', () => {
    for (const t of TEMPLATES) {
      const body = t.body.join('\n');
      const stops = [...body.matchAll(/\$\{(\d+)/g)].map((m) => Number(m[1]));
      assert.equal(new Set(stops).size, stops.length, `${t.id}: each tab stop once`);
      assert.ok(body.includes('$0'), `${t.id}: final cursor`);
      assert.equal((body.match(/\{/g) ?? []).length, (body.match(/\}/g) ?? []).length, `${t.id}: braces`);
    }
  });
});
