/**
 * What decision support reports: findings with a stable rule id, a severity, a message that says
 * what to do, a reference, and fixes where a fix is safe. Pure data; the language server turns
 * findings into diagnostics and code actions, the CLI into text, JSON or SARIF.
 */
import type { ClinicalNote, Span } from '../note/types';

/** critical → Error, warning → Warning, advisory → Information. */
export type Severity = 'critical' | 'warning' | 'advisory';

export interface Reference {
  title: string;
  url: string;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** A fix the user can apply without review (e.g. `QD` → `daily`). */
  preferred?: boolean;
}

export interface Finding {
  /** Stable kebab-case rule id, e.g. `do-not-use-abbreviation`. */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  /** The standard or guideline behind the rule (becomes the diagnostic's `codeDescription`). */
  reference?: Reference;
  /** Other places that explain the finding (e.g. where the allergy is written). */
  related?: { span: Span; message: string }[];
  fixes?: Fix[];
}

/** What a rule sees: the note text and its parsed model. */
export interface RuleInput {
  text: string;
  note: ClinicalNote;
}

/** A decision-support rule. Pure: same input, same findings. */
export interface Rule {
  id: string;
  /** One line for documentation and `--list-rules`. */
  description: string;
  run(input: RuleInput): Finding[];
}
