/**
 * Stop strings while streaming: where the text is cut, and how much of it may be shown before
 * the next token (text that could still turn into a stop string is held back).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { firstStop, safePrefix } from '../../../server/src/model/llamaTextModel';

describe('firstStop', () => {
  test('the earliest occurrence of any stop string', () => {
    assert.equal(firstStop('abc\n\nEND', ['END', '\n\n']), 3);
    assert.equal(firstStop('abc END', ['END', 'zzz']), 4);
    assert.equal(firstStop('abc', ['END']), -1);
    assert.equal(firstStop('abc', []), -1);
    assert.equal(firstStop('ENDabc', ['END']), 0);
  });
});

describe('safePrefix', () => {
  test('no stop strings: everything is safe', () => {
    assert.equal(safePrefix('hello', []), 5);
  });

  test('a suffix that starts a stop string is held back', () => {
    // "…\n" could become "\n\n".
    assert.equal(safePrefix('Plan:\n', ['\n\n']), 5);
    // "<en" could become "<end>".
    assert.equal(safePrefix('done <en', ['<end>']), 5);
    assert.equal(safePrefix('done <', ['<end>']), 5);
  });

  test('the longest such suffix over all stop strings', () => {
    assert.equal(safePrefix('text ab', ['abc', 'b']), 5);
    assert.equal(safePrefix('text ab', ['b', 'abc']), 5);
  });

  test('text that cannot start a stop string is released', () => {
    assert.equal(safePrefix('done <x', ['<end>']), 7);
    assert.equal(safePrefix('Plan:', ['\n\n']), 5);
  });

  test('text shorter than the stop string', () => {
    assert.equal(safePrefix('<e', ['<end>']), 0);
    assert.equal(safePrefix('', ['<end>']), 0);
  });
});
