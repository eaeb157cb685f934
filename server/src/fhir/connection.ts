/**
 * One configured FHIR server, through fhir-kit-client 2.0 (ESM-only, so loaded with a dynamic
 * `import()`; esbuild bundles it). Adds what the client leaves to its caller: a timeout and
 * cancellation on every request, the credential (bearer token or SMART backend-services token,
 * renewed once on 401), checks that the answer is FHIR JSON, paging links kept under the base URL,
 * errors turned into `FhirError`s, and a log line per request with the resource type, status and
 * time only (URLs carry patient ids; they are never logged).
 */
import type { Logger } from '../logger';
import type { FhirCredentials, FhirSettings } from '../protocol';
import { type ErrorContext, FhirError, httpError, invalidJson, isAbort, isRecord, isStaleConnection, looksLikeHtml, networkError, notFhir } from './errors';
import { SmartTokenSource } from './smartAuth';
import { assertSecureUrl, hostOf, isUnderBase, normaliseBaseUrl, resourceTypeOf } from './url';

type Kit = typeof import('fhir-kit-client', { with: { 'resolution-mode': 'import' } });
type KitClient = InstanceType<Kit['Client']>;
export type Json = Record<string, unknown>;

/** Loaded once: `import()` keeps the ESM-only package out of the CommonJS load path until FHIR is used. */
let kitModule: Promise<Kit> | undefined;
function loadKit(): Promise<Kit> {
  kitModule ??= import('fhir-kit-client');
  return kitModule;
}

export interface ConnectionOptions {
  settings: FhirSettings;
  credentials: FhirCredentials | undefined;
  logger: Logger;
  /** Aborted when the connection is replaced (settings or credentials changed) or the server stops. */
  signal: AbortSignal;
}

/** What a write returned: the resource (when the server sent it), and its ETag and Location. */
export interface WriteResult {
  resource: Json | undefined;
  etag: string | undefined;
  location: string | undefined;
  status: number;
}

export class FhirConnection {
  readonly baseUrl: string;
  readonly host: string;
  private readonly smart: SmartTokenSource | undefined;
  private readonly token: string | undefined;
  private kit: KitClient | undefined;

  /** Throws a `FhirError` when the settings or credentials cannot work (no request is made). */
  constructor(private readonly opts: ConnectionOptions) {
    const { settings, credentials } = opts;
    this.baseUrl = normaliseBaseUrl(settings.baseUrl);
    this.host = hostOf(this.baseUrl);
    if (settings.auth !== 'none') {
      assertSecureUrl(this.baseUrl, `the FHIR server ${this.host}`);
      if (!credentials) {
        throw new FhirError({ kind: 'sign-in', message: `No credential is stored for ${this.host}. Run 'FHIR: Sign In…'.` });
      }
    }
    if (settings.auth === 'bearer') {
      if (!credentials?.token) throw new FhirError({ kind: 'sign-in', message: `No bearer token is stored for ${this.host}. Run 'FHIR: Sign In…'.` });
      this.token = credentials.token;
    }
    if (settings.auth === 'smart-backend' && credentials) {
      this.smart = new SmartTokenSource({
        baseUrl: this.baseUrl,
        clientId: settings.clientId.trim(),
        tokenUrl: settings.tokenUrl,
        scope: settings.scope,
        credentials,
        timeoutMs: settings.timeoutMs,
        signal: opts.signal,
        logger: opts.logger,
        errorContext: this.context('sign in'),
      });
    }
  }

  /** Whether requests carry a credential. */
  get authenticated(): boolean {
    return this.opts.settings.auth !== 'none';
  }

  context(operation: string): ErrorContext {
    return { operation, host: this.host, auth: this.opts.settings.auth, timeoutMs: this.opts.settings.timeoutMs };
  }

  /** GET a path relative to the base (`metadata`, `Patient/1`) or a search, checked to be a FHIR resource. */
  async get(path: string, operation: string, params: readonly (readonly [string, string])[] = [], signal?: AbortSignal): Promise<Json> {
    const query = params.length > 0 ? `?${new URLSearchParams(params.map(([k, v]): [string, string] => [k, v])).toString()}` : '';
    const { body } = await this.send('GET', `${path}${query}`, operation, undefined, {}, signal);
    return this.resource(body, operation);
  }

  /**
   * The next page of a search Bundle, or undefined on the last page. A `next` link outside the base
   * URL is not followed (it would receive the credential): `outside` is set instead.
   */
  async nextPage(bundle: Json, operation: string, signal?: AbortSignal): Promise<{ bundle?: Json; outside?: boolean }> {
    const next = Array.isArray(bundle.link) ? bundle.link.find((l) => isRecord(l) && l.relation === 'next') : undefined;
    const url = isRecord(next) && typeof next.url === 'string' ? next.url : undefined;
    if (!url) return {};
    if (!isUnderBase(url, this.baseUrl)) return { outside: true };
    const { body } = await this.send('GET', new URL(url, `${this.baseUrl}/`).toString(), operation, undefined, {}, signal);
    return { bundle: this.resource(body, operation) };
  }

  /** POST a new resource. */
  async create(resourceType: string, resource: Json, operation: string): Promise<WriteResult> {
    return this.write('POST', resourceType, resource, operation, {});
  }

  /** PUT a resource over version `ifMatch` (a plain version id; sent as a weak ETag). */
  async update(resourceType: string, id: string, resource: Json, ifMatch: string | undefined, operation: string): Promise<WriteResult> {
    return this.write('PUT', `${resourceType}/${encodeURIComponent(id)}`, resource, operation, ifMatch ? { 'if-match': `W/"${ifMatch}"` } : {});
  }

  private async write(method: 'POST' | 'PUT', path: string, resource: Json, operation: string, headers: Record<string, string>): Promise<WriteResult> {
    const { body, response } = await this.send(method, path, operation, resource, { prefer: 'return=representation', ...headers });
    const etag = response?.headers.get('etag') ?? undefined;
    const location = response?.headers.get('location') ?? response?.headers.get('content-location') ?? undefined;
    // An empty body (`Prefer` ignored, return=minimal) is fine for a write; the headers say what was made.
    const sent = isRecord(body) && Object.keys(body).length > 0 ? this.resource(body, operation) : undefined;
    return { resource: sent, etag, location, status: response?.status ?? 0 };
  }

  private resource(body: unknown, operation: string): Json {
    if (!isRecord(body) || typeof body.resourceType !== 'string') {
      throw notFhir(this.context(operation), 200, 'JSON that is not a FHIR resource');
    }
    return body;
  }

  /** `signal` cancels this request only (a sibling search failed); the connection's signal cancels them all. */
  private async send(method: 'GET' | 'POST' | 'PUT', url: string, operation: string, body?: Json, headers: Record<string, string> = {}, cancel?: AbortSignal): Promise<{ body: unknown; response: Response | undefined }> {
    const kit = await this.client();
    const ctx = this.context(operation);
    const type = resourceTypeOf(url, this.baseUrl);
    let renewed = false;
    let reconnected = false;
    for (;;) {
      const started = performance.now();
      const auth = await this.authorization();
      const signal = AbortSignal.any([AbortSignal.timeout(this.opts.settings.timeoutMs), this.opts.signal, ...(cancel ? [cancel] : [])]);
      try {
        const options = { signal, headers: { ...headers, ...auth } };
        const result = await kit.request(url, { method, options, ...(body ? { body } : {}) });
        const { response } = (await loadKit()).Client.httpFor(result);
        this.opts.logger.debug(`fhir ${method} ${type} → ${response?.status ?? '?'} in ${(performance.now() - started).toFixed(0)} ms`);
        return { body: result, response };
      } catch (err) {
        const status = httpStatus(err);
        this.opts.logger.debug(`fhir ${method} ${type} → ${status ?? (isAbort(err) ? 'timeout' : 'no answer')} in ${(performance.now() - started).toFixed(0)} ms`);
        if (status === 401 && this.smart && !renewed) {
          // The cached token may have been revoked or expired early: get a new one, once.
          renewed = true;
          this.smart.invalidate();
          continue;
        }
        if (status === undefined && method === 'GET' && !reconnected && isStaleConnection(err) && !signal.aborted) {
          // A kept-alive socket the server closed as we reused it: a read is safe to send again, once.
          reconnected = true;
          continue;
        }
        throw this.mapError(err, ctx, cancel);
      }
    }
  }

  private mapError(err: unknown, ctx: ErrorContext, cancel: AbortSignal | undefined): FhirError {
    if (err instanceof FhirError) return err;
    if (cancel?.aborted) return new FhirError({ kind: 'server', message: `Stopped: another part of the request failed.` });
    if (this.opts.signal.aborted) {
      return new FhirError({ kind: 'not-configured', message: 'The FHIR settings or sign-in changed while this request was running, so it was stopped. Run it again.' });
    }
    const status = httpStatus(err);
    if (status === undefined) return networkError(err, ctx);
    const data = (err as { response: { data: unknown } }).response.data;
    if (status < 300 || (status < 400 && typeof data === 'string')) {
      if (typeof data === 'string') return looksLikeHtml(data) ? notFhir(ctx, status) : invalidJson(ctx, status);
      return notFhir(ctx, status, `status ${status}`);
    }
    return httpError(status, data, ctx);
  }

  private async authorization(): Promise<Record<string, string>> {
    if (this.token) return { authorization: `Bearer ${this.token}` };
    if (this.smart) return { authorization: `Bearer ${await this.smart.token()}` };
    return {};
  }

  private async client(): Promise<KitClient> {
    if (!this.kit) {
      const { Client } = await loadKit();
      this.kit = new Client({ baseUrl: this.baseUrl });
    }
    return this.kit;
  }
}

/** fhir-kit-client attaches `response.status` to the errors it throws for an HTTP answer. */
function httpStatus(err: unknown): number | undefined {
  const response = (err as { response?: unknown } | undefined)?.response;
  return isRecord(response) && typeof response.status === 'number' ? response.status : undefined;
}
