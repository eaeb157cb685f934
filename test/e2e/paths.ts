/**
 * Where the end-to-end tests keep things: pinned tool versions, the `.test-cache/` layout (tools
 * installed once per clone, gitignored), the VSIX under test and the output folder.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** code-server (VS Code in the browser) that the scenarios drive. 4.139.1 is VS Code 1.139. */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server requires Node 24; the npm package `node` ships it (CI's own Node is 20). */
export const NODE24_VERSION = '24.21.0';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE_DIR = path.join(ROOT, '.test-cache');
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e');

/** npm prefix holding `node@24`; its binary and headers (for native modules) live inside. */
export const NODE24_PREFIX = path.join(CACHE_DIR, `node-${NODE24_VERSION}`);
export const NODE24_BIN_DIR = path.join(NODE24_PREFIX, 'node_modules', 'node', 'bin');
export const NODE24 = path.join(NODE24_BIN_DIR, 'node');
export const NODE24_HEADERS = path.join(NODE24_PREFIX, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);

export const CODE_SERVER_PREFIX = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written last by the setup, so a half-finished install is never taken for a complete one. */
export const COMPLETE_MARKER = '.complete';

/** Chromium from the distribution (never playwright's own download); override with CHROMIUM_PATH. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The VS Code target `npm run package` builds for (`esbuild.mjs --vsix`): this machine's, since
 * the VSIX carries this platform's llama.cpp binary.
 */
export function vsixTarget(): string {
  return `${process.platform}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
}

/** The VSIX `npm run package` writes: `<name>-<target>-<version>.vsix` in the repository root. */
export function vsixPath(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(ROOT, `${pkg.name}-${vsixTarget()}-${pkg.version}.vsix`);
}
