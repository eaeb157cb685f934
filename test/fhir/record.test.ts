/**
 * The patient's FHIR record in the safety rules: the record's penicillin allergy raises the
 * drug-allergy conflict on amoxicillin written in the note; the record's warfarin and the note's
 * apixaban are duplicate anticoagulants; each message says where each item came from. The record
 * is fetched from the real test server, then given to the same `analyze` the server runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { analyze, type RecordContext } from '../../server/src/clinical/analyze';
import type { Finding } from '../../server/src/clinical/findings';
import { findPatientLink } from '../../server/src/fhir/patientLink';
import { recordAllergy, recordContext, recordMedication } from '../../server/src/fhir/record';
import type { PatientContext } from '../../server/src/fhir/types';
import { parseNote } from '../../server/src/note/parseNote';
import { adaBundle, patientIdOf } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';
import { fhirSettings, linkOf, testService } from './support/service';

let server: TestFhirServer;
let context: PatientContext;
let ada: string;

before(async () => {
  server = await startFhirServer();
  ada = patientIdOf(await server.transaction(adaBundle()));
  const service = testService(() => fhirSettings(server.url));
  context = await service.context(linkOf(`Patient: Patient/${ada}`));
  service.dispose();
});

after(async () => {
  await server.close();
});

/** A note linked to Ada, with the given allergy line and medications. */
function note(allergies: string, meds: string): string {
  return `Patient: Patient/${ada}\nPROGRESS NOTE\n\nALLERGIES: ${allergies}\n\nMEDICATIONS:\n${meds}\n\nASSESSMENT AND PLAN:\n1. Community-acquired pneumonia.\n`;
}

function run(text: string, record: RecordContext | undefined, code: string): Finding[] {
  return analyze({ text, note: parseNote(text), ...(record ? { record } : {}) }).filter((f) => f.code === code);
}

const recordOf = (text: string): RecordContext => recordContext(context, findPatientLink(text)?.line);
const at = (text: string, f: Finding | undefined): string => (f ? text.slice(f.span.start, f.span.end) : '');

describe('the FHIR record in the drug-allergy rule', () => {
  test("the record's penicillin allergy raises the conflict on amoxicillin in the note, saying it comes from the record", () => {
    const text = note('NKDA', '- Amoxicillin 875 mg PO BID x 7 days');
    assert.deepEqual(run(text, undefined, 'drug-allergy-conflict'), [], 'without the record the note alone has no conflict');
    const found = run(text, recordOf(text), 'drug-allergy-conflict');
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(at(text, f), 'Amoxicillin');
    assert.equal(f.severity, 'critical');
    const source = context.allergies.find((a) => a.concept.text === 'Penicillin')!.ref;
    assert.equal(f.message, `Amoxicillin: patient is allergic to penicillin (hives) according to the FHIR record (${source}). Amoxicillin is a penicillin: choose another class or confirm the allergy history.`);
    const link = findPatientLink(text)!;
    assert.deepEqual(f.related, [{ span: link.line, message: `Allergy in the FHIR record of the patient linked here: penicillin (hives) (${source}).` }]);
  });

  test('an allergy in both the note and the record is one conflict that says so', () => {
    const text = note('Penicillin (hives)', '- Amoxicillin 500 mg PO TID');
    const [f, ...rest] = run(text, recordOf(text), 'drug-allergy-conflict');
    assert.equal(rest.length, 0);
    assert.match(f?.message ?? '', /^Amoxicillin: patient is allergic to penicillin \(hives\), documented in this note and in the FHIR record\. /);
  });

  test('without a record the message is exactly what it was', () => {
    const text = note('Penicillin (hives)', '- Amoxicillin 500 mg PO TID');
    assert.equal(run(text, undefined, 'drug-allergy-conflict')[0]?.message, 'Amoxicillin: patient is allergic to penicillin (hives). Amoxicillin is a penicillin: choose another class or confirm the allergy history.');
  });

  test("the record's codeine intolerance (nausea) lowers the level for morphine and says why", () => {
    const text = note('NKDA', '- Morphine 2 mg IV q4h PRN pain');
    const [f] = run(text, recordOf(text), 'drug-allergy-conflict');
    assert.equal(at(text, f), 'Morphine');
    assert.equal(f?.severity, 'advisory');
    assert.match(f?.message ?? '', /^Morphine: patient is allergic to codeine \(nausea\) according to the FHIR record .*The documented reaction \(nausea\) is an intolerance rather than an allergy, so the risk is lower\.$/);
  });

  test('a record entry typed "intolerance" with no reaction recorded also lowers the level', () => {
    const text = note('NKDA', '- Morphine 2 mg IV q4h PRN pain');
    const record: RecordContext = { label: 'FHIR record', allergies: [{ substance: 'Codeine', canonical: 'codeine', intolerance: true, source: 'AllergyIntolerance/c1' }], medications: [] };
    const withType = run(text, record, 'drug-allergy-conflict')[0];
    const asAllergy = run(text, { ...record, allergies: [{ ...record.allergies[0]!, intolerance: false }] }, 'drug-allergy-conflict')[0];
    assert.equal(asAllergy?.severity, 'warning');
    assert.equal(withType?.severity, 'advisory');
    assert.match(withType?.message ?? '', /The record lists it as an intolerance rather than an allergy, so the risk is lower\.$/);
    assert.equal(withType?.related, undefined, 'no link line to point at: no related location');
  });

  test("a record medication that conflicts with the note's allergy is shown on that allergy", () => {
    const text = note('Atorvastatin (myalgia, rhabdomyolysis)', '- Lisinopril 10 mg PO daily');
    const [f] = run(text, recordOf(text), 'drug-allergy-conflict');
    assert.equal(at(text, f), 'Atorvastatin');
    const source = context.medications.find((m) => m.concept.text.startsWith('atorvastatin'))!.ref;
    assert.match(f?.message ?? '', new RegExp(`^Atorvastatin is active in the FHIR record \\(atorvastatin 20 MG Oral Tablet; ${source.replace('/', '\\/')}\\) and the patient is allergic to atorvastatin .*documented in this note\\.`));
  });

  test('a drug the note mentions (even stopped) is judged from the note, not the record', () => {
    const text = note('Atorvastatin (rhabdomyolysis)', '- Atorvastatin 20 mg PO nightly - discontinued');
    assert.deepEqual(run(text, recordOf(text), 'drug-allergy-conflict').map((f) => f.message.includes('FHIR record')), []);
  });

  test('food and environment allergies in the record (latex) are not drug allergies', () => {
    const record = recordOf(note('NKDA', ''));
    assert.deepEqual(record.allergies.map((a) => a.canonical).sort(), ['codeine', 'penicillins']);
  });
});

describe('the FHIR record in the duplicate-therapy rule', () => {
  test("apixaban in the note with the record's active warfarin: two anticoagulants, naming the record entry", () => {
    const text = note('NKDA', '- Apixaban 5 mg PO BID');
    assert.deepEqual(run(text, undefined, 'duplicate-therapy'), []);
    const found = run(text, recordOf(text), 'duplicate-therapy');
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(at(text, f), 'Apixaban');
    assert.equal(f.severity, 'warning', 'the level of two anticoagulants within a note');
    const source = context.medications.find((m) => m.concept.text.startsWith('Warfarin'))!.ref;
    assert.match(f.message, new RegExp(`^Apixaban \\(in this note\\) and warfarin \\(active in the FHIR record: Warfarin Sodium 5 MG Oral Tablet, ${source.replace('/', '\\/')}\\) are both anticoagulants`));
    assert.equal(f.related?.[0]?.message, `Warfarin is active in the FHIR record of the patient linked here (${source}).`);
  });

  test('a documented switch lowers the level, as it does within a note', () => {
    const text = note('NKDA', '- Apixaban 5 mg PO BID (transition from warfarin; start when INR < 2)');
    const [f] = run(text, recordOf(text), 'duplicate-therapy');
    assert.equal(f?.severity, 'advisory');
  });

  test('the home medication restated in the note is not a duplicate of itself', () => {
    const text = note('NKDA', '- Warfarin 5 mg PO daily\n- Lisinopril 10 mg PO daily\n- Metformin 500 mg PO BID');
    assert.deepEqual(run(text, recordOf(text), 'duplicate-therapy'), []);
  });

  test("low-dose aspirin in the record is not a second NSAID with the note's ibuprofen", () => {
    const text = note('NKDA', '- Ibuprofen 400 mg PO q6h PRN pain');
    assert.deepEqual(run(text, recordOf(text), 'duplicate-therapy').map((f) => f.message), []);
  });
});

describe('FHIR resources as the rules see them', () => {
  test('RxNorm names map to generics, combinations to the lexicon combination, routes from dose forms', () => {
    const med = (text: string, route?: string) => recordMedication({ ref: 'MedicationRequest/m', resourceType: 'MedicationRequest', concept: { text }, status: 'active', ...(route ? { route } : {}) });
    assert.deepEqual(med('Warfarin Sodium 5 MG Oral Tablet'), { name: 'Warfarin Sodium 5 MG Oral Tablet', generic: 'warfarin', ingredients: ['warfarin'], classes: ['anticoagulants', 'vitamin-k-antagonists'], route: 'PO', source: 'MedicationRequest/m' });
    assert.equal(med('Acetaminophen 325 MG / HYDROcodone Bitartrate 5 MG Oral Tablet')?.generic, 'hydrocodone-acetaminophen');
    assert.equal(med('Enoxaparin 40 MG/0.4ML Injectable Solution', 'Subcutaneous route')?.route, 'SC');
    assert.equal(med('Unknownium 5 MG Oral Tablet'), undefined, 'a drug the lexicon does not know cannot be judged');
  });

  test('allergies: the allergen as named, anaphylaxis is severe whatever the record says, food is left out', () => {
    const allergy = (text: string, extra: Partial<Parameters<typeof recordAllergy>[0]> = {}) =>
      recordAllergy({ ref: 'AllergyIntolerance/a', concept: { text }, categories: ['medication'], reactions: [{ manifestations: ['Anaphylaxis'], severity: 'mild' }], ...extra });
    assert.deepEqual(allergy('Allergy to penicillin'), { substance: 'penicillin', canonical: 'penicillins', reaction: 'anaphylaxis', severity: 'severe', intolerance: false, source: 'AllergyIntolerance/a' });
    assert.equal(allergy('Peanut', { categories: ['food'] }), undefined);
    assert.equal(allergy('Shellfish'), undefined);
    assert.equal(allergy('Codeine', { type: 'intolerance', reactions: [] })?.intolerance, true);
  });
});
