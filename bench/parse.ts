/**
 * `npm run bench:parse [-- --data DIR] [-- --mb N]`: parser throughput on a large note built from
 * the shared notes, and per-note rate over all of them. Prints a JSON line last.
 */
import { parseNote } from '../server/src/note/parseNote';
import { dataDir, loadSharedNotes } from './sharedData';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): void {
  const dir = dataDir();
  const mbArg = process.argv.indexOf('--mb');
  const targetMb = mbArg >= 0 ? Number(process.argv[mbArg + 1]) : 10;
  const notes = loadSharedNotes(dir);
  if (notes.length === 0) throw new Error(`No notes found under ${dir}`);

  // One large note: the shared notes one after another until the target size.
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < targetMb * 1024 * 1024; i++) {
    const t = notes[i % notes.length]!.text;
    parts.push(t);
    size += t.length + 2;
  }
  const big = parts.join('\n\n');
  const mb = big.length / (1024 * 1024);

  parseNote(big); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const note = parseNote(big);
    times.push(performance.now() - t0);
    if (note.inputProblem) throw new Error(`large note not analysed: ${note.inputProblem.message}`);
  }
  const bigMs = median(times);

  // Many ordinary notes, each parsed once (what `check` over a folder does).
  const t0 = performance.now();
  let chars = 0;
  for (const n of notes) {
    parseNote(n.text);
    chars += n.text.length;
  }
  const allMs = performance.now() - t0;

  console.log(`large note: ${mb.toFixed(1)} MiB parsed in ${bigMs.toFixed(0)} ms (median of 5) = ${(mb / (bigMs / 1000)).toFixed(1)} MiB/s`);
  console.log(`${notes.length} shared notes (${(chars / 1048576).toFixed(1)} MiB): ${(notes.length / (allMs / 1000)).toFixed(0)} notes/s`);
  console.log(
    JSON.stringify({
      largeNoteMiB: Number(mb.toFixed(2)),
      largeNoteMs: Math.round(bigMs),
      mibPerSecond: Number((mb / (bigMs / 1000)).toFixed(2)),
      notes: notes.length,
      notesPerSecond: Math.round(notes.length / (allMs / 1000)),
    }),
  );
}

main();
