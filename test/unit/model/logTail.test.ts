/**
 * The tail of llama.cpp's log lines that explains failures and reports the KV-cache size: marks
 * must keep counting once the tail is full (a model load logs hundreds of lines), and lines that
 * arrive late (llama.cpp logs from worker threads) must be waited for.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LogTail } from '../../../server/src/model/llamaBackend';

describe('LogTail', () => {
  test('since(mark) returns only the lines after the mark, even after the tail overflowed', () => {
    const tail = new LogTail(5);
    for (let i = 0; i < 12; i++) tail.push(`load ${i}`);
    const mark = tail.mark();
    assert.equal(mark, 12);
    assert.deepEqual(tail.since(mark), []);
    tail.push('context a');
    tail.push('context b');
    assert.deepEqual(tail.since(mark), ['context a', 'context b']);
    assert.deepEqual(tail.since(), ['load 9', 'load 10', 'load 11', 'context a', 'context b']);
  });

  test('a mark older than the kept lines returns what is kept', () => {
    const tail = new LogTail(3);
    const mark = tail.mark();
    for (let i = 0; i < 10; i++) tail.push(`line ${i}`);
    assert.deepEqual(tail.since(mark), ['line 7', 'line 8', 'line 9']);
  });

  test('clear keeps marks monotonic', () => {
    const tail = new LogTail(10);
    tail.push('a');
    tail.push('b');
    tail.clear();
    const mark = tail.mark();
    assert.equal(mark, 2);
    tail.push('c');
    assert.deepEqual(tail.since(mark), ['c']);
    assert.deepEqual(tail.since(), ['c']);
  });

  test('kvCacheBytes sums llama.cpp\'s KV size lines after the mark (both caches of a sliding-window model)', () => {
    const tail = new LogTail();
    tail.push('llama_kv_cache: size =    9.00 MiB (  2048 cells,   1 layers,  1/1 seqs), K (f16):    4.50 MiB, V (f16):    4.50 MiB');
    const mark = tail.mark();
    assert.equal(tail.kvCacheBytes(mark), undefined, 'no size line yet');
    tail.push('llama_kv_cache_iswa: creating non-SWA KV cache, size = 2048 cells');
    tail.push('llama_kv_cache: size =    2.00 MiB (  2048 cells,   1 layers,  2/2 seqs), K (f16):    1.00 MiB, V (f16):    1.00 MiB');
    tail.push('llama_kv_cache_iswa: creating     SWA KV cache, size = 768 cells');
    tail.push('llama_kv_cache: size =    3.75 MiB (   768 cells,   5 layers,  2/2 seqs), K (f16):    1.88 MiB, V (f16):    1.88 MiB');
    assert.equal(tail.kvCacheBytes(mark), 5.75 * 1024 * 1024);
    assert.equal(tail.kvCacheBytes(), (9 + 5.75) * 1024 * 1024);
  });

  test('settle waits for lines that arrive after the caller resumed', async () => {
    const tail = new LogTail();
    const mark = tail.mark();
    // Lines delivered a little later, as node-llama-cpp delivers llama.cpp's worker-thread logs.
    const late = setTimeout(() => tail.push('llama_kv_cache: size =    1.00 MiB (late)'), 5);
    try {
      await tail.settle();
      assert.equal(tail.kvCacheBytes(mark), 1024 * 1024);
    } finally {
      clearTimeout(late);
    }
  });

  test('settle gives up after maxMs when lines keep coming', async () => {
    const tail = new LogTail();
    const chatter = setInterval(() => tail.push('busy'), 2);
    try {
      const started = Date.now();
      await tail.settle(20, 100);
      assert.ok(Date.now() - started < 2000, 'bounded');
    } finally {
      clearInterval(chatter);
    }
  });
});
