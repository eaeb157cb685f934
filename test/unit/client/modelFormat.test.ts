import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBytes, formatContextShort, formatCount, formatParameters, formatPercent, formatRate, modelFileName, sentence, shortModelName } from '../../../client/src/model/format';

describe('formatBytes', () => {
  test('file sizes in decimal units, as Hugging Face lists them', () => {
    assert.equal(formatBytes(16.5e9), '16.5 GB');
    assert.equal(formatBytes(16_546_689_312), '16.5 GB');
    assert.equal(formatBytes(532_000_000), '532 MB');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1000), '1.0 kB');
  });

  test('memory in binary units, as llama.cpp logs it', () => {
    assert.equal(formatBytes(2 * 1024 ** 3, 'binary'), '2.0 GiB');
    assert.equal(formatBytes(1536 * 1024, 'binary'), '1.5 MiB');
    assert.equal(formatBytes(1023, 'binary'), '1023 B');
  });

  test('a value that would round to 1000 moves to the next unit', () => {
    assert.equal(formatBytes(999_960_000), '1.0 GB');
    assert.equal(formatBytes(5e15), '5000 TB');
  });

  test('bad figures from the server read "unknown", never NaN', () => {
    for (const bad of [Number.NaN, Infinity, -1, undefined as unknown as number, '12' as unknown as number]) {
      assert.equal(formatBytes(bad), 'unknown');
    }
  });
});

describe('formatParameters', () => {
  test('counts as models are named', () => {
    assert.equal(formatParameters(27_009_002_240), '27.0 B');
    assert.equal(formatParameters(3_880_000_000), '3.9 B');
    assert.equal(formatParameters(270_000_000), '270 M');
    assert.equal(formatParameters(12_500), '12.5 K');
    assert.equal(formatParameters(512), '512');
    assert.equal(formatParameters(Number.NaN), 'unknown');
  });
});

describe('formatCount, formatPercent, formatRate, formatContextShort', () => {
  test('thousands separators independent of locale', () => {
    assert.equal(formatCount(131_072), '131,072');
    assert.equal(formatCount(8), '8');
    assert.equal(formatCount(-3), 'unknown');
  });

  test('percentages are clamped to 0..100', () => {
    assert.equal(formatPercent(0.423), '42%');
    assert.equal(formatPercent(0.95, 1), '95.0%');
    assert.equal(formatPercent(1.7), '100%');
    assert.equal(formatPercent(-0.2), '0%');
    assert.equal(formatPercent(Number.NaN), 'unknown');
  });

  test('generation speed', () => {
    assert.equal(formatRate(21.44), '21.4 tokens/s');
    assert.equal(formatRate(Infinity), 'unknown');
  });

  test('short context sizes', () => {
    assert.equal(formatContextShort(8192), '8K');
    assert.equal(formatContextShort(131_072), '128K');
    assert.equal(formatContextShort(3000), '3,000');
    assert.equal(formatContextShort(0), 'unknown');
  });
});

describe('model names', () => {
  test('the file name of POSIX and Windows paths', () => {
    assert.equal(modelFileName('/home/a/models/tiny-gemma3.gguf'), 'tiny-gemma3.gguf');
    assert.equal(modelFileName('C:\\Users\\a\\models\\tiny-gemma3.gguf'), 'tiny-gemma3.gguf');
    assert.equal(modelFileName('tiny-gemma3.gguf'), 'tiny-gemma3.gguf');
    assert.equal(modelFileName('/models/dir/'), 'dir');
  });

  test('URIs stay whole so the source stays visible', () => {
    assert.equal(modelFileName('hf:unsloth/medgemma-27b-text-it-GGUF:Q4_K_M'), 'hf:unsloth/medgemma-27b-text-it-GGUF:Q4_K_M');
    assert.equal(modelFileName(' https://example.org/m.gguf '), 'https://example.org/m.gguf');
  });

  test('sentences for joining a message with its hint', () => {
    assert.equal(sentence('Not a Gemma 3 model: architecture "llama"'), 'Not a Gemma 3 model: architecture "llama".');
    assert.equal(sentence('Out of memory. '), 'Out of memory.');
    assert.equal(sentence('Really?'), 'Really?');
    assert.equal(sentence('  '), '');
  });

  test('the status bar name drops .gguf', () => {
    assert.equal(shortModelName('/m/medgemma-27b-text-it-Q4_K_M.GGUF'), 'medgemma-27b-text-it-Q4_K_M');
  });
});
