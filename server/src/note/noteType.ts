/**
 * Guesses the note type from its title lines and headings: discharge summary, H&P, progress note,
 * ED note, clinic visit, procedure note, nursing note.
 */
import type { NoteType, Section } from './types';

const TITLE_CUES: [RegExp, NoteType][] = [
  [/\bdischarge summary\b|\bdischarge note\b/i, 'discharge-summary'],
  [/\bprocedure note\b|\boperative note\b|\bop note\b/i, 'procedure-note'],
  [/\b(?:nsg|nursing|rn)\b.{0,20}\bnote\b|\bnursing (?:admission|progress)\b/i, 'nursing-note'],
  [/\b(?:h&p|h and p|history and physical|admission note|admission h&p)\b/i, 'history-and-physical'],
  [/\b(?:ed|er|emergency department|emergency room|triage)\b.{0,20}\b(?:note|assessment|triage|visit|provider)\b|\btriage note\b/i, 'ed-note'],
  [/\bprogress note\b|\bdaily note\b|\bicu note\b|\bsoap note\b/i, 'progress-note'],
  [/\b(?:clinic|office|outpatient|telehealth|follow-up|follow up|annual|wellness|primary care)\b.{0,15}\b(?:visit|note|encounter)\b/i, 'clinic-visit'],
];

export function detectNoteType(text: string, sections: readonly Section[]): NoteType {
  const head = text.slice(0, 600);
  for (const [re, type] of TITLE_CUES) if (re.test(head)) return type;
  const kinds = new Set(sections.map((s) => s.kind));
  if (kinds.has('hospital-course')) return 'discharge-summary';
  if (kinds.has('subjective') && (kinds.has('objective') || kinds.has('assessment'))) return 'progress-note';
  if (kinds.has('hpi') && kinds.has('physical-exam') && (kinds.has('pmh') || kinds.has('ros'))) return 'history-and-physical';
  return 'unknown';
}
