/**
 * Vitals tables: a header row of vitals labels (`BP | HR | RR | Temp | SpO2`, tab- or
 * space-separated alike, with optional units such as `Temp (°F)`) and one or more value rows
 * below it. Each value cell becomes a vital whose span is the cell (its label is in the header).
 */
import type { Line } from './text';
import type { VitalsDoc } from './vitalsContext';
import type { Candidate } from './vitalsLabelled';
import { labelInfoOf, type LabelledKind } from './vitalsLexicon';
import { skipSpaces } from './vitalsNumbers';
import { parseValue, type DefaultUnit, type ParsedValue } from './vitalsValues';
import type { BloodPressureVital, NumericVital, Vital } from './types';

interface Cell {
  start: number;
  end: number;
  text: string;
}

interface Column {
  kind: LabelledKind;
  unit: DefaultUnit;
  scaleRequired: boolean;
}

const SEPARATOR_ROW = /^[ \t|:+-]+$/;
const HEADER_CELL = /^(?<label>[^([]+?)[ \t]*(?:[([](?<unit>[^)\]]{1,12})[)\]])?[ \t]*:?$/;

/** Splits a line into trimmed cells: on `|` when present, else tabs, else runs of 2+ spaces. */
function cells(line: Line): Cell[] {
  const t = line.text.trimEnd();
  const sep = t.includes('|') ? /\|/g : t.includes('\t') ? /\t+/g : / {2,}/g;
  const out: Cell[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(t.charAt(s))) s++;
    while (e > s && /\s/.test(t.charAt(e - 1))) e--;
    out.push({ start: line.start + s, end: line.start + e, text: t.slice(s, e) });
  };
  for (let m = sep.exec(t); m; m = sep.exec(t)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, t.length);
  // Markdown tables open and close with a pipe: drop the empty edge cells.
  if (t.includes('|')) {
    if (out[0]?.text === '') out.shift();
    if (out[out.length - 1]?.text === '') out.pop();
  }
  return out;
}

function unitOf(raw: string | undefined): DefaultUnit {
  const u = (raw ?? '').toLowerCase().replace(/[°º˚\s]/g, '');
  switch (u) {
    case 'c':
    case 'celsius':
      return 'c';
    case 'f':
    case 'fahrenheit':
      return 'f';
    case 'kg':
    case 'lb':
    case 'g':
    case 'cm':
    case 'm':
    case 'in':
      return u;
    case 'lbs':
      return 'lb';
    default:
      return undefined;
  }
}

/** The vitals columns of a header row, or undefined when the row is not a vitals header. */
function header(doc: VitalsDoc, row: Cell[]): (Column | undefined)[] | undefined {
  if (row.length < 2) return undefined;
  let vitals = 0;
  // Header cells start with a letter; a row of numbers is not a header.
  if (!row.some((c) => /^[A-Za-z]/.test(c.text))) return undefined;
  const cols = row.map((c) => {
    const m = /^[A-Za-z]/.test(c.text) ? HEADER_CELL.exec(c.text) : null;
    const info = m?.groups?.label ? labelInfoOf(doc.lex, m.groups.label) : undefined;
    if (!info) return undefined;
    vitals++;
    return { kind: info.kind, unit: unitOf(m?.groups?.unit), scaleRequired: info.cls === 'scaleRequired' };
  });
  return vitals >= 2 && vitals * 2 >= row.length ? cols : undefined;
}

function toVital(p: ParsedValue, cell: Cell): Vital {
  const span = { start: cell.start, end: cell.end };
  if (p.kind === 'blood-pressure') {
    const bp: BloodPressureVital = { kind: 'blood-pressure', systolic: p.systolic ?? p.value, diastolic: p.diastolic ?? 0, span, valueSpan: p.valueSpan };
    return bp;
  }
  const v: NumericVital = { kind: p.kind, value: p.value, unit: p.unit, span, valueSpan: p.valueSpan };
  if (p.original) v.original = p.original;
  if (p.oxygen) v.oxygen = p.oxygen;
  return v;
}

/** Values of one row under `cols`; undefined when the row does not fit the table. */
function rowValues(doc: VitalsDoc, row: Cell[], cols: (Column | undefined)[]): Candidate[] | undefined {
  if (row.length !== cols.length) return undefined;
  const out: Candidate[] = [];
  for (let i = 0; i < row.length; i++) {
    const col = cols[i];
    const cell = row[i];
    if (!col || !cell || cell.text === '' || /^[-–—.?]+$/.test(cell.text)) continue;
    const p = parseValue(col.kind, doc.text, cell.start, doc.lex, { defaultUnit: col.unit, scaleRequired: false });
    // The value must fill its cell: `88 (sitting)` is fine to skip, a cell of prose is not a value.
    if (!p || skipSpaces(doc.text, p.end) < cell.end) return undefined;
    out.push({ vital: toVital(p, cell), priority: 2, requirement: 'none', plausible: p.plausible });
  }
  return out.length > 0 ? out : undefined;
}

const MAX_ROWS = 200;
/** Header rows are short; long lines are prose. */
const MAX_HEADER_LENGTH = 300;

/** Cheap test before splitting: a separator inside the line (not just trailing spaces). */
function mayBeRow(text: string): boolean {
  if (text.length > MAX_HEADER_LENGTH) return false;
  const t = text.trim();
  return t.includes('|') || t.includes('\t') || t.includes('  ');
}

/** Vitals from every header-and-rows table in the note. */
export function scanTables(doc: VitalsDoc): Candidate[] {
  const out: Candidate[] = [];
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || !mayBeRow(line.text)) continue;
    const cols = header(doc, cells(line));
    if (!cols) continue;
    let j = i + 1;
    for (let rows = 0; j < lines.length && rows < MAX_ROWS; j++, rows++) {
      const next = lines[j];
      if (!next || next.text.trim() === '') break;
      if (SEPARATOR_ROW.test(next.text)) continue;
      const values = rowValues(doc, cells(next), cols);
      if (!values) break;
      out.push(...values);
    }
    i = j - 1;
  }
  return out;
}
