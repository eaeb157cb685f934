/**
 * The decision-support pipeline: runs every enabled rule over a parsed note. Shared by the
 * language server and the CLI so both report exactly the same findings.
 */
import type { Span } from '../note/types';
import type { Finding, Rule, RuleInput } from './findings';
import { RULES } from './rules/index';

/**
 * Allergies and active medications from the patient's record outside the note (the FHIR patient
 * the note is linked to). The allergy and duplicate-therapy rules judge the note's medications
 * against them too, and say in each message where an allergy or medication came from.
 */
export interface RecordContext {
  /** How messages name the record, e.g. `FHIR record`. */
  label: string;
  /** Where the note links to the record (its `Patient:` line): findings about the record's own items are shown there. */
  anchor?: Span;
  allergies: readonly RecordAllergy[];
  medications: readonly RecordMedication[];
}

export interface RecordAllergy {
  /** The substance as the record names it (`Penicillin`). */
  substance: string;
  /** Lower-case canonical allergen (a generic or a class id from the drug lexicon). */
  canonical: string;
  /** The reaction's manifestations (`hives, wheeze`). */
  reaction?: string;
  severity?: 'mild' | 'moderate' | 'severe';
  /** The record calls it an intolerance rather than an allergy. */
  intolerance: boolean;
  /** The record entry (`AllergyIntolerance/a1`). */
  source: string;
}

export interface RecordMedication {
  /** The medication as the record names it (`Warfarin Sodium 5 MG Oral Tablet`). */
  name: string;
  /** Lower-case generic from the drug lexicon, with its ingredients and classes. */
  generic: string;
  ingredients: readonly string[];
  classes: readonly string[];
  /** Canonical route (PO, IV, …) when the record gives one. */
  route?: string;
  /** The record entry (`MedicationRequest/m1`). */
  source: string;
}

/** A rule's input with the patient's record, when the note is linked to one. */
export interface RecordRuleInput extends RuleInput {
  record?: RecordContext;
}

export interface AnalyzeOptions {
  /** Rule ids not to run. */
  disabledRules?: readonly string[];
  /** Rules to run instead of the built-in set (tests). */
  rules?: readonly Rule[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, advisory: 2 } as const;

/**
 * Findings of all enabled rules, in text order (then by severity). A rule that throws is
 * reported as an `internal-error` finding and the other rules still run. `input.record` (the
 * linked patient's record) is passed to every rule; those that do not use it ignore it.
 */
export function analyze(input: RecordRuleInput, options: AnalyzeOptions = {}): Finding[] {
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
