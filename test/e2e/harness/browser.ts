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
  mkdirSync(profile, { recursive: true });
  const proc = start(
    o.executable,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-default-browser-check', '--disable-dev-shm-usage', '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
      `--window-size=${o.width},${o.height}`,
      'about:blank',
    ],
    { name: 'chromium', logFile: o.logFile, registry: o.registry },
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
