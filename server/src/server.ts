/**
 * Builds the language server on a given connection. Tests drive it in-process over a pair of
 * streams; `main.ts` runs it over IPC for the extension. Only this file and `features/` touch
 * the connection.
 */
import {
  CodeLensRefreshRequest,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsToCards } from './clinical/cdsHooks';
import { RULES } from './clinical/rules/index';
import { formatTriageSummary } from './clinical/scores/format';
import { triageMarkdown } from './clinical/scores/report';
import { calculate, calculatorList } from './features/calculators';
import { codeActions } from './features/codeActions';
import { esiApplies, triageCodeLens } from './features/codeLens';
import { toSpan } from './features/convert';
import { triageInlayHints } from './features/inlayHints';
import { DiagnosticsFeature } from './features/diagnostics';
import { DocumentModels, idOf } from './features/documentModels';
import type { RecordContext } from './clinical/analyze';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { completion, TRIGGER_CHARACTERS as COMPLETION_TRIGGERS } from './features/completion/handler';
import { registerFhir } from './fhir/feature';
import { errorForLog, type Logger, silentLogger } from './logger';
import {
  DEFAULT_SETTINGS,
  CalculateRequest,
  CalculatorsRequest,
  CdsHooksRequest,
  NoteModelRequest,
  TriageRequest,
  SETTINGS_SECTION,
  type ServerSettings,
  ServerInfoRequest,
  ModelStatusNotification,
  ModelNeededNotification,
  CompletionBusyNotification,
} from './protocol';
import { mergeSettings } from './settings';
import { registerModelFeature } from './features/modelFeature';
import { InlineCompletionService } from './features/inline/inlineCompletion';
import { ModelError } from './model/errors';
import { type ModelDownloader, type ModelLoader, ModelService } from './model/modelService';

/** The note's file name, for card labels (the folder path may name a patient; the name is the user's own). */
function noteName(uri: string): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return name.length > 0 ? name : 'note';
}

export interface ServerDeps {
  logger?: Logger;
  /** Loads (and downloads) models; without it the server runs the rules only and says so. */
  modelRuntime?: { loader: ModelLoader; downloader?: ModelDownloader };
  /** Server version reported to the client. */
  version?: string;
}

export interface NoteServer {
  /** Stops timers and releases documents; the model is freed in the background. Idempotent. */
  dispose(): void;
  /** Like `dispose`, and resolves once the model is freed. */
  shutdown(): Promise<void>;
  /** The model lifecycle (for features and tests). */
  readonly modelService: ModelService;
  /** Inline completions (statistics for tests and benchmarks). */
  readonly inline: InlineCompletionService;
}

export function createServer(connection: Connection, deps: ServerDeps = {}): NoteServer {
  const logger = deps.logger ?? silentLogger;
  const version = deps.version ?? '0.0.0';
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRefreshLenses = false;
  let canRefreshHints = false;
  let disposed = false;

  const documents = new TextDocuments(TextDocument);
  // The FHIR feature is created below; the record is looked up lazily per analysis.
  let recordFor: (uri: string) => RecordContext | undefined = () => undefined;
  const models = new DocumentModels(() => settings, logger, (uri) => recordFor(uri));
  const diagnostics = new DiagnosticsFeature(connection, documents, models, () => settings, logger);
  const modelService = new ModelService({
    loader:
      deps.modelRuntime?.loader ??
      (() => Promise.reject(new ModelError('no-backend', 'This server was started without a model runtime.'))),
    downloader: deps.modelRuntime?.downloader,
    logger,
    onStatus: (status) => {
      if (!disposed) void connection.sendNotification(ModelStatusNotification.type, status).catch(() => undefined);
    },
  });
  registerModelFeature(connection, modelService, logger, (trusted) => fhir.setTrusted(trusted));
  const inline = new InlineCompletionService({
    model: () => (disposed ? undefined : modelService.model),
    settings: () => settings.completion,
    note: (doc) => models.note(doc),
    record: (uri) => fhir.promptContext(uri),
    logger,
    // Only when there is nothing to wait for: not while a model loads or downloads, nor when untrusted.
    needsModel: () => ['none', 'error'].includes(modelService.status().state),
    onNoModel: () => void connection.sendNotification(ModelNeededNotification.type, { feature: 'inline-completion' }).catch(() => undefined),
    onBusy: (busy) => void connection.sendNotification(CompletionBusyNotification.type, { busy }).catch(() => undefined),
  });
  const fhir = registerFhir(connection, { documents, models, diagnostics, settings: () => settings, logger });
  recordFor = (uri) => fhir.recordFor(uri);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    const init = params.initializationOptions as { settings?: unknown; workspaceTrusted?: unknown } | undefined;
    settings = mergeSettings(init?.settings);
    // Clients that do not say are treated as trusting the workspace (the user configured the model).
    void modelService.setTrusted(init?.workspaceTrusted !== false);
    fhir.setTrusted(init?.workspaceTrusted !== false);
    logger.info(`MedGemma Notes server ${version} initialising (pid ${process.pid})`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Clinical note' },
        foldingRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        inlineCompletionProvider: true,
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGERS], resolveProvider: false },
      },
      serverInfo: { name: 'medgemma-notes', version },
    };
  });

  connection.onInitialized(() => {
    void refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    void refreshSettings(change.settings);
  });

  async function refreshSettings(pushed?: unknown): Promise<void> {
    try {
      if (canPullConfiguration) {
        const pulled: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
        settings = mergeSettings(pulled);
      } else if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
        settings = mergeSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
      }
    } catch (err) {
      logger.warn(`could not read settings; keeping the previous ones (${errorForLog(err)})`);
    }
    if (disposed) return;
    void modelService.applySettings(settings.model);
    fhir.settingsChanged();
    models.invalidateFindings();
    diagnostics.refreshAll();
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (canRefreshHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  documents.onDidOpen((e) => {
    logger.debug(`open ${idOf(e.document.uri)} v${e.document.version} (${e.document.getText().length} chars)`);
    diagnostics.schedule(e.document, true);
  });
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
  documents.onDidClose((e) => {
    modelService.model?.release(e.document.uri);
    inline.forget(e.document.uri);
    models.delete(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  const withDoc = <T>(uri: string, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    if (!doc) return empty;
    try {
      return f(doc);
    } catch (err) {
      logger.error(`request failed for ${idOf(uri)}: ${errorForLog(err)}`);
      return empty;
    }
  };

  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (doc) => documentSymbols(doc, models.note(doc))));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (doc) => foldingRanges(doc, models.note(doc))));
  connection.onHover((p) =>
    withDoc(p.textDocument.uri, null, (doc) => hover(doc, models.note(doc), doc.offsetAt(p.position), models.triage(doc)) ?? fhir.hover(doc, doc.offsetAt(p.position))),
  );
  connection.onCompletion((p) => withDoc(p.textDocument.uri, null, (doc) => completion(doc, p, () => models.note(doc), settings)));
  connection.languages.inlineCompletion.on(async (p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    return inline.provide(doc, p.position, token);
  });
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, [], (doc) => codeActions(doc, p)));
  connection.onCodeLens((p) =>
    withDoc(p.textDocument.uri, [], (doc) => (settings.triage.codeLens ? triageCodeLens(doc, models.note(doc), models.triage(doc), models.scores(doc)) : [])),
  );
  connection.languages.inlayHint.on((p) =>
    withDoc(p.textDocument.uri, [], (doc) => (settings.triage.inlayHints ? triageInlayHints(doc, models.triage(doc), toSpan(doc, p.range)) : [])),
  );
  connection.onRequest(NoteModelRequest.type, (p) => withDoc(p.uri, null, (doc) => models.note(doc)));
  connection.onRequest(TriageRequest.type, (p) =>
    withDoc(p.uri, null, (doc) => {
      const triage = models.triage(doc);
      const scores = models.scores(doc);
      return { summary: formatTriageSummary(triage, { esi: esiApplies(models.note(doc)) }), markdown: triageMarkdown(triage, scores), triage, scores };
    }),
  );
  connection.onRequest(CdsHooksRequest.type, (p) =>
    withDoc(p.uri, null, (doc) => findingsToCards(models.findings(doc), { text: doc.getText(), noteId: noteName(doc.uri), triage: models.triage(doc) })),
  );
  connection.onRequest(CalculatorsRequest.type, (p) => {
    const doc = p.uri ? documents.get(p.uri) : undefined;
    return calculatorList((id) => (doc ? models.prefill(doc, id) : undefined));
  });
  connection.onRequest(CalculateRequest.type, (p) => calculate(p.id, p.inputs));
  connection.onRequest(ServerInfoRequest.type, () => ({ version, documents: documents.all().length, rules: RULES.map((r) => r.id) }));

  connection.onShutdown(() => shutdown());

  documents.listen(connection);

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    diagnostics.dispose();
    fhir.dispose();
    void modelService.dispose().catch((err: unknown) => logger.warn(`model dispose failed (${errorForLog(err)})`));
  }

  async function shutdown(): Promise<void> {
    dispose();
    await modelService.dispose();
  }

  return { dispose, shutdown, modelService, inline };
}
