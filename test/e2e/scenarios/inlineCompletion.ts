/**
 * Inline completion from the local model: typing at the end of a line in the Plan section shows
 * ghost text (the tiny model's gibberish: the point is the path, keystroke → server → llama.cpp →
 * ghost text), Tab accepts it, and the saved note differs from what was typed by exactly the
 * ghost text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exampleText } from '../expected';
import type { Scenario } from '../harness/scenario';
import { WORKSPACE_FILES } from '../harness/session';

/** The scratch note is a copy of this example, so saving it changes no other scenario's note. */
const EXAMPLE = 'ed-triage-sepsis.cnote';
const FILE = WORKSPACE_FILES.scratchNote;
const LINE = '- Repeat lactate in 2 h';
const TYPED = ' and';
/** The model loads with the first note; the first completion evaluates the whole prompt. */
const GHOST_MS = 180_000;

export const inlineCompletion: Scenario = {
  id: 'inline-completion',
  title: 'typing in a note shows ghost text from the model and Tab inserts exactly it',
  timeoutMs: 300_000,
  async run({ workbench, workspace, model, screenshot, note }) {
    const original = exampleText(EXAMPLE);
    const lines = original.split('\n');
    const index = lines.indexOf(LINE);
    assert.ok(index >= 0, `${EXAMPLE} should have the line "${LINE}" in its plan`);
    const file = path.join(workspace, FILE);
    assert.equal(readFileSync(file, 'utf8'), original, `${FILE} is unchanged (each session makes it afresh)`);

    await workbench.openFile(FILE);
    await workbench.waitForLanguageMode('Clinical Note');
    // Until the model is loaded the server has nothing to complete with (and VS Code asks again
    // only at the next keystroke): type once the status bar says the model is ready.
    await workbench.statusBarEntry(path.basename(model).replace(/\.gguf$/i, '')).waitFor({ timeout: GHOST_MS });
    await workbench.goTo(index + 1, LINE.length + 1);
    await workbench.type(TYPED);
    await workbench.lineStartingWith(`${LINE}${TYPED}`).waitFor();
    const ghost = await workbench.waitForGhostText(GHOST_MS);
    note(`ghost text: ${ghost.length} characters`);
    assert.ok(ghost.length > 0, 'ghost text shows');
    await screenshot('ghost-text');

    await workbench.page.keyboard.press('Tab');
    // Accepting can ask for the next completion at once, so the line may carry new ghost text:
    // the saved file is the exact check.
    await workbench.lineStartingWith(`${LINE}${TYPED}${ghost}`).waitFor();
    await workbench.save(FILE);
    await screenshot('accepted');

    const expected = lines.map((l, i) => (i === index ? `${LINE}${TYPED}${ghost}` : l)).join('\n');
    assert.equal(readFileSync(file, 'utf8'), expected, 'the note changed by what was typed and exactly the ghost text');
  },
};
