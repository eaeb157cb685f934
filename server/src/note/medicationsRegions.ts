/**
 * Flattens nested sections into consecutive regions, each labelled with the kind of the innermost
 * named section whose body contains it. A sub-section the section parser could not name (`other`,
 * e.g. `Current Outpatient Medications (Other)` under `Medications`) takes its parent's kind, so a
 * list stays a list. Headings are not bodies: a heading line belongs to the enclosing section.
 */
import type { Section, SectionKind } from './types';

export interface Region {
  start: number;
  end: number;
  /** The innermost named section kind; undefined outside every section. */
  kind: SectionKind | undefined;
}

interface Open {
  end: number;
  kind: SectionKind;
}

function innermostKind(stack: readonly Open[]): SectionKind | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const k = stack[i]!.kind;
    if (k !== 'other') return k;
  }
  return stack.length > 0 ? 'other' : undefined;
}

/**
 * Regions covering `[0, length)` without gaps or overlaps, in text order. Runs in O(s log s + s·d)
 * for s sections nested d deep.
 */
export function sectionRegions(sections: readonly Section[], length: number): Region[] {
  const bodies = sections
    .map((s) => ({ start: Math.max(0, s.bodySpan.start), end: Math.min(length, s.bodySpan.end), kind: s.kind }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Region[] = [];
  const stack: Open[] = [];
  let pos = 0;
  const emit = (upTo: number): void => {
    if (upTo <= pos) return;
    const kind = innermostKind(stack);
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.end === pos) last.end = upTo;
    else out.push({ start: pos, end: upTo, kind });
    pos = upTo;
  };
  for (const b of bodies) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= b.start) {
      emit(stack[stack.length - 1]!.end);
      stack.pop();
    }
    emit(b.start);
    // A body that overruns its parent (not properly nested) is cut at the parent's end.
    const parent = stack[stack.length - 1];
    stack.push({ end: parent ? Math.min(parent.end, b.end) : b.end, kind: b.kind });
  }
  while (stack.length > 0) {
    emit(stack[stack.length - 1]!.end);
    stack.pop();
  }
  emit(length);
  return out;
}

/**
 * Calls `visit` for each line, split where a region ends, with the region's kind and whether the
 * piece is in the region's first paragraph (no blank line yet after the region's first text line).
 */
export function forEachRegionLine(
  text: string,
  sections: readonly Section[],
  visit: (start: number, end: number, kind: SectionKind | undefined, firstParagraph: boolean) => void,
): void {
  const n = text.length;
  if (n === 0) return;
  const regions = sectionRegions(sections, n);
  let ri = 0;
  let seenText = false;
  let afterBlank = false;
  let lineStart = 0;
  while (lineStart <= n) {
    // Find the line end and whether the line has any non-blank character, without slicing.
    let lineEnd = lineStart;
    let firstText = -1;
    for (; lineEnd < n; lineEnd++) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      if (firstText < 0 && c !== 32 && c !== 9 && c !== 12 && c !== 0xa0) firstText = lineEnd;
    }
    if (firstText < 0) {
      if (seenText) afterBlank = true;
    } else {
      let s = lineStart;
      while (s < lineEnd) {
        const before = ri;
        while (ri < regions.length - 1 && regions[ri]!.end <= s) ri++;
        if (ri !== before) {
          seenText = false;
          afterBlank = false;
        }
        const region = regions[ri];
        const e = region ? Math.min(lineEnd, Math.max(region.end, s + 1)) : lineEnd;
        if (e > firstText && hasText(text, Math.max(s, firstText), e)) {
          visit(s, e, region?.kind, !afterBlank);
          seenText = true;
        }
        s = e;
      }
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
}

function hasText(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 12 && c !== 0xa0) return true;
  }
  return false;
}
