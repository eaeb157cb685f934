/**
 * The pure parts of the FHIR feature: the note's patient link, the picker's search, FHIR resources
 * that do not follow the spec, OperationOutcome text, URL checks, the summary and the prompt text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentReference, documentType } from '../../server/src/fhir/documentReference';
import { httpError, looksLikeHtml, outcomeIssues } from '../../server/src/fhir/errors';
import { allergy, concept, condition, medication, observation, patientInfo } from '../../server/src/fhir/normalise';
import { describeLink, findPatientLink, linkEdit } from '../../server/src/fhir/patientLink';
import { patientQuery } from '../../server/src/fhir/patientSearch';
import { ageOf, hoverMarkdown, promptContext, summaryMarkdown } from '../../server/src/fhir/summary';
import type { PatientContext } from '../../server/src/fhir/types';
import { isUnderBase, normaliseBaseUrl, resourceTypeOf } from '../../server/src/fhir/url';

describe('the patient link in the note header', () => {
  const find = (text: string): string | undefined => {
    const link = findPatientLink(text);
    return link ? `${describeLink(link)} @${text.slice(link.span.start, link.span.end)}` : undefined;
  };

  test('Patient/<id>, FHIR Patient:, MRN and Identifier lines', () => {
    assert.equal(find('Patient: Patient/8f2c-41.a\nHPI: ...'), 'Patient/8f2c-41.a @8f2c-41.a');
    assert.equal(find('PROGRESS NOTE\nFHIR Patient: 123\n'), 'Patient/123 @123');
    assert.equal(find('fhir patient id: Patient/abc\r\nHPI: x'), 'Patient/abc @abc');
    assert.equal(find('- Patient link: Patient/p9'), 'Patient/p9 @p9');
    assert.equal(find('MRN: 1001-7\n'), 'MRN 1001-7 @1001-7');
    assert.equal(find('MRN #884421'), 'MRN 884421 @884421');
    assert.equal(find('Medical record number: A12345'), 'MRN A12345 @A12345');
    assert.equal(find('Identifier: urn:oid:1.2.36.146.595.217.0.1|12345'), 'identifier urn:oid:1.2.36.146.595.217.0.1|12345 @urn:oid:1.2.36.146.595.217.0.1|12345');
  });

  test('a Patient/ id wins over an MRN written before it', () => {
    assert.equal(find('MRN: 1001\nPatient: Patient/p1\n'), 'Patient/p1 @p1');
  });

  test('names, prose and lines below the header are not links', () => {
    assert.equal(find('Patient: Jane Doe\nMRN: pending\n'), undefined, 'a name, and an MRN with no digit');
    assert.equal(find('Patient: 123'), undefined, 'a bare number after "Patient:" is not known to be a FHIR id');
    assert.equal(find('HPI: the patient said Patient/123 was her old number'), undefined);
    assert.equal(find('Patient: Patient/has space'), undefined);
    assert.equal(find(`${'line\n'.repeat(40)}Patient: Patient/late\n`), undefined, 'only the first 40 lines are the header');
    assert.equal(find(''), undefined);
    assert.equal(find('\u0000\u0001binary'), undefined);
  });

  test('linking adds a first line, or replaces the id of the one there (keeping CRLF)', () => {
    assert.deepEqual(linkEdit('HPI: x\n', 'p2'), { span: { start: 0, end: 0 }, newText: 'Patient: Patient/p2\n' });
    assert.deepEqual(linkEdit('HPI: x\r\nPLAN: y\r\n', 'p2'), { span: { start: 0, end: 0 }, newText: 'Patient: Patient/p2\r\n' });
    assert.deepEqual(linkEdit('Title\nPatient: Patient/old-id\n', 'p2'), { span: { start: 23, end: 29 }, newText: 'p2' });
    assert.throws(() => linkEdit('x', 'not an id'), RangeError);
  });
});

describe('the patient picker search', () => {
  test('names, birth dates, identifiers and ids', () => {
    assert.deepEqual(patientQuery('doe jane'), { kind: 'search', params: [['name', 'doe'], ['name', 'jane'], ['_count', '20']] });
    assert.deepEqual(patientQuery(" O'Brien, 1951-03-14 "), { kind: 'search', params: [['name', "O'Brien"], ['birthdate', '1951-03-14'], ['_count', '20']] });
    assert.deepEqual(patientQuery('MRN-1001'), { kind: 'search', params: [['identifier', 'MRN-1001'], ['_count', '20']] });
    assert.deepEqual(patientQuery('urn:oid:1.2|555'), { kind: 'search', params: [['identifier', 'urn:oid:1.2|555'], ['_count', '20']] });
    assert.deepEqual(patientQuery('Patient/abc-1'), { kind: 'read', id: 'abc-1' });
  });

  test('nothing to search on: no search', () => {
    for (const q of ['', ' ', 'a', '!!', '2024-02-30', 'Patient/bad id']) assert.equal(patientQuery(q), undefined, q);
  });
});

describe('FHIR resources that bend the rules', () => {
  test('concepts: text, else display, else code; nothing from junk', () => {
    assert.deepEqual(concept({ coding: [{ system: 's', code: 'c' }] }), { text: 'c', system: 's', code: 'c' });
    assert.deepEqual(concept({ text: ' Hives ', coding: [{ code: 'x' }, { display: 'Wheal', code: 'y', system: 's' }] }), { text: 'Hives', system: 's', code: 'y' });
    for (const junk of [undefined, null, 'text', 42, [], {}, { coding: 'x' }, { coding: [null, 3] }]) assert.equal(concept(junk), undefined, JSON.stringify(junk));
  });

  test('malformed resources are skipped, never thrown on', () => {
    for (const r of [{}, { resourceType: 'Condition' }, { resourceType: 'Condition', code: 'x', clinicalStatus: 7 }, { resourceType: 'AllergyIntolerance', reaction: 'x', category: 'medication' }]) {
      assert.doesNotThrow(() => {
        condition(r);
        allergy(r);
        medication({ ...r, status: 'active' }, new Map());
        observation(r, 'laboratory');
        patientInfo(r);
      });
    }
    assert.equal(medication({ resourceType: 'MedicationRequest', status: 'active', medicationReference: { reference: 'Medication/gone', display: 'Heparin 5000 units' } }, new Map())?.concept.text, 'Heparin 5000 units');
    assert.equal(observation({ resourceType: 'Observation', status: 'entered-in-error', code: { text: 'K' }, valueQuantity: { value: 9 } }, 'laboratory'), undefined);
    assert.equal(observation({ resourceType: 'Observation', code: { text: 'Glucose' }, valueQuantity: { value: 5.5, comparator: '<', unit: 'mmol/L' } }, 'laboratory')?.value, '<5.5 mmol/L');
    assert.equal(observation({ resourceType: 'Observation', code: { text: 'Culture' }, valueCodeableConcept: { text: 'No growth' } }, 'laboratory')?.value, 'No growth');
    assert.equal(observation({ resourceType: 'Observation', code: { text: 'INR' }, valueQuantity: { value: 2.5, code: '{INR}' } }, 'laboratory')?.value, '2.5');
  });

  test('a patient with no name, and dosage built from its timing', () => {
    assert.deepEqual(patientInfo({ resourceType: 'Patient', id: 'p', name: [{ text: 'Baby Boy' }], identifier: [{ value: 'X1' }, { system: 's' }] }), { id: 'p', name: 'Baby Boy', identifiers: ['X1'] });
    const m = medication(
      { resourceType: 'MedicationRequest', id: 'm', status: 'active', medicationCodeableConcept: { text: 'Metoprolol' }, dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 25, unit: 'mg' } }], timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } }] },
      new Map(),
    );
    assert.equal(m?.dosage, '25 mg · 2 times per day');
  });
});

describe('OperationOutcome and HTTP errors', () => {
  test('issues one line each, bounded', () => {
    assert.deepEqual(outcomeIssues({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required', diagnostics: 'Patient.name missing', expression: ['Patient.name'] }] }), ['error · required: Patient.name missing (Patient.name)']);
    assert.deepEqual(outcomeIssues({ resourceType: 'Patient' }), []);
    assert.deepEqual(outcomeIssues('<html>'), []);
    assert.equal(outcomeIssues({ resourceType: 'OperationOutcome', issue: Array.from({ length: 50 }, () => ({ severity: 'error', diagnostics: 'x'.repeat(1000) })) }).length, 10);
    assert.ok(outcomeIssues({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'y'.repeat(1000) }] })[0]!.length <= 300);
  });

  test('status → kind', () => {
    const ctx = { operation: 'export the note', host: 'ehr.example.org', auth: 'bearer' as const, timeoutMs: 15000 };
    const kinds = [401, 403, 404, 410, 409, 412, 400, 422, 500, 503].map((s) => httpError(s, {}, ctx).kind);
    assert.deepEqual(kinds, ['sign-in', 'forbidden', 'not-found', 'not-found', 'conflict', 'conflict', 'refused', 'refused', 'server', 'server']);
    assert.equal(httpError(400, '<!DOCTYPE html><html>', ctx).kind, 'not-fhir');
    assert.ok(looksLikeHtml('  <HTML lang="en">'));
    assert.ok(!looksLikeHtml('{"resourceType":"Bundle"}'));
  });
});

describe('URLs', () => {
  test('base URL normalised; next links stay under it; logs name only the resource type', () => {
    assert.equal(normaliseBaseUrl(' https://ehr.example.org/fhir/R4/ '), 'https://ehr.example.org/fhir/R4');
    assert.equal(normaliseBaseUrl('https://ehr.example.org/fhir?x=1#y'), 'https://ehr.example.org/fhir');
    assert.throws(() => normaliseBaseUrl('ftp://ehr.example.org'), /must be an http\(s\) URL/);
    const base = 'https://ehr.example.org/fhir';
    assert.ok(isUnderBase('https://ehr.example.org/fhir/Observation?page=2', base));
    assert.ok(isUnderBase('Observation?page=2', base));
    assert.ok(!isUnderBase('https://ehr.example.org/fhirx/Observation', base));
    assert.ok(!isUnderBase('https://ehr.example.org.evil.test/fhir/Observation', base));
    assert.ok(!isUnderBase('http://ehr.example.org/fhir/Observation', base), 'a downgrade to http is another origin');
    assert.equal(resourceTypeOf('https://ehr.example.org/fhir/Patient/123?x=1', base), 'Patient');
    assert.equal(resourceTypeOf('Patient?name=Jane%20Doe', base), 'Patient');
    assert.equal(resourceTypeOf('metadata', base), 'metadata');
    assert.equal(resourceTypeOf('jane-doe/x', base), '(other)');
  });
});

describe('summary, hover and prompt', () => {
  const ctx: PatientContext = {
    patient: { id: 'p1', name: 'Doe, Jane [*evil*](command:x)', birthDate: '1950-06-30', gender: 'female', identifiers: ['urn:mrn|M-77'] },
    conditions: [{ ref: 'Condition/c1', concept: { text: 'Heart failure', code: '84114007', system: 'http://snomed.info/sct' }, clinicalStatus: 'active', onset: '2019-02-01' }],
    medications: [{ ref: 'MedicationRequest/m1', resourceType: 'MedicationRequest', concept: { text: 'Furosemide 40 MG Oral Tablet' }, status: 'active', dosage: '40 mg daily' }],
    allergies: [{ ref: 'AllergyIntolerance/a1', concept: { text: 'Penicillin' }, categories: ['medication'], reactions: [{ manifestations: ['Hives'], severity: 'moderate' }] }],
    vitals: [
      { ref: 'Observation/v2', category: 'vital-signs', concept: { text: 'Heart rate', code: '8867-4', system: 'http://loinc.org' }, value: '104/min', date: '2025-01-02T10:00:00Z' },
      { ref: 'Observation/v1', category: 'vital-signs', concept: { text: 'Heart rate', code: '8867-4', system: 'http://loinc.org' }, value: '88/min', date: '2025-01-01T10:00:00Z' },
    ],
    labs: [{ ref: 'Observation/l1', category: 'laboratory', concept: { text: 'Sodium', code: '2951-2' }, value: '128 mmol/L', interpretation: 'L', date: '2025-01-02T08:00:00Z' }],
    fetchedAt: '2025-01-03T09:15:00.000Z',
    server: 'ehr.example.org',
    warnings: ['Conditions could not be read (403); the rest of the record is shown.'],
  };
  const now = new Date('2025-01-03T12:00:00Z');

  test('the summary shows everything, escapes record text, and says what failed', () => {
    const md = summaryMarkdown(ctx, { link: 'Patient/p1', now, error: { kind: 'timeout', message: 'did not answer' } });
    assert.match(md, /^# Patient context: Doe, Jane \\\[\\\*evil\\\*\\\]\(command:x\)$/m, 'no link or emphasis from record text');
    assert.match(md, /female · born 1950-06-30 \(74 y\) · id urn:mrn\\\|M-77/);
    assert.match(md, /> \*\*The last refresh failed; this is the context fetched before\.\*\* did not answer/);
    assert.match(md, /> Conditions could not be read \(403\)/);
    assert.match(md, /\| Heart rate \| 104\/min \| 2025-01-02 \| 88\/min \(2025-01-01\) \|/);
    assert.match(md, /\| Sodium \| 128 mmol\/L \*\*L\*\* \| 2025-01-02 \|  \|/);
  });

  test('the hover is short; the prompt has the facts and neither name nor identifier', () => {
    const hover = hoverMarkdown(ctx, 'Patient/p1', now);
    assert.match(hover, /Allergies: Penicillin {2}\nProblems: 1 active · Medications: 1 active {2}\nLatest vitals: HR 104\/min/);
    const prompt = promptContext(ctx, now);
    assert.equal(
      prompt,
      [
        'Patient record (FHIR, fetched 2025-01-03): female, 74 y.',
        'Allergies: Penicillin (hives).',
        'Problems: Heart failure.',
        'Medications: Furosemide 40 MG Oral Tablet 40 mg daily.',
        'Vitals: HR 104/min (2025-01-02).',
        'Labs: Sodium 128 mmol/L L (2025-01-02).',
      ].join('\n'),
    );
    assert.ok(!prompt.includes('Doe') && !prompt.includes('M-77') && !prompt.includes('p1'));
    assert.ok(promptContext({ ...ctx, conditions: Array.from({ length: 500 }, () => ctx.conditions[0]!) }, now, 300).length <= 300);
  });

  test('age from partial dates, and nonsense', () => {
    assert.equal(ageOf('1950', now), 75);
    assert.equal(ageOf('1950-06', now), 74);
    assert.equal(ageOf('2025-01-04', now), undefined);
    assert.equal(ageOf('garbage', now), undefined);
    assert.equal(ageOf(undefined, now), undefined);
  });

  test('document types follow the note type; unknown types are a generic note', () => {
    assert.deepEqual(documentType('history-and-physical'), { code: '34117-2', display: 'History and physical note' });
    assert.deepEqual(documentType('unknown'), { code: '34109-9', display: 'Note' });
    const doc = documentReference({ text: '', noteType: 'ed-note', patientId: 'p1', now, author: 'not a/reference' });
    assert.deepEqual(doc.author, [{ display: 'not a/reference' }]);
    assert.equal((doc.content as { attachment: { size: number } }[])[0]!.attachment.size, 0);
  });
});
