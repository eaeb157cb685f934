/**
 * Installs what the end-to-end tests need, once: Debian's Chromium (and libkrb5-dev, which
 * code-server's native modules build against), Node 24 from the npm package `node`, and
 * code-server with that Node, into `.test-cache/`; and generates the tiny Gemma 3 test model
 * (`.test-cache/models/`, shared with the unit tests). Idempotent: a second run only checks files.
 *
 *   npm run test:e2e:setup
 *
 * Only the npm registry and the Debian mirror are used. apt-get runs only when something is
 * missing, and only as root (as in CI); otherwise the error says what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CACHE_DIR, CHROMIUM, CODE_SERVER_ENTRY, CODE_SERVER_PREFIX, CODE_SERVER_VERSION, COMPLETE_MARKER,
  NODE24, NODE24_BIN_DIR, NODE24_HEADERS, NODE24_PREFIX, NODE24_VERSION,
} from './paths';
import { tinyModelPath } from '../support/models';

/** What the harness runs. */
export interface Toolchain {
  node24: string;
  codeServerEntry: string;
  chromium: string;
  /** The tiny generated Gemma 3 model the session configures. */
  model: string;
}

function log(message: string): void {
  console.log(`[e2e setup] ${message}`);
}

/** No single install step may take longer (a hung download must not hold CI for 90 minutes). */
const STEP_TIMEOUT_MS = 20 * 60_000;

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): void {
  const r = spawnSync(command, args, { stdio: 'inherit', env, cwd, timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (r.error) throw new Error(`${command} ${args.join(' ')} did not finish: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${String(r.status ?? r.signal)})`);
}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages; needs root. Refreshes the package lists only when a first try fails. */
function aptInstall(packages: readonly string[], why: string): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new Error(`${why}. Install it first: sudo apt-get install -y ${packages.join(' ')} (or set CHROMIUM_PATH for another Chromium).`);
  }
  log(`apt-get install ${packages.join(' ')} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const first = spawnSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env, timeout: STEP_TIMEOUT_MS });
  if (first.status === 0) return;
  run('apt-get', ['update'], env);
  run('apt-get', ['install', '-y', ...packages], env);
}

function isComplete(prefix: string, file: string): boolean {
  return existsSync(path.join(prefix, COMPLETE_MARKER)) && existsSync(file);
}

/**
 * `npm install --prefix` into a temporary folder, renamed into place only after success, so an
 * interrupted install is retried rather than half-used.
 */
function npmInstallInto(prefix: string, spec: string, npm: { node: string; env: NodeJS.ProcessEnv }): void {
  const partial = `${prefix}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  run(npm.node, [npmCli(), 'install', '--prefix', partial, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], npm.env, partial);
  writeFileSync(path.join(partial, COMPLETE_MARKER), `${spec}\n`);
  rmSync(prefix, { recursive: true, force: true });
  renameSync(partial, prefix);
}

/** npm's own script, run with whichever Node the install needs (code-server checks the version). */
function npmCli(): string {
  const fromScript = process.env['npm_execpath'];
  if (fromScript && /npm-cli\.js$/.test(fromScript)) return fromScript;
  const r = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8' });
  const cli = path.join(r.stdout.trim(), 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (r.status !== 0 || !existsSync(cli)) throw new Error('Could not find npm-cli.js; run this through npm (npm run test:e2e:setup).');
  return cli;
}

function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env['CHROMIUM_PATH']) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist.`);
  aptInstall(['chromium'], `Chromium not found at ${CHROMIUM}`);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing.`);
  return CHROMIUM;
}

function ensureNode24(): string {
  if (isComplete(NODE24_PREFIX, NODE24)) return NODE24;
  log(`installing node@${NODE24_VERSION} from npm into ${path.relative(process.cwd(), NODE24_PREFIX)}`);
  // The package's install script fetches the platform binary package from the npm registry.
  npmInstallInto(NODE24_PREFIX, `node@${NODE24_VERSION}`, { node: process.execPath, env: process.env });
  if (!existsSync(NODE24)) throw new Error(`node@${NODE24_VERSION} installed but ${NODE24} is missing.`);
  return NODE24;
}

function ensureCodeServer(): string {
  if (isComplete(CODE_SERVER_PREFIX, CODE_SERVER_ENTRY)) return CODE_SERVER_ENTRY;
  // Kerberos headers for code-server's `kerberos` module; compilers and python for node-gyp.
  if (!existsSync('/usr/include/gssapi/gssapi.h')) aptInstall(['libkrb5-dev'], 'code-server needs Kerberos headers (libkrb5-dev)');
  const missing = ['python3', 'make', 'g++'].filter((c) => !which(c));
  if (missing.length) aptInstall(['python3', 'make', 'g++'], `code-server builds native modules and needs ${missing.join(', ')}`);
  log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE24_VERSION} into ${path.relative(process.cwd(), CODE_SERVER_PREFIX)} (a few minutes)`);
  // Drop what an outer `npm run` exported (its user agent names Node 20, its prefix this repo).
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  // Node 24 first on PATH: code-server's postinstall checks the version and runs `npm install`
  // for VS Code's own modules, which node-gyp builds against Node 24's headers (shipped in the
  // npm package, so nothing is fetched from nodejs.org).
  env['PATH'] = `${NODE24_BIN_DIR}${path.delimiter}${process.env['PATH'] ?? ''}`;
  env['npm_config_nodedir'] = NODE24_HEADERS;
  env['npm_config_update_notifier'] = 'false';
  npmInstallInto(CODE_SERVER_PREFIX, `code-server@${CODE_SERVER_VERSION}`, { node: NODE24, env });
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed but ${CODE_SERVER_ENTRY} is missing.`);
  return CODE_SERVER_ENTRY;
}

/** Installs what is missing and returns the paths of the tools. */
export function ensureToolchain(): Toolchain {
  const started = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const chromium = ensureChromium();
  const node24 = ensureNode24();
  const codeServerEntry = ensureCodeServer();
  // Generated once (a few seconds), then reused from the cache.
  const model = tinyModelPath();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: chromium ${chromium}, node ${NODE24_VERSION}, code-server ${CODE_SERVER_VERSION}, model ${path.basename(model)}`);
  return { node24, codeServerEntry, chromium, model };
}

if (require.main === module) {
  try {
    ensureToolchain();
  } catch (err) {
    console.error(`[e2e setup] ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
