/**
 * The CLI's results model and its three renderings: text (for people), JSON (for programs; the
 * format is documented in the README) and SARIF 2.1.0 (for code-scanning tools).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsToCards } from '../clinical/cdsHooks';
import type { Finding, Severity } from '../clinical/findings';
import { RULES } from '../clinical/rules/index';
import { formatTriageSummary } from '../clinical/scores/format';
import type { Triage } from '../clinical/scores/types';
import type { AutoResult } from '../clinical/autoCalc/index';
import { esiApplies, formatScores, hasTriageInputs } from '../features/codeLens';
import type { ClinicalNote, Span, Vital } from '../note/types';

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

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

function positions(text: string): (span: Span) => { start: Position; end: Position } {
  const doc = TextDocument.create('file:///note', 'clinical-note', 1, text);
  return (span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });
}

export function summary(results: readonly FileResult[]): Record<Severity, number> & { files: number; findings: number; errors: number } {
  const s = { files: results.length, findings: 0, errors: 0, critical: 0, warning: 0, advisory: 0 };
  for (const r of results) {
    if (r.error) s.errors++;
    for (const f of r.findings) {
      s.findings++;
      s[f.severity]++;
    }
  }
  return s;
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

export function renderText(results: readonly FileResult[], color: boolean): string {
  const c = (code: string, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor: Record<Severity, string> = { critical: '31', warning: '33', advisory: '36' };
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${c('1', r.path)}: ${c('31', 'not analysed')}: ${r.error}`);
      continue;
    }
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
      out.push(`  ${r.path}:${p.line + 1}:${p.character + 1}  ${c(sevColor[f.severity], f.severity.padEnd(8))}  ${f.message}  ${c('2', f.code)}`);
    }
  }
  const s = summary(results);
  out.push('');
  out.push(`${s.files} note${s.files === 1 ? '' : 's'} checked: ${s.critical} critical, ${s.warning} warnings, ${s.advisory} advisories${s.errors ? `, ${s.errors} not analysed` : ''}`);
  return out.join('\n') + '\n';
}

function allergyText(note: ClinicalNote): string {
  if (note.allergies.status === 'nkda') return 'NKDA';
  if (note.allergies.status === 'not-documented') return 'not documented';
  return note.allergies.items.map((a) => a.substance + (a.reaction ? ` (${a.reaction.text})` : '')).join(', ');
}

/* ------------------------------------------------------------------ JSON */

export function renderJson(results: readonly FileResult[], version: string): string {
  const files = results.map((r) => {
    if (r.error) return { path: r.path, error: r.error, findings: [] };
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
  });
  return JSON.stringify({ tool: { name: 'medgemma-notes', version }, summary: summary(results), files }, null, 2) + '\n';
}

/* ------------------------------------------------------------------ CDS Hooks */

/**
 * `{ notes: [{ path, response }] }` where each `response` is a CDS Hooks 2.0 response body
 * (`{ cards }`); notes that could not be analysed carry `error` instead.
 */
export function renderCdsHooks(results: readonly FileResult[]): string {
  const notes = results.map((r) => {
    if (r.error || r.text === undefined) return { path: r.path, error: r.error ?? 'not analysed' };
    const name = r.path.split(/[\\/]/).pop() ?? r.path;
    return { path: r.path, response: findingsToCards(r.findings, { text: r.text, noteId: name, ...(r.triage ? { triage: r.triage } : {}) }) };
  });
  return JSON.stringify({ notes }, null, 2) + '\n';
}

/* ------------------------------------------------------------------ SARIF 2.1.0 */

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', warning: 'warning', advisory: 'note' };

export function renderSarif(results: readonly FileResult[], version: string): string {
  const ruleIds = new Set<string>(RULES.map((r) => r.id));
  for (const r of results) for (const f of r.findings) ruleIds.add(f.code);
  const rules = [...ruleIds].map((id) => {
    const rule = RULES.find((r) => r.id === id);
    const ref = results.flatMap((r) => r.findings).find((f) => f.code === id)?.reference;
    return { id, shortDescription: { text: rule?.description ?? id }, ...(ref ? { helpUri: ref.url } : {}) };
  });
  const sarifResults = results.flatMap((r) => {
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
  });
  const notifications = results
    .filter((r) => r.error)
    .map((r) => ({ level: 'error', message: { text: `${r.path}: ${r.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri: toUri(r.path) } } }] }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'medgemma-notes', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}
