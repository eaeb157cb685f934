/** NEWS2 points after each scored vital (`+3`), with the band and reference in the tooltip. */
import { type InlayHint, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { news2Hints } from '../clinical/scores/format';
import type { Triage } from '../clinical/scores/types';
import type { Span } from '../note/types';

/** A unit written right after a value: the hint goes after it (`38.4C +1`, not `38.4 +1C`). */
const UNIT_AFTER = /^ ?(?:%|°\s?[CF]\b|°|[CF](?![A-Za-z])|bpm\b|mm ?Hg\b|\/min\b|breaths\/min\b|beats\/min\b|\/10\b)/;

export function hintOffset(text: string, valueEnd: number): number {
  const m = UNIT_AFTER.exec(text.slice(valueEnd, valueEnd + 16));
  return m ? valueEnd + m[0].length : valueEnd;
}

export function triageInlayHints(doc: TextDocument, triage: Triage, visible: Span): InlayHint[] {
  const text = doc.getText();
  return news2Hints(triage.news2)
    .filter((h) => h.span.end >= visible.start && h.span.end <= visible.end)
    .map((h) => ({
      position: doc.positionAt(hintOffset(text, h.span.end)),
      label: h.label,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: h.tooltip },
    }));
}
