/**
 * Section headings for the note's type, offered at the start of a line in conventional order
 * (H&P: Chief Complaint, HPI, PMH, ... Assessment, Plan), without the ones the note already has.
 * The headings after the section the cursor is in come first: they are what is usually written
 * next.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import headingData from '../../knowledge/sectionHeadings.json';
import { normaliseHeading } from '../../note/sections';
import type { Section, SectionKind } from '../../note/types';
import { type CursorContext, lineStartPhrase, rangeFrom, rank } from './context';
import { type HeadingEntry, headingOrder } from './knowledge';

const ALIASES = new Map<string, { aliases: readonly string[]; loinc?: string }>(
  headingData.sections.map((s) => [s.kind, { aliases: s.aliases, loinc: 'loinc' in s ? s.loinc : undefined }]),
);

/** Kinds that make another kind redundant: an Assessment and Plan section covers both halves. */
const COVERED_BY: Partial<Record<SectionKind, readonly SectionKind[]>> = {
  assessment: ['assessment-and-plan'],
  plan: ['assessment-and-plan'],
  'assessment-and-plan': ['assessment', 'plan'],
};

/** Heading items for the start of the cursor's line; `group` prefixes their sortText. */
export function headingItems(ctx: CursorContext, group: string): CompletionItem[] {
  const phrase = lineStartPhrase(ctx);
  if (!phrase) return [];
  const note = ctx.note();
  // A heading being typed on this line is not "already present".
  const others = note.sections.filter((s) => s.span.start < ctx.lineStart || s.span.start > ctx.offset);
  const order = headingOrder(note.noteType);
  const present = (e: HeadingEntry): boolean =>
    e.match === 'title'
      ? others.some((s) => normaliseHeading(s.title) === normaliseHeading(e.title))
      : others.some((s) => s.kind === e.kind || (COVERED_BY[e.kind]?.includes(s.kind) ?? false));
  const upper = useUpperCase(phrase.text, others);
  const typed = phrase.text.trim().toLowerCase();
  const after = positionInOrder(order, others, ctx.lineStart);
  const range = rangeFrom(ctx, phrase.start);

  const items: CompletionItem[] = [];
  order.forEach((entry, i) => {
    if (present(entry)) return;
    const title = upper ? entry.title.toUpperCase() : entry.title;
    const info = ALIASES.get(entry.kind);
    // `hpi`, `pmh`, `a&p`: the alias typed finds its heading even though the title does not start with it.
    const byAlias = typed.length > 0 && info?.aliases.includes(typed) === true && !title.toLowerCase().startsWith(typed);
    const newText = phrase.markdown ? title : `${title}:`;
    const item: CompletionItem = {
      label: title,
      kind: CompletionItemKind.Keyword,
      detail: 'Section heading',
      filterText: byAlias ? phrase.text : title,
      sortText: rank(byAlias ? '0' : group, (i > after ? 0 : 100) + i),
      textEdit: { range, newText },
    };
    if (info?.loinc) {
      item.documentation = { kind: MarkupKind.Markdown, value: `Section heading · LOINC ${info.loinc} (C-CDA order for this note type)` };
    }
    items.push(item);
  });
  return items;
}

/** ALL CAPS when the clinician is typing in capitals, or (nothing typed yet) when most headings are. */
function useUpperCase(typed: string, sections: readonly Section[]): boolean {
  const letters = typed.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 2) return letters === letters.toUpperCase();
  // Acronyms (`HPI`, `ROS`) are capitals in any style; only words tell the note's style.
  const titled = sections.filter((s) => s.title.replace(/[^A-Za-z]/g, '').length >= 4);
  const caps = titled.filter((s) => !/[a-z]/.test(s.title)).length;
  return titled.length > 0 && caps * 2 > titled.length;
}

/** Index in `order` of the last heading before the cursor's line that the order names (-1: none). */
function positionInOrder(order: readonly HeadingEntry[], sections: readonly Section[], lineStart: number): number {
  const before = sections.filter((s) => s.span.start < lineStart).sort((a, b) => b.span.start - a.span.start);
  for (const p of before) {
    const i = order.findIndex((e) => (e.match === 'title' ? normaliseHeading(e.title) === normaliseHeading(p.title) : e.kind === p.kind));
    if (i >= 0) return i;
  }
  return -1;
}
