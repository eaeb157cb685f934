/**
 * URL checks that keep credentials and patient data where the user sent them: the base URL must be
 * http(s); a credential travels over plain http only to this machine; paging links must stay
 * under the base URL (a `next` link elsewhere would receive the bearer token). Pure.
 */
import { FhirError } from './errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The base URL without a trailing slash, or a `not-configured` error saying what is wrong with it. */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FhirError({ kind: 'not-configured', message: 'medgemmaNotes.fhir.baseUrl is not a URL. Set it to the FHIR server\'s base, e.g. https://ehr.example.org/fhir.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FhirError({ kind: 'not-configured', message: `medgemmaNotes.fhir.baseUrl must be an http(s) URL (it is ${url.protocol}).` });
  }
  if (url.username || url.password) {
    throw new FhirError({ kind: 'insecure', message: 'medgemmaNotes.fhir.baseUrl must not hold a user name or password: settings are not secret. Remove them and run \'FHIR: Sign In…\'.' });
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** Throws `insecure` when `url` is plain http to another machine (a credential would travel in clear). */
export function assertSecureUrl(url: string, what: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FhirError({ kind: 'not-configured', message: `The address of ${what} is not a URL.` });
  }
  if (parsed.protocol === 'https:') return;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return;
  throw new FhirError({
    kind: 'insecure',
    message: `Refusing to send credentials to ${what} over ${parsed.protocol.replace(':', '')} (${parsed.host}): use https, or auth 'none' for a local test server.`,
  });
}

/** `ehr.example.org` (with the port when there is one): what messages and logs may name. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the FHIR server';
  }
}

/** True when `url` (absolute or relative to `base`) lies under `base`: same origin, path inside. */
export function isUnderBase(url: string, base: string): boolean {
  try {
    const u = new URL(url, `${base}/`);
    const b = new URL(`${base}/`);
    return u.origin === b.origin && (u.pathname + '/').startsWith(b.pathname);
  } catch {
    return false;
  }
}

/** The resource type a request path names (`Observation` for `Observation?patient=…`), for logs. */
export function resourceTypeOf(url: string, base: string): string {
  try {
    const path = new URL(url, `${base}/`).pathname.slice(new URL(`${base}/`).pathname.length);
    const first = path.split('/')[0] ?? '';
    return /^[A-Z][A-Za-z]+$/.test(first) || first === 'metadata' ? first : first === '' ? '(root)' : '(other)';
  } catch {
    return '(other)';
  }
}
