/**
 * The FHIR feature on the LSP connection: the `medgemmaNotes/fhir/*` requests, the credential the
 * client sends, and a background fetch of the linked patient's context whenever a note's link
 * appears or changes. Everything else (the record in the rules, the hover on the link line, the
 * context in prompts) reads the cache through the returned `FhirFeature`, without I/O.
 */
import { type Connection, type Hover, MarkupKind, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type RecordContext } from '../clinical/analyze';
import { RULES } from '../clinical/rules/index';
import { type DocumentModels, idOf } from '../features/documentModels';
import type { Logger } from '../logger';
import {
  type FhirContextResult,
  FhirContextRequest,
  FhirContextStatusNotification,
  FhirCredentialsNotification,
  type FhirErrorInfo,
  FhirExportRequest,
  FhirLinkPatientRequest,
  FhirPatientSearchRequest,
  type FhirRecordFinding,
  FhirTestConnectionRequest,
  type ServerSettings,
} from '../protocol';
import { FhirError } from './errors';
import { describeLink, findPatientLink, isFhirId, linkEdit, linkKey, type PatientLink } from './patientLink';
import { RECORD_LABEL, recordContext } from './record';
import { FhirService, type FhirServiceOptions } from './service';
import { hoverMarkdown, promptContext, summaryMarkdown } from './summary';
import type { PatientContext } from './types';

export interface FhirFeatureDeps {
  documents: TextDocuments<TextDocument>;
  models: DocumentModels;
  settings: () => ServerSettings;
  logger: Logger;
  /** Re-publishes a note's diagnostics (its record changed). */
  diagnostics?: { schedule(doc: TextDocument, immediate?: boolean): void };
  /** Wait after a link is typed before fetching, so `Patient/1`, `Patient/12` are not fetched on the way to `Patient/123`. */
  linkDelayMs?: number;
  /** Fetch limits and cache age (tests). */
  service?: Partial<Pick<FhirServiceOptions, 'limits' | 'maxAgeMs'>>;
}

export interface FhirFeature {
  /** Untrusted workspace: no FHIR request at all (default trusted). */
  setTrusted(trusted: boolean): void;
  /** Settings were re-read: drop what belonged to the old server and fetch again for open notes. */
  settingsChanged(): void;
  /** The linked patient's allergies and medications for the rules, from the cache (no I/O). */
  recordFor(uri: string): RecordContext | undefined;
  /** Hover on the note's link line: the context at a glance, or why there is none. */
  hover(doc: TextDocument, offset: number): Hover | null;
  /** The linked patient's context for a model prompt (compact, no name or identifiers). */
  promptContext(uri: string): string | undefined;
  dispose(): void;
}

/** Findings that can involve the record. */
const RECORD_RULES = RULES.filter((r) => r.id === 'drug-allergy-conflict' || r.id === 'duplicate-therapy');
const UNLINKED =
  "# No patient linked\n\nThis note names no patient. Add a header line such as `Patient: Patient/<id>` or `MRN: <number>`, or run **FHIR: Link Note to Patient…** to search the FHIR server.\n";

interface DocState {
  key?: string;
  link?: PatientLink;
  timer?: NodeJS.Timeout;
  /** The last background fetch failed before any context was kept (not configured, sign-in, …). */
  error?: FhirError;
}

export function registerFhir(connection: Connection, deps: FhirFeatureDeps): FhirFeature {
  const { documents, models, logger } = deps;
  const service = new FhirService({ settings: () => deps.settings().fhir, logger, ...deps.service });
  const states = new Map<string, DocState>();
  const linkDelayMs = deps.linkDelayMs ?? 600;
  let settingsKey = JSON.stringify(deps.settings().fhir);
  let disposed = false;

  const changed = (uri: string): void => {
    models.invalidateFindings();
    const doc = documents.get(uri);
    if (doc && deps.diagnostics) deps.diagnostics.schedule(doc, true);
  };

  /** Fetches in the background; the outcome reaches the client as a status notification. */
  const fetchFor = async (uri: string, link: PatientLink, refresh = false): Promise<void> => {
    const state = states.get(uri);
    try {
      await service.context(link, refresh);
      if (state) delete state.error;
      if (!disposed) void connection.sendNotification(FhirContextStatusNotification.type, { uri, state: 'ready' }).catch(() => undefined);
    } catch (err) {
      const error = err instanceof FhirError ? err : new FhirError({ kind: 'server', message: 'The patient context could not be fetched.' });
      if (state) state.error = error;
      logger.warn(`fhir context for ${idOf(uri)} failed: ${error.kind}${error.info.status ? ` (${error.info.status})` : ''}`);
      if (!disposed) void connection.sendNotification(FhirContextStatusNotification.type, { uri, state: 'error', error: error.info }).catch(() => undefined);
    }
    if (!disposed && states.get(uri)?.key === linkKey(link)) changed(uri);
  };

  /** Reads the note's link; a new or changed link is fetched after a short pause. */
  const track = (doc: TextDocument, force = false): void => {
    if (disposed) return;
    checkSettings();
    const link = findPatientLink(doc.getText());
    const key = link ? linkKey(link) : undefined;
    const state = states.get(doc.uri) ?? {};
    states.set(doc.uri, state);
    if (link) state.link = link;
    else delete state.link;
    if (state.key === key && !force) return;
    const hadRecord = state.key !== undefined;
    state.key = key;
    delete state.error;
    if (state.timer) clearTimeout(state.timer);
    delete state.timer;
    if (hadRecord) changed(doc.uri);
    if (!link || !service.enabled) return;
    if (!service.needsFetch(link)) {
      changed(doc.uri);
      return;
    }
    state.timer = setTimeout(() => {
      delete state.timer;
      void fetchFor(doc.uri, link);
    }, force ? 0 : linkDelayMs);
  };

  const refetchAll = (): void => {
    for (const doc of documents.all()) track(doc, true);
  };

  /** Settings changed since last seen: the service drops its cache by itself; open notes fetch again. */
  const checkSettings = (): void => {
    const key = JSON.stringify(deps.settings().fhir);
    if (key === settingsKey) return;
    settingsKey = key;
    queueMicrotask(refetchAll);
  };

  const subscriptions = [
    documents.onDidOpen((e) => track(e.document, true)),
    documents.onDidChangeContent((e) => track(e.document)),
    documents.onDidClose((e) => {
      const state = states.get(e.document.uri);
      if (state?.timer) clearTimeout(state.timer);
      states.delete(e.document.uri);
    }),
  ];

  connection.onNotification(FhirCredentialsNotification.type, (p) => {
    service.setCredentials(p.credentials);
    logger.info(`fhir credentials ${p.credentials ? 'received' : 'cleared'}`);
    checkSettings();
    refetchAll();
  });

  connection.onRequest(FhirTestConnectionRequest.type, async () => {
    checkSettings();
    try {
      return { ok: true as const, ...(await service.testConnection()) };
    } catch (err) {
      return { ok: false as const, error: infoOf(err) };
    }
  });

  connection.onRequest(FhirPatientSearchRequest.type, async (p) => {
    try {
      return { ok: true as const, patients: await service.searchPatients(typeof p.query === 'string' ? p.query.slice(0, 200) : '') };
    } catch (err) {
      return { ok: false as const, error: infoOf(err) };
    }
  });

  connection.onRequest(FhirLinkPatientRequest.type, (p) => {
    const doc = documents.get(p.uri);
    if (!doc || !isFhirId(p.patientId)) return null;
    const edit = linkEdit(doc.getText(), p.patientId);
    return { range: { start: doc.positionAt(edit.span.start), end: doc.positionAt(edit.span.end) }, newText: edit.newText };
  });

  connection.onRequest(FhirContextRequest.type, async (p): Promise<FhirContextResult | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    checkSettings();
    const link = findPatientLink(doc.getText());
    if (!link) return { state: 'unlinked', markdown: UNLINKED, findings: [], warnings: [] };
    let context: PatientContext | undefined;
    let error: FhirErrorInfo | undefined;
    try {
      context = await service.context(link, p.refresh === true);
      const state = states.get(doc.uri);
      if (state) delete state.error;
    } catch (err) {
      error = infoOf(err);
      context = service.enabled ? service.peek(link).context : undefined;
    }
    if (p.refresh) changed(doc.uri);
    const current = documents.get(p.uri) ?? doc;
    return contextResult(current, link, context, error);
  });

  connection.onRequest(FhirExportRequest.type, async (p) => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const text = doc.getText();
    const note = models.note(doc);
    if (note.inputProblem) return { ok: false as const, error: { kind: 'refused' as const, message: `This note is not exported: ${note.inputProblem.message}` } };
    const link = findPatientLink(text);
    if (!link) {
      return { ok: false as const, error: { kind: 'unlinked' as const, message: "Link the note to a patient first: add a 'Patient: Patient/<id>' line, or run 'FHIR: Link Note to Patient…'." } };
    }
    const previous = p.previous && typeof p.previous.id === 'string' && isFhirId(p.previous.id) && typeof p.previous.versionId === 'string' ? p.previous : undefined;
    try {
      return { ok: true as const, ...(await service.exportNote({ text, noteType: note.noteType, link, ...(previous ? { previous } : {}), ...(p.author ? { author: p.author } : {}) })) };
    } catch (err) {
      return { ok: false as const, error: infoOf(err) };
    }
  });

  /** The summary, counts and record findings for a note. */
  function contextResult(doc: TextDocument, link: PatientLink, context: PatientContext | undefined, error: FhirErrorInfo | undefined): FhirContextResult {
    const written = describeLink(link);
    if (!context) {
      return { state: 'error', link: written, markdown: `# Patient context unavailable\n\n${error?.message ?? 'Not fetched yet.'}\n`, findings: [], warnings: [], ...(error ? { error } : {}) };
    }
    const findings = recordFindings(doc, context, link);
    return {
      state: error ? 'error' : 'ready',
      link: written,
      patient: context.patient,
      fetchedAt: context.fetchedAt,
      counts: { conditions: context.conditions.length, medications: context.medications.length, allergies: context.allergies.length, vitals: context.vitals.length, labs: context.labs.length },
      markdown: summaryMarkdown(context, { link: written, findings, ...(error ? { error } : {}) }),
      findings,
      warnings: context.warnings,
      ...(error ? { error } : {}),
    };
  }

  function recordFindings(doc: TextDocument, context: PatientContext, link: PatientLink): FhirRecordFinding[] {
    const note = models.note(doc);
    const record = recordContext(context, link.line);
    const disabled = deps.settings().diagnostics.disabledRules;
    return analyze({ text: doc.getText(), note, record }, { rules: RECORD_RULES, disabledRules: disabled })
      .filter((f) => f.message.includes(RECORD_LABEL))
      .map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: doc.positionAt(f.span.start).line }));
  }

  /** The cached context for an open note's current link. */
  function cachedFor(uri: string): { link: PatientLink; context?: PatientContext; error?: FhirError; pending: boolean } | undefined {
    // Diagnostics re-run after the server re-reads its settings: a new server is noticed here.
    checkSettings();
    const link = states.get(uri)?.link;
    if (!link || !service.enabled) return undefined;
    return { link, ...service.peek(link) };
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    for (const s of subscriptions) s.dispose();
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
    states.clear();
    service.dispose();
  }

  return {
    setTrusted(trusted) {
      service.setTrusted(trusted);
      if (trusted) refetchAll();
      else for (const doc of documents.all()) changed(doc.uri);
    },
    settingsChanged() {
      checkSettings();
    },
    recordFor(uri) {
      const cached = cachedFor(uri);
      return cached?.context ? recordContext(cached.context, cached.link.line) : undefined;
    },
    hover(doc, offset) {
      const link = findPatientLink(doc.getText());
      if (!link || offset < link.line.start || offset > link.line.end) return null;
      const range = { start: doc.positionAt(link.line.start), end: doc.positionAt(link.line.end) };
      const cached = cachedFor(doc.uri);
      const error = cached?.error ?? states.get(doc.uri)?.error;
      let value: string;
      if (!service.enabled) value = `**${describeLink(link)}**: no FHIR server is in use (set medgemmaNotes.fhir.baseUrl, in a trusted workspace) — the note's own content is checked as usual.`;
      else if (cached?.context) value = hoverMarkdown(cached.context, describeLink(link)) + (error ? `\n\n*The last refresh failed: ${error.message}*` : '');
      else if (error) value = `**${describeLink(link)}**: ${error.message}`;
      else value = `**${describeLink(link)}**: fetching the patient's context…`;
      return { contents: { kind: MarkupKind.Markdown, value }, range };
    },
    promptContext(uri) {
      const cached = cachedFor(uri);
      return cached?.context ? promptContext(cached.context) : undefined;
    },
    dispose,
  };
}

function infoOf(err: unknown): FhirErrorInfo {
  return err instanceof FhirError ? err.info : { kind: 'server', message: 'An unexpected error stopped the FHIR request. See the output for details.' };
}
