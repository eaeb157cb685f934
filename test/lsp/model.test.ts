/**
 * The model through the real language server: settings load the tiny generated Gemma 3 model,
 * "Show Model Status" data, clear errors, unload, workspace trust, and downloads from a local
 * HTTP server (cancel, resume).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { silentLogger } from '../../server/src/logger';
import { createLlamaRuntime } from '../../server/src/model/llamaLoader';
import {
  DownloadModelRequest,
  LoadModelRequest,
  type ModelStatus,
  ModelStatusNotification,
  ModelStatusRequest,
  UnloadModelRequest,
  WorkspaceTrustNotification,
} from '../../server/src/protocol';
import { tinyModelPath } from '../support/models';
import { type Harness, startServer } from './harness';

const runtime = createLlamaRuntime(silentLogger, { gpu: false });
after(() => runtime.dispose());

const modelSettings = (p: string) => ({ path: p, threads: 1, contextSize: 1024, gpuLayers: 0, sequences: 1 });

async function start(modelPath: string, trusted = true): Promise<{ h: Harness; statuses: ModelStatus[]; until(pred: (s: ModelStatus) => boolean): Promise<ModelStatus> }> {
  const statuses: ModelStatus[] = [];
  const h = await startServer({ settings: { diagnostics: { delayMs: 0 }, model: modelSettings(modelPath) }, workspaceTrusted: trusted }, { modelRuntime: runtime });
  const waiters = new Set<() => void>();
  h.client.onNotification(ModelStatusNotification.type, (s) => {
    statuses.push(s);
    for (const w of [...waiters]) w();
  });
  const until = (pred: (s: ModelStatus) => boolean): Promise<ModelStatus> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`status never matched; saw ${statuses.map((s) => s.state).join(', ')}`));
      }, 60_000);
      const check = (): void => {
        void h.client.sendRequest(ModelStatusRequest.type).then((s) => {
          if (pred(s)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(s);
          }
        });
      };
      waiters.add(check);
      check();
    });
  return { h, statuses, until };
}

describe('model through the language server', () => {
  test('a configured tiny Gemma 3 model loads and reports its facts', async () => {
    const { h, statuses, until } = await start(tinyModelPath());
    try {
      const s = await until((x) => x.state === 'ready');
      assert.ok(statuses.some((x) => x.state === 'loading'), 'a loading state was sent');
      const info = s.info!;
      assert.equal(info.architecture, 'gemma3');
      assert.equal(info.heads, 4);
      assert.equal(info.kvHeads, 2);
      assert.equal(info.gqaGroup, 2);
      assert.equal(info.slidingWindow, 64);
      assert.equal(info.slidingWindowPattern, 6);
      assert.equal(info.layers, 6);
      assert.equal(info.quantisation, 'Q8_0');
      assert.equal(info.contextSize, 1024);
      assert.equal(info.threads, 1);
      assert.equal(info.backend, 'cpu');
      assert.ok(info.parameters > 33_000_000, `parameters ${info.parameters}`);
      assert.ok(Math.abs(info.kvBytesPlanned - info.kvBytesActual) <= 0.1 * info.kvBytesActual, `KV planned ${info.kvBytesPlanned} vs llama.cpp ${info.kvBytesActual}`);
      assert.equal(s.stats?.requests, 0);

      await h.client.sendRequest(UnloadModelRequest.type);
      assert.equal((await h.client.sendRequest(ModelStatusRequest.type)).state, 'none');
      const reloaded = await h.client.sendRequest(LoadModelRequest.type);
      assert.equal(reloaded.state, 'ready');
    } finally {
      await h.dispose();
    }
  });

  test('a missing file, a non-GGUF file and a download URI give clear errors; the rules keep working', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mgn-model-'));
    const { h, until } = await start(path.join(dir, 'nope.gguf'));
    try {
      const missing = await until((x) => x.state === 'error');
      assert.match(missing.error!.message, /does not exist/);
      assert.match(missing.error!.hint ?? '', /Select Model File|Download Model/);

      const text = path.join(dir, 'notes.gguf');
      writeFileSync(text, 'this is not a model');
      await h.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { medgemmaNotes: { model: modelSettings(text) } } });
      const notGguf = await until((x) => x.state === 'error' && /Not a GGUF/.test(x.error?.message ?? ''));
      assert.match(notGguf.error!.reason ?? '', /74 68 69 73/);

      await h.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { medgemmaNotes: { model: modelSettings('hf:google/medgemma-27b-text-it') } } });
      const uri = await until((x) => x.state === 'error' && /download/.test(x.error?.message ?? ''));
      assert.match(uri.error!.hint ?? '', /Download Model/);

      h.open('file:///n.cnote', 'Medications: morphine 5.0 mg IV q4h\n');
      const diags = await h.diagnostics('file:///n.cnote', (d) => d.length > 0);
      assert.ok(diags.some((d) => d.code === 'do-not-use-abbreviation'), 'rules run without a model');
    } finally {
      await h.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an untrusted workspace loads no model until trust is granted', async () => {
    const { h, statuses, until } = await start(tinyModelPath(), false);
    try {
      await until((x) => x.state === 'untrusted');
      assert.ok(!statuses.some((x) => x.state === 'loading'), 'nothing loaded while untrusted');
      await assert.rejects(h.client.sendRequest(DownloadModelRequest.type, { uri: 'http://127.0.0.1:9/x.gguf', directory: tmpdir() }), /untrusted/);
      await h.client.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
      await until((x) => x.state === 'ready');
    } finally {
      await h.dispose();
    }
  });

  describe('download from a (local) server', () => {
    let http: Server;
    let base = '';
    /** Milliseconds to pause per 64 KiB chunk (slows the first download so it can be cancelled). */
    let delayMs = 0;
    let served = 0;
    const modelFile = tinyModelPath();
    const size = statSync(modelFile).size;

    test('setup', async () => {
      http = createHttpServer((req, res) => {
        const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
        const start = range ? Number(range[1]) : 0;
        const end = range?.[2] ? Number(range[2]) : size - 1;
        const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'content-length': end - start + 1 };
        if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
        res.writeHead(range ? 206 : 200, headers);
        if (req.method === 'HEAD') return res.end();
        const stream = createReadStream(modelFile, { start, end, highWaterMark: 64 * 1024 });
        stream.on('data', (chunk) => {
          served += chunk.length;
          if (delayMs > 0) {
            stream.pause();
            setTimeout(() => stream.resume(), delayMs);
          }
        });
        res.on('close', () => stream.destroy());
        stream.pipe(res);
      });
      await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
      const addr = http.address();
      base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    });

    test('downloads with progress, is cancelled through LSP cancellation, and does not fetch a finished file twice', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mgn-dl-'));
      const { h, statuses } = await start('');
      try {
        delayMs = 20;
        served = 0;
        const source = new CancellationTokenSource();
        const first = h.client.sendRequest(DownloadModelRequest.type, { uri: `${base}/tiny-gemma3.gguf`, directory: dir }, source.token);
        const t0 = Date.now();
        while (!statuses.some((s) => s.state === 'downloading' && (s.progress ?? 0) > 0.05) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 10));
        assert.ok(statuses.some((s) => s.state === 'downloading' && (s.progress ?? 0) > 0), 'progress was reported');
        source.cancel();
        await assert.rejects(first, /cancel|resume/i);
        assert.ok(served < size, 'the first download stopped early');

        delayMs = 0;
        served = 0;
        const done = await h.client.sendRequest(DownloadModelRequest.type, { uri: `${base}/tiny-gemma3.gguf`, directory: dir });
        assert.equal(statSync(done.path).size, size);
        assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.gguf')), [path.basename(done.path)]);
        served = 0;
        const again = await h.client.sendRequest(DownloadModelRequest.type, { uri: `${base}/tiny-gemma3.gguf`, directory: dir });
        assert.equal(again.path, done.path);
        assert.ok(served < size, 'an existing file is not downloaded again');
        assert.equal((await h.client.sendRequest(ModelStatusRequest.type)).state, 'none', 'the state returns after downloading');
      } finally {
        await h.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('teardown', async () => {
      const closed = new Promise<void>((r) => http.close(() => r()));
      http.closeAllConnections();
      await closed;
    });
  });
});
