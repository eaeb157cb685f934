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

/**
 * An error as it may be logged: its name and stack frames, without its message, since a message
 * can quote the input it failed on (and that input is note text).
 */
export function errorForLog(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8);
  return [err.name, ...frames].join('\n');
}
