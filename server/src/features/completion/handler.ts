/**
 * `textDocument/completion`: the thin LSP side of ordinary completions. The items come from
 * `computeCompletions` over the cached parse of the document (`DocumentModels`).
 */
import { type CompletionList, type CompletionParams, CompletionTriggerKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClinicalNote } from '../../note/types';
import type { ServerSettings } from '../../protocol';
import { computeCompletions, TRIGGER_CHARACTERS } from './completion';

export { TRIGGER_CHARACTERS };

/**
 * Completion items at `params.position`, or null when completions are turned off
 * (`medgemmaNotes.completion.enable`) or the note is over the analysis size limit.
 */
export function completion(doc: TextDocument, params: CompletionParams, note: () => ClinicalNote, settings: ServerSettings): CompletionList | null {
  if (!settings.completion.enable) return null;
  const text = doc.getText();
  if (text.length > settings.maxNoteSizeMiB * 1024 * 1024) return null;
  const context = params.context;
  // A position past the end of its line is clamped, so the items' ranges stay inside the line.
  const offset = doc.offsetAt(params.position);
  const input = { text, offset, position: doc.positionAt(offset), note };
  return computeCompletions(
    context?.triggerKind === CompletionTriggerKind.TriggerCharacter && context.triggerCharacter !== undefined
      ? { ...input, triggerCharacter: context.triggerCharacter }
      : input,
  );
}
