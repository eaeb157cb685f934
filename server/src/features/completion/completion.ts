/**
 * Ordinary completions for a clinical note, from the knowledge data only (no model): section
 * headings for the note type, medication names with common strengths, routes and frequencies,
 * safe abbreviation expansions and note templates.
 *
 * Pure: (text, parsed note, cursor) → items. Reads only the cursor's line and the note's section
 * list, so a 2,000-line note costs what a 20-line one does.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver';
import type { ClinicalNote } from '../../note/types';
import { abbreviationItems } from './abbreviations';
import { cursorContext, onlyWhitespaceBefore } from './context';
import { drugNameItems } from './drugNames';
import { headingItems } from './headings';
import { sigItems } from './sig';
import { templateItems } from './templates';

export interface CompletionInput {
  text: string;
  /** The cursor as a UTF-16 offset into `text`. */
  offset: number;
  /** The same cursor as an LSP position (the items' ranges are built from it). */
  position: Position;
  /** The parsed note for `text`; called only when the request needs it (a sig follow-up does not). */
  note: () => ClinicalNote;
  /** The character that triggered the request, when one did (`' '` after a drug name or dose). */
  triggerCharacter?: string;
}

/** Characters that ask for completions: a space after a drug name or a dose brings the next part of the sig. */
export const TRIGGER_CHARACTERS: readonly string[] = [' '];

/**
 * The completion list at the cursor. Always marked incomplete: the list depends on what has been
 * typed (names by prefix, abbreviations by exact word), so the client asks again as typing goes on.
 */
export function computeCompletions(input: CompletionInput): CompletionList {
  let note: ClinicalNote | undefined;
  const ctx = cursorContext(input.text, input.offset, input.position, () => (note ??= input.note()));
  const sig = sigItems(ctx);
  if (sig && sig.length > 0) return { isIncomplete: true, items: sig };
  // A typed space asks only for the next part of a sig; anywhere else it is just a space.
  if (input.triggerCharacter !== undefined) return { isIncomplete: false, items: [] };

  const noteStart = onlyWhitespaceBefore(ctx.text, ctx.lineStart) && /^\s*$/.test(ctx.linePrefix);
  const items: CompletionItem[] = [
    // Templates first on an empty note, after headings elsewhere.
    ...templateItems(ctx, noteStart ? '0' : '3'),
    ...abbreviationItems(ctx, '1'),
    ...drugNameItems(ctx, '2'),
    ...headingItems(ctx, '2'),
  ];
  return { isIncomplete: true, items: dedupe(items) };
}

/** One item per inserted text: `bid` typed in a sig gives `twice daily` once, not as both kinds. */
function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.label;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
