/**
 * Small text helpers shared by the note parsers. Pure; offsets are UTF-16 indices.
 */
import type { Span } from './types';

export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character, excluding `\r\n` / `\n` / `\r`. */
  end: number;
  text: string;
}

/** Splits text into lines, accepting `\n`, `\r\n` and lone `\r`. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      out.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push({ start, end: n, text: text.slice(start, n) });
  return out;
}

/** Returns the lines whose start lies inside `span`. */
export function linesIn(lines: readonly Line[], span: Span): Line[] {
  return lines.filter((l) => l.start >= span.start && l.start < span.end);
}

/** Parses a decimal written in a note (`0.5`, `.5`, `5.`, `1,200`); NaN when it is not a number. */
export function parseDecimal(raw: string): number {
  const cleaned = raw.replace(/,(?=\d{3}\b)/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** Rounds to a fixed number of decimals without floating noise (`roundTo(37.99999, 1) === 38`). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** True when `span` lies inside `outer` (edges included). */
export function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** True when the two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Span of `m[group]` in the text, for a RegExp match made with the `d` (indices) flag. */
export function groupSpan(m: RegExpExecArray, group: number | string, offset = 0): Span | undefined {
  const idx = typeof group === 'number' ? m.indices?.[group] : m.indices?.groups?.[group];
  if (!idx) return undefined;
  return { start: idx[0] + offset, end: idx[1] + offset };
}
