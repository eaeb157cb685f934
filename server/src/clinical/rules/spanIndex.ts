/**
 * Lookups that keep the rules linear on large notes: which parsed items (labs, vitals,
 * medications, sections) overlap a span, and where the line around an offset starts and ends,
 * without scanning the whole note per question.
 */
import type { Span } from '../../note/types';

/**
 * The most findings one rule reports for one note. A pasted 10 MB log can hold a million `U`s;
 * nobody reads past the first screenful, and building them all costs seconds and memory.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** Items sorted by start, answering "which overlap this span?" by binary search. */
export class SpanIndex<T> {
  private readonly items: { span: Span; value: T }[];
  /** maxEnd[i]: the largest end among items[0..i]; lets a search stop early with nested spans. */
  private readonly maxEnd: number[];

  constructor(values: Iterable<T>, spanOf: (value: T) => Span) {
    this.items = [...values].map((value) => ({ span: spanOf(value), value })).sort((a, b) => a.span.start - b.span.start);
    this.maxEnd = [];
    let max = -1;
    for (const it of this.items) {
      max = Math.max(max, it.span.end);
      this.maxEnd.push(max);
    }
  }

  /** Items sharing at least one character with `span` (an empty span counts as one character). */
  overlapping(span: Span): T[] {
    const end = Math.max(span.end, span.start + 1);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid]?.span.start ?? 0) < end) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo - 1; i >= 0 && (this.maxEnd[i] ?? -1) > span.start; i--) {
      const it = this.items[i];
      if (it && it.span.end > span.start) out.push(it.value);
    }
    return out.reverse();
  }

  /** True when some item overlaps `span`. */
  has(span: Span): boolean {
    return this.overlapping(span).length > 0;
  }
}

/** Start of the line containing `offset`, looking back at most `reach` characters. */
export function lineStartBefore(text: string, offset: number, reach: number): number {
  const floor = Math.max(0, offset - reach);
  for (let i = offset - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return floor;
}

/** End of the line containing `offset` (before `\r`/`\n`), looking ahead at most `reach` characters. */
export function lineEndAfter(text: string, offset: number, reach: number): number {
  const limit = Math.min(text.length, offset + reach);
  for (let i = offset; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return limit;
}
