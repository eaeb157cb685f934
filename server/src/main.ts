/**
 * Entry point of the language server process started by the extension (IPC). Everything else is
 * built by `createServer`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Logger } from './logger';
import { createLlamaRuntime } from './model/llamaLoader';
import { createServer } from './server';

declare const __VERSION__: string;

const connection = createConnection(ProposedFeatures.all);
const logger: Logger = {
  error: (m) => connection.console.error(m),
  warn: (m) => connection.console.warn(m),
  info: (m) => connection.console.info(m),
  debug: (m) => connection.console.debug(m),
};
// node-llama-cpp is imported only when a model is first loaded: the rules never wait for it.
const runtime = createLlamaRuntime(logger);
const server = createServer(connection, { logger, version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0', modelRuntime: runtime });
connection.onExit(() => {
  server.dispose();
  void runtime.dispose();
});
connection.listen();
