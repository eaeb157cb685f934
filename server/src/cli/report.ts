/**
 * The CLI's results model and its four renderings: text (for people), JSON (for programs; the
 * format is documented in the README), SARIF 2.1.0 (for code-scanning tools) and CDS Hooks cards.
 *
 * A report is rendered in two steps so that worker threads can do the heavy part: `renderPart`
 * turns one checked file into strings (on the thread that checked it), and `assembleReport` joins
 * the parts in file order and adds what spans files (the summary, SARIF's rule list).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsToCards } from '../clinical/cdsHooks';
import type { Finding, Reference, Severity } from '../clinical/findings';
import { RULES } from '../clinical/rules/index';
import { formatTriageSummary } from '../clinical/scores/format';
import type { Triage } from '../clinical/scores/types';
import type { AutoResult } from '../clinical/autoCalc/index';
import { esiApplies, formatScores, hasTriageInputs } from '../features/codeLens';
import type { ClinicalNote, Span, Vital } from '../note/types';
import { ITEMS_PLACEHOLDER, jsonItem, spliceChunks } from './jsonSplice';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'cds-hooks';

export interface FileResult {
  path: string;
  /** Set when the file could not be analysed (unreadable, binary, too large). */
  error?: string;
  text?: string;
  note?: ClinicalNote;
  findings: Finding[];
  /** Scores and ESI suggestion (absent when the note was not analysed). */
  triage?: Triage;
  /** Calculators that ran by themselves on the note. */
  scores?: AutoResult[];
}

/** One file's share of a report: plain strings and numbers, cheap to send between threads. */
export interface FilePart {
  path: string;
  error?: string;
  /**
   * Text: one item, the file's lines. JSON formats: the file's array items, each already
   * indented for its depth in the document (see `jsonSplice.ts`).
   */
  items: string[];
  counts: Record<Severity, number>;
  /** SARIF: each rule code of the file in first-seen order, with its first finding's reference. */
  rules?: [code: string, reference: Reference | null][];
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Depth (spaces) of the per-file array items in each JSON format. */
const ITEM_INDENT = { json: 4, 'cds-hooks': 4, sarif: 8 } as const;

function positions(text: string): (span: Span) => { start: Position; end: Position } {
  const doc = TextDocument.create('file:///note', 'clinical-note', 1, text);
  return (span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });
}

/** Renders one checked file for `format`. */
export function renderPart(r: FileResult, format: ReportFormat, color = false): FilePart {
  const counts = { critical: 0, warning: 0, advisory: 0 };
  for (const f of r.findings) counts[f.severity]++;
  const part: FilePart = { path: r.path, ...(r.error ? { error: r.error } : {}), items: [], counts };
  switch (format) {
    case 'text':
      part.items.push(textLines(r, color).join('\n'));
      break;
    case 'json': {
      const item = r.error ? { path: r.path, error: r.error, findings: [] } : jsonFile(r);
      part.items.push(jsonItem(item, ITEM_INDENT.json));
      break;
    }
    case 'cds-hooks':
      part.items.push(jsonItem(cdsHooksNote(r), ITEM_INDENT['cds-hooks']));
      break;
    case 'sarif':
      part.items.push(...sarifResults(r).map((x) => jsonItem(x, ITEM_INDENT.sarif)));
      part.rules = firstReferences(r.findings);
      break;
  }
  return part;
}

/** Totals over the parts, as the JSON report's `summary`. */
export function summary(parts: readonly FilePart[]): Record<Severity, number> & { files: number; findings: number; errors: number } {
  const s = { files: parts.length, findings: 0, errors: 0, critical: 0, warning: 0, advisory: 0 };
  for (const p of parts) {
    if (p.error) s.errors++;
    s.critical += p.counts.critical;
    s.warning += p.counts.warning;
    s.advisory += p.counts.advisory;
  }
  s.findings = s.critical + s.warning + s.advisory;
  return s;
}

/**
 * The whole report from its parts, in the parts' order, as chunks to write in turn (their
 * concatenation is the report; see `spliceChunks`).
 */
export function reportChunks(parts: readonly FilePart[], format: ReportFormat, version: string): string[] {
  const items = parts.flatMap((p) => p.items);
  switch (format) {
    case 'text': {
      const s = summary(parts);
      const total = `${s.files} note${s.files === 1 ? '' : 's'} checked: ${s.critical} critical, ${s.warning} warnings, ${s.advisory} advisories${s.errors ? `, ${s.errors} not analysed` : ''}`;
      return [[...items, '', total].join('\n') + '\n'];
    }
    case 'json':
      return withNewline(spliceChunks({ tool: { name: 'medgemma-notes', version }, summary: summary(parts), files: ITEMS_PLACEHOLDER }, items, ITEM_INDENT.json));
    case 'cds-hooks':
      return withNewline(spliceChunks({ notes: ITEMS_PLACEHOLDER }, items, ITEM_INDENT['cds-hooks']));
    case 'sarif':
      return withNewline(spliceChunks(sarifSkeleton(parts, version), items, ITEM_INDENT.sarif));
  }
}

function withNewline(chunks: string[]): string[] {
  chunks[chunks.length - 1] += '\n';
  return chunks;
}

/** The whole report from its parts, as one string. */
export function assembleReport(parts: readonly FilePart[], format: ReportFormat, version: string): string {
  return reportChunks(parts, format, version).join('');
}

/** Renders checked files in one step (the sequential path and tests). */
export function renderReport(results: readonly FileResult[], format: ReportFormat, version: string, color = false): string {
  return assembleReport(
    results.map((r) => renderPart(r, format, color)),
    format,
    version,
  );
}

/* ------------------------------------------------------------------ text */

function vitalText(v: Vital): string {
  switch (v.kind) {
    case 'blood-pressure':
      return `BP ${v.systolic}/${v.diastolic}`;
    case 'consciousness':
      return [v.acvpu ? `ACVPU ${v.acvpu}` : '', v.gcs !== undefined ? `GCS ${v.gcs}` : '', v.newConfusion ? 'new confusion' : ''].filter(Boolean).join(' ');
    default: {
      const label = { 'heart-rate': 'HR', 'respiratory-rate': 'RR', temperature: 'T', spo2: 'SpO2', pain: 'pain', weight: 'wt', height: 'ht' }[v.kind];
      const o2 = v.oxygen ? (v.oxygen.supplemental ? ` on O2${v.oxygen.flowLpm !== undefined ? ` ${v.oxygen.flowLpm} L/min` : ''}` : ' on air') : '';
      return `${label} ${Math.round(v.value * 10) / 10}${v.unit === '/min' || v.unit === '/10' ? '' : ` ${v.unit}`}${o2}`;
    }
  }
}

const SEVERITY_COLOR: Record<Severity, string> = { critical: '31', warning: '33', advisory: '36' };

function textLines(r: FileResult, color: boolean): string[] {
  const c = (code: string, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  if (r.error) return [`${c('1', r.path)}: ${c('31', 'not analysed')}: ${r.error}`];
  const out: string[] = [];
  const note = r.note!;
  const pos = positions(r.text ?? '');
  const demo = [note.demographics.age ? `${note.demographics.age.years} y` : '', note.demographics.sex?.value ?? ''].filter(Boolean).join(' ');
  out.push(
    `${c('1', r.path)}: ${note.noteType}${demo ? ` · ${demo}` : ''} · ${note.sections.length} sections · ${note.vitals.length} vitals · ` +
      `${note.medications.length} medications · ${note.labs.length} labs · ${note.problems.length} problems · allergies: ${allergyText(note)}`,
  );
  if (note.vitals.length > 0) out.push(`  vitals: ${note.vitals.map(vitalText).join(', ')}`);
  if (r.triage && hasTriageInputs(note)) out.push(`  ${formatTriageSummary(r.triage, { esi: esiApplies(note) })}`);
  if (r.scores?.length) out.push(`  ${formatScores(r.scores)}`);
  for (const f of r.findings) {
    const p = pos(f.span).start;
    out.push(`  ${r.path}:${p.line + 1}:${p.character + 1}  ${c(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))}  ${f.message}  ${c('2', f.code)}`);
  }
  return out;
}

function allergyText(note: ClinicalNote): string {
  if (note.allergies.status === 'nkda') return 'NKDA';
  if (note.allergies.status === 'not-documented') return 'not documented';
  return note.allergies.items.map((a) => a.substance + (a.reaction ? ` (${a.reaction.text})` : '')).join(', ');
}

/* ------------------------------------------------------------------ JSON */

function jsonFile(r: FileResult): object {
  const pos = positions(r.text ?? '');
  return {
    path: r.path,
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: pos(f.span),
      offsets: f.span,
      ...(f.reference ? { reference: f.reference } : {}),
      ...(f.fixes?.length ? { fixes: f.fixes } : {}),
    })),
    note: r.note,
    triage: r.triage,
    scores: r.scores ?? [],
  };
}

/* ------------------------------------------------------------------ CDS Hooks */

/**
 * One entry of `{ notes: [{ path, response }] }`, where `response` is a CDS Hooks 2.0 response
 * body (`{ cards }`); a note that could not be analysed carries `error` instead.
 */
function cdsHooksNote(r: FileResult): object {
  if (r.error || r.text === undefined) return { path: r.path, error: r.error ?? 'not analysed' };
  const name = r.path.split(/[\\/]/).pop() ?? r.path;
  return { path: r.path, response: findingsToCards(r.findings, { text: r.text, noteId: name, ...(r.triage ? { triage: r.triage } : {}) }) };
}

/* ------------------------------------------------------------------ SARIF 2.1.0 */

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', warning: 'warning', advisory: 'note' };

function firstReferences(findings: readonly Finding[]): [string, Reference | null][] {
  const out = new Map<string, Reference | null>();
  for (const f of findings) if (!out.has(f.code)) out.set(f.code, f.reference ?? null);
  return [...out];
}

function sarifResults(r: FileResult): object[] {
  if (r.error) return [];
  const pos = positions(r.text ?? '');
  return r.findings.map((f) => {
    const { start, end } = pos(f.span);
    return {
      ruleId: f.code,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(r.path) },
            region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, charOffset: f.span.start, charLength: f.span.end - f.span.start },
          },
        },
      ],
    };
  });
}

/** The SARIF log without its results: the rule list (built-in rules, then codes as first seen). */
function sarifSkeleton(parts: readonly FilePart[], version: string): object {
  const refs = new Map<string, Reference | null>(RULES.map((r) => [r.id, null]));
  const seen = new Set<string>();
  for (const p of parts) {
    for (const [code, ref] of p.rules ?? []) {
      if (seen.has(code)) continue;
      seen.add(code);
      refs.set(code, ref);
    }
  }
  const rules = [...refs].map(([id, ref]) => {
    const rule = RULES.find((r) => r.id === id);
    return { id, shortDescription: { text: rule?.description ?? id }, ...(ref ? { helpUri: ref.url } : {}) };
  });
  const notifications = parts
    .filter((p) => p.error)
    .map((p) => ({ level: 'error', message: { text: `${p.path}: ${p.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri: toUri(p.path) } } }] }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'medgemma-notes', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results: ITEMS_PLACEHOLDER,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

function toUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}
