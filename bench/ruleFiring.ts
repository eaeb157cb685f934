/**
 * How often each rule fires on the ordinary notes (SynGP500 GP notes, ACI-Bench visit notes), per
 * corpus: shared by `bench/rules.ts` (the README table) and `bench/ruleFindings.ts` (the review).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/clinical/analyze';
import type { Finding } from '../server/src/clinical/findings';
import { RULES } from '../server/src/clinical/rules/index';
import { parseNote } from '../server/src/note/parseNote';
import { parseCsv } from './sharedData';

export type Corpus = 'syngp500' | 'aci_bench';

export interface CorpusNote {
  corpus: Corpus;
  /** SynGP500 file name without `.txt`; ACI-Bench `split:encounter_id`. */
  id: string;
  text: string;
}

/** The 500 SynGP500 notes and the ACI-Bench notes (the `note` column of every split). */
export function loadCorpora(dir: string): CorpusNote[] {
  const out: CorpusNote[] = [];
  const gp = path.join(dir, 'syngp500', 'notes');
  for (const f of readdirSync(gp).sort()) out.push({ corpus: 'syngp500', id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(gp, f), 'utf8') });
  const aci = path.join(dir, 'aci_bench');
  for (const f of readdirSync(aci).filter((f) => f.endsWith('.csv') && !f.includes('metadata')).sort()) {
    for (const r of parseCsv(readFileSync(path.join(aci, f), 'utf8'))) {
      if (r.note) out.push({ corpus: 'aci_bench', id: `${f.replace(/\.csv$/, '')}:${r.encounter_id ?? '?'}`, text: r.note });
    }
  }
  return out;
}

/** Every note with the findings of the full rule set. */
export function analyseAll(notes: readonly CorpusNote[]): { note: CorpusNote; findings: Finding[] }[] {
  return notes.map((note) => ({ note, findings: analyze({ text: note.text, note: parseNote(note.text) }) }));
}

/** The Markdown table: per rule, notes with a finding (and %) per corpus and overall, and findings. */
export function firingTable(results: readonly { note: CorpusNote; findings: readonly Finding[] }[]): string {
  const total = (c?: Corpus): number => results.filter((r) => !c || r.note.corpus === c).length;
  const ids = RULES.map((r) => r.id);
  for (const r of results) for (const f of r.findings) if (!ids.includes(f.code)) ids.push(f.code);
  const cell = (k: number, n: number): string => `${k} (${((100 * k) / Math.max(1, n)).toFixed(1)} %)`;
  const rows = ids.map((id) => {
    const fired = (c?: Corpus): number => results.filter((r) => (!c || r.note.corpus === c) && r.findings.some((f) => f.code === id)).length;
    const count = results.reduce((s, r) => s + r.findings.filter((f) => f.code === id).length, 0);
    return `| \`${id}\` | ${cell(fired('syngp500'), total('syngp500'))} | ${cell(fired('aci_bench'), total('aci_bench'))} | ${cell(fired(), total())} | ${count} |`;
  });
  return [
    `| rule | SynGP500 notes (of ${total('syngp500')}) | ACI-Bench notes (of ${total('aci_bench')}) | all (of ${total()}) | findings |`,
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
