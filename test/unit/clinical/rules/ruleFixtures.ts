/**
 * Helpers for the decision-support rule tests: run a rule on a note, read a finding's text, apply
 * its fixes, and build parsed values by hand (so a rule is tested apart from the parsers).
 */
import assert from 'node:assert/strict';
import type { Finding, Rule, TextEdit } from '../../../../server/src/clinical/findings';
import { emptyNote, parseNote } from '../../../../server/src/note/parseNote';
import type { ClinicalNote, LabResult, Medication, NumericVital, Span, Vital } from '../../../../server/src/note/types';

/** Runs `rule` on `text`, parsed by the real parser unless a note is given. */
export function run(rule: Rule, text: string, note: ClinicalNote = parseNote(text)): Finding[] {
  return rule.run({ text, note });
}

/** The text each finding points at. */
export function flagged(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.span.start, f.span.end));
}

/** Applies edits (non-overlapping) to `text`, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}

/** Applies fix `index` of `finding` to `text`. */
export function applyFix(text: string, finding: Finding | undefined, index = 0): string {
  assert.ok(finding, 'expected a finding');
  const fix = finding.fixes?.[index];
  assert.ok(fix, `expected fix ${index} on: ${finding.message}`);
  return applyEdits(text, fix.edits);
}

/** Applies the preferred fix of every finding (as "fix all" would). */
export function applyPreferred(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, findings.flatMap((f) => f.fixes?.find((x) => x.preferred)?.edits ?? []));
}

/** A parsed note with nothing in it but what `parts` gives. */
export function note(text: string, parts: Partial<ClinicalNote> = {}): ClinicalNote {
  return { ...emptyNote(text.length), ...parts };
}

/** Span of the `nth` occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in text`);
  return { start: at, end: at + needle.length };
}

/** A lab result written as `label value unit` somewhere in `text`. */
export function lab(text: string, written: string, analyte: string, value: number, unit: string, canonical = value, extra: Partial<LabResult> = {}): LabResult {
  const span = spanOf(text, written);
  const v = String(value);
  const at = text.indexOf(v, span.start);
  return {
    analyte,
    display: analyte,
    span,
    nameSpan: { start: span.start, end: span.start + 1 },
    valueSpan: { start: at, end: at + v.length },
    value,
    unit,
    unitAssumed: false,
    canonical: { value: canonical, unit },
    ...extra,
  };
}

/** A numeric vital written as `written` in `text`. */
export function vital(text: string, written: string, kind: NumericVital['kind'], value: number, unit: string, extra: Partial<NumericVital> = {}): Vital {
  const span = spanOf(text, written);
  return { kind, span, valueSpan: span, value, unit, ...extra };
}

/** A blood pressure written as `written` in `text`. */
export function bp(text: string, written: string, systolic: number, diastolic: number): Vital {
  const span = spanOf(text, written);
  return { kind: 'blood-pressure', span, valueSpan: span, systolic, diastolic };
}

/** A medication-list entry written as `written` in `text`. */
export function med(text: string, written: string, name: string, extra: Partial<Medication> = {}): Medication {
  const span = spanOf(text, written);
  return {
    span,
    name,
    nameSpan: { start: span.start, end: span.start + name.length },
    generic: name.toLowerCase(),
    known: true,
    prn: false,
    context: 'medication-list',
    status: 'active',
    ...extra,
  };
}
