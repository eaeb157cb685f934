/**
 * The decision-support pipeline: runs every enabled rule over a parsed note. Shared by the
 * language server and the CLI so both report exactly the same findings.
 */
import type { Finding, Rule, RuleInput } from './findings';
import { RULES } from './rules/index';

export interface AnalyzeOptions {
  /** Rule ids not to run. */
  disabledRules?: readonly string[];
  /** Rules to run instead of the built-in set (tests). */
  rules?: readonly Rule[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, advisory: 2 } as const;

/**
 * Findings of all enabled rules, in text order (then by severity). A rule that throws is
 * reported as an `internal-error` finding and the other rules still run.
 */
export function analyze(input: RuleInput, options: AnalyzeOptions = {}): Finding[] {
  const disabled = new Set(options.disabledRules ?? []);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (disabled.has(rule.id)) continue;
    try {
      for (const f of rule.run(input)) if (!disabled.has(f.code)) findings.push(f);
    } catch (err) {
      findings.push({
        code: 'internal-error',
        severity: 'advisory',
        message: `Rule ${rule.id} failed (${err instanceof Error ? err.name : 'error'}); other rules still ran. Please report this.`,
        span: { start: 0, end: 0 },
      });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
