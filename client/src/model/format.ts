/**
 * Number formatting for the model's status bar item and status document. Pure: no `vscode`, so
 * the tests run without an editor. Every function answers "unknown" for a value that is not a
 * finite, non-negative number, because the figures come from another process and a bad one must
 * never show as `NaN GB`.
 */

const UNKNOWN = 'unknown';

function usable(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/** One decimal below 100 (`16.5`), none from 100 up (`532`). */
function scaled(value: number): string {
  return value < 100 ? value.toFixed(1) : Math.round(value).toString();
}

/**
 * A byte count with a unit. `decimal` (kB, MB, GB: what Hugging Face and disk tools show) suits
 * file sizes: MedGemma 27B at Q4_K_M is "16.5 GB". `binary` (KiB, MiB, GiB: what llama.cpp logs)
 * suits memory such as the KV cache.
 */
export function formatBytes(bytes: number, units: 'decimal' | 'binary' = 'decimal'): string {
  if (!usable(bytes)) return UNKNOWN;
  const base = units === 'decimal' ? 1000 : 1024;
  const names = units === 'decimal' ? ['kB', 'MB', 'GB', 'TB'] : ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < base) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = '';
  for (const name of names) {
    value /= base;
    unit = name;
    // Stop once the value reads naturally; `scaled` may round 999.96 up to 1000, so compare to
    // the rounded figure.
    if (Number(scaled(value)) < base) break;
  }
  return `${scaled(value)} ${unit}`;
}

/** A parameter count as models are named: 27.0 B, 4.3 B, 270 M, 12.5 K. */
export function formatParameters(count: number): string {
  if (!usable(count)) return UNKNOWN;
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)} B`;
  if (count >= 1e6) return `${scaled(count / 1e6)} M`;
  if (count >= 1e3) return `${scaled(count / 1e3)} K`;
  return Math.round(count).toString();
}

/** An integer with thousands separators (`8,192`), independent of the machine's locale. */
export function formatCount(n: number): string {
  if (!usable(n)) return UNKNOWN;
  return Math.round(n).toLocaleString('en-US');
}

/** A fraction 0..1 as a percentage (`42%`), clamped, with `digits` decimals. */
export function formatPercent(fraction: number, digits = 0): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return UNKNOWN;
  const clamped = Math.min(1, Math.max(0, fraction));
  return `${(clamped * 100).toFixed(digits)}%`;
}

/** A context size for the status bar: `8K` for whole multiples of 1,024, else `3,000`. */
export function formatContextShort(tokens: number): string {
  if (!usable(tokens) || tokens === 0) return UNKNOWN;
  return tokens % 1024 === 0 ? `${tokens / 1024}K` : formatCount(tokens);
}

/** Tokens per second with one decimal. */
export function formatRate(tokensPerSecond: number): string {
  if (!usable(tokensPerSecond)) return UNKNOWN;
  return `${tokensPerSecond.toFixed(1)} tokens/s`;
}

/**
 * The file name of a model path, for display: the last segment of a POSIX or Windows path, or an
 * `hf:`/https URI unchanged (its last segment alone would hide where it comes from).
 */
export function modelFileName(pathOrUri: string): string {
  const trimmed = pathOrUri.trim();
  if (/^(?:hf:|https?:)/i.test(trimmed)) return trimmed;
  const parts = trimmed.split(/[\\/]/).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? trimmed;
}

/** `text` ending in a full stop (unless it already ends a sentence), to join messages with hints. */
export function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** A model name for the status bar: the file name without `.gguf`. */
export function shortModelName(name: string): string {
  return modelFileName(name).replace(/\.gguf$/i, '');
}
