/**
 * Text helpers for CDS Hooks cards: stable name-based UUIDs, summaries under the spec's 140
 * characters, line:column positions, short quotes of the flagged text and markdown escaping.
 * Pure and deterministic (`createHash` is a pure function of its input).
 */
import { createHash } from 'node:crypto';
import type { Span } from '../note/types';

/** Namespace of this project's card UUIDs (RFC 9562 name-based UUIDs need one; fixed forever). */
const UUID_NAMESPACE = Buffer.from('b867d0a26c6f44049ce75d42f0ef42dd', 'hex');

/**
 * A version-5 (SHA-1, name-based) UUID of `name`: the same name always gives the same UUID, so a
 * card keeps its id when the note is analysed again and feedback can be matched to it.
 */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The spec's summary limit: fewer than 140 characters. */
export const SUMMARY_LIMIT = 140;

/** The most characters of note text a card may quote. */
export const QUOTE_LIMIT = 60;

const ELLIPSIS = '…';

/** Drops a trailing lone high surrogate so a cut never splits a character in two. */
function safeCut(s: string, length: number): string {
  const cut = s.slice(0, length);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * One line of plain text shorter than `SUMMARY_LIMIT` UTF-16 units (the strictest way to count):
 * whitespace collapsed, and a long text cut at a word boundary with an ellipsis.
 */
export function toSummary(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  if (flat.length < SUMMARY_LIMIT) return flat;
  const room = SUMMARY_LIMIT - 1 - ELLIPSIS.length;
  let head = safeCut(flat, room);
  if (flat[room] !== ' ') {
    const space = head.lastIndexOf(' ');
    // A word longer than half the summary is cut mid-word rather than leaving a stub.
    if (space >= room / 2) head = head.slice(0, space);
  }
  return head.replace(/[\s,;:.\-–—(]+$/, '') + ELLIPSIS;
}

/** At most `QUOTE_LIMIT` characters of the text under `span`, whitespace collapsed. */
export function quoteSpan(text: string, span: Span): string {
  const { start, end } = clampSpan(text, span);
  // Read a bounded window: a finding may span the whole note, and only 60 characters are shown.
  const window = Math.min(end, start + QUOTE_LIMIT * 10);
  const flat = text.slice(start, window).replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LIMIT && window === end) return flat;
  return safeCut(flat, QUOTE_LIMIT - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/** `span` forced inside the text, with start ≤ end (bad input must not throw). */
export function clampSpan(text: string, span: Span): Span {
  const fix = (n: number): number => (Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), text.length) : 0);
  const start = fix(span.start);
  return { start, end: Math.max(start, fix(span.end)) };
}

/** 1-based line and column (UTF-16 units) of offsets; lines end at `\n`, `\r\n` or `\r`. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    const at = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  /** `line 12, column 5`. */
  describe(offset: number): string {
    const { line, column } = this.position(offset);
    return `line ${line}, column ${column}`;
  }
}

/** Escapes GFM inline syntax so rule messages render as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
}

/** A GFM code span holding `s` literally, whatever backticks it contains. */
export function codeSpan(s: string): string {
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}
