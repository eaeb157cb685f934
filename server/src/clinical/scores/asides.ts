/**
 * Drops readings written as a parenthetical aside to another reading of the same vital on the
 * same line, e.g. `SpO2 91% on 2L NC (88% on RA per EMS)`: the aside is an earlier or
 * pre-treatment value, and "the last reading in the note" must not pick it.
 */
import type { Vital } from '../../note/types';

export function withoutAsides(text: string, vitals: readonly Vital[]): Vital[] {
  return vitals.filter((b) => {
    for (const a of vitals) {
      if (a === b || a.kind !== b.kind || a.span.end > b.span.start) continue;
      const between = text.slice(a.span.end, b.valueSpan.start);
      if (between.length > 40 || /[\r\n)]/.test(between)) continue;
      if (between.includes('(')) return false;
    }
    return true;
  });
}
