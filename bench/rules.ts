/**
 * `npm run bench:rules [-- --data DIR]`:
 * 1. the median time of a full rules pass (and of parse + rules) on a 2,000-line note;
 * 2. notes per second of the real `medgemma-notes check` binary over every shared note
 *    (written to a temporary folder as .cnote files, checked in one process), with the default
 *    text report (default threads, one thread per core with `--jobs`, and one thread) and with
 *    the JSON report, and the load average, since a busy machine has no core to spare;
 * 3. how often each rule fires on the ordinary notes (SynGP500 and ACI-Bench), per corpus, as the
 *    Markdown table the README shows (`bench/ruleFiring.ts`).
 * Prints a JSON line last. Build first (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { analyze } from '../server/src/clinical/analyze';
import { RULES } from '../server/src/clinical/rules/index';
import { parseNote } from '../server/src/note/parseNote';
import { analyseAll, firingTable, loadCorpora } from './ruleFiring';
import { dataDir, loadSharedNotes } from './sharedData';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js not found: run `npm run build` first.');
  const data = dataDir();
  const notes = loadSharedNotes(data);

  // 1. A 2,000-line note made of ordinary notes.
  const lines: string[] = [];
  for (let i = 0; lines.length < 2000; i++) lines.push(...notes[i % notes.length]!.text.split(/\r?\n/));
  const text = lines.slice(0, 2000).join('\n');
  const note = parseNote(text);
  analyze({ text, note });
  const rulesMs: number[] = [];
  const fullMs: number[] = [];
  for (let i = 0; i < 21; i++) {
    let t0 = performance.now();
    analyze({ text, note });
    rulesMs.push(performance.now() - t0);
    t0 = performance.now();
    analyze({ text, note: parseNote(text) });
    fullMs.push(performance.now() - t0);
  }

  // 2. The real binary over every shared note.
  const dir = mkdtempSync(path.join(tmpdir(), 'mgn-bench-'));
  try {
    notes.forEach((n, i) => {
      const sub = path.join(dir, n.source.replace(/[^A-Za-z0-9_-]+/g, '_'));
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `${String(i).padStart(5, '0')}.cnote`), n.text);
    });
    // The default (text) report, and the JSON report, which also serialises every structured note.
    const timeCheck = (extra: string[]): number => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'check', dir, ...extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr}`);
      return performance.now() - t0;
    };
    const cores = availableParallelism();
    const loadBefore = loadavg()[0] ?? 0;
    const checkMs = timeCheck([]);
    const checkAllCoresMs = timeCheck(['--jobs', String(cores)]);
    const checkOneThreadMs = timeCheck(['--jobs', '1']);
    const checkJsonMs = timeCheck(['--format', 'json']);

    // 3. Rule frequency on ordinary notes, per corpus.
    const ordinary = analyseAll(loadCorpora(data));
    console.log(`\nRule frequency on ${ordinary.length} ordinary notes (SynGP500 + ACI-Bench):\n`);
    console.log(firingTable(ordinary));
    console.log('');
    console.log(`rules pass on a 2,000-line note (${(text.length / 1024).toFixed(0)} KiB): median ${median(rulesMs).toFixed(2)} ms; parse + rules: median ${median(fullMs).toFixed(1)} ms`);
    const rate = (ms: number): string => `${(ms / 1000).toFixed(2)} s = ${(notes.length / (ms / 1000)).toFixed(0)} notes/s`;
    console.log(`medgemma-notes check (${cores} cores, 1-minute load ${loadBefore.toFixed(2)} before): ${notes.length} notes in ${rate(checkMs)}`);
    console.log(`medgemma-notes check --jobs ${cores}: ${rate(checkAllCoresMs)}`);
    console.log(`medgemma-notes check --jobs 1: ${rate(checkOneThreadMs)}`);
    console.log(`medgemma-notes check --format json: ${(checkJsonMs / 1000).toFixed(2)} s = ${(notes.length / (checkJsonMs / 1000)).toFixed(0)} notes/s`);
    console.log(
      JSON.stringify({
        lines: 2000,
        rulesPassMedianMs: Number(median(rulesMs).toFixed(3)),
        parseAndRulesMedianMs: Number(median(fullMs).toFixed(2)),
        checkNotes: notes.length,
        cores,
        load: Number(loadBefore.toFixed(2)),
        checkNotesPerSecond: Math.round(notes.length / (checkMs / 1000)),
        checkAllCoresNotesPerSecond: Math.round(notes.length / (checkAllCoresMs / 1000)),
        checkOneThreadNotesPerSecond: Math.round(notes.length / (checkOneThreadMs / 1000)),
        checkJsonNotesPerSecond: Math.round(notes.length / (checkJsonMs / 1000)),
        rules: RULES.length,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
