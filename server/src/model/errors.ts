/**
 * Model errors users meet, each with what happened, llama.cpp's own reason where it gave one,
 * and what to do. Never includes prompt or note text.
 */

export type ModelErrorCode =
  | 'file-missing'
  | 'not-gguf'
  | 'unsupported-architecture'
  | 'out-of-memory'
  | 'load-failed'
  | 'download-failed'
  | 'no-backend'
  | 'prompt-too-long'
  | 'disposed';

export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    /** llama.cpp's log lines that explain it (model metadata and loader messages only). */
    readonly reason?: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Architectures this product supports (Gemma 3: MedGemma 4B and 27B). */
export const SUPPORTED_ARCHITECTURES = ['gemma3'] as const;

/** The first bytes of every GGUF file. */
export const GGUF_MAGIC = 'GGUF';

/** True when a llama.cpp message says memory ran out. */
export function isOutOfMemory(text: string): boolean {
  return /out of memory|failed to allocate|cannot allocate|unable to allocate|ErrorOutOfDeviceMemory|cudaMalloc failed|insufficient memory|bad_alloc|not enough (?:memory|VRAM|RAM)/i.test(text);
}

export function outOfMemoryError(what: string, reason?: string): ModelError {
  return new ModelError(
    'out-of-memory',
    `Not enough memory to ${what}.`,
    reason,
    'Set a smaller "medgemmaNotes.model.contextSize", use a smaller quantisation (e.g. Q4_K_M instead of Q8_0) or the 4B model, offload fewer layers to the GPU ("medgemmaNotes.model.gpuLayers"), or turn off "medgemmaNotes.model.swaFullCache".',
  );
}

/** Last llama.cpp log lines worth showing with a failure (errors and warnings). */
export function reasonFrom(lines: readonly string[]): string | undefined {
  const useful = lines.filter((l) => /error|fail|invalid|unknown|missing|wrong|cannot|unable|not supported|unsupported|mismatch|expected/i.test(l));
  const picked = (useful.length > 0 ? useful : lines).slice(-6).map((l) => l.trim()).filter((l) => l.length > 0);
  return picked.length > 0 ? picked.join('\n') : undefined;
}
