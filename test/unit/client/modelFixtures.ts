/** Model statuses as the server reports them, for the client's pure model-UI tests. */
import type { ModelInfo, ModelStats, ModelStatus } from '../../../server/src/protocol';
import type { ModelView } from '../../../client/src/model/statusStore';

/** MedGemma 27B's real shape (62 layers, 32/16 heads, window 1,024, pattern 6) at Q4_K_M. */
export const info27b: ModelInfo = {
  path: '/home/clinician/.models/medgemma-27b-text-it-Q4_K_M.gguf',
  name: 'medgemma-27b-text-it-Q4_K_M.gguf',
  architecture: 'gemma3',
  parameters: 27_009_002_240,
  quantisation: 'Q4_K_M',
  fileBytes: 16_546_689_312,
  layers: 62,
  embeddingLength: 5376,
  heads: 32,
  kvHeads: 16,
  gqaGroup: 2,
  headDim: 128,
  slidingWindow: 1024,
  slidingWindowPattern: 6,
  trainContextSize: 131_072,
  contextSize: 8192,
  swaFullCache: true,
  kvBytesPlanned: 2 * 1024 ** 3,
  kvBytesActual: 2.05 * 1024 ** 3,
  backend: 'cuda',
  gpuLayers: 62,
  threads: 8,
  sequences: 2,
};

export const stats: ModelStats = {
  requests: 12,
  promptTokens: 20_000,
  reusedTokens: 19_000,
  reevaluatedTokens: 1000,
  generatedTokens: 480,
  tokensPerSecond: 21.44,
  cancelled: 3,
};

/** A view of a running, trusted server reporting `status`. */
export function running(status: ModelStatus | undefined, extra: Partial<ModelView> = {}): ModelView {
  return { status, server: 'running', trusted: true, busy: undefined, ...extra };
}
