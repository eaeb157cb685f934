/**
 * `input-not-analysed`: says plainly when a note was not analysed (binary, over the size limit),
 * so silence is never mistaken for "no findings".
 */
import type { Finding, Rule } from '../findings';

export const inputNotAnalysed: Rule = {
  id: 'input-not-analysed',
  description: 'The note was not analysed because it is binary or over the size limit.',
  run({ note }): Finding[] {
    const p = note.inputProblem;
    if (!p || p.kind === 'empty') return [];
    return [
      {
        code: 'input-not-analysed',
        severity: 'warning',
        message: p.message,
        span: { start: 0, end: 0 },
      },
    ];
  },
};
