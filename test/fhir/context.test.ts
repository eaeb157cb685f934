/**
 * Fetching a patient's context from a real FHIR server (Medplum's router behind the test wrapper):
 * what is kept and what is filtered, paging, the cache, links by id and by MRN, and partial
 * failures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FhirService } from '../../server/src/fhir/service';
import { ADA_LAB_COUNT, ADA_MRN, ADA_VISITS, ADA_VITAL_COUNT, adaBundle, benBundle, patientIdOf, youngAdaBundle } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';
import { fhirSettings, linkOf, recordingLogger, testService } from './support/service';

let server: TestFhirServer;
let ada: string;
let ben: string;
const logger = recordingLogger();
let service: FhirService;

before(async () => {
  server = await startFhirServer({ maxPageSize: 5 });
  ada = patientIdOf(await server.transaction(adaBundle()));
  ben = patientIdOf(await server.transaction(benBundle()));
  await server.transaction(youngAdaBundle());
  service = testService(() => fhirSettings(server.url), logger);
});

after(async () => {
  service.dispose();
  await server.close();
});

const observationPages = (category: string): string[] =>
  server.requests.filter((r) => r.resourceType === 'Observation' && decodeURIComponent(r.path).includes(`|${category}`)).map((r) => new URL(r.path, server.url).searchParams.get('_offset') ?? '0');

describe('patient context from a FHIR server', () => {
  test('reads active problems, medications, allergies and every vital and lab, following next links', async () => {
    server.requests.length = 0;
    const ctx = await service.context(linkOf(`Patient: Patient/${ada}`), true);

    assert.equal(ctx.patient.id, ada);
    assert.equal(ctx.patient.name, 'Testperson, Ada');
    assert.equal(ctx.patient.identifiers[0], `http://hospital.smarthealthit.org|${ADA_MRN}`, 'the MRN comes first');
    assert.deepEqual(ctx.conditions.map((c) => c.concept.code).sort(), ['44054006', '49436004', '59621000'], 'resolved bronchitis is left out');
    assert.deepEqual(ctx.allergies.map((a) => a.concept.text).sort(), ['Codeine', 'Latex', 'Penicillin'], 'the refuted sulfonamide allergy is left out');
    const penicillin = ctx.allergies.find((a) => a.concept.text === 'Penicillin');
    assert.deepEqual(penicillin?.reactions, [{ manifestations: ['Hives'], severity: 'moderate' }]);
    assert.equal(penicillin?.criticality, 'high');
    assert.deepEqual(
      ctx.medications.map((m) => `${m.resourceType}:${m.concept.text}`).sort(),
      [
        'MedicationRequest:24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet',
        'MedicationRequest:Warfarin Sodium 5 MG Oral Tablet',
        'MedicationRequest:atorvastatin 20 MG Oral Tablet',
        'MedicationRequest:lisinopril 10 MG Oral Tablet',
        'MedicationStatement:aspirin 81 MG Oral Tablet',
      ],
      'the stopped amoxicillin order is left out; atorvastatin is read through its Medication reference',
    );

    // 24 vitals in pages of 5 → offsets 0, 5, 10, 15, 20; 16 labs → 0, 5, 10, 15.
    assert.equal(ctx.vitals.length, ADA_VITAL_COUNT);
    assert.equal(ctx.labs.length, ADA_LAB_COUNT);
    assert.deepEqual(observationPages('vital-signs'), ['0', '5', '10', '15', '20']);
    assert.deepEqual(observationPages('laboratory'), ['0', '5', '10', '15']);
    assert.ok(server.requests.every((r) => r.method === 'GET'));
    assert.ok(server.requests.filter((r) => r.resourceType === 'Observation').every((r) => r.path.includes('_sort=-date')));
  });

  test('vitals and labs come newest first, with blood pressure from its components', async () => {
    const ctx = await service.context(linkOf(`Patient: Patient/${ada}`));
    assert.equal(ctx.vitals[0]?.date, ADA_VISITS[3]);
    assert.equal(ctx.vitals.at(-1)?.date, ADA_VISITS[0]);
    const dates = ctx.vitals.map((v) => Date.parse(v.date ?? ''));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    const bp = ctx.vitals.find((v) => v.concept.code === '85354-9');
    assert.equal(bp?.value, '152/95 mmHg');
    assert.deepEqual(bp?.components, { systolic: 152, diastolic: 95 });
    const creatinine = ctx.labs.find((l) => l.concept.code === '2160-0');
    assert.equal(creatinine?.value, '1.4 mg/dL');
    assert.equal(creatinine?.interpretation, 'H');
  });

  test('a second look uses the cache (no request); refresh fetches again', async () => {
    const link = linkOf(`Patient: Patient/${ada}`);
    await service.context(link);
    const before = server.requests.length;
    const cached = await service.context(link);
    assert.equal(server.requests.length, before, 'no request for a cached context');
    const fresh = await service.context(link, true);
    assert.ok(server.requests.length > before, 'refresh fetched again');
    assert.notEqual(fresh.fetchedAt, undefined);
    assert.equal(fresh.medications.length, cached.medications.length);
  });

  test('two asks at once make one fetch', async () => {
    const link = linkOf(`Patient: Patient/${ben}`);
    server.requests.length = 0;
    const [a, b] = await Promise.all([service.context(link, true), service.context(link)]);
    assert.equal(a, b);
    assert.equal(server.requests.filter((r) => r.resourceType === 'Patient').length, 1);
  });

  test("another patient's context holds only that patient's resources", async () => {
    const ctx = await service.context(linkOf(`Patient: Patient/${ben}`), true);
    assert.equal(ctx.patient.name, 'Testperson, Ben');
    assert.deepEqual(ctx.allergies, []);
    assert.deepEqual(ctx.conditions.map((c) => c.concept.text), ['Asthma (disorder)']);
    assert.deepEqual(ctx.medications.map((m) => m.concept.text), ['200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler']);
    assert.equal(ctx.vitals.length, 1);
    assert.equal(ctx.labs.length, 0);
  });

  test('an MRN line links by identifier search', async () => {
    server.requests.length = 0;
    const ctx = await service.context(linkOf(`MRN: ${ADA_MRN}`), true);
    assert.equal(ctx.patient.id, ada);
    assert.ok(server.requests.some((r) => r.resourceType === 'Patient' && decodeURIComponent(r.path).includes(`identifier=${ADA_MRN}`)));
  });

  test('an identifier two patients share is refused with a way out, not guessed', async () => {
    await assert.rejects(service.context(linkOf('MRN: SHARED-1'), true), (err: Error & { kind?: string }) => {
      assert.equal(err.kind, 'not-found');
      assert.match(err.message, /More than one patient has MRN SHARED-1.*Link Note to Patient/);
      return true;
    });
  });

  test('an unknown patient id or MRN is "not found", saying which line to fix', async () => {
    await assert.rejects(service.context(linkOf('Patient: Patient/no-such-patient'), true), (err: Error & { kind?: string }) => {
      assert.equal(err.kind, 'not-found');
      assert.match(err.message, /^Patient\/no-such-patient was not found on 127\.0\.0\.1:\d+\. Check the note's 'Patient:' line/);
      return true;
    });
    await assert.rejects(service.context(linkOf('MRN: 999999'), true), /No patient with MRN 999999/);
  });

  test('a part the server refuses (403 on Conditions) becomes a warning; the rest is kept', async () => {
    server.fault({ kind: 'status', status: 403, issue: 'Condition read not permitted' }, { match: (r) => r.resourceType === 'Condition', times: 1 });
    const ctx = await service.context(linkOf(`Patient: Patient/${ada}`), true);
    assert.deepEqual(ctx.conditions, []);
    assert.equal(ctx.allergies.length, 3);
    assert.deepEqual(ctx.warnings, ['Conditions could not be read (403); the rest of the record is shown.']);
  });

  test('a failure reading allergies fails the fetch and keeps the context fetched before', async () => {
    const link = linkOf(`Patient: Patient/${ben}`);
    const before = await service.context(link, true);
    server.fault({ kind: 'status', status: 500 }, { match: (r) => r.resourceType === 'AllergyIntolerance', times: 1 });
    await assert.rejects(service.context(link, true), (err: Error & { kind?: string }) => err.kind === 'server');
    const kept = service.peek(link);
    assert.equal(kept.context, before, 'the earlier context is kept');
    assert.equal(kept.error?.kind, 'server');
    assert.ok(service.needsFetch(link), 'a failed fetch is tried again next time');
  });

  test("a next link to another host is not followed (it would get the credential) and says the list may be incomplete", async () => {
    server.fault({ kind: 'foreign-next', url: 'http://evil.example/fhir/Observation?page=2' }, { match: (r) => r.resourceType === 'Observation' && r.path.includes('vital-signs'), times: 1 });
    const ctx = await service.context(linkOf(`Patient: Patient/${ada}`), true);
    assert.ok(ctx.warnings.some((w) => /next-page link for Observation pointed away from 127\.0\.0\.1/.test(w)), ctx.warnings.join('\n'));
    assert.equal(ctx.vitals.length, 5, 'the first page is kept');
    assert.ok(!server.requests.some((r) => r.path.includes('page=2')));
  });

  test('logs carry no patient id, name or identifier', () => {
    const log = logger.lines.join('\n');
    assert.ok(logger.lines.some((l) => /fhir GET Observation → 200/.test(l)), 'requests are logged by resource type');
    for (const secret of [ada, ben, 'Testperson', ADA_MRN, 'Penicillin', 'SHARED-1']) assert.ok(!log.includes(secret), `log mentions ${secret}`);
  });
});
