/**
 * Generated test models, built once into `.test-cache/models/` and reused (never committed):
 * the file name carries a generator version so a change to the generator rebuilds them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { generateGemma3, type GenerateOptions, type Gemma3Shape, TINY_GEMMA3 } from './gguf/gemma3Model';

/** Bump when the generator's output changes. */
const GENERATOR_VERSION = 2;

export const MODEL_CACHE = path.resolve(__dirname, '..', '..', '.test-cache', 'models');

/** Path of a generated model, generating it first if it is not cached. */
export function generatedModel(shape: Gemma3Shape, options: GenerateOptions): string {
  mkdirSync(MODEL_CACHE, { recursive: true });
  const file = path.join(MODEL_CACHE, `${shape.name}-${options.weights}-emb${options.embedding}-s${options.seed}-v${GENERATOR_VERSION}.gguf`);
  if (!existsSync(file)) generateGemma3(file, shape, options);
  return file;
}

/** The tiny Gemma 3 test model (GQA 4/2, window 64, pattern 6, real vocabulary, Q8_0). */
export function tinyModelPath(): string {
  return generatedModel(TINY_GEMMA3, { weights: 'Q8_0', embedding: 'Q8_0', seed: 20251129, fill: 'quantize' });
}
