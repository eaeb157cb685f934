/** Where an inline completion stops (pure): end of line, sentence or section. */

export type StopAt = 'line' | 'sentence' | 'section';

/** Stop strings passed to generation (cheap, exact cut points). */
export function stopStrings(stopAt: StopAt): string[] {
  return stopAt === 'section' ? ['\n\n'] : ['\n'];
}

/** A heading line: `Plan:` / `PLAN` / `## Plan` at the start of a line. */
const HEADING = /\n(?:#{1,6} +\S[^\n]*|[A-Z][A-Za-z /&-]{1,40}:[ \t]*(?:\n|$)|[A-Z][A-Z /&-]{2,40}[ \t]*(?:\n|$))/;

/**
 * Trims a generated continuation to the configured stop rule: the first sentence end for
 * `sentence`; the text before the next heading for `section`; trailing whitespace on a
 * completion that ends a line.
 */
export function trimCompletion(text: string, stopAt: StopAt): string {
  let out = text;
  if (stopAt === 'sentence') {
    const m = /[.!?](?=\s|$)/.exec(out);
    if (m) out = out.slice(0, m.index + 1);
  } else if (stopAt === 'section') {
    const m = HEADING.exec(out);
    if (m) out = out.slice(0, m.index);
  }
  return out.replace(/[ \t]+$/, '');
}
