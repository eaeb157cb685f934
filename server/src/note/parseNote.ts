/**
 * Parses a clinical note into its structured model. Pure and synchronous; the language server
 * caches the result per document version (see `features/documentModels.ts`).
 */
import { findAllergies } from './allergies';
import { createAssertionContext } from './assertion';
import { findCodes } from './codes';
import { findDemographics } from './demographics';
import { findLabs } from './labs';
import { findMedications } from './medications';
import { detectNoteType } from './noteType';
import { findProblems } from './problems';
import { findSections } from './sections';
import type { ClinicalNote, InputProblem } from './types';
import { findVitals } from './vitals';

export interface ParseOptions {
  /** Notes longer than this many characters are not analysed (default 16 Mi characters). */
  maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;

/** An empty model, for notes that were not analysed. */
export function emptyNote(length: number, inputProblem?: InputProblem): ClinicalNote {
  const note: ClinicalNote = {
    length,
    noteType: 'unknown',
    sections: [],
    vitals: [],
    medications: [],
    allergies: { status: 'not-documented', items: [] },
    labs: [],
    problems: [],
    codes: [],
    demographics: {},
  };
  if (inputProblem) note.inputProblem = inputProblem;
  return note;
}

/**
 * Says why a text should not be analysed: binary content (NUL or other control characters, or
 * many U+FFFD replacement characters from decoding non-UTF-8 bytes), over the size limit, or empty.
 */
export function checkInput(text: string, maxLength = DEFAULT_MAX_LENGTH): InputProblem | undefined {
  if (text.trim().length === 0) return { kind: 'empty', message: 'The note is empty.' };
  if (text.length > maxLength) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    const limit = (maxLength / (1024 * 1024)).toFixed(0);
    return { kind: 'too-large', message: `The note is ${mb} MiB, over the ${limit} MiB analysis limit; it was not analysed. Split it into smaller notes.` };
  }
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return binary();
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) control++;
    else if (c === 0xfffd) replacement++;
  }
  if (control > sample.length * 0.01 || replacement > sample.length * 0.05) return binary();
  return undefined;
}

function binary(): InputProblem {
  return { kind: 'binary', message: 'This file looks binary, not a text note; it was not analysed.' };
}

/** Parses the note. Never throws on any string input. */
export function parseNote(text: string, options: ParseOptions = {}): ClinicalNote {
  const problem = checkInput(text, options.maxLength);
  if (problem) return emptyNote(text.length, problem);

  const sections = findSections(text);
  const codes = findCodes(text);
  return {
    length: text.length,
    noteType: detectNoteType(text, sections),
    sections,
    vitals: findVitals(text, sections),
    medications: findMedications(text, sections),
    allergies: findAllergies(text, sections),
    labs: findLabs(text, sections),
    problems: findProblems(text, sections, codes, createAssertionContext(text).assertionFor),
    codes,
    demographics: findDemographics(text),
  };
}
