/** Folding ranges: each section folds from its heading line to its last line. */
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClinicalNote } from '../note/types';

export function foldingRanges(doc: TextDocument, note: ClinicalNote): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<number>();
  for (const s of note.sections) {
    const startLine = doc.positionAt(s.span.start).line;
    const endLine = doc.positionAt(s.span.end).line;
    // One range per start line (inline ICU headings share a line); the outermost wins.
    if (endLine > startLine && !seen.has(startLine)) {
      seen.add(startLine);
      out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    }
  }
  return out;
}
