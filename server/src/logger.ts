/**
 * The server's logger, passed in by whoever creates the server. Log ids, lengths, timings and
 * outcomes; never note text.
 */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** A logger that drops everything (tests, CLI). */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
