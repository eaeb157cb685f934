import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../../../server/src/clinical/findings';
import { drugAllergyConflict as rule } from '../../../../server/src/clinical/rules/drugAllergy';
import { flagged, run } from './ruleFixtures';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** A short H&P-style note with an allergy list and a medication list. */
function note(allergies: string, meds: string): string {
  return `HISTORY AND PHYSICAL\n\nALLERGIES:\n${allergies}\n\nMEDICATIONS:\n${meds}\n\nPLAN:\n- Admit to medicine\n`;
}

/** The single finding on `text`, asserting what it points at and its severity. */
function one(text: string, pointsAt: string, severity: Finding['severity']): Finding {
  const found = run(rule, text);
  assert.deepEqual(flagged(text, found), [pointsAt], found.map((f) => f.message).join('\n'));
  const f = found[0]!;
  assert.equal(f.severity, severity, f.message);
  assert.equal(f.code, 'drug-allergy-conflict');
  assert.match(f.reference?.url ?? '', /^https:\/\//);
  return f;
}

describe('drug-allergy-conflict: same drug and same class', () => {
  test('the medication-safety example: amoxicillin with a penicillin allergy is critical', () => {
    const text = readFileSync(path.join(EXAMPLES, 'hp-medication-safety.cnote'), 'utf8');
    const f = one(text, 'amoxicillin', 'critical');
    assert.equal(
      f.message,
      'Amoxicillin: patient is allergic to penicillin (hives and throat swelling, 1980s). Amoxicillin is a penicillin: choose another class or confirm the allergy history.',
    );
    assert.deepEqual(f.related?.map((r) => text.slice(r.span.start, r.span.end)), ['Penicillin: hives and throat swelling (1980s)']);
  });

  test('PCN allergy with piperacillin-tazobactam (brand name) is critical', () => {
    one(note('- PCN (hives)', '- Zosyn 4.5 g IV q6h'), 'Zosyn', 'critical');
  });

  test('the allergen itself is critical and says so', () => {
    const f = one(note('- ciprofloxacin: rash', '- ciprofloxacin 500 mg PO BID'), 'ciprofloxacin', 'critical');
    assert.match(f.message, /is the drug the patient is allergic to/);
  });

  test('a fluoroquinolone after a different fluoroquinolone allergy is a warning', () => {
    one(note('- levofloxacin (hives)', '- ciprofloxacin 500 mg PO BID'), 'ciprofloxacin', 'warning');
  });

  test('ACE-inhibitor angioedema makes every ACE inhibitor critical', () => {
    one(note('- lisinopril: angioedema', '- enalapril 5 mg PO daily'), 'enalapril', 'critical');
  });

  test('an ingredient of a combination allergen is a warning', () => {
    const f = one(note('- Percocet (hives)', '- oxycodone 5 mg PO q4h PRN pain'), 'oxycodone', 'warning');
    assert.match(f.message, /ingredient of Percocet/);
  });

  test('sulfa allergy with sulfamethoxazole-trimethoprim is critical', () => {
    one(note('- Sulfa: rash', '- Bactrim DS 1 tab PO BID'), 'Bactrim DS', 'critical');
  });

  test('sulfa allergy does not flag non-antibiotic sulfonamides', () => {
    const text = note('- sulfa drugs (hives)', '- furosemide 40 mg PO daily\n- hydrochlorothiazide 25 mg PO daily\n- celecoxib 200 mg PO daily');
    assert.deepEqual(run(rule, text), []);
  });
});

describe('drug-allergy-conflict: cross-reactivity levels', () => {
  test('penicillin (rash) with ceftriaxone is advisory, low risk', () => {
    const f = one(note('- penicillin (rash)', '- ceftriaxone 1 g IV daily'), 'ceftriaxone', 'advisory');
    assert.match(f.message, /low \(about 1-2 %\)/);
  });

  test('penicillin anaphylaxis with ceftriaxone is a warning that names the severe reaction', () => {
    const f = one(note('- penicillin - anaphylaxis', '- ceftriaxone 2 g IV daily'), 'ceftriaxone', 'warning');
    assert.match(f.message, /the documented reaction was severe/);
  });

  test('cephalexin shares the aminopenicillin R1 side chain: warning even after a mild reaction', () => {
    const f = one(note('- amoxicillin (hives)', '- cephalexin 500 mg PO QID'), 'cephalexin', 'warning');
    assert.match(f.message, /R1 side chain/);
  });

  test('cefazolin (dissimilar side chain) after amoxicillin hives is advisory', () => {
    one(note('- amoxicillin (hives)', '- cefazolin 2 g IV q8h'), 'cefazolin', 'advisory');
  });

  test('penicillin with a carbapenem is advisory (under 1 %)', () => {
    const f = one(note('- PCN (rash)', '- meropenem 1 g IV q8h'), 'meropenem', 'advisory');
    assert.match(f.message, /under 1 %/);
  });

  test('aztreonam does not cross-react with penicillins, only with ceftazidime', () => {
    assert.deepEqual(run(rule, note('- penicillin (anaphylaxis)', '- aztreonam 1 g IV q8h')), []);
    one(note('- ceftazidime (hives)', '- aztreonam 1 g IV q8h'), 'aztreonam', 'warning');
  });

  test('aspirin-exacerbated disease: NSAIDs are a warning, celecoxib advisory', () => {
    const text = note('- aspirin (wheezing)', '- ibuprofen 400 mg PO q6h PRN pain\n- celecoxib 200 mg PO daily');
    const found = run(rule, text);
    assert.deepEqual(flagged(text, found), ['ibuprofen', 'celecoxib']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'advisory']);
  });

  test('a documented NSAID class allergy: naproxen critical, low-dose aspirin warning', () => {
    const text = note('- NSAIDs: urticaria', '- naproxen 500 mg PO BID\n- aspirin 81 mg PO daily');
    const found = run(rule, text);
    assert.deepEqual(flagged(text, found), ['naproxen', 'aspirin']);
    assert.deepEqual(found.map((f) => f.severity), ['critical', 'warning']);
  });

  test('codeine allergy: morphine and Norco warn, fentanyl does not', () => {
    const text = note('- codeine (hives)', '- morphine 2 mg IV q4h PRN pain\n- Norco 5/325 mg 1 tab PO q6h PRN pain\n- fentanyl 25 mcg IV q1h PRN pain');
    const found = run(rule, text);
    assert.deepEqual(flagged(text, found), ['morphine', 'Norco']);
    assert.ok(found.every((f) => f.severity === 'warning'));
  });
});

describe('drug-allergy-conflict: intolerance, tolerance and status', () => {
  test('an intolerance (nausea) lowers the level one step and says so', () => {
    const f = one(note('- codeine (nausea)', '- oxycodone 5 mg PO q4h PRN pain'), 'oxycodone', 'advisory');
    assert.match(f.message, /intolerance rather than an allergy/);
  });

  test('GI upset to penicillin: amoxicillin drops from critical to warning', () => {
    one(note('- penicillin: GI upset', '- amoxicillin 500 mg PO TID'), 'amoxicillin', 'warning');
  });

  test('nausea with hives is an allergy: no downgrade', () => {
    one(note('- penicillin: nausea and hives', '- amoxicillin 500 mg PO TID'), 'amoxicillin', 'critical');
  });

  test('documented tolerance makes the finding advisory', () => {
    const f = one(note('- penicillin (rash as a child; tolerated amoxicillin 2019)', '- amoxicillin 875 mg PO BID'), 'amoxicillin', 'advisory');
    assert.match(f.message, /Tolerance of this drug is documented/);
  });

  test('discontinued and held medications do not alert', () => {
    const text = note('- penicillin (hives)', '- amoxicillin 500 mg PO TID (discontinued)\n- Augmentin 875 mg PO BID - held');
    assert.deepEqual(run(rule, text), []);
  });

  test('NKDA and a negated allergy give nothing', () => {
    assert.deepEqual(run(rule, note('NKDA', '- amoxicillin 500 mg PO TID')), []);
    assert.deepEqual(run(rule, note('No allergy to penicillin.', '- amoxicillin 500 mg PO TID')), []);
  });

  test('a drug named in the allergy history or as an option is not an order', () => {
    const text = 'ALLERGIES: penicillin (hives)\n\nHPI: Developed hives after amoxicillin 500 mg as a child.\n\nPLAN:\n- If no improvement, consider amoxicillin 500 mg PO TID\n';
    assert.deepEqual(run(rule, text), []);
  });

  test('the same allergy written twice gives one finding with one related location', () => {
    const text = 'ALLERGIES:\n- penicillin (hives)\n- Penicillin: hives\n\nMEDICATIONS:\n- amoxicillin 500 mg PO TID\n';
    const found = run(rule, text);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.related?.length, 1);
  });
});

describe('drug-allergy-conflict: input handling', () => {
  test('empty text and a note without allergies give nothing', () => {
    assert.deepEqual(run(rule, ''), []);
    assert.deepEqual(run(rule, 'MEDICATIONS:\n- amoxicillin 500 mg PO TID\n'), []);
  });

  test('CRLF line endings keep spans exact', () => {
    const text = note('- penicillin (hives)', '- amoxicillin 500 mg PO TID').replace(/\n/g, '\r\n');
    one(text, 'amoxicillin', 'critical');
  });

  test('ALL-CAPS notes, odd Unicode and a very long line', () => {
    one('ALLERGIES: PCN (HIVES)\nMEDS: AMOXICILLIN 500 MG PO TID\n', 'AMOXICILLIN', 'critical');
    one('Allergies: penicillin — hives 🙂\n\nMedications:\n- amoxicillin 500 mg PO TID ✓\n', 'amoxicillin', 'critical');
    const long = `Allergies: penicillin (hives)\n\nMedications:\n- amoxicillin 500 mg PO TID ${'x'.repeat(200_000)}\n`;
    one(long, 'amoxicillin', 'critical');
  });

  test('the clean examples give no finding', () => {
    for (const name of ['clinic-visit-diabetes', 'discharge-summary-pneumonia', 'ed-triage-sepsis', 'icu-nursing-note', 'progress-note-chf']) {
      const text = readFileSync(path.join(EXAMPLES, `${name}.cnote`), 'utf8');
      assert.deepEqual(run(rule, text), [], name);
    }
  });
});
