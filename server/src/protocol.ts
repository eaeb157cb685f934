/**
 * The contract between the extension (client) and the language server: custom requests and
 * notifications, and the settings both sides read. The only server module the client imports;
 * it imports nothing of the project.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Section name of the extension's settings. */
export const SETTINGS_SECTION = 'medgemmaNotes';

/** Source shown on every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'MedGemma Notes';

/** Model settings (`medgemmaNotes.model.*`). */
export interface ModelSettings {
  /** A local GGUF path, an `hf:` URI (downloaded only by the "Download Model" command), or '' for none. */
  path: string;
  /** Layers to offload to the GPU: 'auto' (fit what the GPU holds), 'max', or a number (0 = CPU only). */
  gpuLayers: 'auto' | 'max' | number;
  /** Context size in tokens, or 'auto' (the largest that fits free memory, capped by the model's training context). */
  contextSize: 'auto' | number;
  /** CPU threads for evaluation; 0 picks the machine's physical cores, explicitly (never llama.cpp's default). */
  threads: number;
  /** Keep every position of the sliding-window layers (exact prefix reuse everywhere; more KV memory). */
  swaFullCache: boolean;
  /** Documents that keep their own KV sequence (least recently used ones give theirs up). */
  sequences: number;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  path: '',
  gpuLayers: 'auto',
  contextSize: 'auto',
  threads: 0,
  swaFullCache: true,
  sequences: 2,
};

/** Settings the server reads (a subset of the extension's `medgemmaNotes.*` settings). */
export interface ServerSettings {
  diagnostics: {
    /** Turn all decision-support diagnostics off. */
    enable: boolean;
    /** Milliseconds to wait after the last edit before re-analysing. */
    delayMs: number;
    /** Rule ids (diagnostic codes) not to report. */
    disabledRules: string[];
  };
  triage: {
    /** Show the triage summary (ESI · NEWS2 · qSOFA) as a code lens at the top of the note. */
    codeLens: boolean;
    /** Show NEWS2 points (`+3`) as inlay hints after each scored vital. */
    inlayHints: boolean;
  };
  /** Notes over this many MiB are not analysed (they still open and edit normally). */
  maxNoteSizeMiB: number;
  model: ModelSettings;
  completion: CompletionSettings;
  fhir: FhirSettings;
}

/** Completion settings (`medgemmaNotes.completion.*`). */
export interface CompletionSettings {
  /** Headings, medications, routes, frequencies, abbreviation expansions, templates. */
  enable: boolean;
  inline: {
    enable: boolean;
    debounceMs: number;
    maxTokens: number;
    stopAt: 'line' | 'sentence' | 'section';
  };
}

/** FHIR settings (`medgemmaNotes.fhir.*`); secrets are never settings. */
export interface FhirSettings {
  /** Empty: no FHIR request is ever made. */
  baseUrl: string;
  auth: 'none' | 'bearer' | 'smart-backend';
  clientId: string;
  tokenUrl: string;
  scope: string;
  timeoutMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  diagnostics: { enable: true, delayMs: 200, disabledRules: [] },
  triage: { codeLens: true, inlayHints: true },
  maxNoteSizeMiB: 16,
  model: DEFAULT_MODEL_SETTINGS,
  completion: { enable: true, inline: { enable: true, debounceMs: 150, maxTokens: 48, stopAt: 'line' } },
  fhir: { baseUrl: '', auth: 'none', clientId: '', tokenUrl: '', scope: '', timeoutMs: 15000 },
};

export interface NoteModelParams {
  /** Document URI. */
  uri: string;
}

/**
 * client → server: the structured note (sections, vitals, medications, allergies, labs, problems,
 * demographics) of an open document, as the parser sees it now. Offsets are UTF-16 indices.
 * Returns null when the document is not open.
 */
export namespace NoteModelRequest {
  export const method = 'medgemmaNotes/noteModel';
  // `unknown` keeps the protocol free of project imports; the server returns a `ClinicalNote`.
  export const type = new RequestType<NoteModelParams, unknown, void>(method);
}

/**
 * client → server: the structured triage of an open note: NEWS2 (RCP 2017) with per-parameter
 * bands, qSOFA, SIRS, shock index, MAP and an ESI v4 suggestion, each with the spans of the values
 * used. Returns null when the document is not open. The server returns a `Triage`
 * (`server/src/clinical/scores/types.ts`).
 */
export namespace TriageRequest {
  export const method = 'medgemmaNotes/triage';
  export const type = new RequestType<NoteModelParams, TriageResponse | null, void>(method);
}

export interface TriageResponse {
  /** The code-lens line, e.g. `Triage: ESI 2 · NEWS2 7 (high) · qSOFA 2`. */
  summary: string;
  /** The whole triage as Markdown, for display. */
  markdown: string;
  /** The structured result (a `Triage`). */
  triage: unknown;
  /** Calculators that ran by themselves on the note (`AutoResult[]`: CHA₂DS₂-VASc, eGFR, ...). */
  scores: unknown[];
}

/**
 * client → server: the note's decision support as a CDS Hooks 2.0 response (`{ cards: [...] }`):
 * one card per finding (critical/warning/info), suggestions for safe fixes, and a triage card.
 * Returns null when the document is not open.
 */
export namespace CdsHooksRequest {
  export const method = 'medgemmaNotes/cdsHooks';
  export const type = new RequestType<NoteModelParams, { cards: unknown[] } | null, void>(method);
}

/** One input of a calculator, for the client's input prompts. */
export interface CalculatorInputInfo {
  key: string;
  label: string;
  /** `number`, `boolean`, `choice`, `date`, `age`, `mass`, `length`, `temperature`, `concentration`, ... */
  kind: string;
  /** What a bare number means (e.g. `mg/dL`). */
  unit?: string;
  choices?: readonly string[];
  optional?: boolean;
  /** An optional choice of published convention (its first choice is the default). */
  convention?: boolean;
}

export interface CalculatorInfo {
  id: string;
  name: string;
  reference: { title: string; url: string };
  inputs: CalculatorInputInfo[];
  /** Values read from the note, keyed by input key. */
  prefilled: Record<string, unknown>;
  /** Labels of required inputs the note does not document. */
  missing: string[];
}

/**
 * client → server: every calculator (MedCalc-Bench set: CHA₂DS₂-VASc, CURB-65, CKD-EPI, ...), with
 * the inputs the open note already documents. `uri` may be omitted (nothing prefilled).
 */
export namespace CalculatorsRequest {
  export const method = 'medgemmaNotes/calculators';
  export const type = new RequestType<{ uri?: string }, CalculatorInfo[], void>(method);
}

export type CalculateResult = { ok: true; value: number | string; unit?: string; explanation: string } | { ok: false; error: string; missing: string[] };

/** client → server: runs one calculator on the given inputs (values keyed by input key). */
export namespace CalculateRequest {
  export const method = 'medgemmaNotes/calculate';
  export const type = new RequestType<{ id: string; inputs: Record<string, unknown> }, CalculateResult, void>(method);
}

/** Client command the triage code lens runs, with the document URI as its argument. */
export const SHOW_TRIAGE_COMMAND = 'medgemmaNotes.showTriage';

/** Server information returned by `ServerInfoRequest`. */
export interface ServerInfo {
  version: string;
  /** Open documents the server tracks. */
  documents: number;
  /** Rule ids the diagnostics pipeline runs. */
  rules: string[];
}

/** client → server: version and state of the server, for the status command. */
export namespace ServerInfoRequest {
  export const method = 'medgemmaNotes/serverInfo';
  export const type = new RequestType0<ServerInfo, void>(method);
}

// ---------------------------------------------------------------------------------------------
// Local model (MedGemma through node-llama-cpp)
// ---------------------------------------------------------------------------------------------

/** The model file the "Download Model" command offers by default (MedGemma 27B text, instruction-tuned, Q4_K_M). */
export const DEFAULT_MODEL_URI = 'hf:unsloth/medgemma-27b-text-it-GGUF:Q4_K_M';

export type ModelState = 'none' | 'untrusted' | 'downloading' | 'loading' | 'ready' | 'error';

/** What the model file and the loaded context are, for "Show Model Status". */
export interface ModelInfo {
  path: string;
  /** File name only, for the status bar. */
  name: string;
  architecture: string;
  /** Parameter count from the tensor shapes. */
  parameters: number;
  /** Quantisation, e.g. `Q4_K_M`, `Q8_0`. */
  quantisation: string;
  fileBytes: number;
  layers: number;
  embeddingLength: number;
  heads: number;
  kvHeads: number;
  /** Query heads per KV head (grouped-query attention). */
  gqaGroup: number;
  headDim: number;
  /** Sliding-window size of the local layers (0 when the model has none). */
  slidingWindow: number;
  /** Every n-th layer is global. */
  slidingWindowPattern: number;
  trainContextSize: number;
  contextSize: number;
  swaFullCache: boolean;
  /** KV cache bytes the plan computed from the GGUF metadata, and what llama.cpp reports. */
  kvBytesPlanned: number;
  kvBytesActual: number;
  /** `cpu`, `cuda`, `vulkan`, `metal`. */
  backend: string;
  gpuLayers: number;
  threads: number;
  sequences: number;
}

export interface ModelStats {
  requests: number;
  /** Prompt tokens requests asked for, and how many of them came from the KV cache. */
  promptTokens: number;
  reusedTokens: number;
  reevaluatedTokens: number;
  generatedTokens: number;
  /** Generation speed over the last requests. */
  tokensPerSecond: number;
  cancelled: number;
}

export interface ModelStatus {
  state: ModelState;
  /** 0..1 while downloading or loading. */
  progress?: number;
  info?: ModelInfo;
  stats?: ModelStats;
  /** Set in the `error` state: what happened, llama.cpp's reason where it gave one, and what to do. */
  error?: { message: string; reason?: string; hint?: string };
}

/** client → server: the model's state, file facts, memory and reuse statistics. */
export namespace ModelStatusRequest {
  export const method = 'medgemmaNotes/modelStatus';
  export const type = new RequestType0<ModelStatus, void>(method);
}

/** server → client: sent whenever the model state changes (and during download/load progress). */
export namespace ModelStatusNotification {
  export const method = 'medgemmaNotes/modelStatusChanged';
  export const type = new NotificationType<ModelStatus>(method);
}

/** client → server: unload the model now (it loads again when settings change or on "Load"). */
export namespace UnloadModelRequest {
  export const method = 'medgemmaNotes/unloadModel';
  export const type = new RequestType0<void, void>(method);
}

/** client → server: load (or reload) the model the settings name. */
export namespace LoadModelRequest {
  export const method = 'medgemmaNotes/loadModel';
  export const type = new RequestType0<ModelStatus, void>(method);
}

export interface DownloadModelParams {
  /** `hf:` URI or https URL of a GGUF file. */
  uri: string;
  /** Folder to save into. */
  directory: string;
}

/**
 * client → server: download a model file (the user has consented). Cancellable through the
 * request's cancellation token; a later download of the same file resumes. Progress arrives as
 * `ModelStatusNotification`s in the `downloading` state. Returns the file path.
 */
export namespace DownloadModelRequest {
  export const method = 'medgemmaNotes/downloadModel';
  export const type = new RequestType<DownloadModelParams, { path: string }, void>(method);
}

/**
 * client → server: whether the workspace is trusted. In an untrusted workspace the server loads
 * no model (and makes no network request); the rules still run. Also sent in
 * `initializationOptions.workspaceTrusted`.
 */
export namespace WorkspaceTrustNotification {
  export const method = 'medgemmaNotes/workspaceTrust';
  export const type = new NotificationType<{ trusted: boolean }>(method);
}

// ---------------------------------------------------------------------------------------------
// FHIR: patient context in, finished note out
// ---------------------------------------------------------------------------------------------

/**
 * A credential for the FHIR server at `baseUrl`, kept by the client in VS Code's secret storage and
 * held by the server in memory only. The server uses it only while `medgemmaNotes.fhir.baseUrl`
 * is this same URL, so a token never goes to another server. Never logged.
 */
export interface FhirCredentials {
  baseUrl: string;
  /** `bearer`: the access token. */
  token?: string;
  /** `smart-backend`: a client secret (client_secret_basic)… */
  clientSecret?: string;
  /** …or a PEM private key (RS384 or ES384) for a signed client assertion (private_key_jwt). */
  privateKey?: string;
  /** The key's `kid` in the JWKS the server registered, when it needs one. */
  keyId?: string;
}

/** client → server: the credential for the configured FHIR server, or null after sign-out. */
export namespace FhirCredentialsNotification {
  export const method = 'medgemmaNotes/fhir/credentials';
  export const type = new NotificationType<{ credentials: FhirCredentials | null }>(method);
}

/**
 * Why a FHIR request failed, as the user can act on it: `not-configured` (no base URL),
 * `untrusted` (workspace not trusted), `sign-in` (401, missing or refused credentials),
 * `forbidden` (403), `not-found`, `conflict` (412: changed on the server since), `refused`
 * (400/422 with an OperationOutcome), `server` (5xx), `timeout`, `unreachable`, `invalid-response`
 * (invalid JSON), `not-fhir` (an HTML page or JSON that is not a FHIR resource), `insecure`
 * (credentials would travel over plain http to another machine), `unlinked` (the note names no
 * patient).
 */
export type FhirErrorKind =
  | 'not-configured'
  | 'untrusted'
  | 'sign-in'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'refused'
  | 'server'
  | 'timeout'
  | 'unreachable'
  | 'invalid-response'
  | 'not-fhir'
  | 'insecure'
  | 'unlinked';

export interface FhirErrorInfo {
  kind: FhirErrorKind;
  /** What happened and what to do next, for the user. */
  message: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** The server's OperationOutcome issues, one line each (`error · required: Patient.name …`). */
  issues?: string[];
}

/** A patient as a search or the context shows it (names are shown to the user, never logged). */
export interface FhirPatientInfo {
  id: string;
  /** `Doe, Jane` or '' when the record has no name. */
  name: string;
  birthDate?: string;
  gender?: string;
  /** `system|value` (or `value`) of each identifier, MRN first. */
  identifiers: string[];
}

export type FhirResult<T> = ({ ok: true } & T) | { ok: false; error: FhirErrorInfo };

/** client → server: reads the server's CapabilityStatement (and a token, for SMART) to check the settings and credentials. */
export namespace FhirTestConnectionRequest {
  export const method = 'medgemmaNotes/fhir/testConnection';
  export const type = new RequestType0<FhirResult<{ fhirVersion: string; software: string; authenticated: boolean }>, void>(method);
}

/**
 * client → server: patients matching what the user typed: a name (`doe jane`), a birth date
 * (`1951-03-14`), both, an identifier (`MRN-1001`, `system|value`) or `Patient/<id>`. At most 20.
 */
export namespace FhirPatientSearchRequest {
  export const method = 'medgemmaNotes/fhir/searchPatients';
  export const type = new RequestType<{ query: string }, FhirResult<{ patients: FhirPatientInfo[] }>, void>(method);
}

/**
 * client → server: the edit that links the note to a patient: writes (or replaces) the
 * `Patient: Patient/<id>` header line. Returns null when the document is not open.
 */
export namespace FhirLinkPatientRequest {
  export const method = 'medgemmaNotes/fhir/linkPatient';
  export const type = new RequestType<{ uri: string; patientId: string }, FhirTextEdit | null, void>(method);
}

/** An LSP text edit (0-based lines, UTF-16 characters). */
export interface FhirTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** A finding that involves the patient's record, with the note line it is shown on (0-based). */
export interface FhirRecordFinding {
  code: string;
  severity: 'critical' | 'warning' | 'advisory';
  message: string;
  line: number;
}

export interface FhirContextResult {
  /** `unlinked`: the note names no patient; `ready`: context below; `error`: see `error` (and any older context kept). */
  state: 'unlinked' | 'ready' | 'error';
  /** The link as written (`Patient/123`, `MRN 1001`). */
  link?: string;
  patient?: FhirPatientInfo;
  /** ISO time the context was fetched. */
  fetchedAt?: string;
  /** Counts of what the context holds. */
  counts?: { conditions: number; medications: number; allergies: number; vitals: number; labs: number };
  /** The Patient Summary as Markdown (with the record's conflicts with this note). */
  markdown: string;
  /** Allergy and duplicate-therapy findings that involve the record. */
  findings: FhirRecordFinding[];
  /** Parts that could not be read (e.g. MedicationStatement refused with 403); the rest is shown. */
  warnings: string[];
  error?: FhirErrorInfo;
}

/**
 * client → server: the linked patient's context (active conditions, medications, allergies, recent
 * vitals and labs) for an open note; `refresh` fetches it again instead of using the cache.
 * Returns null when the document is not open.
 */
export namespace FhirContextRequest {
  export const method = 'medgemmaNotes/fhir/context';
  export const type = new RequestType<{ uri: string; refresh?: boolean }, FhirContextResult | null, void>(method);
}

/** An exported note: the DocumentReference and the version the server gave it. */
export interface FhirExportedNote {
  id: string;
  versionId: string;
}

export interface FhirExportParams {
  uri: string;
  /** The previous export of this note: updated in place (`If-Match`), making a new version. */
  previous?: FhirExportedNote;
  /** `Practitioner/<id>` or a name, for DocumentReference.author. */
  author?: string;
}

/**
 * client → server: exports the note as a DocumentReference (LOINC document type, the note as
 * base64 text/plain, subject, author, date). Returns null when the document is not open.
 */
export namespace FhirExportRequest {
  export const method = 'medgemmaNotes/fhir/export';
  export const type = new RequestType<FhirExportParams, FhirResult<FhirExportedNote & { created: boolean; location: string }> | null, void>(method);
}

/**
 * server → client: a background context fetch for an open note finished or failed, so the client
 * can offer "Sign In" after a 401 without the user asking. Carries no patient data.
 */
export namespace FhirContextStatusNotification {
  export const method = 'medgemmaNotes/fhir/contextStatus';
  export const type = new NotificationType<{ uri: string; state: 'ready' | 'error'; error?: FhirErrorInfo }>(method);
}

/**
 * server → client, once per session: an inline completion was asked for but no model is loaded.
 * The client says so once, with the actions to get one (Select Model File…, Download Model…).
 */
export namespace ModelNeededNotification {
  export const method = 'medgemmaNotes/modelNeeded';
  export const type = new NotificationType<{ feature: 'inline-completion' }>(method);
}

/** server → client: the model is (busy: true) or is no longer (false) computing an inline completion. */
export namespace CompletionBusyNotification {
  export const method = 'medgemmaNotes/completionBusy';
  export const type = new NotificationType<{ busy: boolean }>(method);
}
