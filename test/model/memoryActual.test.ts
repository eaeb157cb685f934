/**
 * The KV-cache plan from GGUF metadata against llama.cpp's own figures: for each configuration
 * the product loads the tiny Gemma 3 model and reports both `kvBytesPlanned` (memoryPlan.ts)
 * and `kvBytesActual` (parsed from llama.cpp's `llama_kv_cache: size = …` log lines).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTinyModel } from '../support/testModel';

interface Config {
  swaFullCache: boolean;
  sequences: number;
  contextSize: number;
  batchSize?: number;
}

const CONFIGS: Config[] = [
  { swaFullCache: true, sequences: 1, contextSize: 2048 },
  { swaFullCache: true, sequences: 2, contextSize: 1024 },
  { swaFullCache: false, sequences: 2, contextSize: 4096 },
  // Window 64 + batch 192 = 256 exactly: llama.cpp's n_ubatch of batch + 1 (node-llama-cpp adds
  // one for SWA models) tips the reduced SWA cache over to 512 cells.
  { swaFullCache: false, sequences: 1, contextSize: 2048, batchSize: 192 },
];

describe('KV memory plan vs llama.cpp', () => {
  for (const c of CONFIGS) {
    const label = `${c.swaFullCache ? 'full' : 'reduced'} SWA cache, ${c.sequences} sequence(s), ${c.contextSize} tokens${c.batchSize ? `, batch ${c.batchSize}` : ''}`;
    test(`${label}: planned within 10 % of llama.cpp's KV size`, async () => {
      const model = await loadTinyModel({ ...c, threads: 1 });
      try {
        const { kvBytesPlanned, kvBytesActual, contextSize, sequences, gqaGroup } = model.info;
        assert.equal(contextSize, c.contextSize);
        assert.equal(sequences, c.sequences);
        assert.equal(gqaGroup, 2, 'tiny model: 4 query heads / 2 KV heads');
        assert.ok(kvBytesActual > 0, 'llama.cpp\'s KV size lines were captured');
        const ratio = kvBytesPlanned / kvBytesActual;
        assert.ok(Math.abs(ratio - 1) <= 0.1, `planned ${kvBytesPlanned} B vs llama.cpp ${kvBytesActual} B (ratio ${ratio.toFixed(3)})`);
      } finally {
        await model.dispose();
      }
    });
  }
});
