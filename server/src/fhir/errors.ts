/**
 * Turns whatever a FHIR request failed with (an HTTP status, an OperationOutcome, a network error,
 * a timeout, an HTML page, invalid JSON) into one `FhirError` whose message says what happened
 * and what to do next. Messages go to the user only: they may quote the server's OperationOutcome,
 * so they are never logged (log `kind` and `status`).
 */
import type { FhirErrorInfo, FhirErrorKind } from '../protocol';

/** A failed FHIR interaction, as the user can act on it. */
export class FhirError extends Error {
  override readonly name = 'FhirError';
  constructor(readonly info: FhirErrorInfo) {
    super(info.message);
  }
  get kind(): FhirErrorKind {
    return this.info.kind;
  }
}

/** What was being done, for messages: `reading Patient/123` is not said (ids stay out of messages that might be copied around). */
export interface ErrorContext {
  /** `search patients`, `fetch the patient context`, `export the note`, `connect`. */
  operation: string;
  /** Host of the FHIR server (`ehr.example.org`). */
  host: string;
  /** `none` when no credential is used, to say "the server needs authentication" instead of "sign in again". */
  auth: 'none' | 'bearer' | 'smart-backend';
  timeoutMs: number;
}

const MAX_ISSUES = 10;
const MAX_ISSUE_CHARS = 300;

/** One line per OperationOutcome issue: `error · required: Patient.name is required (Patient.name)`. */
export function outcomeIssues(outcome: unknown): string[] {
  if (!isRecord(outcome) || outcome.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) return [];
  const out: string[] = [];
  for (const issue of outcome.issue.slice(0, MAX_ISSUES)) {
    if (!isRecord(issue)) continue;
    const details = isRecord(issue.details) && typeof issue.details.text === 'string' ? issue.details.text : '';
    const text = [details, typeof issue.diagnostics === 'string' && issue.diagnostics !== details ? issue.diagnostics : ''].filter((s) => s.length > 0).join(' — ');
    const where = Array.isArray(issue.expression) ? issue.expression.filter((e): e is string => typeof e === 'string') : [];
    const head = [issue.severity, issue.code].filter((s): s is string => typeof s === 'string' && s.length > 0).join(' · ');
    const line = `${head}${head && text ? ': ' : ''}${text}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
    if (line.length > 0) out.push(line.length > MAX_ISSUE_CHARS ? `${line.slice(0, MAX_ISSUE_CHARS - 1)}…` : line);
  }
  return out;
}

/** A FhirError for an HTTP status the server answered with (`body` parsed JSON, or the raw text). */
export function httpError(status: number, body: unknown, ctx: ErrorContext): FhirError {
  const issues = outcomeIssues(body);
  const said = issues.length > 0 ? ` The server said: ${issues[0]}` : '';
  const html = typeof body === 'string' && looksLikeHtml(body);
  const base = { status, ...(issues.length > 0 ? { issues } : {}) };
  if (status === 401) {
    const message =
      ctx.auth === 'none'
        ? `The FHIR server at ${ctx.host} requires authentication (401). Set medgemmaNotes.fhir.auth to 'bearer' or 'smart-backend' and run 'FHIR: Sign In…'.`
        : `The FHIR server at ${ctx.host} refused the credentials (401): they may have expired. Run 'FHIR: Sign In…' again.`;
    return new FhirError({ kind: 'sign-in', message: message + said, ...base });
  }
  if (status === 403) {
    return new FhirError({
      kind: 'forbidden',
      message: `The FHIR server at ${ctx.host} did not allow this (403): the account or its scopes may not ${ctx.operation}. Sign in again with an account that may, or check medgemmaNotes.fhir.scope.${said}`,
      ...base,
    });
  }
  if (status === 404 || status === 410) {
    return new FhirError({ kind: 'not-found', message: `Not found on the FHIR server at ${ctx.host} (${status}).${said}`, ...base });
  }
  if (status === 409 || status === 412) {
    return new FhirError({
      kind: 'conflict',
      message: `The FHIR server at ${ctx.host} holds a newer version than the one this was based on (${status}): it was changed there since. Nothing was overwritten.${said}`,
      ...base,
    });
  }
  if (status >= 500) {
    return new FhirError({
      kind: 'server',
      message: `The FHIR server at ${ctx.host} failed (${status}${html ? ', an HTML error page' : ''}) while trying to ${ctx.operation}. Nothing was changed here; try again later.${said}`,
      ...base,
    });
  }
  if (html) {
    return notFhir(ctx, status);
  }
  return new FhirError({
    kind: 'refused',
    message: `The FHIR server at ${ctx.host} refused to ${ctx.operation} (${status}).${issues.length > 0 ? ` ${issues.join('; ')}` : ''}`,
    ...base,
  });
}

/** The server answered 2xx with something that is not FHIR JSON. */
export function notFhir(ctx: ErrorContext, status?: number, what = 'an HTML page'): FhirError {
  return new FhirError({
    kind: 'not-fhir',
    message: `${ctx.host} answered with ${what}, not FHIR JSON. Check medgemmaNotes.fhir.baseUrl (it usually ends in /fhir or /R4); a login page or proxy may be in the way.`,
    ...(status !== undefined ? { status } : {}),
  });
}

/** The server's 2xx body was not valid JSON. */
export function invalidJson(ctx: ErrorContext, status: number): FhirError {
  return new FhirError({
    kind: 'invalid-response',
    message: `The FHIR server at ${ctx.host} sent a response that is not valid JSON (status ${status}; perhaps cut short). Nothing was changed here; try again.`,
    status,
  });
}

/** Network-level failures: no answer at all. */
export function networkError(err: unknown, ctx: ErrorContext): FhirError {
  if (isAbort(err)) {
    return new FhirError({
      kind: 'timeout',
      message: `The FHIR server at ${ctx.host} did not answer within ${Math.round(ctx.timeoutMs / 100) / 10} s. Try again, or raise medgemmaNotes.fhir.timeoutMs.`,
    });
  }
  const code = causeCode(err);
  const why = code ? (REASONS[code] ?? code) : 'no connection';
  return new FhirError({
    kind: 'unreachable',
    message: `Could not reach the FHIR server at ${ctx.host} (${why}). Check medgemmaNotes.fhir.baseUrl and the network.`,
  });
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
};

/** The connection closed under a request before any answer (often a kept-alive socket the server had just closed). */
export function isStaleConnection(err: unknown): boolean {
  const code = causeCode(err);
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED';
}

/** `AbortSignal.timeout` rejects with a `TimeoutError`, an abort with an `AbortError`. */
export function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

function causeCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** `<!DOCTYPE html>`, `<html>`: a login page, a proxy's error page, a web app at the base URL. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
