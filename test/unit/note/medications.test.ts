import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import drugData from '../../../server/src/knowledge/drugs.json';
import freqData from '../../../server/src/knowledge/frequencies.json';
import routeData from '../../../server/src/knowledge/routes.json';
import { canonicalDoseUnit, findMedications, lookupDrug, lookupDrugClass, parseFrequency } from '../../../server/src/note/medications';
import type { Medication, Section, SectionKind, Span } from '../../../server/src/note/types';
import { LINEAR_TIME_BOUND_MS } from '../../support/linearTime';

/** A section whose heading is the first `title` at or after `from`, with a body to `bodyEnd`. */
function section(text: string, title: string, kind: SectionKind, bodyEnd = text.length, from = 0): Section {
  const start = text.indexOf(title, from);
  assert.ok(start >= 0, `heading ${title} not in text`);
  let bodyStart = start + title.length;
  if (text[bodyStart] === ':') bodyStart++;
  while (text[bodyStart] === ' ' || text[bodyStart] === '\r' || text[bodyStart] === '\n') bodyStart++;
  return { kind, title, level: 1, headingSpan: { start, end: start + title.length }, span: { start, end: bodyEnd }, bodySpan: { start: bodyStart, end: bodyEnd } };
}

/** Medications of a `Medications:` list made of `lines`. */
function list(...lines: string[]): { text: string; meds: Medication[] } {
  const text = `Medications:\n${lines.join('\n')}\n`;
  return { text, meds: findMedications(text, [section(text, 'Medications', 'medications')]) };
}

const at = (text: string, span: Span | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);

function only(meds: Medication[]): Medication {
  assert.equal(meds.length, 1, `expected one medication, got ${meds.map((m) => m.name).join(', ')}`);
  return meds[0]!;
}

describe('findMedications: medication lists', () => {
  test('full order: name, strength, route, frequency and their spans', () => {
    const { text, meds } = list('- Metoprolol tartrate 25 mg PO BID');
    const m = only(meds);
    assert.equal(m.name, 'Metoprolol tartrate');
    assert.equal(at(text, m.nameSpan), 'Metoprolol tartrate');
    assert.equal(at(text, m.span), 'Metoprolol tartrate 25 mg PO BID');
    assert.equal(m.generic, 'metoprolol');
    assert.equal(m.known, true);
    assert.deepEqual({ value: m.strength?.value, unit: m.strength?.unit, raw: m.strength?.raw }, { value: 25, unit: 'mg', raw: '25' });
    assert.equal(at(text, m.strength?.span), '25 mg');
    assert.equal(m.route?.value, 'PO');
    assert.equal(at(text, m.route?.span), 'PO');
    assert.equal(m.frequency?.text, 'BID');
    assert.equal(at(text, m.frequency?.span), 'BID');
    assert.equal(m.frequency?.dosesPerDay, 2);
    assert.equal(m.context, 'medication-list');
    assert.equal(m.status, 'active');
    assert.equal(m.prn, false);
  });

  test('lower case without a space before the unit', () => {
    const m = only(list('metoprolol 25mg po bid').meds);
    assert.equal(m.strength?.unit, 'mg');
    assert.equal(m.route?.value, 'PO');
    assert.equal(m.frequency?.dosesPerDay, 2);
  });

  test('numbered item: the marker is not part of the mention', () => {
    const { text, meds } = list('1. Atorvastatin 40 mg nightly');
    const m = only(meds);
    assert.equal(at(text, m.span), 'Atorvastatin 40 mg nightly');
    assert.equal(m.frequency?.dosesPerDay, 1);
  });

  test('PRN with an indication', () => {
    const { text, meds } = list('Acetaminophen 650 mg PO q6h PRN pain');
    const m = only(meds);
    assert.equal(m.prn, true);
    assert.equal(at(text, m.prnSpan), 'PRN');
    assert.equal(m.indication?.text, 'pain');
    assert.equal(at(text, m.indication?.span), 'pain');
    assert.equal(m.frequency?.intervalHours, 6);
    assert.equal(m.frequency?.dosesPerDay, 4);
  });

  test('a strength range reads as its maximum and keeps the range as written', () => {
    const m = only(list('oxycodone 5-10 mg PO q4h prn severe pain').meds);
    assert.equal(m.strength?.value, 10);
    assert.equal(m.strength?.raw, '5-10');
    assert.equal(m.frequency?.dosesPerDay, 6);
    assert.equal(m.indication?.text, 'severe pain');
  });

  test('insulin, heparin and potassium with units, subcut and x1', () => {
    const { meds } = list('Insulin glargine 20 units subcut qHS', 'Heparin 5000 units SC q8h', 'KCl 20 mEq PO x1', 'Enoxaparin 40 mg SC daily');
    assert.deepEqual(meds.map((m) => m.generic), ['insulin glargine', 'heparin', 'potassium chloride', 'enoxaparin']);
    assert.deepEqual(meds.map((m) => m.route?.value), ['SC', 'SC', 'PO', 'SC']);
    assert.deepEqual(meds.map((m) => m.frequency?.dosesPerDay), [1, 3, 1, 1]);
    assert.deepEqual(meds.map((m) => m.strength?.unit), ['units', 'units', 'mEq', 'mg']);
  });

  test('quantity of dose units: puffs and tabs', () => {
    const { text, meds } = list('Albuterol 2 puffs INH q4h PRN wheezing', 'Tylenol 2 tabs q6h');
    assert.equal(meds.length, 2);
    const [alb, tyl] = meds as [Medication, Medication];
    assert.deepEqual({ value: alb.quantity?.value, form: alb.quantity?.form }, { value: 2, form: 'puff' });
    assert.equal(at(text, alb.quantity?.span), '2 puffs');
    assert.equal(alb.route?.value, 'INH');
    assert.equal(alb.indication?.text, 'wheezing');
    assert.equal(tyl.generic, 'acetaminophen');
    assert.equal(tyl.name, 'Tylenol');
    assert.equal(tyl.quantity?.form, 'tablet');
  });

  test('brand names and abbreviations map to generics; the name stays as written', () => {
    const { meds } = list('MSO4 2 mg IV q2h prn', 'Coumadin 5 mg', 'ASA 81 mg', 'Lasix 40 mg IV BID');
    assert.deepEqual(meds.map((m) => [m.name, m.generic]), [['MSO4', 'morphine'], ['Coumadin', 'warfarin'], ['ASA', 'aspirin'], ['Lasix', 'furosemide']]);
    assert.equal(meds[0]!.frequency?.dosesPerDay, 12);
    assert.equal(meds[0]!.prn, true);
  });

  test('a bare number after the name is a strength without a unit', () => {
    const { text, meds } = list('aspirin 81', 'Atorva 40 nocte');
    assert.deepEqual(meds.map((m) => [m.strength?.value, m.strength?.unit, m.strength?.raw]), [[81, '', '81'], [40, '', '40']]);
    assert.equal(at(text, meds[0]!.strength?.span), '81');
    assert.equal(meds[1]!.generic, 'atorvastatin');
  });

  test('the numeral is kept exactly as written (trailing and leading zeros)', () => {
    const { meds } = list('Warfarin 5.0 mg daily', 'Lorazepam .5 mg IV q6h prn anxiety', 'Heparin 1,000 units IV');
    assert.deepEqual(meds.map((m) => [m.strength?.raw, m.strength?.value]), [['5.0', 5], ['.5', 0.5], ['1,000', 1000]]);
  });

  test('a unit written U or u is kept as written', () => {
    const { text, meds } = list('10 U insulin', 'insulin 10u');
    assert.equal(meds.length, 2);
    assert.equal(meds[0]!.strength?.unit, 'U');
    assert.equal(at(text, meds[0]!.strength?.span), '10 U');
    assert.equal(at(text, meds[0]!.span), '10 U insulin');
    assert.equal(meds[0]!.name, 'insulin');
    assert.equal(meds[1]!.strength?.unit, 'u');
  });

  test('a combination strength reads as its first component', () => {
    const m = only(list('Norco 5/325 mg 1 tab q6h prn pain').meds);
    assert.equal(m.generic, 'hydrocodone-acetaminophen');
    assert.deepEqual([m.strength?.value, m.strength?.raw], [5, '5/325']);
    assert.deepEqual([m.quantity?.value, m.quantity?.form], [1, 'tablet']);
  });

  test('an unknown drug in a list: the name is the words before the strength', () => {
    const { text, meds } = list('Foobarinib 10 mg PO daily');
    const m = only(meds);
    assert.equal(m.name, 'Foobarinib');
    assert.equal(at(text, m.nameSpan), 'Foobarinib');
    assert.equal(m.known, false);
    assert.equal(m.generic, undefined);
    assert.equal(m.strength?.value, 10);
  });

  test('short unknown items without a dose are medications in the first paragraph only', () => {
    const { meds } = list('OCP (brand unk)', 'Preg multivit', '', 'O/E', 'SpO2 99% RA', 'Safety net');
    assert.deepEqual(meds.map((m) => m.name), ['OCP', 'multivit']);
    assert.equal(meds[1]!.generic, 'multivitamin');
  });

  test('comma-separated items and a prose sentence in the list', () => {
    const a = list('Ibuprofen, digoxin.');
    assert.deepEqual(a.meds.map((m) => m.name), ['Ibuprofen', 'digoxin']);
    const b = list('Patient reports that she is taking amlodipine, lisinopril 20 mg once daily, and Farxiga.');
    assert.deepEqual(b.meds.map((m) => m.name), ['amlodipine', 'lisinopril', 'Farxiga']);
    assert.equal(b.meds[2]!.generic, 'dapagliflozin');
    assert.equal(b.meds[1]!.frequency?.dosesPerDay, 1);
  });

  test('negated list items name no medication', () => {
    const { meds } = list('No regular meds', 'Nil ICS LABA nebs', 'Nil regular, occas paracetamol');
    assert.deepEqual(meds.map((m) => m.generic), ['acetaminophen']);
  });

  test('EHR sig style: name, then Take ... by mouth', () => {
    const { text, meds } = list('• levothyroxine Take 75 mcg by mouth once daily.', '• amitriptyline TAKE 1 TABLET BY MOUTH NIGHTLY AT BEDTIME');
    assert.equal(meds.length, 2);
    assert.equal(at(text, meds[0]!.strength?.span), '75 mcg');
    assert.equal(meds[0]!.route?.value, 'PO');
    assert.equal(at(text, meds[0]!.route?.span), 'by mouth');
    assert.deepEqual([meds[1]!.quantity?.value, meds[1]!.quantity?.form, meds[1]!.frequency?.dosesPerDay], [1, 'tablet', 1]);
  });

  test('OD is the right eye for eye drops and once daily otherwise', () => {
    const { text, meds } = list('Timolol 0.5% 1 drop OD BID', 'Metoprolol succinate 50 mg OD');
    assert.equal(meds[0]!.route?.value, 'OPH');
    assert.equal(at(text, meds[0]!.route?.span), 'OD');
    assert.equal(meds[0]!.frequency?.dosesPerDay, 2);
    assert.equal(meds[1]!.route, undefined);
    assert.equal(meds[1]!.frequency?.text, 'OD');
    assert.equal(meds[1]!.frequency?.dosesPerDay, 1);
  });

  test('stopped and held medications', () => {
    const { meds } = list('stop aspirin', 'hold metoprolol', "d/c'd lisinopril", 'Lisinopril 10 mg daily (held)', 'Warfarin 5 mg - discontinued', 'Metoprolol 25 mg PO BID, hold for HR < 60');
    assert.deepEqual(meds.map((m) => m.status), ['discontinued', 'held', 'discontinued', 'held', 'discontinued', 'active']);
  });

  test('infusions: a rate is the strength, and a drip has no doses per day', () => {
    const { text, meds } = list('NS at 125 mL/hr', 'Heparin gtt at 700 units/hr');
    assert.equal(meds.length, 2);
    assert.deepEqual([meds[0]!.generic, meds[0]!.strength?.unit, meds[0]!.frequency], ['sodium chloride', 'mL/hr', undefined]);
    assert.equal(at(text, meds[1]!.frequency?.span), 'gtt');
    assert.equal(meds[1]!.frequency?.dosesPerDay, undefined);
    assert.equal(meds[1]!.strength?.unit, 'units/hr');
  });

  test('an unnamed sub-section of the list is still the list', () => {
    const text = 'Medications:\nCurrent Outpatient Medications (Other)\nFoobarinib 10 mg daily\n';
    const outer = section(text, 'Medications', 'medications');
    const inner = section(text, 'Current Outpatient Medications (Other)', 'other');
    const meds = findMedications(text, [outer, { ...inner, level: 2 }]);
    assert.deepEqual(meds.map((m) => m.name), ['Foobarinib']);
  });
});

describe('findMedications: prose', () => {
  const inline = (text: string): Medication[] => findMedications(text, []);

  test('doses written in sentences', () => {
    const text = 'She takes lisinopril 20 mg a day. We started metformin 500 mg twice a day. Increase Lasix to 80 mg daily.';
    const meds = inline(text);
    assert.deepEqual(meds.map((m) => [m.generic, m.strength?.value, m.frequency?.dosesPerDay]), [['lisinopril', 20, 1], ['metformin', 500, 2], ['furosemide', 80, 1]]);
    assert.ok(meds.every((m) => m.context === 'inline'));
    assert.equal(at(text, meds[0]!.span), 'lisinopril 20 mg a day');
  });

  test('a strength written before the name, and a bare mention', () => {
    const text = 'Given 1 g ceftriaxone IV in the ED. He is on warfarin. 5 MG COUMADIN GIVEN.';
    const meds = inline(text);
    assert.deepEqual(meds.map((m) => m.generic), ['ceftriaxone', 'warfarin', 'warfarin']);
    assert.equal(at(text, meds[0]!.span), '1 g ceftriaxone IV');
    assert.equal(at(text, meds[0]!.strength?.span), '1 g');
    assert.equal(meds[0]!.route?.value, 'IV');
    assert.equal(meds[1]!.strength, undefined);
    assert.equal(meds[2]!.strength?.raw, '5');
  });

  test('stop, hold and d/c in prose', () => {
    const meds = inline("Will stop aspirin. Hold home metoprolol. Lisinopril was d/c'd yesterday. LASIX DC'D THIS AM.");
    assert.deepEqual(meds.map((m) => [m.generic, m.status]), [['aspirin', 'discontinued'], ['metoprolol', 'held'], ['lisinopril', 'discontinued'], ['furosemide', 'discontinued']]);
  });

  test('unknown drug names are not reported outside a medication list', () => {
    assert.deepEqual(inline('Foobarinib 10 mg PO daily'), []);
  });

  test('negated drugs, allergies, lab levels and diagnoses are not medications', () => {
    const text = [
      'Vitamin B12 deficiency.', 'No NSAIDs/metformin recorded.', 'Not on aspirin.', 'He is allergic to penicillin.',
      'Digoxin level 1.2.', 'History of heparin-induced thrombocytopenia.', 'Check potassium.', 'Denies taking ibuprofen.',
    ].join(' ');
    assert.deepEqual(inline(text), []);
  });

  test('a drug name inside a compound modifier is not a medication', () => {
    const text = [
      'Non-insulin-dependent diabetes mellitus.', 'Insulin dependent diabetes since 1990.', 'Insulin-requiring type 2 diabetes.',
      'Warfarin-naive.', 'Steroid-sparing agent discussed.', 'Heparin-associated thrombocytopenia.', 'Opioid-related constipation.',
    ].join(' ');
    assert.deepEqual(inline(text), []);
    // The drug itself still counts, with or without a dose.
    assert.deepEqual(inline('Continue insulin glargine 10 units nightly. Continue insulin as before.').map((m) => m.generic), ['insulin glargine', 'insulin']);
  });

  test('pseudo-negation does not hide a drug', () => {
    const meds = inline('No change in lisinopril. No chest pain, continue atorvastatin.');
    assert.deepEqual(meds.map((m) => m.generic), ['lisinopril', 'atorvastatin']);
  });

  test('nutrient names count only with a dose', () => {
    const meds = inline('Low vitamin D. Start vitamin D 1000 units daily. Potassium 4.1. KCl 20 mEq PO x1.');
    assert.deepEqual(meds.map((m) => m.generic), ['cholecalciferol', 'potassium chloride']);
  });

  test('plans, vitals and numbers are not medications', () => {
    const text = 'Plan: PT/OT. BP 120/80 HR 72 RR 16 SpO2 98% on 2 L. Follow up in 2 weeks.';
    assert.deepEqual(findMedications(text, [section(text, 'Plan', 'plan')]), []);
  });

  test('drugs in an allergy section or an allergy table are not medications', () => {
    const a = 'Allergies: penicillin, codeine\n';
    assert.deepEqual(findMedications(a, [section(a, 'Allergies', 'allergies')]), []);
    const b = 'Allergies   Allergen Reactions   • Codeine Nausea   • Celebrex [Celecoxib] Rash   Current meds: aspirin 81 mg';
    assert.deepEqual(findMedications(b, []).map((m) => m.generic), ['aspirin']);
  });

  test('eye drops written as one flattened EHR line', () => {
    const meds = inline('Medication Sig   • brinzolamide Instill 1 drop into both eyes two times daily.   • Cosopt BID OU');
    assert.deepEqual(meds.map((m) => [m.generic, m.route?.value, m.frequency?.dosesPerDay]), [['brinzolamide', 'OPH', 2], ['dorzolamide-timolol', 'OPH', 2]]);
  });
});

describe('findMedications: odd input', () => {
  test('empty and blank text', () => {
    assert.deepEqual(findMedications('', []), []);
    assert.deepEqual(findMedications(' \n\t\r\n', []), []);
  });

  test('CRLF line endings: spans never include the line break', () => {
    const text = 'Medications:\r\n- Lisinopril 10 mg daily\r\n- Foobarinib 5 mg BID\r\n';
    const meds = findMedications(text, [section(text, 'Medications', 'medications')]);
    assert.deepEqual(meds.map((m) => at(text, m.span)), ['Lisinopril 10 mg daily', 'Foobarinib 5 mg BID']);
    assert.ok(meds.every((m) => !m.name.includes('\r')));
  });

  test('micro signs and odd Unicode', () => {
    const text = 'Levothyroxine 75 µg daily. Levothyroxine 88 μg daily. 💊 aspirin 81 mg 🙂 daily. Ｌｉｓｉｎｏｐｒｉｌ';
    const meds = findMedications(text, []);
    assert.deepEqual(meds.map((m) => m.strength?.unit), ['µg', 'μg', 'mg']);
    assert.equal(canonicalDoseUnit('µg'), 'mcg');
    assert.equal(canonicalDoseUnit('μg'), 'mcg');
  });

  test('a very long line', () => {
    const text = 'aspirin 81 mg daily ' + 'x'.repeat(200_000) + ' metoprolol 25 mg BID';
    const meds = findMedications(text, []);
    assert.deepEqual(meds.map((m) => m.generic), ['aspirin', 'metoprolol']);
  });

  test('linear time on ~5 MB of note text', () => {
    const hpi =
      'HPI: 67 year old woman with hypertension and diabetes presents with two days of cough and fever. She takes lisinopril 20 mg a day ' +
      'and is allergic to peanuts. No NSAIDs. Denies chest pain, dyspnoea at rest or leg swelling. She walks her dog daily and lives with her husband.\n' +
      'Exam: BP 138/82 HR 88 RR 18 T 38.1 SpO2 95% RA. Coarse crackles at the right base. Abdomen soft, non-tender. No rash.\n' +
      'Plan: chest x-ray, CBC, BMP. Started on amoxicillin 1 g PO TID for 5 days. Follow up in one week or sooner if worse.\n';
    const meds = 'Medications:\n- Metoprolol tartrate 25 mg PO BID\n- Foobarinib 10 mg daily, aspirin 81\n- Tylenol 2 tabs q6h prn pain\n';
    const block = meds + hpi + '\n';
    const text = block.repeat(Math.ceil(5_000_000 / block.length));
    const sections: Section[] = [];
    for (let i = 0; i < text.length; i += block.length) {
      const bodyEnd = i + meds.length - 1;
      sections.push({ kind: 'medications', title: 'Medications', level: 1, headingSpan: { start: i, end: i + 11 }, span: { start: i, end: bodyEnd }, bodySpan: { start: i + 13, end: bodyEnd } });
    }
    const t0 = performance.now();
    const found = findMedications(text, sections);
    const ms = performance.now() - t0;
    assert.equal(found.length, 6 * (text.length / block.length));
    assert.ok(ms < LINEAR_TIME_BOUND_MS, `took ${ms.toFixed(0)} ms`);
  });

  test('pathological runs stay fast', () => {
    const t0 = performance.now();
    findMedications('aspirin ' + '1'.repeat(500_000) + ' mg', []);
    findMedications('aspirin '.repeat(100_000), []);
    const spaces = 'Medications:\n' + ('lisinopril' + ' '.repeat(5000) + '5\n').repeat(100);
    findMedications(spaces, [section(spaces, 'Medications', 'medications')]);
    assert.ok(performance.now() - t0 < LINEAR_TIME_BOUND_MS);
  });
});

describe('parseFrequency', () => {
  const cases: [string, number | undefined, number | undefined][] = [
    ['daily', 1, undefined], ['once daily', 1, undefined], ['OD', 1, undefined], ['QD', 1, undefined], ['q.d.', 1, undefined],
    ['BID', 2, undefined], ['b.i.d.', 2, undefined], ['twice daily', 2, undefined], ['TID', 3, undefined], ['t.i.d.', 3, undefined],
    ['three times daily', 3, undefined], ['QID', 4, undefined], ['q.i.d.', 4, undefined], ['four times a day', 4, undefined],
    ['q4h', 6, 4], ['q4-6h', 6, 4], ['q6h', 4, 6], ['q8h', 3, 8], ['q12h', 2, 12], ['q24h', 1, 24], ['every 6 hours', 4, 6],
    ['every 4 to 6 hours', 6, 4], ['q30min', 48, 0.5], ['qHS', 1, undefined], ['nightly', 1, undefined], ['at bedtime', 1, undefined],
    ['HS', 1, undefined], ['qAM', 1, undefined], ['qPM', 1, undefined], ['qAC', 3, undefined], ['AC', 3, undefined],
    ['with meals', 3, undefined], ['QOD', 0.5, undefined], ['every other day', 0.5, undefined], ['2x/day', 2, undefined],
    ['once', 1, undefined], ['stat', 1, undefined], ['now', 1, undefined], ['x1', 1, undefined], ['mane', 1, undefined], ['TDS', 3, undefined],
  ];
  for (const [text, perDay, interval] of cases) {
    test(`${text} → ${perDay}/day`, () => {
      const f = parseFrequency(text);
      assert.ok(f, `${text} not recognised`);
      assert.equal(f.dosesPerDay, perDay);
      assert.equal(f.intervalHours, interval);
    });
  }

  test('weekly, three times a week and monthly are fractions of a day', () => {
    for (const w of ['weekly', 'once weekly', 'every week']) assert.equal(parseFrequency(w)?.dosesPerDay, 1 / 7);
    assert.equal(parseFrequency('TIW')?.dosesPerDay, 3 / 7);
    assert.equal(parseFrequency('three times a week')?.dosesPerDay, 3 / 7);
    assert.equal(parseFrequency('monthly')?.dosesPerDay, 1 / 30);
    assert.equal(parseFrequency('every 2 weeks')?.intervalHours, 336);
  });

  test('continuous and PRN alone are recognised with no rate; other text is not a frequency', () => {
    assert.deepEqual(parseFrequency('continuous'), {});
    assert.deepEqual(parseFrequency('infusion'), {});
    assert.deepEqual(parseFrequency('PRN'), {});
    assert.equal(parseFrequency('banana'), undefined);
    assert.equal(parseFrequency(''), undefined);
    assert.equal(parseFrequency('BID please'), undefined);
  });
});

describe('drug lexicon', () => {
  test('brand, generic and abbreviation lookups are case-insensitive', () => {
    assert.equal(lookupDrug('Tylenol')?.generic, 'acetaminophen');
    assert.equal(lookupDrug('paracetamol')?.generic, 'acetaminophen');
    assert.equal(lookupDrug('LASIX')?.generic, 'furosemide');
    assert.equal(lookupDrug('MSO4')?.generic, 'morphine');
    assert.equal(lookupDrug('Toprol-XL')?.generic, 'metoprolol');
    assert.ok(lookupDrug('warfarin')?.brands.includes('Coumadin'));
    assert.equal(lookupDrug('not a drug'), undefined);
    assert.equal(lookupDrug(''), undefined);
  });

  test('classes used by safety rules', () => {
    assert.ok(lookupDrug('TMP-SMX')?.classes.includes('sulfonamide-antibiotics'));
    assert.ok(lookupDrug('linezolid')?.classes.includes('serotonergic'));
    assert.ok(lookupDrug('tramadol')?.classes.includes('opioids'));
    assert.ok(lookupDrug('tramadol')?.classes.includes('serotonergic'));
    assert.ok(lookupDrug('Eliquis')?.classes.includes('anticoagulants'));
    assert.ok(lookupDrug('Augmentin')?.classes.includes('penicillins'));
    assert.equal(lookupDrugClass('PCN'), 'penicillins');
    assert.equal(lookupDrugClass('sulfa drugs'), 'sulfonamide-antibiotics');
    assert.equal(lookupDrugClass('NSAIDs'), 'nsaids');
  });

  test('knowledge files cite their sources and the lexicon is broad', () => {
    for (const data of [drugData, freqData, routeData]) assert.ok(data.source.length > 20);
    assert.ok(drugData.drugs.length >= 300, `only ${drugData.drugs.length} drugs`);
    const classIds = new Set(Object.keys(drugData.classes));
    for (const d of drugData.drugs) for (const c of d.classes) assert.ok(classIds.has(c), `${d.generic}: unknown class ${c}`);
  });
});
