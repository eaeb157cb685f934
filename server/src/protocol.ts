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
  /** Notes over this many MiB are not analysed (they still open and edit normally). */
  maxNoteSizeMiB: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  diagnostics: { enable: true, delayMs: 200, disabledRules: [] },
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
