/**
 * ESI v4 decision points A (needs an immediate life-saving intervention → ESI 1) and B (high-risk
 * situation, new confusion/lethargy/disorientation, or severe pain/distress → ESI 2), from cue
 * phrases in `knowledge/esi.json` and the parsed vitals.
 */
import data from '../../knowledge/esi.json';
import type { ClinicalNote, Span } from '../../note/types';
import { accept, compileCues, firstPerGroup, matchCues, type AssertFn, type CueMatch, type CueMatcher, type TokenIndex } from './cues';
import { latestConsciousness, latestVital } from './select';
import type { EsiEvidence } from './types';

interface Matchers {
  lifeSaving: CueMatcher;
  distress: CueMatcher;
  hypoperfusion: CueMatcher;
  highRisk: CueMatcher;
}

let compiled: Matchers | undefined;

function matchers(): Matchers {
  const a = data.lifeSaving;
  compiled ??= {
    lifeSaving: compileCues(a.groups, a.exclude),
    distress: compileCues([{ id: 'respiratory-distress', label: 'respiratory distress', phrases: a.respiratoryDistressPhrases }]),
    hypoperfusion: compileCues([{ id: 'hypoperfusion', label: 'signs of hypoperfusion', phrases: a.hypoperfusionPhrases }]),
    highRisk: compileCues(data.highRisk.groups, data.highRisk.exclude),
  };
  return compiled;
}

/** What the cue search needs: the note's tokens, the ranges to read, and the assertion of a span. */
export interface CueContext {
  index: TokenIndex;
  ranges: readonly Span[];
  assert: AssertFn;
}

const evidence = (decisionPoint: EsiEvidence['decisionPoint'], label: string, span: Span): EsiEvidence => ({ decisionPoint, label, span });

function found(ctx: CueContext, m: CueMatcher, test: Parameters<typeof firstPerGroup>[2]): CueMatch[] {
  return firstPerGroup(matchCues(ctx.index, m, ctx.ranges), ctx.assert, test);
}

/** Decision point A: evidence that the patient needs an immediate life-saving intervention. */
export function lifeSavingEvidence(note: ClinicalNote, ctx: CueContext): EsiEvidence[] {
  const a = data.lifeSaving;
  const v = a.vitals;
  const m = matchers();
  const out = found(ctx, m.lifeSaving, accept.affirmedCurrent).map((c) => evidence('A', c.label, c.span));

  const loc = latestConsciousness(note);
  if (loc) {
    if (loc.basis === 'acvpu' && v.acvpu.includes(loc.level)) out.push(evidence('A', `unresponsive (ACVPU ${loc.level})`, loc.vital.valueSpan));
    else if (loc.gcs !== undefined && loc.gcs <= v.gcsAtOrBelow) out.push(evidence('A', `GCS ${loc.gcs} ≤ ${v.gcsAtOrBelow}`, loc.vital.valueSpan));
  }
  const rr = latestVital(note, 'respiratory-rate');
  if (rr && rr.value < v.respiratoryRateBelow) out.push(evidence('A', `respiratory rate ${rr.value}/min < ${v.respiratoryRateBelow}`, rr.valueSpan));

  const spo2 = latestVital(note, 'spo2');
  if (spo2 && spo2.value < v.spo2Below) {
    const distress = found(ctx, m.distress, accept.affirmedCurrent)[0];
    if (distress) {
      out.push(evidence('A', `SpO2 ${spo2.value}% < ${v.spo2Below} with respiratory distress`, spo2.valueSpan));
      out.push(evidence('A', 'respiratory distress', distress.span));
    }
  }

  const unstable: EsiEvidence[] = [];
  const bp = latestVital(note, 'blood-pressure');
  if (bp && bp.systolic < v.systolicBelow) unstable.push(evidence('A', `systolic BP ${bp.systolic} < ${v.systolicBelow} with signs of hypoperfusion`, bp.valueSpan));
  const hr = latestVital(note, 'heart-rate');
  if (hr && (hr.value < v.heartRateBelow || hr.value > v.heartRateAbove)) {
    const limit = hr.value < v.heartRateBelow ? `< ${v.heartRateBelow}` : `> ${v.heartRateAbove}`;
    unstable.push(evidence('A', `heart rate ${hr.value}/min ${limit} with signs of hypoperfusion`, hr.valueSpan));
  }
  if (unstable.length > 0) {
    const sign = found(ctx, m.hypoperfusion, accept.affirmedCurrent)[0];
    if (sign) out.push(...unstable, evidence('A', sign.label, sign.span));
  }
  return out;
}

/** Decision point B: high-risk situation, new confusion/lethargy/disorientation, severe pain. */
export function highRiskEvidence(note: ClinicalNote, ctx: CueContext): EsiEvidence[] {
  const b = data.highRisk;
  const out = found(ctx, matchers().highRisk, accept.suspectedCurrent).map((c) => evidence('B', c.label, c.span));

  const loc = latestConsciousness(note);
  if (loc) {
    if (loc.basis !== 'gcs' && b.acvpu.includes(loc.level)) {
      const what = loc.basis === 'new-confusion' ? 'new confusion' : `ACVPU ${loc.level}`;
      out.push(evidence('B', `altered mentation (${what})`, loc.vital.valueSpan));
    } else if (loc.gcs !== undefined && loc.gcs < b.gcsBelow && loc.gcs > data.lifeSaving.vitals.gcsAtOrBelow) {
      out.push(evidence('B', `altered mentation (GCS ${loc.gcs})`, loc.vital.valueSpan));
    }
  }
  const pain = latestVital(note, 'pain');
  if (pain && pain.value >= b.painAtOrAbove) out.push(evidence('B', `severe pain (${pain.value}/10)`, pain.valueSpan));

  const age = note.demographics.age?.years;
  const fever = b.infantFever;
  const t = latestVital(note, 'temperature');
  if (age !== undefined && age < fever.ageBelowYears && t && t.value > fever.temperatureAboveC) {
    out.push(evidence('B', `${fever.label} (${t.value} °C)`, t.valueSpan));
  }
  return out;
}
