/**
 * Helpers for the completion tests: a note with `|` marking the cursor, the items computed there,
 * and the text after applying one of them.
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { computeCompletions } from '../../../server/src/features/completion/completion';
import { parseNote } from '../../../server/src/note/parseNote';
import type { ClinicalNote } from '../../../server/src/note/types';

export interface Completed {
  /** The note without the cursor marker. */
  text: string;
  offset: number;
  list: CompletionList;
  items: CompletionItem[];
  /** How many times the request asked for the parsed note. */
  parses: number;
}

/** Completions at the `|` in `source` (the first one). */
export function complete(source: string, options: { trigger?: string; note?: ClinicalNote } = {}): Completed {
  const offset = source.indexOf('|');
  if (offset < 0) throw new Error('no cursor marker');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const before = text.slice(0, offset);
  const position = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
  let parses = 0;
  const note = (): ClinicalNote => {
    parses++;
    return options.note ?? parseNote(text);
  };
  const input = { text, offset, position, note };
  const list = computeCompletions(options.trigger === undefined ? input : { ...input, triggerCharacter: options.trigger });
  return { text, offset, list, items: list.items, parses };
}

export function labels(items: readonly CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

export function find(items: readonly CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no item '${label}' among: ${labels(items).join(', ')}`);
  return item;
}

/** The inserted text of an item. */
export function newText(item: CompletionItem): string {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) throw new Error(`item '${item.label}' has no textEdit with a range`);
  return edit.newText;
}

/** `text` with the item's textEdit applied. */
export function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) throw new Error(`item '${item.label}' has no textEdit with a range`);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  return text.slice(0, at(edit.range.start)) + edit.newText + text.slice(at(edit.range.end));
}

/** Items sorted the way the client sorts equal matches: by sortText. */
export function sorted(items: readonly CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

/** Joint Commission "Do Not Use" forms as they would appear in inserted text. */
export const DO_NOT_USE_FORM = /\b(?:U|IU|QD|QOD|q\.d\.|q\.o\.d\.|MS|MSO4|MgSO4)\b|\b\d+\.0\b|(?<![\d])\.\d/i;
