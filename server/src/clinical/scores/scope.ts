/**
 * Which parts of a note a cue search reads: everything but the history-like sections (a stroke in
 * the past medical history is not a stroke now), or only the plan-like sections (the orders from
 * which ESI counts resources).
 */
import type { ClinicalNote, Span } from '../../note/types';

/** The note minus the sections of `excluded` kinds (headings included); the whole note when none. */
export function rangesExcluding(note: ClinicalNote, excluded: readonly string[]): Span[] {
  const cut = note.sections
    .filter((s) => excluded.includes(s.kind))
    .map((s) => s.span)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const s of cut) {
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < note.length) out.push({ start: at, end: note.length });
  return out;
}

/**
 * Bodies of sections whose kind is in `kinds` or whose title contains one of `titles`
 * (lower-case words, e.g. `ed course`), skipping empty bodies. Nested sections inside a chosen one
 * are not listed twice.
 */
export function sectionBodies(
  text: string,
  note: ClinicalNote,
  kinds: readonly string[],
  titles: readonly string[],
): Span[] {
  const chosen = note.sections.filter((s) => {
    if (kinds.includes(s.kind)) return true;
    const title = s.title.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    return titles.some((t) => ` ${title} `.includes(` ${t} `));
  });
  const out: Span[] = [];
  for (const s of chosen.map((c) => c.bodySpan).sort((a, b) => a.start - b.start)) {
    if (text.slice(s.start, s.end).trim() === '') continue;
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
