/**
 * Finds and reads the notes the CLI was asked to check. Never throws for one bad file. Synchronous
 * I/O on purpose: the CLI checks files one after another, and for thousands of small notes the
 * promise round-trips of fs/promises cost more than the reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const NOTE_EXTENSIONS = ['.cnote', '.note'];

export type NoteFile =
  | { path: string; text: string }
  | { path: string; error: string; binary?: boolean; tooLarge?: boolean };

/**
 * Expands folders into the note files inside them (recursively; hidden folders and node_modules
 * skipped). Files named explicitly are checked whatever their extension.
 */
export function collectFiles(inputs: readonly string[], extensions = NOTE_EXTENSIONS): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && extensions.includes(path.extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const input of inputs) {
    try {
      const st = fs.statSync(input);
      if (st.isDirectory()) walk(input);
      else files.push(input);
    } catch {
      missing.push(input);
    }
  }
  return { files, missing };
}

/** Reads a note as UTF-8 (BOM removed). Binary and oversized files come back as errors, unread. */
export function readNote(file: string, maxBytes: number): NoteFile {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) {
      return { path: file, tooLarge: true, error: `${(size / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(0)} MiB limit (--max-size); not analysed` };
    }
    const buf = fs.readFileSync(fd);
    const probe = buf.subarray(0, 8192);
    if (probe.includes(0)) return { path: file, binary: true, error: 'binary file (contains NUL bytes); not analysed' };
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { path: file, text };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { path: file, error: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'error'})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
