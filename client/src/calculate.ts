/**
 * "Calculate…": pick a calculator (those the note already has every input for come first),
 * fill what the note does not document, see the result with its arithmetic, insert it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CalculateRequest, type CalculatorInfo, type CalculatorInputInfo, CalculatorsRequest } from '../../server/src/protocol';

interface CalcPick extends vscode.QuickPickItem {
  calc: CalculatorInfo;
}

function display(v: unknown): string {
  if (v && typeof v === 'object' && 'value' in v) {
    const q = v as { value: unknown; unit?: unknown };
    return `${String(q.value)}${q.unit ? ` ${String(q.unit)}` : ''}`;
  }
  return String(v);
}

/**
 * Asks for one missing value; undefined when the user cancels. A convention (a guideline's
 * factors, a formula variant) offers its default first, marked so.
 */
async function askInput(input: CalculatorInputInfo): Promise<unknown> {
  if (input.kind === 'choice' && input.choices) {
    const items = input.choices.map((c, i) => ({ label: c, description: input.convention && i === 0 ? 'default' : undefined }));
    const pick = await vscode.window.showQuickPick(items, { title: input.label, placeHolder: `Choose ${input.label}`, ignoreFocusOut: true });
    return pick?.label;
  }
  const unit = input.unit ? ` (${input.unit})` : '';
  const raw = await vscode.window.showInputBox({
    title: `${input.label}${unit}`,
    prompt: input.kind === 'date' ? 'A date, e.g. 2025-03-14' : `A number${unit ? ` in ${input.unit}` : ''}; another unit may follow it, e.g. "180 lb"`,
    validateInput: (s) => {
      if (input.kind === 'date') return s.trim() ? undefined : 'Enter a date';
      return /^\s*-?\d+(\.\d+)?\s*[^\d\s]*.*$/.test(s) ? undefined : 'Enter a number, optionally with a unit';
    },
    ignoreFocusOut: true,
  });
  if (raw === undefined) return undefined;
  if (input.kind === 'date') return raw.trim();
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(.*?)\s*$/.exec(raw)!;
  const value = Number(m[1]);
  return m[2] ? { value, unit: m[2] } : value;
}

export async function runCalculate(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.languageId === 'clinical-note' ? editor.document.uri.toString() : undefined;
  const calculators = await client.sendRequest(CalculatorsRequest.type, uri ? { uri } : {});
  const items: CalcPick[] = calculators
    .map((calc) => ({
      calc,
      label: calc.name,
      description: uri ? (calc.missing.length === 0 ? '$(check) all inputs in the note' : `needs ${calc.missing.slice(0, 3).join(', ')}${calc.missing.length > 3 ? '…' : ''}`) : undefined,
      detail: calc.reference.title,
    }))
    .sort((a, b) => a.calc.missing.length - b.calc.missing.length || a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { title: 'Calculate…', placeHolder: 'Pick a calculator', matchOnDetail: true });
  if (!picked) return;
  const calc = picked.calc;
  const inputs: Record<string, unknown> = { ...calc.prefilled };

  // Yes/no criteria in one multi-select, pre-checked from the note.
  const booleans = calc.inputs.filter((i) => i.kind === 'boolean');
  if (booleans.length > 0) {
    const chosen = await vscode.window.showQuickPick(
      booleans.map((i) => ({ label: i.label, key: i.key, picked: inputs[i.key] === true })),
      { title: `${calc.name}: which apply?`, canPickMany: true, ignoreFocusOut: true },
    );
    if (!chosen) return;
    for (const i of booleans) inputs[i.key] = chosen.some((c) => c.key === i.key);
  }
  for (const input of calc.inputs) {
    if (input.kind === 'boolean' || inputs[input.key] !== undefined) continue;
    // Optional findings stay unasked (missing means absent, as the calculator reads them);
    // conventions are asked, and Escape keeps the default.
    if (input.optional && !input.convention) continue;
    const value = await askInput(input);
    if (value === undefined) {
      if (input.convention) continue;
      return;
    }
    inputs[input.key] = value;
  }

  let result = await client.sendRequest(CalculateRequest.type, { id: calc.id, inputs });
  // A choice can make an optional input required (paediatric SIRS needs the age): ask, then retry once.
  const missing = result.ok ? [] : result.missing;
  const needed = calc.inputs.filter((i) => missing.includes(i.label) && inputs[i.key] === undefined);
  if (needed.length > 0) {
    for (const input of needed) {
      const value = await askInput(input);
      if (value === undefined) return;
      inputs[input.key] = value;
    }
    result = await client.sendRequest(CalculateRequest.type, { id: calc.id, inputs });
  }
  if (!result.ok) {
    void vscode.window.showWarningMessage(`${calc.name}: ${result.error}`);
    return;
  }
  const line = `${calc.name}: ${result.value}${result.unit ? ` ${result.unit}` : ''}`;
  const used = calc.inputs.filter((i) => inputs[i.key] !== undefined && inputs[i.key] !== false).map((i) => `${i.label} ${display(inputs[i.key])}`);
  const action = await vscode.window.showInformationMessage(line, { detail: used.join('; ') }, 'Insert into Note', 'Show Explanation');
  if (action === 'Insert into Note' && editor && editor.document.languageId === 'clinical-note') {
    await editor.edit((b) => b.insert(editor.selection.active, line));
  } else if (action === 'Show Explanation') {
    const md = `# ${line}\n\n\`\`\`\n${result.explanation}\n\`\`\`\n\n[${calc.reference.title}](${calc.reference.url})\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: md });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
