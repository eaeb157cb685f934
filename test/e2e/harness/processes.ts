/**
 * Child processes the end-to-end tests start: each in its own process group (so its helpers —
 * extension host, language server, renderer processes — go with it), logged to a file, and
 * recorded in a registry file so that the runner can end whatever survives a crashed test.
 */
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, readFileSync } from 'node:fs';

/** A started process group. */
export interface Started {
  child: ChildProcess;
  /** Process id, which is also the group id (`detached`). */
  pid: number;
  /** Resolves with the first match of `re` in stdout or stderr; rejects on exit or timeout. */
  waitForOutput(re: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray>;
  /** Ends the group: SIGTERM, then SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions extends Pick<SpawnOptions, 'cwd' | 'env'> {
  /** Short name for messages and the registry. */
  name: string;
  /** Every byte of stdout and stderr is appended here. */
  logFile: string;
  /** The registry file (one JSON line per process), shared with the runner; optional. */
  registry?: string;
  /**
   * A string the process's command line will contain, unique to this run (e.g. its temporary
   * profile folder); checked before the registry sweep ends it. Default: the command, which is
   * wrong for a wrapper script that execs another binary.
   */
  marker?: string;
}

/** A line of the registry: enough to recognise the process before ending it. */
export interface RegistryEntry {
  name: string;
  pid: number;
  /** A string the process's command line contains (guards against a reused pid). */
  marker: string;
}

export function start(command: string, args: readonly string[], options: StartOptions): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start (${command})`);
  if (options.registry) {
    const entry: RegistryEntry = { name: options.name, pid, marker: options.marker ?? command };
    appendFileSync(options.registry, JSON.stringify(entry) + '\n');
  }
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let seen = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    log.write(chunk);
    // Keep a bounded tail: the lines waited for are short and arrive early.
    seen = (seen + chunk.toString('utf8')).slice(-65_536);
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited = child.exitCode !== null || child.signalCode !== null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      for (const l of listeners) l();
      resolve();
    });
  });
  child.once('close', () => log.end());

  const waitForOutput = (re: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = re.exec(seen);
        if (m) finish(() => resolve(m));
        else if (exited) finish(() => reject(new Error(`${options.name} exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}) before ${what}; see ${options.logFile}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`${options.name}: no ${what} within ${timeoutMs} ms; see ${options.logFile}`))), timeoutMs);
      const finish = (f: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        f();
      };
      listeners.add(check);
      check();
    });

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 5_000): Promise<void> => {
    stopping ??= (async () => {
      if (exited) {
        killGroup(pid, 'SIGKILL'); // helpers left behind by a leader that already exited
        return;
      }
      killGroup(pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), graceMs); });
      const late = await Promise.race([exitPromise.then(() => false), timedOut]);
      clearTimeout(timer);
      killGroup(pid, 'SIGKILL');
      if (late) await exitPromise;
    })();
    return stopping;
  };

  return { child, pid, waitForOutput, stop };
}

/** Signals a whole process group; quiet when it is already gone. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

/**
 * Ends every process group in the registry that is still running and still the process that was
 * recorded (its command line contains the marker). Returns the names of those it ended.
 */
export function sweepRegistry(registry: string): string[] {
  if (!existsSync(registry)) return [];
  const ended: string[] = [];
  for (const line of readFileSync(registry, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as RegistryEntry;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry.pid}/cmdline`, 'utf8');
    } catch {
      // Leader gone; its group may still hold helpers, and the group id is not reused while it does.
      killGroup(entry.pid, 'SIGKILL');
      continue;
    }
    if (!cmdline.includes(entry.marker)) continue;
    killGroup(entry.pid, 'SIGKILL');
    ended.push(entry.name);
  }
  return ended;
}
