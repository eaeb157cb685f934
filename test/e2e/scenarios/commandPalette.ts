/** (e) A command from the palette runs: Show Note Structure opens the parsed note as JSON beside it. */
import assert from 'node:assert/strict';
import { exampleText, parsed } from '../expected';
import type { Scenario } from '../harness/scenario';

const FILE = 'ed-triage-sepsis.cnote';

export const commandPalette: Scenario = {
  id: 'command-palette',
  title: 'MedGemma Notes: Show Note Structure from the palette opens the note model as JSON',
  async run({ workbench, screenshot }) {
    const noteType = parsed(exampleText(FILE)).noteType;
    await workbench.openFile(FILE);
    await workbench.waitForLanguageMode('Clinical Note');
    await workbench.runCommand('MedGemma Notes: Show Note Structure');
    await workbench.waitForLanguageMode('JSON');
    await workbench.waitForLine(`  "noteType": "${noteType}",`, 60_000);
    const groups = await workbench.page.locator('.editor-group-container').count();
    assert.equal(groups, 2, 'the JSON opens beside the note');
    await screenshot('note-structure');
  },
};
