/**
 * fhir-kit-client is ESM-only and loaded with `import()`: this checks that esbuild bundles it into
 * the CommonJS server (as `npm run build` does, here into a temporary folder so parallel tests do
 * not share `dist/`), and that the bundled server, started as its own process over stdio, fetches
 * a patient's context from the test FHIR server.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { FhirContextRequest, FhirContextStatusNotification } from '../../server/src/protocol';
import { adaBundle, patientIdOf } from './fixtures/syntheticPatients';
import { startFhirServer, type TestFhirServer } from './support/fhirServer';

const root = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'medgemma-fhir-bundle-'));
const serverJs = path.join(out, 'server.js');
let fhir: TestFhirServer;
let ada: string;
let child: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;

before(async () => {
  await build({
    entryPoints: [path.join(root, 'server/src/main.ts')],
    outfile: serverJs,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
    define: { __VERSION__: '"test"' },
    external: ['node-llama-cpp'],
  });
  fhir = await startFhirServer();
  ada = patientIdOf(await fhir.transaction(adaBundle()));
});

after(async () => {
  if (connection) {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    connection.dispose();
  }
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill();
    await exited;
  }
  await fhir.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the bundled server', () => {
  test('holds fhir-kit-client (no require of the ESM-only package at run time)', () => {
    const code = readFileSync(serverJs, 'utf8');
    assert.match(code, /node_modules\/fhir-kit-client\/dist\/index\.js/);
    assert.doesNotMatch(code, /require\(["']fhir-kit-client["']\)/);
  });

  test('fetches a linked patient from the FHIR server when run as its own process', { timeout: 120_000 }, async () => {
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child = proc;
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    connection = conn;
    const ready = new Promise<{ state: string }>((resolve) => conn.onNotification(FhirContextStatusNotification.type, resolve));
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { settings: { fhir: { baseUrl: fhir.url, timeoutMs: 30_000 } }, workspaceTrusted: true },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    const uri = 'file:///notes/bundle.cnote';
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'clinical-note', version: 1, text: `Patient: Patient/${ada}\nMEDICATIONS:\n- Amoxicillin 500 mg PO TID\n` } });
    assert.equal((await ready).state, 'ready');
    const context = await conn.sendRequest(FhirContextRequest.type, { uri });
    assert.equal(context?.patient?.name, 'Testperson, Ada');
    assert.equal(context?.findings[0]?.code, 'drug-allergy-conflict');
  });
});
