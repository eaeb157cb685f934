/** Word tokens and drug-name lookup, including text whose lower-casing changes its length. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findDrugNames, wordTokens } from '../../../server/src/note/drugLexicon';

describe('wordTokens', () => {
  test('offsets index the original text and norms are lower case', () => {
    const text = 'Start Aspirin 81mg, then METOPROLOL.';
    const toks = wordTokens(text);
    assert.deepEqual(
      toks.map((t) => [text.slice(t.start, t.end), t.norm]),
      [['Start', 'start'], ['Aspirin', 'aspirin'], ['81mg', '81mg'], ['then', 'then'], ['METOPROLOL', 'metoprolol']],
    );
  });

  test('a range inside the text, and a character whose lower case is two (İ), keep offsets exact', () => {
    const text = 'İstanbul visit: Warfarin 5 mg and İbuprofen.';
    const from = text.indexOf('Warfarin');
    const toks = wordTokens(text, from);
    assert.deepEqual(toks.map((t) => text.slice(t.start, t.end)), ['Warfarin', '5', 'mg', 'and', 'İbuprofen']);
    assert.equal(toks[0]!.norm, 'warfarin');
    const all = wordTokens(text);
    assert.equal(text.slice(all[0]!.start, all[0]!.end), 'İstanbul');
    assert.equal(all.find((t) => t.start === from)?.norm, 'warfarin');
  });

  test('drug names are found with their spans whatever the case', () => {
    const text = 'İ. Meds: WARFARIN 5 mg daily; aspirin 81 mg.';
    const names = findDrugNames(text).map((m) => text.slice(m.start, m.end));
    assert.deepEqual(names, ['WARFARIN', 'aspirin']);
  });
});
