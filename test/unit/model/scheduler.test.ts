/**
 * Scheduling without a model: the priority gate, latest-request-wins per key, and the LRU slot
 * pool, driven by scripted work whose completion the test controls.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AbortedError, LatestPerKey, PriorityGate, SlotPool } from '../../../server/src/model/scheduler';
import type { Priority } from '../../../server/src/model/types';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued promise callback run (no timers involved). */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('PriorityGate', () => {
  test('a free gate is granted at once; waiters run inline, then interactive, then background, FIFO within each', async () => {
    const gate = new PriorityGate();
    const release = await gate.acquire('background');
    const order: string[] = [];
    const queued: Array<[string, Priority]> = [
      ['bg1', 'background'],
      ['int1', 'interactive'],
      ['in1', 'inline'],
      ['bg2', 'background'],
      ['in2', 'inline'],
      ['int2', 'interactive'],
    ];
    const all = queued.map(async ([name, priority]) => {
      const done = await gate.acquire(priority);
      order.push(name);
      done();
    });
    assert.equal(gate.waiting, 6);
    await flush();
    assert.deepEqual(order, [], 'nobody runs while the gate is held');
    release();
    await Promise.all(all);
    assert.deepEqual(order, ['in1', 'in2', 'int1', 'int2', 'bg1', 'bg2']);
    assert.equal(gate.waiting, 0);
  });

  test('work arriving while a waiter is being granted still queues behind the holder', async () => {
    const gate = new PriorityGate();
    const first = await gate.acquire('interactive');
    const second = gate.acquire('background');
    first();
    const releaseSecond = await second;
    let thirdGranted = false;
    const third = gate.acquire('inline').then((r) => {
      thirdGranted = true;
      return r;
    });
    await flush();
    assert.equal(thirdGranted, false, 'the gate is held by the second');
    releaseSecond();
    (await third)();
    assert.equal(thirdGranted, true);
  });

  test('releasing twice hands the gate on only once', async () => {
    const gate = new PriorityGate();
    const release = await gate.acquire('inline');
    const granted: string[] = [];
    const a = gate.acquire('interactive').then((r) => {
      granted.push('a');
      return r;
    });
    const b = gate.acquire('interactive').then((r) => {
      granted.push('b');
      return r;
    });
    release();
    release();
    await flush();
    assert.deepEqual(granted, ['a']);
    (await a)();
    (await b)();
    assert.deepEqual(granted, ['a', 'b']);
  });

  test('aborting a waiter rejects it with AbortedError and the others still get the gate', async () => {
    const gate = new PriorityGate();
    const release = await gate.acquire('background');
    const controller = new AbortController();
    const aborted = gate.acquire('inline', controller.signal);
    const other = gate.acquire('background');
    assert.equal(gate.waiting, 2);
    assert.equal(gate.hasWaitingAbove('background'), true);
    controller.abort();
    await assert.rejects(aborted, AbortedError);
    assert.equal(gate.waiting, 1);
    assert.equal(gate.hasWaitingAbove('background'), false, 'the aborted inline waiter is gone');
    release();
    const releaseOther = await other;
    releaseOther();
    // The gate is free again.
    (await gate.acquire('background'))();
  });

  test('an already-aborted signal is refused even when the gate is free, without taking it', async () => {
    const gate = new PriorityGate();
    await assert.rejects(gate.acquire('inline', AbortSignal.abort()), AbortedError);
    const release = await gate.acquire('background');
    release();
  });

  test('aborting after the grant changes nothing', async () => {
    const gate = new PriorityGate();
    const first = await gate.acquire('inline');
    const controller = new AbortController();
    const second = gate.acquire('interactive', controller.signal);
    first();
    const releaseSecond = await second;
    controller.abort();
    let thirdGranted = false;
    const third = gate.acquire('background').then((r) => {
      thirdGranted = true;
      return r;
    });
    await flush();
    assert.equal(thirdGranted, false, 'the second still holds the gate');
    releaseSecond();
    (await third)();
  });

  test('hasWaitingAbove compares with strictly higher classes', async () => {
    const gate = new PriorityGate();
    const release = await gate.acquire('background');
    assert.equal(gate.hasWaitingAbove('background'), false, 'nobody waiting');
    const bg = gate.acquire('background');
    assert.equal(gate.hasWaitingAbove('background'), false, 'same class does not count');
    const int = gate.acquire('interactive');
    assert.equal(gate.hasWaitingAbove('background'), true);
    assert.equal(gate.hasWaitingAbove('interactive'), false);
    assert.equal(gate.hasWaitingAbove('inline'), false);
    const inl = gate.acquire('inline');
    assert.equal(gate.hasWaitingAbove('interactive'), true);
    assert.equal(gate.hasWaitingAbove('inline'), false);
    release();
    (await inl)();
    (await int)();
    (await bg)();
    assert.equal(gate.waiting, 0);
  });
});

describe('LatestPerKey', () => {
  test('a newer request for a key aborts the older and starts only after the older has finished', async () => {
    const latest = new LatestPerKey();
    const events: string[] = [];
    const olderMayFinish = deferred();
    let olderSignal: AbortSignal | undefined;
    const older = latest.run('doc', undefined, async (signal) => {
      olderSignal = signal;
      events.push('older start');
      await olderMayFinish.promise;
      events.push(`older end (aborted: ${signal.aborted})`);
      return 'older';
    });
    await flush();
    const newer = latest.run('doc', undefined, async (signal) => {
      events.push(`newer start (aborted: ${signal.aborted})`);
      return 'newer';
    });
    await flush();
    assert.equal(olderSignal?.aborted, true, 'the older request was told to stop');
    assert.deepEqual(events, ['older start'], 'the newer waits for the older to wind down');
    olderMayFinish.resolve();
    assert.equal(await older, 'older');
    assert.equal(await newer, 'newer');
    assert.deepEqual(events, ['older start', 'older end (aborted: true)', 'newer start (aborted: false)']);
  });

  test('an older request that fails does not stop the newer one', async () => {
    const latest = new LatestPerKey();
    const gate = deferred();
    const older = latest.run('doc', undefined, async () => {
      await gate.promise;
      throw new Error('boom');
    });
    const newer = latest.run('doc', undefined, () => Promise.resolve(42));
    gate.resolve();
    await assert.rejects(older, /boom/);
    assert.equal(await newer, 42);
  });

  test('requests for other keys are not aborted and do not wait', async () => {
    const latest = new LatestPerKey();
    const hold = deferred();
    let aSignal: AbortSignal | undefined;
    const a = latest.run('a', undefined, async (signal) => {
      aSignal = signal;
      await hold.promise;
      return signal.aborted;
    });
    const b = await latest.run('b', undefined, (signal) => Promise.resolve(signal.aborted));
    assert.equal(b, false);
    assert.equal(aSignal?.aborted, false, 'a request for another key leaves a alone');
    hold.resolve();
    assert.equal(await a, false);
  });

  test('the caller\'s signal aborts the work, already aborted or later', async () => {
    const latest = new LatestPerKey();
    assert.equal(await latest.run('k', AbortSignal.abort(), (signal) => Promise.resolve(signal.aborted)), true);

    const controller = new AbortController();
    const started = deferred();
    const running = latest.run('k', controller.signal, async (signal) => {
      started.resolve();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      return 'stopped';
    });
    await started.promise;
    controller.abort();
    assert.equal(await running, 'stopped');
  });

  test('abortAll aborts every key; idle settles when all of it has finished', async () => {
    const latest = new LatestPerKey();
    const finish = { a: deferred(), b: deferred() };
    const signals: AbortSignal[] = [];
    const runs = (['a', 'b'] as const).map((key) =>
      latest.run(key, undefined, async (signal) => {
        signals.push(signal);
        await finish[key].promise;
      }),
    );
    await flush();
    let idle = false;
    const idlePromise = latest.idle().then(() => {
      idle = true;
    });
    latest.abortAll();
    assert.deepEqual(
      signals.map((s) => s.aborted),
      [true, true],
    );
    finish.a.resolve();
    await flush();
    assert.equal(idle, false, 'b is still running');
    finish.b.reject(new Error('b failed'));
    await idlePromise;
    assert.equal(idle, true);
    await runs[0];
    await assert.rejects(runs[1]!, /b failed/);
  });

  test('idle with nothing running settles at once', async () => {
    await new LatestPerKey().idle();
  });
});

describe('SlotPool', () => {
  test('free slots first, then the least recently used key loses its slot', () => {
    const pool = new SlotPool(['s0', 's1']);
    assert.deepEqual(pool.acquire('a'), { slot: 's0', evicted: false });
    assert.deepEqual(pool.acquire('b'), { slot: 's1', evicted: false });
    // a is the least recently used.
    assert.deepEqual(pool.acquire('c'), { slot: 's0', evicted: true });
    assert.equal(pool.keyOf('s0'), 'c');
    // Now b is; a comes back and takes b's slot.
    assert.deepEqual(pool.acquire('a'), { slot: 's1', evicted: true });
    assert.equal(pool.keyOf('s1'), 'a');
  });

  test('using a key refreshes it', () => {
    const pool = new SlotPool(['s0', 's1']);
    pool.acquire('a');
    pool.acquire('b');
    assert.deepEqual(pool.acquire('a'), { slot: 's0', evicted: false });
    assert.deepEqual(pool.acquire('c'), { slot: 's1', evicted: true }, 'b, not a, was least recently used');
    assert.equal(pool.keyOf('s0'), 'a');
  });

  test('busy slots are skipped while another can be taken', () => {
    const pool = new SlotPool(['s0', 's1', 's2']);
    pool.acquire('a');
    pool.acquire('b');
    pool.acquire('c');
    const busy = new Set(['s0']);
    assert.deepEqual(pool.acquire('d', (s) => busy.has(s)), { slot: 's1', evicted: true }, 'a is LRU but busy: b goes');
    assert.equal(pool.keyOf('s0'), 'a');
  });

  test('when every slot is busy the least recently used is taken anyway (its user sees it lost the slot)', () => {
    const pool = new SlotPool(['s0', 's1']);
    pool.acquire('a');
    pool.acquire('b');
    assert.deepEqual(pool.acquire('c', () => true), { slot: 's0', evicted: true });
    assert.equal(pool.keyOf('s0'), 'c');
  });

  test('release frees the slot for the next key without an eviction', () => {
    const pool = new SlotPool(['s0', 's1']);
    pool.acquire('a');
    pool.acquire('b');
    assert.equal(pool.release('a'), 's0');
    assert.equal(pool.keyOf('s0'), undefined);
    assert.equal(pool.release('a'), undefined, 'releasing twice is harmless');
    assert.equal(pool.release('never-seen'), undefined);
    assert.deepEqual(pool.acquire('c'), { slot: 's0', evicted: false });
    assert.equal(pool.keyOf('s1'), 'b');
  });

  test('an evicted key has no slot until it asks again', () => {
    const pool = new SlotPool(['only']);
    pool.acquire('a');
    pool.acquire('b');
    assert.equal(pool.release('a'), undefined, 'a no longer owns a slot');
    assert.equal(pool.keyOf('only'), 'b');
  });

  test('a pool needs at least one slot', () => {
    assert.throws(() => new SlotPool([]), /no slots/);
  });
});
