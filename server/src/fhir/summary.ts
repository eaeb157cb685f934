/**
 * The patient context as people and the model read it: the "Patient Summary" Markdown, a shorter
 * hover, and a compact plain-text block for MedGemma prompts (no name or identifiers: the model
 * needs the clinical facts, not who the patient is). Pure.
 */
import codes from '../knowledge/fhirCodes.json';
import type { FhirErrorInfo, FhirRecordFinding } from '../protocol';
import type { ContextObservation, PatientContext } from './types';

const VITAL_SHORT = new Map(codes.vitalSigns.map((v) => [v.loinc, v.short]));
const VITAL_DISPLAY = new Map(codes.vitalSigns.map((v) => [v.loinc, v.display]));
const SEVERITY_MARK: Record<FhirRecordFinding['severity'], string> = { critical: '⛔', warning: '⚠️', advisory: 'ℹ️' };

export interface SummaryOptions {
  /** The note's link as written (`Patient/123`, `MRN 1001`). */
  link: string;
  /** Rule findings that involve the record. */
  findings?: readonly FhirRecordFinding[];
  /** The last fetch failed: the context shown is the one kept from before. */
  error?: FhirErrorInfo;
  now?: Date;
}

/** The Patient Summary view. */
export function summaryMarkdown(ctx: PatientContext, opts: SummaryOptions): string {
  const now = opts.now ?? new Date();
  const p = ctx.patient;
  const lines: string[] = [`# Patient context: ${md(p.name || 'unnamed patient')}`, ''];
  lines.push(`${demographics(ctx, now)}  `, `Linked by \`${md(opts.link)}\` · Patient/${md(p.id)} on ${md(ctx.server)} · fetched ${md(when(ctx.fetchedAt))}`, '');
  if (opts.error) lines.push(`> **The last refresh failed; this is the context fetched before.** ${md(opts.error.message)}`, '');
  for (const w of ctx.warnings) lines.push(`> ${md(w)}`, '');
  if (opts.findings && opts.findings.length > 0) {
    lines.push('## The record and this note', '');
    for (const f of opts.findings) lines.push(`- ${SEVERITY_MARK[f.severity]} ${md(f.message)} *(line ${f.line + 1})*`);
    lines.push('');
  }
  lines.push(`## Allergies (${ctx.allergies.length})`, '');
  if (ctx.allergies.length === 0) lines.push('No active allergies recorded. *(The record may still be incomplete: ask the patient.)*');
  for (const a of ctx.allergies) {
    const reactions = a.reactions.flatMap((r) => r.manifestations.map((m) => (r.severity ? `${m} (${r.severity})` : m)));
    const extra = [a.type, a.criticality ? `criticality ${a.criticality}` : '', a.verificationStatus && a.verificationStatus !== 'confirmed' ? a.verificationStatus : ''].filter((s) => s);
    lines.push(`- **${md(a.concept.text)}**${reactions.length > 0 ? ` — ${md(reactions.join(', '))}` : ''}${extra.length > 0 ? ` · ${md(extra.join(' · '))}` : ''}`);
  }
  lines.push('', `## Active problems (${ctx.conditions.length})`, '');
  if (ctx.conditions.length === 0) lines.push('None recorded.');
  for (const c of ctx.conditions) lines.push(`- ${md(c.concept.text)}${c.concept.code ? ` \`${md(c.concept.code)}\`` : ''}${c.onset ? ` · since ${md(day(c.onset))}` : ''}`);
  lines.push('', `## Active medications (${ctx.medications.length})`, '');
  if (ctx.medications.length === 0) lines.push('None recorded.');
  for (const m of ctx.medications) {
    const parts = [m.dosage, m.resourceType === 'MedicationStatement' ? 'statement' : 'order', m.date ? day(m.date) : ''].filter((s): s is string => !!s);
    lines.push(`- **${md(m.concept.text)}** · ${md(parts.join(' · '))}`);
  }
  lines.push('', '## Recent vital signs', '');
  lines.push(...observationTable(ctx.vitals, 12));
  lines.push('', '## Recent laboratory results', '');
  lines.push(...observationTable(ctx.labs, 25));
  lines.push('', '---', '*From the FHIR record, for decision support: confirm with the patient and the chart.*', '');
  return lines.join('\n');
}

/** A short hover for the note's `Patient:` line. */
export function hoverMarkdown(ctx: PatientContext, link: string, now = new Date()): string {
  const allergies = ctx.allergies.map((a) => a.concept.text);
  const latest = latestByCode(ctx.vitals).slice(0, 6).map((o) => `${label(o)} ${o.value}`);
  return [
    `**${md(ctx.patient.name || 'Patient')}** · ${demographics(ctx, now)}`,
    '',
    `Allergies: ${allergies.length > 0 ? md(allergies.join(', ')) : 'none recorded'}  `,
    `Problems: ${ctx.conditions.length} active · Medications: ${ctx.medications.length} active  `,
    latest.length > 0 ? `Latest vitals: ${md(latest.join(' · '))}  ` : 'No recent vital signs.  ',
    '',
    `*${md(link)} · ${md(ctx.server)} · fetched ${md(when(ctx.fetchedAt))} · 'FHIR: Show Patient Summary' for all of it*`,
  ].join('\n');
}

/**
 * The context for a model prompt, in a few compact lines: sex and age, allergies with reactions,
 * problems, medications with dosage, the latest value of each vital and lab with its date.
 */
export function promptContext(ctx: PatientContext, now = new Date(), maxChars = 2000): string {
  const age = ageOf(ctx.patient.birthDate, now);
  const who = [ctx.patient.gender, age !== undefined ? `${age} y` : ''].filter((s) => s).join(', ');
  const lines = [
    `Patient record (FHIR, fetched ${day(ctx.fetchedAt)})${who ? `: ${who}` : ''}.`,
    `Allergies: ${list(ctx.allergies.map((a) => a.concept.text + (a.reactions[0]?.manifestations[0] ? ` (${a.reactions[0].manifestations[0].toLowerCase()})` : '')))}.`,
    `Problems: ${list(ctx.conditions.map((c) => c.concept.text))}.`,
    `Medications: ${list(ctx.medications.map((m) => m.concept.text + (m.dosage ? ` ${m.dosage}` : '')))}.`,
    `Vitals: ${list(latestByCode(ctx.vitals).map((o) => `${label(o)} ${o.value}${o.date ? ` (${day(o.date)})` : ''}`))}.`,
    `Labs: ${list(latestByCode(ctx.labs).map((o) => `${o.concept.text} ${o.value}${o.interpretation ? ` ${o.interpretation}` : ''}${o.date ? ` (${day(o.date)})` : ''}`))}.`,
  ];
  const text = lines.join('\n');
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

function observationTable(list: readonly ContextObservation[], max: number): string[] {
  const latest = latestByCode(list).slice(0, max);
  if (latest.length === 0) return ['None recorded.'];
  const previous = new Map<string, ContextObservation>();
  const seen = new Set<string>();
  for (const o of list) {
    const key = keyOf(o);
    if (!seen.has(key)) seen.add(key);
    else if (!previous.has(key)) previous.set(key, o);
  }
  const rows = ['| | latest | date | previous |', '|---|---|---|---|'];
  for (const o of latest) {
    const prev = previous.get(keyOf(o));
    const flag = o.interpretation && o.interpretation !== 'N' ? ` **${md(o.interpretation)}**` : '';
    const name = (o.category === 'vital-signs' && o.concept.code && VITAL_DISPLAY.get(o.concept.code)) || o.concept.text;
    rows.push(`| ${cell(name)} | ${cell(o.value)}${flag} | ${cell(o.date ? day(o.date) : '')} | ${prev ? `${cell(prev.value)} (${cell(prev.date ? day(prev.date) : '?')})` : ''} |`);
  }
  return rows;
}

/** The newest observation of each code, in the order the codes first appear (newest first). */
function latestByCode(list: readonly ContextObservation[]): ContextObservation[] {
  const out = new Map<string, ContextObservation>();
  for (const o of list) if (!out.has(keyOf(o))) out.set(keyOf(o), o);
  return [...out.values()];
}

function keyOf(o: ContextObservation): string {
  return o.concept.code ? `${o.concept.system ?? ''}|${o.concept.code}` : o.concept.text.toLowerCase();
}

function label(o: ContextObservation): string {
  return (o.concept.code && VITAL_SHORT.get(o.concept.code)) || o.concept.text;
}

function demographics(ctx: PatientContext, now: Date): string {
  const p = ctx.patient;
  const age = ageOf(p.birthDate, now);
  const parts = [p.gender ?? '', p.birthDate ? `born ${p.birthDate}${age !== undefined ? ` (${age} y)` : ''}` : '', p.identifiers[0] ? `id ${p.identifiers[0]}` : ''];
  return md(parts.filter((s) => s).join(' · ') || 'no demographics recorded');
}

/** Whole years between a FHIR date (`1951`, `1951-03`, `1951-03-14`) and `now`. */
export function ageOf(birthDate: string | undefined, now: Date): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate ?? '');
  if (!m) return undefined;
  const [y, mo = 1, d = 1] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) age--;
  return age >= 0 && age < 150 ? age : undefined;
}

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join('; ') : 'none recorded';
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16) + (iso.endsWith('Z') ? ' UTC' : '');
}

/** Text from the record is shown as text: Markdown and HTML in it must not render (or link). */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

function cell(s: string): string {
  return md(s).replace(/\n/g, ' ');
}
