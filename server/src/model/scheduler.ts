/**
 * Who gets the model next (pure, no model): one piece of work evaluates at a time, waiting work
 * runs highest priority first (inline completion before interactive before background, FIFO
 * within a class), and a newer request for the same document aborts the older one.
 */
import type { Priority } from './types';

const RANK: Record<Priority, number> = { inline: 0, interactive: 1, background: 2 };

export class AbortedError extends Error {
  override readonly name = 'AbortedError';
  constructor() {
    super('aborted');
  }
}

interface Waiter {
  rank: number;
  seq: number;
  grant(): void;
}

/** A mutex whose waiters are served by priority. */
export class PriorityGate {
  private held = false;
  private waiters: Waiter[] = [];
  private counter = 0;

  /** Resolves with a release function once the caller holds the gate; rejects with `AbortedError` if `signal` aborts first. */
  acquire(priority: Priority, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        rank: RANK[priority],
        seq: this.counter++,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new AbortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** True when work of a higher priority than `priority` is waiting (long work should yield). */
  hasWaitingAbove(priority: Priority): boolean {
    const rank = RANK[priority];
    return this.waiters.some((w) => w.rank < rank);
  }

  get waiting(): number {
    return this.waiters.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.next();
    };
  }

  private next(): void {
    if (this.waiters.length === 0) {
      this.held = false;
      return;
    }
    let best = 0;
    this.waiters.forEach((w, i) => {
      const b = this.waiters[best];
      if (b && (w.rank < b.rank || (w.rank === b.rank && w.seq < b.seq))) best = i;
    });
    const [w] = this.waiters.splice(best, 1);
    w?.grant();
  }
}

/** Per key, the latest request wins: starting one aborts (and waits out) the previous one. */
export class LatestPerKey {
  private running = new Map<string, { controller: AbortController; done: Promise<unknown> }>();

  /**
   * Runs `work` for `key` after aborting and awaiting the request already running for it. The
   * work's signal aborts when a newer request for the key starts, when `signal` aborts, or when
   * `abortAll` is called.
   */
  async run<T>(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const previous = this.running.get(key);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) controller.abort();
    const done = (async () => {
      if (previous) {
        previous.controller.abort();
        await previous.done.catch(() => undefined);
      }
      return work(controller.signal);
    })();
    const entry = { controller, done };
    this.running.set(key, entry);
    try {
      return await done;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (this.running.get(key) === entry) this.running.delete(key);
    }
  }

  abortAll(): void {
    for (const { controller } of this.running.values()) controller.abort();
  }

  /** Settles when everything running has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }
}

/**
 * Assigns a fixed set of slots (KV sequences) to keys, least recently used first when there are
 * more keys than slots.
 */
export class SlotPool<S> {
  private owner = new Map<S, string>();
  private byKey = new Map<string, S>();
  private lastUse = new Map<S, number>();
  private clock = 0;

  constructor(private readonly slots: readonly S[]) {
    if (slots.length === 0) throw new Error('no slots');
  }

  /** The key's slot; `evicted` when it was taken from another key (its cache no longer matches). */
  acquire(key: string, isBusy: (slot: S) => boolean = () => false): { slot: S; evicted: boolean } {
    const mine = this.byKey.get(key);
    if (mine !== undefined) {
      this.lastUse.set(mine, ++this.clock);
      return { slot: mine, evicted: false };
    }
    const free = this.slots.find((s) => !this.owner.has(s));
    let slot = free;
    if (slot === undefined) {
      const candidates = this.slots.filter((s) => !isBusy(s));
      const pool = candidates.length > 0 ? candidates : this.slots;
      slot = pool.reduce((a, b) => ((this.lastUse.get(a) ?? 0) <= (this.lastUse.get(b) ?? 0) ? a : b));
      const previous = this.owner.get(slot);
      if (previous !== undefined) this.byKey.delete(previous);
    }
    this.owner.set(slot, key);
    this.byKey.set(key, slot);
    this.lastUse.set(slot, ++this.clock);
    return { slot, evicted: free === undefined };
  }

  release(key: string): S | undefined {
    const slot = this.byKey.get(key);
    if (slot === undefined) return undefined;
    this.byKey.delete(key);
    this.owner.delete(slot);
    return slot;
  }

  keyOf(slot: S): string | undefined {
    return this.owner.get(slot);
  }
}
