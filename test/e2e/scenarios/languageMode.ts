/** (a) A `.cnote` file opens as "Clinical Note" and the grammar colours its tokens. */
import assert from 'node:assert/strict';
import type { Scenario } from '../harness/scenario';

const FILE = 'ed-triage-sepsis.cnote';

export const languageMode: Scenario = {
  id: 'language-mode',
  title: 'opening a .cnote shows language mode "Clinical Note" and coloured tokens',
  async run({ workbench, screenshot }) {
    await workbench.openFile(FILE);
    await workbench.waitForLanguageMode('Clinical Note');

    // The first line is a heading; once tokenised, its text is drawn in a colour other than the
    // editor's default foreground (tokenisation is asynchronous, so wait for it).
    const heading = workbench.lineStartingWith('ED TRIAGE NOTE');
    await heading.waitFor();
    await heading.locator('span[class*="mtk"]:not(.mtk1)').first().waitFor();
    const colours = await workbench.editor.evaluate((editor) => {
      // Runs in the browser; the project's TypeScript lib has no DOM, hence the local type.
      const { getComputedStyle } = globalThis as unknown as { getComputedStyle(e: unknown): { color: string } };
      const base = getComputedStyle(editor.querySelector('.view-lines')).color;
      const tokens: unknown[] = Array.from(editor.querySelectorAll('.view-lines .view-line span[class*="mtk"]'));
      return { base, distinct: [...new Set(tokens.map((t) => getComputedStyle(t).color))] };
    });
    const coloured = colours.distinct.filter((c) => c !== colours.base);
    assert.ok(coloured.length >= 2, `expected several token colours besides ${colours.base}, got ${colours.distinct.join(', ')}`);
    await screenshot('highlighting');
  },
};
