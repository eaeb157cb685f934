import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../../../server/src/clinical/findings';
import { doseRange as rule } from '../../../../server/src/clinical/rules/doseRange';
import { applyFix, flagged, run } from './ruleFixtures';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function meds(...lines: string[]): string {
  return `MEDICATIONS:\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
}

/** The single finding on `text`: what it points at and its severity. */
function one(text: string, pointsAt: string, severity: Finding['severity']): Finding {
  const found = run(rule, text);
  assert.deepEqual(flagged(text, found), [pointsAt], found.map((f) => f.message).join('\n'));
  const f = found[0]!;
  assert.equal(f.severity, severity, f.message);
  assert.equal(f.code, 'dose-range');
  assert.match(f.reference?.url ?? '', /^https:\/\//);
  return f;
}

function none(...texts: string[]): void {
  for (const text of texts) assert.deepEqual(run(rule, text).map((f) => f.message), [], text);
}

describe('dose-range: the medication-safety example', () => {
  const text = readFileSync(path.join(EXAMPLES, 'hp-medication-safety.cnote'), 'utf8');
  const found = run(rule, text);

  test('finds acetaminophen q4h, daily methotrexate and levothyroxine in mg, all critical', () => {
    assert.deepEqual(flagged(text, found), ['methotrexate 10 mg PO daily', '100 mg', 'acetaminophen 1000 mg PO q4h PRN mild pain']);
    assert.ok(found.every((f) => f.severity === 'critical'));
  });

  test('the acetaminophen message gives the PRN maximum', () => {
    const f = found.find((x) => x.message.startsWith('Acetaminophen'));
    assert.match(f?.message ?? '', /^Acetaminophen 1000 mg PO q4h PRN can reach 6,000 mg\/day, over the 4,000 mg\/day maximum\./);
  });

  test('levothyroxine 100 mg asks "did you mean mcg?" and offers the fix', () => {
    const f = found.find((x) => x.message.startsWith('Levothyroxine'));
    assert.match(f?.message ?? '', /1,000 times a usual dose\. Did you mean 100 mcg\?/);
    assert.match(applyFix(text, f), /- Levothyroxine 100 mcg PO daily before breakfast/);
  });
});

describe('dose-range: acetaminophen', () => {
  test('within limits: 650 mg q6h PRN, 1 g q6h, Tylenol 325 mg 2 tabs q4h', () => {
    none(meds('acetaminophen 650 mg PO q6h PRN pain'), meds('acetaminophen 1 g PO q6h'), meds('Tylenol 325 mg 2 tabs PO q4h PRN'));
  });

  test('tablet counts multiply the strength (1-2 tabs q4-6h PRN reaches 6 g)', () => {
    const f = one(meds('acetaminophen 500 mg 1-2 tabs PO q4-6h PRN pain'), 'acetaminophen 500 mg 1-2 tabs PO q4-6h PRN pain', 'critical');
    assert.match(f.message, /can reach 6,000 mg\/day/);
  });

  test('a daily cap written on the line is respected', () => {
    none(meds('acetaminophen 1000 mg PO q4h PRN pain, max 3 g/day'), meds('acetaminophen 500 mg 1-2 tabs PO q4h PRN, max 8/day'));
  });

  test('a single dose over 1 g is a warning (modified release allows 1,330 mg)', () => {
    one(meds('acetaminophen 1300 mg PO once'), '1300 mg', 'warning');
    none(meds('paracetamol 665 mg SR 2 tabs PO TID'));
  });

  test('4 g/day is advisory with liver disease or a low weight, and says why', () => {
    const f = one('PMH:\n- cirrhosis\n\n' + meds('acetaminophen 1 g PO q6h PRN pain'), 'acetaminophen 1 g PO q6h PRN pain', 'advisory');
    assert.match(f.message, /documented: cirrhosis/);
    const g = one('Vitals: Wt 45 kg\n\n' + meds('acetaminophen 1 g PO q6h PRN pain'), 'acetaminophen 1 g PO q6h PRN pain', 'advisory');
    assert.match(g.message, /weight 45 kg/);
  });

  test('two acetaminophen products in one list are added up', () => {
    const text = 'PLAN:\n- Norco 5/325 mg 1-2 tabs PO q4h PRN pain\n- acetaminophen 650 mg PO q6h PRN fever\n';
    const f = one(text, 'acetaminophen 650 mg PO q6h PRN fever', 'critical');
    assert.match(f.message, /together can reach 6,500 mg\/day of acetaminophen/);
    assert.deepEqual(f.related?.map((r) => text.slice(r.span.start, r.span.end)), ['Norco 5/325 mg 1-2 tabs PO q4h PRN pain']);
  });

  test('the same product restated in another list is not counted twice', () => {
    none('HOME MEDICATIONS:\n- acetaminophen 650 mg PO q6h PRN\n\nPLAN:\n- acetaminophen 650 mg PO q6h PRN\n- Percocet 5/325 mg 1 tab PO q6h PRN\n');
  });
});

describe('dose-range: methotrexate, insulin, anticoagulants', () => {
  test('oral methotrexate daily is critical; weekly is fine; over 25 mg/week warns', () => {
    const f = one(meds('methotrexate 2.5 mg PO daily'), 'methotrexate 2.5 mg PO daily', 'critical');
    assert.match(f.message, /taken once a week/);
    none(meds('methotrexate 15 mg PO weekly'));
    one(meds('methotrexate 30 mg PO weekly'), 'methotrexate 30 mg PO weekly', 'warning');
  });

  test('daily methotrexate in leukaemia is not flagged', () => {
    none('PMH:\n- acute lymphoblastic leukemia\n\n' + meds('methotrexate 2.5 mg PO daily'));
  });

  test('insulin: over 100 units warns, mL warns, U-500 is advisory, infusion rates are not doses', () => {
    one(meds('insulin glargine 150 units SC at bedtime'), '150 units', 'warning');
    one(meds('insulin lispro 0.5 mL SC TID with meals'), '0.5 mL', 'warning');
    one(meds('Humulin R U-500 100 units SC BID'), 'Humulin R U-500 100 units SC BID', 'advisory');
    none(meds('insulin glargine 18 units SC at bedtime'), meds('insulin regular infusion 5 units/hr IV'));
  });

  test('heparin: SC over 10,000 units, an IV dose over 10,000 units and 5,000 units/h warn', () => {
    one(meds('heparin 25,000 units SC q12h'), '25,000 units', 'warning');
    one(meds('heparin 20,000 units IV bolus'), '20,000 units', 'warning');
    one(meds('heparin 5000 units/hr IV'), '5000 units/hr', 'warning');
  });

  test('heparin: prophylaxis, weight-based infusions, bags and flushes are fine', () => {
    none(
      meds('heparin 5,000 units SC q8h'),
      meds('heparin 18 units/kg/hr IV'),
      meds('heparin 1,000 units/hr IV'),
      meds('heparin 25,000 units in 250 mL D5W IV'),
      meds('heparin flush 5,000 units/mL 1 mL IV daily'),
    );
  });

  test('enoxaparin: mg/kg from the documented weight, or 150 mg without one', () => {
    const f = one('Vitals: Wt 61 kg\n\n' + meds('enoxaparin 120 mg SC q12h'), '120 mg', 'warning');
    assert.match(f.message, /1\.97 mg\/kg per dose \(weight 61 kg\)/);
    none('Vitals: Wt 61 kg\n\n' + meds('enoxaparin 60 mg SC q12h'), 'Vitals: Wt 61 kg\n\n' + meds('enoxaparin 90 mg SC daily'));
    one(meds('enoxaparin 160 mg SC daily'), '160 mg', 'warning');
    one(meds('enoxaparin 1.5 mg/kg SC q12h'), 'enoxaparin 1.5 mg/kg SC q12h', 'warning');
  });

  test('warfarin: over 15 mg/day warns, 50 mg is critical, 5 mg is fine', () => {
    one(meds('warfarin 20 mg PO daily'), 'warfarin 20 mg PO daily', 'warning');
    one(meds('warfarin 50 mg PO once'), '50 mg', 'critical');
    none(meds('warfarin 5 mg PO daily'));
  });
});

describe('dose-range: opioids, potassium, colchicine, digoxin, metformin, levothyroxine', () => {
  test('parenteral hydromorphone: 10 mg critical, 6 mg warning, 2 mg and 8 mg by mouth fine', () => {
    one(meds('hydromorphone 10 mg IV q3h PRN pain'), '10 mg', 'critical');
    one(meds('hydromorphone 6 mg IV q3h PRN pain'), '6 mg', 'warning');
    none(meds('hydromorphone 2 mg IV q3h PRN pain'), meds('hydromorphone 8 mg PO q4h PRN pain'));
  });

  test('morphine 20 mg IV and oxycodone 120 mg warn; usual doses do not', () => {
    one(meds('morphine 20 mg IV q4h PRN pain'), '20 mg', 'warning');
    one(meds('oxycodone 120 mg PO q12h'), '120 mg', 'warning');
    none(meds('morphine 4 mg IV q4h PRN pain'), meds('oxycodone 10 mg PO q4h PRN pain'));
  });

  test('potassium chloride infusion rates: peripheral 20 mEq/h warns, 30 is critical, central 30 warns', () => {
    one(meds('KCl 20 mEq/hr IV'), '20 mEq/hr', 'warning');
    one(meds('potassium chloride 30 mEq/hr IV'), '30 mEq/hr', 'critical');
    one(meds('KCl 30 mEq/hr IV via central line'), '30 mEq/hr', 'warning');
    none(meds('KCl 10 mEq/hr IV'));
  });

  test('potassium chloride: "over 2 hours" gives the rate; IV push is critical', () => {
    const f = one(meds('KCl 40 mEq IV over 2 hours'), '40 mEq', 'warning');
    assert.match(f.message, /at 20 mEq\/h/);
    one(meds('KCl 20 mEq IV push'), 'KCl 20 mEq IV push', 'critical');
  });

  test('oral potassium: 60 mEq in one dose warns; 40 mEq and a divided total do not', () => {
    one(meds('KCl 60 mEq PO x1'), '60 mEq', 'warning');
    none(meds('KCl 40 mEq PO BID'), meds('KCl 80 mEq PO total, divided'));
  });

  test('colchicine: hourly PRN is critical, prophylaxis TID advisory, BID fine', () => {
    const f = one(meds('colchicine 0.6 mg PO q1h PRN gout flare'), 'colchicine 0.6 mg PO q1h PRN gout flare', 'critical');
    assert.match(f.message, /can reach 14\.4 mg\/day/);
    one(meds('colchicine 0.6 mg PO TID for gout prophylaxis'), 'colchicine 0.6 mg PO TID for gout prophylaxis', 'advisory');
    none(meds('colchicine 0.6 mg PO BID'));
  });

  test('digoxin: 0.5 mg/day warns, 0.75 mg critical, 125 mg is mcg written as mg, loading is fine', () => {
    one(meds('digoxin 0.5 mg PO daily'), 'digoxin 0.5 mg PO daily', 'warning');
    one(meds('digoxin 0.75 mg PO daily'), '0.75 mg', 'critical');
    const text = meds('digoxin 125 mg PO daily');
    const f = one(text, '125 mg', 'critical');
    assert.match(f.message, /Did you mean 125 mcg\?/);
    assert.equal(applyFix(text, f), meds('digoxin 125 mcg PO daily'));
    none(meds('digoxin 0.125 mg PO daily'), meds('digoxin 0.25 mg IV q6h x 2 doses (loading)'));
  });

  test('metformin: 3 g/day immediate release and 3 g/day extended release warn; 2 g does not', () => {
    one(meds('metformin 1000 mg PO TID'), 'metformin 1000 mg PO TID', 'warning');
    const f = one(meds('metformin XR 1500 mg PO BID'), 'metformin XR 1500 mg PO BID', 'warning');
    assert.match(f.message, /extended-release/);
    none(meds('metformin 1000 mg PO BID'), meds('Janumet 50/1000 mg PO BID'));
  });

  test('levothyroxine: mg and microgram spellings convert; over 300 mcg/day warns', () => {
    none(meds('levothyroxine 0.1 mg PO daily'), meds('levothyroxine 88 mcg PO daily'), meds('levothyroxine 88 µg PO daily'), meds('levothyroxine 88 ug PO daily'));
    one(meds('levothyroxine 400 mcg PO daily'), 'levothyroxine 400 mcg PO daily', 'warning');
    const f = one(meds('Synthroid 0.5 mg PO daily'), 'Synthroid 0.5 mg PO daily', 'warning');
    assert.match(f.message, /500 mcg\/day of levothyroxine/);
  });
});

describe('dose-range: what is not judged', () => {
  test('no unit, a discontinued order and a past course give nothing', () => {
    none(
      meds('levothyroxine 100 PO daily'),
      meds('methotrexate 10 mg PO daily (discontinued)'),
      'HPI: Previously took acetaminophen 1000 mg q4h for a week last year.\n',
    );
  });

  test('empty text, CRLF, odd Unicode and a very long line', () => {
    none('');
    one(meds('acetaminophen 1000 mg PO q4h PRN pain').replace(/\n/g, '\r\n'), 'acetaminophen 1000 mg PO q4h PRN pain', 'critical');
    one('Médicaments 💊:\n- acetaminophen 1000 mg PO q4h PRN pain ✓\n', 'acetaminophen 1000 mg PO q4h PRN pain', 'critical');
    const long = meds(`warfarin 50 mg PO once ${'z'.repeat(300_000)}`);
    one(long, '50 mg', 'critical');
  });

  test('the clean examples give no finding', () => {
    for (const name of ['clinic-visit-diabetes', 'discharge-summary-pneumonia', 'ed-triage-sepsis', 'icu-nursing-note', 'progress-note-chf']) {
      const text = readFileSync(path.join(EXAMPLES, `${name}.cnote`), 'utf8');
      assert.deepEqual(run(rule, text), [], name);
    }
  });
});
