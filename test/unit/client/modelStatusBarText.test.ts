import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectiveState, shouldShowStatusBar, statusBarPresentation } from '../../../client/src/model/statusBarText';
import { info27b, running, stats } from './modelFixtures';

describe('model status bar item', () => {
  test('no model: says so and a click offers Select/Download', () => {
    const p = statusBarPresentation(running({ state: 'none' }));
    assert.equal(p.text, '$(circle-slash) MedGemma: no model');
    assert.equal(p.click, 'setup');
    assert.equal(p.background, undefined);
    assert.match(p.tooltip, /rules, scores and triage work without one/);
  });

  test('ready: model name without .gguf and the context', () => {
    const p = statusBarPresentation(running({ state: 'ready', info: info27b, stats }));
    assert.equal(p.text, '$(check) medgemma-27b-text-it-Q4_K_M · 8K context');
    assert.equal(p.click, 'status');
    assert.match(p.tooltip, /gemma3, 27\.0 B parameters, Q4_K_M/);
    assert.match(p.tooltip, /KV cache 2\.0 GiB, cuda/);
    assert.match(p.tooltip, /21\.4 tokens\/s/);
  });

  test('ready without info still reads sensibly', () => {
    assert.equal(statusBarPresentation(running({ state: 'ready' })).text, '$(check) model');
  });

  test('busy shows what the model computes, only once ready', () => {
    const busy = statusBarPresentation(running({ state: 'ready', info: info27b }, { busy: 'completion' }));
    assert.equal(busy.text, '$(loading~spin) MedGemma: computing completion');
    const loading = statusBarPresentation(running({ state: 'loading', progress: 0.3 }, { busy: 'completion' }));
    assert.equal(loading.text, '$(loading~spin) MedGemma: loading 30%');
  });

  test('downloading and loading show whole percentages (or none when unknown)', () => {
    assert.equal(statusBarPresentation(running({ state: 'downloading', progress: 0.4249 })).text, '$(cloud-download) MedGemma: downloading 42%');
    assert.equal(statusBarPresentation(running({ state: 'downloading' })).text, '$(cloud-download) MedGemma: downloading');
    assert.equal(statusBarPresentation(running({ state: 'loading', progress: 2 })).text, '$(loading~spin) MedGemma: loading 100%');
  });

  test('error: red, with the message, llama.cpp\'s reason and the hint in the tooltip', () => {
    const p = statusBarPresentation(running({
      state: 'error',
      error: { message: 'Not a Gemma 3 model (architecture llama)', reason: 'unknown model architecture', hint: 'Select a MedGemma GGUF file.' },
    }));
    assert.equal(p.text, '$(error) MedGemma: model error');
    assert.equal(p.background, 'error');
    assert.match(p.tooltip, /Not a Gemma 3 model/);
    assert.match(p.tooltip, /llama\.cpp: unknown model architecture/);
    assert.match(p.tooltip, /What to do: Select a MedGemma GGUF file\./);
  });

  test('an untrusted workspace is restricted whatever the server reported', () => {
    for (const status of [undefined, { state: 'none' as const }, { state: 'untrusted' as const }]) {
      const view = running(status, { trusted: false });
      assert.equal(effectiveState(view), 'untrusted');
      assert.equal(statusBarPresentation(view).text, '$(shield) MedGemma: restricted');
    }
    assert.equal(statusBarPresentation(running({ state: 'untrusted' })).text, '$(shield) MedGemma: restricted');
  });

  test('server starting, stopped, or silent', () => {
    assert.equal(statusBarPresentation(running(undefined, { server: 'starting' })).text, '$(loading~spin) MedGemma: starting');
    const stopped = statusBarPresentation(running({ state: 'ready', info: info27b }, { server: 'stopped' }));
    assert.equal(stopped.text, '$(debug-disconnect) MedGemma: server stopped');
    assert.match(stopped.tooltip, /Restart Language Server/);
    assert.equal(statusBarPresentation(running(undefined)).text, '$(question) MedGemma');
  });

  test('shown in clinical notes and the status document, elsewhere only during a download or load', () => {
    const note = { languageId: 'clinical-note', scheme: 'untitled' };
    const code = { languageId: 'typescript', scheme: 'file' };
    const statusDoc = { languageId: 'markdown', scheme: 'medgemma-notes-model' };
    assert.equal(shouldShowStatusBar(note, running({ state: 'none' })), true);
    assert.equal(shouldShowStatusBar(statusDoc, running({ state: 'ready', info: info27b })), true);
    assert.equal(shouldShowStatusBar(code, running({ state: 'none' })), false);
    assert.equal(shouldShowStatusBar({ languageId: 'markdown', scheme: 'file' }, running({ state: 'error', error: { message: 'x' } })), false);
    assert.equal(shouldShowStatusBar(undefined, running({ state: 'ready', info: info27b })), false);
    assert.equal(shouldShowStatusBar(code, running({ state: 'downloading', progress: 0.1 })), true);
    assert.equal(shouldShowStatusBar(undefined, running({ state: 'loading' })), true);
  });
});
