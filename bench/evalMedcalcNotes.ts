/**
 * The calculators fed from the note itself: each MedCalc-Bench row's "Patient Note" is parsed by
 * the product's note model and its inputs are prefilled exactly as the "Calculate…" command
 * prefills them (documented values only; yes/no criteria the note is silent on read as absent).
 * Where a required input is not found the row is abstained on, as the editor would ask for it.
 * Scored like `evalMedcalc.ts` (corrected labels where they exist, N/A rows excluded).
 *
 *   node --import tsx bench/evalMedcalcNotes.ts [--data DIR]
 *
 * This measures the deterministic layer on case-report prose it was not written for: how often it
 * can answer (coverage) and how often an answer is right (precision). `--criteria` adds, per
 * yes/no criterion, how the note's reading compares with the benchmark's extracted entities (both
 * present, present only in the entities = missed, present only in the note's reading = extra).
 * Prints a per-calculator table and LAST one JSON line. No note text is printed.
 */
import { prefillInputs } from '../server/src/clinical/autoCalc/index';
import { calculatorForMedcalcId, inputsFromMedcalc, type CalcInputs } from '../server/src/clinical/calculators/index';
import { parseNote } from '../server/src/note/parseNote';
import { isNotApplicable, loadMedcalcData, scoreAnswer, type Label, type MedcalcRow } from './evalMedcalc';

/** Per-calculator tallies from notes. */
export interface NoteScore {
  medcalcId: number;
  name: string;
  rows: number;
  answered: number;
  correct: number;
}

/** A yes/no criterion read from the note, against the benchmark's extracted entities. */
export interface CriterionAgreement {
  /** `calculator-id.inputKey` */
  key: string;
  both: number;
  missed: number;
  extra: number;
}

export interface NotesEvaluation {
  perCalculator: NoteScore[];
  rows: number;
  answered: number;
  correct: number;
  criteria: CriterionAgreement[];
}

/** Scores every row from its note: abstains where a required input is missing or the inputs are refused. */
export function evaluateFromNotes(rows: readonly MedcalcRow[], corrected: ReadonlyMap<string, Label>): NotesEvaluation {
  const per = new Map<number, NoteScore>();
  const criteria = new Map<string, CriterionAgreement>();
  for (const row of rows) {
    const calc = calculatorForMedcalcId(row.calculatorId);
    if (!calc) continue;
    const label = corrected.get(row.rowNumber) ?? row.original;
    if (isNotApplicable(label)) continue;
    const s = per.get(row.calculatorId) ?? { medcalcId: row.calculatorId, name: row.calculatorName, rows: 0, answered: 0, correct: 0 };
    per.set(row.calculatorId, s);
    s.rows++;
    const text = row.note ?? '';
    const prefill = prefillInputs(calc.id, text, parseNote(text));
    const extracted = inputsFromMedcalc(calc, row.entities);
    for (const spec of calc.inputs) {
      if (spec.kind !== 'boolean') continue;
      const inEntities = extracted[spec.key] === true;
      const inNote = prefill.inputs[spec.key] === true;
      if (!inEntities && !inNote) continue;
      const key = `${calc.id}.${spec.key}`;
      const c = criteria.get(key) ?? { key, both: 0, missed: 0, extra: 0 };
      criteria.set(key, c);
      if (inEntities && inNote) c.both++;
      else if (inEntities) c.missed++;
      else c.extra++;
    }
    if (prefill.missing.length > 0) continue;
    const result = calc.compute(prefill.inputs as CalcInputs);
    if (!result.ok) continue;
    s.answered++;
    if (scoreAnswer(row.outputType, result.value, label)) s.correct++;
  }
  const perCalculator = [...per.values()].sort((a, b) => a.medcalcId - b.medcalcId);
  const sum = (k: 'rows' | 'answered' | 'correct') => perCalculator.reduce((n, s) => n + s[k], 0);
  return { perCalculator, rows: sum('rows'), answered: sum('answered'), correct: sum('correct'), criteria: [...criteria.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((n / d) * 100).toFixed(1)}%`;
}

function main(argv: readonly string[]): number {
  const data = loadMedcalcData(argv, 'evalMedcalcNotes', true);
  if (!data) return 1;
  const e = evaluateFromNotes(data.rows, data.corrected);
  console.log(`${'ID'.padStart(3)}  ${'calculator'.padEnd(40)} ${'rows'.padStart(4)} ${'answered'.padStart(8)} ${'coverage'.padStart(8)} ${'correct'.padStart(7)} ${'precision'.padStart(9)}`);
  for (const s of e.perCalculator) {
    console.log(`${String(s.medcalcId).padStart(3)}  ${s.name.slice(0, 40).padEnd(40)} ${String(s.rows).padStart(4)} ${String(s.answered).padStart(8)} ${pct(s.answered, s.rows).padStart(8)} ${String(s.correct).padStart(7)} ${pct(s.correct, s.answered).padStart(9)}`);
  }
  console.log(`from notes: answered ${e.answered}/${e.rows} rows (${pct(e.answered, e.rows)}); ${e.correct} of the answers right (${pct(e.correct, e.answered)}); ${pct(e.correct, e.rows)} of all rows.`);
  const total = (k: 'both' | 'missed' | 'extra') => e.criteria.reduce((n, c) => n + c[k], 0);
  const criteria = { both: total('both'), missed: total('missed'), extra: total('extra') };
  if (argv.includes('--criteria')) {
    console.log(`\n${'criterion'.padEnd(48)} ${'both'.padStart(5)} ${'missed'.padStart(6)} ${'extra'.padStart(5)}`);
    for (const c of e.criteria) console.log(`${c.key.padEnd(48)} ${String(c.both).padStart(5)} ${String(c.missed).padStart(6)} ${String(c.extra).padStart(5)}`);
  }
  console.log(`yes/no criteria against the extracted entities: ${criteria.both} read in both, ${criteria.missed} missed, ${criteria.extra} extra (--criteria lists them).`);
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  console.log(JSON.stringify({ rows: e.rows, answered: e.answered, correct: e.correct, coverage: r4(e.rows ? e.answered / e.rows : 0), precision: r4(e.answered ? e.correct / e.answered : 0), accuracy: r4(e.rows ? e.correct / e.rows : 0), criteria }));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
