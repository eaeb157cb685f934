/**
 * Checks many notes on several threads. The main thread and `workers` worker threads take the next
 * file from one shared counter (so a long note never leaves a thread idle), each renders the files
 * it took into report parts (`renderPart`), and the parts are put back in file order. The report is
 * therefore the same, byte for byte, whatever the number of threads.
 *
 * A worker runs the CLI's own script (`workerScript`, the bundled `dist/cli.js`), which calls
 * `serveCheckWorker` when it finds `CheckWorkerData`. If a worker cannot start or dies, the main
 * thread checks the files it did not report, so the run never silently loses a note.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { type CheckOptions, checkFile } from './checkFile';
import { type FilePart, type ReportFormat, renderPart } from './report';

/** What a worker thread is started with. */
export interface CheckWorkerData {
  kind: 'medgemma-notes-check';
  files: readonly string[];
  options: CheckOptions;
  format: ReportFormat;
  color: boolean;
  /** One Int32: the index of the next file to check, shared by all threads. */
  next: SharedArrayBuffer;
}

type WorkerMessage = { index: number; part: FilePart } | { done: true };

export interface ParallelRun {
  parts: FilePart[];
  /** How many files each thread checked: main thread first (tests and diagnostics). */
  checkedBy: number[];
}

/** True when this thread was started by `checkInParallel` (the CLI script then serves instead of parsing argv). */
export function isCheckWorker(): boolean {
  return parentPort !== null && (workerData as Partial<CheckWorkerData> | null)?.kind === 'medgemma-notes-check';
}

/** The worker side: check files until the shared counter runs out, posting each part. */
export function serveCheckWorker(): void {
  const port = parentPort;
  if (!port || !isCheckWorker()) return;
  const data = workerData as CheckWorkerData;
  const next = new Int32Array(data.next);
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= data.files.length) break;
    const part = renderPart(checkFile(data.files[index]!, data.options), data.format, data.color);
    port.postMessage({ index, part } satisfies WorkerMessage);
  }
  port.postMessage({ done: true } satisfies WorkerMessage);
}

/**
 * Checks `files` on the main thread plus `workers` worker threads running `workerScript`, and
 * returns the report parts in file order. `mainHelps: false` leaves every file to the workers
 * (tests use it to be sure the workers did the work).
 */
export async function checkInParallel(
  files: readonly string[],
  job: { options: CheckOptions; format: ReportFormat; color: boolean },
  pool: { workers: number; workerScript: string; mainHelps?: boolean },
): Promise<ParallelRun> {
  const parts = new Array<FilePart | undefined>(files.length);
  const checkedBy = new Array<number>(pool.workers + 1).fill(0);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const data: CheckWorkerData = { kind: 'medgemma-notes-check', files, options: job.options, format: job.format, color: job.color, next };
  const check = (index: number): FilePart => renderPart(checkFile(files[index]!, job.options), job.format, job.color);

  const threads: Worker[] = [];
  const finished: Promise<void>[] = [];
  try {
    for (let w = 1; w <= pool.workers; w++) {
      let worker: Worker;
      try {
        worker = new Worker(pool.workerScript, { workerData: data, stdout: true, stderr: true });
      } catch {
        break; // No thread to be had: this thread checks the rest.
      }
      threads.push(worker);
      finished.push(
        new Promise<void>((resolve) => {
          worker.on('message', (m: WorkerMessage) => {
            if ('done' in m) resolve();
            else {
              parts[m.index] = m.part;
              checkedBy[w]!++;
            }
          });
          // A worker that fails leaves its unreported files to the main thread (below).
          worker.on('error', () => resolve());
          worker.on('exit', () => resolve());
        }),
      );
    }
    if (pool.mainHelps !== false) {
      for (;;) {
        const index = Atomics.add(counter, 0, 1);
        if (index >= files.length) break;
        parts[index] = check(index);
        checkedBy[0]!++;
      }
    }
    await Promise.all(finished);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  for (let i = 0; i < files.length; i++) {
    if (parts[i]) continue;
    parts[i] = check(i);
    checkedBy[0]!++;
  }
  return { parts: parts as FilePart[], checkedBy };
}
