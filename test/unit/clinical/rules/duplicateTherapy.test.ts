import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../../../server/src/clinical/findings';
import { duplicateTherapy as rule } from '../../../../server/src/clinical/rules/duplicateTherapy';
import { flagged, run } from './ruleFixtures';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function meds(...lines: string[]): string {
  return `MEDICATIONS:\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
}

/** The single finding on `text`: what it points at, its severity, and what its related entry points at. */
function one(text: string, pointsAt: string, severity: Finding['severity'], relatedAt?: string): Finding {
  const found = run(rule, text);
  assert.deepEqual(flagged(text, found), [pointsAt], found.map((f) => f.message).join('\n'));
  const f = found[0]!;
  assert.equal(f.severity, severity, f.message);
  assert.equal(f.code, 'duplicate-therapy');
  assert.match(f.reference?.url ?? '', /^https:\/\//);
  if (relatedAt !== undefined) {
    assert.deepEqual(f.related?.map((r) => text.slice(r.span.start, r.span.end)), [relatedAt]);
  }
  return f;
}

describe('duplicate-therapy: anticoagulants', () => {
  test('the medication-safety example: Coumadin with apixaban', () => {
    const text = readFileSync(path.join(EXAMPLES, 'hp-medication-safety.cnote'), 'utf8');
    const f = one(text, 'Coumadin', 'warning', 'apixaban');
    assert.match(f.message, /^Coumadin \(warfarin\) and apixaban are both anticoagulants/);
  });

  test('a DOAC with enoxaparin is a warning; a documented transition lowers it to advisory', () => {
    one(meds('apixaban 5 mg PO BID', 'enoxaparin 80 mg SC q12h'), 'enoxaparin', 'warning', 'apixaban');
    one(meds('apixaban 5 mg PO BID', 'enoxaparin 80 mg SC q12h, transition to apixaban tomorrow'), 'enoxaparin', 'advisory');
  });

  test('bridging written on the line before the list item counts', () => {
    one('MEDICATIONS:\n- rivaroxaban 20 mg PO daily\nBridging plan:\n- heparin 18 units/kg/hr IV\n', 'heparin', 'advisory');
  });

  test('heparin with warfarin is the usual overlap: advisory', () => {
    const f = one(meds('warfarin 5 mg PO daily', 'heparin 18 units/kg/hr IV'), 'heparin', 'advisory');
    assert.match(f.message, /when to stop heparin/);
  });

  test('heparin flushes and stopped anticoagulants are left alone', () => {
    assert.deepEqual(run(rule, meds('apixaban 5 mg PO BID', 'heparin flush 100 units/mL 5 mL IV q8h')), []);
    assert.deepEqual(run(rule, meds('apixaban 5 mg PO BID', 'warfarin 5 mg PO daily (stopped)')), []);
  });
});

describe('duplicate-therapy: class pairs', () => {
  test('ACE inhibitor with ARB, and aliskiren (missing from the lexicon) with an ARB', () => {
    one(meds('lisinopril 20 mg PO daily', 'losartan 50 mg PO daily'), 'losartan', 'warning', 'lisinopril');
    one(meds('losartan 50 mg PO daily', 'aliskiren 150 mg PO daily'), 'aliskiren', 'warning', 'losartan');
  });

  test('sacubitril-valsartan with an ACE inhibitor is critical', () => {
    const f = one(meds('lisinopril 10 mg PO daily', 'sacubitril-valsartan 24-26 mg PO BID'), 'sacubitril-valsartan', 'critical');
    assert.match(f.message, /36 hours/);
  });

  test('linezolid with sertraline is critical (MAO inhibitor)', () => {
    one('MEDICATIONS:\n- sertraline 100 mg PO daily\n\nPLAN:\n- linezolid 600 mg IV q12h\n', 'linezolid', 'critical', 'sertraline');
  });

  test('SSRI with a triptan is advisory; SSRI with tramadol a warning', () => {
    one(meds('sertraline 50 mg PO daily', 'sumatriptan 50 mg PO PRN migraine'), 'sumatriptan', 'advisory');
    one(meds('sertraline 50 mg PO daily', 'tramadol 50 mg PO q6h PRN pain'), 'tramadol', 'warning');
  });

  test('a documented cross-taper between SSRIs is advisory', () => {
    one(meds('fluoxetine 20 mg PO daily', 'sertraline 25 mg PO daily, cross-taper off fluoxetine over 2 weeks'), 'sertraline', 'advisory');
  });

  test('two NSAIDs warn; topical diclofenac and low-dose aspirin do not', () => {
    one(meds('meloxicam 15 mg PO daily', 'ibuprofen 800 mg PO TID'), 'ibuprofen', 'warning', 'meloxicam');
    assert.deepEqual(run(rule, meds('ibuprofen 400 mg PO TID PRN', 'diclofenac 1% gel topically QID')), []);
    assert.deepEqual(run(rule, meds('aspirin 81 mg PO daily', 'ibuprofen 400 mg PO TID PRN')), []);
  });

  test('two benzodiazepines warn; two antipsychotics are advisory; an antiemetic phenothiazine is not counted', () => {
    one(meds('lorazepam 1 mg PO BID', 'clonazepam 0.5 mg PO at bedtime'), 'clonazepam', 'warning');
    one(meds('quetiapine 50 mg PO at bedtime', 'haloperidol 2 mg PO BID'), 'haloperidol', 'advisory');
    assert.deepEqual(run(rule, meds('quetiapine 50 mg PO at bedtime', 'prochlorperazine 10 mg PO q6h PRN nausea')), []);
  });

  test('two products with one ingredient: acetaminophen advisory, ipratropium warning, naloxone exempt', () => {
    one(meds('Norco 5/325 mg 1 tab PO q6h PRN pain', 'acetaminophen 650 mg PO q6h PRN fever'), 'acetaminophen', 'advisory', 'Norco');
    one(meds('Combivent 2 puffs INH QID', 'Atrovent 2 puffs INH QID'), 'Atrovent', 'warning', 'Combivent');
    assert.deepEqual(run(rule, meds('Suboxone 8/2 mg SL daily', 'naloxone 4 mg nasal spray PRN overdose')), []);
  });

  test('alternatives and options are not two drugs taken together', () => {
    assert.deepEqual(run(rule, 'PLAN:\n- discussed short course of naproxen/ibuprofen 400 mg if not controlled\n'), []);
    assert.deepEqual(run(rule, 'PLAN:\n- SSRIs (eg sertraline 50 mg, escitalopram 10 mg) may be considered later\n'), []);
    assert.deepEqual(run(rule, 'PLAN:\n- Augmentin (amoxicillin/clavulanate) 875 mg PO BID\n'), []);
  });
});

describe('duplicate-therapy: the same drug twice', () => {
  test('twice in one list at different doses', () => {
    const text = meds('metoprolol tartrate 25 mg PO BID', 'lisinopril 10 mg PO daily', 'metoprolol tartrate 50 mg PO BID');
    const f = one(text, 'metoprolol tartrate', 'warning', 'metoprolol tartrate 25 mg PO BID');
    assert.equal(f.span.start, text.lastIndexOf('metoprolol tartrate'));
    assert.match(f.message, /listed twice in "MEDICATIONS" \(25 mg BID and 50 mg BID\)/);
  });

  test('an identical repeat, a morning/evening split and a PRN entry are not duplicates', () => {
    assert.deepEqual(run(rule, meds('metoprolol tartrate 25 mg PO BID', 'metoprolol tartrate 25 mg PO BID')), []);
    assert.deepEqual(run(rule, meds('gabapentin 300 mg PO every morning', 'gabapentin 600 mg PO at bedtime')), []);
    assert.deepEqual(run(rule, meds('oxycodone 10 mg PO q12h', 'oxycodone 5 mg PO q4h PRN breakthrough pain')), []);
  });

  test('home list and plan at another dose, with "continue home medications": both may be given', () => {
    const text = 'HOME MEDICATIONS:\n- metoprolol tartrate 25 mg PO BID\n\nPLAN:\n- Continue home medications\n- metoprolol tartrate 50 mg PO BID\n';
    const f = one(text, 'metoprolol tartrate', 'warning', 'metoprolol tartrate 25 mg PO BID');
    assert.equal(f.span.start, text.lastIndexOf('metoprolol tartrate'));
    assert.match(f.message, /plan orders 50 mg BID and also continues home medications, which list 25 mg BID/);
  });

  test('home list and plan without a blanket continue, or with a stated change, are reconciliation', () => {
    assert.deepEqual(run(rule, 'HOME MEDICATIONS:\n- metoprolol tartrate 25 mg PO BID\n\nPLAN:\n- metoprolol tartrate 50 mg PO BID\n'), []);
    const change = 'HOME MEDICATIONS:\n- metoprolol tartrate 25 mg PO BID\n\nPLAN:\n- Continue home medications\n- Increase metoprolol tartrate to 50 mg PO BID\n';
    assert.deepEqual(run(rule, change), []);
  });
});

describe('duplicate-therapy: input handling', () => {
  test('empty text and a single medication give nothing', () => {
    assert.deepEqual(run(rule, ''), []);
    assert.deepEqual(run(rule, meds('apixaban 5 mg PO BID')), []);
  });

  test('CRLF, capitals and odd Unicode keep spans exact', () => {
    one(meds('apixaban 5 mg PO BID', 'warfarin 5 mg PO daily').replace(/\n/g, '\r\n'), 'warfarin', 'warning', 'apixaban');
    one('MEDS: APIXABAN 5 MG PO BID; WARFARIN 5 MG PO DAILY\n', 'WARFARIN', 'warning', 'APIXABAN');
    one('Médicaments 💊:\n- apixaban 5 mg PO BID ✓\n- warfarin 5 mg PO daily ✓\n', 'warfarin', 'warning');
  });

  test('a very long line stays fast and exact', () => {
    const text = meds('apixaban 5 mg PO BID', `warfarin 5 mg PO daily ${'y'.repeat(300_000)}`);
    const started = Date.now();
    one(text, 'warfarin', 'warning');
    assert.ok(Date.now() - started < 2000);
  });

  test('the clean examples give no finding', () => {
    for (const name of ['clinic-visit-diabetes', 'discharge-summary-pneumonia', 'ed-triage-sepsis', 'icu-nursing-note', 'progress-note-chf']) {
      const text = readFileSync(path.join(EXAMPLES, `${name}.cnote`), 'utf8');
      assert.deepEqual(run(rule, text), [], name);
    }
  });
});

describe('duplicate-therapy: false positives found in the hand review (bench/REVIEW.md)', () => {
  test('an NSAID started with "avoid other NSAIDs" beside a PRN one at home is settled; without it, it warns', () => {
    const home = 'Meds: PCM up to 3g/d, ibuprofen 400 bd prn, atorva 20 nocte. NKDA.\n\nPlan\n';
    assert.deepEqual(run(rule, `${home}- Start naproxen 250mg bd with food x5/7. Avoid other NSAIDs. Discussed GI risk.\n`), []);
    assert.deepEqual(run(rule, `${home}- START naproxen 500mg BD x 5 days only\n- NO concurrent ibuprofen while on naproxen\n`), []);
    one(`${home}- Start naproxen 250mg bd with food x5/7. Discussed GI risk.\n`, 'naproxen', 'warning', 'ibuprofen');
  });

  test('albuterol as needed beside a scheduled Combivent is rescue, not a duplicate; two scheduled stay advisory', () => {
    assert.deepEqual(run(rule, 'PLAN:\n- Combivent 2 puffs twice a day.\n- albuterol inhaler 2 puffs as needed.\n'), []);
    one('PLAN:\n- Combivent 2 puffs twice a day.\n- albuterol inhaler 2 puffs four times a day.\n', 'albuterol', 'advisory', 'Combivent');
  });

  test('a drug the patient weaned off (even spelt "weened") is not current therapy', () => {
    const plan = '• Medical Treatment: We will add Zoloft 25 mg once a day.\n';
    assert.deepEqual(run(rule, `Depression.\n• Medical Reasoning: The patient self-weened from Prozac 20 mg daily due to side effects.\n${plan}`), []);
    assert.deepEqual(run(rule, `He is on Prozac 20 mg daily and was taking it regularly, but weaned himself off of it.\n${plan}`), []);
    one(`Depression.\n• Medical Reasoning: The patient takes Prozac 20 mg daily.\n${plan}`, 'Zoloft', 'warning', 'Prozac');
  });
});
