import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/clinical/analyze';
import type { Finding, Rule } from '../../../server/src/clinical/findings';
import { RULES } from '../../../server/src/clinical/rules/index';
import { parseNote } from '../../../server/src/note/parseNote';

const rule = (id: string, findings: Finding[]): Rule => ({ id, description: id, run: () => findings });
const f = (code: string, start: number, severity: Finding['severity'] = 'warning'): Finding => ({ code, severity, message: code, span: { start, end: start + 1 } });

describe('analysis pipeline', () => {
  const input = { text: 'HPI: cough', note: parseNote('HPI: cough') };

  test('findings come back in text order, critical first at the same place', () => {
    const out = analyze(input, { rules: [rule('a', [f('a', 5), f('a', 1, 'advisory')]), rule('b', [f('b', 1, 'critical')])] });
    assert.deepEqual(out.map((x) => [x.code, x.span.start, x.severity]), [
      ['b', 1, 'critical'],
      ['a', 1, 'advisory'],
      ['a', 5, 'warning'],
    ]);
  });

  test('disabled rules do not run and their codes are dropped', () => {
    let ran = false;
    const spy: Rule = { id: 'spy', description: '', run: () => ((ran = true), [f('spy', 0)]) };
    assert.deepEqual(analyze(input, { rules: [spy], disabledRules: ['spy'] }), []);
    assert.equal(ran, false);
  });

  test('a rule that throws becomes an internal-error finding and the others still run', () => {
    const broken: Rule = { id: 'broken', description: '', run: () => { throw new TypeError('boom'); } };
    const out = analyze(input, { rules: [broken, rule('ok', [f('ok', 2)])] });
    assert.deepEqual(out.map((x) => x.code).sort(), ['internal-error', 'ok']);
    assert.match(out.find((x) => x.code === 'internal-error')!.message, /Rule broken failed \(TypeError\)/);
  });

  test('built-in rules have unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('input-not-analysed reports binary and oversized notes, not empty ones', () => {
    const bin = parseNote('PNG\u0000\u0001\u0002');
    assert.equal(analyze({ text: '', note: bin })[0]?.code, 'input-not-analysed');
    const big = parseNote('x'.repeat(2048), { maxLength: 1024 });
    assert.match(analyze({ text: '', note: big })[0]?.message ?? '', /over the 0 MiB analysis limit|not analysed/);
    assert.deepEqual(analyze({ text: '', note: parseNote('') }), []);
  });
});
