/**
 * The walkthrough: it is listed under Welcome, and its first step's button opens an example note
 * (an untitled copy) that the language server analyses like any other note.
 */
import { exampleText, expectedTriageLens } from '../expected';
import type { Scenario } from '../harness/scenario';

const TITLE = 'Get Started with MedGemma Notes';

export const walkthrough: Scenario = {
  id: 'walkthrough',
  title: 'the walkthrough opens an example note with its triage lens',
  timeoutMs: 180_000,
  async run({ workbench, screenshot }) {
    const page = workbench.page;
    await workbench.runCommand('Welcome: Open Walkthrough...', true);
    await workbench.pick(TITLE, TITLE);

    const step = page.locator('.getting-started-step').filter({ hasText: 'Open an example note' });
    await step.first().waitFor({ timeout: 60_000 });
    await screenshot('page');
    await step.first().click();
    await step.first().getByRole('button', { name: 'Open Example Note' }).click();

    await workbench.waitForLanguageMode('Clinical Note');
    const lens = expectedTriageLens(exampleText('ed-triage-sepsis.cnote'));
    if (lens) await workbench.codeLens(lens).waitFor({ timeout: 90_000 });
    await screenshot('example');
  },
};
