/**
 * Parses each open document once per version and keeps the result, so every feature
 * (diagnostics, symbols, folding, hover) shares one parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../clinical/analyze';
import type { Finding } from '../clinical/findings';
import { computeTriage } from '../clinical/scores/triage';
import type { Triage } from '../clinical/scores/types';
import type { Logger } from '../logger';
import { parseNote } from '../note/parseNote';
import type { ClinicalNote } from '../note/types';
import type { ServerSettings } from '../protocol';

interface Entry {
  version: number;
  note: ClinicalNote;
  findings?: Finding[];
  triage?: Triage;
}

export class DocumentModels {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly settings: () => ServerSettings,
    private readonly logger: Logger,
  ) {}

  /** The parsed note for this document version (parsed now if not cached). */
  note(doc: TextDocument): ClinicalNote {
    return this.entry(doc).note;
  }

  /** Decision-support findings for this document version (computed once per version). */
  findings(doc: TextDocument): Finding[] {
    const entry = this.entry(doc);
    if (!entry.findings) {
      const started = performance.now();
      entry.findings = analyze({ text: doc.getText(), note: entry.note }, { disabledRules: this.settings().diagnostics.disabledRules });
      this.logger.debug(`analyse ${idOf(doc.uri)} v${doc.version}: ${entry.findings.length} findings in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return entry.findings;
  }

  /** Scores and triage for this document version (computed once per version). */
  triage(doc: TextDocument): Triage {
    const entry = this.entry(doc);
    entry.triage ??= computeTriage(doc.getText(), entry.note);
    return entry.triage;
  }

  /** Drops cached findings (settings changed); parses stay valid. */
  invalidateFindings(): void {
    for (const e of this.entries.values()) delete e.findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  private entry(doc: TextDocument): Entry {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const started = performance.now();
    const text = doc.getText();
    const note = parseNote(text, { maxLength: this.settings().maxNoteSizeMiB * 1024 * 1024 });
    this.logger.debug(
      `parse ${idOf(doc.uri)} v${doc.version}: ${text.length} chars, ${note.sections.length} sections in ${(performance.now() - started).toFixed(1)} ms` +
        (note.inputProblem ? ` (${note.inputProblem.kind})` : ''),
    );
    const entry: Entry = { version: doc.version, note };
    this.entries.set(doc.uri, entry);
    return entry;
  }
}

/** A short, stable id for a document in logs: the file name only (paths may name patients). */
export function idOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  let h = 0;
  for (let i = 0; i < uri.length; i++) h = (h * 31 + uri.charCodeAt(i)) | 0;
  return `doc#${(h >>> 0).toString(16)}${name.endsWith('.cnote') || name.endsWith('.note') ? name.slice(name.lastIndexOf('.')) : ''}`;
}
