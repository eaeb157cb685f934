/**
 * Hover on a vital sign, lab value or medication: what the parser understood, with the value
 * normalised (°F → °C, lb → kg, mg/dL ↔ µmol/L) so the clinician can check the reading.
 */
import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Triage } from '../clinical/scores/types';
import type { ClinicalNote, LabResult, Medication, Span, Vital } from '../note/types';
import { toRange } from './convert';

const VITAL_NAME: Record<Vital['kind'], string> = {
  'blood-pressure': 'Blood pressure',
  'heart-rate': 'Heart rate',
  'respiratory-rate': 'Respiratory rate',
  temperature: 'Temperature',
  spo2: 'Oxygen saturation (SpO₂)',
  pain: 'Pain score',
  weight: 'Weight',
  height: 'Height',
  consciousness: 'Level of consciousness',
};

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function vitalMarkdown(v: Vital): string {
  const lines = [`**${VITAL_NAME[v.kind]}**`];
  switch (v.kind) {
    case 'blood-pressure': {
      const map = (v.systolic + 2 * v.diastolic) / 3;
      lines.push(`${v.systolic}/${v.diastolic} mmHg · MAP ≈ ${fmt(map)} mmHg`);
      break;
    }
    case 'consciousness': {
      const parts: string[] = [];
      if (v.acvpu) parts.push(`ACVPU: ${v.acvpu}`);
      if (v.gcs !== undefined) parts.push(`GCS ${v.gcs}`);
      if (v.gcsComponents) parts.push(`(E${v.gcsComponents.eye} V${v.gcsComponents.verbal} M${v.gcsComponents.motor})`);
      if (v.newConfusion) parts.push('new confusion');
      lines.push(parts.join(' · '));
      break;
    }
    default: {
      lines.push(`${fmt(v.value)} ${v.unit}`);
      if (v.original) lines.push(`as written: ${fmt(v.original.value)} ${v.original.unit}`);
      if (v.oxygen) {
        const o = v.oxygen;
        const parts = [o.supplemental ? 'on supplemental oxygen' : 'on room air'];
        if (o.device && o.device !== 'room-air') parts.push(o.device.replace(/-/g, ' '));
        if (o.flowLpm !== undefined) parts.push(`${fmt(o.flowLpm)} L/min`);
        if (o.fio2 !== undefined) parts.push(`FiO₂ ${fmt(o.fio2 * 100)}%`);
        lines.push(parts.join(' · '));
      }
    }
  }
  return lines.join('\n\n');
}

export function labMarkdown(l: LabResult): string {
  const comparator = l.comparator ?? '';
  const flag = l.flag ? ` (${l.flag})` : '';
  const lines = [`**${l.display}**`, `${comparator}${fmt(l.value)} ${l.unit}${flag}${l.unitAssumed ? ' (unit not written; assumed from the value)' : ''}`];
  if (l.canonical.unit !== l.unit) lines.push(`= ${comparator}${fmt(l.canonical.value)} ${l.canonical.unit}`);
  return lines.join('\n\n');
}

export function medicationMarkdown(m: Medication): string {
  const title = m.generic && m.generic.toLowerCase() !== m.name.toLowerCase() ? `**${m.name}** (${m.generic})` : `**${m.name}**`;
  const lines = [title];
  const dose = [m.strength ? `${m.strength.raw} ${m.strength.unit}` : undefined, m.route?.value, m.frequency?.text, m.prn ? 'PRN' : undefined]
    .filter(Boolean)
    .join(' · ');
  if (dose) lines.push(dose);
  const perDay = m.frequency?.dosesPerDay;
  if (perDay !== undefined) {
    const total = m.strength && !m.prn ? ` · up to ${fmt(m.strength.value * perDay)} ${m.strength.unit}/day` : '';
    lines.push(`${fmt(perDay)} dose${perDay === 1 ? '' : 's'} per day${total}`);
  }
  if (m.indication) lines.push(`for ${m.indication.text}`);
  if (m.status !== 'active') lines.push(`status: ${m.status}`);
  if (!m.known) lines.push('_Not in the drug list: checks that need the drug class do not apply._');
  return lines.join('\n\n');
}

/** The NEWS2 bands that scored this vital (RCP 2017), when triage used it. */
function news2Markdown(v: Vital, triage: Triage | undefined): string {
  if (!triage) return '';
  const used = triage.news2.parameters.filter((p) => p.span.start < v.span.end && v.span.start < p.span.end);
  if (used.length === 0) return '';
  const lines = used.map((p) => `NEWS2 ${p.parameter.replace(/-/g, ' ')}: ${p.band} → **+${p.points}**${p.note ? ` (${p.note})` : ''}`);
  const scale = triage.news2.spo2Scale === 2 && used.some((p) => p.parameter === 'spo2') ? ' · SpO₂ scale 2' : '';
  return `\n\n---\n\n${lines.join('\n\n')}\n\n_Royal College of Physicians, NEWS2 (2017)${scale}_`;
}

export function hover(doc: TextDocument, note: ClinicalNote, offset: number, triage?: Triage): Hover | null {
  for (const v of note.vitals) {
    if (contains(v.span, offset)) {
      return { contents: { kind: MarkupKind.Markdown, value: vitalMarkdown(v) + news2Markdown(v, triage) }, range: toRange(doc, v.span) };
    }
  }
  for (const l of note.labs) {
    if (contains(l.span, offset)) return { contents: { kind: MarkupKind.Markdown, value: labMarkdown(l) }, range: toRange(doc, l.span) };
  }
  for (const m of note.medications) {
    if (contains(m.span, offset)) return { contents: { kind: MarkupKind.Markdown, value: medicationMarkdown(m) }, range: toRange(doc, m.span) };
  }
  return null;
}
