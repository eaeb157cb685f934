import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findingsToCards, validateCard, validateResponse, FALLBACK_SOURCE_LABEL } from '../../../server/src/clinical/cdsHooks';
import type { CdsCard, CdsCardsOptions } from '../../../server/src/clinical/cdsHooks';
import type { Finding } from '../../../server/src/clinical/findings';
import { analyze } from '../../../server/src/clinical/analyze';
import { computeTriage } from '../../../server/src/clinical/scores/triage';
import { formatTriageSummary } from '../../../server/src/clinical/scores/format';
import { parseNote } from '../../../server/src/note/parseNote';
import type { Span } from '../../../server/src/note/types';

const JC = { title: "The Joint Commission Official 'Do Not Use' List", url: 'https://www.jointcommission.org/do-not-use' };
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Span of the `nth` occurrence of `needle`; throws when absent (a broken fixture). */
function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" not in text`);
  }
  return { start: at, end: at + needle.length };
}

function finding(text: string, needle: string, extra: Partial<Finding> = {}): Finding {
  return { code: 'test-rule', severity: 'warning', message: `Check "${needle}".`, span: spanOf(text, needle), ...extra };
}

function cardsOf(findings: Finding[], options: Partial<CdsCardsOptions> & { text: string }): CdsCard[] {
  return findingsToCards(findings, { noteId: 'note-1', ...options }).cards;
}

function only(cards: CdsCard[]): CdsCard {
  assert.equal(cards.length, 1);
  return cards[0] as CdsCard;
}

const NOTE = [
  'Progress note',
  '',
  'Allergies: penicillin (anaphylaxis)',
  '',
  'Medications:',
  '- insulin glargine 10U SC QD',
  '- morphine 2.0 mg IV q4h prn',
  '',
  'Vitals: HR 135, BP 85/50, RR 28, SpO2 88% on RA, T 39.6',
  'Labs: K 7.2',
  '',
  'Assessment: sepsis.',
  'Plan: fluids.',
  '',
].join('\n');

describe('findingsToCards over the real pipeline', () => {
  const note = parseNote(NOTE);
  const findings = analyze({ text: NOTE, note });
  const triage = computeTriage(NOTE, note);
  const response = findingsToCards(findings, { text: NOTE, noteId: 'demo', triage, patient: 'Patient/123' });

  test('every card validates and the response validates', () => {
    assert.ok(findings.length >= 5, 'fixture should raise several findings');
    assert.equal(response.cards.length, findings.length + 1);
    for (const card of response.cards) assert.deepEqual(validateCard(card), [], card.summary);
    assert.deepEqual(validateResponse(response), []);
  });

  test('the output is plain JSON: it survives a round trip unchanged', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(response)), response);
  });

  test('cards are ordered critical, warning, info', () => {
    const rank = { critical: 0, warning: 1, info: 2 };
    const ranks = response.cards.map((c) => rank[c.indicator]);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    assert.equal(response.cards[0]?.indicator, 'critical');
  });

  test('the same input gives byte-identical output', () => {
    const again = findingsToCards(findings, { text: NOTE, noteId: 'demo', triage, patient: 'Patient/123' });
    assert.equal(JSON.stringify(again), JSON.stringify(response));
  });
});

describe('card fields', () => {
  const text = 'Meds:\n  metoprolol 25 mg PO QD\n';

  test('severity maps to indicator: critical → critical, warning → warning, advisory → info', () => {
    const cards = cardsOf([
      finding(text, 'QD', { severity: 'advisory', code: 'a' }),
      finding(text, 'metoprolol', { severity: 'critical', code: 'c' }),
      finding(text, '25 mg', { severity: 'warning', code: 'w' }),
    ], { text });
    assert.deepEqual(cards.map((c) => c.indicator), ['critical', 'warning', 'info']);
    assert.deepEqual(cards.map((c) => c.source.topic?.code), ['c', 'w', 'a']);
  });

  test('input order is kept within a severity group', () => {
    const cards = cardsOf([finding(text, 'QD', { code: 'first' }), finding(text, 'PO', { code: 'second' })], { text });
    assert.deepEqual(cards.map((c) => c.source.topic?.code), ['first', 'second']);
  });

  test('short messages are the summary as written; long ones are cut at a word under 140 with an ellipsis', () => {
    assert.equal(only(cardsOf([finding(text, 'QD', { message: 'Write "daily".' })], { text })).summary, 'Write "daily".');
    const long = `QD is misread as QID. ${'Write the frequency out in full words every time it appears '.repeat(6)}`;
    const summary = only(cardsOf([finding(text, 'QD', { message: long })], { text })).summary;
    assert.ok(summary.length < 140, `length ${summary.length}`);
    assert.ok(summary.endsWith('…'));
    const head = summary.slice(0, -1);
    assert.ok(long.startsWith(head), 'summary is a prefix of the message');
    assert.equal(long[head.length], ' ', 'cut at a word boundary');
  });

  test('a message of one huge word, emoji or line breaks still gives a one-line summary under 140', () => {
    const word = only(cardsOf([finding(text, 'QD', { message: 'x'.repeat(500) })], { text })).summary;
    assert.ok(word.length < 140 && word.endsWith('…'));
    const emoji = only(cardsOf([finding(text, 'QD', { message: '😀'.repeat(200) })], { text })).summary;
    assert.ok(emoji.length < 140);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(emoji), 'no lone high surrogate');
    const lines = only(cardsOf([finding(text, 'QD', { message: 'Line one\r\nline two\nline three' })], { text })).summary;
    assert.equal(lines, 'Line one line two line three');
  });

  test('an empty message still gives a non-empty summary', () => {
    const card = only(cardsOf([finding(text, 'QD', { message: '   ' })], { text }));
    assert.equal(card.summary, 'test-rule at line 2, column 23');
    assert.deepEqual(validateCard(card), []);
  });

  test('the detail gives the message, the line:column, the flagged text and the reference', () => {
    const card = only(cardsOf([finding(text, 'QD', { message: 'Do not use *QD*.', reference: JC })], { text }));
    assert.match(card.detail ?? '', /^Do not use \\\*QD\\\*\./);
    assert.ok(card.detail?.includes('**Where:** line 2, column 23 — `QD`'));
    assert.ok(card.detail?.includes(`](${JC.url})`));
    assert.deepEqual(card.source, { label: JC.title, url: JC.url, topic: { system: 'urn:medgemma-notes:rule', code: 'test-rule' } });
    assert.deepEqual(card.links, [{ label: JC.title, url: JC.url, type: 'absolute' }]);
  });

  test('a finding without a reference gets the fallback source and no link', () => {
    const card = only(cardsOf([finding(text, 'QD')], { text }));
    assert.equal(card.source.label, FALLBACK_SOURCE_LABEL);
    assert.equal(card.source.url, undefined);
    assert.equal(card.links, undefined);
    assert.deepEqual(validateCard(card), []);
  });

  test('a reference whose url is not absolute keeps its title but gives no url', () => {
    const card = only(cardsOf([finding(text, 'QD', { reference: { title: 'Local policy', url: 'policy/7' } })], { text }));
    assert.deepEqual(card.source, { label: 'Local policy', topic: { system: 'urn:medgemma-notes:rule', code: 'test-rule' } });
    assert.equal(card.links, undefined);
  });

  test('critical cards offer override reasons with a display; others do not', () => {
    const [critical, warning] = cardsOf([finding(text, 'QD', { severity: 'critical' }), finding(text, 'PO')], { text });
    assert.ok((critical?.overrideReasons?.length ?? 0) >= 2);
    assert.ok(critical?.overrideReasons?.every((r) => r.display && r.system && r.code));
    assert.equal(warning?.overrideReasons, undefined);
  });

  test('line and column follow CRLF, lone CR and UTF-16 (emoji) text', () => {
    const crlf = 'A\r\nB\rC 😀 QD\n';
    const card = only(cardsOf([finding(crlf, 'QD')], { text: crlf }));
    assert.ok(card.detail?.includes('line 3, column 6'), card.detail);
  });
});

describe('uuids', () => {
  const text = 'Plan: aspirin 81 mg QD and QD again';

  test('stable across calls and shaped as a version-5 UUID', () => {
    const f = finding(text, 'QD');
    const a = only(cardsOf([f], { text })).uuid;
    const b = only(cardsOf([{ ...f }], { text })).uuid;
    assert.equal(a, b);
    assert.match(a ?? '', UUID_V5);
  });

  test('distinct across findings, rules, notes and repeated identical findings', () => {
    const first = finding(text, 'QD');
    const second = { ...first, span: spanOf(text, 'QD', 1) };
    const uuids = [
      ...cardsOf([first, second, { ...first, code: 'other' }, { ...first }], { text }).map((c) => c.uuid),
      only(cardsOf([first], { text, noteId: 'note-2' })).uuid,
    ];
    assert.equal(new Set(uuids).size, uuids.length);
  });
});

describe('suggestions', () => {
  const text = 'Meds:\n  metoprolol 25 mg PO QD\n';
  const qd = spanOf(text, 'QD');

  test('each fix becomes a suggestion with an update action describing the edit', () => {
    const f = finding(text, 'QD', { fixes: [{ title: 'Write "daily"', edits: [{ span: qd, newText: 'daily' }], preferred: true }] });
    const card = only(cardsOf([f], { text }));
    assert.equal(card.selectionBehavior, 'at-most-one');
    const s = card.suggestions?.[0];
    assert.equal(s?.label, 'Write "daily"');
    assert.equal(s?.isRecommended, true);
    assert.match(s?.uuid ?? '', UUID_V5);
    assert.deepEqual(s?.actions, [{ type: 'update', description: `Replace 'QD' with 'daily' at line 2, column 23 in note "note-1".` }]);
    assert.deepEqual(validateCard(card), []);
  });

  test('only the first preferred fix is recommended; fixes without edits are dropped', () => {
    const f = finding(text, 'QD', {
      fixes: [
        { title: 'Write "daily"', edits: [{ span: qd, newText: 'daily' }], preferred: true },
        { title: 'Write "once daily"', edits: [{ span: qd, newText: 'once daily' }], preferred: true },
        { title: 'Nothing to do', edits: [] },
      ],
    });
    const card = only(cardsOf([f], { text }));
    assert.deepEqual(card.suggestions?.map((s) => s.isRecommended), [true, undefined]);
    assert.notEqual(card.suggestions?.[0]?.uuid, card.suggestions?.[1]?.uuid);
    assert.deepEqual(validateCard(card), []);
  });

  test('no fixes: no suggestions and no selectionBehavior', () => {
    const card = only(cardsOf([finding(text, 'QD', { fixes: [] })], { text }));
    assert.equal(card.suggestions, undefined);
    assert.equal(card.selectionBehavior, undefined);
  });

  test('insertions, deletions and edits outside the flagged text are described without quoting it', () => {
    const f = finding(text, 'QD', {
      fixes: [
        { title: 'Insert', edits: [{ span: { start: qd.end, end: qd.end }, newText: ' (daily)' }] },
        { title: 'Delete', edits: [{ span: qd, newText: '' }] },
        { title: 'Outside', edits: [{ span: spanOf(text, 'metoprolol'), newText: 'Metoprolol' }] },
      ],
    });
    const d = only(cardsOf([f], { text })).suggestions?.map((s) => s.actions?.[0]?.description);
    assert.equal(d?.[0], `Insert ' (daily)' at line 2, column 25 in note "note-1".`);
    assert.equal(d?.[1], `Delete 'QD' at line 2, column 23 in note "note-1".`);
    assert.equal(d?.[2], `Replace the text up to line 2, column 13 with 'Metoprolol' at line 2, column 3 in note "note-1".`);
  });

  test('with a linked patient the action carries a DocumentReference about that patient, without note text', () => {
    const f = finding(text, 'QD', { fixes: [{ title: 'Write "daily"', edits: [{ span: qd, newText: 'daily' }] }] });
    const card = only(cardsOf([f], { text, patient: 'Patient/123' }));
    const resource = card.suggestions?.[0]?.actions?.[0]?.resource;
    assert.equal(resource?.resourceType, 'DocumentReference');
    assert.deepEqual(resource?.subject, { reference: 'Patient/123' });
    assert.equal(resource?.id, undefined);
    assert.ok(!JSON.stringify(resource).includes('metoprolol'));
    assert.deepEqual(validateCard(card), []);
  });
});

describe('triage card', () => {
  const text = 'Vitals: HR 135, BP 85/50, RR 28, SpO2 95% on RA, T 38.0, alert\nPlan: fluids, labs.\n';
  const triage = computeTriage(text, parseNote(text));

  test('one info card: the summary line, the NEWS2 response in the detail, after warnings', () => {
    const cards = cardsOf([finding(text, 'HR 135', { severity: 'advisory' }), finding(text, 'RR 28')], { text, triage });
    assert.deepEqual(cards.map((c) => c.indicator), ['warning', 'info', 'info']);
    const card = cards[1] as CdsCard;
    assert.equal(card.summary, formatTriageSummary(triage));
    assert.ok(triage.news2.response && card.detail?.includes(triage.news2.response.slice(0, 40)));
    assert.equal(card.source.topic?.code, 'triage');
    assert.match(card.uuid ?? '', UUID_V5);
    assert.deepEqual(validateCard(card), []);
  });

  test('a note with no vitals gives a valid "not scored" triage card', () => {
    const empty = computeTriage('', parseNote(''));
    const card = only(cardsOf([], { text: '', triage: empty }));
    assert.match(card.detail ?? '', /NEWS2 not scored/);
    assert.deepEqual(validateCard(card), []);
  });
});

describe('privacy', () => {
  test('cards quote no note text beyond the flagged span, and at most 60 characters of it', () => {
    const secret = 'Jane Q Doe MRN 12345678';
    const long = `Plan: ${'continue the current regimen and monitor closely '.repeat(5)}`;
    const text = `Patient: ${secret}\n${long}\nAllergy list reviewed by ${secret}.`;
    const span = spanOf(text, long.slice(6));
    const f: Finding = {
      code: 'test-rule', severity: 'critical', message: 'Plan is vague.', span,
      related: [{ span: spanOf(text, secret, 1), message: 'see here' }],
      fixes: [{ title: 'Name the drug', edits: [{ span: spanOf(text, secret), newText: '[redacted]' }] }],
    };
    const json = JSON.stringify(findingsToCards([f], { text, noteId: 'n', patient: 'Patient/1' }));
    for (const word of ['Jane', '12345678', 'Allergy list']) assert.ok(!json.includes(word), `leaked ${word}`);
    const card = only(cardsOf([f], { text }));
    const quote = /— `([^`]*)`/.exec(card.detail ?? '')?.[1] ?? '';
    assert.ok(quote.length > 0 && quote.length <= 60, `quote length ${quote.length}`);
    assert.ok(text.slice(span.start, span.end).startsWith(quote.replace(/…$/, '')));
  });
});

describe('bad input', () => {
  test('no findings and no triage: an empty, valid response', () => {
    const res = findingsToCards([], { text: '', noteId: 'x' });
    assert.deepEqual(res, { cards: [] });
    assert.deepEqual(validateResponse(res), []);
  });

  test('spans outside the text are clamped, and the card is still valid', () => {
    const text = 'short';
    const card = only(cardsOf([{ code: 'r', severity: 'advisory', message: 'm', span: { start: 50, end: 10 } }], { text }));
    assert.ok(card.detail?.includes('line 1, column 6'));
    assert.deepEqual(validateCard(card), []);
  });

  test('an empty note id or a patient that is not a FHIR reference is refused', () => {
    assert.throws(() => findingsToCards([], { text: '', noteId: ' ' }), RangeError);
    assert.throws(() => findingsToCards([], { text: '', noteId: 'n', patient: 'John Smith' }), RangeError);
  });

  test('quotes with backticks stay inside their code span; markdown in messages is escaped', () => {
    const text = 'x `code` y';
    const card = only(cardsOf([finding(text, '`code`', { message: '<b>[link](http://a)</b>' })], { text }));
    assert.ok(card.detail?.includes('`` `code` ``'), card.detail);
    assert.ok(card.detail?.startsWith('\\<b\\>\\[link\\](http://a)\\</b\\>'), card.detail);
  });

  test('a long single-line note with many findings converts quickly', () => {
    const text = 'QD '.repeat(400_000);
    const findings: Finding[] = [];
    for (let i = 0; i < 5_000; i++) findings.push({ code: 'r', severity: 'warning', message: 'm', span: { start: i * 3, end: i * 3 + 2 } });
    const t0 = performance.now();
    const res = findingsToCards(findings, { text, noteId: 'big' });
    assert.equal(res.cards.length, 5_000);
    assert.ok(performance.now() - t0 < 2_000);
  });
});

describe('validateCard', () => {
  const valid = (): Record<string, unknown> => ({
    uuid: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
    summary: 'Example',
    indicator: 'info',
    source: { label: 'Example service' },
  });
  const problems = (patch: Record<string, unknown>): string[] => validateCard({ ...valid(), ...patch });

  test('accepts the minimal card and never throws on non-objects', () => {
    assert.deepEqual(validateCard(valid()), []);
    for (const bad of [null, undefined, 'card', 42, [], [valid()]]) assert.ok(validateCard(bad).length > 0);
  });

  test('reports each kind of violation', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ summary: undefined }, /summary: required/],
      [{ summary: 'x'.repeat(140) }, /summary: must be shorter than 140/],
      [{ summary: 'two\nlines' }, /summary: must be one line/],
      [{ indicator: 'urgent' }, /indicator/],
      [{ uuid: 'not-a-uuid' }, /uuid: must be a UUID/],
      [{ source: { url: 'https://a.example' } }, /source\.label: required/],
      [{ source: { label: 'x', url: '/relative' } }, /source\.url: must be an absolute URL/],
      [{ suggestions: [{ label: 'Fix' }] }, /selectionBehavior: required when suggestions/],
      [{ suggestions: [{ label: 'Fix', actions: [{ type: 'modify', description: 'd' }] }], selectionBehavior: 'any' }, /actions\[0\]\.type/],
      [{ suggestions: [{ label: 'Fix', actions: [{ type: 'create', description: 'd' }] }], selectionBehavior: 'any' }, /resource: required when type is 'create'/],
      [{ suggestions: [{ label: 'A', isRecommended: true }, { label: 'B', isRecommended: true }], selectionBehavior: 'at-most-one' }, /only one suggestion may be recommended/],
      [{ selectionBehavior: 'some' }, /selectionBehavior: must be/],
      [{ overrideReasons: [{ system: 's', code: 'c' }] }, /overrideReasons\[0\]\.display: required/],
      [{ links: [{ label: 'L', url: 'https://a.example', type: 'absolute', appContext: 'x' }] }, /appContext: only valid on 'smart'/],
      [{ detail: null }, /detail: must not be null/],
      [{ links: [] }, /links: must not be an empty array/],
      [{ colour: 'red' }, /colour: not a CDS Hooks attribute/],
    ];
    for (const [patch, expected] of cases) {
      const found = problems(patch);
      assert.ok(found.some((p) => expected.test(p)), `${JSON.stringify(patch)} → ${JSON.stringify(found)}`);
    }
  });

  test('validateResponse checks the cards array and uuid uniqueness', () => {
    assert.ok(validateResponse({}).some((p) => p.startsWith('cards:')));
    assert.ok(validateResponse({ cards: [valid(), valid()] }).some((p) => /duplicates an earlier card/.test(p)));
    assert.ok(validateResponse({ cards: [{ ...valid(), indicator: 'x' }] }).some((p) => p.startsWith('cards[0].indicator')));
  });
});
