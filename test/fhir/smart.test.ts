/**
 * SMART Backend Services sign-in against the test server's token endpoint: signed client
 * assertions (RS384 and ES384) and client secrets, the token reused until it expires, renewed once
 * when the server stops accepting it, discovery of the token endpoint, and refusals.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FhirService } from '../../server/src/fhir/service';
import type { FhirSettings } from '../../server/src/protocol';
import { adaBundle, patientIdOf } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';
import { fhirSettings, linkOf, recordingLogger, testService } from './support/service';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const pem = (k: { privateKey: { export(o: { type: 'pkcs8'; format: 'pem' }): string | Buffer } }): string => String(k.privateKey.export({ type: 'pkcs8', format: 'pem' }));

let server: TestFhirServer;
let ada: string;
let settings: FhirSettings;
let service: FhirService;
const logger = recordingLogger();

before(async () => {
  server = await startFhirServer();
  ada = patientIdOf(await server.transaction(adaBundle()));
  server.registerSmartClient({ clientId: 'notes-rsa', publicKey: rsa.publicKey, kid: 'key-1' });
  server.registerSmartClient({ clientId: 'notes-ec', publicKey: ec.publicKey });
  server.registerSmartClient({ clientId: 'notes-secret', secret: 's3cr3t:with/odd chars' });
  service = testService(() => settings, logger);
});

after(async () => {
  service.dispose();
  await server.close();
});

const smart = (clientId: string, tokenUrl = server.tokenUrl): FhirSettings => fhirSettings(server.url, { auth: 'smart-backend', clientId, tokenUrl, scope: 'system/Patient.read system/Observation.read' });
const tokenRequests = (): number => server.requests.filter((r) => r.resourceType === 'auth/token').length;

describe('SMART backend services', () => {
  test('an RS384 client assertion gets a token; the token is reused for later requests', async () => {
    settings = smart('notes-rsa');
    service.setCredentials({ baseUrl: server.url, privateKey: pem(rsa), keyId: 'key-1' });
    const before = tokenRequests();
    const ok = await service.testConnection();
    assert.equal(ok.authenticated, true);
    const ctx = await service.context(linkOf(`Patient: Patient/${ada}`), true);
    assert.equal(ctx.allergies.length, 3);
    assert.equal(tokenRequests() - before, 1, 'one token for all those requests');
    const token = server.requests.find((r) => r.resourceType === 'auth/token');
    const form = new URLSearchParams(String(token?.body));
    assert.equal(form.get('grant_type'), 'client_credentials');
    assert.equal(form.get('scope'), 'system/Patient.read system/Observation.read');
    assert.ok(server.requests.filter((r) => r.resourceType === 'Observation').every((r) => /^Bearer tok-/.test(r.authorization ?? '')));
  });

  test('a revoked token is renewed once and the request retried', async () => {
    server.revokeTokens();
    const before = tokenRequests();
    await service.testConnection();
    assert.equal(tokenRequests() - before, 1);
  });

  test('an ES384 assertion works too', async () => {
    settings = smart('notes-ec');
    service.setCredentials({ baseUrl: server.url, privateKey: pem(ec) });
    assert.equal((await service.testConnection()).authenticated, true);
  });

  test('a client secret (client_secret_basic) works, odd characters and all', async () => {
    settings = smart('notes-secret');
    service.setCredentials({ baseUrl: server.url, clientSecret: 's3cr3t:with/odd chars' });
    assert.equal((await service.testConnection()).authenticated, true);
  });

  test('with no token URL set, it is discovered from .well-known/smart-configuration', async () => {
    settings = smart('notes-rsa', '');
    service.setCredentials({ baseUrl: server.url, privateKey: pem(rsa), keyId: 'key-1' });
    await service.testConnection();
    assert.ok(server.requests.some((r) => r.path === '/fhir/.well-known/smart-configuration'));
  });

  test('a key the server does not know: sign in again, with the OAuth error', async () => {
    settings = smart('notes-rsa');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    service.setCredentials({ baseUrl: server.url, privateKey: pem(other), keyId: 'key-1' });
    await assert.rejects(service.testConnection(), (err: Error & { kind?: string }) => {
      assert.equal(err.kind, 'sign-in');
      assert.match(err.message, /The token endpoint refused the client credentials \(invalid_client: bad signature\)\. Check medgemmaNotes\.fhir\.clientId/);
      return true;
    });
  });

  test('a wrong secret, a missing client id, a key that is not a key', async () => {
    settings = smart('notes-secret');
    service.setCredentials({ baseUrl: server.url, clientSecret: 'wrong' });
    await assert.rejects(service.testConnection(), /invalid_client: unknown client or wrong secret/);
    settings = smart('');
    service.setCredentials({ baseUrl: server.url, clientSecret: 'x' });
    await assert.rejects(service.testConnection(), /needs a client id: set medgemmaNotes\.fhir\.clientId/);
    settings = smart('notes-rsa');
    service.setCredentials({ baseUrl: server.url, privateKey: 'not a pem' });
    await assert.rejects(service.testConnection(), /not a PEM private key/);
  });

  test('a token endpoint over plain http to another machine is refused before anything is sent', async () => {
    settings = smart('notes-secret', 'http://auth.example.org/token');
    service.setCredentials({ baseUrl: server.url, clientSecret: 's3cr3t:with/odd chars' });
    await assert.rejects(service.testConnection(), (err: Error & { kind?: string }) => err.kind === 'insecure' && /the token endpoint over http/.test(err.message));
  });

  test('no secret or key is ever logged', () => {
    const log = logger.lines.join('\n');
    for (const secret of ['s3cr3t', 'PRIVATE KEY', 'tok-', 'client_assertion']) assert.ok(!log.includes(secret), `log mentions ${secret}`);
    assert.ok(logger.lines.some((l) => /fhir token → 200/.test(l)));
  });
});
