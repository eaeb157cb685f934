/** NEWS2 inlay hints: each scored vital on the first screen shows its points (`+3`) after it. */
import assert from 'node:assert/strict';
import { exampleText, type ExpectedHint, expectedInlayHints } from '../expected';
import { escapeRegExp } from '../harness/workbench';
import type { Scenario } from '../harness/scenario';

const FILE = 'ed-triage-sepsis.cnote';
/** Lines the editor shows without scrolling (at 1600×1000). */
const FIRST_SCREEN = 30;

/** A line as rendered: each hint's label inserted where it is drawn, spacing aside. */
function rendered(hints: readonly ExpectedHint[]): RegExp {
  const lit = (s: string): string => escapeRegExp(s).replace(/ /g, '[ \\u00a0]');
  const text = hints[0]!.lineText;
  let pattern = '';
  let at = 0;
  for (const h of [...hints].sort((a, b) => a.column - b.column)) {
    pattern += `${lit(text.slice(at, h.column - 1))}[ \\u00a0]?${escapeRegExp(h.label)}[ \\u00a0]?`;
    at = h.column - 1;
  }
  return new RegExp(`^${pattern}${lit(text.slice(at))}$`);
}

export const inlayHints: Scenario = {
  id: 'inlay-hints',
  title: 'NEWS2 points show as inlay hints after the scored vital signs',
  async run({ workbench, screenshot, note }) {
    const hints = expectedInlayHints(exampleText(FILE)).filter((h) => h.line <= FIRST_SCREEN);
    assert.ok(hints.length > 0, `${FILE} should have scored vitals on its first screen`);
    note(`expected hints: ${hints.map((h) => `Ln ${h.line} ${h.label}`).join(', ')}`);
    const byLine = new Map<number, ExpectedHint[]>();
    for (const h of hints) byLine.set(h.line, [...(byLine.get(h.line) ?? []), h]);
    await workbench.openFile(FILE);
    for (const lineHints of byLine.values()) await workbench.waitForLine(rendered(lineHints), 90_000);
    await screenshot('hints');
  },
};
