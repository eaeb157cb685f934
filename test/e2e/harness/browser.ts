/**
 * Debian's Chromium, headless, with a fresh profile, started by us (its own process group, in the
 * registry) and driven by playwright-core over the DevTools protocol. Playwright's own browser
 * download is never used.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { start } from './processes';

export interface BrowserOptions {
  executable: string;
  /** Temporary folder; the profile goes inside. */
  tmp: string;
  logFile: string;
  registry?: string;
  width: number;
  height: number;
}

export interface StartedBrowser {
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

export async function startBrowser(o: BrowserOptions): Promise<StartedBrowser> {
  const profile = path.join(o.tmp, 'chromium-profile');
  // Debian's wrapper and Chromium write crash reports and dconf under $HOME: keep them in tmp.
  const home = path.join(o.tmp, 'chromium-home');
  mkdirSync(profile, { recursive: true });
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') };
  const proc = start(
    o.executable,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-default-browser-check', '--disable-dev-shm-usage', '--hide-scrollbars', '--disable-breakpad', '--disable-crash-reporter',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
      `--window-size=${o.width},${o.height}`,
      'about:blank',
    ],
    { name: 'chromium', env, logFile: o.logFile, registry: o.registry, marker: `--user-data-dir=${profile}` },
  );
  try {
    const m = await proc.waitForOutput(/DevTools listening on (ws:\/\/\S+)/, 60_000, 'DevTools endpoint');
    const browser = await chromium.connectOverCDP(m[1]!, { timeout: 30_000 });
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.setViewportSize({ width: o.width, height: o.height });
    return {
      browser,
      page,
      stop: async () => {
        await browser.close().catch(() => undefined);
        await proc.stop();
      },
    };
  } catch (err) {
    await proc.stop();
    throw err;
  }
}
