/**
 * code-server for the tests: the VSIX installed into a throwaway extensions folder, a throwaway
 * user-data folder with quiet settings, XDG folders pointed at temporary ones, listening on
 * 127.0.0.1 on a port the OS picks, without authentication, telemetry or update checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { start, type Started } from './processes';

export interface CodeServerOptions {
  node24: string;
  entry: string;
  vsix: string;
  /** Temporary folder for user data, extensions and XDG folders. */
  tmp: string;
  /** Folder opened as the workspace. */
  workspace: string;
  logFile: string;
  registry?: string;
  /** Added to the quiet user settings below. */
  userSettings?: Record<string, unknown>;
  /**
   * Settings of the machine code-server runs on (`<user-data>/Machine/settings.json`). Settings
   * with `machine` or `machine-overridable` scope (e.g. `medgemmaNotes.model.path`) are read only
   * from here: VS Code ignores them in the browser's User settings of a remote window.
   */
  machineSettings?: Record<string, unknown>;
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The URL that opens the workspace folder. */
  workspaceUrl: string;
  userDataDir: string;
  stop(): Promise<void>;
}

/**
 * User settings that keep the workbench predictable for a robot: no welcome page, tips, chat,
 * update or trust prompts; the walkthrough does not open by itself.
 */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.codeLens': true,
  'editor.inlayHints.enabled': 'on',
  'files.autoSave': 'off',
  'git.enabled': false,
  'window.restoreWindows': 'none',
} as const;

function env(tmp: string): NodeJS.ProcessEnv {
  const xdg = path.join(tmp, 'xdg');
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(e)) if (k.toLowerCase().startsWith('npm_')) delete e[k];
  // No extension gallery: the tests install only the VSIX, and all servers stay on 127.0.0.1.
  e['EXTENSIONS_GALLERY'] = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' });
  for (const [k, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['XDG_STATE_HOME', 'state']] as const) {
    e[k] = path.join(xdg, sub);
    mkdirSync(e[k], { recursive: true });
  }
  return e;
}

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const userDataDir = path.join(o.tmp, 'user-data');
  const extensionsDir = path.join(o.tmp, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...o.userSettings }, null, 2));
  writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(o.machineSettings ?? {}, null, 2));
  const configFile = path.join(o.tmp, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const environment = env(o.tmp);
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  const install = spawnSync(o.node24, [o.entry, ...common, '--install-extension', o.vsix], { env: environment, encoding: 'utf8', timeout: 180_000 });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
    throw new Error(`code-server --install-extension ${o.vsix} failed (exit ${String(install.status ?? install.signal)}):\n${install.stdout}\n${install.stderr}`);
  }

  const server: Started = start(
    o.node24,
    [
      o.entry, ...common,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      o.workspace,
    ],
    { name: 'code-server', env: environment, logFile: o.logFile, registry: o.registry, marker: o.entry },
  );
  try {
    const m = await server.waitForOutput(/HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/, 60_000, 'listening line');
    const url = m[1]!;
    await waitForHealth(url, 30_000);
    return {
      url,
      workspaceUrl: `${url}?folder=${encodeURIComponent(o.workspace)}`,
      userDataDir,
      stop: () => server.stop(),
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Polls /healthz until code-server answers (a request loop, not a sleep: each try is awaited). */
async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(5_000) });
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server at ${url} did not answer /healthz within ${timeoutMs} ms (${last})`);
}
