/** Converts the pure model's offsets and findings into LSP types. */
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity } from '../clinical/findings';
import type { Span } from '../note/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  critical: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  advisory: DiagnosticSeverity.Information,
};

/** What a diagnostic carries in `data` so code actions can be built without re-running rules. */
export interface DiagnosticData {
  version: number;
  fixes: Fix[];
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.reference) d.codeDescription = { href: f.reference.url };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message }));
  }
  if (f.fixes?.length) d.data = { version: doc.version, fixes: f.fixes } satisfies DiagnosticData;
  return d;
}

/** Quick fixes for a diagnostic that carries fixes from the current document version. */
export function fixesToActions(doc: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data || data.version !== doc.version || !Array.isArray(data.fixes)) return [];
  return data.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred ?? false,
    edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: toRange(doc, e.span), newText: e.newText })) } },
  }));
}
