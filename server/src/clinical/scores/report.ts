/**
 * The full triage as Markdown, for the "Show Triage" view: every NEWS2 parameter with its band,
 * what is missing, the RCP response, qSOFA and SIRS criteria, shock index, MAP and the ESI
 * rationale. Pure; the references are the standards the scores follow.
 */
import { formatCriteria, formatEsi, formatNews2, formatTriageSummary } from './format';
import type { AutoResult } from '../autoCalc/index';
import type { CriteriaScore, Triage } from './types';

function criteriaTable(name: string, s: CriteriaScore): string[] {
  const out = [`### ${formatCriteria(name, s)} — ${s.outcome}`, '', '| criterion | met | value |', '|---|---|---|'];
  for (const c of s.criteria) {
    const values = c.inputs.map((i) => `${i.input} ${i.value}${i.unit ? ` ${i.unit}` : ''}`).join(', ');
    out.push(`| ${c.label} | ${c.met ? 'yes' : 'no'} | ${values || '—'} |`);
  }
  if (s.missing.length > 0) out.push('', `Not documented: ${s.missing.join(', ')}.`);
  return out;
}

export function triageMarkdown(t: Triage, scores: readonly AutoResult[] = []): string {
  const n = t.news2;
  const out: string[] = [`# ${formatTriageSummary(t)}`, '', `## ${formatNews2(n)}`, ''];
  if (n.parameters.length > 0) {
    out.push('| parameter | value | band → points |', '|---|---|---|');
    for (const p of n.parameters) out.push(`| ${p.parameter.replace(/-/g, ' ')} | ${p.value}${p.unit ? ` ${p.unit}` : ''} | ${p.band}${p.note ? ` (${p.note})` : ''} |`);
    out.push('');
  }
  if (n.missing.length > 0) out.push(`Not documented (not scored): ${n.missing.join(', ')}.`, '');
  if (n.spo2Scale === 2) out.push('SpO₂ scored on **scale 2** (hypercapnic respiratory failure documented).', '');
  if (n.response) out.push(`**Recommended response:** ${n.response}`, '');
  if (n.monitoring) out.push(`**Monitoring:** ${n.monitoring}`, '');
  for (const c of n.caveats) out.push(`- ${c}`);
  out.push('', `## ${formatEsi(t.esi)}`, '', t.esi.rationale, '');
  for (const e of t.esi.evidence) out.push(`- decision point ${e.decisionPoint}: ${e.label}`);
  if (t.esi.resources?.length) out.push('', `Expected resources (${t.esi.resourceCount ?? 0}): ${t.esi.resources.map((r) => r.label).join(', ')}.`);
  if (t.esi.missing.length > 0) out.push('', `Would need: ${t.esi.missing.join(', ')}.`);
  out.push('', '## Sepsis screens', '', ...criteriaTable('qSOFA', t.qsofa), '', ...criteriaTable('SIRS', t.sirs), '');
  out.push('## Haemodynamics', '');
  out.push(t.shockIndex.value !== undefined ? `- Shock index ${t.shockIndex.value.toFixed(2)}${t.shockIndex.elevated ? ' (≥ 1.0: elevated)' : ''}` : '- Shock index: not computable (needs HR and SBP)');
  out.push(t.map.value !== undefined ? `- MAP ${Math.round(t.map.value)} mmHg${t.map.low ? ` (< ${t.map.lowBelow}: low)` : ''}` : '- MAP: not computable (needs BP)');
  if (scores.length > 0) {
    out.push('', '## Calculated from the note', '');
    for (const s of scores) {
      out.push(`### ${s.label}`, '', '```', s.explanation, '```', '', `_${s.reference.title}_`, '');
    }
  }
  out.push(
    '',
    '---',
    '',
    '_References: Royal College of Physicians, National Early Warning Score (NEWS) 2, 2017; Singer et al., Sepsis-3, JAMA 2016 (qSOFA); Bone et al., Chest 1992 (SIRS); Gilboy et al., Emergency Severity Index v4 Implementation Handbook (AHRQ). Decision support: the clinician decides._',
  );
  return out.join('\n') + '\n';
}
