/**
 * KV-cache planning from attention metadata, checked against hand-computed bytes for MedGemma's
 * real shapes (the arithmetic is written out beside each figure).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type AttentionFacts, chooseContextSize, formatBytes, isSwaLayer, type KvPlanOptions, planKv, swaCellsPerSequence } from '../../../server/src/model/memoryPlan';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** MedGemma 27B (Gemma 3 27B): 62 layers, 32 query / 16 KV heads, head dim 128, window 1,024, pattern 6. */
const MEDGEMMA_27B: AttentionFacts = {
  layers: 62,
  heads: 32,
  kvHeads: 16,
  keyLength: 128,
  valueLength: 128,
  slidingWindow: 1024,
  slidingWindowPattern: 6,
  trainContextSize: 131072,
};

/** MedGemma 4B (Gemma 3 4B): 34 layers, 8 query / 4 KV heads, head dim 256, window 1,024, pattern 6. */
const MEDGEMMA_4B: AttentionFacts = {
  layers: 34,
  heads: 8,
  kvHeads: 4,
  keyLength: 256,
  valueLength: 256,
  slidingWindow: 1024,
  slidingWindowPattern: 6,
  trainContextSize: 131072,
};

const base: KvPlanOptions = { contextSize: 8192, sequences: 1, swaFullCache: true, cacheType: 'f16', ubatch: 512 };

describe('isSwaLayer', () => {
  test('pattern 6: five sliding-window layers, then one global (llama.cpp: il % 6 < 5)', () => {
    const kinds = Array.from({ length: 12 }, (_, l) => (isSwaLayer(MEDGEMMA_4B, l) ? 's' : 'G')).join('');
    assert.equal(kinds, 'sssssGsssssG');
  });

  test('no sliding window, or a pattern of 1 or 0: every layer is global', () => {
    for (const f of [{ ...MEDGEMMA_4B, slidingWindow: 0 }, { ...MEDGEMMA_4B, slidingWindowPattern: 1 }, { ...MEDGEMMA_4B, slidingWindowPattern: 0 }]) {
      for (let l = 0; l < 12; l++) assert.equal(isSwaLayer(f, l), false, `layer ${l}`);
    }
  });
});

describe('planKv: MedGemma 27B', () => {
  // Per layer and cached position: 16 KV heads × (128 + 128) K+V values × 2 bytes (f16) = 8,192 B.
  // Global layers are 5, 11, …, 59 (il % 6 = 5): 10 of them; the other 52 slide.
  test('full SWA cache, 8,192 tokens: every layer holds the whole context', () => {
    const plan = planKv(MEDGEMMA_27B, base);
    // 62 layers × 8,192 B × 8,192 cells = 4,160,749,568 B = 3.875 GiB
    assert.equal(plan.bytes, 4_160_749_568);
    assert.equal(plan.bytes, 3.875 * GiB);
    assert.equal(plan.globalLayers, 10);
    assert.equal(plan.swaLayers, 52);
    assert.equal(plan.globalCells, 8192);
    assert.equal(plan.swaCells, 8192);
    // 62 × 8,192 B = 507,904 B per token
    assert.equal(plan.bytesPerToken, 507_904);
    // 32 query heads share 16 KV heads: groups of 2
    assert.equal(plan.gqaGroup, 2);
  });

  test('reduced SWA cache: sliding layers keep PAD(window + ubatch, 256) cells', () => {
    const plan = planKv(MEDGEMMA_27B, { ...base, swaFullCache: false });
    // PAD(1,024 + 512, 256) = 1,536 cells
    assert.equal(plan.swaCells, 1536);
    // 10 × 8,192 B × 8,192 + 52 × 8,192 B × 1,536 = 671,088,640 + 654,311,424 = 1,325,400,064 B (1,264 MiB)
    assert.equal(plan.bytes, 1_325_400_064);
    assert.equal(plan.bytes, 1264 * MiB);
    assert.equal(plan.globalCells, 8192);
  });

  test('reduced SWA cache with llama.cpp\'s n_ubatch of batch + 1 (node-llama-cpp adds 1 for SWA models)', () => {
    const plan = planKv(MEDGEMMA_27B, { ...base, swaFullCache: false, ubatch: 513 });
    // PAD(1,024 + 513, 256) = 1,792 cells; 671,088,640 + 52 × 8,192 × 1,792 (763,363,328) = 1,434,451,968 B
    assert.equal(plan.swaCells, 1792);
    assert.equal(plan.bytes, 1_434_451_968);
  });

  test('q8_0 cache: 34 bytes per block of 32 values', () => {
    const plan = planKv(MEDGEMMA_27B, { ...base, cacheType: 'q8_0' });
    // 16 × 256 values × 34/32 B = 4,352 B per layer and cell; 62 × 4,352 × 8,192 = 2,210,398,208 B
    assert.equal(plan.bytes, 2_210_398_208);
    assert.equal(plan.bytesPerToken, 62 * 4352);
  });

  test('q4_0 cache: 18 bytes per block of 32 values', () => {
    const plan = planKv(MEDGEMMA_27B, { ...base, cacheType: 'q4_0' });
    // 16 × 256 × 18/32 = 2,304 B; 62 × 2,304 × 8,192 = 1,170,210,816 B
    assert.equal(plan.bytes, 1_170_210_816);
  });

  test('several sequences: each holds its own cells', () => {
    const one = planKv(MEDGEMMA_27B, { ...base, swaFullCache: false });
    const three = planKv(MEDGEMMA_27B, { ...base, swaFullCache: false, sequences: 3 });
    // 3 × 1,325,400,064 = 3,976,200,192 B
    assert.equal(three.bytes, 3_976_200_192);
    assert.equal(three.bytes, 3 * one.bytes);
    // Per-token cost and cells are per sequence.
    assert.equal(three.bytesPerToken, one.bytesPerToken);
    assert.equal(three.swaCells, one.swaCells);
  });
});

describe('planKv: MedGemma 4B', () => {
  // Per layer and position: 4 KV heads × (256 + 256) × 2 B = 4,096 B. Globals: 5, 11, 17, 23, 29 → 5; 29 slide.
  test('full SWA cache, 8,192 tokens', () => {
    const plan = planKv(MEDGEMMA_4B, base);
    // 34 × 4,096 × 8,192 = 1,140,850,688 B (1,088 MiB)
    assert.equal(plan.bytes, 1_140_850_688);
    assert.equal(plan.globalLayers, 5);
    assert.equal(plan.swaLayers, 29);
    assert.equal(plan.bytesPerToken, 34 * 4096);
    // 8 query heads / 4 KV heads
    assert.equal(plan.gqaGroup, 2);
  });

  test('reduced SWA cache, two sequences', () => {
    const plan = planKv(MEDGEMMA_4B, { ...base, swaFullCache: false, sequences: 2 });
    // (5 × 4,096 × 8,192 + 29 × 4,096 × 1,536) × 2 = (167,772,160 + 182,452,224) × 2 = 700,448,768 B
    assert.equal(plan.bytes, 700_448_768);
  });

  test('a context shorter than the SWA cache: sliding layers hold the context, as with the full cache', () => {
    const reduced = planKv(MEDGEMMA_4B, { ...base, contextSize: 1024, swaFullCache: false });
    assert.equal(reduced.swaCells, 1024);
    // 34 × 4,096 × 1,024 = 142,606,336 B
    assert.equal(reduced.bytes, 142_606_336);
    assert.equal(reduced.bytes, planKv(MEDGEMMA_4B, { ...base, contextSize: 1024 }).bytes);
  });

  test('GQA is what keeps it small: KV heads, not query heads, multiply the bytes', () => {
    const mha = planKv({ ...MEDGEMMA_4B, kvHeads: 8 }, base);
    assert.equal(mha.bytes, 2 * planKv(MEDGEMMA_4B, base).bytes);
    assert.equal(mha.gqaGroup, 1);
  });
});

describe('planKv: other shapes', () => {
  test('per-layer KV heads are summed layer by layer', () => {
    const facts: AttentionFacts = { ...MEDGEMMA_4B, layers: 3, kvHeads: [1, 2, 4], slidingWindow: 0, slidingWindowPattern: 0 };
    const plan = planKv(facts, { ...base, contextSize: 256 });
    // (1 + 2 + 4) heads × 512 values × 2 B × 256 cells = 1,835,008 B
    assert.equal(plan.bytes, 1_835_008);
    assert.equal(plan.bytesPerToken, 7 * 1024);
    // The group size is reported for the first layer: 8 / 1.
    assert.equal(plan.gqaGroup, 8);
    assert.equal(plan.globalLayers, 3);
  });

  test('K and V head dims may differ', () => {
    const plan = planKv({ ...MEDGEMMA_4B, keyLength: 192, valueLength: 128, slidingWindow: 0 }, { ...base, contextSize: 256 });
    // 34 × 4 × (192 + 128) × 2 B × 256 = 22,282,240 B
    assert.equal(plan.bytes, 22_282_240);
  });

  test('no sliding window: the reduced-cache option changes nothing', () => {
    const facts = { ...MEDGEMMA_4B, slidingWindow: 0 };
    assert.equal(planKv(facts, { ...base, swaFullCache: false }).bytes, planKv(facts, base).bytes);
    assert.equal(swaCellsPerSequence(facts, { ...base, swaFullCache: false }), 8192);
  });

  test('zero KV heads does not divide by zero', () => {
    assert.equal(planKv({ ...MEDGEMMA_4B, kvHeads: 0 }, base).gqaGroup, 1);
  });
});

describe('chooseContextSize', () => {
  // Full cache on 4B: 34 × 4,096 B = 139,264 B per token, linear in the context.
  const opts = { sequences: 1, swaFullCache: true, cacheType: 'f16' as const, ubatch: 512 };
  const fits = (facts: AttentionFacts, n: number, budget: number, o = opts): boolean => planKv(facts, { ...o, contextSize: n }).bytes <= budget;

  test('a budget of exactly 12,288 tokens picks 12,288; one byte less picks 12,032', () => {
    const exact = 12288 * 139_264;
    assert.deepEqual([chooseContextSize(MEDGEMMA_4B, exact, opts).contextSize, chooseContextSize(MEDGEMMA_4B, exact, opts).reason], [12288, 'fits']);
    assert.equal(chooseContextSize(MEDGEMMA_4B, exact - 1, opts).contextSize, 12032);
  });

  test('always the largest fitting multiple of 256 (many budgets, both cache kinds, both models)', () => {
    for (const facts of [MEDGEMMA_4B, MEDGEMMA_27B]) {
      for (const swaFullCache of [true, false]) {
        const o = { ...opts, swaFullCache, sequences: 2 };
        for (let budget = 1.5 * GiB; budget <= 20 * GiB; budget += 0.37 * GiB) {
          const choice = chooseContextSize(facts, budget, o);
          if (choice.reason !== 'fits') continue;
          assert.equal(choice.contextSize % 256, 0);
          assert.ok(fits(facts, choice.contextSize, budget, o), `${choice.contextSize} fits ${budget}`);
          assert.ok(!fits(facts, choice.contextSize + 256, budget, o), `${choice.contextSize + 256} does not fit ${budget}`);
          assert.equal(choice.plan.bytes, planKv(facts, { ...o, contextSize: choice.contextSize }).bytes);
        }
      }
    }
  });

  test('the reduced SWA cache fits a longer context in the same memory', () => {
    const budget = 4 * GiB;
    const full = chooseContextSize(MEDGEMMA_27B, budget, opts);
    const reduced = chooseContextSize(MEDGEMMA_27B, budget, { ...opts, swaFullCache: false });
    // Full: 4 GiB / 507,904 B per token = 8,456 → 8,448. Reduced: 10 × 8,192 B per token on global
    // layers plus 52 × 8,192 × 1,536 fixed: (4,294,967,296 − 654,311,424) / 81,920 = 44,441 → 44,288.
    assert.equal(full.contextSize, 8448);
    assert.equal(reduced.contextSize, 44288);
  });

  test('plenty of memory: the training context, or the caller\'s maximum', () => {
    assert.deepEqual([chooseContextSize(MEDGEMMA_4B, 1e15, opts).contextSize, chooseContextSize(MEDGEMMA_4B, 1e15, opts).reason], [131072, 'train-limit']);
    assert.equal(chooseContextSize(MEDGEMMA_4B, 1e15, { ...opts, maximum: 32768 }).contextSize, 32768);
    // An unknown training context (0) is treated as 8,192.
    assert.equal(chooseContextSize({ ...MEDGEMMA_4B, trainContextSize: 0 }, 1e15, opts).contextSize, 8192);
  });

  test('too little memory even for the minimum: the minimum, flagged', () => {
    const choice = chooseContextSize(MEDGEMMA_27B, 1 * MiB, opts);
    assert.equal(choice.contextSize, 2048);
    assert.equal(choice.reason, 'minimum');
    assert.ok(choice.plan.bytes > 1 * MiB);
    const custom = chooseContextSize(MEDGEMMA_27B, 1 * MiB, { ...opts, minimum: 512 });
    assert.deepEqual([custom.contextSize, custom.reason], [512, 'minimum']);
  });

  test('the minimum never exceeds the maximum', () => {
    const choice = chooseContextSize({ ...MEDGEMMA_4B, trainContextSize: 1024 }, 1, { ...opts, minimum: 4096 });
    assert.equal(choice.contextSize, 1024);
  });

  test('a budget between the minimum and the next multiple of 256 keeps the minimum', () => {
    // Minimum 1,000 (not a multiple of 256) fits, 1,024 does not.
    const budget = 1000 * 139_264;
    const choice = chooseContextSize(MEDGEMMA_4B, budget, { ...opts, minimum: 1000 });
    assert.deepEqual([choice.contextSize, choice.reason], [1000, 'fits']);
  });
});

describe('formatBytes', () => {
  test('bytes, then one decimal below 100 of a unit, none above', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1024), '1.0 KiB');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(100 * 1024), '100 KiB');
    assert.equal(formatBytes(512 * MiB), '512 MiB');
    assert.equal(formatBytes(1.5 * GiB), '1.5 GiB');
    assert.equal(formatBytes(4_160_749_568), '3.9 GiB');
    assert.equal(formatBytes(2048 * 1024 * GiB), '2048 TiB');
  });
});
