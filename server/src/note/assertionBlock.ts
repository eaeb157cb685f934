/**
 * One block of a note (whole paragraphs, cut at blank lines) analysed for assertion: tokens,
 * sentences, cue phrases, heading scopes and parenthesis pairs. A blank line always ends a sentence
 * and, once a heading has content, the heading's scope, so blocks can be analysed independently and
 * only where a mention is asked about. Pure.
 */
import { getLexicon, matchPhrases, type CompiledLexicon, type PhraseMatch } from './assertionLexicon';
import { segment, type Segmentation } from './assertionSentences';
import { PUNCT, tokenize, tokenNorm, type TokenTable } from './assertionTokens';

// Module-level copy: under a CommonJS loader each use of an imported binding is a getter call.
const PUNCT_KIND: number = PUNCT;

/** A heading's cue: the categories (bits) it sets and the phrase that set them. */
export interface HeadingCue {
  bit: number;
  match: PhraseMatch;
  /** Offsets of the cue relative to the block's start (negative when inherited from an earlier block). */
  start: number;
  end: number;
}

/** A section heading whose cues cover the tokens `[start, end)` after it. */
export interface HeadingScope {
  start: number;
  end: number;
  cues: HeadingCue[];
}

export interface BlockState {
  /** The block's own text; every offset and token index below is relative to it. */
  text: string;
  tokens: TokenTable;
  seg: Segmentation;
  matches: PhraseMatch[];
  /** Index into `matches` of the phrase starting (ending) at each token, or -1. */
  startAt: Int32Array;
  endAt: Int32Array;
  /** Heading scopes in token order; they never overlap. */
  scopes: HeadingScope[];
  /** For each `(` `)` `[` `]`, the token of its partner in the same sentence; -1 otherwise. */
  parenMate: Int32Array;
  lex: CompiledLexicon;
  /** Cues of a heading that ends this block with nothing after its colon (`FAMILY HISTORY:` then a blank line). */
  trailingCues: HeadingCue[];
}

/**
 * Analyses `text` as one block. `inherited` are the trailing heading cues of the block before, which
 * cover this block's start up to its first heading.
 */
export function analyseBlock(text: string, inherited: readonly HeadingCue[] = []): BlockState {
  const lex = getLexicon();
  const tokens = tokenize(text);
  const seg = segment(text, tokens, lex);
  const matches = matchPhrases(text, tokens, seg.sentenceStart, lex);
  const startAt = new Int32Array(tokens.count).fill(-1);
  const endAt = new Int32Array(tokens.count).fill(-1);
  for (let idx = 0; idx < matches.length; idx++) {
    const m = matches[idx];
    if (!m) continue;
    startAt[m.first] = idx;
    endAt[m.last] = idx;
  }
  const { scopes, trailingCues } = headingScopes(text, tokens, seg, matches, startAt, lex, inherited);
  const parenMate = matchParentheses(text, tokens, seg);
  return { text, tokens, seg, matches, startAt, endAt, scopes, parenMate, lex, trailingCues };
}

/** Word tokens (not punctuation) in the phrase. */
export function wordCount(tokens: TokenTable, m: PhraseMatch): number {
  let w = 0;
  for (let k = m.first; k <= m.last; k++) if (tokens.kind[k] !== PUNCT_KIND) w++;
  return w;
}

/** Pairs brackets within each sentence with a stack; unpaired ones get -1. Linear. */
function matchParentheses(text: string, tokens: TokenTable, seg: Segmentation): Int32Array {
  const mate = new Int32Array(tokens.count).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (seg.sentenceStart[i] === 1) stack.length = 0;
    if (tokens.kind[i] !== PUNCT_KIND) continue;
    const c = text.charCodeAt(tokens.start[i] ?? 0);
    if (c === 40 /* ( */ || c === 91 /* [ */) {
      stack.push(i);
    } else if ((c === 41 /* ) */ || c === 93) /* ] */ && stack.length > 0) {
      const open = stack.pop() ?? -1;
      mate[open] = i;
      mate[i] = open;
    }
  }
  return mate;
}

/**
 * Scopes of headings that carry a cue (`PAST MEDICAL HISTORY:`, `FAMILY HISTORY:`, `Denies:`): from
 * after the colon to the next heading that starts a line, names a known section or carries its own
 * cue, or to a blank line once the heading has some content.
 */
function headingScopes(
  text: string,
  tokens: TokenTable,
  seg: Segmentation,
  matches: readonly PhraseMatch[],
  startAt: Int32Array,
  lex: CompiledLexicon,
  inherited: readonly HeadingCue[],
): { scopes: HeadingScope[]; trailingCues: HeadingCue[] } {
  const info = seg.headings.map((h) => {
    const cues: HeadingCue[] = [];
    let pseudo = false;
    let wordsBefore = 0;
    for (let k = h.first; k < h.colon; k++) {
      const m = matches[startAt[k] ?? -1];
      if (!m || m.last >= h.colon) {
        if (tokens.kind[k] !== PUNCT_KIND) wordsBefore++;
        continue;
      }
      if (m.info.pseudo) pseudo = true;
      // The cue must be the heading's name (`Family history:`, `His past medical history:`), not a
      // word left over from the previous field (`COMPLICATIONS: None POSTOPERATIVE DIAGNOSIS:`).
      else if (m.info.pre && m.last === h.colon - 1 && wordsBefore <= 1) {
        cues.push({ bit: m.info.pre, match: m, start: tokens.start[m.first] ?? 0, end: tokens.end[m.last] ?? 0 });
      }
      wordsBefore += wordCount(tokens, m);
      k = m.last;
    }
    const words: string[] = [];
    for (let k = h.first; k < h.colon; k++) words.push(tokenNorm(text, tokens, k));
    const ends = h.atLineStart || pseudo || cues.length > 0 || lex.neutralHeadings.has(words.join(' '));
    return { h, cues, ends };
  });
  // nextEnd[i]: first token of the next heading after i that closes a scope.
  const nextEnd = new Int32Array(info.length);
  let closing = tokens.count;
  for (let i = info.length - 1; i >= 0; i--) {
    nextEnd[i] = closing;
    const cur = info[i];
    if (cur?.ends) closing = cur.h.first;
  }
  const scopes: HeadingScope[] = [];
  if (inherited.length > 0 && closing > 0) {
    let end = closing;
    for (let k = 1; k < end; k++) {
      if ((tokens.newlinesBefore[k] ?? 0) >= 2) {
        end = k;
        break;
      }
    }
    scopes.push({ start: 0, end, cues: [...inherited] });
  }
  for (let i = 0; i < info.length; i++) {
    const cur = info[i];
    if (!cur || cur.cues.length === 0) continue;
    let end = nextEnd[i] ?? tokens.count;
    // A blank line after the heading's first content closes it too (one right after the colon does not).
    for (let k = cur.h.colon + 2; k < end; k++) {
      if ((tokens.newlinesBefore[k] ?? 0) >= 2) {
        end = k;
        break;
      }
    }
    scopes.push({ start: cur.h.colon + 1, end, cues: cur.cues });
  }
  const last = info[info.length - 1];
  const trailingCues = last && last.h.colon === tokens.count - 1 ? last.cues : [];
  return { scopes, trailingCues };
}

/** The heading scope that holds tokens `[first, last]`, if any. */
export function scopeAt(scopes: readonly HeadingScope[], first: number, last: number): HeadingScope | undefined {
  let lo = 0;
  let hi = scopes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((scopes[mid]?.start ?? 0) <= first) lo = mid + 1;
    else hi = mid;
  }
  const s = scopes[lo - 1];
  return s && s.end > last ? s : undefined;
}
