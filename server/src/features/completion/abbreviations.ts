/**
 * Expansions of safe clinical abbreviations (`htn` → hypertension, `sob` → shortness of breath,
 * `bid` → twice daily), offered when the word just typed is one. The list
 * (`knowledge/safeAbbreviations.json`) holds none of the Joint Commission "Do Not Use" forms.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import { capitalise, type CursorContext, rangeFrom, rank } from './context';
import { ABBREVIATIONS_SOURCE, expansionsOf } from './knowledge';

/** Letters and digits with `/` or `&` inside or at the end (`n/v`, `s/p`, `w/`, `aox3`). */
const ABBREVIATION_WORD = /(?<![\p{L}\p{N}/&])[\p{L}\p{N}][\p{L}\p{N}/&]*$/u;
/** The start of a line, a list item or a sentence: expansions there start with a capital. */
const SENTENCE_START = /(?:^|^[ \t]*(?:[-*•]|\d+[.)])[ \t]*|[.!?:][ \t]+)$/;

/** Expansion items for the abbreviation ending at the cursor; `group` prefixes their sortText. */
export function abbreviationItems(ctx: CursorContext, group: string): CompletionItem[] {
  const m = ABBREVIATION_WORD.exec(ctx.recent);
  if (!m) return [];
  const word = m[0];
  const expansions = expansionsOf(word);
  if (!expansions) return [];
  const start = ctx.offset - word.length;
  const before = ctx.recent.slice(0, ctx.recent.length - word.length);
  // A window cut mid-line does not start at the line's start.
  const atStart = SENTENCE_START.test(ctx.recent.length < ctx.linePrefix.length ? `x ${before}` : before);
  const range = rangeFrom(ctx, start);
  return expansions.map((expansion, i) => {
    const text = atStart ? capitalise(expansion) : expansion;
    return {
      label: text,
      labelDetails: { description: word },
      kind: CompletionItemKind.Text,
      detail: `${word} → ${expansion}`,
      documentation: { kind: MarkupKind.Markdown, value: `Expands the abbreviation **${word}**.\n\n_Source: ${ABBREVIATIONS_SOURCE}._` },
      // The abbreviation as typed: the client filters on it, not on the expansion.
      filterText: word,
      sortText: rank(group, i),
      textEdit: { range, newText: text },
    };
  });
}
