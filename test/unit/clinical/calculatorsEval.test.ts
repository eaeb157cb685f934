/**
 * The MedCalc-Bench scoring used by bench/evalMedcalc.ts, on a tiny inline fixture (made-up rows
 * in the benchmark's format; no benchmark data).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateMedcalc, gestationalDays, parseCorrectedCsv, parseMedcalcJsonl, scoreAnswer, type Label } from '../../../bench/evalMedcalc';

const label = (answer: string, lower = answer, upper = answer): Label => ({ answer, lower, upper });

describe('scoreAnswer', () => {
  test('decimals: inside [lower, upper] inclusive', () => {
    assert.equal(scoreAnswer('decimal', 22.857, label('22.9', '21.755', '24.045')), true);
    assert.equal(scoreAnswer('decimal', 21.755, label('22.9', '21.755', '24.045')), true);
    assert.equal(scoreAnswer('decimal', 25, label('22.9', '21.755', '24.045')), false);
    assert.equal(scoreAnswer('decimal', -0.3, label('-0.31', '-0.3255', '-0.2945')), true);
  });

  test('integers: exact after rounding the prediction, whatever the window says', () => {
    assert.equal(scoreAnswer('integer', 5, label('5', '4.75', '5.25')), true);
    assert.equal(scoreAnswer('integer', 5.2, label('5', '4.75', '5.25')), true);
    assert.equal(scoreAnswer('integer', 6, label('5', '4.75', '6.25')), false);
  });

  test('dates: normalised before comparing', () => {
    assert.equal(scoreAnswer('date', '09/02/2014', label('9/2/2014')), true);
    assert.equal(scoreAnswer('date', '2014-09-02', label('09/02/2014')), true);
    assert.equal(scoreAnswer('date', '09/03/2014', label('09/02/2014')), false);
    assert.equal(scoreAnswer('date', 'soon', label('09/02/2014')), false);
  });

  test("gestational age: the original ('14 weeks', '1 days') form is 99 days", () => {
    assert.equal(gestationalDays("('14 weeks', '1 days')"), 99);
    assert.equal(scoreAnswer('integer', 99, label("('14 weeks', '1 days')")), true);
    assert.equal(scoreAnswer('integer', 99, label('99', '94.05', '103.95')), true);
    assert.equal(scoreAnswer('integer', Number.NaN, label('99')), false);
  });
});

describe('evaluateMedcalc', () => {
  const jsonl = [
    { 'Row Number': '1', 'Calculator ID': '6', 'Calculator Name': 'Body Mass Index (BMI)', 'Output Type': 'decimal', 'Relevant Entities (parsed)': { weight: [70, 'kg'], height: [175, 'cm'] }, 'Ground Truth Answer': '22.857', 'Lower Limit': '21.714', 'Upper Limit': '24.0' },
    { 'Row Number': '2', 'Calculator ID': '6', 'Calculator Name': 'Body Mass Index (BMI)', 'Output Type': 'decimal', 'Relevant Entities (parsed)': { weight: [70, 'kg'], height: [175, 'cm'] }, 'Ground Truth Answer': '30', 'Lower Limit': '28.5', 'Upper Limit': '31.5' },
    { 'Row Number': '3', 'Calculator ID': '21', 'Calculator Name': 'Glasgow Coma Score (GCS)', 'Output Type': 'integer', 'Relevant Entities (parsed)': { 'Best eye response': 'no eye opening', 'Best verbal response': 'no verbal response', 'Best motor response': 'no motor response' }, 'Ground Truth Answer': '3', 'Lower Limit': '3', 'Upper Limit': '3' },
    { 'Row Number': '4', 'Calculator ID': '12', 'Calculator Name': 'Not a calculator', 'Output Type': 'integer', 'Relevant Entities (parsed)': {}, 'Ground Truth Answer': '1', 'Lower Limit': '1', 'Upper Limit': '1' },
    { 'Row Number': '5', 'Calculator ID': '6', 'Calculator Name': 'Body Mass Index (BMI)', 'Output Type': 'decimal', 'Relevant Entities (parsed)': { weight: [70, 'kg'] }, 'Ground Truth Answer': '22.857', 'Lower Limit': '21.714', 'Upper Limit': '24.0' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\r\n');
  // Row 2's label is corrected to the right value; row 3 is marked not computable.
  const csv = 'Unique ID,Calculator Name,Question,Patient Note,Ground Truth Answer,Lower Limit,Upper Limit\n2,BMI,q,"a note, with a comma",22.86,21.717,24.003\n3,GCS,q,n,N/A,N/A,N/A\n';

  test('corrected labels win, N/A rows are excluded, unknown calculators and compute errors are counted', () => {
    const e = evaluateMedcalc(parseMedcalcJsonl(jsonl), parseCorrectedCsv(csv), []);
    assert.deepEqual(
      { ...e.summary, accuracy: Math.round(e.summary.accuracy * 1000) / 1000, adjudicatedAccuracy: Math.round(e.summary.adjudicatedAccuracy * 1000) / 1000 },
      {
        calculators: 55,
        rows: 3,
        correct: 2,
        accuracy: 0.667,
        excluded: 1,
        unimplementedRows: 1,
        correctedLabels: 1,
        computeErrors: 1,
        disputed: 0,
        disputedByKind: { 'label-error': 0, 'entity-gap': 0, convention: 0 },
        adjudicatedCorrect: 2,
        adjudicatedAccuracy: 0.667,
        belowFloor: [6],
      },
    );
    const bmiRow = e.perCalculator.find((s) => s.medcalcId === 6);
    assert.deepEqual(bmiRow && { rows: bmiRow.rows, correct: bmiRow.correct }, { rows: 3, correct: 2 });
    assert.equal(e.outcomes.find((o) => o.row.rowNumber === '2')?.labelSource, 'corrected');
  });

  test('a dispute scores its row against the disputed value, only while the label still matches', () => {
    // Without corrections: row 1 is right (22.857), row 2's label 30 is a miss, row 5 cannot be computed.
    const rows = parseMedcalcJsonl(jsonl);
    const dispute = { row: 2, medcalcId: 6, label: '30', source: 'original' as const, kind: 'label-error' as const, expected: 22.857, entities: {} };
    const bmi = (e: ReturnType<typeof evaluateMedcalc>) => {
      const s = e.perCalculator.find((x) => x.medcalcId === 6)!;
      return { correct: s.correct, adjudicated: s.adjudicatedCorrect, disputed: s.disputed };
    };
    assert.deepEqual(bmi(evaluateMedcalc(rows, new Map(), [])), { correct: 1, adjudicated: 1, disputed: 0 });
    // Disputed with the calculator's value: adjudicated-correct; the raw figure does not move.
    assert.deepEqual(bmi(evaluateMedcalc(rows, new Map(), [dispute])), { correct: 1, adjudicated: 2, disputed: 1 });
    // A dispute expecting another value than the calculator now gives stays a miss.
    assert.deepEqual(bmi(evaluateMedcalc(rows, new Map(), [{ ...dispute, expected: 23 }])), { correct: 1, adjudicated: 1, disputed: 1 });
    // Disputing a row the calculator gets right, with a stale value, makes the adjudicated figure stricter.
    assert.deepEqual(bmi(evaluateMedcalc(rows, new Map(), [{ ...dispute, row: 1, label: '22.857', expected: 23 }])), { correct: 1, adjudicated: 0, disputed: 1 });
    // A dispute written for another label (or calculator) does not apply.
    assert.deepEqual(bmi(evaluateMedcalc(rows, new Map(), [{ ...dispute, label: '31' }])), { correct: 1, adjudicated: 1, disputed: 0 });
    assert.deepEqual(bmi(evaluateMedcalc(rows, new Map(), [{ ...dispute, medcalcId: 21 }])), { correct: 1, adjudicated: 1, disputed: 0 });
  });

  test('empty input gives zero rows, not NaN', () => {
    const e = evaluateMedcalc(parseMedcalcJsonl(''), new Map());
    assert.equal(e.summary.rows, 0);
    assert.equal(e.summary.accuracy, 0);
  });
});
