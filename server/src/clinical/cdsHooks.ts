/**
 * Decision support as HL7 CDS Hooks 2.0 cards (https://cds-hooks.hl7.org/2.0/): one card per
 * finding, plus an optional triage card, so an EHR that speaks CDS Hooks can show what the editor
 * shows. Pure and deterministic: the same findings give byte-identical cards.
 *
 * Spec choices:
 * - `uuid` is a name-based (v5) UUID of note id + rule id + span, so feedback on a card still
 *   matches it after the note is analysed again; repeats of the same key get an occurrence number.
 * - CDS Hooks actions carry FHIR resources, but a note is text: each fix becomes one `update`
 *   action whose `description` says the edit ("Replace 'QD' with 'daily' at line 12, column 5").
 *   A `resource` is added only when the caller links the note to a FHIR subject (`patient`): a
 *   DocumentReference naming the subject and the edit. It carries neither the note's text (privacy)
 *   nor an `id` (so no client can overwrite a stored document with it); clients apply the edit
 *   from the description.
 * - Privacy: a card quotes at most 60 characters of the finding's own span; related locations are
 *   given as line and column only.
 * - Every card with suggestions is `at-most-one` (a finding's fixes are alternatives), and at
 *   most one suggestion is recommended, as the spec requires for that behaviour.
 */
import news2Refs from '../knowledge/criticalValues.json';
import type { Finding, Fix, Severity, TextEdit } from './findings';
import { formatTriageSummary } from './scores/format';
import type { Triage } from './scores/types';
import type { CardIndicator, CdsAction, CdsCard, CdsCoding, CdsHooksResponse, CdsSource, CdsSuggestion } from './cdsHooksTypes';
import { LineIndex, clampSpan, codeSpan, escapeMarkdown, nameUuid, quoteSpan, toSummary } from './cdsHooksText';
import type { Span } from '../note/types';
import { within } from '../note/text';

export type * from './cdsHooksTypes';
export { validateCard, validateResponse } from './cdsHooksValidate';

/** Options for `findingsToCards`. */
export interface CdsCardsOptions {
  /** Document text (to quote the flagged text in the detail and build suggestions). */
  text: string;
  /** Note identifier for card uuids and suggestion descriptions (no patient data). */
  noteId: string;
  triage?: Triage;
  /** FHIR resource the note is about, if linked (e.g. "Patient/123"), for suggestion actions; optional. */
  patient?: string;
}

/** Label of cards whose finding cites no reference. */
export const FALLBACK_SOURCE_LABEL = 'MedGemma Notes';

/** Code systems of this project's Codings (CDS Hooks requires a system on every Coding). */
export const CODE_SYSTEMS = {
  /** `source.topic`: the rule id. */
  rule: 'urn:medgemma-notes:rule',
  /** `overrideReasons`. */
  overrideReason: 'urn:medgemma-notes:override-reason',
} as const;

const INDICATOR: Record<Severity, CardIndicator> = { critical: 'critical', warning: 'warning', advisory: 'info' };
const RANK: Record<CardIndicator, number> = { critical: 0, warning: 1, info: 2 };

/*
 * Why a clinician may dismiss a critical card. Workflow wording, not clinical thresholds, so it
 * lives here rather than in knowledge/; the spec leaves the set to each service.
 */
const REASONS: Record<string, string> = {
  'allergy-history-reviewed': 'Allergy history reviewed; drug tolerated before',
  'benefit-outweighs-risk': 'Benefit outweighs risk; monitoring in place',
  'value-confirmed': 'Value confirmed and already being acted on',
  'known-baseline': 'Known baseline for this patient',
  'patient-specific-dosing': 'Patient-specific dosing confirmed',
  'already-addressed': 'Already addressed elsewhere in the record',
  'not-applicable': 'Not applicable to this patient',
};
const REASONS_BY_RULE: Record<string, string[]> = {
  'drug-allergy-conflict': ['allergy-history-reviewed', 'benefit-outweighs-risk', 'not-applicable'],
  'critical-value': ['value-confirmed', 'known-baseline', 'already-addressed'],
  'do-not-use-abbreviation': ['patient-specific-dosing', 'already-addressed', 'not-applicable'],
};
const DEFAULT_REASONS = ['patient-specific-dosing', 'allergy-history-reviewed', 'already-addressed', 'not-applicable'];

/** FHIR relative reference, e.g. `Patient/123` (resource type, then a FHIR id). */
const RELATIVE_REFERENCE = /^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9.-]{1,64}$/;

interface Context {
  text: string;
  noteId: string;
  patient?: string;
  lines: LineIndex;
}

/**
 * The CDS Hooks response for one note: critical cards first, then warning, then info (the
 * triage card first among info); input order within each group.
 * @throws RangeError when `noteId` is empty or `patient` is not a FHIR relative reference.
 */
export function findingsToCards(findings: readonly Finding[], options: CdsCardsOptions): CdsHooksResponse {
  const { text, noteId, triage, patient } = options;
  if (noteId.trim() === '') throw new RangeError('noteId is empty: pass an identifier of the note (e.g. its file name), not patient data.');
  if (patient !== undefined && !RELATIVE_REFERENCE.test(patient)) {
    throw new RangeError('patient must be a FHIR relative reference such as "Patient/123"; the value given is not one.');
  }
  const ctx: Context = { text, noteId, patient, lines: new LineIndex(text) };
  const seen = new Map<string, number>();
  const cards: CdsCard[] = [];
  if (triage) cards.push(triageCard(triage, noteId));
  for (const f of findings) {
    const span = clampSpan(text, f.span);
    const key = [noteId, f.code, `${span.start}-${span.end}`].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    cards.push(findingCard(f, span, n === 0 ? key : `${key}\u0000${n}`, ctx));
  }
  // Array.prototype.sort is stable, so input order survives within a group.
  return { cards: cards.sort((a, b) => RANK[a.indicator] - RANK[b.indicator]) };
}

function findingCard(f: Finding, span: Span, name: string, ctx: Context): CdsCard {
  const indicator = INDICATOR[f.severity] ?? 'info';
  const where = ctx.lines.describe(span.start);
  const card: CdsCard = {
    uuid: nameUuid(name),
    summary: toSummary(f.message) || `${f.code} at ${where}`,
    detail: findingDetail(f, span, where, ctx),
    indicator,
    source: findingSource(f),
  };
  const suggestions = toSuggestions(f.fixes ?? [], span, name, ctx);
  if (suggestions.length > 0) {
    card.suggestions = suggestions;
    card.selectionBehavior = 'at-most-one';
  }
  if (indicator === 'critical') card.overrideReasons = overrideReasons(f.code);
  const url = absoluteUrl(f.reference?.url);
  if (f.reference && url) card.links = [{ label: f.reference.title.trim() || url, url, type: 'absolute' }];
  return card;
}

function findingDetail(f: Finding, span: Span, where: string, ctx: Context): string {
  const quote = quoteSpan(ctx.text, span);
  const parts = [escapeMarkdown(f.message.trim() || f.code)];
  parts.push(`**Where:** ${where}${quote ? ` — ${codeSpan(quote)}` : ''}`);
  const related = (f.related ?? []).map((r) => ctx.lines.describe(clampSpan(ctx.text, r.span).start));
  if (related.length > 0) parts.push(`**See also:** ${related.join('; ')}`);
  parts.push(`**Rule:** ${codeSpan(f.code)}`);
  const url = absoluteUrl(f.reference?.url);
  if (f.reference) {
    const title = escapeMarkdown(f.reference.title.trim() || 'reference');
    parts.push(`**Reference:** ${url ? `[${title}](${url.replace(/[()\s]/g, encodeURIComponent)})` : title}`);
  }
  return parts.join('\n\n');
}

function findingSource(f: Finding): CdsSource {
  const topic: CdsCoding = { system: CODE_SYSTEMS.rule, code: f.code || 'unknown-rule' };
  const label = f.reference?.title.trim();
  if (!label) return { label: FALLBACK_SOURCE_LABEL, topic };
  const url = absoluteUrl(f.reference?.url);
  return url ? { label, url, topic } : { label, topic };
}

function toSuggestions(fixes: readonly Fix[], span: Span, name: string, ctx: Context): CdsSuggestion[] {
  const out: CdsSuggestion[] = [];
  let recommended = false;
  fixes.forEach((fix, i) => {
    if (fix.edits.length === 0) return;
    const description = `${fix.edits.map((e) => describeEdit(e, span, ctx)).join('; ')} in note "${ctx.noteId}".`;
    const action: CdsAction = { type: 'update', description };
    if (ctx.patient) action.resource = documentReference(ctx.patient, ctx.noteId, description);
    // `at-most-one` cards may recommend one suggestion only: the first preferred fix.
    const recommend = fix.preferred === true && !recommended;
    recommended ||= recommend;
    out.push({
      label: fix.title.trim() || 'Apply fix',
      uuid: nameUuid(`${name}\u0000fix\u0000${i}`),
      ...(recommend ? { isRecommended: true } : {}),
      actions: [action],
    });
  });
  return out;
}

/** "Replace 'QD' with 'daily' at line 12, column 5"; text outside the finding is not quoted. */
function describeEdit(edit: TextEdit, findingSpan: Span, ctx: Context): string {
  const span = clampSpan(ctx.text, edit.span);
  const at = ctx.lines.describe(span.start);
  if (span.start === span.end) return `Insert '${edit.newText}' at ${at}`;
  const old = within(span, findingSpan) ? `'${quoteSpan(ctx.text, span)}'` : `the text up to ${ctx.lines.describe(span.end)}`;
  return edit.newText === '' ? `Delete ${old} at ${at}` : `Replace ${old} with '${edit.newText}' at ${at}`;
}

/** The note as a FHIR DocumentReference about `subject`: no id and no content data (see top). */
function documentReference(subject: string, noteId: string, description: string): Record<string, unknown> {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    subject: { reference: subject },
    description,
    content: [{ attachment: { contentType: 'text/plain', title: `Note ${noteId}` } }],
  };
}

function overrideReasons(code: string): CdsCoding[] {
  return (REASONS_BY_RULE[code] ?? DEFAULT_REASONS).map((c) => ({ system: CODE_SYSTEMS.overrideReason, code: c, display: REASONS[c] ?? c }));
}

function triageCard(triage: Triage, noteId: string): CdsCard {
  const ref = news2Refs.references.news2;
  const n = triage.news2;
  const parts: string[] = [];
  if (n.risk && n.response) {
    parts.push(`**NEWS2 response (${escapeMarkdown(n.risk)} risk):** ${escapeMarkdown(n.response)}`);
    if (n.monitoring) parts.push(`**Monitoring:** ${escapeMarkdown(n.monitoring)}`);
    if (n.partial) parts.push(`Partial score: ${escapeMarkdown(n.missing.map((m) => m.replace(/-/g, ' ')).join(', '))} not documented, so the total and risk are a lower bound.`);
  } else {
    parts.push('NEWS2 not scored: the note documents no NEWS2 parameter.');
  }
  for (const c of n.caveats) parts.push(`*Caveat:* ${escapeMarkdown(c)}`);
  parts.push(`**Reference:** [${escapeMarkdown(ref.title)}](${ref.url})`);
  return {
    uuid: nameUuid(`${noteId}\u0000triage`),
    summary: toSummary(formatTriageSummary(triage)),
    detail: parts.join('\n\n'),
    indicator: 'info',
    source: { label: ref.title, url: ref.url, topic: { system: CODE_SYSTEMS.rule, code: 'triage', display: 'Triage scores' } },
    links: [{ label: ref.title, url: ref.url, type: 'absolute' }],
  };
}

/** `url` when it is an absolute http(s) URL, else undefined (the spec needs absolute URLs). */
function absoluteUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
