/**
 * Exporting a finished note as a DocumentReference to a real FHIR server, and exporting it again
 * after an edit: a new version of the same resource, written over the version we last saw
 * (`If-Match`), refused when someone else changed it since; the server's OperationOutcome shown
 * when it refuses.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { documentReference, fromLocation, versionFromEtag } from '../../server/src/fhir/documentReference';
import type { FhirService } from '../../server/src/fhir/service';
import { ADA_MRN, adaBundle, patientIdOf } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';
import { fhirSettings, linkOf, testService } from './support/service';

let server: TestFhirServer;
let ada: string;
let service: FhirService;

const NOTE = `Patient: Patient/{id}
PROGRESS NOTE

S: Cough for 3 days. Café visit, naïve to inhalers — “better today”.
O: BP 138/84, HR 82, T 37.2 C, SpO2 97% RA.
A/P: Viral URI. Supportive care.
`;

before(async () => {
  server = await startFhirServer();
  ada = patientIdOf(await server.transaction(adaBundle()));
  service = testService(() => fhirSettings(server.url));
});

after(async () => {
  service.dispose();
  await server.close();
});

const decode = (doc: Record<string, unknown>): string => {
  const content = (doc.content as { attachment: { data: string } }[])[0]!;
  return Buffer.from(content.attachment.data, 'base64').toString('utf8');
};

describe('export to FHIR', () => {
  let first: { id: string; versionId: string };
  const text = NOTE.replace('{id}', () => ada);

  test('creates a DocumentReference: LOINC type, the note as base64 text/plain, subject, author, date', async () => {
    server.requests.length = 0;
    const before = Date.now();
    const result = await service.exportNote({ text, noteType: 'progress-note', link: linkOf(`Patient: Patient/${ada}`), author: 'Practitioner/dr-1' });
    assert.equal(result.created, true);
    assert.match(result.location, new RegExp(`/fhir/DocumentReference/${result.id}/_history/${result.versionId}$`));
    first = result;

    const posted = server.requests.filter((r) => r.method === 'POST');
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.resourceType, 'DocumentReference');
    const stored = await server.read('DocumentReference', result.id);
    assert.equal(stored.status, 'current');
    assert.equal(stored.docStatus, 'final');
    assert.deepEqual(stored.type, { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }], text: 'Progress note' });
    assert.deepEqual(stored.subject, { reference: `Patient/${ada}` });
    assert.deepEqual(stored.author, [{ reference: 'Practitioner/dr-1' }]);
    assert.ok(Date.parse(String(stored.date)) >= before - 1000);
    const attachment = (stored.content as { attachment: Record<string, unknown> }[])[0]!.attachment;
    assert.equal(attachment.contentType, 'text/plain; charset=utf-8');
    assert.equal(decode(stored), text, 'the note comes back byte for byte (accents, quotes, dashes)');
    assert.equal(attachment.size, Buffer.byteLength(text, 'utf8'));
    assert.equal(attachment.hash, createHash('sha1').update(text, 'utf8').digest('base64'));
    assert.equal((stored.meta as { versionId: string }).versionId, result.versionId);
  });

  test('exporting again updates the same DocumentReference as a new version, with If-Match', async () => {
    const edited = `${text}Addendum: seen with daughter.\n`;
    server.requests.length = 0;
    const second = await service.exportNote({ text: edited, noteType: 'progress-note', link: linkOf(`Patient: Patient/${ada}`), previous: first });
    assert.equal(second.id, first.id);
    assert.notEqual(second.versionId, first.versionId);
    assert.equal(second.created, false);
    const put = server.requests.find((r) => r.method === 'PUT');
    assert.equal(put?.path, `/fhir/DocumentReference/${first.id}`);
    assert.equal(put?.ifMatch, `W/"${first.versionId}"`);
    assert.equal(decode(await server.read('DocumentReference', first.id)), edited);
    const history = await server.history('DocumentReference', first.id);
    assert.equal(history.length, 2);
    assert.equal(decode(history[1]!), text, 'the first version is kept in the history');
    first = second;
  });

  test('a stale version is refused (412): nothing is overwritten, and the message says so', async () => {
    const stale = { id: first.id, versionId: 'not-the-current-version' };
    await assert.rejects(service.exportNote({ text: 'overwrite attempt', noteType: 'progress-note', link: linkOf(`Patient: Patient/${ada}`), previous: stale }), (err: Error & { kind?: string; info?: { status?: number } }) => {
      assert.equal(err.kind, 'conflict');
      assert.equal(err.info?.status, 412);
      assert.match(err.message, /holds a newer version .* Nothing was overwritten/);
      return true;
    });
    assert.notEqual(decode(await server.read('DocumentReference', first.id)), 'overwrite attempt');
  });

  test("the server's OperationOutcome is shown when it refuses the document", async () => {
    server.fault(
      { kind: 'status', status: 422, body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'business-rule', details: { text: 'Notes for this encounter are locked' }, expression: ['DocumentReference.context'] }] }) },
      { match: (r) => r.method === 'POST', times: 1 },
    );
    await assert.rejects(service.exportNote({ text, noteType: 'discharge-summary', link: linkOf(`Patient: Patient/${ada}`) }), (err: Error & { kind?: string; info?: { issues?: string[] } }) => {
      assert.equal(err.kind, 'refused');
      assert.deepEqual(err.info?.issues, ['error · business-rule: Notes for this encounter are locked (DocumentReference.context)']);
      assert.match(err.message, /refused to export the note \(422\)\. error · business-rule: Notes for this encounter are locked/);
      return true;
    });
  });

  test('the server validates what it stores: an invalid DocumentReference is refused with its OperationOutcome', async () => {
    const { content: _content, ...bad } = documentReference({ text: 'x', noteType: 'unknown', patientId: ada, now: new Date() });
    const response = await fetch(`${server.url}/DocumentReference`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(bad) });
    assert.equal(response.status, 400);
    const outcome = (await response.json()) as { resourceType: string; issue: { expression?: string[] }[] };
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.deepEqual(outcome.issue[0]?.expression, ['DocumentReference.content']);
  });

  test('a note linked by MRN is exported for the patient the MRN names; the note type picks the LOINC code', async () => {
    const result = await service.exportNote({ text: `MRN: ${ADA_MRN}\nDISCHARGE SUMMARY\n...`, noteType: 'discharge-summary', link: linkOf(`MRN: ${ADA_MRN}`), author: 'Dr. Test Author' });
    const stored = await server.read('DocumentReference', result.id);
    assert.deepEqual(stored.subject, { reference: `Patient/${ada}` });
    assert.equal((stored.type as { coding: { code: string }[] }).coding[0]!.code, '18842-5');
    assert.deepEqual(stored.author, [{ display: 'Dr. Test Author' }]);
  });

  test('ETag and Location parsing', () => {
    assert.equal(versionFromEtag('W/"3"'), '3');
    assert.equal(versionFromEtag('"abc-1"'), 'abc-1');
    assert.equal(versionFromEtag('3'), undefined);
    assert.equal(versionFromEtag(undefined), undefined);
    assert.deepEqual(fromLocation('https://x/fhir/DocumentReference/d1/_history/7'), { id: 'd1', versionId: '7' });
    assert.deepEqual(fromLocation('DocumentReference/d1'), { id: 'd1' });
    assert.deepEqual(fromLocation('Patient/p1'), {});
  });
});
