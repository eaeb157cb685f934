/**
 * Inline completions (ghost text) from the local model: debounced, aborted by newer keystrokes,
 * served from the last suggestion while the user types into it, stopped at the end of the
 * line/sentence/section, and logged by outcome with token counts and times — never text.
 */
import type { CancellationToken, InlineCompletionItem, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { errorForLog, type Logger } from '../../logger';
import type { TextModel } from '../../model/types';
import type { ClinicalNote } from '../../note/types';
import type { CompletionSettings } from '../../protocol';
import { idOf } from '../documentModels';
import { buildInlinePrompt, DEFAULT_INLINE_PROMPT, factsBlock, sectionAt } from './prompt';
import { stopStrings, trimCompletion } from './stops';

export type InlineOutcome = 'served' | 'empty' | 'debounced' | 'cancelled' | 'cache-hit' | 'no-model' | 'disabled' | 'error';

export interface InlineStats {
  requests: number;
  outcomes: Record<InlineOutcome, number>;
  /** Per model call: tokens re-evaluated, prompt tokens and server-side milliseconds. */
  calls: Array<{ reevaluated: number; prompt: number; ms: number }>;
}

export interface InlineDeps {
  model(): TextModel | undefined;
  settings(): CompletionSettings;
  note(doc: TextDocument): ClinicalNote;
  /** The linked patient's FHIR record as compact text (no names or identifiers), if any. */
  record?(uri: string): string | undefined;
  logger: Logger;
  /** True when no model is loaded and none is on its way (the user must act). */
  needsModel?(): boolean;
  /** Called once per server session when a completion is asked for and `needsModel()`. */
  onNoModel?(): void;
  /** Called when model work starts (true) and ends (false), for the client's status bar. */
  onBusy?(busy: boolean): void;
}

interface Suggestion {
  before: string;
  after: string;
  text: string;
}

const STATS_KEEP = 2000;

export class InlineCompletionService {
  private readonly last = new Map<string, Suggestion>();
  private readonly facts = new Map<string, { section: string; facts: string }>();
  private readonly generation = new Map<string, number>();
  private warnedNoModel = false;
  private active = 0;
  readonly stats: InlineStats = {
    requests: 0,
    outcomes: { served: 0, empty: 0, debounced: 0, cancelled: 0, 'cache-hit': 0, 'no-model': 0, disabled: 0, error: 0 },
    calls: [],
  };

  constructor(private readonly deps: InlineDeps) {}

  forget(uri: string): void {
    this.last.delete(uri);
    this.facts.delete(uri);
    this.generation.delete(uri);
  }

  async provide(doc: TextDocument, position: Position, token?: CancellationToken): Promise<InlineCompletionItem[] | null> {
    const started = performance.now();
    this.stats.requests++;
    const uri = doc.uri;
    const settings = this.deps.settings();
    if (!settings.inline.enable) return this.done('disabled', uri, started);
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const before = text.slice(0, offset);
    const after = text.slice(offset, offset + DEFAULT_INLINE_PROMPT.afterChars);

    // The user is typing into the last suggestion: serve its remainder, no model call.
    const prev = this.last.get(uri);
    if (prev && prev.after === after && before.length > prev.before.length && before.startsWith(prev.before)) {
      const typed = before.slice(prev.before.length);
      if (prev.text.startsWith(typed) && prev.text.length > typed.length) {
        return this.done('cache-hit', uri, started, [{ insertText: prev.text.slice(typed.length), range: { start: position, end: position } }]);
      }
    }

    const model = this.deps.model();
    if (!model) {
      if (!this.warnedNoModel && (this.deps.needsModel?.() ?? true)) {
        this.warnedNoModel = true;
        this.deps.onNoModel?.();
      }
      return this.done('no-model', uri, started);
    }

    // Debounce: a newer request for the document (or VS Code's cancellation) supersedes this one.
    const mine = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, mine);
    if (settings.inline.debounceMs > 0) await delay(settings.inline.debounceMs);
    if (token?.isCancellationRequested || this.generation.get(uri) !== mine) return this.done('debounced', uri, started);

    const note = this.deps.note(doc);
    const section = sectionAt(note, offset);
    const sectionKey = section ? `${section.span.start}:${section.title}` : '';
    let facts = this.facts.get(uri);
    if (!facts || facts.section !== sectionKey) {
      // Facts are refreshed only when the cursor enters another section: inside a section the
      // prompt's head stays byte-identical, so its KV cache keeps serving.
      const record = this.deps.record?.(uri);
      facts = { section: sectionKey, facts: record ? `${factsBlock(note)}\nFrom the patient's FHIR record:\n${record}` : factsBlock(note) };
      this.facts.set(uri, facts);
    }
    const prompt = buildInlinePrompt(text, offset, note, { ...DEFAULT_INLINE_PROMPT, facts: facts.facts });
    const tokens = [model.bos, ...model.tokenize(prompt.text.slice(0, prompt.noteStart), true), ...model.tokenize(prompt.text.slice(prompt.noteStart), false)];
    const maxTokens = settings.inline.maxTokens;
    if (tokens.length + maxTokens >= model.info.contextSize) return this.done('empty', uri, started);

    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    this.setBusy(+1);
    try {
      const result = await model.generate(uri, { tokens }, { maxTokens, stop: stopStrings(settings.inline.stopAt), temperature: 0, priority: 'inline', signal: abort.signal });
      this.stats.calls.push({ reevaluated: result.usage.reevaluatedTokens, prompt: result.usage.promptTokens, ms: result.usage.totalMs });
      if (this.stats.calls.length > STATS_KEEP) this.stats.calls.splice(0, this.stats.calls.length - STATS_KEEP);
      const usage = `prompt ${result.usage.promptTokens} tok, re-evaluated ${result.usage.reevaluatedTokens}, generated ${result.usage.generatedTokens}`;
      if (result.stopReason === 'aborted') return this.done('cancelled', uri, started, null, usage);
      const completion = trimCompletion(result.text, settings.inline.stopAt);
      if (completion.trim().length === 0) return this.done('empty', uri, started, null, usage);
      this.last.set(uri, { before, after, text: completion });
      return this.done('served', uri, started, [{ insertText: completion, range: { start: position, end: position } }], usage);
    } catch (err) {
      this.deps.logger.warn(`inline completion failed for ${idOf(uri)} (${errorForLog(err)})`);
      return this.done('error', uri, started);
    } finally {
      sub?.dispose();
      this.setBusy(-1);
    }
  }

  private setBusy(delta: number): void {
    const was = this.active > 0;
    this.active += delta;
    const is = this.active > 0;
    if (was !== is) this.deps.onBusy?.(is);
  }

  private done(outcome: InlineOutcome, uri: string, started: number, items: InlineCompletionItem[] | null = null, usage = ''): InlineCompletionItem[] | null {
    this.stats.outcomes[outcome]++;
    if (outcome !== 'disabled') this.deps.logger.debug(`inline ${outcome} ${idOf(uri)} ${(performance.now() - started).toFixed(0)} ms${usage ? ` (${usage})` : ''}`);
    return items;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
