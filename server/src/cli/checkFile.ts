/**
 * The whole analysis of one note file, as the CLI reports it: read, parse, rules, triage and the
 * calculators that run by themselves. The same function runs on the main thread and in the CLI's
 * worker threads, so a report does not depend on which thread checked a file.
 */
import { analyze } from '../clinical/analyze';
import type { Rule } from '../clinical/findings';
import { autoCalculate } from '../clinical/autoCalc/index';
import { computeTriage } from '../clinical/scores/triage';
import { createAssertionContext } from '../note/assertion';
import { parseNote } from '../note/parseNote';
import { hasTriageInputs } from '../features/codeLens';
import { readNote } from './files';
import type { FileResult, ReportFormat } from './report';

/** What every file of one `check` run is checked with. Plain data, so it can go to a worker. */
export interface CheckOptions {
  /** Notes larger than this are reported as not analysed, unread. */
  maxBytes: number;
  /** Rule ids not to run (`--disable`). */
  disabledRules: readonly string[];
  /**
   * The report the result is for, when known: work its rendering never shows is skipped (SARIF
   * shows findings only, CDS Hooks no calculators, text no triage for a note without vitals or
   * labs). Absent: everything is computed.
   */
  report?: ReportFormat;
}

/** Checks one file; never throws for an unreadable, binary or oversized file (it becomes `error`). */
export function checkFile(file: string, options: CheckOptions, rules?: readonly Rule[]): FileResult {
  const read = readNote(file, options.maxBytes);
  if ('error' in read) return { path: file, error: read.error, findings: [] };
  const note = parseNote(read.text, { maxLength: options.maxBytes });
  const findings = analyze({ text: read.text, note }, { disabledRules: options.disabledRules, ...(rules ? { rules } : {}) });
  const result: FileResult = { path: file, text: read.text, note, findings };
  const report = options.report;
  const wantTriage = report === undefined || report === 'json' || report === 'cds-hooks' || (report === 'text' && hasTriageInputs(note));
  const wantScores = report === undefined || report === 'json' || report === 'text';
  if (!wantTriage && !wantScores) return result;
  const assert = createAssertionContext(read.text).assertionFor;
  if (wantTriage) result.triage = computeTriage(read.text, note, assert);
  if (wantScores) result.scores = note.inputProblem ? [] : autoCalculate(read.text, note, assert);
  return result;
}
