/**
 * `npm run test:e2e`: packages the VSIX, installs what is missing (Chromium, Node 24,
 * code-server), then runs the scenarios with Node's test runner in their own process group,
 * under an overall time limit. However the run ends (pass, fail, timeout, Ctrl+C), every process
 * it started is ended and its temporary folder removed.
 *
 * Environment: E2E_TIMEOUT_MIN (whole run, default 40), E2E_TEST_TIMEOUT_MIN (the scenarios,
 * default 20), E2E_SCENARIOS (ids to run), E2E_SKIP_PACKAGE=1 (reuse the VSIX already built).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { killGroup, sweepRegistry } from './harness/processes';
import { OUTPUT_DIR, ROOT, vsixPath } from './paths';
import { ensureToolchain } from './setup';

const started = Date.now();
const minutes = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const deadline = started + minutes('E2E_TIMEOUT_MIN', 40) * 60_000;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

function remaining(): number {
  return Math.max(0, deadline - Date.now());
}

function packageVsix(): void {
  if (process.env['E2E_SKIP_PACKAGE'] === '1' && existsSync(vsixPath())) {
    log(`reusing ${path.basename(vsixPath())} (E2E_SKIP_PACKAGE=1)`);
    return;
  }
  log('building and packaging the VSIX (npm run package)');
  const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit', timeout: Math.min(remaining(), 10 * 60_000) });
  if (r.status !== 0) throw new Error(`npm run package failed (${String(r.status ?? r.signal ?? r.error?.message)})`);
}

interface Outcome {
  code: number;
  timedOut: boolean;
}

/** Runs the node:test suite in its own process group; ends the group when done or out of time. */
function runScenarios(tmp: string, registry: string): Promise<Outcome> {
  const limit = Math.min(remaining(), minutes('E2E_TEST_TIMEOUT_MIN', 20) * 60_000);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', path.join('test', 'e2e', 'e2e.test.ts')],
    {
      cwd: ROOT,
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, MEDGEMMA_E2E_TMP: tmp, MEDGEMMA_E2E_REGISTRY: registry },
    },
  );
  const pid = child.pid;
  if (pid === undefined) return Promise.resolve({ code: 1, timedOut: false });
  current = pid;
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[e2e] the scenarios ran past ${seconds(limit)}; ending them`);
      killGroup(pid, 'SIGTERM');
      setTimeout(() => killGroup(pid, 'SIGKILL'), 10_000).unref();
    }, limit);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: timedOut ? 124 : code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

/** The test runner's process group, while it runs. */
let current: number | undefined;
let tmpRoot: string | undefined;
let registryFile: string | undefined;

/** Ends whatever is left: the runner's group, then every group the harness recorded. */
function cleanUp(): void {
  if (current !== undefined) killGroup(current, 'SIGKILL');
  if (registryFile) {
    const ended = sweepRegistry(registryFile);
    if (ended.length) log(`ended leftover processes: ${ended.join(', ')}`);
  }
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`[e2e] ${signal}: cleaning up`);
    cleanUp();
    process.exit(130);
  });
}

async function main(): Promise<number> {
  packageVsix();
  const packaged = Date.now();
  ensureToolchain();
  const ready = Date.now();
  tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'mgn-e2e-'));
  registryFile = path.join(tmpRoot, 'processes.jsonl');
  // Screenshots and logs of this run only.
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  log(`running scenarios; screenshots and logs in ${path.relative(ROOT, OUTPUT_DIR)}/`);
  const outcome = await runScenarios(tmpRoot, registryFile);
  const done = Date.now();
  cleanUp();
  const verdict = outcome.timedOut ? 'TIMED OUT' : outcome.code === 0 ? 'passed' : 'FAILED';
  log(`${verdict} in ${seconds(done - started)} (package ${seconds(packaged - started)}, setup ${seconds(ready - packaged)}, scenarios ${seconds(done - ready)})`);
  return outcome.code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`[e2e] ${err instanceof Error ? err.message : String(err)}`);
    cleanUp();
    process.exitCode = 1;
  },
);
