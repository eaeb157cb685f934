/**
 * The VS Code workbench as a user sees it, through playwright: open a file, run a command from
 * the palette, read the status bar, the editor's lines, the Problems panel, apply a quick fix.
 * Every step waits for what the UI shows (a selector, a text) with a timeout; none sleeps.
 * Selectors are those of VS Code 1.139 (code-server 4.139.1, pinned in paths.ts).
 */
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** How long one UI step may take. The first note opened also starts the language server. */
const STEP_MS = 30_000;
const SLOW_MS = 90_000;

/** VS Code renders spaces as no-break spaces. */
function plain(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}

/** `s` as a literal in a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A row of the Problems panel. */
export interface ProblemRow {
  message: string;
  code: string;
  /** 1-based, as shown: `[Ln 43, Col 23]`. */
  line: number;
  column: number;
}

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly outputDir: string,
  ) {}

  /** Opens the workbench and waits until the explorer lists the workspace's files. */
  async load(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: SLOW_MS });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: SLOW_MS });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: SLOW_MS });
  }

  /** Saves a screenshot of the whole window as `<outputDir>/<name>.png`. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.outputDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // ---- quick input (palette, quick open) ----

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Types `value` into the open quick input (palette, quick open or a command's own picker) and
   * presses Enter once the focused row's label is exactly `label`. With `thenPicker`, the chosen
   * entry opens another picker, so this waits for that instead of for the widget to close.
   */
  async pick(value: string, label: string, thenPicker = false): Promise<void> {
    await this.quickInput.waitFor({ state: 'visible', timeout: STEP_MS });
    const input = this.quickInput.locator('.quick-input-box input');
    await input.fill(value);
    const focused = this.quickInput.locator('.quick-input-list .monaco-list-row.focused .label-name');
    await focused.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).waitFor({ timeout: STEP_MS });
    await this.page.keyboard.press('Enter');
    if (thenPicker) {
      await this.page.waitForFunction(
        (typed) => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): { value?: string } | null } }).document;
          const box = doc.querySelector('.quick-input-widget .quick-input-box input');
          return box !== null && box.value !== typed;
        },
        value,
        { timeout: STEP_MS },
      );
    } else {
      await this.quickInput.waitFor({ state: 'hidden', timeout: STEP_MS });
    }
  }

  private async openQuickInput(key: string): Promise<void> {
    await this.escape();
    await this.page.keyboard.press(key);
    await this.quickInput.waitFor({ state: 'visible', timeout: STEP_MS });
  }

  /** Closes whatever transient widget has focus (quick input, suggest, hover). */
  async escape(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden', timeout: STEP_MS });
    }
  }

  /**
   * Runs a command by its palette label, e.g. `MedGemma Notes: Show Note Structure`. With
   * `thenPicker`, the command shows its own picker, left open for `pick()`.
   */
  async runCommand(label: string, thenPicker = false): Promise<void> {
    await this.openQuickInput('F1');
    await this.pick(`>${label}`, label, thenPicker);
  }

  /** Opens a workspace file with Quick Open and waits until its tab is the active one. */
  async openFile(name: string): Promise<void> {
    await this.openQuickInput('Control+P');
    await this.pick(name, name);
    await this.activeTab(name).waitFor({ timeout: STEP_MS });
  }

  /** The active editor tab, by its file name. */
  activeTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
  }

  /** Moves the cursor with Quick Open's `:line:column`. */
  async goTo(line: number, column: number): Promise<void> {
    await this.openQuickInput('Control+P');
    const input = this.quickInput.locator('.quick-input-box input');
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: STEP_MS });
    await this.statusItem('status.editor.selection').filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: STEP_MS });
  }

  /** Closes every editor, discarding unsaved changes. */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    const dialog = this.page.locator('.monaco-dialog-box');
    const tabs = this.page.locator('.tabs-container .tab');
    // Either the editors close, or a "save changes?" dialog asks first.
    await this.page.waitForFunction(
      "document.querySelector('.monaco-dialog-box') !== null || document.querySelector('.tabs-container .tab') === null",
      undefined,
      { timeout: STEP_MS },
    );
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: /Don't Save/ }).click();
    await tabs.first().waitFor({ state: 'detached', timeout: STEP_MS });
  }

  // ---- status bar ----

  statusItem(id: string): Locator {
    return this.page.locator(`.part.statusbar [id="${id}"]`);
  }

  /** The status bar item whose text contains `text` (an extension's item has no stable id to select). */
  statusBarEntry(text: string | RegExp): Locator {
    return this.page.locator('.part.statusbar .statusbar-item').filter({ hasText: text }).first();
  }

  /** Waits until the status bar's language mode reads `mode`. */
  async waitForLanguageMode(mode: string): Promise<void> {
    await this.statusItem('status.editor.mode').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(mode)}\\s*$`) }).waitFor({ timeout: STEP_MS });
  }

  // ---- the active editor ----

  /** The active editor group's editor. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The text of the lines the active editor renders now (its viewport), top to bottom. */
  async visibleLines(): Promise<string[]> {
    const lines = await this.editor.locator('.view-lines .view-line').evaluateAll((els) =>
      els.map((e) => ({ top: e.getBoundingClientRect().top, text: e.textContent ?? '' })),
    );
    return lines.sort((a, b) => a.top - b.top).map((l) => plain(l.text));
  }

  /**
   * Waits until a rendered line of the active editor equals `text` exactly, or matches the
   * pattern (spaces render as no-break spaces; write `[ \u00a0]` or `\s` in a pattern).
   */
  async waitForLine(text: string | RegExp, timeoutMs = STEP_MS): Promise<void> {
    const pattern = typeof text === 'string' ? new RegExp(`^${escapeRegExp(text).replace(/ /g, '[ \\u00a0]')}$`) : text;
    await this.editor.locator('.view-lines .view-line').filter({ hasText: pattern }).first().waitFor({ timeout: timeoutMs });
  }

  /** The rendered line element of the active editor whose text starts with `prefix`. */
  lineStartingWith(prefix: string): Locator {
    return this.editor.locator('.view-lines .view-line').filter({ hasText: new RegExp(`^${escapeRegExp(prefix).replace(/ /g, '[ \\u00a0]')}`) }).first();
  }

  /** The code lens (anywhere in the active editor) whose whole text is `text`. */
  codeLens(text: string): Locator {
    const exact = new RegExp(`^\\s*${escapeRegExp(text).replace(/ /g, '[ \\u00a0]')}\\s*$`);
    return this.editor.locator('.codelens-decoration a').filter({ hasText: exact }).first();
  }

  /** Types into the focused editor key by key, as a user does (each key is a `type` event). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /**
   * Waits until the active editor shows ghost text (an inline completion) and returns it. VS Code
   * draws the part on the cursor's line as injected text (`.ghost-text-decoration`, one span per
   * token) and further lines in a view zone (`.ghost-text`).
   */
  async waitForGhostText(timeoutMs = SLOW_MS): Promise<string> {
    const selector = '.view-lines .ghost-text-decoration, .view-lines .ghost-text-decoration-preview, .ghost-text .view-line';
    await this.editor.locator(selector).first().waitFor({ timeout: timeoutMs });
    const parts = await this.editor.evaluate((editor) => {
      const inline = Array.from(editor.querySelectorAll('.view-lines .ghost-text-decoration, .view-lines .ghost-text-decoration-preview'), (e) => (e as { textContent: string | null }).textContent ?? '');
      const lines = Array.from(editor.querySelectorAll('.ghost-text .view-line'), (e) => (e as { textContent: string | null }).textContent ?? '');
      return { inline: inline.join(''), lines };
    });
    return plain([parts.inline, ...parts.lines].join('\n'));
  }

  /** Saves the active editor and waits until its tab no longer shows unsaved changes. */
  async save(name: string): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`.tabs-container .tab.active:not(.dirty)[data-resource-name="${name}"]`).waitFor({ timeout: STEP_MS });
  }

  /** Opens the quick-fix menu at the cursor and applies the action titled `title`. */
  async applyQuickFix(title: string): Promise<void> {
    await this.escape();
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)');
    const item = menu.locator('.monaco-list-row').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }).first();
    await item.waitFor({ timeout: STEP_MS });
    await item.click();
    await menu.waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  // ---- Problems panel ----

  get problemsPanel(): Locator {
    return this.page.locator('.markers-panel');
  }

  async openProblems(): Promise<void> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.problemsPanel.waitFor({ state: 'visible', timeout: STEP_MS });
  }

  /**
   * Types into the Problems filter box. An empty string clears it and waits until the panel
   * shows everything again (its "Showing 1 of 10" badge goes away after a debounce).
   */
  async filterProblems(text: string): Promise<void> {
    const input = this.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    await input.fill(text);
    if (text === '') await this.page.getByText(/^Showing \d+ of \d+$/).first().waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** The problem count badge of a file row in the Problems panel, once that row shows. */
  async problemCountFor(fileName: string, expected: number, timeoutMs = SLOW_MS): Promise<void> {
    const row = this.problemsPanel.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: fileName }) });
    await row.locator('.monaco-count-badge').filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: timeoutMs });
  }

  /**
   * After `filterProblems(code)`: waits until the panel shows problems and all of them carry this
   * code (the filter applies after a short debounce), then returns the rendered rows.
   */
  async waitForProblems(code: string, timeoutMs = SLOW_MS): Promise<ProblemRow[]> {
    await this.page.waitForFunction(
      (want) => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
        const codes = Array.from(doc.querySelectorAll('.markers-panel .marker-code'), (e) => e.textContent);
        return codes.length > 0 && codes.every((c) => c === want);
      },
      code,
      { timeout: timeoutMs },
    );
    return this.problemRows();
  }

  async problemRows(): Promise<ProblemRow[]> {
    const rows = await this.problemsPanel.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((e) => ({
        message: e.querySelector('.marker-message')?.textContent ?? '',
        code: e.querySelector('.marker-code')?.textContent ?? '',
        where: e.querySelector('.marker-line')?.textContent ?? '',
      })),
    );
    const out: ProblemRow[] = [];
    for (const r of rows) {
      const m = /Ln (\d+), Col (\d+)/.exec(r.where);
      if (!m || !r.code) continue;
      out.push({ message: plain(r.message), code: r.code, line: Number(m[1]), column: Number(m[2]) });
    }
    return out;
  }
}
