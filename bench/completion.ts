/**
 * `npm run bench:completion [-- --model PATH] [--keystrokes N] [--interval MS] [--data DIR]`
 *
 * Replays a typing session into an ACI-Bench visit note through the real language server (in
 * process, real LSP connection) with the tiny generated Gemma 3 model (or `--model PATH`):
 * keystrokes insert the text of another visit note's plan character by character at the end of
 * the note, with a backspace burst every 25 keystrokes; after each keystroke the client asks for
 * an inline completion and cancels the previous request, as VS Code does. Prints, last, one JSON
 * line: keystrokes, requests, cancelled, cacheHits, p50Ms, p95Ms (server side, model calls),
 * meanReevaluatedTokens, meanPromptTokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, InlineCompletionRequest, InlineCompletionTriggerKind } from 'vscode-languageserver-protocol/node';
import { silentLogger } from '../server/src/logger';
import { createLlamaRuntime } from '../server/src/model/llamaLoader';
import { ModelStatusRequest } from '../server/src/protocol';
import { startServer } from '../test/lsp/harness';
import { tinyModelPath } from '../test/support/models';
import { dataDir, parseCsv } from './sharedData';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const keystrokes = Number(arg('keystrokes') ?? 320);
  const interval = Number(arg('interval') ?? 200);
  const modelPath = arg('model') ? path.resolve(arg('model')!) : tinyModelPath();
  const dir = path.join(dataDir(), 'aci_bench');
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && !f.includes('metadata'))
    .sort()
    .flatMap((f) => parseCsv(readFileSync(path.join(dir, f), 'utf8')))
    .filter((r) => r.note && r.note.length > 3000);
  const note = rows[0]!.note!;
  const source = rows[1]!.note!;
  const typed = source.slice(source.length - Math.max(keystrokes * 2, 2000)).replace(/\r/g, '');

  const runtime = createLlamaRuntime(silentLogger, { gpu: false });
  const h = await startServer(
    {
      settings: {
        diagnostics: { delayMs: 200 },
        model: { path: modelPath, threads: Number(arg('threads') ?? 1), contextSize: 8192, gpuLayers: 0, sequences: 2 },
        completion: { enable: true, inline: { enable: true, debounceMs: 150, maxTokens: 24, stopAt: 'line' } },
      },
    },
    { modelRuntime: runtime },
  );
  try {
    for (let i = 0; i < 1200 && (await h.client.sendRequest(ModelStatusRequest.type)).state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
    const status = await h.client.sendRequest(ModelStatusRequest.type);
    if (status.state !== 'ready') throw new Error(`model not ready: ${status.error?.message ?? status.state}`);
    const uri = 'file:///bench.cnote';
    let text = `${note.replace(/\r/g, '')}\n\nADDENDUM\n`;
    h.open(uri, text);
    const pos = (offset: number): { line: number; character: number } => {
      const before = text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return { line, character: offset - (before.lastIndexOf('\n') + 1) };
    };
    let cursor = text.length;
    let next = 0;
    let pending: CancellationTokenSource | undefined;
    const inflight: Promise<unknown>[] = [];
    for (let k = 0; k < keystrokes; k++) {
      if (k % 25 === 24) {
        // A backspace.
        h.change(uri, [{ range: { start: pos(cursor - 1), end: pos(cursor) }, text: '' }]);
        text = text.slice(0, cursor - 1) + text.slice(cursor);
        cursor--;
      } else {
        const ch = typed[next++ % typed.length]!;
        h.change(uri, [{ range: { start: pos(cursor), end: pos(cursor) }, text: ch }]);
        text = text.slice(0, cursor) + ch + text.slice(cursor);
        cursor++;
      }
      pending?.cancel();
      pending = new CancellationTokenSource();
      inflight.push(
        h.client
          .sendRequest(InlineCompletionRequest.type, { textDocument: { uri }, position: pos(cursor), context: { triggerKind: InlineCompletionTriggerKind.Automatic } }, pending.token)
          .catch(() => null),
      );
      await new Promise((r) => setTimeout(r, interval));
    }
    await Promise.all(inflight);
    const s = h.server.inline.stats;
    const calls = s.calls;
    const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
    const served = calls.length;
    process.stderr.write(`model ${path.basename(modelPath)}; outcomes ${JSON.stringify(s.outcomes)}; ${served} model calls\n`);
    console.log(
      JSON.stringify({
        keystrokes,
        requests: s.requests,
        cancelled: s.outcomes.cancelled + s.outcomes.debounced,
        cacheHits: s.outcomes['cache-hit'],
        p50Ms: Math.round(percentile(calls.map((c) => c.ms), 50)),
        p95Ms: Math.round(percentile(calls.map((c) => c.ms), 95)),
        meanReevaluatedTokens: Math.round(mean(calls.map((c) => c.reevaluated)) * 10) / 10,
        meanPromptTokens: Math.round(mean(calls.map((c) => c.prompt)) * 10) / 10,
      }),
    );
  } finally {
    await h.dispose();
    await runtime.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
