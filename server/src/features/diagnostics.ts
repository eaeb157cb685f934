/**
 * Pushes decision-support diagnostics for open notes: re-analyses a document a short delay after
 * its last edit, and only publishes results for the version that is still current.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { errorForLog, type Logger } from '../logger';
import type { ServerSettings } from '../protocol';
import { toDiagnostic } from './convert';
import { type DocumentModels, idOf } from './documentModels';

export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly models: DocumentModels,
    private readonly settings: () => ServerSettings,
    private readonly logger: Logger,
  ) {}

  /** Schedules analysis; `immediate` skips the typing delay (on open). */
  schedule(doc: TextDocument, immediate = false): void {
    if (this.disposed) return;
    this.cancel(doc.uri);
    // Big notes take longer to parse: wait longer while the user is still typing in them.
    const sizeDelay = Math.min(2000, Math.floor((doc.getText().length / 1_048_576) * 250));
    const delay = immediate ? 0 : Math.max(this.settings().diagnostics.delayMs, sizeDelay);
    const timer = setTimeout(() => {
      this.timers.delete(doc.uri);
      this.publish(doc.uri, doc.version);
    }, delay);
    this.timers.set(doc.uri, timer);
  }

  /** Re-analyses every open document (settings changed). */
  refreshAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc, true);
  }

  /** Clears a closed document's diagnostics. */
  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private publish(uri: string, version: number): void {
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version || this.disposed) return;
    try {
      const diagnostics = this.settings().diagnostics.enable ? this.models.findings(doc).map((f) => toDiagnostic(doc, f)) : [];
      void this.connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
    } catch (err) {
      // Never let one note take the server down; report without its text.
      this.logger.error(`diagnostics failed for ${idOf(uri)} v${version}: ${errorForLog(err)}`);
    }
  }
}
