/**
 * Sig follow-ups: strengths after a drug name, routes and frequencies after a dose, in approved
 * wording, and never a strength, route or frequency the dose-range rule would flag, for the dose
 * written and the patient's documented weight and liver history.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver';
import { analyze } from '../../../server/src/clinical/analyze';
import { doNotUseAbbreviation } from '../../../server/src/clinical/rules/doNotUse';
import { doseRange } from '../../../server/src/clinical/rules/doseRange';
import { errorProneAbbreviation } from '../../../server/src/clinical/rules/ismpAbbreviations';
import { genericsWithStrengths, productsOf } from '../../../server/src/features/completion/knowledge';
import { parseNote } from '../../../server/src/note/parseNote';
import { apply, complete, DO_NOT_USE_FORM, find, labels, newText } from './completionKit';

const med = (sig: string, header = '') => complete(`${header}Medications:\n- ${sig}`);

describe('strengths after a drug name', () => {
  test('the common strengths, with a space and a re-trigger at the end of the line', () => {
    const { text, items } = med('metoprolol |');
    assert.deepEqual(labels(items), ['25 mg', '50 mg', '100 mg', '200 mg', '2.5 mg', '5 mg']);
    const item = find(items, '25 mg');
    assert.equal(apply(text, item), 'Medications:\n- metoprolol 25 mg ');
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
    assert.match(item.documentation && typeof item.documentation !== 'string' ? item.documentation.value : '', /twice daily/);
  });

  test('mid-line: no trailing space, no re-trigger', () => {
    const item = find(med('metoprolol | PO twice daily').items, '25 mg');
    assert.equal(newText(item), '25 mg');
    assert.equal(item.command, undefined);
  });

  test('a partly typed strength narrows the list and is replaced', () => {
    const r = med('metoprolol 2|');
    assert.deepEqual(labels(r.items), ['25 mg', '200 mg', '2.5 mg']);
    assert.equal(apply(r.text, find(r.items, '25 mg')), 'Medications:\n- metoprolol 25 mg ');
    assert.deepEqual(labels(med('levothyroxine 11|').items), ['112 mcg']);
    assert.deepEqual(labels(med('metoprolol 25m|').items), ['25 mg']);
  });

  test('brands and formulation words lead to the generic\'s strengths', () => {
    assert.ok(labels(med('Tylenol |').items).includes('650 mg'));
    assert.ok(labels(med('metformin ER |').items).includes('750 mg'));
  });

  test('a space typed after the name asks for strengths; insulin doses are never suggested', () => {
    assert.ok(med('lisinopril |').items.length > 0);
    assert.ok(complete('Medications:\n- lisinopril |', { trigger: ' ' }).items.length > 0);
    assert.deepEqual(labels(med('insulin glargine |').items).filter((l) => /\d/.test(l)), []);
  });
});

describe('routes and frequencies after a dose', () => {
  test('the product\'s routes and usual frequencies for the strength written', () => {
    assert.deepEqual(labels(med('metoprolol 25 mg |').items), ['PO', 'twice daily', 'daily']);
    assert.deepEqual(labels(med('furosemide 40 mg |').items), ['PO', 'IV', 'daily', 'twice daily', 'once']);
    assert.deepEqual(labels(med('metoprolol 25 mg PO |').items), ['twice daily', 'daily']);
  });

  test('approved wording: subcut for SC/SQ, daily for QD, every other day for QOD, at bedtime for HS', () => {
    const sq = med('enoxaparin 40 mg sq|');
    const subcut = find(sq.items, 'subcut');
    assert.equal(subcut.filterText, 'sq');
    assert.equal(apply(sq.text, subcut), 'Medications:\n- enoxaparin 40 mg subcut');
    const qd = med('lisinopril 10 mg PO qd|');
    assert.equal(apply(qd.text, find(qd.items, 'daily')), 'Medications:\n- lisinopril 10 mg PO daily');
    assert.ok(find(med('ferrous sulfate 325 mg PO qod|').items, 'every other day'));
    assert.ok(find(med('trazodone 50 mg PO hs|').items, 'at bedtime'));
    for (const src of ['lisinopril 10 mg PO q|', 'insulin glargine 10 units |', 'heparin 5000 units |', 'enoxaparin 40 mg s|']) {
      for (const i of med(src).items) assert.doesNotMatch(`${i.label} ${newText(i)}`, DO_NOT_USE_FORM, src);
    }
  });

  test('a frequency being typed over several words is completed whole', () => {
    const tw = med('metoprolol 25 mg PO twice d|');
    assert.equal(apply(tw.text, find(tw.items, 'twice daily')), 'Medications:\n- metoprolol 25 mg PO twice daily');
    const prn = med('acetaminophen 650 mg PO every 6 hours |');
    assert.equal(apply(prn.text, find(prn.items, 'every 6 hours as needed')), 'Medications:\n- acetaminophen 650 mg PO every 6 hours as needed');
  });

  test('a route still being typed is completed; a finished sig gets nothing', () => {
    assert.deepEqual(labels(med('furosemide 40 mg I|').items), ['IV']);
    assert.deepEqual(med('lisinopril 10 mg PO daily |').items, []);
    assert.deepEqual(med('lisinopril 10 mg PO daily; aspirin|').items.filter((i) => /daily/.test(i.label)), []);
  });

  test('the frequency documentation gives the daily total', () => {
    const doc = find(med('acetaminophen 650 mg PO |').items, 'every 6 hours').documentation;
    assert.match(typeof doc === 'string' ? doc : doc?.value ?? '', /Total 2,600 mg a day/);
  });

  test('drugs without common strengths get the common approved frequencies', () => {
    const items = labels(med('amiodarone 200 mg PO |').items);
    assert.ok(items.includes('daily') && items.includes('twice daily') && !items.includes('every 5 minutes as needed'));
  });

  test('the follow-ups do not parse the note unless a dose limit needs the patient\'s weight', () => {
    assert.equal(med('metoprolol 25 mg |').parses, 0);
    assert.equal(med('lisinopril |').parses, 0);
    assert.equal(med('acetaminophen 650 mg PO |').parses, 1);
  });
});

describe('never outside the dose-range rules', () => {
  test('a dose the list does not hold gets only the frequencies that keep it in range', () => {
    assert.deepEqual(labels(med('colchicine 1.2 mg PO |').items), ['daily']);
    assert.deepEqual(med('warfarin 20 mg PO |').items, []);
    assert.deepEqual(labels(med('methotrexate 15 mg PO |').items), ['once weekly']);
    assert.deepEqual(med('insulin glargine 150 units subcut |').items, []);
  });

  test('a route over a route-specific limit is not offered (morphine 20 mg: PO, not IV)', () => {
    assert.deepEqual(labels(med('morphine 20 mg |').items).filter((l) => /^(?:PO|IV)$/.test(l)), ['PO']);
  });

  test('liver disease and low weight lower the acetaminophen ceiling; weight limits enoxaparin', () => {
    assert.deepEqual(labels(med('acetaminophen 1000 mg PO |').items), ['every 6 hours as needed', 'every 6 hours', 'every 8 hours']);
    assert.deepEqual(labels(med('acetaminophen 1000 mg PO |', 'PMH: cirrhosis\n').items), ['every 8 hours']);
    assert.deepEqual(labels(med('enoxaparin |', 'Weight: 45 kg\n').items), ['30 mg', '40 mg', '60 mg']);
    assert.deepEqual(labels(med('enoxaparin 60 mg subcut |', 'Weight: 45 kg\n').items), ['daily']);
  });

  test('walking the completions for every common drug offers only sigs the rules accept', () => {
    const rules = [doseRange, doNotUseAbbreviation, errorProneAbbreviation];
    const headers = ['', 'Weight: 48 kg\nPMH: cirrhosis\n'];
    let sigs = 0;
    const step = (header: string, sig: string): CompletionItem[] => med(`${sig}|`, header).items;
    for (const header of headers) {
      for (const generic of genericsWithStrengths()) {
        if (!productsOf(generic)?.some((p) => p.strengths.length > 0)) continue;
        for (const strength of step(header, `${generic} `)) {
          const dosed = `${generic} ${newText(strength).trim()}`;
          for (const route of step(header, `${dosed} `).filter((i) => i.sortText?.startsWith('0'))) {
            const routed = `${dosed} ${newText(route)}`;
            const frequencies = step(header, `${routed} `);
            assert.ok(frequencies.length > 0 || header !== '', `${routed}: some frequency is offered`);
            for (const frequency of frequencies) {
              const text = `${header}Medications:\n- ${routed} ${newText(frequency)}\n`;
              const findings = analyze({ text, note: parseNote(text) }, { rules });
              assert.deepEqual(findings.map((f) => f.message), [], text);
              sigs++;
            }
          }
        }
      }
    }
    assert.ok(sigs > 400, `${sigs} sigs`);
  });
});
