/**
 * One end-to-end session shared by all scenarios: a temporary workspace holding copies of the
 * example notes (and a binary `.note`), code-server with the VSIX installed, and Chromium showing
 * the workbench. `stop()` ends everything and copies VS Code's logs into the output folder.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHROMIUM, CODE_SERVER_ENTRY, NODE24, OUTPUT_DIR, ROOT, vsixPath } from '../paths';
import { startBrowser, type StartedBrowser } from './browser';
import { type CodeServer, startCodeServer } from './codeServer';
import { Workbench } from './workbench';

/** The files every scenario can open, by name. */
export const WORKSPACE_FILES = {
  binaryNote: 'binary.note',
} as const;

export interface Session {
  workbench: Workbench;
  /** The temporary workspace folder (copies; scenarios may change them). */
  workspace: string;
  stop(): Promise<void>;
}

export interface SessionOptions {
  /** Temporary root; created when absent (the runner passes one so it can clean up after a crash). */
  tmp?: string;
  /** Process registry file (see processes.ts). */
  registry?: string;
}

function makeWorkspace(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const examples = path.join(ROOT, 'examples');
  for (const name of readdirSync(examples)) {
    if (name.endsWith('.cnote') || name.endsWith('.note')) copyFileSync(path.join(examples, name), path.join(dir, name));
  }
  // A binary file with a note extension: the server must say it did not analyse it.
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'notes', 'binary.note'), path.join(dir, WORKSPACE_FILES.binaryNote));
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const vsix = vsixPath();
  for (const [what, file] of [['VSIX', vsix], ['code-server', CODE_SERVER_ENTRY], ['Node 24', NODE24], ['Chromium', CHROMIUM]] as const) {
    if (!existsSync(file)) throw new Error(`${what} not found at ${file}; run \`npm run test:e2e\` (it packages and installs what is missing).`);
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const ownTmp = options.tmp === undefined;
  // Short path: code-server puts a unix socket in its user-data folder (108-byte limit).
  const tmp = options.tmp ?? mkdtempSync(path.join(os.tmpdir(), 'mgn-e2e-'));
  const workspace = path.join(tmp, 'notes');
  makeWorkspace(workspace);

  let server: CodeServer | undefined;
  let browser: StartedBrowser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.stop();
    await server?.stop();
    if (server) {
      const logs = path.join(server.userDataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, path.join(OUTPUT_DIR, 'vscode-logs'), { recursive: true });
    }
    if (ownTmp) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    rmSync(path.join(OUTPUT_DIR, 'vscode-logs'), { recursive: true, force: true });
    server = await startCodeServer({
      node24: NODE24, entry: CODE_SERVER_ENTRY, vsix, tmp, workspace,
      logFile: path.join(OUTPUT_DIR, 'code-server.log'), registry: options.registry,
    });
    browser = await startBrowser({
      executable: CHROMIUM, tmp, width: 1600, height: 1000,
      logFile: path.join(OUTPUT_DIR, 'chromium.log'), registry: options.registry,
    });
    const workbench = new Workbench(browser.page, OUTPUT_DIR);
    await workbench.load(server.workspaceUrl);
    return { workbench, workspace, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
