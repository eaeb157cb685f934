/**
 * Vital signs in a clinical note: blood pressure, heart rate, respiratory rate, temperature, SpO2
 * (with its oxygen), level of consciousness (ACVPU, GCS, new confusion), pain, weight and height.
 *
 * Four scanners propose candidates (labelled values, tables, consciousness phrases, unlabelled
 * forms such as `98% on 15L NRB`); weak ones (`P 88`, `R 18`, a bare `alert`) are kept only in a
 * vitals context; overlaps are resolved in favour of the stronger, then longer, reading. Values are
 * normalised (°C, kg, cm, %, /min, /10) with the written value kept in `original` after a
 * conversion. Implausible-but-numeric values (`T 385`, `HR 0`) are kept for later rules to flag.
 */
import type { Section, Vital } from './types';
import { afterVitalsHeader, inVitalsSection, lineIndexAt, makeDoc, type VitalsDoc } from './vitalsContext';
import { scanConsciousness } from './vitalsConsciousness';
import { scanLabelled, type Candidate } from './vitalsLabelled';
import { vitalsLexicon } from './vitalsLexicon';
import { scanTables } from './vitalsTable';
import { scanUnlabelled } from './vitalsUnlabelled';

/** How close (in characters, same line) another vital must be to give a weak mention its context. */
const NEIGHBOUR_GAP = 40;

function byStart(a: Candidate, b: Candidate): number {
  return a.vital.span.start - b.vital.span.start || b.priority - a.priority || b.vital.span.end - a.vital.span.end;
}

/** A weak candidate is accepted in a vitals section, after a `VS:` header, or beside a solid vital. */
function hasContext(doc: VitalsDoc, all: readonly Candidate[], i: number): boolean {
  const c = all[i];
  if (!c) return false;
  const at = c.vital.span.start;
  if (inVitalsSection(doc, at) || afterVitalsHeader(doc, at)) return true;
  const line = lineIndexAt(doc, at);
  const solid = (n: Candidate | undefined) => n !== undefined && n !== c && (n.requirement === 'none' || n.plausible);
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const n = all[j];
    if (!n || c.vital.span.start - n.vital.span.end > NEIGHBOUR_GAP) break;
    if (solid(n) && lineIndexAt(doc, n.vital.span.end) === line) return true;
  }
  for (let j = i + 1; j < all.length && j <= i + 3; j++) {
    const n = all[j];
    if (!n || n.vital.span.start - c.vital.span.end > NEIGHBOUR_GAP) break;
    if (solid(n) && lineIndexAt(doc, n.vital.span.start) === line) return true;
  }
  return false;
}

/** Keeps non-overlapping candidates: on overlap the higher priority, then the longer, then the earlier wins. */
function resolveOverlaps(sorted: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (!last || c.vital.span.start >= last.vital.span.end) {
      kept.push(c);
      continue;
    }
    const longer = c.vital.span.end - c.vital.span.start > last.vital.span.end - last.vital.span.start;
    if (c.priority > last.priority || (c.priority === last.priority && longer)) kept[kept.length - 1] = c;
  }
  return kept;
}

/** All vital-sign mentions in the note, in text order, without overlaps. */
export function findVitals(text: string, sections: readonly Section[]): Vital[] {
  if (text.length === 0) return [];
  const doc = makeDoc(text, sections, vitalsLexicon());
  const all = [...scanLabelled(doc), ...scanTables(doc), ...scanConsciousness(doc), ...scanUnlabelled(doc)].sort(byStart);
  const accepted = all.filter((c, i) => c.requirement === 'none' || hasContext(doc, all, i));
  return resolveOverlaps(accepted).map((c) => c.vital);
}
