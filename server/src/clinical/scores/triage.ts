/**
 * Composes the bedside scores and the ESI suggestion for one note. Pure: the same text and model
 * give the same result; the note text is read only for cue phrases and never kept.
 */
import { createAssertionContext } from '../../note/assertion';
import type { ClinicalNote } from '../../note/types';
import { withoutAsides } from './asides';
import { indexTokens, type AssertFn } from './cues';
import { computeEsi } from './esi';
import { computeMap, computeShockIndex } from './hemodynamics';
import { computeNews2 } from './news2';
import { computeQsofa } from './qsofa';
import { computeSirs } from './sirs';
import type { Triage } from './types';

/**
 * NEWS2, qSOFA, SIRS, shock index, MAP and an ESI suggestion for `note` (parsed from `text`).
 * `assert` gives the ConText assertion of a span of `text`; by default the note's own assertion
 * module is used.
 */
export function computeTriage(text: string, parsed: ClinicalNote, assert?: AssertFn): Triage {
  const note: ClinicalNote = { ...parsed, vitals: withoutAsides(text, parsed.vitals) };
  const assertFn = assert ?? createAssertionContext(text).assertionFor;
  const index = indexTokens(text);
  return {
    news2: computeNews2(note, index, assertFn),
    qsofa: computeQsofa(note),
    sirs: computeSirs(text, note),
    shockIndex: computeShockIndex(note),
    map: computeMap(note),
    esi: computeEsi(text, note, index, assertFn),
  };
}
