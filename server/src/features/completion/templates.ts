/**
 * Note templates as snippets (SOAP, H&P, progress note, discharge summary, procedure note): all of
 * them on an empty line at the start of a note, and each one by typing its name (`soap`, `h&p`)
 * at the start of a line.
 */
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { type CursorContext, lineStartPhrase, onlyWhitespaceBefore, rangeFrom, rank } from './context';
import { TEMPLATES } from './knowledge';

/** Template items for the cursor; `group` prefixes their sortText. */
export function templateItems(ctx: CursorContext, group: string): CompletionItem[] {
  const phrase = lineStartPhrase(ctx);
  if (!phrase || phrase.markdown) return [];
  const typed = phrase.text.trim().toLowerCase();
  const noteStart = onlyWhitespaceBefore(ctx.text, ctx.lineStart);
  if (!(noteStart && typed.length === 0) && typed.length < 2) return [];
  const range = rangeFrom(ctx, phrase.start);
  const items: CompletionItem[] = [];
  TEMPLATES.forEach((t, i) => {
    const trigger = t.triggers.find((w) => w.startsWith(typed));
    if (!trigger && !(noteStart && typed.length === 0)) return;
    items.push({
      label: t.label,
      kind: CompletionItemKind.Snippet,
      detail: 'Note template',
      documentation: { kind: MarkupKind.Markdown, value: `${t.description}\n\n\`\`\`\n${preview(t.body)}\n\`\`\`` },
      filterText: trigger ?? t.triggers[0] ?? t.label,
      sortText: rank(group, i),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: t.body.join('\n') },
    });
  });
  return items;
}

/** The template as it reads once inserted: placeholders shown by their text, tab stops empty. */
export function preview(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}
