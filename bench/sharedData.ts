/**
 * Reads the public notes under `../shared/data` (or `--data DIR`) for benchmarks and evaluation.
 * Benchmarks only: unit tests use the project's own fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** `../shared/data` next to the repository, or the value of `--data`. */
export function dataDir(argv: readonly string[] = process.argv): string {
  const i = argv.indexOf('--data');
  const dir = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]!) : path.resolve(__dirname, '..', '..', 'shared', 'data');
  if (!existsSync(dir)) throw new Error(`Data folder not found: ${dir}. Pass --data PATH.`);
  return dir;
}

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

export interface SharedNote {
  source: string;
  text: string;
}

/** All notes: ACI-Bench visit notes, PhysioNet nursing notes, SynGP500 GP notes. */
export function loadSharedNotes(dir: string): SharedNote[] {
  const out: SharedNote[] = [];
  const aci = path.join(dir, 'aci_bench');
  if (existsSync(aci)) {
    for (const f of readdirSync(aci).filter((f) => f.endsWith('.csv') && !f.includes('metadata'))) {
      for (const r of parseCsv(readFileSync(path.join(aci, f), 'utf8'))) if (r.note) out.push({ source: `aci_bench/${f}`, text: r.note });
    }
  }
  const deid = path.join(dir, 'physionet_deid', 'id.text');
  if (existsSync(deid)) {
    const text = readFileSync(deid, 'utf8');
    for (const m of text.matchAll(/START_OF_RECORD=[^\n]*\n([\s\S]*?)\|\|\|\|END_OF_RECORD/g)) out.push({ source: 'physionet_deid', text: m[1]! });
  }
  const gp = path.join(dir, 'syngp500', 'notes');
  if (existsSync(gp)) {
    for (const f of readdirSync(gp).sort()) out.push({ source: 'syngp500', text: readFileSync(path.join(gp, f), 'utf8') });
  }
  return out;
}
