/**
 * Level of consciousness as NEWS2 records it: ACVPU (`ACVPU: V`, `A&Ox3`, `alert`, `responds to
 * voice`, `unresponsive`), GCS (`GCS 14`, `GCS 15 (E4V5M6)`, `E4V4M6`) and new confusion
 * (`new confusion`, `acutely confused`).
 *
 * Precision first, since NEWS2 scores any of C, V, P or U as 3: a bare `alert` needs an exam or
 * vitals context; `A&Ox3`/`x4` reads as A (x0–2 is left out: disorientation is not known to be new);
 * new confusion must not be negated (`nil new confusion`), hypothetical (`ED if new confusion`,
 * a red-flag list) or in a plan; `found unresponsive` is history.
 */
import type { ConsciousnessVital } from './types';
import {
  afterVitalsHeader,
  before,
  headerBefore,
  historicalBefore,
  hypotheticalContext,
  inSections,
  inVitalsSection,
  justAfterPhrase,
  lineIndexAt,
  negatedBefore,
  wordsBefore,
  type VitalsDoc,
} from './vitalsContext';
import type { Candidate } from './vitalsLabelled';
import { alternation, phraseSet, type PhraseSet, type VitalsLexicon } from './vitalsLexicon';
import { matchAt } from './vitalsNumbers';

interface Patterns {
  acvpu: RegExp;
  acvpuWord: Map<string, ConsciousnessVital['acvpu']>;
  gcs: RegExp;
  components: RegExp;
  oriented: RegExp;
  alert: RegExp;
  alertExplicitAfter: RegExp;
  alertExplicitBefore: RegExp;
  alertDenyBefore: PhraseSet;
  alertDenyAfter: RegExp;
  response: RegExp;
  painDeny: RegExp;
  unresponsive: RegExp;
  newConfusion: RegExp;
}

let cached: Patterns | undefined;

const PARTLY_ORIENTED = /[ \t]*(?:x|×|\*)[ \t]*[0-2](?![0-9])/iy;
const B = '(?<![A-Za-z0-9])';
const E = '(?![A-Za-z0-9])';

function patterns(lex: VitalsLexicon): Patterns {
  if (cached) return cached;
  const c = lex.data.consciousness;
  const acvpuWord = new Map<string, ConsciousnessVital['acvpu']>();
  for (const [letter, words] of Object.entries(c.acvpuWords)) {
    for (const w of words) acvpuWord.set(w, letter as ConsciousnessVital['acvpu']);
  }
  const comp = String.raw`E[ \t]*(?<e>[1-4])[ \t,]*V[ \t]*(?<v>[1-5]|T)[ \t,]*M[ \t]*(?<m>[1-6])`;
  cached = {
    acvpu: new RegExp(
      `${B}(?:${alternation(c.acvpuLabels)})${E}[ \\t]*(?:[:=\\-][ \\t]*)?(?:(?<letter>[ACVPU])${E}|(?<word>${alternation([...acvpuWord.keys()])})(?![A-Za-z]))`,
      'gid',
    ),
    acvpuWord,
    gcs: new RegExp(
      `${B}(?:${alternation(c.gcsLabels)})${E}(?:[ \\t]*(?:score|total|of|is|was|now|[:=\\-]))?[ \\t]*` +
        `(?:(?<total>\\d{1,2})(?<t>T)?${E}(?:[ \\t]*\\/[ \\t]*15${E})?)?` +
        `(?:[ \\t]*[(\\[,]?[ \\t]*(?<comp>${comp})${E}(?:[ \\t]*=[ \\t]*\\d{1,2}${E})?[ \\t]*[)\\]]?)?`,
      'gid',
    ),
    components: new RegExp(`${B}(?<comp>${comp})${E}(?:[ \\t]*=[ \\t]*(?<total>\\d{1,2})${E})?`, 'gid'),
    oriented: new RegExp(
      `${B}(?:aao|a[ \\t]*[&+\\/][ \\t]*o|ao|alert[ \\t]*(?:and|&|,)?[ \\t]*orient(?:at)?ed)[ \\t]*(?:x|×|\\*)[ \\t]*(?<n>[0-4])(?![0-9])`,
      'gid',
    ),
    alert: new RegExp(`${B}alert${E}`, 'gid'),
    alertExplicitAfter: /[ \t]*(?:,|and|&|\/)[ \t]*(?:orient(?:at)?ed|responsive|interactive|conversant|awake|cooperative|appropriate)(?![A-Za-z])/iy,
    alertExplicitBefore: /(?<![A-Za-z])awake[ \t]*(?:,|and|&|\/)[ \t]*$/i,
    alertDenyBefore: phraseSet(c.alertDenyBefore),
    alertDenyAfter: new RegExp(`[ \\t]*(?::|(?:${alternation(c.alertDenyAfter)})(?![A-Za-z]))`, 'iy'),
    response: new RegExp(
      `${B}(?:${alternation(c.responseVerbs)})(?:[ \\t]+only)?[ \\t]+to[ \\t]+(?:(?<v>${alternation(c.voiceTargets)})|(?<p>${alternation(c.painTargets)}))(?![A-Za-z])`,
      'gid',
    ),
    painDeny: new RegExp(`[ \\t]*(?:${alternation(c.painTargetDeny)})(?![A-Za-z])`, 'iy'),
    // `unresponsive to voice` leaves V or P open; `fever unresponsive to antibiotics` is not about
    // consciousness: only no `to`, or `to` a painful or any stimulus, reads as U.
    unresponsive: new RegExp(
      `${B}(?:${alternation(c.unresponsive)})(?![A-Za-z])(?![ \\t]+to[ \\t]+(?!(?:${alternation(c.unresponsiveTo)})(?![A-Za-z])))`,
      'gid',
    ),
    newConfusion: new RegExp(
      `${B}(?:${alternation(c.newConfusionModifiers)})[ \\t-]+(?:${alternation(c.newConfusionTerms)})(?![A-Za-z])`,
      'gid',
    ),
  };
  return cached;
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

function candidate(v: Omit<ConsciousnessVital, 'kind'>, requirement: Candidate['requirement'] = 'none'): Candidate {
  return { vital: { kind: 'consciousness', ...v }, priority: 2, requirement, plausible: true };
}

const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });

/** Not negated, not hypothetical, not in a plan or a past-history section. */
function affirmedNow(doc: VitalsDoc, pos: number): boolean {
  const c = doc.lex.data.consciousness;
  if (inSections(doc, pos, c.planSections) || inSections(doc, pos, c.historySections)) return false;
  return !negatedBefore(doc, pos) && !hypotheticalContext(doc, pos);
}

function scanGcs(doc: VitalsDoc, p: Patterns, out: Candidate[]): void {
  const { text, lex } = doc;
  const read = (m: RegExpExecArray, labelled: boolean) => {
    const g = m.groups ?? {};
    const total = g.total !== undefined ? Number(g.total) : undefined;
    const numericVerbal = g.v !== undefined && g.v.toUpperCase() !== 'T';
    const components =
      g.comp !== undefined && numericVerbal ? { eye: Number(g.e), verbal: Number(g.v), motor: Number(g.m) } : undefined;
    const gcs = total ?? (components ? components.eye + components.verbal + components.motor : undefined);
    if (gcs === undefined && !components) return;
    if (gcs !== undefined && (gcs < lex.bounds.gcs.min || gcs > lex.bounds.gcs.max)) return;
    const valueIdx = m.indices?.groups?.total ?? m.indices?.groups?.comp;
    const whole = span(m);
    const valueSpan = labelled && valueIdx ? { start: valueIdx[0], end: whole.end } : whole;
    const v: Omit<ConsciousnessVital, 'kind'> = { span: whole, valueSpan };
    if (gcs !== undefined) v.gcs = gcs;
    if (components) v.gcsComponents = components;
    out.push(candidate(v));
  };
  for (const m of matches(p.gcs, text)) {
    if (m.groups?.total === undefined && m.groups?.comp === undefined) continue;
    read(m, true);
  }
  for (const m of matches(p.components, text)) read(m, false);
}

function scanAlert(doc: VitalsDoc, p: Patterns, out: Candidate[]): void {
  const { text } = doc;
  for (const m of matches(p.oriented, text)) {
    if (Number(m.groups?.n) < 3 || justAfterPhrase(doc, m.index, p.alertDenyBefore)) continue;
    out.push(candidate({ acvpu: 'A', span: span(m), valueSpan: span(m) }));
  }
  for (const m of matches(p.alert, text)) {
    const end = m.index + m[0].length;
    if (justAfterPhrase(doc, m.index, p.alertDenyBefore)) continue;
    const after = matchAt(p.alertExplicitAfter, text, end);
    const explicitBefore = p.alertExplicitBefore.exec(before(doc, m.index, 14));
    if (!after && !explicitBefore && matchAt(p.alertDenyAfter, text, end)) continue;
    // `alert and oriented x2`: partly disoriented, and whether that is new is not written.
    if (after && matchAt(PARTLY_ORIENTED, text, after.index + after[0].length)) continue;
    if (after || explicitBefore) {
      const start = explicitBefore ? m.index - explicitBefore[0].length : m.index;
      const stop = after ? after.index + after[0].length : end;
      out.push(candidate({ acvpu: 'A', span: { start, end: stop }, valueSpan: { start, end: stop } }));
      continue;
    }
    const context = inVitalsSection(doc, m.index) || afterVitalsHeader(doc, m.index) || examLine(doc, m.index);
    out.push(candidate({ acvpu: 'A', span: span(m), valueSpan: span(m) }, context ? 'none' : 'context'));
  }
}

/** An exam line: `Gen: alert`, `Neuro - alert`, `Gen well, alert`, or `alert` opening a line. */
function examLine(doc: VitalsDoc, pos: number): boolean {
  const set = doc.lex.examHeaders;
  if (headerBefore(wordsBefore(doc, pos, 120), set)) return true;
  const line = doc.lines[lineIndexAt(doc, pos)];
  if (!line || pos - line.start > 120) return false;
  const head = doc.text.slice(line.start, pos);
  if (/^[ \t]*(?:[-*•][ \t]*)?$/.test(head)) return true;
  const first = /^[ \t]*(?:[-*•][ \t]*)?([A-Za-z]+)/.exec(head)?.[1]?.toLowerCase();
  return first !== undefined && set.phrases.has(first);
}

function scanResponses(doc: VitalsDoc, p: Patterns, out: Candidate[]): void {
  const { text } = doc;
  for (const m of matches(p.acvpu, text)) {
    const g = m.groups ?? {};
    const letter = g.letter ? (g.letter.toUpperCase() as ConsciousnessVital['acvpu']) : p.acvpuWord.get((g.word ?? '').toLowerCase());
    const idx = m.indices?.groups?.letter ?? m.indices?.groups?.word;
    if (!letter || !idx) continue;
    const v: Omit<ConsciousnessVital, 'kind'> = { acvpu: letter, span: span(m), valueSpan: { start: idx[0], end: idx[1] } };
    if (letter === 'C') v.newConfusion = true;
    out.push(candidate(v));
  }
  for (const m of matches(p.response, text)) {
    const end = m.index + m[0].length;
    if (m.groups?.p !== undefined && matchAt(p.painDeny, text, end)) continue;
    if (!affirmedNow(doc, m.index)) continue;
    out.push(candidate({ acvpu: m.groups?.v !== undefined ? 'V' : 'P', span: span(m), valueSpan: span(m) }));
  }
  for (const m of matches(p.unresponsive, text)) {
    if (!affirmedNow(doc, m.index) || historicalBefore(doc, m.index)) continue;
    out.push(candidate({ acvpu: 'U', span: span(m), valueSpan: span(m) }));
  }
  for (const m of matches(p.newConfusion, text)) {
    if (!affirmedNow(doc, m.index)) continue;
    out.push(candidate({ acvpu: 'C', newConfusion: true, span: span(m), valueSpan: span(m) }));
  }
}

/** Consciousness mentions (may overlap one another; the caller resolves overlaps). */
export function scanConsciousness(doc: VitalsDoc): Candidate[] {
  const p = patterns(doc.lex);
  const out: Candidate[] = [];
  scanGcs(doc, p, out);
  scanAlert(doc, p, out);
  scanResponses(doc, p, out);
  return out;
}
