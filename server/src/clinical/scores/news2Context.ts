/**
 * What the note says about how NEWS2 applies: whether SpO2 scale 2 is in use (hypercapnic
 * respiratory failure, a prescribed 88–92 % target) and whether the patient is outside the
 * validated population (under 16, pregnant). Cue lists live in `knowledge/news2.json`.
 */
import data from '../../knowledge/news2.json';
import type { ClinicalNote, Span } from '../../note/types';
import { accept, compileCues, firstPerGroup, matchCues, type AssertFn, type CueMatcher, type TokenIndex } from './cues';

let scale2: CueMatcher | undefined;
let pregnancy: CueMatcher | undefined;

function scale2Matcher(): CueMatcher {
  scale2 ??= compileCues([{ id: 'scale-2', label: 'SpO2 scale 2', phrases: data.scale2Cues.phrases }], data.scale2Cues.exclude);
  return scale2;
}

function pregnancyMatcher(): CueMatcher {
  const a = data.applicability;
  pregnancy ??= compileCues([{ id: 'pregnancy', label: 'pregnancy', phrases: a.pregnancyCues }], a.pregnancyExclude);
  return pregnancy;
}

/**
 * Where the note documents that SpO2 scale 2 applies: the first cue that is affirmed for the
 * patient and not hypothetical (a documented history of hypercapnic failure counts; `no
 * hypercapnia` and `possible CO2 retention` do not). Undefined means scale 1.
 */
export function detectSpo2Scale2(index: TokenIndex, assert: AssertFn): Span | undefined {
  return firstPerGroup(matchCues(index, scale2Matcher()), assert, accept.affirmedKnown)[0]?.span;
}

/** Warnings when NEWS2 is used outside the population it was validated in. */
export function news2Caveats(note: ClinicalNote, index: TokenIndex, assert: AssertFn): string[] {
  const a = data.applicability;
  const out: string[] = [];
  const age = note.demographics.age?.years;
  if (age !== undefined && age < a.minAgeYears) out.push(a.childCaveat);
  if (firstPerGroup(matchCues(index, pregnancyMatcher()), assert, accept.affirmedCurrent).length > 0) out.push(a.pregnancyCaveat);
  return out;
}
