/**
 * Entry point of the language server process started by the extension (IPC). Everything else is
 * built by `createServer`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Logger } from './logger';
import { createServer } from './server';

declare const __VERSION__: string;

const connection = createConnection(ProposedFeatures.all);
const logger: Logger = {
  error: (m) => connection.console.error(m),
  warn: (m) => connection.console.warn(m),
  info: (m) => connection.console.info(m),
  debug: (m) => connection.console.debug(m),
};
const server = createServer(connection, { logger, version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0' });
connection.onExit(() => server.dispose());
connection.listen();
