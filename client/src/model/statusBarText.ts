/**
 * What the model's status bar item says for a `ModelView`: text with codicons, a plain-text
 * tooltip, what a click does and whether the item is coloured. Pure, so every state is tested
 * without VS Code.
 */
import type { ModelState } from '../../../server/src/protocol';
import { MODEL_STATUS_SCHEME } from './commandIds';
import { formatBytes, formatContextShort, formatParameters, formatPercent, formatRate, shortModelName } from './format';
import type { ModelView } from './statusStore';

/** `setup` offers Select/Download (nothing to show yet); `status` opens "Show Model Status". */
export type StatusBarClick = 'setup' | 'status';

export interface StatusBarPresentation {
  text: string;
  tooltip: string;
  click: StatusBarClick;
  /** `error` paints the item with the theme's error background. */
  background: 'error' | undefined;
}

/** The state the UI shows: Restricted Mode wins, because the server then loads nothing. */
export function effectiveState(view: ModelView): ModelState | 'starting' | 'stopped' | 'unknown' {
  if (!view.trusted) return 'untrusted';
  if (view.server === 'stopped') return 'stopped';
  if (view.server === 'starting') return 'starting';
  return view.status?.state ?? 'unknown';
}

const PREFIX = 'MedGemma';
const CLICK_STATUS = 'Click for the model status.';

function withProgress(word: string, progress: number | undefined): string {
  return progress === undefined ? word : `${word} ${formatPercent(progress)}`;
}

/** The status bar item for `view`. */
export function statusBarPresentation(view: ModelView): StatusBarPresentation {
  const status = view.status;
  const state = effectiveState(view);
  switch (state) {
    case 'untrusted':
      return {
        text: `$(shield) ${PREFIX}: restricted`,
        tooltip: `Restricted Mode: this workspace is not trusted, so no model is loaded. The rules, scores and triage still run.\n${CLICK_STATUS}`,
        click: 'status',
        background: undefined,
      };
    case 'stopped':
      return {
        text: `$(debug-disconnect) ${PREFIX}: server stopped`,
        tooltip: `The MedGemma Notes language server is not running. Run "MedGemma Notes: Restart Language Server", or "Show Output" for the reason.\n${CLICK_STATUS}`,
        click: 'status',
        background: undefined,
      };
    case 'starting':
      return { text: `$(loading~spin) ${PREFIX}: starting`, tooltip: `The MedGemma Notes language server is starting.\n${CLICK_STATUS}`, click: 'status', background: undefined };
    case 'unknown':
      return { text: `$(question) ${PREFIX}`, tooltip: `The language server has not reported the model's state.\n${CLICK_STATUS}`, click: 'status', background: undefined };
    case 'none':
      return {
        text: `$(circle-slash) ${PREFIX}: no model`,
        tooltip: 'No model is loaded. The rules, scores and triage work without one.\nClick to select a GGUF file or download MedGemma.',
        click: 'setup',
        background: undefined,
      };
    case 'downloading':
      return {
        text: `$(cloud-download) ${PREFIX}: ${withProgress('downloading', status?.progress)}`,
        tooltip: `Downloading the model file (cancel from the progress notification; running "Download Model…" again resumes).\n${CLICK_STATUS}`,
        click: 'status',
        background: undefined,
      };
    case 'loading':
      return {
        text: `$(loading~spin) ${PREFIX}: ${withProgress('loading', status?.progress)}`,
        tooltip: `Loading ${status?.info?.name ?? 'the model'}.\n${CLICK_STATUS}`,
        click: 'status',
        background: undefined,
      };
    case 'ready':
      return readyPresentation(view);
    case 'error': {
      const error = status?.error;
      const lines = [`The model could not be loaded: ${error?.message ?? 'unknown error'}`];
      if (error?.reason) lines.push(`llama.cpp: ${error.reason}`);
      if (error?.hint) lines.push(`What to do: ${error.hint}`);
      lines.push(CLICK_STATUS);
      return { text: `$(error) ${PREFIX}: model error`, tooltip: lines.join('\n'), click: 'status', background: 'error' };
    }
  }
}

function readyPresentation(view: ModelView): StatusBarPresentation {
  const info = view.status?.info;
  const name = info ? shortModelName(info.name) : 'model';
  const context = info ? ` · ${formatContextShort(info.contextSize)} context` : '';
  const tooltip: string[] = [];
  if (info) {
    tooltip.push(`${info.name}: ${info.architecture}, ${formatParameters(info.parameters)} parameters, ${info.quantisation}`);
    tooltip.push(`Context ${formatContextShort(info.contextSize)} tokens, KV cache ${formatBytes(info.kvBytesActual || info.kvBytesPlanned, 'binary')}, ${info.backend}`);
  }
  const stats = view.status?.stats;
  if (stats && stats.requests > 0) tooltip.push(`Generation ${formatRate(stats.tokensPerSecond)}`);
  if (view.busy) {
    return { text: `$(loading~spin) ${PREFIX}: computing ${view.busy}`, tooltip: [...tooltip, CLICK_STATUS].join('\n'), click: 'status', background: undefined };
  }
  return { text: `$(check) ${name}${context}`, tooltip: ['Model ready.', ...tooltip, CLICK_STATUS].join('\n'), click: 'status', background: undefined };
}

/**
 * Whether the item shows: in clinical-note editors and the status document it opens, and while a
 * download or load runs wherever the user is (their only sign of progress once the notification
 * is hidden). `active` is the active editor's document, if any.
 */
export function shouldShowStatusBar(active: { languageId: string; scheme: string } | undefined, view: ModelView): boolean {
  if (active?.languageId === 'clinical-note' || active?.scheme === MODEL_STATUS_SCHEME) return true;
  const state = effectiveState(view);
  return state === 'downloading' || state === 'loading';
}
