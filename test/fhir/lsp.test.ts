/**
 * The FHIR feature through the real language server over a real LSP connection (in-process), with
 * the real test FHIR server behind it: the linked patient's context fetched when a note opens,
 * the record's penicillin allergy against the note's amoxicillin, patient search and linking,
 * export, the credential the client sends, and no request at all when no server is configured.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  FhirContextRequest,
  FhirContextStatusNotification,
  FhirCredentialsNotification,
  type FhirErrorInfo,
  FhirExportRequest,
  FhirLinkPatientRequest,
  FhirPatientSearchRequest,
  FhirTestConnectionRequest,
} from '../../server/src/protocol';
import { startServer, type Harness } from '../lsp/harness';
import { ADA_MRN, adaBundle, benBundle, patientIdOf, youngAdaBundle } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';

let fhir: TestFhirServer;
let ada: string;
let ben: string;

before(async () => {
  fhir = await startFhirServer({ maxPageSize: 10 });
  ada = patientIdOf(await fhir.transaction(adaBundle()));
  ben = patientIdOf(await fhir.transaction(benBundle()));
  await fhir.transaction(youngAdaBundle());
});

after(async () => {
  await fhir.close();
});

const NOTE = (patientLine: string): string =>
  `${patientLine}\nPROGRESS NOTE\n\nALLERGIES: NKDA\n\nMEDICATIONS:\n- Amoxicillin 875 mg PO BID x 7 days\n- Lisinopril 10 mg PO daily\n\nASSESSMENT AND PLAN:\n1. Community-acquired pneumonia: amoxicillin as above.\n`;

type Status = { uri: string; state: 'ready' | 'error'; error?: FhirErrorInfo };

/** Collects the server's context-status notifications; `next` waits for one that matches. */
function statuses(h: Harness): { next(accept: (s: Status) => boolean, timeoutMs?: number): Promise<Status>; all: Status[] } {
  const all: Status[] = [];
  const waiters = new Set<() => void>();
  h.client.onNotification(FhirContextStatusNotification.type, (s) => {
    all.push(s);
    for (const w of [...waiters]) w();
  });
  return {
    all,
    next(accept, timeoutMs = 30_000) {
      const seen = all.length;
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = all.slice(seen).find(accept);
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching FHIR status within ${timeoutMs} ms (got ${JSON.stringify(all.slice(seen))})`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
  };
}

const fhirOptions = (extra: Record<string, unknown> = {}): unknown => ({ settings: { diagnostics: { delayMs: 0 }, fhir: { baseUrl: fhir.url, timeoutMs: 30_000, ...extra } } });

describe('FHIR over LSP: no server configured', () => {
  test('a linked note, every FHIR request: clear answers and not one request to the server', async () => {
    const h = await startServer({ settings: { diagnostics: { delayMs: 0 } } });
    try {
      const before = fhir.requests.length;
      const uri = 'file:///notes/unconfigured.cnote';
      h.open(uri, NOTE(`Patient: Patient/${ada}`));
      await h.diagnostics(uri);
      const context = await h.client.sendRequest(FhirContextRequest.type, { uri, refresh: true });
      assert.equal(context?.state, 'error');
      assert.equal(context?.error?.kind, 'not-configured');
      assert.match(context?.markdown ?? '', /No FHIR server is configured: set medgemmaNotes\.fhir\.baseUrl/);
      const search = await h.client.sendRequest(FhirPatientSearchRequest.type, { query: 'Testperson' });
      assert.equal(search.ok, false);
      const exported = await h.client.sendRequest(FhirExportRequest.type, { uri });
      assert.equal(exported?.ok === false && exported.error.kind, 'not-configured');
      const connection = await h.client.sendRequest(FhirTestConnectionRequest.type);
      assert.equal(connection.ok === false && connection.error.kind, 'not-configured');
      await h.client.sendNotification(FhirCredentialsNotification.type, { credentials: { baseUrl: fhir.url, token: 't' } });
      await h.client.sendRequest(FhirContextRequest.type, { uri });
      assert.equal(fhir.requests.length, before, 'no request reached the FHIR server');
    } finally {
      await h.dispose();
    }
  });
});

describe('FHIR over LSP: a configured server', () => {
  let h: Harness;
  let status: ReturnType<typeof statuses>;

  before(async () => {
    h = await startServer(fhirOptions());
    status = statuses(h);
  });

  after(async () => {
    await h.dispose();
  });

  test("opening a linked note fetches the patient's context; the record's penicillin allergy meets the note's amoxicillin", async () => {
    const uri = 'file:///notes/ada.cnote';
    const ready = status.next((s) => s.uri === uri);
    h.open(uri, NOTE(`Patient: Patient/${ada}`));
    assert.equal((await ready).state, 'ready');

    const requestsBefore = fhir.requests.length;
    const context = await h.client.sendRequest(FhirContextRequest.type, { uri });
    assert.equal(fhir.requests.length, requestsBefore, 'the summary comes from the cache');
    assert.equal(context?.state, 'ready');
    assert.equal(context?.link, `Patient/${ada}`);
    assert.equal(context?.patient?.name, 'Testperson, Ada');
    assert.deepEqual(context?.counts, { conditions: 3, medications: 5, allergies: 3, vitals: 24, labs: 16 });
    const conflict = context?.findings.find((f) => f.code === 'drug-allergy-conflict');
    assert.equal(conflict?.line, 6, 'on the amoxicillin line');
    assert.equal(conflict?.severity, 'critical');
    assert.match(conflict?.message ?? '', /^Amoxicillin: patient is allergic to penicillin \(hives\) according to the FHIR record \(AllergyIntolerance\/[^)]+\)\. Amoxicillin is a penicillin/);
    assert.match(context?.markdown ?? '', /^# Patient context: Testperson, Ada/);
    assert.match(context?.markdown ?? '', /## The record and this note\n\n- ⛔ Amoxicillin: patient is allergic to penicillin/);
    assert.match(context?.markdown ?? '', /## Allergies \(3\)\n\n- \*\*Penicillin\*\* — Hives \(moderate\) · allergy · criticality high/);
    assert.match(context?.markdown ?? '', /\| Blood pressure \| 152\/95 mmHg \| 2024-10-15 \| 136\/84 mmHg \(2024-07-15\) \|/);
  });

  test('changing the link to another patient fetches that patient; the conflict goes', async () => {
    const uri = 'file:///notes/ada.cnote';
    const ready = status.next((s) => s.uri === uri && s.state === 'ready');
    h.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 100 } }, text: `Patient: Patient/${ben}` }]);
    await ready;
    const context = await h.client.sendRequest(FhirContextRequest.type, { uri });
    assert.equal(context?.patient?.name, 'Testperson, Ben');
    assert.deepEqual(context?.findings, []);
  });

  test('refresh fetches again even when cached', async () => {
    const uri = 'file:///notes/ada.cnote';
    const before = fhir.requests.length;
    const context = await h.client.sendRequest(FhirContextRequest.type, { uri, refresh: true });
    assert.equal(context?.state, 'ready');
    assert.ok(fhir.requests.length > before);
  });

  test('a note with no link says how to link one, and makes no request', async () => {
    const uri = 'file:///notes/unlinked.cnote';
    h.open(uri, NOTE('Patient: Jane Doe'));
    await h.diagnostics(uri);
    const before = fhir.requests.length;
    const context = await h.client.sendRequest(FhirContextRequest.type, { uri });
    assert.equal(context?.state, 'unlinked');
    assert.match(context?.markdown ?? '', /Link Note to Patient/);
    const exported = await h.client.sendRequest(FhirExportRequest.type, { uri });
    assert.equal(exported?.ok === false && exported.error.kind, 'unlinked');
    assert.equal(fhir.requests.length, before);
  });

  test('patient search by name, name and birth date, MRN, and id', async () => {
    const search = async (query: string): Promise<string[]> => {
      const r = await h.client.sendRequest(FhirPatientSearchRequest.type, { query });
      assert.ok(r.ok, JSON.stringify(r));
      return r.patients.map((p) => `${p.name} ${p.birthDate ?? ''}`).sort();
    };
    assert.deepEqual(await search('testperson'), ['Testperson, Ada 1951-03-14', 'Testperson, Ada 1990-02-02', 'Testperson, Ben 1980-07-01']);
    assert.deepEqual(await search('Testperson Ada 1951-03-14'), ['Testperson, Ada 1951-03-14']);
    assert.deepEqual(await search(ADA_MRN), ['Testperson, Ada 1951-03-14']);
    assert.deepEqual(await search(`Patient/${ben}`), ['Testperson, Ben 1980-07-01']);
    assert.deepEqual(await search('Patient/does-not-exist'), []);
    assert.deepEqual(await search('?'), []);
  });

  test('linking writes the Patient line, or replaces the id in the one there', async () => {
    const uri = 'file:///notes/unlinked.cnote';
    const add = await h.client.sendRequest(FhirLinkPatientRequest.type, { uri, patientId: ada });
    assert.deepEqual(add, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `Patient: Patient/${ada}\n` });
    const linked = 'file:///notes/ada.cnote';
    const replace = await h.client.sendRequest(FhirLinkPatientRequest.type, { uri: linked, patientId: ada });
    assert.deepEqual(replace, { range: { start: { line: 0, character: 17 }, end: { line: 0, character: 17 + ben.length } }, newText: ada });
    assert.equal(await h.client.sendRequest(FhirLinkPatientRequest.type, { uri, patientId: 'not/an id' }), null);
  });

  test('export, then export again: a new version of the same DocumentReference', async () => {
    const uri = 'file:///notes/ada.cnote';
    const first = await h.client.sendRequest(FhirExportRequest.type, { uri, author: 'Practitioner/p1' });
    assert.ok(first?.ok, JSON.stringify(first));
    assert.equal(first.created, true);
    h.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'Addendum: discussed with patient.\n' }]);
    await h.diagnostics(uri);
    const second = await h.client.sendRequest(FhirExportRequest.type, { uri, previous: { id: first.id, versionId: first.versionId } });
    assert.ok(second?.ok, JSON.stringify(second));
    assert.equal(second.id, first.id);
    assert.notEqual(second.versionId, first.versionId);
    assert.equal(fhir.requests.at(-1)?.ifMatch, `W/"${first.versionId}"`);
    const stale = await h.client.sendRequest(FhirExportRequest.type, { uri, previous: { id: first.id, versionId: first.versionId } });
    assert.equal(stale?.ok === false && stale.error.kind, 'conflict');
  });
});

describe('FHIR over LSP: the credential the client sends', () => {
  test('a 401 in the background tells the client to sign in; the token it then sends is used', async () => {
    fhir.requireBearer('lsp-token');
    const h = await startServer(fhirOptions({ auth: 'bearer' }));
    const status = statuses(h);
    try {
      const uri = 'file:///notes/bearer.cnote';
      const noCredential = status.next((s) => s.uri === uri);
      h.open(uri, NOTE(`Patient: Patient/${ada}`));
      const first = await noCredential;
      assert.equal(first.state, 'error');
      assert.equal(first.error?.kind, 'sign-in');
      assert.match(first.error?.message ?? '', /^No credential is stored for 127\.0\.0\.1:\d+\. Run 'FHIR: Sign In…'\.$/);

      const refused = status.next((s) => s.uri === uri);
      await h.client.sendNotification(FhirCredentialsNotification.type, { credentials: { baseUrl: fhir.url, token: 'expired-token' } });
      const second = await refused;
      assert.equal(second.error?.kind, 'sign-in');
      assert.equal(second.error?.status, 401);

      const ready = status.next((s) => s.uri === uri);
      await h.client.sendNotification(FhirCredentialsNotification.type, { credentials: { baseUrl: fhir.url, token: 'lsp-token' } });
      assert.equal((await ready).state, 'ready');
      assert.equal(fhir.requests.at(-1)?.authorization, 'Bearer lsp-token');
      const connection = await h.client.sendRequest(FhirTestConnectionRequest.type);
      assert.deepEqual(connection, { ok: true, fhirVersion: '4.0.1', software: 'Medplum FHIR router (test wrapper) 4.5.2', authenticated: true });

      await h.client.sendNotification(FhirCredentialsNotification.type, { credentials: null });
      const signedOut = await h.client.sendRequest(FhirContextRequest.type, { uri, refresh: true });
      assert.equal(signedOut?.error?.kind, 'sign-in');
    } finally {
      fhir.requireBearer(undefined);
      await h.dispose();
    }
  });
});
