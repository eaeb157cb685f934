/**
 * Short renderings of a triage result: the code-lens summary line and per-vital NEWS2 inlay hints.
 *
 * Summary convention: `NEWS2 7 (high)` when every parameter is documented; `NEWS2 5+ (medium,
 * partial)` when some are missing (the `+` says the total is a lower bound); `NEWS2 n/a` when none
 * is. qSOFA likewise (`qSOFA 1+` when inputs are missing); the shock index appears only when it is
 * 1.0 or more.
 */
import type { CriteriaScore, EsiResult, News2Parameter, News2Result, ScoreHint, Triage } from './types';

const NEWS2_NAMES: Record<News2Parameter['parameter'], string> = {
  'respiration-rate': 'respiration rate',
  spo2: 'SpO2',
  'air-or-oxygen': 'air or oxygen',
  'systolic-bp': 'systolic BP',
  pulse: 'pulse',
  consciousness: 'consciousness',
  temperature: 'temperature',
};

/** `ESI 2`, or `ESI insufficient info`. */
export function formatEsi(esi: EsiResult): string {
  return esi.level === 'insufficient-information' ? 'ESI insufficient info' : `ESI ${esi.level}`;
}

/** `NEWS2 7 (high)`, `NEWS2 5+ (medium, partial)`, `NEWS2 n/a`. */
export function formatNews2(n: News2Result): string {
  if (!n.risk) return 'NEWS2 n/a';
  return n.partial ? `NEWS2 ${n.total}+ (${n.risk}, partial)` : `NEWS2 ${n.total} (${n.risk})`;
}

/** `qSOFA 2`, `qSOFA 1+` when inputs are missing, `qSOFA n/a` when none is documented. */
export function formatCriteria(name: string, s: CriteriaScore): string {
  if (s.criteria.length === 0) return `${name} n/a`;
  return s.missing.length > 0 ? `${name} ${s.score}+` : `${name} ${s.score}`;
}

/** Options for `formatTriageSummary`. */
export interface SummaryOptions {
  /** Include the ESI suggestion (default true; ESI is an emergency-department triage scale). */
  esi?: boolean;
}

/** The code-lens line, e.g. `Triage: ESI 2 · NEWS2 7 (high) · qSOFA 2`. */
export function formatTriageSummary(t: Triage, options: SummaryOptions = {}): string {
  const parts = [formatNews2(t.news2), formatCriteria('qSOFA', t.qsofa)];
  if (options.esi !== false) parts.unshift(formatEsi(t.esi));
  if (t.shockIndex.elevated && t.shockIndex.value !== undefined) parts.push(`shock index ${t.shockIndex.value.toFixed(2)}`);
  return `Triage: ${parts.join(' · ')}`;
}

/** Options for `news2Hints`. */
export interface HintOptions {
  /** Also hint parameters that score 0 (default false: only abnormal vitals get a hint). */
  includeZero?: boolean;
}

/**
 * One inlay hint per scored NEWS2 parameter, in text order: `+3` beside the vital, the band in
 * the tooltip.
 */
export function news2Hints(news2: News2Result, options: HintOptions = {}): ScoreHint[] {
  const scale = news2.spo2Scale === 2 ? ' scale 2' : '';
  return news2.parameters
    .filter((p) => options.includeZero === true || p.points > 0)
    .map((p) => ({
      span: p.span,
      label: `+${p.points}`,
      tooltip: `NEWS2 ${NEWS2_NAMES[p.parameter]}${p.parameter === 'spo2' ? scale : ''}: ${p.band} (RCP 2017)${p.note ? `. ${p.note}` : ''}`,
    }))
    .sort((a, b) => a.span.start - b.span.start);
}
