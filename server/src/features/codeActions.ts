/** Quick fixes: the safe fixes that rules attached to their diagnostics. */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { fixesToActions } from './convert';

export function codeActions(doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    actions.push(...fixesToActions(doc, d));
  }
  return actions;
}
