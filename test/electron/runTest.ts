/**
 * `npm run test:electron`: the extension-host tests (test/electron/suite) in a desktop VS Code
 * through @vscode/test-electron. Not part of `npm test`: it needs VS Code.
 *
 *   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron    use this VS Code
 *   npm run test:electron                                            download VS Code (stable)
 *   VSCODE_TEST_VERSION=1.91.0 npm run test:electron                 download that version
 *
 * On Linux without a display, run it under `xvfb-run -a`. Downloads are cached in
 * .test-cache/vscode-test. VSCODE_TEST_NO_DOWNLOAD=1 forbids downloading.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_OUT = path.join(ROOT, 'out', 'electron', 'suite.js');
const RELEASES_URL = 'https://update.code.visualstudio.com/api/releases/stable';

function fail(message: string): never {
  console.error(`[test:electron] ${message}`);
  process.exit(1);
}

/** Where VS Code comes from: a path, or a version to download (only when the server answers). */
async function resolveVSCode(): Promise<{ vscodeExecutablePath: string } | { version: string }> {
  const executable = process.env['VSCODE_EXECUTABLE'];
  if (executable) {
    if (!existsSync(executable)) fail(`VSCODE_EXECUTABLE=${executable} does not exist. Point it at the VS Code binary (e.g. /usr/share/code/code, or "Visual Studio Code.app/Contents/MacOS/Electron").`);
    return { vscodeExecutablePath: executable };
  }
  const howTo = 'Set VSCODE_EXECUTABLE to a desktop VS Code binary (e.g. /usr/share/code/code), or run where update.code.visualstudio.com is reachable so @vscode/test-electron can download one. The end-to-end tests (npm run test:e2e) need neither: they use code-server.';
  if (process.env['VSCODE_TEST_NO_DOWNLOAD'] === '1') fail(`No VS Code: VSCODE_EXECUTABLE is not set and VSCODE_TEST_NO_DOWNLOAD=1. ${howTo}`);
  try {
    const r = await fetch(RELEASES_URL, { signal: AbortSignal.timeout(10_000) });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
  } catch (err) {
    fail(`No VS Code: VSCODE_EXECUTABLE is not set and VS Code cannot be downloaded (${RELEASES_URL}: ${err instanceof Error ? err.message : String(err)}). ${howTo}`);
  }
  return { version: process.env['VSCODE_TEST_VERSION'] ?? 'stable' };
}

async function main(): Promise<void> {
  const vscode = await resolveVSCode();
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    console.warn('[test:electron] no DISPLAY: VS Code needs one on Linux; run `xvfb-run -a npm run test:electron`.');
  }

  const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail('building the extension failed');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'electron', 'suite', 'index.ts')],
    outfile: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mgn-electron-'));
  try {
    const workspace = path.join(tmp, 'notes');
    mkdirSync(workspace);
    for (const name of readdirSync(path.join(ROOT, 'examples'))) {
      if (name.endsWith('.cnote')) copyFileSync(path.join(ROOT, 'examples', name), path.join(workspace, name));
    }
    await runTests({
      ...vscode,
      cachePath: path.join(ROOT, '.test-cache', 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_OUT,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(tmp, 'user-data'),
      ],
    });
  } catch (err) {
    fail(`extension-host tests failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
