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
import { readNote } from './files';
import type { FileResult } from './report';

/** What every file of one `check` run is checked with. Plain data, so it can go to a worker. */
export interface CheckOptions {
  /** Notes larger than this are reported as not analysed, unread. */
  maxBytes: number;
  /** Rule ids not to run (`--disable`). */
  disabledRules: readonly string[];
}

/** Checks one file; never throws for an unreadable, binary or oversized file (it becomes `error`). */
export function checkFile(file: string, options: CheckOptions, rules?: readonly Rule[]): FileResult {
  const read = readNote(file, options.maxBytes);
  if ('error' in read) return { path: file, error: read.error, findings: [] };
  const note = parseNote(read.text, { maxLength: options.maxBytes });
  const findings = analyze({ text: read.text, note }, { disabledRules: options.disabledRules, ...(rules ? { rules } : {}) });
  const assert = createAssertionContext(read.text).assertionFor;
  const triage = computeTriage(read.text, note, assert);
  const scores = note.inputProblem ? [] : autoCalculate(read.text, note, assert);
  return { path: file, text: read.text, note, findings, triage, scores };
}
