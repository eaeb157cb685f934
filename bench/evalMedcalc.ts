/**
 * Scores the calculator registry on MedCalc-Bench v1.0 (Khandekar et al., NeurIPS 2024): each
 * row's "Relevant Entities (parsed)" goes to the matching calculator, and the value is scored the
 * way the benchmark scores answers.
 *
 *   node --import tsx bench/evalMedcalc.ts [--data DIR] [--errors [--all]]
 *
 * DIR (default ../shared/data) holds `medcalc/test_data_v1.0.entities_json.jsonl` and
 * `medcalc_corrected/medcalc_v1_corrected.csv` (Ye et al. 2025, physician-validated labels, 887
 * rows joined on Unique ID = Row Number). A row's label is the corrected one where the corrected
 * file has the row, else the original; a corrected "N/A" (not computable from the note) excludes
 * the row. Scoring: integer outputs exact (after rounding the prediction), decimals within
 * [Lower Limit, Upper Limit], dates equal after normalising to MM/DD/YYYY, gestational age equal
 * in days (the original labels write "('14 weeks', '1 days')", the corrected ones a day count).
 *
 * Adjudicated accuracy: rows whose label this project disputes (`bench/medcalcLabels/`, each
 * checked by a unit test with its arithmetic, or with the missing fact that reproduces the label)
 * are scored against the disputed value instead. Both figures are printed; `accuracy` is the raw
 * one. The floor (98 %) applies per calculator to the adjudicated figure.
 *
 * Prints a per-calculator table, the overall line, and LAST one JSON line on stdout. `--errors`
 * lists each wrong row (row number, calculator, label, value) on stderr, disputed rows marked.
 * No note text is printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CALCULATORS, calculatorForMedcalcId, inputsFromMedcalc, type MedcalcEntity } from '../server/src/clinical/calculators/index';
import { parseDate, formatDate } from '../server/src/clinical/calculators/dateMath';
import type { CalcResult } from '../server/src/clinical/calculators/types';
import { DISPUTES, disputesByRow, type DisputeKind, type LabelDispute } from './medcalcLabels/index';
import { parseCsv } from './sharedData';

/** Per-calculator floor on the adjudicated accuracy. */
export const FLOOR = 0.98;

/** A gold answer with its tolerance window, as the benchmark files write them. */
export interface Label {
  answer: string;
  lower: string;
  upper: string;
}

/** One benchmark row, reduced to what scoring needs; the note only when asked for (never printed). */
export interface MedcalcRow {
  rowNumber: string;
  calculatorId: number;
  calculatorName: string;
  outputType: string;
  entities: Record<string, MedcalcEntity>;
  original: Label;
  note?: string;
}

/** "('14 weeks', '1 days')" → 99; undefined for anything else. */
export function gestationalDays(label: string): number | undefined {
  const m = /^\s*\(\s*'(\d+)\s*weeks?'\s*,\s*'(\d+)\s*days?'\s*\)\s*$/.exec(label);
  return m ? Number(m[1]) * 7 + Number(m[2]) : undefined;
}

/** True when the label marks the row as not computable. */
export function isNotApplicable(label: Label): boolean {
  return /^\s*n\/?a\s*$/i.test(label.answer);
}

/**
 * Scores one predicted value against a label the way MedCalc-Bench does: dates exact, integers
 * exact after rounding the prediction, decimals within [lower, upper].
 */
export function scoreAnswer(outputType: string, predicted: number | string, label: Label): boolean {
  if (outputType === 'date') {
    const p = parseDate(String(predicted));
    const g = parseDate(label.answer);
    return p !== undefined && g !== undefined && formatDate(p) === formatDate(g);
  }
  const value = typeof predicted === 'number' ? predicted : Number(predicted);
  if (!Number.isFinite(value)) return false;
  const days = gestationalDays(label.answer);
  if (days !== undefined) return Math.round(value) === days;
  if (outputType === 'integer') return Math.round(value) === Number(label.answer);
  const lower = Number(label.lower);
  const upper = Number(label.upper);
  if (label.lower.trim() === '' || label.upper.trim() === '' || !Number.isFinite(lower) || !Number.isFinite(upper)) return value === Number(label.answer);
  return value >= Math.min(lower, upper) && value <= Math.max(lower, upper);
}

/** Per-calculator tallies. */
export interface CalculatorScore {
  medcalcId: number;
  name: string;
  id: string | null;
  rows: number;
  correct: number;
  excluded: number;
  computeErrors: number;
  /** Correct once disputed rows are scored against the disputed value. */
  adjudicatedCorrect: number;
  disputed: number;
}

/** One scored row (for `--errors`). */
export interface RowOutcome {
  row: MedcalcRow;
  label: Label;
  labelSource: 'corrected' | 'original';
  result: CalcResult;
  correct: boolean;
  /** The dispute that applies to this row (same label as the data), if any. */
  dispute?: LabelDispute;
  adjudicatedCorrect: boolean;
}

export interface MedcalcEvaluation {
  perCalculator: CalculatorScore[];
  outcomes: RowOutcome[];
  summary: {
    calculators: number;
    rows: number;
    correct: number;
    accuracy: number;
    excluded: number;
    unimplementedRows: number;
    correctedLabels: number;
    computeErrors: number;
    disputed: number;
    disputedByKind: Record<DisputeKind, number>;
    adjudicatedCorrect: number;
    adjudicatedAccuracy: number;
    /** MedCalc ids of implemented calculators below {@link FLOOR} adjudicated. */
    belowFloor: number[];
  };
}

/**
 * Scores every row; `corrected` maps Row Number → physician-corrected label. A dispute applies
 * only while its calculator and label match the row's, so a changed dataset is never adjudicated
 * by a stale dispute.
 */
export function evaluateMedcalc(rows: readonly MedcalcRow[], corrected: ReadonlyMap<string, Label>, disputes: readonly LabelDispute[] = DISPUTES): MedcalcEvaluation {
  const byRow = disputesByRow(disputes);
  const disputedByKind: Record<DisputeKind, number> = { 'label-error': 0, 'entity-gap': 0, convention: 0 };
  const per = new Map<number, CalculatorScore>();
  const outcomes: RowOutcome[] = [];
  let unimplementedRows = 0;
  let excluded = 0;
  let correctedLabels = 0;
  let computeErrors = 0;
  for (const row of rows) {
    const calc = calculatorForMedcalcId(row.calculatorId);
    const score = per.get(row.calculatorId) ?? { medcalcId: row.calculatorId, name: row.calculatorName, id: calc?.id ?? null, rows: 0, correct: 0, excluded: 0, computeErrors: 0, adjudicatedCorrect: 0, disputed: 0 };
    per.set(row.calculatorId, score);
    if (!calc) {
      unimplementedRows++;
      continue;
    }
    const fix = corrected.get(row.rowNumber);
    const label = fix ?? row.original;
    if (isNotApplicable(label)) {
      excluded++;
      score.excluded++;
      continue;
    }
    if (fix) correctedLabels++;
    const result = calc.compute(inputsFromMedcalc(calc, row.entities));
    const correct = result.ok && scoreAnswer(row.outputType, result.value, label);
    if (!result.ok) {
      computeErrors++;
      score.computeErrors++;
    }
    const candidate = byRow.get(row.rowNumber);
    const dispute = candidate && candidate.medcalcId === row.calculatorId && candidate.label.trim() === label.answer.trim() ? candidate : undefined;
    const adjudicatedCorrect = dispute ? result.ok && result.value === dispute.expected : correct;
    score.rows++;
    if (correct) score.correct++;
    if (adjudicatedCorrect) score.adjudicatedCorrect++;
    if (dispute) {
      score.disputed++;
      disputedByKind[dispute.kind]++;
    }
    outcomes.push({ row, label, labelSource: fix ? 'corrected' : 'original', result, correct, dispute, adjudicatedCorrect });
  }
  const perCalculator = [...per.values()].sort((a, b) => a.medcalcId - b.medcalcId);
  const evaluated = perCalculator.reduce((n, s) => n + s.rows, 0);
  const correct = perCalculator.reduce((n, s) => n + s.correct, 0);
  const adjudicatedCorrect = perCalculator.reduce((n, s) => n + s.adjudicatedCorrect, 0);
  const disputed = perCalculator.reduce((n, s) => n + s.disputed, 0);
  const belowFloor = perCalculator.filter((s) => s.id && s.rows > 0 && s.adjudicatedCorrect / s.rows < FLOOR).map((s) => s.medcalcId);
  return {
    perCalculator,
    outcomes,
    summary: {
      calculators: CALCULATORS.length,
      rows: evaluated,
      correct,
      accuracy: evaluated === 0 ? 0 : correct / evaluated,
      excluded,
      unimplementedRows,
      correctedLabels,
      computeErrors,
      disputed,
      disputedByKind,
      adjudicatedCorrect,
      adjudicatedAccuracy: evaluated === 0 ? 0 : adjudicatedCorrect / evaluated,
      belowFloor,
    },
  };
}

/** Reads the entity JSONL (one benchmark row per line); `keepNote` keeps each row's patient note. */
export function parseMedcalcJsonl(text: string, keepNote = false): MedcalcRow[] {
  const rows: MedcalcRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    rows.push({
      rowNumber: String(r['Row Number']),
      calculatorId: Number(r['Calculator ID']),
      calculatorName: String(r['Calculator Name']),
      outputType: String(r['Output Type']),
      entities: (r['Relevant Entities (parsed)'] ?? {}) as Record<string, MedcalcEntity>,
      original: { answer: String(r['Ground Truth Answer']), lower: String(r['Lower Limit'] ?? ''), upper: String(r['Upper Limit'] ?? '') },
      ...(keepNote ? { note: String(r['Patient Note'] ?? '') } : {}),
    });
  }
  return rows;
}

/** The benchmark files under `--data DIR` (default ../shared/data), and the corrected labels if present. */
export function loadMedcalcData(argv: readonly string[], who: string, keepNote = false): { rows: MedcalcRow[]; corrected: Map<string, Label> } | undefined {
  const at = argv.indexOf('--data');
  const dir = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]!) : path.resolve(__dirname, '..', '..', 'shared', 'data');
  const jsonl = path.join(dir, 'medcalc', 'test_data_v1.0.entities_json.jsonl');
  const csv = path.join(dir, 'medcalc_corrected', 'medcalc_v1_corrected.csv');
  if (!existsSync(jsonl)) {
    console.error(`${who}: ${jsonl} not found; pass --data DIR (the folder holding medcalc/ and medcalc_corrected/).`);
    return undefined;
  }
  if (!existsSync(csv)) console.error(`${who}: ${csv} not found; scoring against the original labels only.`);
  const corrected = existsSync(csv) ? parseCorrectedCsv(readFileSync(csv, 'utf8')) : new Map<string, Label>();
  return { rows: parseMedcalcJsonl(readFileSync(jsonl, 'utf8'), keepNote), corrected };
}

/** Reads the corrected-label CSV into Unique ID → label. */
export function parseCorrectedCsv(text: string): Map<string, Label> {
  const out = new Map<string, Label>();
  for (const r of parseCsv(text)) {
    const id = r['Unique ID'];
    if (id) out.set(id.trim(), { answer: r['Ground Truth Answer'] ?? '', lower: r['Lower Limit'] ?? '', upper: r['Upper Limit'] ?? '' });
  }
  return out;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function main(argv: readonly string[]): number {
  const data = loadMedcalcData(argv, 'evalMedcalc');
  if (!data) return 1;
  const evaluation = evaluateMedcalc(data.rows, data.corrected);

  console.log(`${'ID'.padStart(3)}  ${'calculator'.padEnd(40)} ${'rows'.padStart(4)} ${'correct'.padStart(7)} ${'accuracy'.padStart(8)} ${'disputed'.padStart(8)} ${'adjudicated'.padStart(11)} ${'excl'.padStart(4)}`);
  for (const s of evaluation.perCalculator) {
    const name = `${s.name.slice(0, 34)}${s.id ? '' : ' (not implemented)'}`.slice(0, 40);
    const acc = s.id && s.rows > 0 ? pct(s.correct / s.rows) : '-';
    const adj = s.id && s.rows > 0 ? pct(s.adjudicatedCorrect / s.rows) : '-';
    const mark = s.id && s.rows > 0 && s.adjudicatedCorrect / s.rows < FLOOR ? ' <' : '';
    console.log(`${String(s.medcalcId).padStart(3)}  ${name.padEnd(40)} ${String(s.rows).padStart(4)} ${String(s.correct).padStart(7)} ${acc.padStart(8)} ${String(s.disputed).padStart(8)} ${adj.padStart(11)} ${String(s.excluded).padStart(4)}${mark}`);
  }
  const sum = evaluation.summary;
  console.log(`overall: ${sum.correct}/${sum.rows} = ${pct(sum.accuracy)} on ${sum.calculators} calculators; ${sum.excluded} rows excluded (corrected label N/A), ${sum.unimplementedRows} rows unimplemented, ${sum.correctedLabels} scored against corrected labels.`);
  const k = sum.disputedByKind;
  console.log(`adjudicated: ${sum.adjudicatedCorrect}/${sum.rows} = ${pct(sum.adjudicatedAccuracy)}; ${sum.disputed} disputed labels (${k['label-error']} label errors, ${k['entity-gap']} entity gaps, ${k.convention} conventions; see bench/medcalcLabels/); ${sum.belowFloor.length === 0 ? `every calculator at or above ${pct(FLOOR)}` : `below ${pct(FLOOR)}: ${sum.belowFloor.join(', ')}`}.`);

  if (argv.includes('--errors')) {
    for (const o of evaluation.outcomes) {
      if (o.correct) continue;
      const got = o.result.ok ? `${String(o.result.value)}${o.result.unit ? ` ${o.result.unit}` : ''}` : `error: ${o.result.error}`;
      const note = o.dispute ? ` (disputed: ${o.dispute.kind}${o.adjudicatedCorrect ? '' : `, but the dispute expects ${String(o.dispute.expected)}`})` : '';
      if (o.dispute && o.adjudicatedCorrect && !argv.includes('--all')) continue;
      console.error(`row ${o.row.rowNumber} [${o.row.calculatorId} ${o.row.calculatorName}] ${o.labelSource} label ${o.label.answer} [${o.label.lower}, ${o.label.upper}] got ${got}${note}`);
    }
  }
  console.log(JSON.stringify({ ...sum, accuracy: Math.round(sum.accuracy * 10000) / 10000, adjudicatedAccuracy: Math.round(sum.adjudicatedAccuracy * 10000) / 10000 }));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
