/**
 * A minimal test runner for the extension host (no mocha): named async tests run one after
 * another, each under a timeout; results are printed, and `runAll` rejects when any failed, which
 * makes @vscode/test-electron exit non-zero.
 */
import * as vscode from 'vscode';

export interface HostTest {
  name: string;
  timeoutMs?: number;
  run(): Promise<void>;
}

export async function runAll(tests: readonly HostTest[]): Promise<void> {
  let failed = 0;
  for (const t of tests) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs ?? 60_000} ms`)), t.timeoutMs ?? 60_000);
        }),
      ]);
      console.log(`  ✔ ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.error(`  ✖ ${t.name} (${Date.now() - started} ms)\n    ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log(`ℹ tests ${tests.length}\nℹ pass ${tests.length - failed}\nℹ fail ${failed}`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
}

/**
 * Resolves with `compute()`'s value once it is defined, checking now and after every `event`;
 * rejects after `timeoutMs`. Waits on an event, never on a fixed sleep.
 */
export function when<T, E>(event: vscode.Event<E>, compute: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = (f: () => void): void => {
      clearTimeout(timer);
      sub.dispose();
      f();
    };
    const check = (): void => {
      try {
        const v = compute();
        if (v !== undefined) done(() => resolve(v));
      } catch (err) {
        done(() => reject(err instanceof Error ? err : new Error(String(err))));
      }
    };
    const timer = setTimeout(() => done(() => reject(new Error(`no ${what} within ${timeoutMs} ms`))), timeoutMs);
    const sub = event(check);
    check();
  });
}
