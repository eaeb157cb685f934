/**
 * Problems: the items of problem-bearing sections (assessment, assessment and plan, past medical
 * history, problem list), each with its ConText assertion and any code written beside it.
 * In plans, only numbered or `#` items are problems; `- continue metoprolol` lines are actions.
 */
import type { Assertion, CodeMention, Problem, Section, SectionKind, Span } from './types';
import { splitLines } from './text';

const PROBLEM_SECTIONS = new Set<SectionKind>(['assessment', 'assessment-and-plan', 'pmh']);
const PLAN_LIKE = new Set<SectionKind>(['assessment-and-plan']);

/** Numbered (`1.`, `2)`), hashed (`#`, `#1`) or bulleted (`-`, `*`, `•`) list markers. */
const NUMBERED = /^[ \t]*(?:#\d*[.)]?|\d{1,2}[.)]|[A-Za-z][.)](?=[ \t]))[ \t]*/;
const BULLET = /^[ \t]*[-*•·][ \t]+/;
const ACTION_START = /^(?:continue|cont|start|stop|hold|check|monitor|follow|f\/u|consult|obtain|order|repeat|trend|give|increase|decrease|titrate|discharge|plan|will|recheck|advance|encourage|pt\/ot|pt|ot|npo|diet|dvt|gi ppx|code|dispo)\b/i;
const CODE_PAREN = /[ \t]*[([][A-TV-Z]\d[0-9A-B](?:\.[0-9A-Z]{1,4})?[)\]][ \t]*/g;

/**
 * Where a problem's text ends: at `:`, ` - `, `;` or a sentence break outside parentheses
 * (`Recurrent UTIs (last 08/2024, E. coli)` keeps its parenthetical whole).
 */
function problemEnd(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0) {
      const next = s[i + 1];
      if (c === ';') return i;
      if ((c === ':' || c === '.') && (next === undefined || next === ' ' || next === '\t')) return i;
      if (c === ' ' && /^ [-–—] /.test(s.slice(i, i + 3))) return i;
    }
  }
  return s.length;
}

/** A plain (unmarked) line stands alone when the lines around it are blank, list items or absent. */
function standsAlone(lines: readonly { text: string }[], i: number): boolean {
  const isBreak = (l: { text: string } | undefined): boolean => !l || l.text.trim() === '' || NUMBERED.test(l.text) || BULLET.test(l.text);
  return isBreak(lines[i - 1]) && isBreak(lines[i + 1]);
}

function trimmedSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,;.]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s,;.:]/.test(text[e - 1] ?? '')) e--;
  return e - s >= 2 ? { start: s, end: e } : undefined;
}

/**
 * The head word of a problem, the target for its assertion: the last word before the first comma
 * or parenthesis (`Possible early diabetic neuropathy, mild` → `neuropathy`), so cues written at
 * the start of the problem (`Possible`, `Family history of`, `No`) precede the target as ConText
 * expects.
 */
function headWord(text: string, span: Span): Span {
  const s = text.slice(span.start, span.end);
  const cut = s.search(/[,(\[;]/);
  const head = cut > 0 ? s.slice(0, cut) : s;
  const m = /([A-Za-z0-9][\w'/-]*)\W*$/.exec(head);
  if (!m) return span;
  const start = span.start + m.index;
  return { start, end: start + m[1]!.length };
}

/**
 * Finds problems. `assert` gives the assertion of a span (the ConText module) and `codes` the
 * code mentions already found, so a problem can carry the code written beside it.
 */
export function findProblems(
  text: string,
  sections: readonly Section[],
  codes: readonly CodeMention[],
  assert: (span: Span) => Assertion,
): Problem[] {
  const out: Problem[] = [];
  for (const section of sections) {
    if (!PROBLEM_SECTIONS.has(section.kind)) continue;
    const body = section.bodySpan;
    const lines = splitLines(text.slice(body.start, body.end));
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li]!;
      const lineStart = body.start + line.start;
      const numbered = NUMBERED.exec(line.text);
      const bullet = numbered ? null : BULLET.exec(line.text);
      let rest = line.text;
      let restStart = lineStart;
      if (numbered) {
        rest = line.text.slice(numbered[0].length);
        restStart += numbered[0].length;
      } else if (bullet) {
        if (PLAN_LIKE.has(section.kind)) continue;
        rest = line.text.slice(bullet[0].length);
        restStart += bullet[0].length;
      } else if (PLAN_LIKE.has(section.kind) && (/^\s/.test(line.text) || !/^[^:]{2,60}:(?:\s|$)/.test(line.text))) {
        // In an assessment and plan, a plain line is a problem only in `Problem: plan` form.
        continue;
      }
      if (rest.trim() === '' || ACTION_START.test(rest.trim())) continue;
      // A plain line inside a prose paragraph is narrative, not a problem list entry; PMH lines
      // (`PMH: CAD, HTN` or wrapped comma lists) are the exception.
      if (!numbered && !bullet && section.kind !== 'pmh' && !standsAlone(lines, li) && !/^[^:]{2,60}:(?:\s|$)/.test(line.text)) continue;

      // PMH prose (`CAD, S/P MI 1992; HTN`) lists problems separated by commas/semicolons;
      // elsewhere one item per line.
      const pieces: Span[] = [];
      if (section.kind === 'pmh' && !numbered && !bullet) {
        let s = 0;
        const re = /[,;]|\band\b/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(rest)) !== null) {
          pieces.push({ start: restStart + s, end: restStart + m.index });
          s = m.index + m[0].length;
        }
        pieces.push({ start: restStart + s, end: restStart + rest.length });
      } else {
        pieces.push({ start: restStart, end: restStart + problemEnd(rest) });
      }

      for (const piece of pieces) {
        const withCode = text.slice(piece.start, piece.end);
        const code = codes.find((c) => c.system === 'ICD-10' && c.span.start >= piece.start && c.span.start <= piece.end + 2);
        const stripped = withCode.replace(CODE_PAREN, (m) => ' '.repeat(m.length));
        const span = trimmedSpan(text, piece.start, piece.start + stripped.trimEnd().length);
        if (!span || span.end - span.start > 120) continue;
        const problem: Problem = { text: text.slice(span.start, span.end), span, section: section.kind, assertion: assert(headWord(text, span)) };
        if (code) problem.code = code;
        out.push(problem);
      }
    }
  }
  return out;
}
