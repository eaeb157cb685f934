/**
 * Builds a pretty-printed JSON document from a skeleton and array items rendered elsewhere (on
 * the worker thread that checked each note), byte for byte what `JSON.stringify(whole, null, 2)`
 * would write. Only strings cross threads and the main thread never re-serialises the notes.
 */

/** Stands for the array of items in a skeleton; NUL never occurs in a path or a rule description. */
export const ITEMS_PLACEHOLDER = '\u0000items\u0000';

/**
 * `JSON.stringify(value, null, 2)` for an item that will sit `indent` spaces (an even number) deep
 * in the document. The value is stringified inside `indent / 2` arrays, so JSON.stringify itself
 * writes every line at its final depth, and the wrapping is cut off: re-indenting the text
 * afterwards (a replace over every line) cost three times the stringify.
 */
export function jsonItem(value: unknown, indent: number): string {
  const depth = indent / 2;
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  // `[\n  [\n    ` before the item and `\n  ]\n]` after it, for depth 2.
  const before = depth * depth + depth + indent;
  const after = depth * depth + depth;
  return json.slice(before, json.length - after);
}

/** About how many UTF-16 units one output chunk holds (a few notes' JSON). */
const CHUNK = 1 << 16;

/**
 * `JSON.stringify(skeleton, null, 2)` with the one `ITEMS_PLACEHOLDER` value replaced by an array
 * of `items`, each rendered by `jsonItem(value, indent)`, as chunks of about 64 K characters to write
 * one after another: one string of every note's JSON (tens of megabytes for thousands of notes)
 * cost more to build and to encode than the items themselves. Throws if the placeholder is missing
 * or sits at another depth: that is a programming error, not bad input.
 */
export function spliceChunks(skeleton: unknown, items: readonly string[], indent: number): string[] {
  const json = JSON.stringify(skeleton, null, 2);
  const marker = JSON.stringify(ITEMS_PLACEHOLDER);
  const at = json.indexOf(marker);
  if (at < 0) throw new Error('report skeleton has no items placeholder');
  const lineStart = json.lastIndexOf('\n', at) + 1;
  let outer = 0;
  while (json.charCodeAt(lineStart + outer) === 32) outer++;
  if (outer + 2 !== indent) throw new Error(`report items rendered at depth ${indent}, expected ${outer + 2}`);
  const head = json.slice(0, at);
  const tail = json.slice(at + marker.length);
  if (items.length === 0) return [`${head}[]${tail}`];
  const pad = ' '.repeat(indent);
  const chunks: string[] = [];
  let batch: string[] = [`${head}[\n${pad}`];
  let size = 0;
  items.forEach((item, i) => {
    if (i > 0) batch.push(`,\n${pad}`);
    batch.push(item);
    size += item.length;
    if (size >= CHUNK) {
      chunks.push(batch.join(''));
      batch = [];
      size = 0;
    }
  });
  batch.push(`\n${' '.repeat(outer)}]${tail}`);
  chunks.push(batch.join(''));
  return chunks;
}

/** {@link spliceChunks} as one string. */
export function spliceItems(skeleton: unknown, items: readonly string[], indent: number): string {
  return spliceChunks(skeleton, items, indent).join('');
}
