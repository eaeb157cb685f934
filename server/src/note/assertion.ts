/**
 * ConText-style assertion of a mention: is it negated or only possible, historical or
 * hypothetical, and is it about the patient or someone else?
 *
 * The idea follows NegEx (Chapman et al., 2001) and ConText (Harkema et al., 2009): trigger
 * phrases from `knowledge/contextTriggers.json` open a scope forward (`pre`) or backward (`post`)
 * that runs until a termination term, the end of the sentence or clause, or the category's window
 * of words; pseudo-triggers (`no change`, `history of present illness`) block the trigger words
 * inside them. Headings such as `FAMILY HISTORY:` or `Denies:` scope over the items under them.
 *
 * `createAssertionContext(text)` splits the text into blocks of at least 32K characters at blank
 * lines (which always end a sentence and a heading's scope) and analyses a block only when a
 * mention in it is first asked about, so asserting every problem of a large note costs time linear
 * in the blocks it touches. Pure: no
 * I/O, nothing runs on import.
 */
import type { Assertion, Span } from './types';
import { analyseBlock, type BlockState, type HeadingCue } from './assertionBlock';
import { assertInBlock, defaultAssertion } from './assertionScope';

export { defaultAssertion } from './assertionScope';

/** Precomputed state for one text; assert any number of mentions in it. */
export interface AssertionContext {
  /** The text the context was built for. */
  readonly text: string;
  /** Assertion of the mention at `target` (offsets into the context's text). */
  assertionFor(target: Span): Assertion;
}

/**
 * Builds the reusable context for `text`. Cheap: blocks are found on the first query and each
 * block is tokenized, split and matched once, on first use.
 */
export function createAssertionContext(text: string): AssertionContext {
  let starts: Int32Array | undefined;
  let blocks: (BlockState | undefined)[] = [];

  const block = (i: number): BlockState => {
    const cached = blocks[i];
    if (cached) return cached;
    const bs = starts?.[i] ?? 0;
    const be = starts?.[i + 1] ?? text.length;
    const built = analyseBlock(text.slice(bs, be), inheritedCues(i, bs));
    blocks[i] = built;
    return built;
  };

  // A heading that ends the previous block with nothing after it (`FAMILY HISTORY:` then a blank
  // line) covers the top of this block. Only that block's last line matters, so analyse just it.
  const inheritedCues = (i: number, bs: number): HeadingCue[] => {
    if (i === 0 || !starts) return [];
    const prevStart = starts[i - 1] ?? 0;
    const tail = lastLine(text, prevStart, bs);
    if (!tail || text.charCodeAt(tail.end - 1) !== 58 /* : */) return [];
    const shift = tail.start - bs;
    return analyseBlock(text.slice(tail.start, tail.end)).trailingCues.map((c) => ({ ...c, start: c.start + shift, end: c.end + shift }));
  };

  return {
    text,
    assertionFor(target: Span): Assertion {
      if (text.length === 0) return defaultAssertion();
      if (!starts) {
        starts = blockStarts(text);
        blocks = new Array<BlockState | undefined>(starts.length).fill(undefined);
      }
      const len = text.length;
      const rawStart = Number.isFinite(target.start) ? Math.floor(target.start) : 0;
      const s = Math.max(0, Math.min(len, rawStart));
      const rawEnd = Number.isFinite(target.end) ? Math.floor(target.end) : s;
      const e = Math.max(s, Math.min(len, rawEnd));
      const i = blockIndex(starts, s);
      const bs = starts[i] ?? 0;
      const be = starts[i + 1] ?? len;
      // A mention that runs over a blank line is asserted on its part in the first block.
      return assertInBlock(block(i), s - bs, Math.min(e, be) - bs, bs);
    },
  };
}

let cached: AssertionContext | undefined;

/**
 * Assertion of the mention at `target` (offsets into `text`); the function finds the
 * sentence/clause scope itself. Repeated calls with the same text reuse one cached context; to
 * assert many mentions prefer `createAssertionContext`.
 */
export function assertionFor(text: string, target: Span): Assertion {
  if (cached?.text !== text) cached = createAssertionContext(text);
  return cached.assertionFor(target);
}

/**
 * Smallest block worth analysing on its own: below this, per-block setup (typed arrays and the
 * garbage they leave) costs more than the text, so neighbouring paragraphs share one block.
 */
const MIN_BLOCK_CHARS = 32 * 1024;

/**
 * Offsets where blocks start: 0, then the first line after a run of blank (whitespace-only)
 * lines, at least `MIN_BLOCK_CHARS` after the previous start. One pass; `\n`, `\r\n` and lone
 * `\r` all end a line.
 */
function blockStarts(text: string): Int32Array {
  const out: number[] = [0];
  const n = text.length;
  let lineStart = 0;
  let lineBlank = true;
  let sawBlank = false;
  let blockHasContent = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    const eol = c === 10 || c === 13;
    if (!eol) {
      if (lineBlank && !(c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff)) {
        lineBlank = false;
        if (sawBlank && blockHasContent && lineStart - (out[out.length - 1] ?? 0) >= MIN_BLOCK_CHARS) out.push(lineStart);
        sawBlank = false;
        blockHasContent = true;
      }
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (lineBlank && i < n) sawBlank = true;
    lineStart = i + 1;
    lineBlank = true;
  }
  return Int32Array.from(out);
}

/** Index of the block holding `offset`. */
function blockIndex(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The last non-blank line in `[from, to)`, trimmed of trailing whitespace. */
function lastLine(text: string, from: number, to: number): Span | undefined {
  let end = to;
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  if (end === from) return undefined;
  let start = end;
  while (start > from && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return { start, end };
}
