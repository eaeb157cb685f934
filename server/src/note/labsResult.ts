/**
 * Shared state of one lab scan and the step that turns a parsed name, number and unit into a `LabResult`
 * (unit inference, redirects such as neutrophils-in-%, conversion to the canonical unit).
 */
import data from '../knowledge/labs.json';
import type { LabResult, Span } from './types';
import { analyteRules, inferUnit, plausibleWritten, toCanonical, type AnalyteRules, type LabUnitInfo } from './labUnits';
import type { Comparator, Flag, NumberRead } from './labsScan';

/** Mutable state of one `findLabs` call. */
export interface ScanContext {
  readonly text: string;
  readonly out: LabResult[];
  /** Body spans of `labs` sections: ambiguous names are accepted more freely there. */
  readonly labSpans: readonly Span[];
  /** End of the line that holds the latest blood-gas mention (`ABG`, `pH 7.3`); -1 when none. */
  gasLineEnd: number;
  /** End of the latest result, so `K 4.1 Mg 2.0` is not mistaken for a `4.1 mg` dose. */
  lastEnd: number;
}

const LINE_BREAK = /[\r\n]/g;

/** End of the line holding `pos` (amortised: each line is scanned at most once per gas mention run). */
export function lineEndAt(ctx: ScanContext, pos: number): number {
  if (ctx.gasLineEnd > pos) return ctx.gasLineEnd;
  LINE_BREAK.lastIndex = pos;
  const m = LINE_BREAK.exec(ctx.text);
  return m ? m.index : ctx.text.length;
}

/** Marks the rest of the line as blood-gas context (for `CO2` → pCO2 and `BE`). */
export function enterGasContext(ctx: ScanContext, pos: number): void {
  ctx.gasLineEnd = lineEndAt(ctx, pos);
}

export function inLabsSection(ctx: ScanContext, pos: number): boolean {
  return ctx.labSpans.some((s) => pos >= s.start && pos < s.end);
}

/** Analytes whose results put the line into blood-gas context (pH, pCO2, pO2). */
const GAS_ANALYTES: ReadonlySet<string> = new Set(data.bloodGas.contextAnalytes);

export function isGasAnalyte(id: string): boolean {
  return GAS_ANALYTES.has(id);
}

/**
 * Picks the unit of a value: the written one when it is sane, else the first unit (in the alias's or
 * the analyte's inference order) whose plausible range holds the value. Undefined: not a credible result.
 */
export function chooseUnit(
  rules: AnalyteRules,
  aliasKey: string,
  value: number,
  written: LabUnitInfo | undefined,
): LabUnitInfo | undefined {
  if (written) return plausibleWritten(written, value) ? written : undefined;
  return inferUnit(rules.aliasUnits.get(aliasKey) ?? rules.inferOrder, value);
}

export interface ResultParts {
  rules: AnalyteRules;
  unit: LabUnitInfo;
  /** The unit as written; absent when it was assumed. */
  unitRaw?: string;
  num: NumberRead;
  span: Span;
  nameSpan: Span;
  comparator?: Comparator;
  flag?: Flag;
}

/** Builds the result, following a unit's redirect to the analyte it really measures. */
export function buildResult(parts: ResultParts): LabResult | undefined {
  let rules = parts.rules;
  let unit = parts.unit;
  if (unit.redirect) {
    const target = analyteRules(unit.redirect);
    const targetUnit = target?.info.units.find((u) => u.unit === unit.unit);
    if (!target || !targetUnit) return undefined;
    rules = target;
    unit = targetUnit;
  }
  const result: LabResult = {
    analyte: rules.info.id,
    display: rules.info.display,
    span: parts.span,
    nameSpan: parts.nameSpan,
    valueSpan: { start: parts.num.start, end: parts.num.end },
    value: parts.num.value,
    unit: parts.unitRaw ?? unit.unit,
    unitAssumed: parts.unitRaw === undefined,
    canonical: { value: toCanonical(unit, parts.num.value), unit: rules.info.canonicalUnit },
  };
  if (parts.comparator) result.comparator = parts.comparator;
  if (parts.flag) result.flag = parts.flag;
  return result;
}

/** Records a result and the scan state it implies. */
export function push(ctx: ScanContext, result: LabResult): void {
  ctx.out.push(result);
  ctx.lastEnd = result.span.end;
  if (isGasAnalyte(result.analyte)) enterGasContext(ctx, result.span.start);
}
