/**
 * The FHIR side of the server: one connection for the current settings and credential, patient
 * contexts cached per link, patient search, and export. No request is made while no base URL is
 * configured or the workspace is not trusted: every entry point checks before any I/O.
 *
 * A failed refresh keeps the context fetched before (and says so); a failed export leaves the
 * note and the previous export as they were.
 */
import { createHash } from 'node:crypto';
import { errorForLog, type Logger } from '../logger';
import type { NoteType } from '../note/types';
import type { FhirCredentials, FhirExportedNote, FhirPatientInfo, FhirSettings } from '../protocol';
import { FhirConnection, type Json } from './connection';
import { DEFAULT_LIMITS, type FetchLimits, fetchContext, resolvePatient } from './contextFetch';
import { documentReference, fromLocation, versionFromEtag } from './documentReference';
import { FhirError } from './errors';
import { patientInfo, str } from './normalise';
import { linkKey, type PatientLink } from './patientLink';
import { patientQuery } from './patientSearch';
import type { PatientContext } from './types';
import { normaliseBaseUrl } from './url';

export interface FhirServiceOptions {
  settings: () => FhirSettings;
  logger: Logger;
  limits?: FetchLimits;
  /** A cached context older than this is fetched again when a note asks for it (default 30 min). */
  maxAgeMs?: number;
}

/** A link's cached context, the last error, and the fetch under way. */
interface CacheEntry {
  context?: PatientContext;
  error?: FhirError;
  pending?: Promise<PatientContext>;
  fetched: number;
}

export interface ExportInput {
  text: string;
  noteType: NoteType;
  link: PatientLink;
  previous?: FhirExportedNote;
  author?: string;
}

const DEFAULT_MAX_AGE_MS = 30 * 60_000;

export class FhirService {
  private trusted = true;
  private credentials: FhirCredentials | undefined;
  private current: { key: string; connection: FhirConnection; controller: AbortController } | undefined;
  private readonly cache = new Map<string, CacheEntry>();
  private disposed = false;

  constructor(private readonly opts: FhirServiceOptions) {}

  /** Untrusted: every entry point refuses before any I/O (the default is trusted). */
  setTrusted(trusted: boolean): void {
    if (this.trusted === trusted) return;
    this.trusted = trusted;
    if (!trusted) this.reset();
  }

  /** The credential the client holds for a base URL (null after sign-out). */
  setCredentials(credentials: FhirCredentials | null): void {
    this.credentials = credentials ?? undefined;
    this.reset();
  }

  /** True when a FHIR request could be made now (a base URL is set and the workspace is trusted). */
  get enabled(): boolean {
    return !this.disposed && this.trusted && this.opts.settings().baseUrl.trim().length > 0;
  }

  /** The context kept for a link (maybe stale), and the last error, without any I/O. */
  peek(link: PatientLink): { context?: PatientContext; error?: FhirError; pending: boolean } {
    this.connectionKey();
    const e = this.cache.get(linkKey(link));
    return { ...(e?.context ? { context: e.context } : {}), ...(e?.error ? { error: e.error } : {}), pending: e?.pending !== undefined };
  }

  /** Whether `context()` would fetch (nothing cached, the cache is stale, or the last fetch failed). */
  needsFetch(link: PatientLink): boolean {
    this.connectionKey();
    const e = this.cache.get(linkKey(link));
    return !e || (!e.pending && (e.error !== undefined || Date.now() - e.fetched > (this.opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS)));
  }

  /** The patient's context: from the cache unless `refresh`, stale or failed before; one fetch per link at a time. */
  async context(link: PatientLink, refresh = false): Promise<PatientContext> {
    const connection = this.connection();
    const key = linkKey(link);
    let entry = this.cache.get(key);
    if (entry?.pending) return entry.pending;
    if (entry?.context && !entry.error && !refresh && !this.needsFetch(link)) return entry.context;
    entry ??= { fetched: 0 };
    this.cache.set(key, entry);
    const started = performance.now();
    const pending = (async () => {
      const patient = await resolvePatient(connection, link);
      return fetchContext(connection, patient, this.opts.limits ?? DEFAULT_LIMITS);
    })();
    const e = entry;
    e.pending = pending;
    try {
      const context = await pending;
      if (this.cache.get(key) === e) Object.assign(e, { context, error: undefined, fetched: Date.now() });
      this.opts.logger.info(
        `fhir context: ${context.allergies.length} allergies, ${context.medications.length} medications, ${context.conditions.length} conditions, ${context.vitals.length} vitals, ${context.labs.length} labs in ${(performance.now() - started).toFixed(0)} ms`,
      );
      return context;
    } catch (err) {
      const error = this.asFhirError(err, 'fetch the patient context');
      if (this.cache.get(key) === e) Object.assign(e, { error, fetched: Date.now() });
      throw error;
    } finally {
      delete e.pending;
    }
  }

  /** CapabilityStatement facts, after a token was obtained when auth needs one. */
  async testConnection(): Promise<{ fhirVersion: string; software: string; authenticated: boolean }> {
    const connection = this.connection();
    try {
      const cs = await connection.get('metadata', 'connect');
      if (cs.resourceType !== 'CapabilityStatement') throw new FhirError({ kind: 'not-fhir', message: `${connection.host}/metadata is a ${String(cs.resourceType)}, not a CapabilityStatement: check medgemmaNotes.fhir.baseUrl.` });
      const software = cs.software && typeof cs.software === 'object' ? [str((cs.software as Json).name), str((cs.software as Json).version)].filter((s) => s).join(' ') : '';
      const fhirVersion = str(cs.fhirVersion) ?? 'unknown';
      if (connection.authenticated) {
        // metadata is public on most servers: read one Patient page to prove the credential works.
        await connection.get('Patient', 'search patients', [['_count', '1'], ['_elements', 'id']]);
      }
      return { fhirVersion, software: software || 'unnamed server', authenticated: connection.authenticated };
    } catch (err) {
      throw this.asFhirError(err, 'connect');
    }
  }

  /** Patients matching what the user typed (at most 20). */
  async searchPatients(input: string): Promise<FhirPatientInfo[]> {
    const query = patientQuery(input);
    const connection = this.connection();
    if (!query) return [];
    try {
      if (query.kind === 'read') {
        try {
          return [patientInfo(await connection.get(`Patient/${encodeURIComponent(query.id)}`, 'search patients'))];
        } catch (err) {
          if (err instanceof FhirError && err.kind === 'not-found') return [];
          throw err;
        }
      }
      const bundle = await connection.get('Patient', 'search patients', query.params);
      const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
      return entries
        .map((e) => (e && typeof e === 'object' ? (e as Json).resource : undefined))
        .filter((r): r is Json => !!r && typeof r === 'object' && (r as Json).resourceType === 'Patient')
        .map(patientInfo)
        .filter((p) => p.id.length > 0);
    } catch (err) {
      throw this.asFhirError(err, 'search patients');
    }
  }

  /** Creates the DocumentReference, or updates the previous export over its version (`If-Match`). */
  async exportNote(input: ExportInput): Promise<FhirExportedNote & { created: boolean; location: string }> {
    const connection = this.connection();
    try {
      const patient = input.link.kind === 'id' ? input.link.id : patientInfo(await resolvePatient(connection, input.link)).id;
      const resource = documentReference({ text: input.text, noteType: input.noteType, patientId: patient, now: new Date(), ...(input.author ? { author: input.author } : {}), ...(input.previous ? { id: input.previous.id } : {}) });
      const result = input.previous
        ? await connection.update('DocumentReference', input.previous.id, resource, input.previous.versionId, 'export the note')
        : await connection.create('DocumentReference', resource, 'export the note');
      const meta = result.resource?.meta && typeof result.resource.meta === 'object' ? (result.resource.meta as Json) : undefined;
      const located = fromLocation(result.location);
      const id = str(result.resource?.id) ?? located.id ?? input.previous?.id;
      const versionId = str(meta?.versionId) ?? versionFromEtag(result.etag) ?? located.versionId;
      if (!id || !versionId) {
        throw new FhirError({ kind: 'invalid-response', message: `${connection.host} accepted the note but said neither its id nor its version; re-exporting it would make a second document. Check the server for it before exporting again.` });
      }
      this.opts.logger.info(`fhir export: ${input.previous ? 'updated' : 'created'} DocumentReference (${input.text.length} chars)`);
      return { id, versionId, created: !input.previous || result.status === 201, location: `${connection.baseUrl}/DocumentReference/${id}/_history/${versionId}` };
    } catch (err) {
      const error = this.asFhirError(err, 'export the note');
      if (error.kind === 'timeout' || error.kind === 'unreachable') {
        // The request may have arrived even though no answer came back.
        throw new FhirError({ ...error.info, message: `${error.message} The server may still have stored the note: check the patient's documents before exporting again.` });
      }
      throw error;
    }
  }

  /** Drops the connection and every cached context. */
  reset(): void {
    this.current?.controller.abort();
    this.current = undefined;
    this.cache.clear();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.reset();
  }

  /** The connection for the current settings and credential (made anew when either changed). */
  private connection(): FhirConnection {
    if (this.disposed) throw new FhirError({ kind: 'not-configured', message: 'The server is shutting down.' });
    if (!this.trusted) {
      throw new FhirError({ kind: 'untrusted', message: 'This workspace is not trusted, so MedGemma Notes makes no FHIR request here. Trust the workspace to use the FHIR server.' });
    }
    const settings = this.opts.settings();
    if (!settings.baseUrl.trim()) {
      throw new FhirError({ kind: 'not-configured', message: 'No FHIR server is configured: set medgemmaNotes.fhir.baseUrl (and medgemmaNotes.fhir.auth) to use patient context and export.' });
    }
    const key = this.connectionKey();
    if (this.current?.key === key) return this.current.connection;
    const controller = new AbortController();
    // A credential for another base URL is never used here.
    const credentials = this.credentials && sameBase(this.credentials.baseUrl, settings.baseUrl) ? this.credentials : undefined;
    const connection = new FhirConnection({ settings, credentials, logger: this.opts.logger, signal: controller.signal });
    this.current = { key, connection, controller };
    return connection;
  }

  /** A fingerprint of settings and credential; when it changes, the old connection and cache go. */
  private connectionKey(): string {
    const digest = createHash('sha256').update(JSON.stringify([this.opts.settings(), this.credentials ?? null])).digest('base64');
    if (this.current && this.current.key !== digest) this.reset();
    return digest;
  }

  private asFhirError(err: unknown, operation: string): FhirError {
    if (err instanceof FhirError) return err;
    this.opts.logger.error(`fhir ${operation} failed unexpectedly: ${errorForLog(err)}`);
    return new FhirError({ kind: 'server', message: `Could not ${operation}: an unexpected error (${err instanceof Error ? err.name : typeof err}). See the output for details.` });
  }
}

function sameBase(a: string, b: string): boolean {
  try {
    return normaliseBaseUrl(a) === normaliseBaseUrl(b);
  } catch {
    return false;
  }
}
