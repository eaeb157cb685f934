import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  InlayHintRequest,
  type Diagnostic,
  type DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { validateResponse } from '../../server/src/clinical/cdsHooks';
import { CalculateRequest, CalculatorsRequest, CdsHooksRequest, NoteModelRequest, ServerInfoRequest, TriageRequest } from '../../server/src/protocol';
import type { ClinicalNote } from '../../server/src/note/types';
import { type Harness, startServer } from './harness';

const examples = path.resolve(__dirname, '..', '..', 'examples');
const fixtures = path.resolve(__dirname, '..', 'fixtures', 'notes');
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

describe('language server over LSP', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
  });
  after(async () => {
    await h.dispose();
  });

  test('advertises the features it implements', () => {
    const caps = h.init.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.codeActionProvider);
    assert.equal(h.init.serverInfo?.name, 'medgemma-notes');
  });

  test('outline: sections nest, medications sit under their section', async () => {
    const uri = 'file:///progress.cnote';
    h.open(uri, read(examples, 'progress-note-chf.cnote'));
    const symbols = (await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const top = symbols.map((s) => s.name);
    assert.deepEqual(top.slice(0, 2), ['S', 'O']);
    const objective = symbols.find((s) => s.name === 'O')!;
    const childNames = (objective.children ?? []).map((c) => c.name);
    assert.ok(childNames.includes('Vitals'), `Objective should contain Vitals, got ${childNames.join(', ')}`);
    const meds = flatten(symbols).find((s) => /medications/i.test(s.name));
    assert.ok(meds && (meds.children ?? []).length >= 3, 'the medication list has its drugs as children');
    for (const s of flatten(symbols)) {
      assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line, `selection inside range for ${s.name}`);
    }
    h.close(uri);
  });

  test('folding: one range per multi-line section', async () => {
    const uri = 'file:///dc.cnote';
    const text = read(examples, 'discharge-summary-pneumonia.cnote');
    h.open(uri, text);
    const ranges = await h.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(ranges && ranges.length >= 8);
    const lines = text.split(/\r?\n/);
    const hc = ranges!.find((r) => /HOSPITAL COURSE/.test(lines[r.startLine] ?? ''));
    assert.ok(hc, 'hospital course folds');
    assert.ok(hc!.endLine > hc!.startLine);
    assert.ok(!/^[A-Z /]+:?\s*$/.test(lines[hc!.endLine] ?? 'x') || lines[hc!.endLine]!.trim() === '', 'fold stops before the next heading');
    h.close(uri);
  });

  test('hover on a temperature in °F shows °C; on a lab shows the converted unit', async () => {
    const uri = 'file:///hover.cnote';
    const text = 'VITALS: Temp 101.2 F, HR 112 bpm\nLABS: Cr 1.4 mg/dL (H)\n';
    h.open(uri, text);
    const at = (needle: string) => {
      const offset = text.indexOf(needle) + 1;
      const before = text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return { line, character: offset - (before.lastIndexOf('\n') + 1) };
    };
    const temp = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('101.2') });
    const tv = (temp?.contents as MarkupContent).value;
    assert.match(tv, /Temperature/);
    assert.match(tv, /38\.4\d* °C/);
    assert.match(tv, /101\.2 °F/);
    const cr = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('1.4') });
    const cv = (cr?.contents as MarkupContent).value;
    assert.match(cv, /Creatinine/);
    assert.match(cv, /\(H\)/);
    const none = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(none, null);
    h.close(uri);
  });

  test('triage: code lens at the top, NEWS2 inlay hints after scored vitals, the triage request', async () => {
    const uri = 'file:///ed.cnote';
    const text = read(examples, 'ed-triage-sepsis.cnote');
    h.open(uri, text);
    const lenses = await h.client.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 2);
    assert.equal(lenses![0]!.range.start.line, 0);
    assert.match(lenses![1]!.command?.title ?? '', /^Scores: eGFR \(CKD-EPI 2021\) 24 mL\/min\/1\.73 m² · .*Anion gap 17 mEq\/L/);
    assert.equal(lenses![0]!.command?.title, 'Triage: ESI 2 · NEWS2 16 (high) · qSOFA 3 · shock index 1.37');
    assert.equal(lenses![0]!.command?.command, 'medgemmaNotes.showTriage');
    assert.deepEqual(lenses![0]!.command?.arguments, [uri]);

    const lines = text.split('\n');
    const hints = await h.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    const labelAt = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return hints?.filter((x) => x.position.line === line).map((x) => x.label);
    };
    assert.deepEqual(labelAt('BP 86/52'), ['+3']);
    assert.deepEqual(labelAt('HR 118'), ['+2']);
    assert.deepEqual(labelAt('RR 24'), ['+2']);
    assert.deepEqual(labelAt('T 38.4C'), ['+1']);
    assert.ok(hints!.every((x) => typeof x.tooltip === 'object' && /RCP 2017/.test((x.tooltip as MarkupContent).value)));

    const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: lines.findIndex((l) => l.startsWith('HR 118')), character: 4 } });
    assert.match((hover?.contents as MarkupContent).value, /NEWS2 pulse: .*→ \*\*\+2\*\*/);

    const triage = await h.client.sendRequest(TriageRequest.type, { uri });
    assert.equal(triage?.summary, lenses![0]!.command?.title);
    assert.match(triage!.markdown, /Recommended response/);
    assert.equal((triage!.triage as { news2: { total: number } }).news2.total, 16);
    assert.match(triage!.markdown, /## Calculated from the note/);
    h.close(uri);
  });

  test('calculators: prefilled from the note; calculate runs one and reports errors', async () => {
    const uri = 'file:///af.cnote';
    h.open(uri, read(examples, 'hp-medication-safety.cnote'));
    const list = await h.client.sendRequest(CalculatorsRequest.type, { uri });
    assert.ok(list.length >= 45);
    const cha = list.find((c) => c.id === 'cha2ds2-vasc')!;
    assert.ok(cha, 'CHA2DS2-VASc is offered');
    assert.ok(Object.keys(cha.prefilled).length >= 3, 'age, sex and history come from the note');
    const result = await h.client.sendRequest(CalculateRequest.type, { id: cha.id, inputs: cha.prefilled });
    assert.ok(result.ok);
    assert.equal(result.ok && result.value, 5);
    const bad = await h.client.sendRequest(CalculateRequest.type, { id: 'no-such', inputs: {} });
    assert.equal(bad.ok, false);
    const missing = await h.client.sendRequest(CalculateRequest.type, { id: 'bmi', inputs: {} });
    assert.ok(!missing.ok && missing.missing.length > 0);
    const none = await h.client.sendRequest(CalculatorsRequest.type, {});
    assert.ok(none.every((c) => Object.keys(c.prefilled).length === 0));
    // Conventions are marked for the client to ask (default first); clinical findings are not.
    const conventions = none.flatMap((c) => c.inputs.filter((i) => i.convention).map((i) => `${c.id}.${i.key}`));
    assert.deepEqual(conventions.sort(), ['centor-mcisaac.variant', 'delta-gap.definition', 'due-date.datingRule', 'mme.guideline', 'sirs.criteria', 'sodium-correction-hyperglycemia.factor']);
    assert.ok(none.find((c) => c.id === 'child-pugh')!.inputs.every((i) => !i.convention));
    h.close(uri);
  });

  test('no triage lens on a note with nothing to score; ESI only on ED notes', async () => {
    const uri = 'file:///prose.cnote';
    h.open(uri, 'Seen for follow-up of knee pain. Doing well with physiotherapy; continue home exercises.\n');
    assert.deepEqual(await h.client.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);
    h.close(uri);
    const pn = 'file:///pn.cnote';
    h.open(pn, read(examples, 'progress-note-chf.cnote'));
    const pl = await h.client.sendRequest(CodeLensRequest.type, { textDocument: { uri: pn } });
    assert.equal(pl?.[0]?.command?.title, 'Triage: NEWS2 1 (low) · qSOFA 0');
    h.close(pn);
  });

  test('structured note request returns the parse of the current version', async () => {
    const uri = 'file:///model.cnote';
    h.open(uri, 'HPI: 74 y/o F with fever.\nVitals: BP 86/52, HR 118\n');
    const before = (await h.client.sendRequest(NoteModelRequest.type, { uri })) as ClinicalNote;
    assert.equal(before.demographics.age?.years, 74);
    assert.equal(before.vitals.length, 2);
    h.change(uri, [{ range: { start: { line: 1, character: 24 }, end: { line: 1, character: 24 } }, text: ', RR 24' }]);
    const afterEdit = (await h.client.sendRequest(NoteModelRequest.type, { uri })) as ClinicalNote;
    assert.deepEqual(afterEdit.vitals.map((v) => v.kind), ['blood-pressure', 'heart-rate', 'respiratory-rate']);
    assert.equal(await h.client.sendRequest(NoteModelRequest.type, { uri: 'file:///not-open.cnote' }), null);
    const info = await h.client.sendRequest(ServerInfoRequest.type);
    assert.equal(info.version, 'test');
    assert.ok(info.rules.includes('input-not-analysed'));
    h.close(uri);
  });

  test('diagnostics: a binary file gets one clear warning; a clean note none; close clears', async () => {
    const bin = 'file:///binary.note';
    h.open(bin, readFileSync(path.join(fixtures, 'binary.note'), 'latin1'));
    const d = await h.diagnostics(bin, (ds) => ds.length > 0);
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'input-not-analysed');
    assert.equal(d[0]!.source, 'MedGemma Notes');
    assert.match(messageOf(d[0]!), /binary/);
    h.close(bin);
    assert.deepEqual(await h.diagnostics(bin, (ds) => ds.length === 0), []);

    const clean = 'file:///minimal.cnote';
    h.open(clean, read(fixtures, 'minimal.cnote'));
    const none = await h.diagnostics(clean);
    assert.ok(!none.some((x) => x.code === 'input-not-analysed'));
    h.close(clean);
  });

  test('safety diagnostics carry code, source, reference link and a quick fix that rewrites the text', async () => {
    const uri = 'file:///hp.cnote';
    const text = read(examples, 'hp-medication-safety.cnote');
    h.open(uri, text);
    const diags = await h.diagnostics(uri, (ds) => ds.some((d) => d.code === 'do-not-use-abbreviation'));
    const qd = diags.find((d) => d.code === 'do-not-use-abbreviation' && /"QD"/.test(messageOf(d)))!;
    assert.ok(qd, 'QD is flagged');
    assert.equal(qd.source, 'MedGemma Notes');
    assert.equal(qd.severity, 2 /* Warning */);
    assert.match(qd.codeDescription?.href ?? '', /^https:\/\//);
    const lines = text.split('\n');
    assert.equal(lines[qd.range.start.line]!.slice(qd.range.start.character, qd.range.end.character), 'QD');
    assert.ok(diags.some((d) => d.code === 'do-not-use-abbreviation' && d.severity === 1 /* Error: 10 U insulin */));

    const actions = await h.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: qd.range, context: { diagnostics: [qd] } });
    const fix = (actions as { title: string; isPreferred?: boolean; edit?: { changes?: Record<string, { range: typeof qd.range; newText: string }[]> } }[])[0]!;
    assert.match(fix.title, /daily/);
    assert.equal(fix.isPreferred, true);
    const edit = fix.edit!.changes![uri]![0]!;
    const line = lines[edit.range.start.line]!;
    const fixed = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    assert.ok(!/\bQD\b/.test(fixed) && /\bdaily\b/.test(fixed), fixed);

    const cds = await h.client.sendRequest(CdsHooksRequest.type, { uri });
    assert.deepEqual(validateResponse(cds), []);
    assert.ok((cds?.cards.length ?? 0) >= 5);

    // Applying the fix (a new version) clears that diagnostic and the stale fix is no longer offered.
    h.change(uri, [{ range: edit.range, text: edit.newText }]);
    const after = await h.diagnostics(uri, (ds) => !ds.some((d) => /"QD"/.test(messageOf(d))));
    assert.ok(after.some((d) => d.code === 'do-not-use-abbreviation'), 'the other findings stay');
    const stale = await h.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: qd.range, context: { diagnostics: [qd] } });
    assert.deepEqual(stale, []);
    h.close(uri);
  });

  test('code actions: none offered for foreign diagnostics', async () => {
    const uri = 'file:///ca.cnote';
    h.open(uri, 'Plan: rest\n');
    const actions = await h.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'x', source: 'other', data: { version: 1, fixes: [{ title: 't', edits: [] }] } }] },
    });
    assert.deepEqual(actions, []);
    h.close(uri);
  });

  test('bad input never crashes the server: empty, CRLF, Unicode, a 10 MB note', async () => {
    for (const name of ['empty.cnote', 'whitespace-only.cnote', 'crlf.cnote', 'unicode.cnote', 'no-headings.cnote']) {
      const uri = `file:///${name}`;
      h.open(uri, read(fixtures, name));
      const symbols = await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(Array.isArray(symbols), name);
      h.close(uri);
    }
    const big = 'file:///big.cnote';
    const block = read(examples, 'ed-triage-sepsis.cnote');
    const text = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    h.open(big, text);
    const symbols = (await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: big } })) as DocumentSymbol[];
    assert.ok(symbols.length > 1000, 'a 10 MB note is analysed');
    const info = await h.client.sendRequest(ServerInfoRequest.type);
    assert.ok(info.documents >= 1, 'server still answers');
    h.close(big);
  });
});

describe('settings', () => {
  test('a small size limit turns analysis off for big notes, with a message', async () => {
    const h = await startServer({ settings: { maxNoteSizeMiB: 1, diagnostics: { delayMs: 0 } } });
    try {
      const uri = 'file:///huge.cnote';
      h.open(uri, 'HPI: cough.\n'.repeat(120_000));
      const d = await h.diagnostics(uri, (ds) => ds.length > 0);
      assert.equal(d[0]!.code, 'input-not-analysed');
      assert.match(messageOf(d[0]!), /over the 1 MiB analysis limit/);
    } finally {
      await h.dispose();
    }
  });

  test('diagnostics can be turned off', async () => {
    const h = await startServer({ settings: { diagnostics: { enable: false, delayMs: 0 } } });
    try {
      const uri = 'file:///bin2.note';
      h.open(uri, readFileSync(path.join(fixtures, 'binary.note'), 'latin1'));
      assert.deepEqual(await h.diagnostics(uri), []);
    } finally {
      await h.dispose();
    }
  });
});
