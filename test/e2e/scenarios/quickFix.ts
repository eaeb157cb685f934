/**
 * (d) Applying a quick fix changes the text. Data-driven: the fix is the one the registered rules
 * offer in the medication-safety example (preferably `QD` → `daily`), and the Problems count
 * afterwards is what the rules report for the fixed text.
 */
import assert from 'node:assert/strict';
import { exampleText, expectedDiagnostics, expectedFix } from '../expected';
import type { Scenario } from '../harness/scenario';

const FILE = 'hp-medication-safety.cnote';

export const quickFix: Scenario = {
  id: 'quick-fix',
  title: 'a quick fix applied from the light bulb menu changes the note',
  timeoutMs: 180_000,
  async run({ workbench, screenshot, note }) {
    const text = exampleText(FILE);
    const fix = expectedFix(text, /"daily"/);
    assert.ok(fix, `no registered rule offers a single-line quick fix in ${FILE} (see server/src/clinical/rules/index.ts)`);
    note(`${fix.diagnostic.code} at Ln ${fix.diagnostic.line}, Col ${fix.diagnostic.column}: ${fix.fix.title}`);
    let fixed = text;
    for (const e of [...fix.fix.edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, e.span.start) + e.newText + fixed.slice(e.span.end);
    const before = expectedDiagnostics(text).length;
    const after = expectedDiagnostics(fixed).length;

    await workbench.openFile(FILE);
    await workbench.openProblems();
    // Code actions come from the diagnostics, so wait until they are published.
    await workbench.problemCountFor(FILE, before);
    await workbench.goTo(fix.diagnostic.line, fix.diagnostic.column);
    await workbench.waitForLine(fix.lineBefore);
    await workbench.applyQuickFix(fix.fix.title);
    await workbench.waitForLine(fix.lineAfter);
    assert.ok(!(await workbench.visibleLines()).includes(fix.lineBefore), 'the old line is gone');
    if (after > 0) await workbench.problemCountFor(FILE, after);
    await screenshot('applied');

    await workbench.runCommand('File: Revert File');
    await workbench.waitForLine(fix.lineBefore);
  },
};
