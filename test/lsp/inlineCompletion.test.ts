/**
 * Inline completions from the tiny generated Gemma 3 model through the real language server:
 * max tokens and stop rules, newer requests aborting older ones, the cache while typing into a
 * suggestion, and a prompt whose prefix stays in the KV cache across keystrokes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DidChangeConfigurationNotification, InlineCompletionRequest, InlineCompletionTriggerKind, type InlineCompletionItem } from 'vscode-languageserver-protocol/node';
import { silentLogger } from '../../server/src/logger';
import { createLlamaRuntime } from '../../server/src/model/llamaLoader';
import { ModelNeededNotification, ModelStatusRequest } from '../../server/src/protocol';
import { tinyModelPath } from '../support/models';
import { type Harness, startServer } from './harness';

const runtime = createLlamaRuntime(silentLogger, { gpu: false });
const NOTE = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'progress-note-chf.cnote'), 'utf8');
const URI = 'file:///inline.cnote';

function completionSettings(inline: Record<string, unknown>) {
  return { enable: true, inline: { enable: true, debounceMs: 0, maxTokens: 8, stopAt: 'section', ...inline } };
}

async function ask(h: Harness, line: number, character: number): Promise<InlineCompletionItem[] | null> {
  const r = await h.client.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri: URI },
    position: { line, character },
    context: { triggerKind: InlineCompletionTriggerKind.Automatic },
  });
  return Array.isArray(r) ? r : (r?.items ?? null);
}

describe('inline completion with the tiny model', () => {
  let h: Harness;
  const lines = NOTE.split('\n');
  // Type at the end of the note's last non-empty line.
  const lastLine = lines.length - 1;

  before(async () => {
    h = await startServer(
      { settings: { diagnostics: { delayMs: 0 }, model: { path: tinyModelPath(), threads: 1, contextSize: 4096, gpuLayers: 0, sequences: 2 }, completion: completionSettings({}) } },
      { modelRuntime: runtime },
    );
    for (let i = 0; i < 600 && (await h.client.sendRequest(ModelStatusRequest.type)).state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal((await h.client.sendRequest(ModelStatusRequest.type)).state, 'ready');
    h.open(URI, NOTE);
  });
  after(async () => {
    await h.dispose();
    await runtime.dispose();
  });

  test('returns ghost text within max tokens, ending where the stop rule says', async () => {
    const items = await ask(h, lastLine, lines[lastLine]!.length);
    assert.ok(items && items.length === 1, 'one suggestion');
    const text = String(items[0]!.insertText);
    assert.ok(text.length > 0);
    assert.ok(!text.includes('\n\n'), 'section stop: no blank line inside');
    const calls = h.server.inline.stats.calls;
    assert.ok(calls.length >= 1);
    const model = h.server.modelService.model!;
    assert.ok(model.tokenize(text).length <= 8 + 1, `within max tokens: ${model.tokenize(text).length}`);

    await h.client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { medgemmaNotes: { model: { path: tinyModelPath(), threads: 1, contextSize: 4096, gpuLayers: 0, sequences: 2 }, completion: completionSettings({ stopAt: 'line', maxTokens: 24 }) } },
    });
    h.change(URI, [{ range: { start: { line: lastLine, character: lines[lastLine]!.length }, end: { line: lastLine, character: lines[lastLine]!.length } }, text: ' ' }]);
    const lineItems = await ask(h, lastLine, lines[lastLine]!.length + 1);
    if (lineItems && lineItems.length > 0) assert.ok(!String(lineItems[0]!.insertText).includes('\n'), 'line stop: single line');
  });

  test('typing the first characters of a suggestion is served from the cache, with no model call', async () => {
    const col = lines[lastLine]!.length + 1;
    const first = await ask(h, lastLine, col);
    assert.ok(first && first.length === 1);
    const text = String(first[0]!.insertText);
    const typed = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    const callsBefore = h.server.inline.stats.calls.length;
    const hitsBefore = h.server.inline.stats.outcomes['cache-hit'];
    h.change(URI, [{ range: { start: { line: lastLine, character: col }, end: { line: lastLine, character: col } }, text: typed }]);
    const next = await ask(h, lastLine, col + typed.length);
    assert.ok(next && next.length === 1);
    assert.equal(String(next[0]!.insertText), text.slice(typed.length));
    assert.equal(h.server.inline.stats.calls.length, callsBefore, 'no model call');
    assert.equal(h.server.inline.stats.outcomes['cache-hit'], hitsBefore + 1);
    // Undo the typing for the next tests.
    h.change(URI, [{ range: { start: { line: lastLine, character: col }, end: { line: lastLine, character: col + typed.length } }, text: '' }]);
  });

  test('consecutive keystrokes in a section re-evaluate only the tail of the prompt', async () => {
    let col = lines[lastLine]!.length + 1;
    const reevaluated: number[] = [];
    const prompts: number[] = [];
    for (const ch of [' r', 'e', 'v', 'i', 'e', 'w', 'e', 'd']) {
      h.change(URI, [{ range: { start: { line: lastLine, character: col }, end: { line: lastLine, character: col } }, text: ch }]);
      col += ch.length;
      const before = h.server.inline.stats.calls.length;
      await ask(h, lastLine, col);
      // A keystroke that matches the last suggestion is served from the cache (no call).
      if (h.server.inline.stats.calls.length === before) continue;
      const call = h.server.inline.stats.calls[h.server.inline.stats.calls.length - 1]!;
      reevaluated.push(call.reevaluated);
      prompts.push(call.prompt);
    }
    assert.ok(reevaluated.length >= 3, `model calls: ${reevaluated.length}`);
    // After the first keystroke, each request re-evaluates the last few tokens only (the typed
    // characters' tokens, a possibly re-merged last word, +1 for the logits), never the prompt.
    for (let i = 1; i < reevaluated.length; i++) {
      assert.ok(reevaluated[i]! <= 4, `keystroke ${i}: re-evaluated ${reevaluated[i]} of ${prompts[i]} prompt tokens`);
      assert.ok(prompts[i]! > 500);
    }
  });

  test('a newer request aborts the older one', async () => {
    await h.client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { medgemmaNotes: { model: { path: tinyModelPath(), threads: 1, contextSize: 4096, gpuLayers: 0, sequences: 2 }, completion: completionSettings({ maxTokens: 400, stopAt: 'section', debounceMs: 50 }) } },
    });
    const col = lines[lastLine]!.length;
    const cancelledBefore = h.server.inline.stats.outcomes.cancelled + h.server.inline.stats.outcomes.debounced;
    const older = ask(h, lastLine, col);
    await new Promise((r) => setTimeout(r, 5));
    const newer = ask(h, lastLine, col - 1);
    const [a, b] = await Promise.all([older, newer]);
    assert.equal(a, null, 'the older request gives nothing');
    assert.ok(b === null || b.length <= 1);
    assert.ok(h.server.inline.stats.outcomes.cancelled + h.server.inline.stats.outcomes.debounced > cancelledBefore);
  });
});

describe('inline completion without a model', () => {
  test('answers nothing, and tells the client once that a model is needed', async () => {
    const h = await startServer({ settings: { diagnostics: { delayMs: 0 }, completion: completionSettings({}) } });
    try {
      let needed = 0;
      h.client.onNotification(ModelNeededNotification.type, () => {
        needed++;
      });
      h.open(URI, NOTE);
      assert.equal(await ask(h, 0, 0), null);
      assert.equal(await ask(h, 1, 0), null);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(needed, 1);
      assert.equal(h.server.inline.stats.outcomes['no-model'], 2);
    } finally {
      await h.dispose();
    }
  });
});
