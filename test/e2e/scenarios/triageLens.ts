/** (b) The triage code lens shows the expected summary above line 1. */
import assert from 'node:assert/strict';
import { exampleText, expectedTriageLens } from '../expected';
import type { Scenario } from '../harness/scenario';

const FILE = 'ed-triage-sepsis.cnote';

export const triageLens: Scenario = {
  id: 'triage-lens',
  title: 'the triage code lens appears above line 1 with the computed scores',
  async run({ workbench, screenshot, note }) {
    const expected = expectedTriageLens(exampleText(FILE));
    assert.ok(expected, `${FILE} should have something to triage`);
    note(`expected lens: ${expected}`);
    await workbench.openFile(FILE);
    // The lens arrives once the language server has analysed the note.
    const lens = workbench.codeLens(expected);
    await lens.waitFor({ timeout: 90_000 });
    assert.equal((await lens.innerText()).replace(/\u00a0/g, ' ').trim(), expected);

    const firstLine = workbench.lineStartingWith('ED TRIAGE NOTE');
    // VS Code re-renders code lenses when it re-queries them, so an element can be detached for a
    // moment between two reads: wait for both to be visible again and re-read, a bounded number of times.
    let lensBox: Awaited<ReturnType<typeof lens.boundingBox>> = null;
    let lineBox: Awaited<ReturnType<typeof firstLine.boundingBox>> = null;
    for (let attempt = 0; attempt < 20 && !(lensBox && lineBox); attempt++) {
      await Promise.all([lens.waitFor({ state: 'visible', timeout: 10_000 }), firstLine.waitFor({ state: 'visible', timeout: 10_000 })]);
      [lensBox, lineBox] = await Promise.all([lens.boundingBox(), firstLine.boundingBox()]);
    }
    assert.ok(lensBox && lineBox, 'lens and first line are rendered');
    assert.ok(lensBox.y + lensBox.height <= lineBox.y + 1, `lens (y ${lensBox.y}) should sit above line 1 (y ${lineBox.y})`);
    await screenshot('lens');
  },
};
