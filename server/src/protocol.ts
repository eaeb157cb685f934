/**
 * The contract between the extension (client) and the language server: custom requests and
 * notifications, and the settings both sides read. The only server module the client imports;
 * it imports nothing of the project.
 */
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Section name of the extension's settings. */
export const SETTINGS_SECTION = 'medgemmaNotes';

/** Source shown on every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'MedGemma Notes';

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
}

export const DEFAULT_SETTINGS: ServerSettings = {
  diagnostics: { enable: true, delayMs: 200, disabledRules: [] },
  triage: { codeLens: true, inlayHints: true },
  maxNoteSizeMiB: 16,
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
