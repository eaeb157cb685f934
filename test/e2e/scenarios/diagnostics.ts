/**
 * (c) The Problems panel lists every diagnostic the registered rules produce for the
 * medication-safety example (by code and position), and `input-not-analysed` for a binary note.
 */
import assert from 'node:assert/strict';
import { exampleText, expectedDiagnostics } from '../expected';
import type { Scenario } from '../harness/scenario';

const FILE = 'hp-medication-safety.cnote';
const BINARY = 'binary.note';
/** Above this many rows per code the panel may not render them all; positions are then sampled. */
const ALL_ROWS = 10;

export const diagnostics: Scenario = {
  id: 'diagnostics',
  title: 'the Problems panel lists the expected decision-support diagnostics',
  timeoutMs: 180_000,
  async run({ workbench, screenshot, note }) {
    const expected = expectedDiagnostics(exampleText(FILE));
    const codes = [...new Set(expected.map((d) => d.code))];
    note(`expected ${expected.length} diagnostics in ${FILE}: ${codes.join(', ') || 'none'}`);

    await workbench.openFile(FILE);
    await workbench.openProblems();
    if (expected.length > 0) {
      await workbench.problemCountFor(FILE, expected.length);
      for (const code of codes) {
        await workbench.filterProblems(code);
        const rows = (await workbench.waitForProblems(code)).filter((r) => r.code === code);
        const want = expected.filter((d) => d.code === code);
        const shown = new Set(rows.map((r) => `${r.line}:${r.column}`));
        for (const d of want.slice(0, ALL_ROWS)) {
          assert.ok(shown.has(`${d.line}:${d.column}`) || want.length > ALL_ROWS, `${code} at Ln ${d.line}, Col ${d.column} missing; shown: ${[...shown].join(' ')}`);
        }
      }
      await workbench.filterProblems('');
      await screenshot('problems');
    }

    // A binary file with a note extension: VS Code asks before showing it as text and then gives
    // it the language "Binary", so the server never sees it. Switched to Clinical Note by hand,
    // the server says it did not analyse it rather than reporting nothing.
    await workbench.openFile(BINARY);
    await workbench.page.getByRole('button', { name: 'Open Anyway' }).click({ timeout: 30_000 });
    await workbench.pick('Text Editor', 'Text Editor');
    await workbench.runCommand('Change Language Mode', true);
    await workbench.pick('Clinical Note', 'Clinical Note');
    await workbench.waitForLanguageMode('Clinical Note');
    await workbench.filterProblems('input-not-analysed');
    const rows = await workbench.waitForProblems('input-not-analysed');
    assert.ok(rows.some((r) => r.code === 'input-not-analysed' && /binary/i.test(r.message)), 'binary note reported as not analysed');
    await screenshot('binary-not-analysed');
    await workbench.filterProblems('');
  },
};
