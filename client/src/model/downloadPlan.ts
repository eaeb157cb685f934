/**
 * The pure parts of the model commands: checking a download URI the user typed, the consent
 * dialog's wording, recognising a cancelled request, turning absolute progress into the
 * increments `window.withProgress` wants, and checking a file's GGUF magic.
 */
import { DEFAULT_MODEL_URI } from '../../../server/src/protocol';
import { formatBytes, formatPercent } from './format';

/** Sizes of files this extension offers by name (bytes, as Hugging Face lists them). */
export const KNOWN_MODEL_SIZES: Readonly<Record<string, number>> = {
  // unsloth/medgemma-27b-text-it-GGUF, medgemma-27b-text-it-Q4_K_M.gguf: 16.5 GB.
  [DEFAULT_MODEL_URI]: 16.5e9,
};

/** A human name for the offered URIs; other URIs are shown as typed. */
const KNOWN_MODEL_NAMES: Readonly<Record<string, string>> = {
  [DEFAULT_MODEL_URI]: 'MedGemma 27B (text, instruction-tuned, Q4_K_M)',
};

/** What the progress notification calls the download: the model's name, else the URI. */
export function downloadLabel(uri: string): string {
  return KNOWN_MODEL_NAMES[uri] ?? uri;
}

/**
 * Why `text` is not a URI "Download Model…" can fetch, or undefined when it is one: an `hf:` URI
 * (`hf:owner/repo:QUANT`, `hf:owner/repo/file.gguf`, optionally `#branch`) or an https URL.
 */
export function validateDownloadUri(text: string): string | undefined {
  const uri = text.trim();
  if (uri === '') return 'Enter an hf: URI (e.g. hf:owner/repo:Q4_K_M) or an https URL of a .gguf file.';
  if (/^hf:/i.test(uri)) {
    return /^hf:[\w.-]+\/[\w.-]+(?::[\w.-]+|\/[^\s#]+)?(?:#[\w./-]+)?$/i.test(uri)
      ? undefined
      : 'An hf: URI names a repository and a file or quantisation: hf:owner/repo:Q4_K_M or hf:owner/repo/file.gguf.';
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'Not a URI. Enter an hf: URI or an https URL of a .gguf file.';
  }
  if (url.protocol === 'http:') return 'Use https: a model file is large and must arrive unaltered.';
  if (url.protocol !== 'https:') return `"${url.protocol}" is not supported; enter an hf: URI or an https URL.`;
  if (!url.hostname) return 'The URL has no host.';
  return undefined;
}

/** The URI the download offers first: the configured `hf:`/https one, else the default. */
export function offeredDownloadUri(configuredPath: string): string {
  const p = configuredPath.trim();
  return p !== '' && validateDownloadUri(p) === undefined && /^(?:hf:|https:)/i.test(p) ? p : DEFAULT_MODEL_URI;
}

export interface ConsentText {
  /** The modal's message (one line). */
  message: string;
  /** The modal's detail: size, destination, free space, what happens next. */
  detail: string;
}

/**
 * The consent dialog for downloading `uri` into `directory`. `freeBytes` (free space on that
 * disk, when known) adds a warning when the file would not fit.
 */
export function consentText(uri: string, directory: string, freeBytes?: number): ConsentText {
  const size = KNOWN_MODEL_SIZES[uri];
  const name = KNOWN_MODEL_NAMES[uri] ?? uri;
  const message = size === undefined ? `Download ${name}?` : `Download ${name}, about ${formatBytes(size)}?`;
  const lines: string[] = [];
  if (size === undefined) lines.push('Its size is shown once the download starts (MedGemma 27B at Q4_K_M is about 16.5 GB).');
  if (KNOWN_MODEL_NAMES[uri]) lines.push(`Source: ${uri}`);
  lines.push(`It will be saved in ${directory}.`);
  if (size !== undefined && freeBytes !== undefined && Number.isFinite(freeBytes) && freeBytes < size) {
    lines.push(`Only ${formatBytes(freeBytes)} is free on that disk: free some space first.`);
  }
  lines.push('The download runs only if you choose Download; you can cancel it, and running this command again resumes it.');
  return { message, detail: lines.join('\n') };
}

/** JSON-RPC codes for a request the client (RequestCancelled) or server (ServerCancelled) cancelled. */
const CANCELLED_CODES = new Set([-32800, -32802]);

/** Whether `err` is a cancelled request's rejection (or the user cancelled the token). */
export function isCancelled(err: unknown, tokenCancelled = false): boolean {
  if (tokenCancelled) return true;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'number' && CANCELLED_CODES.has(code);
}

/** The message of an error from a request, for the user (never an object dump). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return 'unknown error';
}

/**
 * Turns absolute progress (0..1, from status notifications) into the increments of 0..100 that
 * `Progress.report` adds up. Progress that goes backwards (a restarted phase) reports nothing.
 */
export class ProgressIncrements {
  private reported = 0;

  /** The increment for `fraction`, and a message such as `42%` or `42% of 16.5 GB`. */
  next(fraction: number | undefined, totalBytes?: number): { increment: number; message: string } | undefined {
    if (fraction === undefined || !Number.isFinite(fraction)) return undefined;
    const percent = Math.min(100, Math.max(0, fraction * 100));
    const increment = Math.max(0, percent - this.reported);
    this.reported = Math.max(this.reported, percent);
    const of = totalBytes !== undefined ? ` of ${formatBytes(totalBytes)}` : '';
    return { increment, message: `${formatPercent(fraction)}${of}` };
  }
}

/** Whether the first bytes of a file are GGUF's magic (`GGUF`). */
export function hasGgufMagic(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x47 && head[1] === 0x47 && head[2] === 0x55 && head[3] === 0x46;
}
