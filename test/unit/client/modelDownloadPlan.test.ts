import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consentText, downloadLabel, errorMessage, hasGgufMagic, isCancelled, offeredDownloadUri, ProgressIncrements, validateDownloadUri } from '../../../client/src/model/downloadPlan';
import { DEFAULT_MODEL_URI } from '../../../server/src/protocol';

describe('validateDownloadUri', () => {
  test('accepts hf: URIs in node-llama-cpp\'s forms and https URLs', () => {
    for (const ok of [
      DEFAULT_MODEL_URI,
      'hf:unsloth/medgemma-4b-it-GGUF:Q8_0',
      'hf:owner/repo/medgemma-27b-text-it-Q4_K_M.gguf',
      'hf:owner/repo/sub/dir/model.gguf#main',
      'hf:owner/repo',
      '  https://huggingface.co/owner/repo/resolve/main/model.gguf  ',
    ]) {
      assert.equal(validateDownloadUri(ok), undefined, ok);
    }
  });

  test('rejects what cannot be downloaded, saying what to type', () => {
    assert.match(validateDownloadUri('') ?? '', /Enter an hf: URI/);
    assert.match(validateDownloadUri('   ') ?? '', /Enter an hf: URI/);
    assert.match(validateDownloadUri('hf:just-a-name') ?? '', /hf:owner\/repo:Q4_K_M/);
    assert.match(validateDownloadUri('hf:owner/repo:Q4 K M') ?? '', /hf:owner\/repo/);
    assert.match(validateDownloadUri('http://example.org/model.gguf') ?? '', /Use https/);
    assert.match(validateDownloadUri('file:///etc/passwd') ?? '', /"file:" is not supported/);
    assert.match(validateDownloadUri('/home/a/model.gguf') ?? '', /Not a URI/);
    assert.match(validateDownloadUri('ftp://example.org/m.gguf') ?? '', /not supported/);
  });
});

describe('offeredDownloadUri', () => {
  test('offers the configured hf:/https URI, else the default', () => {
    assert.equal(offeredDownloadUri(''), DEFAULT_MODEL_URI);
    assert.equal(offeredDownloadUri('/models/local.gguf'), DEFAULT_MODEL_URI);
    assert.equal(offeredDownloadUri('hf:bad'), DEFAULT_MODEL_URI);
    assert.equal(offeredDownloadUri(' hf:unsloth/medgemma-4b-it-GGUF:Q8_0 '), 'hf:unsloth/medgemma-4b-it-GGUF:Q8_0');
  });
});

describe('downloadLabel', () => {
  test('the offered model by name, any other URI as typed', () => {
    assert.equal(downloadLabel(DEFAULT_MODEL_URI), 'MedGemma 27B (text, instruction-tuned, Q4_K_M)');
    assert.equal(downloadLabel('hf:a/b:Q8_0'), 'hf:a/b:Q8_0');
  });
});

describe('consentText', () => {
  const dir = '/home/a/.config/Code/User/globalStorage/medgemma-notes.medgemma-notes/models';

  test('the default model: its name, size, source and destination', () => {
    const c = consentText(DEFAULT_MODEL_URI, dir);
    assert.equal(c.message, 'Download MedGemma 27B (text, instruction-tuned, Q4_K_M), about 16.5 GB?');
    assert.match(c.detail, new RegExp(`Source: ${DEFAULT_MODEL_URI}`));
    assert.ok(c.detail.includes(`It will be saved in ${dir}.`));
    assert.match(c.detail, /only if you choose Download/);
    assert.match(c.detail, /again resumes it/);
    assert.doesNotMatch(c.detail, /free on that disk/);
  });

  test('warns when the disk is too small, not when it is large enough', () => {
    assert.match(consentText(DEFAULT_MODEL_URI, dir, 4e9).detail, /Only 4\.0 GB is free on that disk/);
    assert.doesNotMatch(consentText(DEFAULT_MODEL_URI, dir, 100e9).detail, /free on that disk/);
    assert.doesNotMatch(consentText(DEFAULT_MODEL_URI, dir, Number.NaN).detail, /free on that disk/);
  });

  test('another URI: shown as typed, size unknown until the download starts', () => {
    const c = consentText('https://example.org/m.gguf', dir, 1);
    assert.equal(c.message, 'Download https://example.org/m.gguf?');
    assert.match(c.detail, /size is shown once the download starts/);
    assert.doesNotMatch(c.detail, /Source:/);
  });
});

describe('isCancelled and errorMessage', () => {
  test('cancelled requests by code or by the token', () => {
    assert.equal(isCancelled({ code: -32800, message: 'Request cancelled' }), true);
    assert.equal(isCancelled({ code: -32802 }), true);
    assert.equal(isCancelled(new Error('boom')), false);
    assert.equal(isCancelled({ code: -32603 }), false);
    assert.equal(isCancelled(undefined), false);
    assert.equal(isCancelled(new Error('connection closed'), true), true);
  });

  test('messages for the user', () => {
    assert.equal(errorMessage(new Error('Model file not found')), 'Model file not found');
    assert.equal(errorMessage('plain'), 'plain');
    assert.equal(errorMessage({}), 'unknown error');
    assert.equal(errorMessage(new Error('')), 'unknown error');
  });
});

describe('ProgressIncrements', () => {
  test('absolute progress becomes increments that add up to 100', () => {
    const p = new ProgressIncrements();
    const steps = [0, 0.1, 0.25, 0.25, 0.8, 1].map((f) => p.next(f));
    assert.deepEqual(steps.map((s) => s?.increment), [0, 10, 15, 0, 55, 20]);
    assert.equal(steps.reduce((sum, s) => sum + (s?.increment ?? 0), 0), 100);
    assert.equal(steps[2]?.message, '25%');
  });

  test('backwards, unknown or out-of-range progress adds nothing beyond 100', () => {
    const p = new ProgressIncrements();
    assert.equal(p.next(0.5)?.increment, 50);
    assert.equal(p.next(0.2)?.increment, 0);
    assert.equal(p.next(undefined), undefined);
    assert.equal(p.next(Number.NaN), undefined);
    assert.equal(p.next(3)?.increment, 50);
    assert.equal(p.next(1)?.increment, 0);
  });

  test('names the total when it is known', () => {
    assert.equal(new ProgressIncrements().next(0.42, 16.5e9)?.message, '42% of 16.5 GB');
  });
});

describe('hasGgufMagic', () => {
  test('GGUF files start with the bytes "GGUF"', () => {
    assert.equal(hasGgufMagic(new TextEncoder().encode('GGUF\x03\x00\x00\x00')), true);
    assert.equal(hasGgufMagic(new TextEncoder().encode('GGUF')), true);
    assert.equal(hasGgufMagic(new TextEncoder().encode('GGML')), false);
    assert.equal(hasGgufMagic(new TextEncoder().encode('PK\x03\x04')), false);
    assert.equal(hasGgufMagic(new Uint8Array(0)), false);
    assert.equal(hasGgufMagic(new TextEncoder().encode('GGU')), false);
  });
});
