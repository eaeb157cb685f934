/**
 * SMART Backend Services authorisation (client credentials): a signed client assertion
 * (private_key_jwt, RS384/ES384) or a client secret (client_secret_basic) exchanged at the token
 * endpoint for an access token, cached until shortly before it expires. The token endpoint comes
 * from `medgemmaNotes.fhir.tokenUrl` or the server's `.well-known/smart-configuration`.
 *
 * Secrets are never logged and never put in error messages.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { Logger } from '../logger';
import type { FhirCredentials } from '../protocol';
import { type ErrorContext, FhirError, isRecord, networkError } from './errors';
import { assertSecureUrl } from './url';

export interface SmartOptions {
  baseUrl: string;
  clientId: string;
  tokenUrl: string;
  scope: string;
  credentials: FhirCredentials;
  timeoutMs: number;
  signal: AbortSignal;
  logger: Logger;
  errorContext: ErrorContext;
}

/** Renew this long before the server's expiry, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;
/** SMART asks for assertions that live at most five minutes. */
const ASSERTION_LIFETIME_S = 300;

export class SmartTokenSource {
  private cached: { token: string; expires: number } | undefined;
  private pending: Promise<string> | undefined;
  private tokenEndpoint: string | undefined;

  constructor(private readonly opts: SmartOptions) {
    if (!opts.clientId) throw this.signInError("SMART backend-services sign-in needs a client id: set medgemmaNotes.fhir.clientId.");
    if (!opts.credentials.privateKey && !opts.credentials.clientSecret) throw this.signInError("No client secret or private key is stored for this server. Run 'FHIR: Sign In…'.");
  }

  /** A valid access token (fetched once for concurrent callers). */
  async token(): Promise<string> {
    if (this.cached && this.cached.expires > Date.now()) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drops the cached token (the server answered 401 with it). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const endpoint = await this.endpoint();
    const { credentials, clientId, scope } = this.opts;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope.trim()) form.set('scope', scope.trim());
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (credentials.privateKey) {
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', this.assertion(endpoint, credentials.privateKey, credentials.keyId));
    } else {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(credentials.clientSecret ?? '')}`).toString('base64')}`;
    }
    const started = performance.now();
    const response = await this.fetch(endpoint, { method: 'POST', headers, body: form.toString() });
    const body = await this.json(response);
    this.opts.logger.debug(`fhir token → ${response.status} in ${(performance.now() - started).toFixed(0)} ms`);
    if (!response.ok || !isRecord(body) || typeof body.access_token !== 'string' || body.access_token.length === 0) {
      const oauth = isRecord(body) && typeof body.error === 'string' ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : `status ${response.status}`;
      throw this.signInError(`The token endpoint refused the client credentials (${oauth}). Check medgemmaNotes.fhir.clientId and medgemmaNotes.fhir.scope, and run 'FHIR: Sign In…' again.`, response.status);
    }
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : 300_000;
    this.cached = { token: body.access_token, expires: Date.now() + Math.max(0, lifetime - EXPIRY_MARGIN_MS) };
    return body.access_token;
  }

  /** The token endpoint: from settings, else discovered once from `.well-known/smart-configuration`. */
  private async endpoint(): Promise<string> {
    if (this.tokenEndpoint) return this.tokenEndpoint;
    let url = this.opts.tokenUrl.trim();
    if (!url) {
      const wellKnown = `${this.opts.baseUrl}/.well-known/smart-configuration`;
      const response = await this.fetch(wellKnown, { method: 'GET', headers: { accept: 'application/json' } });
      const body = await this.json(response);
      if (!response.ok || !isRecord(body) || typeof body.token_endpoint !== 'string') {
        throw this.signInError(`The server publishes no SMART configuration (${wellKnown} answered ${response.status}). Set medgemmaNotes.fhir.tokenUrl.`, response.status);
      }
      url = body.token_endpoint;
    }
    assertSecureUrl(url, 'the token endpoint');
    this.tokenEndpoint = url;
    return url;
  }

  /** A signed JWT client assertion (SMART Backend Services §"Authenticating to the token service"). */
  private assertion(audience: string, pem: string, keyId: string | undefined): string {
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch {
      throw this.signInError("The stored private key is not a PEM private key. Run 'FHIR: Sign In…' and choose the key file again.");
    }
    const alg = algorithmOf(key);
    if (!alg) throw this.signInError('The stored private key must be RSA or EC P-384/P-256 (RS384, ES384, ES256). Run \'FHIR: Sign In…\' with another key.');
    const now = Math.floor(Date.now() / 1000);
    const header = { alg, typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
    const claims = { iss: this.opts.clientId, sub: this.opts.clientId, aud: audience, exp: now + ASSERTION_LIFETIME_S, jti: randomUUID() };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = sign(alg === 'ES256' ? 'sha256' : 'sha384', Buffer.from(input), alg.startsWith('ES') ? { key, dsaEncoding: 'ieee-p1363' } : key);
    return `${input}.${signature.toString('base64url')}`;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.any([AbortSignal.timeout(this.opts.timeoutMs), this.opts.signal]) });
    } catch (err) {
      throw networkError(err, this.opts.errorContext);
    }
  }

  private async json(response: Response): Promise<unknown> {
    try {
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch (err) {
      if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) throw networkError(err, this.opts.errorContext);
      return undefined;
    }
  }

  private signInError(message: string, status?: number): FhirError {
    return new FhirError({ kind: 'sign-in', message, ...(status !== undefined ? { status } : {}) });
  }
}

function algorithmOf(key: KeyObject): 'RS384' | 'ES384' | 'ES256' | undefined {
  if (key.asymmetricKeyType === 'rsa') return 'RS384';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'secp384r1') return 'ES384';
    if (curve === 'prime256v1') return 'ES256';
  }
  return undefined;
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}
