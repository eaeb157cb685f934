import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorProneAbbreviation as rule } from '../../../../server/src/clinical/rules/ismpAbbreviations';
import { applyFix, applyPreferred, flagged, note, run } from './ruleFixtures';

/** Runs the rule on one line and checks what it flags and what the first fix writes. */
function expectFix(line: string, flaggedText: string, fixed: string): void {
  const found = run(rule, line);
  assert.deepEqual(flagged(line, found), [flaggedText], line);
  assert.equal(found[0]?.severity, 'advisory');
  assert.equal(applyFix(line, found[0]), fixed);
}

function expectNothing(lines: readonly string[]): void {
  for (const line of lines) assert.deepEqual(flagged(line, run(rule, line)), [], line);
}

describe('error-prone-abbreviation: units', () => {
  test('µg and ug become mcg', () => {
    expectFix('fentanyl 25 µg IV q1h PRN pain', 'µg', 'fentanyl 25 mcg IV q1h PRN pain');
    expectFix('propofol 25 ug/kg/min IV infusion', 'ug', 'propofol 25 mcg/kg/min IV infusion');
  });

  test('cc in a medication becomes mL', () => {
    expectFix('NS 500 cc IV bolus over 1 hour', 'cc', 'NS 500 mL IV bolus over 1 hour');
    expectFix('inject 1 cc of Celestone into the joint', 'cc', 'inject 1 mL of Celestone into the joint');
  });

  test('CC headings, fluid balance without a drug and lab units are left alone', () => {
    expectNothing(['CC: chest pain x 2 days', 'EBL 200 cc', 'UOP 500cc over the shift', 'Ferritin 18 µg/L (low-normal)', 'Iron 40 ug/dL']);
  });
});

describe('error-prone-abbreviation: routes and times', () => {
  test('SC, SQ, sub q after a dose become subcut', () => {
    expectFix('heparin 5000 units SQ q8h', 'SQ', 'heparin 5000 units subcut q8h');
    expectFix('enoxaparin 40 mg SC daily', 'SC', 'enoxaparin 40 mg subcut daily');
    expectFix('insulin lispro 4 units sub q with meals', 'sub q', 'insulin lispro 4 units subcut with meals');
    expectFix('SQ heparin 5000 units q12h', 'SQ', 'subcut heparin 5000 units q12h');
  });

  test('SC as subcutaneous findings or sine correctione is not a route', () => {
    expectNothing(['Soft SC nodule over the left forearm, 1.5 cm', 'Visual acuity: Dist sc 20/25', 'subcutaneous emphysema noted']);
  });

  test('HS after a dose offers bedtime and half-strength, neither preferred', () => {
    const line = 'zolpidem 5 mg PO HS PRN sleep';
    const [f] = run(rule, line);
    assert.equal(f?.fixes?.length, 2);
    assert.ok(f?.fixes?.every((x) => !x.preferred));
    assert.equal(applyFix(line, f, 0), 'zolpidem 5 mg PO at bedtime PRN sleep');
    assert.equal(applyFix(line, f, 1), 'zolpidem 5 mg PO half-strength PRN sleep');
  });

  test('heart sounds, hs-troponin, hs-CRP and qhs are not HS', () => {
    expectNothing(['CVS: HS dual, no murmur', 'hs-Troponin T 18 ng/L', 'hs-CRP 3.1 mg/L', 'atorvastatin 40 mg PO qhs']);
  });

  test('TIW and IN', () => {
    const line = 'epoetin alfa 4000 units SC TIW';
    const found = run(rule, line);
    assert.deepEqual(flagged(line, found), ['SC', 'TIW']);
    assert.equal(applyPreferred(line, found), 'epoetin alfa 4000 units subcut 3 times weekly');
    expectFix('naloxone 4 mg IN once', 'IN', 'naloxone 4 mg intranasal once');
  });

  test('IN as a preposition is not intranasal', () => {
    expectNothing(['fluticasone 50 mcg 2 sprays in each nostril daily', 'FLUTICASONE 2 SPRAYS IN EACH NOSTRIL DAILY', 'Not using IN steroid now']);
  });

  test('x3d after a dose becomes "for 3 days"', () => {
    expectFix('prednisone 40 mg PO daily x5d', 'x5d', 'prednisone 40 mg PO daily for 5 days');
    expectNothing(['fever x3d, no cough']);
  });
});

describe('error-prone-abbreviation: D/C', () => {
  test('D/C next to a drug is flagged without a fix', () => {
    const line = 'd/c lisinopril given AKI';
    const [f] = run(rule, line);
    assert.equal(line.slice(f?.span.start, f?.span.end), 'd/c');
    assert.deepEqual(f?.fixes, []);
    assert.match(f?.message ?? '', /"discharge" or "discontinue"/);
    assert.equal(run(rule, 'oral Augmentin Duo Forte on d/c').length, 1);
  });

  test('discharge (secretion), discharge summary and discharge home are left alone', () => {
    expectNothing(['Nasal mucosa congested, clear d/c', 'D/C summary faxed to GP', 'plan d/c home tomorrow on current meds', 'bloody d/c, trauma etc']);
  });
});

describe('error-prone-abbreviation: eyes and ears', () => {
  test('OU and OS after an eye drop', () => {
    expectFix('timolol 0.5% 1 gtt OU BID', 'OU', 'timolol 0.5% 1 gtt both eyes BID');
    expectFix('latanoprost 0.005% 1 drop OS at bedtime', 'OS', 'latanoprost 0.005% 1 drop left eye at bedtime');
    expectFix('Cosopt BID OU', 'OU', 'Cosopt BID both eyes');
  });

  test('AU, AD, AS after ear drops', () => {
    expectFix('ciprofloxacin-dexamethasone otic 4 drops AU BID', 'AU', 'ciprofloxacin-dexamethasone otic 4 drops both ears BID');
    expectFix('ofloxacin otic 5 drops AD BID x7 days', 'AD', 'ofloxacin otic 5 drops right ear BID x7 days');
    expectFix('ofloxacin otic 5 drops AS daily', 'AS', 'ofloxacin otic 5 drops left ear daily');
  });

  test('OD: right eye first for eye drops, daily first otherwise; neither preferred', () => {
    const eye = 'prednisolone acetate 1% 1 drop OD QID';
    const [e] = run(rule, eye);
    assert.equal(applyFix(eye, e, 0), 'prednisolone acetate 1% 1 drop right eye QID');
    assert.ok(e?.fixes?.every((x) => !x.preferred));
    const oral = 'Aspirin 100 mg od';
    assert.equal(applyFix(oral, run(rule, oral)[0], 0), 'Aspirin 100 mg daily');
  });

  test('exam findings, pressures, overdoses and English words are left alone', () => {
    expectNothing([
      'IOP: OD 16, OS 18 by applanation',
      'Pseudophakia OS, PVD OU',
      'pain OD since yesterday',
      's/p Tylenol OD',
      'aspirin 81 mg AS NEEDED',
      'diet AD LIB',
      'Continue all drops. RTC in 6 months for HVF 24-2 OU',
      'moderate AD/mixed dementia on donepezil',
    ]);
  });
});

describe('error-prone-abbreviation: symbols', () => {
  test('@ after a dose becomes "at", keeping words apart', () => {
    expectFix('metoprolol 25 mg @ 8 pm', '@', 'metoprolol 25 mg at 8 pm');
    expectFix('ativan gtt @.5mg/hr', '@', 'ativan gtt at .5mg/hr');
  });

  test('& between doses or drugs becomes "and"', () => {
    expectFix('acetaminophen 500 mg & ibuprofen 400 mg PO', '&', 'acetaminophen 500 mg and ibuprofen 400 mg PO');
    expectFix('continue aspirin & clopidogrel', '&', 'continue aspirin and clopidogrel');
  });

  test('> and < before a dose', () => {
    expectFix('acetaminophen max > 4 g/day', '>', 'acetaminophen max greater than 4 g/day');
    expectFix('hold metoprolol if dose <25 mg', '<', 'hold metoprolol if dose less than 25 mg');
    expectFix('morphine >=10 mg needs review', '>=', 'morphine greater than or equal to 10 mg needs review');
  });

  test('A&P, A&Ox3, I&O, H&P, gauges, e-mails, vitals and lab thresholds are left alone', () => {
    expectNothing([
      'A&P: sepsis, likely urinary source',
      'A&Ox3, follows commands',
      'Strict I&O, daily weights',
      'H&P reviewed',
      'wife & son at bedside',
      'PERIPHERAL LINES X2 #18 & 20',
      'contact pharmacy@example.org',
      'works @ the warehouse',
      'SBP < 90 on arrival',
      'glucose > 200 mg/dL overnight',
      'if K < 3.5 give potassium',
    ]);
  });
});

describe('error-prone-abbreviation: findings and bad input', () => {
  test('findings cite ISMP', () => {
    const [f] = run(rule, 'heparin 5000 units SQ q8h');
    assert.equal(f?.code, 'error-prone-abbreviation');
    assert.match(f?.reference?.url ?? '', /^https:\/\/www\.ismp\.org\//);
  });

  test('empty text and a note the parser refused give nothing', () => {
    assert.deepEqual(run(rule, ''), []);
    const text = 'heparin 5000 units SQ';
    assert.deepEqual(run(rule, text, note(text, { inputProblem: { kind: 'binary', message: 'binary' } })), []);
  });

  test('CRLF, astral characters and ALL-CAPS fixes', () => {
    const text = '🩺 MEDS\r\nHEPARIN 5000 UNITS SQ Q8H\r\nzolpidem 5 mg HS\r\n';
    const found = run(rule, text);
    assert.deepEqual(flagged(text, found), ['SQ', 'HS']);
    assert.equal(applyFix(text, found[0]), '🩺 MEDS\r\nHEPARIN 5000 UNITS SUBCUT Q8H\r\nzolpidem 5 mg HS\r\n');
  });

  test('a long line of symbols is linear', () => {
    const text = '@ & > < '.repeat(50_000) + 'heparin 5000 units SQ';
    const t0 = performance.now();
    assert.deepEqual(flagged(text, run(rule, text, note(text))), ['SQ']);
    assert.ok(performance.now() - t0 < 2000);
  });
});
