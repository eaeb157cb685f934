/**
 * The "Show Model Status" document: Markdown read as source in a read-only editor, so its first
 * lines say the state and the model file plainly (`# Model status: ready`,
 * `Model file: tiny-gemma3.gguf`). Pure: it renders a `ModelView` and a few settings.
 */
import type { ModelInfo, ModelStats, ModelStatus } from '../../../server/src/protocol';
import { formatBytes, formatContextShort, formatCount, formatParameters, formatPercent, formatRate, modelFileName } from './format';
import { effectiveState } from './statusBarText';
import type { ModelView } from './statusStore';

/** Settings and places the document mentions besides the server's report. */
export interface StatusDocumentContext {
  /** `medgemmaNotes.model.path` as configured ('' when unset). */
  configuredPath: string;
  /** Where "Download Model…" saves files. */
  downloadDirectory: string;
}

/** The headline word(s) after `# Model status:`. */
export function statusHeadline(view: ModelView): string {
  const state = effectiveState(view);
  const progress = view.status?.progress;
  switch (state) {
    case 'none': return 'no model';
    case 'untrusted': return 'restricted';
    case 'downloading': return progress === undefined ? 'downloading' : `downloading ${formatPercent(progress)}`;
    case 'loading': return progress === undefined ? 'loading' : `loading ${formatPercent(progress)}`;
    case 'stopped': return 'server not running';
    case 'starting': return 'server starting';
    case 'unknown': return 'unknown';
    default: return state;
  }
}

/** The whole document for `view`. */
export function statusDocument(view: ModelView, ctx: StatusDocumentContext): string {
  const state = effectiveState(view);
  const status = view.status;
  const lines: string[] = [`# Model status: ${statusHeadline(view)}`, ''];
  const fileName = status?.info?.name ?? (ctx.configuredPath ? modelFileName(ctx.configuredPath) : undefined);
  if (fileName) lines.push(`Model file: ${fileName}`);
  const path = status?.info?.path ?? ctx.configuredPath;
  if (path && path !== fileName) lines.push(`Path: ${path}`);
  if (fileName || path) lines.push('');

  lines.push(...summary(state, view, ctx));

  if (status?.error) lines.push('', ...errorSection(status.error));
  if (status?.info) lines.push('', ...modelSection(status.info), '', ...contextSection(status.info));
  if (status?.stats) lines.push('', ...statsSection(status.stats));
  lines.push('', '---', 'Everything runs on this computer: no note text leaves it. Refreshes while open.');
  return lines.join('\n') + '\n';
}

function summary(state: ReturnType<typeof effectiveState>, view: ModelView, ctx: StatusDocumentContext): string[] {
  switch (state) {
    case 'untrusted':
      return [
        'This workspace is not trusted (Restricted Mode), so no model is loaded and no model file is read or downloaded:',
        'a workspace could otherwise point `medgemmaNotes.model.path` at any file. The rules, scores and triage still run.',
        'Run "Workspaces: Manage Workspace Trust" to trust this folder if you trust its contents.',
      ];
    case 'stopped':
      return [
        'The MedGemma Notes language server is not running, so it cannot report on the model.',
        'It starts when a clinical note (.cnote, .note) is opened; run "MedGemma Notes: Restart Language Server" to start it again, or "MedGemma Notes: Show Output" to see why it stopped.',
      ];
    case 'starting':
      return ['The MedGemma Notes language server is still starting. Run "MedGemma Notes: Show Model Status" again in a moment.'];
    case 'unknown':
      return ['The language server has not reported the model\'s state (it may be an older server). The rules, scores and triage run without a model.'];
    case 'none':
      return [
        ctx.configuredPath
          ? 'No model is loaded. Run "MedGemma Notes: Load Model" to load the configured file.'
          : 'No model is configured (`medgemmaNotes.model.path` is empty). The rules, scores and triage work without one.',
        `Run "MedGemma Notes: Select Model File…" to use a GGUF file you have, or "MedGemma Notes: Download Model…" to download MedGemma 27B (about 16.5 GB, into ${ctx.downloadDirectory}).`,
      ];
    case 'downloading':
      return [`The model file is downloading into ${ctx.downloadDirectory}. Cancel it from its progress notification; running "Download Model…" again resumes it.`];
    case 'loading':
      return ['The model is loading. The rules, scores and triage keep working meanwhile.'];
    case 'ready':
      return [view.busy ? `The model is loaded and computing a ${view.busy}.` : 'The model is loaded and ready.'];
    case 'error':
      return ['The model could not be loaded. The rules, scores and triage keep working without it.'];
  }
}

function errorSection(error: NonNullable<ModelStatus['error']>): string[] {
  const lines = ['## Error', '', error.message];
  if (error.reason) lines.push('', "llama.cpp's reason:", '', '```text', error.reason.trimEnd(), '```');
  if (error.hint) lines.push('', `What to do: ${error.hint}`);
  return lines;
}

function modelSection(info: ModelInfo): string[] {
  const swa = info.slidingWindow > 0
    ? `${formatCount(info.slidingWindow)} tokens; every ${ordinal(info.slidingWindowPattern)} layer is global (pattern ${info.slidingWindowPattern})`
    : 'none (every layer attends to the whole context)';
  return [
    '## Model',
    '',
    `- Architecture: ${info.architecture}`,
    `- Parameters: ${formatParameters(info.parameters)}`,
    `- Quantisation: ${info.quantisation}`,
    `- File size: ${formatBytes(info.fileBytes)}`,
    `- Layers: ${formatCount(info.layers)}`,
    `- Embedding length: ${formatCount(info.embeddingLength)}`,
    `- Attention heads: ${formatCount(info.heads)} query, ${formatCount(info.kvHeads)} KV (GQA group ${formatCount(info.gqaGroup)}: ${formatCount(info.gqaGroup)} query heads share each KV head)`,
    `- Head dimension: ${formatCount(info.headDim)}`,
    `- Sliding window: ${swa}`,
    `- Training context: ${formatCount(info.trainContextSize)} tokens`,
  ];
}

function contextSection(info: ModelInfo): string[] {
  const share = info.trainContextSize > 0 ? ` (${formatPercent(info.contextSize / info.trainContextSize, 1)} of the ${formatContextShort(info.trainContextSize)} it was trained on)` : '';
  return [
    '## Context and memory',
    '',
    `- Context size: ${formatCount(info.contextSize)} tokens${share}`,
    `- SWA full cache: ${info.swaFullCache ? 'on (every sliding-window position kept: prefix reuse is exact after any edit)' : 'off (less memory; edits far from the end re-evaluate more)'}`,
    `- KV cache: ${kvComparison(info.kvBytesPlanned, info.kvBytesActual)}`,
    `- Backend: ${info.backend}`,
    `- GPU layers: ${formatCount(info.gpuLayers)} of ${formatCount(info.layers)}`,
    `- Threads: ${formatCount(info.threads)}`,
    `- Sequences (notes with their own KV cache): ${formatCount(info.sequences)}`,
  ];
}

/** Planned KV bytes against llama.cpp's figure, with the difference when both are known. */
export function kvComparison(planned: number, actual: number): string {
  const plannedText = `${formatBytes(planned, 'binary')} planned`;
  if (!(actual > 0)) return `${plannedText}; llama.cpp has not reported its size`;
  const base = `${plannedText}, ${formatBytes(actual, 'binary')} by llama.cpp`;
  if (!(planned > 0)) return base;
  const diff = (planned - actual) / actual;
  const sign = diff >= 0 ? '+' : '−';
  return `${base} (plan ${sign}${(Math.abs(diff) * 100).toFixed(1)}%)`;
}

function statsSection(stats: ModelStats): string[] {
  const reuse = stats.promptTokens > 0 ? ` (${formatPercent(stats.reusedTokens / stats.promptTokens, 1)} reused)` : '';
  return [
    '## Activity since loading',
    '',
    `- Requests: ${formatCount(stats.requests)} (${formatCount(stats.cancelled)} cancelled)`,
    `- Generation speed: ${stats.requests > 0 ? formatRate(stats.tokensPerSecond) : 'no generation yet'}`,
    `- Prompt tokens: ${formatCount(stats.promptTokens)}${reuse}`,
    `- Reused from the KV cache: ${formatCount(stats.reusedTokens)}`,
    `- Re-evaluated: ${formatCount(stats.reevaluatedTokens)}`,
    `- Generated: ${formatCount(stats.generatedTokens)}`,
  ];
}

function ordinal(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return `${n}th`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * A key that changes when the document would say something different enough to refresh it:
 * state, whole-percent progress, trust, server, busy, file, error and request count. Progress
 * notifications arrive many times a second during a download; this keeps refreshes to one per
 * percent.
 */
export function refreshKey(view: ModelView): string {
  const s = view.status;
  const pct = s?.progress === undefined ? '' : Math.floor(s.progress * 100).toString();
  return [effectiveState(view), pct, view.busy ?? '', s?.info?.path ?? '', s?.info?.contextSize ?? '', s?.error?.message ?? '', s?.stats?.requests ?? ''].join('|');
}
