/**
 * Finds section headings and the sections they open. Handles the styles clinicians write:
 * `HPI: text`, `Assessment and Plan` alone on a line, ALL CAPS (`PHYSICAL EXAMINATION:`),
 * markdown `#` headings, SOAP letters (`S:` / `O:` / `A:` / `P:`), and the inline ALL-CAPS
 * headings of ICU nursing notes (`...; HPI: 2 WEEK HISTORY ...; A: ...; P: ...`).
 */
import headings from '../knowledge/sectionHeadings.json';
import type { Section, SectionKind, Span } from './types';
import { splitLines } from './text';

interface HeadingHit {
  kind: SectionKind;
  title: string;
  level: number;
  /** Start of the heading (at the `#` for markdown). */
  start: number;
  headingSpan: Span;
  /** Where the section body starts (after the colon, or at the next line). */
  bodyStart: number;
  markdown: boolean;
}

const aliasToKind = new Map<string, SectionKind>();
for (const s of headings.sections) {
  for (const a of s.aliases) aliasToKind.set(a, s.kind as SectionKind);
}

/** Headings that, alone on a line, are usually words in a sentence rather than headings. */
const SINGLE_LETTER = new Set(['s', 'o', 'a', 'p']);

/** Exam and review-of-systems labels: `Lungs:` inside an exam is a finding line, not a section. */
const SYSTEM_LABELS = new Set([
  'general', 'gen', 'constitutional', 'heent', 'head', 'eyes', 'ears', 'nose', 'throat', 'mouth', 'neck',
  'lungs', 'lung', 'chest', 'respiratory', 'resp', 'pulm', 'pulmonary', 'cardiovascular', 'cv', 'heart',
  'cardiac', 'cvs', 'abdomen', 'abd', 'gi', 'gu', 'genitourinary', 'extremities', 'ext', 'skin', 'integumentary',
  'neuro', 'neurologic', 'neurological', 'psych', 'psychiatric', 'musculoskeletal', 'msk', 'lymph',
  'lymphatic', 'back', 'spine', 'endocrine', 'heme', 'hematologic', 'rectal', 'pelvic', 'breast', 'mental status',
  'allergic/immunologic', 'vascular', 'pulses', 'lines', 'access', 'drains', 'wound', 'id', 'renal', 'fen',
  'ppx', 'prophylaxis', 'code', 'code status', 'dispo', 'ent', 'oropharynx', 'mse', 'ms',
]);

/** Sections in which `Lungs: clear` is a finding line. */
const FINDING_CONTEXTS = new Set<SectionKind>(['physical-exam', 'ros', 'objective', 'vitals', 'subjective', 'hpi']);
/** Sections in which `Neuro: ...` is a body-system sub-section. */
const PLAN_CONTEXTS = new Set<SectionKind>(['assessment', 'plan', 'assessment-and-plan', 'hospital-course']);

/** Normalises a heading title for lookup: lower case, single spaces, no trailing punctuation. */
export function normaliseHeading(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.:-]+$/, '').trim();
}

/** Qualifiers written before a heading's name: `DISCHARGE LABS`, `Triage vitals`, `Home meds`. */
const QUALIFIERS = /^(?:admission|admit|discharge|home|triage|current|pertinent|initial|repeat|today'?s?|ed|icu|relevant|recent|outpatient|inpatient|daily|interval|brief|updated|pre-?op|post-?op)\s+/;

/**
 * The section kind a heading title names, or undefined when it is not a known heading. Accepts a
 * trailing parenthetical (`LABS (03:25)`), a leading qualifier (`DISCHARGE LABS`) and spaced
 * slashes joining two names (`PLAN / ADMISSION ORDERS` → plan).
 */
export function sectionKindOf(title: string): SectionKind | undefined {
  const norm = normaliseHeading(title.replace(/\s*\([^)]*\)\s*$/, ''));
  const direct = aliasToKind.get(norm);
  if (direct) return direct;
  const unqualified = norm.replace(QUALIFIERS, '');
  if (unqualified !== norm) {
    const k = aliasToKind.get(unqualified);
    if (k && unqualified.length > 1) return k;
  }
  if (/\s\/\s|\s&\s/.test(norm)) {
    for (const part of norm.split(/\s[/&]\s/)) {
      const k = aliasToKind.get(part.trim()) ?? aliasToKind.get(part.trim().replace(QUALIFIERS, ''));
      if (k && part.trim().length > 1) return k;
    }
  }
  return undefined;
}

const MARKDOWN = /^([ \t]{0,3})(#{1,6})[ \t]+([^\n]*?)[ \t]*#*$/;
/** `Title:` at the start of a line (optionally after a list bullet); the title has no digits. */
const COLON_HEADING = /^([ \t]{0,12})([A-Za-z][A-Za-z '&/-]{0,48}?(?:[ \t]{0,4}\([^)\n]{0,60}\))?)[ \t]{0,4}:(?=[ \t]|$)/;
/** A line that is only a title (no colon), e.g. `Assessment and Plan` or `HISTORY OF PRESENT ILLNESS`. */
const BARE_HEADING = /^([ \t]{0,12})([A-Za-z][A-Za-z '&/-]{0,48}?(?:[ \t]{0,4}\([^)\n]{0,60}\))?)$/;
/** Inline ALL-CAPS heading after a sentence end: `...; HPI: ...`, `... A: ...`. */
// Bounded look-behind: an unbounded one rescans long runs of spaces (quadratic).
const INLINE_HEADING = /(?<=[.;][ \t]{1,8}|[ \t]{2})([A-Z][A-Z&/]{0,12}(?: [A-Z&/]{1,12}){0,3}):(?=[ \t])/g;

function isAllCaps(s: string): boolean {
  return /[A-Z]/.test(s) && !/[a-z]/.test(s);
}

function wordCount(s: string): number {
  return s.trim().split(/\s+/).length;
}

/** Finds the headings of one line. `mdLevel` is the depth of the enclosing markdown heading (0 if none). */
function headingsOfLine(lineText: string, lineStart: number, lineEnd: number, mdLevel: number, current: SectionKind | undefined): HeadingHit[] {
  const afterKnown = current !== undefined;
  const hits: HeadingHit[] = [];
  const md = lineText.length <= 400 ? MARKDOWN.exec(lineText.trimEnd()) : null;
  if (md) {
    const hashes = md[2] ?? '';
    const rawTitle = (md[3] ?? '').replace(/:$/, '');
    if (rawTitle.length === 0) return hits;
    const titleStart = lineStart + lineText.indexOf(rawTitle, (md[1] ?? '').length + hashes.length);
    hits.push({
      kind: sectionKindOf(rawTitle) ?? 'other',
      title: rawTitle,
      level: hashes.length,
      start: lineStart + (md[1] ?? '').length,
      headingSpan: { start: titleStart, end: titleStart + rawTitle.length },
      bodyStart: lineEnd,
      markdown: true,
    });
    return hits;
  }

  const plainLevel = mdLevel + 1;
  const colon = COLON_HEADING.exec(lineText);
  if (colon) {
    const indent = (colon[1] ?? '').length;
    const title = colon[2] ?? '';
    const norm = normaliseHeading(title);
    const rest = lineText.slice(colon[0].length);
    const kind = sectionKindOf(title);
    const singleLetterOk = !SINGLE_LETTER.has(norm) || /^[SOAP]$/.test(title.trim());
    if (kind && singleLetterOk && !(SYSTEM_LABELS.has(norm) && afterKnown)) {
      hits.push(hit(kind, title, plainLevel, lineStart + indent, lineStart + colon[0].length));
    } else if (SYSTEM_LABELS.has(norm) && /^[A-Z]/.test(title)) {
      // `NEURO:` / `CV:` / `Resp:`: findings lines inside an exam or review of systems; body-system
      // sub-sections of a plan; top-level sections of a nursing note organised by system.
      if (current !== undefined && FINDING_CONTEXTS.has(current)) {
        // not a section
      } else if (current !== undefined && PLAN_CONTEXTS.has(current)) {
        hits.push(hit('other', title, plainLevel + 1, lineStart + indent, lineStart + colon[0].length));
      } else {
        hits.push(hit('other', title, plainLevel, lineStart + indent, lineStart + colon[0].length));
      }
    } else if (!kind && rest.trim() === '' && wordCount(title) <= 5 && !SYSTEM_LABELS.has(norm) && /^[A-Z]/.test(title)) {
      // An unknown `Title:` alone on its line: a sub-heading of the section it sits in.
      hits.push(hit('other', title, afterKnown ? plainLevel + 1 : plainLevel, lineStart + indent, lineEnd));
    }
  } else {
    const bare = lineText.length <= 120 ? BARE_HEADING.exec(lineText.trimEnd()) : null;
    if (bare) {
      const indent = (bare[1] ?? '').length;
      const title = bare[2] ?? '';
      const norm = normaliseHeading(title);
      const kind = sectionKindOf(title);
      // A SOAP letter alone on its line (`A` then the assessment below) is a heading when upper case.
      if (kind && (!SINGLE_LETTER.has(norm) || /^[SOAP]$/.test(title)) && (isAllCaps(title) || /^[A-Z]/.test(title))) {
        hits.push(hit(kind, title, plainLevel, lineStart + indent, lineEnd));
      } else if (!kind && isAllCaps(title) && wordCount(title) >= 2 && wordCount(title) <= 5 && !SYSTEM_LABELS.has(norm)) {
        hits.push(hit('other', title, afterKnown ? plainLevel + 1 : plainLevel, lineStart + indent, lineEnd));
      }
    }
  }

  // Inline ALL-CAPS headings later on the same line (ICU nursing style).
  INLINE_HEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_HEADING.exec(lineText)) !== null) {
    const title = m[1] ?? '';
    const kind = aliasToKind.get(normaliseHeading(title));
    if (!kind || SYSTEM_LABELS.has(normaliseHeading(title))) continue;
    const start = lineStart + m.index;
    if (hits.some((h) => h.start <= start && start < h.bodyStart)) continue;
    hits.push(hit(kind, title, plainLevel, start, start + m[0].length));
  }
  return hits;
}

function hit(kind: SectionKind, title: string, level: number, start: number, bodyStart: number): HeadingHit {
  const t = title.trim();
  return { kind, title: t, level, start, headingSpan: { start, end: start + t.length }, bodyStart, markdown: false };
}

/** SOAP `S:`/`O:` contain HPI, ROS, vitals, exam, labs...; `A:`/`P:` and their kin close them. */
const CONTAINERS = new Set<SectionKind>(['subjective', 'objective']);
const CLOSERS = new Set<SectionKind>(['assessment', 'plan', 'assessment-and-plan', 'disposition']);

function nestUnderSoapContainers(hits: HeadingHit[]): void {
  let container: number | undefined;
  for (const h of hits) {
    if (h.markdown) {
      if (container !== undefined && h.level <= container) container = undefined;
      continue;
    }
    if (CONTAINERS.has(h.kind) || CLOSERS.has(h.kind)) {
      container = CONTAINERS.has(h.kind) ? h.level : undefined;
    } else if (container !== undefined && h.level <= container + 1) {
      h.level = container + 1;
    }
  }
}

/** Moves `end` back over trailing whitespace so a section does not swallow the blank lines before the next. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/**
 * All sections of the note in text order. Nesting is expressed by `level`: a section runs to the
 * next heading of the same or a lower level.
 */
export function findSections(text: string): Section[] {
  const hits: HeadingHit[] = [];
  let mdLevel = 0;
  let current: SectionKind | undefined;
  for (const line of splitLines(text)) {
    if (line.text.length === 0 || line.text.length > 400) {
      if (line.text.length > 400) {
        // Long paragraph lines still carry inline ICU-style headings.
        for (const h of headingsOfLine(line.text, line.start, line.end, mdLevel, current)) {
          hits.push(h);
          if (h.kind !== 'other') current = h.kind;
        }
      }
      continue;
    }
    const lineHits = headingsOfLine(line.text, line.start, line.end, mdLevel, current);
    for (const h of lineHits) {
      hits.push(h);
      if (/^[ \t]{0,3}#/.test(line.text)) mdLevel = h.level;
      if (h.kind !== 'other') current = h.kind;
      else if (h.level <= mdLevel + 1) current = undefined;
    }
  }
  hits.sort((a, b) => a.start - b.start);
  nestUnderSoapContainers(hits);

  const sections: Section[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    let end = text.length;
    for (let j = i + 1; j < hits.length; j++) {
      if (hits[j]!.level <= h.level) {
        end = hits[j]!.start;
        break;
      }
    }
    const spanEnd = Math.max(trimEnd(text, h.start, end), h.headingSpan.end);
    let bodyStart = Math.min(h.bodyStart, spanEnd);
    while (bodyStart < spanEnd && (text[bodyStart] === ' ' || text[bodyStart] === '\t')) bodyStart++;
    sections.push({
      kind: h.kind,
      title: h.title,
      level: h.level,
      headingSpan: h.headingSpan,
      span: { start: h.start, end: spanEnd },
      bodySpan: { start: bodyStart, end: spanEnd },
    });
  }
  return sections;
}

/** The innermost section containing `offset`, if any. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) {
    if (s.span.start <= offset && offset <= s.span.end && (!best || s.level >= best.level)) best = s;
  }
  return best;
}
