import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorForLog } from '../../server/src/logger';

describe('errorForLog', () => {
  test('keeps the error name and stack frames, drops the message (it may quote note text)', () => {
    const logged = errorForLog(new TypeError('cannot parse "Patient Jane Doe, K 6.4"'));
    assert.match(logged, /^TypeError\n\s+at /);
    assert.ok(!logged.includes('Jane Doe'));
    assert.equal(errorForLog('a thrown string with note text'), 'string');
  });
});
