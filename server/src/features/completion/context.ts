/**
 * Where the cursor is, as completion sees it: the line up to the cursor, the word being typed,
 * and ranges that replace it. Only the cursor's line is read, so the cost does not grow with the
 * note.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { ClinicalNote, Section } from '../../note/types';

export interface CursorContext {
  text: string;
  offset: number;
  position: Position;
  /** Offset of the first character of the cursor's line. */
  lineStart: number;
  /** The line from its start to the cursor. */
  linePrefix: string;
  /**
   * The end of `linePrefix` (its last 256 characters): words and phrases are matched here, as no
   * name or abbreviation is longer, so an end-anchored pattern never rescans a very long line.
   */
  recent: string;
  /** The parsed note (parsed on first use: follow-up completions after a dose do not need it). */
  note: () => ClinicalNote;
}

const LOOKBACK = 256;

/** The cursor's context; `offset` is clamped into the text. */
export function cursorContext(text: string, offset: number, position: Position, note: () => ClinicalNote): CursorContext {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const linePrefix = text.slice(lineStart, at);
  return { text, offset: at, position, lineStart, linePrefix, recent: linePrefix.slice(-LOOKBACK), note };
}

/** The range from `start` (an offset on the cursor's line) to the cursor. */
export function rangeFrom(ctx: CursorContext, start: number): Range {
  const back = ctx.offset - Math.max(start, ctx.lineStart);
  return { start: { line: ctx.position.line, character: Math.max(0, ctx.position.character - back) }, end: ctx.position };
}

/** Where `recent` starts, as an offset into the text. */
export function recentStart(ctx: CursorContext): number {
  return ctx.offset - ctx.recent.length;
}

/** A heading or template name being typed at the start of a line (after indentation or `#`s). */
const LINE_START_PHRASE = /^([ \t]*)(#{1,6}[ \t]+)?([A-Za-z][A-Za-z &/'-]{0,47})?$/;

/**
 * What has been typed at the start of the cursor's line, when it could still become a heading or a
 * template name: letters and spaces only (no colon, digit or bullet yet).
 */
export function lineStartPhrase(ctx: CursorContext): { start: number; text: string; markdown: boolean } | undefined {
  const m = LINE_START_PHRASE.exec(ctx.linePrefix);
  if (!m) return undefined;
  const phrase = m[3] ?? '';
  return { start: ctx.offset - phrase.length, text: phrase, markdown: m[2] !== undefined };
}

/**
 * The sections the cursor's line belongs to, innermost last: those containing the last heading
 * before the line (a section's span ends at its last non-blank character, so a new blank line at
 * the end of a list still belongs to it), and a section whose heading is on this line when the
 * cursor is past its colon (`Medications: metop`).
 */
export function sectionsAtCursor(ctx: CursorContext): Section[] {
  const sections = ctx.note().sections;
  let last = -1;
  for (const s of sections) if (s.span.start < ctx.lineStart && s.span.start > last) last = s.span.start;
  return sections.filter(
    (s) => (last >= 0 && s.span.start <= last && s.span.end >= last) || (s.span.start >= ctx.lineStart && s.bodySpan.start <= ctx.offset && s.span.start < ctx.offset),
  );
}

/** True when nothing but whitespace comes before `offset` in the note. */
export function onlyWhitespaceBefore(text: string, offset: number): boolean {
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/** The cursor's line after the cursor. */
export function lineRest(ctx: CursorContext): string {
  const end = ctx.text.indexOf('\n', ctx.offset);
  return ctx.text.slice(ctx.offset, end < 0 ? ctx.text.length : end);
}

/** Upper-cases the first letter (`hypertension` → `Hypertension`). */
export function capitalise(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Zero-padded rank for `sortText`, so `10` sorts after `9`. */
export function rank(group: string, n: number): string {
  return `${group}${String(n).padStart(4, '0')}`;
}
