/**
 * The ConText decision for one mention inside an analysed block: walk back from the mention for
 * pre-triggers and forward for post-triggers, each category stopping at its termination terms,
 * the sentence edge or its window; then let heading scopes fill what the sentence left open. Pure.
 */
import type { Assertion, AssertionCue, Certainty } from './types';
import { CATEGORIES, CATEGORY_BIT, type CueCategory, type PhraseMatch } from './assertionLexicon';
import { scopeAt, wordCount, type BlockState } from './assertionBlock';
import { NUMBER, PUNCT, firstTokenEndingAfter, lastTokenStartingBefore, tokenNorm } from './assertionTokens';

// Module-level copies: under a CommonJS loader each use of an imported binding is a getter call,
// which costs more than the per-token work in the loops below.
const NUMBER_KIND: number = NUMBER;
const PUNCT_KIND: number = PUNCT;
const CATS: readonly CueCategory[] = CATEGORIES;
const BITS: readonly number[] = CATEGORIES.map((c) => CATEGORY_BIT[c]);
const NEGATION = 0;
const POSSIBLE = 1;
const HISTORICAL = 2;
const HYPOTHETICAL = 3;
const EXPERIENCER = 4;

/** A cue that applies to the mention, with its offsets in the block and its distance in words. */
interface Found {
  start: number;
  end: number;
  /** Words between the cue and the mention; Infinity for a heading's scope. */
  distance: number;
}

/** The assertion of a mention with no cues: affirmed, recent, about the patient. */
export function defaultAssertion(): Assertion {
  return { certainty: 'affirmed', temporality: 'recent', experiencer: 'patient', cues: [] };
}

function foundOf(st: BlockState, m: PhraseMatch, distance: number): Found {
  return { start: st.tokens.start[m.first] ?? 0, end: st.tokens.end[m.last] ?? 0, distance };
}

/**
 * Assertion of the mention at block offsets `[s, e)` (already clamped to the block). `shift` is
 * added to every cue offset so the cues come back in the caller's coordinates.
 */
export function assertInBlock(st: BlockState, s: number, e: number, shift: number): Assertion {
  const { tokens, seg, lex } = st;
  if (tokens.count === 0) return defaultAssertion();
  // Tokens of the mention: [first, last]; last < first when the span covers no token.
  const first = firstTokenEndingAfter(tokens, s);
  const last = Math.max(first - 1, lastTokenStartingBefore(tokens, e));
  const found: (Found | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  let blocked = 0;
  let blockedHeading = 0;

  // Backward from the mention: pre-triggers, stopping at terminators and the sentence start.
  const anchor = Math.min(first, tokens.count - 1);
  const sentenceLow = seg.sentenceFirst[seg.sentenceOf[anchor] ?? 0] ?? 0;
  let words = 0;
  for (let j = first - 1; j >= sentenceLow && words <= lex.maxWindow; ) {
    const mate = st.parenMate[j] ?? -1;
    if (mate >= sentenceLow && mate < j) {
      // A parenthetical before the mention keeps its cues to itself: `(slides not submitted) ... LEUKEMIA`.
      words++;
      j = mate - 1;
      continue;
    }
    const m = st.matches[st.endAt[j] ?? -1];
    if (!m || m.first < sentenceLow) {
      if (tokens.kind[j] !== PUNCT_KIND) words++;
      j--;
      continue;
    }
    const info = m.info;
    if (!info.pseudo) {
      for (let c = 0; c < 5; c++) {
        const bit = BITS[c] ?? 0;
        if (!(info.pre & bit) || blocked & bit || found[c]) continue;
        const cat = CATS[c] ?? 'negation';
        if (words <= (info.preWindow[cat] ?? lex.windows[cat].pre)) found[c] = foundOf(st, m, words);
      }
      blocked |= info.ends;
      blockedHeading |= info.endsHeading;
    }
    words += wordCount(tokens, m);
    j = m.first - 1;
  }

  // Forward from the mention: post-triggers, stopping at terminators and the sentence end.
  const endAnchor = Math.max(0, Math.min(Math.max(last, first), tokens.count - 1));
  const sentenceIdx = seg.sentenceOf[endAnchor] ?? 0;
  const sentenceHigh = seg.sentenceFirst[sentenceIdx + 1] ?? tokens.count;
  let forwardBlocked = 0;
  words = 0;
  for (let j = last + 1; j < sentenceHigh && words <= lex.maxWindow; ) {
    const mate = st.parenMate[j] ?? -1;
    if (mate > j && mate < sentenceHigh) {
      words++;
      j = mate + 1;
      continue;
    }
    const m = st.matches[st.startAt[j] ?? -1];
    if (!m) {
      if (tokens.kind[j] !== PUNCT_KIND) words++;
      j++;
      continue;
    }
    const info = m.info;
    if (!info.pseudo) {
      for (let c = 0; c < 5; c++) {
        const bit = BITS[c] ?? 0;
        if (!(info.post & bit) || forwardBlocked & bit) continue;
        const cat = CATS[c] ?? 'negation';
        if (words > (info.postWindow[cat] ?? lex.windows[cat].post)) continue;
        if (c === HISTORICAL && info.timeAgo && !longAgo(st, m.first)) continue;
        if (info.postFinal & bit && !clauseEndsAfter(st, m.last, sentenceHigh)) continue;
        const prior = found[c];
        if (!prior || prior.distance > words) found[c] = foundOf(st, m, words);
      }
      forwardBlocked |= info.ends;
    }
    words += wordCount(tokens, m);
    j = m.last + 1;
  }
  if (seg.headingSentence[sentenceIdx] === 1 && last >= first) postAfterHeading(st, sentenceIdx, found);

  // Section headings such as `FAMILY HISTORY:` cover what the sentence itself did not decide.
  const scope = scopeAt(st.scopes, first, Math.max(first, last));
  if (scope) {
    for (const cue of scope.cues) {
      for (let c = 0; c < 5; c++) {
        const bit = BITS[c] ?? 0;
        if (cue.bit & bit && !found[c] && !(blockedHeading & bit)) found[c] = { start: cue.start, end: cue.end, distance: Infinity };
      }
    }
  }
  return decide(found, shift);
}

/**
 * Whether the quantity before `ago` (token `agoAt`) is longer than ConText's 14-day horizon:
 * `eight days ago` is recent, `3 years ago` historical. Unknown quantities count as historical.
 */
function longAgo(st: BlockState, agoAt: number): boolean {
  const { historicalAfterDays, unitDays, numberWords } = st.lex.timeAgo;
  if (agoAt < 1) return true;
  const unit = unitDays.get(tokenNorm(st.text, st.tokens, agoAt - 1));
  if (unit === undefined) return true;
  let amount = 1;
  if (agoAt >= 2) {
    const raw = tokenNorm(st.text, st.tokens, agoAt - 2);
    const n = st.tokens.kind[agoAt - 2] === NUMBER_KIND ? Number(raw) : numberWords.get(raw);
    if (n !== undefined && Number.isFinite(n)) amount = n;
  }
  return amount * unit > historicalAfterDays;
}

/** Whether the clause ends right after token `k`: the sentence ends or a clause mark follows. */
function clauseEndsAfter(st: BlockState, k: number, sentenceHigh: number): boolean {
  const next = k + 1;
  if (next >= sentenceHigh) return true;
  if (st.tokens.kind[next] !== PUNCT_KIND) return false;
  const c = st.text.charCodeAt(st.tokens.start[next] ?? 0);
  return c === 46 /* . */ || c === 44 /* , */ || c === 59 /* ; */ || c === 58 /* : */ || c === 41 /* ) */ || c === 33 /* ! */ || c === 63; /* ? */
}

/** `ALLERGIES: none`, `Troponin: negative`: a lone post-trigger right after a heading asserts the heading. */
function postAfterHeading(st: BlockState, sentenceIdx: number, found: (Found | undefined)[]): void {
  const from = st.seg.sentenceFirst[sentenceIdx + 1] ?? st.tokens.count;
  const to = st.seg.sentenceFirst[sentenceIdx + 2] ?? st.tokens.count;
  const m = st.matches[st.startAt[from] ?? -1];
  if (!m || m.info.pseudo) return;
  let rest = 0;
  for (let k = m.last + 1; k < to; k++) if (st.tokens.kind[k] !== PUNCT_KIND) rest++;
  if (rest > 2 || (m.info.postFinal && !clauseEndsAfter(st, m.last, to))) return;
  for (let c = 0; c < 5; c++) {
    if (m.info.post & (BITS[c] ?? 0) && !found[c]) found[c] = foundOf(st, m, 0);
  }
}

function decide(found: readonly (Found | undefined)[], shift: number): Assertion {
  const result = defaultAssertion();
  const cues: AssertionCue[] = [];
  const push = (category: CueCategory, f: Found) => cues.push({ category, span: { start: f.start + shift, end: f.end + shift } });
  const neg = found[NEGATION];
  const pos = found[POSSIBLE];
  // The nearer cue decides certainty: `no evidence of possible X` is possible, `possible X, ruled out` negated.
  const certainty: [Certainty, CueCategory, Found] | undefined =
    neg && (!pos || neg.distance < pos.distance) ? ['negated', 'negation', neg] : pos ? ['possible', 'possible', pos] : undefined;
  if (certainty) {
    result.certainty = certainty[0];
    push(certainty[1], certainty[2]);
  }
  const hypothetical = found[HYPOTHETICAL];
  const historical = found[HISTORICAL];
  if (hypothetical) {
    result.temporality = 'hypothetical';
    push('hypothetical', hypothetical);
  } else if (historical) {
    result.temporality = 'historical';
    push('historical', historical);
  }
  const experiencer = found[EXPERIENCER];
  if (experiencer) {
    result.experiencer = 'other';
    push('experiencer', experiencer);
  }
  cues.sort((a, b) => a.span.start - b.span.start);
  result.cues = cues;
  return result;
}
