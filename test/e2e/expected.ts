/**
 * What the editor should show, computed in-process by the same pure modules the bundled server
 * runs (the VSIX is built from this source just before the tests). Scenarios stay right as
 * rules, scores and wording change: a newly registered rule becomes a new expected diagnostic.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/clinical/analyze';
import type { Finding, Fix } from '../../server/src/clinical/findings';
import { formatTriageSummary } from '../../server/src/clinical/scores/format';
import { computeTriage } from '../../server/src/clinical/scores/triage';
import { esiApplies, hasTriageInputs } from '../../server/src/features/codeLens';
import { triageInlayHints } from '../../server/src/features/inlayHints';
import { parseNote } from '../../server/src/note/parseNote';
import type { ClinicalNote } from '../../server/src/note/types';
import { ROOT } from './paths';

export function exampleText(name: string): string {
  return readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

export function parsed(text: string): ClinicalNote {
  return parseNote(text);
}

/** The code lens title at line 0, or undefined when the note has nothing to triage. */
export function expectedTriageLens(text: string): string | undefined {
  const note = parseNote(text);
  if (!hasTriageInputs(note)) return undefined;
  return formatTriageSummary(computeTriage(text, note), { esi: esiApplies(note) });
}

/** A NEWS2 inlay hint: its label, drawn at 1-based `line` and `column` of `lineText`. */
export interface ExpectedHint {
  line: number;
  column: number;
  label: string;
  lineText: string;
}

/** The NEWS2 points hints (`+3`), placed as the server's inlay-hint feature places them. */
export function expectedInlayHints(text: string): ExpectedHint[] {
  const doc = TextDocument.create('file:///note.cnote', 'clinical-note', 1, text);
  const hints = triageInlayHints(doc, computeTriage(text, parseNote(text)), { start: 0, end: text.length });
  const lines = text.split('\n');
  return hints.map((h) => ({
    line: h.position.line + 1,
    column: h.position.character + 1,
    label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''),
    lineText: (lines[h.position.line] ?? '').replace(/\r$/, ''),
  }));
}

/** A diagnostic as the Problems panel shows it: 1-based line and column. */
export interface ExpectedDiagnostic {
  code: string;
  line: number;
  column: number;
  finding: Finding;
}

/** 1-based line and column (UTF-16) of an offset, as VS Code displays positions. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Findings with the default settings (no disabled rules), in text order. */
export function expectedDiagnostics(text: string): ExpectedDiagnostic[] {
  return analyze({ text, note: parseNote(text) }).map((finding) => ({ code: finding.code, ...position(text, finding.span.start), finding }));
}

/** A quick fix to try, with the text of its line before and after. */
export interface ExpectedFix {
  diagnostic: ExpectedDiagnostic;
  fix: Fix;
  lineBefore: string;
  lineAfter: string;
}

/**
 * The quick fix the scenario applies: the one whose title matches `prefer` if any, else the first
 * preferred single-line fix. Undefined when no registered rule offers a fix in this note.
 */
export function expectedFix(text: string, prefer: RegExp): ExpectedFix | undefined {
  const candidates: { diagnostic: ExpectedDiagnostic; fix: Fix }[] = [];
  for (const diagnostic of expectedDiagnostics(text)) {
    for (const fix of diagnostic.finding.fixes ?? []) candidates.push({ diagnostic, fix });
  }
  const lineOf = (offset: number): [number, number] => {
    const nl = text.indexOf('\n', offset);
    return [text.lastIndexOf('\n', offset - 1) + 1, nl === -1 ? text.length : nl];
  };
  // Only fixes whose edits all stay on the diagnostic's line, so one line shows the result.
  const sameLine = candidates.filter(({ diagnostic, fix }) => {
    const [from, to] = lineOf(diagnostic.finding.span.start);
    return fix.edits.length > 0 && fix.edits.every((e) => e.span.start >= from && e.span.end <= to && !e.newText.includes('\n'));
  });
  const chosen = sameLine.find((c) => prefer.test(c.fix.title)) ?? sameLine.find((c) => c.fix.preferred);
  if (!chosen) return undefined;
  const [lineStart, lineEnd] = lineOf(chosen.diagnostic.finding.span.start);
  let after = text.slice(lineStart, lineEnd);
  // Apply the edits back to front so earlier offsets stay valid.
  for (const e of [...chosen.fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    after = after.slice(0, e.span.start - lineStart) + e.newText + after.slice(e.span.end - lineStart);
  }
  return { ...chosen, lineBefore: text.slice(lineStart, lineEnd).replace(/\r$/, ''), lineAfter: after.replace(/\r$/, '') };
}
