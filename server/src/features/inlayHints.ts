/** NEWS2 points after each scored vital (`+3`), with the band and reference in the tooltip. */
import { type InlayHint, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { news2Hints } from '../clinical/scores/format';
import type { Triage } from '../clinical/scores/types';
import type { Span } from '../note/types';

export function triageInlayHints(doc: TextDocument, triage: Triage, visible: Span): InlayHint[] {
  return news2Hints(triage.news2)
    .filter((h) => h.span.end >= visible.start && h.span.end <= visible.end)
    .map((h) => ({
      position: doc.positionAt(h.span.end),
      label: h.label,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: h.tooltip },
    }));
}
