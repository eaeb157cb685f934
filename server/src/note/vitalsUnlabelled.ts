/**
 * Vitals written without a label but unmistakable from their form: a saturation followed by its
 * oxygen (`98% on 15L NRB`, `94% RA`), a temperature with its degree unit (`afebrile 36.7°C`), and
 * a pain score before the word pain (`7/10 pain`). They lose to any labelled reading of the same text.
 */
import { before, hypotheticalContext, justAfterPhrase, wordsBefore, type VitalsDoc } from './vitalsContext';
import type { Candidate } from './vitalsLabelled';
import { labelInfoOf, phraseSet, type PhraseSet } from './vitalsLexicon';
import { parseOxygen } from './vitalsOxygen';
import { parseValue } from './vitalsValues';
import type { NumericVital } from './types';

const SATURATION = /(?<![\w.%])(\d{2,3})[ \t]*%(?=[ \t]*(?:on|@)?[ \t]*\S)/g;
const DEGREES = /(?<![\w.])\d{2,3}(?:\.\d{1,2})?[ \t]*(?:[°º˚℃℉]|deg(?:rees?)?(?![A-Za-z]))/gi;
const PAIN_BEFORE = /(?<![\w./])\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]*(?:\/[ \t]*10|out[ \t]+of[ \t]+(?:10|ten))[ \t]+(?:pain)(?![A-Za-z])/gi;
const ON_AFTER = /^[ \t]*(?:on[ \t]|@)/i;
const RANGE_END_BEFORE = /\d[ \t]*[-–—][ \t]*$/;
const COMPARATOR_BEFORE = /(?:[<>≤≥]|less than|greater than|more than|above|below|under|over)[ \t]*$/i;

let denyWords: PhraseSet | undefined;

/**
 * A vitals label just before the value: the labelled scanner owns it, and if it left the value
 * out (`goal sats 94% on RA`) an unlabelled reading must not bring it back.
 */
function afterLabel(doc: VitalsDoc, pos: number): boolean {
  const last = wordsBefore(doc, pos, 30, 1)[0];
  return last !== undefined && labelInfoOf(doc.lex, last.word) !== undefined;
}

/** All unlabelled vitals (priority 1). */
export function scanUnlabelled(doc: VitalsDoc): Candidate[] {
  const { text, lex } = doc;
  denyWords ??= phraseSet(lex.data.oxygen.unlabelledSpo2Deny);
  const out: Candidate[] = [];
  const push = (v: NumericVital, plausible: boolean) => out.push({ vital: v, priority: 1, requirement: 'none', plausible });

  SATURATION.lastIndex = 0;
  for (let m = SATURATION.exec(text); m; m = SATURATION.exec(text)) {
    const value = Number(m[1]);
    if (value < lex.plausible.spo2.min || value > lex.plausible.spo2.max) continue;
    const end = m.index + m[0].length;
    // Only the explicit `on ...` form: `100% NRB` alone describes the mask, not a saturation.
    if (!ON_AFTER.test(text.slice(end, end + 8))) continue;
    const oxygen = parseOxygen(text, end, Math.min(text.length, end + 60), lex);
    if (!oxygen || /\n/.test(text.slice(end, oxygen.span.end))) continue;
    if (justAfterPhrase(doc, m.index, denyWords) || COMPARATOR_BEFORE.test(before(doc, m.index, 20))) continue;
    if (afterLabel(doc, m.index)) continue;
    push(
      { kind: 'spo2', value, unit: '%', span: { start: m.index, end: oxygen.span.end }, valueSpan: { start: m.index, end: m.index + m[1]!.length }, oxygen },
      true,
    );
  }

  DEGREES.lastIndex = 0;
  for (let m = DEGREES.exec(text); m; m = DEGREES.exec(text)) {
    const left = before(doc, m.index, 20);
    // `fever ≥38–38.5°C`: the second end of a threshold range; `ED if 38.5°C`: a safety net.
    if (COMPARATOR_BEFORE.test(left) || RANGE_END_BEFORE.test(left) || afterLabel(doc, m.index) || hypotheticalContext(doc, m.index)) continue;
    const p = parseValue('temperature', text, m.index, lex);
    // Only a written unit counts here: `45°` alone is an angle.
    if (!p || !p.explicitUnit || !p.plausible) continue;
    const v: NumericVital = { kind: 'temperature', value: p.value, unit: p.unit, span: { start: m.index, end: p.end }, valueSpan: p.valueSpan };
    if (p.original) v.original = p.original;
    push(v, true);
  }

  PAIN_BEFORE.lastIndex = 0;
  for (let m = PAIN_BEFORE.exec(text); m; m = PAIN_BEFORE.exec(text)) {
    const p = parseValue('pain', text, m.index, lex, { scaleRequired: true });
    if (!p) continue;
    push({ kind: 'pain', value: p.value, unit: p.unit, span: { start: m.index, end: m.index + m[0].length }, valueSpan: p.valueSpan }, p.plausible);
  }
  return out;
}
