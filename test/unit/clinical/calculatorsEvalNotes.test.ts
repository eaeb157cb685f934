/** The from-the-note MedCalc scoring (bench/evalMedcalcNotes.ts) on made-up rows in the benchmark's format. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMedcalcJsonl } from '../../../bench/evalMedcalc';
import { evaluateFromNotes } from '../../../bench/evalMedcalcNotes';

const row = (n: string, id: number, name: string, out: string, note: string, answer: string, lower = answer, upper = answer) =>
  JSON.stringify({ 'Row Number': n, 'Calculator ID': String(id), 'Calculator Name': name, 'Output Type': out, 'Patient Note': note, 'Ground Truth Answer': answer, 'Lower Limit': lower, 'Upper Limit': upper });

describe('evaluateFromNotes', () => {
  const jsonl = [
    // Answerable and right: 70 kg, 175 cm → 22.857.
    row('1', 6, 'Body Mass Index (BMI)', 'decimal', 'A 40-year-old man. Weight 70 kg, height 175 cm.', '22.857', '21.714', '24.0'),
    // Answerable and wrong (the label says 30).
    row('2', 6, 'Body Mass Index (BMI)', 'decimal', 'A 40-year-old man. Weight 70 kg, height 175 cm.', '30', '28.5', '31.5'),
    // No height in the note: abstained.
    row('3', 6, 'Body Mass Index (BMI)', 'decimal', 'A 40-year-old man weighing 70 kg.', '22.857', '21.714', '24.0'),
    // Corrected to N/A: excluded.
    row('4', 6, 'Body Mass Index (BMI)', 'decimal', 'Weight 70 kg, height 175 cm.', '22.857', '21.714', '24.0'),
    // Not a calculator here: skipped.
    row('5', 12, 'Not implemented', 'integer', 'Nothing.', '1'),
  ].join('\n');

  test('counts answered, right and abstained rows per calculator', () => {
    const e = evaluateFromNotes(parseMedcalcJsonl(jsonl, true), new Map([['4', { answer: 'N/A', lower: 'N/A', upper: 'N/A' }]]));
    assert.deepEqual({ rows: e.rows, answered: e.answered, correct: e.correct }, { rows: 3, answered: 2, correct: 1 });
    assert.deepEqual(e.perCalculator.map((s) => [s.medcalcId, s.rows, s.answered, s.correct]), [[6, 3, 2, 1]]);
  });

  test('yes/no criteria are compared with the extracted entities: both, missed, extra', () => {
    const cha = (n: string, note: string, entities: Record<string, unknown>) =>
      JSON.stringify({ 'Row Number': n, 'Calculator ID': '4', 'Calculator Name': 'CHA2DS2-VASc', 'Output Type': 'integer', 'Patient Note': note, 'Relevant Entities (parsed)': entities, 'Ground Truth Answer': '3', 'Lower Limit': '3', 'Upper Limit': '3' });
    const rows = [
      // Hypertension read from the note and extracted: both. Diabetes extracted, the note silent: missed.
      cha('1', '70 y/o man with atrial fibrillation and hypertension.', { age: [70, 'years'], sex: 'Male', 'Hypertension history': true, 'Diabetes history': true }),
      // CHF in the note, not extracted: extra.
      cha('2', '70 y/o man with atrial fibrillation and congestive heart failure.', { age: [70, 'years'], sex: 'Male' }),
    ].join('\n');
    const e = evaluateFromNotes(parseMedcalcJsonl(rows, true), new Map());
    assert.deepEqual(e.criteria, [
      { key: 'cha2ds2-vasc.chf', both: 0, missed: 0, extra: 1 },
      { key: 'cha2ds2-vasc.diabetes', both: 0, missed: 1, extra: 0 },
      { key: 'cha2ds2-vasc.hypertension', both: 1, missed: 0, extra: 0 },
    ]);
  });
});
