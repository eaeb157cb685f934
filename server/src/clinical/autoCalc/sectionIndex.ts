/**
 * "Is this offset inside a section of kind K?" in O(log n): a note can have thousands of
 * headings (`PMH:` repeated in a pasted history), and asking `sectionAt` for every mention would
 * be quadratic.
 */
import type { Section, SectionKind } from '../../note/types';

/** A membership test for offsets in any section of the given kinds. */
export function sectionKindTest(sections: readonly Section[], kinds: readonly SectionKind[]): (offset: number) => boolean {
  const spans = sections
    .filter((s) => kinds.includes(s.kind))
    .map((s) => ({ start: s.span.start, end: s.span.end }))
    .sort((a, b) => a.start - b.start);
  // Merge overlapping (nested) spans so a binary search over starts finds the only candidate.
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return (offset) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = merged[mid];
      if (!m) return false;
      if (offset < m.start) hi = mid - 1;
      else if (offset > m.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
