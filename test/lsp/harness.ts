/**
 * Runs the real language server in-process over a pair of streams and talks to it with a real
 * LSP client connection, as VS Code would over IPC.
 */
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { createServer, type NoteServer, type ServerDeps } from '../../server/src/server';

export interface Harness {
  client: ProtocolConnection;
  init: InitializeResult;
  open(uri: string, text: string): void;
  change(uri: string, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Resolves with the first diagnostics for `uri` (at or after `version`, when given) that satisfy `accept`. */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The server object (model service, shutdown). */
  server: NoteServer;
  dispose(): Promise<void>;
}

export async function startServer(initializationOptions: unknown = { settings: { diagnostics: { delayMs: 0 } } }, deps: ServerDeps = {}): Promise<Harness> {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  const server = createServer(serverConnection, { version: 'test', ...deps });
  serverConnection.listen();

  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) w();
  });
  client.listen();

  const init = await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities: {},
    initializationOptions,
  });
  await client.sendNotification(InitializedNotification.type, {});

  const versions = new Map<string, number>();
  const send = (p: Promise<void>): void => {
    p.catch(() => undefined);
  };

  return {
    client,
    init,
    server,
    open(uri, text) {
      versions.set(uri, 1);
      send(client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'clinical-note', version: 1, text } }));
    },
    change(uri, changes) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      send(client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes }));
    },
    close(uri) {
      send(client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }));
    },
    diagnostics(uri, accept = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const latest = [...published].reverse().find((p) => p.uri === uri);
          if (latest && (latest.version === undefined || latest.version === versions.get(uri)) && accept(latest.diagnostics)) {
            cleanup();
            resolve(latest.diagnostics);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter = (): void => void check();
        waiters.add(waiter);
        check();
      });
    },
    async dispose() {
      await client.sendRequest(ShutdownRequest.type);
      // No `exit` notification: vscode-languageserver's node connection would end this process.
      await server.shutdown();
      client.dispose();
      serverConnection.dispose();
      up.destroy();
      down.destroy();
    },
  };
}
