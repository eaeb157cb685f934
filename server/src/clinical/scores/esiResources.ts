/**
 * ESI v4 decision point C: the different types of resources the plan or orders expect (handbook
 * Table 5-1: labs, ECG, X-ray, CT, MRI, ultrasound, angiography, IV fluids, IV/IM/nebulised
 * medications, specialty consultation, simple procedure = 1, complex procedure = 2). Read from the
 * plan-like sections only, from cue phrases and from parenteral medication orders.
 */
import data from '../../knowledge/esi.json';
import type { ClinicalNote, Span } from '../../note/types';
import { within } from '../../note/text';
import { accept, compileCues, firstPerGroup, matchCues, type AssertFn, type CueMatcher, type TokenIndex } from './cues';
import { sectionBodies } from './scope';
import type { EsiResource } from './types';

let compiled: CueMatcher | undefined;

function matcher(): CueMatcher {
  const r = data.resources;
  compiled ??= compileCues(r.categories, r.exclude);
  return compiled;
}

function category(id: string): { id: string; label: string; weight: number } | undefined {
  return data.resources.categories.find((c) => c.id === id);
}

/** What decision point C found. */
export interface ResourceFinding {
  /** The plan-like section bodies read; empty when the note has none. */
  ranges: Span[];
  /** One entry per resource type, at its first mention, in text order. */
  resources: EsiResource[];
  /** Sum of the weights. */
  count: number;
}

/** Expected resources from the plan/orders of the note. */
export function expectedResources(text: string, note: ClinicalNote, index: TokenIndex, assert: AssertFn): ResourceFinding {
  const r = data.resources;
  const ranges = sectionBodies(text, note, r.sectionKinds, r.sectionTitles);
  const mentions: { id: string; span: Span }[] = [];
  if (ranges.length > 0) {
    // Ordered or considered resources count (`obtain CT`, `consider CT`); negated or conditional ones do not.
    for (const m of firstPerGroup(matchCues(index, matcher(), ranges), assert, accept.suspectedCurrent)) mentions.push({ id: m.id, span: m.span });
    for (const med of note.medications) {
      if (med.status !== 'active' || !med.route || !r.medicationRoutes.includes(med.route.value)) continue;
      if (!ranges.some((range) => within(med.span, range))) continue;
      const fluid = med.generic !== undefined && r.fluidGenerics.includes(med.generic);
      mentions.push({ id: fluid ? 'iv-fluids' : 'parenteral-medications', span: med.nameSpan });
    }
  }
  mentions.sort((a, b) => a.span.start - b.span.start);
  const resources: EsiResource[] = [];
  for (const m of mentions) {
    const c = category(m.id);
    if (!c || resources.some((x) => x.category === c.id)) continue;
    resources.push({ category: c.id, label: c.label, weight: c.weight, span: m.span });
  }
  return { ranges, resources, count: resources.reduce((sum, x) => sum + x.weight, 0) };
}
