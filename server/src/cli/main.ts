/**
 * `medgemma-notes check <files or folders…> [--format text|json|sarif]`: the language server's
 * analysis without VS Code. Exit code 1 when an error-level (critical) finding exists, 2 for
 * usage errors or notes that could not be read, 0 otherwise.
 *
 * The same script is the CLI's worker thread: started by `checkInParallel` it checks notes instead.
 */
import { isCheckWorker, serveCheckWorker } from './parallel';
import { runCli } from './run';

declare const __VERSION__: string;

if (isCheckWorker()) serveCheckWorker();
else {
  // `medgemma-notes check … | head`: the reader went away. Drop the rest of the report quietly
  // (no stack trace) and still exit with the check's status once the run ends.
  let readerGone = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && !(readerGone && err.code === 'ERR_STREAM_DESTROYED')) throw err;
    readerGone = true;
  });
  runCli(process.argv.slice(2), {
    stdout: (s) => {
      if (!readerGone && !process.stdout.destroyed) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0',
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`medgemma-notes: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
