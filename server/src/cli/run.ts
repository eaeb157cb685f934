/** Argument handling and the check loop of the CLI, separate from process wiring so tests call it directly. */
import { promises as fs } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Rule } from '../clinical/findings';
import { RULES } from '../clinical/rules/index';
import { type CheckOptions, checkFile } from './checkFile';
import { collectFiles } from './files';
import { checkInParallel } from './parallel';
import { type FilePart, type ReportFormat, renderPart, reportChunks } from './report';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  color: boolean;
  version: string;
  /** Rules to run instead of the built-in set (tests); the check then stays on this thread. */
  rules?: readonly Rule[];
  /**
   * The CLI script, which serves as a worker thread when started by `checkInParallel` (the
   * bundled `dist/cli.js`). Without it every note is checked on this thread.
   */
  workerScript?: string;
}

/** Below this many notes per extra thread, starting a worker (loading the bundle) costs more than it saves. */
const MIN_FILES_PER_WORKER = 48;

const USAGE = `Usage: medgemma-notes check <files or folders...> [options]

Checks clinical notes (.cnote, .note) with the same analysis as the VS Code extension.

Options:
  --format FORMAT            text (default), json, sarif, or cds-hooks
  --output FILE              write the report to FILE instead of standard output
  --disable RULE[,RULE]      do not run these rules (repeatable)
  --max-size MIB             skip notes larger than this (default 16)
  --jobs N                   check notes on N threads (default: one per idle CPU
                             core but one, for many notes); the report is the same
  --list-rules               print the rules and exit
  -h, --help                 show this help
  -v, --version              print the version

Exit status: 0 no error-level finding, 1 at least one error-level (critical) finding,
2 usage error or a note that could not be read.
`;

interface Args {
  command?: string;
  paths: string[];
  format: ReportFormat;
  output?: string;
  disabled: string[];
  maxSizeMiB: number;
  /** Threads asked for with `--jobs`; undefined: choose from the cores and the number of notes. */
  jobs?: number;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' | 'version' | 'list-rules' {
  const args: Args = { paths: [], format: 'text', disabled: [], maxSizeMiB: 16 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${a} needs a value`);
      return next;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--list-rules') return 'list-rules';
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'cds-hooks') throw new UsageError(`unknown format '${f}' (text, json, sarif or cds-hooks)`);
      args.format = f;
    } else if (a === '--output' || a.startsWith('--output=') || a === '-o') args.output = value();
    else if (a === '--disable' || a.startsWith('--disable=')) args.disabled.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
    else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-size needs a positive number of MiB');
      args.maxSizeMiB = n;
    } else if (a === '--jobs' || a.startsWith('--jobs=') || a === '-j') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a whole number of threads, 1 or more');
      args.jobs = n;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (args.command === undefined) args.command = a;
    else args.paths.push(a);
  }
  return args;
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`medgemma-notes: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (args === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  if (args === 'list-rules') {
    for (const r of io.rules ?? RULES) io.stdout(`${r.id.padEnd(32)} ${r.description}\n`);
    return 0;
  }
  if (args.command !== 'check') {
    io.stderr(args.command ? `medgemma-notes: unknown command '${args.command}'\n\n${USAGE}` : USAGE);
    return 2;
  }
  if (args.paths.length === 0) {
    io.stderr(`medgemma-notes: no files or folders given\n\n${USAGE}`);
    return 2;
  }

  const { files, missing } = collectFiles(args.paths);
  for (const m of missing) io.stderr(`medgemma-notes: ${m}: no such file or folder\n`);
  if (files.length === 0 && missing.length === 0) io.stderr('medgemma-notes: no .cnote or .note files found\n');

  const options: CheckOptions = { maxBytes: args.maxSizeMiB * 1024 * 1024, disabledRules: args.disabled, report: args.format };
  const color = io.color && !args.output;
  let parts: FilePart[];
  const workers = workerCount(args.jobs, files.length);
  if (io.workerScript && !io.rules && workers > 0) {
    parts = (await checkInParallel(files, { options, format: args.format, color }, { workers, workerScript: io.workerScript })).parts;
  } else {
    parts = files.map((file) => renderPart(checkFile(file, options, io.rules), args.format, color));
  }
  const report = reportChunks(parts, args.format, io.version);
  if (args.output) await fs.writeFile(args.output, report, 'utf8');
  else for (const chunk of report) io.stdout(chunk);

  if (missing.length > 0 || parts.some((p) => p.error)) return 2;
  return parts.some((p) => p.counts.critical > 0) ? 1 : 0;
}

/**
 * Worker threads besides this one. `--jobs N` means N threads in all. By default, only when the
 * notes are many: one thread per core that other processes leave free (the 1-minute load
 * average, as `make -l` reads it), less one core for V8's own background threads (garbage
 * collection, compilation), which a single thread already keeps about a third busy. On 2 cores
 * that is one thread: there, two measured no faster than one, at a quarter more CPU time, and
 * slower on a busy machine (bench/rules.ts prints both).
 */
function workerCount(jobs: number | undefined, files: number): number {
  if (jobs !== undefined) return Math.max(0, Math.min(jobs, files) - 1);
  const freeCores = Math.round(availableParallelism() - (loadavg()[0] ?? 0));
  return Math.max(0, Math.min(freeCores - 1, Math.floor(files / MIN_FILES_PER_WORKER)) - 1);
}
