/**
 * `textDocument/completion` over a real in-process LSP connection: the capability, items with
 * text edits on the current document version, the space trigger, and the on/off setting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  CompletionTriggerKind,
  InsertTextFormat,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { type Harness, startServer } from './harness';

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (result === null) return [];
  return Array.isArray(result) ? result : result.items;
}

function labelsOf(result: CompletionList | CompletionItem[] | null): string[] {
  return items(result).map((i) => i.label);
}

/** Asks until the server has seen the document's latest version (notifications are not awaited). */
async function completeWhen(h: Harness, uri: string, position: Position, accept: (labels: string[]) => boolean, trigger?: string): Promise<CompletionList | CompletionItem[] | null> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const context = trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : { triggerKind: CompletionTriggerKind.Invoked };
    const result = await h.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context });
    if (accept(labelsOf(result)) || Date.now() > deadline) return result;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

describe('completion over LSP', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
  });
  after(async () => {
    await h.dispose();
  });

  test('advertises completion with the space trigger and no resolve step', () => {
    const provider = h.init.capabilities.completionProvider;
    assert.ok(provider);
    assert.deepEqual(provider.triggerCharacters, [' ']);
    assert.equal(provider.resolveProvider, false);
  });

  test('headings, medication names and sig follow-ups on the current version', async () => {
    const uri = 'file:///completion-hp.cnote';
    h.open(uri, 'History and Physical\nChief Complaint: fall\nMedications:\n- metop\n');
    const names = await completeWhen(h, uri, { line: 3, character: 7 }, (l) => l.includes('metoprolol'));
    const metoprolol = items(names).find((i) => i.label === 'metoprolol');
    assert.ok(metoprolol && metoprolol.textEdit && 'range' in metoprolol.textEdit);
    assert.deepEqual(metoprolol.textEdit.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } });

    // Accept it, as the client would, then type a space: the strengths follow.
    h.change(uri, [{ range: metoprolol.textEdit.range, text: metoprolol.textEdit.newText }]);
    const strengths = await completeWhen(h, uri, { line: 3, character: 13 }, (l) => l.includes('25 mg'), ' ');
    assert.deepEqual(labelsOf(strengths), ['25 mg', '50 mg', '100 mg', '200 mg', '2.5 mg', '5 mg']);

    h.change(uri, [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } }, text: '25 mg PO ' }]);
    const frequencies = await completeWhen(h, uri, { line: 3, character: 22 }, (l) => l.includes('twice daily'), ' ');
    assert.deepEqual(labelsOf(frequencies), ['twice daily', 'daily']);

    const headings = await completeWhen(h, uri, { line: 4, character: 0 }, (l) => l.includes('Allergies'));
    const offered = labelsOf(headings);
    assert.ok(offered.includes('Past Medical History') && offered.includes('Plan'));
    assert.ok(!offered.includes('Chief Complaint') && !offered.includes('Medications'), 'present headings are not offered');
    h.close(uri);
  });

  test('a typed space elsewhere asks for nothing', async () => {
    const uri = 'file:///completion-space.cnote';
    h.open(uri, 'HPI: patient reports \n');
    const result = await h.client.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 21 },
      context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' },
    });
    assert.deepEqual(items(result), []);
    h.close(uri);
  });

  test('templates on an empty note are snippets', async () => {
    const uri = 'file:///completion-empty.cnote';
    h.open(uri, '');
    const result = await completeWhen(h, uri, { line: 0, character: 0 }, (l) => l.includes('SOAP note'));
    const soap = items(result).find((i) => i.label === 'SOAP note');
    assert.equal(soap?.insertTextFormat, InsertTextFormat.Snippet);
    h.close(uri);
  });

  test('an unknown document and a position past the end answer without error', async () => {
    assert.equal(await h.client.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///nope.cnote' }, position: { line: 0, character: 0 } }), null);
    const uri = 'file:///completion-past-end.cnote';
    h.open(uri, 'Medications:\n- metop');
    const result = await completeWhen(h, uri, { line: 9, character: 99 }, (l) => l.includes('metoprolol'));
    assert.ok(labelsOf(result).includes('metoprolol'));
    h.close(uri);
  });
});

describe('completion turned off', () => {
  let h: Harness;
  before(async () => {
    h = await startServer({ settings: { diagnostics: { delayMs: 0 }, completion: { enable: false } } });
  });
  after(async () => {
    await h.dispose();
  });

  test('medgemmaNotes.completion.enable = false: no items', async () => {
    const uri = 'file:///completion-off.cnote';
    h.open(uri, 'Medications:\n- metop');
    // Wait until the server has the document, then ask.
    await h.diagnostics(uri);
    const result = await h.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 7 } });
    assert.equal(result, null);
    h.close(uri);
  });
});
