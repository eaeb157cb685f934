/**
 * The FHIR credential in VS Code's secret storage (the OS keychain), one per base URL, so a token
 * for one server is never sent to another. Never in settings, never logged.
 */
import * as vscode from 'vscode';
import type { FhirCredentials, FhirSettings } from '../../../server/src/protocol';

const KEY_PREFIX = 'medgemmaNotes.fhir.credential:';

/** The FHIR settings as the user has them now. */
export function fhirSettings(): FhirSettings {
  const c = vscode.workspace.getConfiguration('medgemmaNotes.fhir');
  const auth = c.get<string>('auth');
  return {
    baseUrl: (c.get<string>('baseUrl') ?? '').trim(),
    auth: auth === 'bearer' || auth === 'smart-backend' ? auth : 'none',
    clientId: (c.get<string>('clientId') ?? '').trim(),
    tokenUrl: (c.get<string>('tokenUrl') ?? '').trim(),
    scope: c.get<string>('scope') ?? '',
    timeoutMs: c.get<number>('timeoutMs') ?? 15000,
  };
}

/** `https://ehr.example.org/fhir` for any spelling of it (case of the host, trailing slashes). */
export function normalisedBase(baseUrl: string): string | undefined {
  try {
    const u = new URL(baseUrl.trim());
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** `ehr.example.org` for messages. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

type Stored = Omit<FhirCredentials, 'baseUrl'>;

export class FhirSecrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  /** The credential stored for `baseUrl`, or undefined. */
  async get(baseUrl: string): Promise<FhirCredentials | undefined> {
    const base = normalisedBase(baseUrl);
    if (!base) return undefined;
    const raw = await this.storage.get(KEY_PREFIX + base);
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Stored;
      return { baseUrl: base, ...pick(parsed) };
    } catch {
      return undefined;
    }
  }

  async store(baseUrl: string, credential: Stored): Promise<void> {
    const base = normalisedBase(baseUrl);
    if (!base) throw new Error('medgemmaNotes.fhir.baseUrl is not a URL');
    await this.storage.store(KEY_PREFIX + base, JSON.stringify(pick(credential)));
  }

  async delete(baseUrl: string): Promise<void> {
    const base = normalisedBase(baseUrl);
    if (base) await this.storage.delete(KEY_PREFIX + base);
  }

  /** Fires when any stored FHIR credential changes (also from another window). */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.storage.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) listener();
    });
  }
}

/** Only the known fields, as strings: nothing else from storage reaches the server. */
function pick(c: Stored): Stored {
  const out: Stored = {};
  for (const k of ['token', 'clientSecret', 'privateKey', 'keyId'] as const) {
    const v = c[k];
    if (typeof v === 'string' && v.length > 0) out[k] = v;
  }
  return out;
}
