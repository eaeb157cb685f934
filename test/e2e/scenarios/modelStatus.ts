/**
 * The local model in the installed extension: with the tiny generated Gemma 3 configured, the
 * server loads it through the llama.cpp binary the VSIX ships; the status bar names the model
 * and "Show Model Status" reports it ready, with its file name.
 */
import * as path from 'node:path';
import type { Scenario } from '../harness/scenario';

const FILE = 'ed-triage-sepsis.cnote';
/** The server starts with the first note and loads the model in the background; CI is busy. */
const LOAD_MS = 180_000;

export const modelStatus: Scenario = {
  id: 'model-status',
  title: 'the configured model loads: the status bar names it and Show Model Status reports it ready',
  timeoutMs: 300_000,
  async run({ workbench, model, screenshot, note }) {
    const fileName = path.basename(model);
    const shortName = fileName.replace(/\.gguf$/i, '');
    await workbench.openFile(FILE);
    await workbench.waitForLanguageMode('Clinical Note');

    const item = workbench.statusBarEntry(shortName);
    await item.waitFor({ timeout: LOAD_MS });
    note(`status bar: ${(await item.innerText()).trim()}`);
    await screenshot('status-bar');

    await workbench.runCommand('MedGemma Notes: Show Model Status');
    await workbench.waitForLanguageMode('Markdown');
    await workbench.waitForLine('# Model status: ready', LOAD_MS);
    await workbench.waitForLine(`Model file: ${fileName}`);
    await screenshot('status-document');
  },
};
