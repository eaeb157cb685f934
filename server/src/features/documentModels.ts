/**
 * Parses each open document once per version and keeps the result, so every feature
 * (diagnostics, symbols, folding, hover) shares one parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type RecordContext } from '../clinical/analyze';
import type { Finding } from '../clinical/findings';
import { type AutoResult, autoCalculate, prefillInputs, type Prefill } from '../clinical/autoCalc/index';
import { computeTriage } from '../clinical/scores/triage';
import { createAssertionContext } from '../note/assertion';
import type { Triage } from '../clinical/scores/types';
import type { Logger } from '../logger';
import { parseNote } from '../note/parseNote';
import type { Assertion, ClinicalNote, Span } from '../note/types';
import type { ServerSettings } from '../protocol';

interface Entry {
  version: number;
  text: string;
  note: ClinicalNote;
  findings?: Finding[];
  triage?: Triage;
  scores?: AutoResult[];
  /** ConText assertion over this version's text, shared by triage and the calculators. */
  assert?: (span: Span) => Assertion;
}

export class DocumentModels {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly settings: () => ServerSettings,
    private readonly logger: Logger,
    /** The linked patient's FHIR record, when there is one (allergies and medications for the rules). */
    private readonly record: (uri: string) => RecordContext | undefined = () => undefined,
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
      entry.findings = analyze({ text: doc.getText(), note: entry.note, record: this.record(doc.uri) }, { disabledRules: this.settings().diagnostics.disabledRules });
      this.logger.debug(`analyse ${idOf(doc.uri)} v${doc.version}: ${entry.findings.length} findings in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return entry.findings;
  }

  /** Scores and triage for this document version (computed once per version). */
  triage(doc: TextDocument): Triage {
    const entry = this.entry(doc);
    entry.triage ??= computeTriage(entry.text, entry.note, this.assert(entry));
    return entry.triage;
  }

  /** Calculators that run by themselves on this version (CHA₂DS₂-VASc when AF is documented, eGFR, ...). */
  scores(doc: TextDocument): AutoResult[] {
    const entry = this.entry(doc);
    entry.scores ??= entry.note.inputProblem ? [] : autoCalculate(entry.text, entry.note, this.assert(entry));
    return entry.scores;
  }

  /** A calculator's inputs as far as this version documents them. */
  prefill(doc: TextDocument, calculatorId: string): Prefill {
    const entry = this.entry(doc);
    if (entry.note.inputProblem) return { inputs: {}, sources: {}, missing: [] };
    return prefillInputs(calculatorId, entry.text, entry.note, this.assert(entry));
  }

  private assert(entry: Entry): (span: Span) => Assertion {
    entry.assert ??= createAssertionContext(entry.text).assertionFor;
    return entry.assert;
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
    const entry: Entry = { version: doc.version, text, note };
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
