/**
 * `node --import tsx bench/ruleFindings.ts [--data DIR] [--sample N] [--out FILE]`: the rule firing
 * table per corpus (SynGP500, ACI-Bench), and for the hand review in `bench/REVIEW.md` a stratified
 * sample of findings: for each rule, up to N notes in a fixed pseudo-random order, one finding each.
 *
 * The sample goes to `--out` (default: a file in the temporary folder) as JSON lines with the note
 * id, the rule, the message, the flagged token (at most 40 characters) and a short window of text
 * around it for the reviewer. That file holds note text: keep it out of the repository. Public
 * synthetic and de-identified data only.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../server/src/clinical/findings';
import { RULES } from '../server/src/clinical/rules/index';
import { analyseAll, type CorpusNote, firingTable, loadCorpora } from './ruleFiring';
import { dataDir } from './sharedData';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** mulberry32: a small deterministic generator, so the sample is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const results = analyseAll(loadCorpora(dataDir()));
  console.log(firingTable(results));

  const perRule = Number(arg('--sample') ?? '12');
  const rand = random(20240503);
  const ids = RULES.map((r) => r.id);
  for (const r of results) for (const f of r.findings) if (!ids.includes(f.code)) ids.push(f.code);
  const sample: { note: CorpusNote; finding: Finding }[] = [];
  for (const id of ids) {
    const withRule = results.filter((r) => r.findings.some((f) => f.code === id));
    const order = withRule.map((r) => ({ r, k: rand() })).sort((a, b) => a.k - b.k);
    for (const { r } of order.slice(0, perRule)) {
      const mine = r.findings.filter((f) => f.code === id);
      sample.push({ note: r.note, finding: mine[Math.floor(rand() * mine.length)]! });
    }
  }
  const out = arg('--out') ?? path.join(tmpdir(), 'mgn-rule-sample.jsonl');
  const lines = sample.map(({ note, finding }) => {
    const { start, end } = finding.span;
    return JSON.stringify({
      corpus: note.corpus,
      note: note.id,
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      token: note.text.slice(start, Math.min(end, start + 40)),
      window: note.text.slice(Math.max(0, start - 80), Math.min(note.text.length, end + 80)),
    });
  });
  writeFileSync(out, lines.join('\n') + (lines.length ? '\n' : ''));
  console.log(`\n${sample.length} sampled findings written to ${out} (holds note text: do not commit).`);
}

main();
