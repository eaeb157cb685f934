/**
 * `npm run bench:kv [-- --model PATH | --shape 4b|27b] [--runs N] [--threads N] [--data DIR]`
 *
 * Time to first token after an edit, with the document's KV sequence reused and with a fresh
 * sequence, measured side by side (interleaved runs, medians, threads fixed). The document is
 * an ACI-Bench encounter (its visit note followed by the visit transcript), chosen as the one
 * closest to 2,200 Gemma 3 tokens. For edit distances of 10, 50, 300 and 1,000 tokens from the
 * end it prints one JSON line per case:
 *   {docTokens, editDistance, reevaluatedTokens, freshTokens, msReuse, msFresh, ratio, tokenRatio}
 * Default model: the tiny generated test model. `--shape 4b` generates (once, ~2.3 GB, cached)
 * a random-weight model with MedGemma 4B's real dimensions; `--shape 27b` one with 27B's (~15 GB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { silentLogger } from '../server/src/logger';
import { startBackend } from '../server/src/model/llamaBackend';
import { loadTextModel } from '../server/src/model/llamaTextModel';
import { MEDGEMMA_27B_SHAPE, MEDGEMMA_4B_SHAPE } from '../test/support/gguf/gemma3Model';
import { generatedModel, tinyModelPath } from '../test/support/models';
import { dataDir, parseCsv } from './sharedData';

const DISTANCES = [10, 50, 300, 1000];
const TARGET_TOKENS = 2200;
const EDIT = ' The patient reports the pain is worse at night.';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function modelPath(): string {
  const explicit = arg('model');
  if (explicit) return path.resolve(explicit);
  const shape = arg('shape');
  if (shape === '4b') return generatedModel(MEDGEMMA_4B_SHAPE, { weights: 'Q4_0', embedding: 'Q8_0', seed: 4, fill: 'random-blocks' });
  if (shape === '27b') return generatedModel(MEDGEMMA_27B_SHAPE, { weights: 'Q4_0', embedding: 'Q8_0', seed: 27, fill: 'random-blocks' });
  return tinyModelPath();
}

async function main(): Promise<void> {
  const runs = Number(arg('runs') ?? 5);
  const threads = Number(arg('threads') ?? 2);
  const file = modelPath();
  const backend = await startBackend({ gpu: arg('gpu') === 'auto' ? 'auto' : false, logger: silentLogger });
  const model = await loadTextModel(backend, { path: file, gpuLayers: arg('gpu') === 'auto' ? 'max' : 0, contextSize: 4096, threads, swaFullCache: true, sequences: 2, logger: silentLogger });
  try {
    const dir = path.join(dataDir(), 'aci_bench');
    let best: { text: string; tokens: number; id: string } | undefined;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv') && !f.includes('metadata')).sort()) {
      for (const r of parseCsv(readFileSync(path.join(dir, f), 'utf8'))) {
        if (!r.note || !r.dialogue) continue;
        const text = `${r.note}\n\nVISIT TRANSCRIPT\n${r.dialogue}`;
        const tokens = model.tokenize(text).length + 1;
        if (!best || Math.abs(tokens - TARGET_TOKENS) < Math.abs(best.tokens - TARGET_TOKENS)) best = { text, tokens, id: `${f}:${r.encounter_id ?? ''}` };
      }
    }
    if (!best) throw new Error('no ACI-Bench encounter found');
    const original = [model.bos, ...model.tokenize(best.text)];
    process.stderr.write(`model ${path.basename(file)} (${model.info.layers} layers, ${model.info.heads}/${model.info.kvHeads} heads, threads ${threads}); document ${best.id}: ${original.length} tokens; ${runs} runs per case\n`);

    for (const distance of DISTANCES) {
      // Insert the edit where the token `distance` from the end starts.
      const at = original.length - distance;
      const edited = [...original.slice(0, at), ...model.tokenize(EDIT), ...original.slice(at)];
      const after = edited.length - at;
      const reuseMs: number[] = [];
      const freshMs: number[] = [];
      let reevaluated = 0;
      let freshTokens = 0;
      for (let r = 0; r < runs; r++) {
        // Reuse: the document's sequence holds the note before the edit (as after the last keystroke).
        await model.generate('doc', { tokens: original }, { maxTokens: 1 });
        let t = process.hrtime.bigint();
        const reused = await model.generate('doc', { tokens: edited }, { maxTokens: 1 });
        reuseMs.push(Number(process.hrtime.bigint() - t) / 1e6);
        reevaluated = reused.usage.reevaluatedTokens;
        if (reused.usage.reuse !== 'prefix') throw new Error(`expected prefix reuse, got ${reused.usage.reuse}`);
        t = process.hrtime.bigint();
        const fresh = await model.generate('fresh', { tokens: edited }, { maxTokens: 1, reuse: false });
        freshMs.push(Number(process.hrtime.bigint() - t) / 1e6);
        freshTokens = fresh.usage.reevaluatedTokens;
      }
      if (reevaluated > after + 2) throw new Error(`re-evaluated ${reevaluated} tokens, but only ${after} follow the edit`);
      const msReuse = median(reuseMs);
      const msFresh = median(freshMs);
      console.log(
        JSON.stringify({
          docTokens: edited.length,
          editDistance: distance,
          reevaluatedTokens: reevaluated,
          freshTokens,
          msReuse: Math.round(msReuse * 10) / 10,
          msFresh: Math.round(msFresh * 10) / 10,
          ratio: Math.round((msFresh / msReuse) * 10) / 10,
          tokenRatio: Math.round((freshTokens / reevaluated) * 10) / 10,
        }),
      );
    }
  } finally {
    await model.dispose();
    await backend.llama.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
