import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ITEMS_PLACEHOLDER, jsonItem, spliceChunks, spliceItems } from '../../server/src/cli/jsonSplice';

const VALUES: unknown[] = [
  { path: 'a.cnote', findings: [], note: { spans: [{ start: 0, end: 3 }], text: 'line\nbreak "quoted" \u0000 \u2028' } },
  {},
  [],
  [[], {}, [1, [2, [3]]]],
  'a string',
  42,
  null,
  { nested: { deeper: { deepest: [true, false] } } },
];

describe('jsonSplice', () => {
  test('an item rendered at depth d is exactly its lines in JSON.stringify of the whole', () => {
    for (const depth of [0, 2, 4, 8]) {
      for (const v of VALUES) {
        const expected = JSON.stringify(v, null, 2).split('\n').join(`\n${' '.repeat(depth)}`);
        assert.equal(jsonItem(v, depth), expected, `${depth} ${JSON.stringify(v)}`);
      }
    }
  });

  test('splicing items into a skeleton equals stringifying the whole document', () => {
    const doc = (files: unknown): unknown => ({ tool: { name: 't', version: '1' }, files, after: [1] });
    assert.equal(spliceItems(doc(ITEMS_PLACEHOLDER), VALUES.map((v) => jsonItem(v, 4)), 4), JSON.stringify(doc(VALUES), null, 2));
    assert.equal(spliceItems(doc(ITEMS_PLACEHOLDER), [], 4), JSON.stringify(doc([]), null, 2));
    const sarif = (results: unknown): unknown => ({ runs: [{ tool: {}, results, invocations: [] }] });
    assert.equal(spliceItems(sarif(ITEMS_PLACEHOLDER), VALUES.map((v) => jsonItem(v, 8)), 8), JSON.stringify(sarif(VALUES), null, 2));
  });

  test('many large items come out in bounded chunks whose concatenation is the document', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ path: `n${i}.cnote`, text: 'x'.repeat(1000 + i) }));
    const doc = (files: unknown): unknown => ({ summary: { files: many.length }, files });
    const chunks = spliceChunks(doc(ITEMS_PLACEHOLDER), many.map((v) => jsonItem(v, 4)), 4);
    assert.ok(chunks.length > 1, 'one chunk for ~400 KB of items');
    assert.ok(chunks.every((c) => c.length < 2 * 65536), 'every chunk stays near the chunk size');
    assert.equal(chunks.join(''), JSON.stringify(doc(many), null, 2));
  });

  test('a skeleton without the placeholder, or items at the wrong depth, is a programming error', () => {
    assert.throws(() => spliceItems({ files: [] }, [], 4), /no items placeholder/);
    assert.throws(() => spliceItems({ files: ITEMS_PLACEHOLDER }, [], 8), /expected 4/);
  });
});
