import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ModelView, ModelStatusStore } from '../../../client/src/model/statusStore';

describe('ModelStatusStore', () => {
  test('starts with no status, a starting server and trusted unless told otherwise', () => {
    assert.deepEqual(new ModelStatusStore().current, { status: undefined, server: 'starting', trusted: true, busy: undefined });
    assert.equal(new ModelStatusStore({ trusted: false }).current.trusted, false);
  });

  test('tells listeners about changes with the previous snapshot, and only about changes', () => {
    const store = new ModelStatusStore();
    const seen: [ModelView, ModelView][] = [];
    store.onDidChange((view, previous) => seen.push([view, previous]));
    const status = { state: 'none' as const };
    store.update({ server: 'running', status });
    store.update({ server: 'running', status });
    store.update({ busy: undefined });
    assert.equal(seen.length, 1);
    const [view, previous] = seen[0] ?? assert.fail('no change seen');
    assert.equal(view.server, 'running');
    assert.equal(view.status, status);
    assert.equal(previous.server, 'starting');
    assert.notEqual(view, previous, 'snapshots are never mutated');
    store.update({ busy: 'completion' });
    assert.equal(seen.length, 2);
    assert.equal(store.current.busy, 'completion');
  });

  test('a new status object counts as a change (the server sends fresh ones)', () => {
    const store = new ModelStatusStore();
    let count = 0;
    store.onDidChange(() => count++);
    store.update({ status: { state: 'downloading', progress: 0.1 } });
    store.update({ status: { state: 'downloading', progress: 0.1 } });
    assert.equal(count, 2);
  });

  test('a disposed listener and a disposed store stop notifying', () => {
    const store = new ModelStatusStore();
    let a = 0;
    let b = 0;
    const subA = store.onDidChange(() => a++);
    store.onDidChange(() => b++);
    store.update({ server: 'running' });
    subA.dispose();
    subA.dispose();
    store.update({ server: 'stopped' });
    assert.deepEqual([a, b], [1, 2]);
    store.dispose();
    store.update({ server: 'running' });
    assert.equal(b, 2);
    assert.equal(store.current.server, 'stopped');
  });

  test('a listener that unsubscribes while notified does not disturb the others', () => {
    const store = new ModelStatusStore();
    const calls: string[] = [];
    const first = store.onDidChange(() => {
      calls.push('first');
      first.dispose();
    });
    store.onDidChange(() => calls.push('second'));
    store.update({ trusted: false });
    store.update({ trusted: true });
    assert.deepEqual(calls, ['first', 'second', 'second']);
  });
});
