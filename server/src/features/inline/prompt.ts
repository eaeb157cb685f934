/**
 * The inline-completion prompt for MedGemma (pure).
 *
 * MedGemma (Gemma 3) has no fill-in-the-middle tokens and no system role, so the prompt is one
 * user turn with the instructions, followed by a model turn that *is* the note: the model simply
 * continues it. What rarely changes comes first and what changes with every keystroke comes
 * last, so the document's KV sequence keeps serving everything before the cursor:
 *
 *   <start_of_turn>user
 *   instructions · note type · section at the cursor · facts the parser found (refreshed only
 *   when the cursor enters another section) · a short view of the text after the cursor
 *   <end_of_turn>
 *   <start_of_turn>model
 *   the note from its start (or a stable cut point) up to the cursor   ← typing appends here
 *
 * While the user types at the end of a line, the text after the cursor does not change, so
 * each keystroke re-evaluates only the new characters' tokens.
 */
import type { ClinicalNote, Section } from '../../note/types';

export interface InlinePromptOptions {
  /** Characters of the text after the cursor shown to the model. */
  afterChars: number;
  /** Most characters of the note before the cursor kept (older text is cut at a stable point). */
  maxBeforeChars: number;
  /** Facts block (from `factsBlock`), cached by the caller per section. */
  facts: string;
}

export const DEFAULT_INLINE_PROMPT: Omit<InlinePromptOptions, 'facts'> = { afterChars: 240, maxBeforeChars: 24_000 };

/** Cuts are taken at multiples of this many characters, so the cut point moves rarely. */
const CUT_STEP = 4096;

export interface InlinePrompt {
  /** The whole prompt text (special tokens as text; tokenise with special tokens on). */
  text: string;
  /** Where the note text (the model turn) starts in `text`. */
  noteStart: number;
}

/** The innermost section containing `offset`, if any. */
export function sectionAt(note: ClinicalNote, offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of note.sections) {
    if (s.span.start <= offset && offset <= s.span.end && (!best || s.span.start >= best.span.start)) best = s;
  }
  return best;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** A compact list of what the parser found, for the model: demographics, allergies, medications, vitals, labs, problems. */
export function factsBlock(note: ClinicalNote): string {
  const lines: string[] = [];
  const d = note.demographics;
  if (d.age || d.sex) lines.push(`Patient: ${[d.age ? `${d.age.years} y` : '', d.sex?.value ?? ''].filter(Boolean).join(', ')}`);
  if (note.allergies.status === 'nkda') lines.push('Allergies: none known');
  else if (note.allergies.items.length > 0) lines.push(`Allergies: ${note.allergies.items.map((a) => (a.reaction ? `${a.substance} (${a.reaction.text})` : a.substance)).join('; ')}`);
  const meds = note.medications.filter((m) => m.status === 'active').slice(0, 20);
  if (meds.length > 0) {
    lines.push(`Medications: ${meds.map((m) => [m.generic ?? m.name, m.strength ? `${m.strength.value} ${m.strength.unit}` : '', m.route?.value ?? '', m.frequency?.text ?? ''].filter(Boolean).join(' ')).join('; ')}`);
  }
  const vitals = note.vitals.slice(-8).map((v) => {
    if (v.kind === 'blood-pressure') return `BP ${v.systolic}/${v.diastolic}`;
    if (v.kind === 'consciousness') return v.acvpu ? `ACVPU ${v.acvpu}` : v.gcs !== undefined ? `GCS ${v.gcs}` : 'consciousness';
    return `${v.kind} ${v.value} ${v.unit}`;
  });
  if (vitals.length > 0) lines.push(`Vitals: ${vitals.join(', ')}`);
  const labs = note.labs.slice(-12).map((l) => `${l.display} ${l.value} ${l.unit}${l.flag ? ` (${l.flag})` : ''}`);
  if (labs.length > 0) lines.push(`Labs: ${labs.join(', ')}`);
  const problems = note.problems.filter((p) => p.assertion.certainty !== 'negated').slice(0, 12).map((p) => p.text);
  if (problems.length > 0) lines.push(`Problems: ${problems.join('; ')}`);
  return clip(lines.join('\n'), 2000);
}

/** Builds the prompt for a completion at `offset` in `text`. */
export function buildInlinePrompt(text: string, offset: number, note: ClinicalNote, options: InlinePromptOptions): InlinePrompt {
  const section = sectionAt(note, offset);
  const after = text.slice(offset, offset + options.afterChars);
  let start = 0;
  if (offset > options.maxBeforeChars) {
    // Cut at a step boundary, then forward to the next line start, so the cut is stable while typing.
    const target = Math.ceil((offset - options.maxBeforeChars) / CUT_STEP) * CUT_STEP;
    const nl = text.indexOf('\n', target);
    start = nl >= 0 && nl < offset ? nl + 1 : target;
  }
  const instructions = [
    'You are writing a clinical note with a clinician. Continue the note exactly where it stops, in the same style, language and format.',
    'Write only the continuation: do not repeat the note, do not explain, do not invent vital signs, results, doses or history that the note does not support.',
    `Note type: ${note.noteType}.`,
    section ? `The cursor is in the section "${section.title}".` : 'The cursor is outside any section.',
    options.facts ? `Facts found in the note:\n${options.facts}` : '',
    after.trim().length > 0 ? `The note continues after the cursor with (do not repeat it):\n«${after}»` : 'The cursor is at the end of the note.',
  ]
    .filter(Boolean)
    .join('\n\n');
  const head = `<start_of_turn>user\n${instructions}<end_of_turn>\n<start_of_turn>model\n`;
  return { text: head + text.slice(start, offset), noteStart: head.length };
}
