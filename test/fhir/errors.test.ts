/**
 * The errors users meet, each from a real server answering that way: 401 and 403 (sign in again),
 * 404, 5xx, a timeout, invalid JSON, a server that is not FHIR (an HTML page, JSON that is not a
 * resource), a host nobody answers on, a dropped connection; and the checks made before any
 * request (no base URL, untrusted workspace, no credential, credentials over plain http).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FhirError } from '../../server/src/fhir/errors';
import type { FhirService } from '../../server/src/fhir/service';
import type { FhirErrorKind, FhirSettings } from '../../server/src/protocol';
import { adaBundle, patientIdOf } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';
import { fhirSettings, linkOf, recordingLogger, testService } from './support/service';

let server: TestFhirServer;
let ada: string;
let settings: FhirSettings;
let service: FhirService;
const logger = recordingLogger();

before(async () => {
  server = await startFhirServer();
  ada = patientIdOf(await server.transaction(adaBundle()));
  settings = fhirSettings(server.url);
  service = testService(() => settings, logger);
});

after(async () => {
  service.dispose();
  await server.close();
});

/** Runs `run` and returns the FhirError it rejects with, checking its kind. */
async function failure(run: () => Promise<unknown>, kind: FhirErrorKind): Promise<FhirError> {
  let caught: unknown;
  await run().then(
    () => assert.fail(`expected a ${kind} error`),
    (err: unknown) => {
      caught = err;
    },
  );
  const err = caught as FhirError;
  assert.equal(err.name, 'FhirError', String(caught));
  assert.equal(err.kind, kind, err.message);
  return err;
}

const fetchAda = (): Promise<unknown> => service.context(linkOf(`Patient: Patient/${ada}`), true);

describe('errors from the FHIR server', () => {
  test('401 with auth none: the server needs authentication, and how to set it', async () => {
    server.fault({ kind: 'status', status: 401 }, { times: 1 });
    const err = await failure(fetchAda, 'sign-in');
    assert.equal(err.info.status, 401);
    assert.match(err.message, /requires authentication \(401\)\. Set medgemmaNotes\.fhir\.auth .* run 'FHIR: Sign In…'/);
  });

  test('401 with a bearer token: sign in again; the token is sent, and works once it is right', async () => {
    server.requireBearer('right-token');
    try {
      settings = fhirSettings(server.url, { auth: 'bearer' });
      service.setCredentials({ baseUrl: server.url, token: 'stale-token' });
      const err = await failure(fetchAda, 'sign-in');
      assert.match(err.message, /refused the credentials \(401\): they may have expired\. Run 'FHIR: Sign In…' again\./);
      assert.equal(server.requests.at(-1)?.authorization, 'Bearer stale-token');
      service.setCredentials({ baseUrl: server.url, token: 'right-token' });
      await fetchAda();
      assert.equal(server.requests.at(-1)?.authorization, 'Bearer right-token');
      const log = logger.lines.join('\n');
      assert.ok(!log.includes('right-token') && !log.includes('stale-token'), 'tokens are never logged');
    } finally {
      server.requireBearer(undefined);
      settings = fhirSettings(server.url);
      service.setCredentials(null);
    }
  });

  test('a token stored for another server is not sent to this one', async () => {
    settings = fhirSettings(server.url, { auth: 'bearer' });
    try {
      service.setCredentials({ baseUrl: 'https://other.example/fhir', token: 'other-token' });
      const before = server.requests.length;
      const err = await failure(fetchAda, 'sign-in');
      assert.match(err.message, /No credential is stored for 127\.0\.0\.1:\d+\. Run 'FHIR: Sign In…'\./);
      assert.equal(server.requests.length, before, 'no request without a credential for this server');
    } finally {
      settings = fhirSettings(server.url);
      service.setCredentials(null);
    }
  });

  test('403: not allowed, sign in with an account (or scopes) that may', async () => {
    server.fault({ kind: 'status', status: 403, issue: 'Insufficient scope' }, { times: 1 });
    const err = await failure(fetchAda, 'forbidden');
    assert.match(err.message, /did not allow this \(403\).*Sign in again.*medgemmaNotes\.fhir\.scope\. The server said: error · processing: Insufficient scope$/);
    assert.deepEqual(err.info.issues, ['error · processing: Insufficient scope']);
  });

  test('500: the server failed; nothing changed here; its OperationOutcome is quoted', async () => {
    server.fault({ kind: 'status', status: 500, issue: 'Database unavailable' }, { times: 1 });
    const err = await failure(fetchAda, 'server');
    assert.equal(err.info.status, 500);
    assert.match(err.message, /failed \(500\) while trying to read the patient\. Nothing was changed here; try again later\. The server said: error · exception: Database unavailable/);
  });

  test('502 from a proxy with an HTML page is still a server failure', async () => {
    server.fault({ kind: 'status', status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' }, { times: 1 });
    const err = await failure(fetchAda, 'server');
    assert.match(err.message, /failed \(502, an HTML error page\)/);
  });

  test('a slow server times out with the limit in the message', async () => {
    settings = fhirSettings(server.url, { timeoutMs: 300 });
    try {
      server.fault({ kind: 'slow', ms: 60_000 }, { times: 1 });
      const started = Date.now();
      const err = await failure(fetchAda, 'timeout');
      assert.ok(Date.now() - started < 20_000);
      assert.equal(err.message, `The FHIR server at ${new URL(server.url).host} did not answer within 0.3 s. Try again, or raise medgemmaNotes.fhir.timeoutMs.`);
    } finally {
      settings = fhirSettings(server.url);
    }
  });

  test('invalid JSON (a body cut short)', async () => {
    server.fault({ kind: 'invalid-json' }, { times: 1 });
    const err = await failure(fetchAda, 'invalid-response');
    assert.match(err.message, /not valid JSON \(status 200; perhaps cut short\)/);
  });

  test('an HTML page where FHIR was expected: check the base URL', async () => {
    server.fault({ kind: 'html' }, { times: 1 });
    const err = await failure(() => service.testConnection(), 'not-fhir');
    assert.match(err.message, /answered with an HTML page, not FHIR JSON\. Check medgemmaNotes\.fhir\.baseUrl/);
  });

  test('JSON that is not a FHIR resource is not FHIR either', async () => {
    server.fault({ kind: 'status', status: 200, body: '{"status":"ok","version":"1.2"}', contentType: 'application/json' }, { times: 1 });
    const err = await failure(() => service.testConnection(), 'not-fhir');
    assert.match(err.message, /answered with JSON that is not a FHIR resource/);
  });

  test('a web site at the base URL (no CapabilityStatement) is not FHIR', async () => {
    const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Welcome</title>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    settings = fhirSettings(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    try {
      await failure(() => service.testConnection(), 'not-fhir');
    } finally {
      settings = fhirSettings(server.url);
      site.closeAllConnections();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });

  test('a host nobody answers on is unreachable, saying why', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    settings = fhirSettings(`http://127.0.0.1:${port}/fhir`);
    try {
      const err = await failure(() => service.testConnection(), 'unreachable');
      assert.equal(err.message, `Could not reach the FHIR server at 127.0.0.1:${port} (connection refused). Check medgemmaNotes.fhir.baseUrl and the network.`);
    } finally {
      settings = fhirSettings(server.url);
    }
  });

  test('a read whose connection drops is sent again once; dropped twice, it is unreachable', async () => {
    server.fault({ kind: 'drop' }, { times: 1 });
    const before = server.requests.length;
    await service.testConnection();
    assert.equal(server.requests.length - before, 2, 'the dropped read and its retry');
    server.fault({ kind: 'drop' }, { times: 2 });
    await failure(() => service.testConnection(), 'unreachable');
  });

  test('an export whose connection drops is not sent again (it may have been stored), and says so', async () => {
    server.fault({ kind: 'drop' }, { match: (r) => r.method === 'POST', times: 1 });
    const before = server.requests.filter((r) => r.method === 'POST').length;
    const err = await failure(() => service.exportNote({ text: 'note', noteType: 'progress-note', link: linkOf(`Patient: Patient/${ada}`) }), 'unreachable');
    assert.match(err.message, /The server may still have stored the note: check the patient's documents before exporting again\.$/);
    assert.equal(server.requests.filter((r) => r.method === 'POST').length - before, 1);
  });

  test('after any of these the next try works (nothing stuck)', async () => {
    const ctx = await service.context(linkOf(`Patient: Patient/${ada}`), true);
    assert.equal(ctx.allergies.length, 3);
    const ok = await service.testConnection();
    assert.deepEqual(ok, { fhirVersion: '4.0.1', software: 'Medplum FHIR router (test wrapper) 4.5.2', authenticated: false });
  });
});

describe('checks before any request', () => {
  test('no base URL: not configured, and no request at all', async () => {
    settings = fhirSettings('');
    const before = server.requests.length;
    try {
      for (const run of [fetchAda, () => service.testConnection(), () => service.searchPatients('Testperson')]) {
        const err = await failure(run, 'not-configured');
        assert.match(err.message, /No FHIR server is configured: set medgemmaNotes\.fhir\.baseUrl/);
      }
      assert.equal(service.enabled, false);
      assert.equal(server.requests.length, before);
    } finally {
      settings = fhirSettings(server.url);
    }
  });

  test('an untrusted workspace: no request at all, until trusted', async () => {
    const before = server.requests.length;
    service.setTrusted(false);
    try {
      for (const run of [fetchAda, () => service.testConnection(), () => service.searchPatients('Testperson')]) {
        const err = await failure(run, 'untrusted');
        assert.match(err.message, /not trusted, so MedGemma Notes makes no FHIR request here/);
      }
      assert.equal(service.enabled, false);
      assert.equal(server.requests.length, before);
    } finally {
      service.setTrusted(true);
    }
    await service.testConnection();
    assert.equal(server.requests.length, before + 1);
  });

  test('credentials never go over plain http to another machine', async () => {
    settings = fhirSettings('http://ehr.example.org/fhir', { auth: 'bearer' });
    service.setCredentials({ baseUrl: 'http://ehr.example.org/fhir', token: 't' });
    try {
      const err = await failure(() => service.testConnection(), 'insecure');
      assert.match(err.message, /Refusing to send credentials to the FHIR server ehr\.example\.org over http/);
    } finally {
      settings = fhirSettings(server.url);
      service.setCredentials(null);
    }
  });

  test('a base URL that is not a URL, or holds a password, is refused with what to do', async () => {
    settings = fhirSettings('ehr.example.org/fhir');
    await failure(() => service.testConnection(), 'not-configured');
    settings = fhirSettings('https://user:secret@ehr.example.org/fhir');
    const err = await failure(() => service.testConnection(), 'insecure');
    assert.doesNotMatch(err.message, /secret@/);
    settings = fhirSettings(server.url);
  });
});
