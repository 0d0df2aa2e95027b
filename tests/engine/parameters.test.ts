// The one parameter counter (src/engine/parameters.ts): hand-computed models, the layer rules, the
// published totals, and a check that no other module counts parameters.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMoeLayer, layerWindow } from '../../src/engine/architecture';
import { attentionParams, countParameters } from '../../src/engine/parameters';
import type { ModelArchitecture } from '../../src/engine/types';

const attentionParamsPerLayer = (m: ModelArchitecture) => {
  const a = attentionParams(m);
  return a.qkv + a.out + a.norms;
};
const countMoeLayers = (m: ModelArchitecture) => Array.from({ length: m.numLayers }, (_, i) => i).filter((i) => isMoeLayer(m, i)).length;
const isFullAttentionLayer = (m: ModelArchitecture, i: number) => layerWindow(m, i) === null;

const MODELS_DIR = new URL('../../models/', import.meta.url);
function catalog(id: string): ModelArchitecture {
  return JSON.parse(readFileSync(new URL(`${id}.json`, MODELS_DIR), 'utf8')) as ModelArchitecture;
}

const tiny: ModelArchitecture = {
  schemaVersion: 1,
  id: 'tiny',
  name: 'tiny',
  family: 'test',
  source: 'hand-built',
  publishedParamsTotal: 1352,
  publishedParamsActive: null,
  numLayers: 2,
  hiddenSize: 8,
  numAttentionHeads: 2,
  numKeyValueHeads: 1,
  headDim: 4,
  intermediateSize: 16,
  ffnKind: 'gated',
  moe: null,
  mla: null,
  slidingWindow: null,
  vocabSize: 10,
  tieWordEmbeddings: false,
  maxContextTokens: 128,
};

describe('countParameters on hand-computed tiny models', () => {
  it('dense gated, untied', () => {
    // Per layer: q 8x8 = 64, k 8x4 = 32, v 32, o 64 (192) + 2 norms (16) + FFN 3x8x16 (384) = 592.
    // Embedding 10x8 = 80, LM head 80, final norm 8: 2 x 592 + 168 = 1352.
    expect(attentionParamsPerLayer(tiny)).toBe(192);
    expect(countParameters(tiny)).toEqual({ totalParams: 1352, activeParams: 1352, embeddingParams: 80 });
  });

  it('tied embeddings drop the LM head', () => {
    expect(countParameters({ ...tiny, tieWordEmbeddings: true }).totalParams).toBe(1352 - 80);
  });

  it('plain FFN has two matrices', () => {
    // FFN 2x8x16 = 256 instead of 384 per layer.
    expect(countParameters({ ...tiny, ffnKind: 'plain' }).totalParams).toBe(1352 - 2 * 128);
  });

  it('MoE with a leading dense layer, shared expert and router', () => {
    const m: ModelArchitecture = {
      ...tiny,
      numLayers: 3,
      moe: {
        numExperts: 4,
        expertsPerToken: 2,
        numSharedExperts: 1,
        expertIntermediateSize: 4,
        sharedExpertIntermediateSize: 6,
        firstDenseLayers: 1,
        moeLayerPeriod: 1,
      },
    };
    // Common per layer 192 + 16 = 208 (x3 = 624); layer 0 dense FFN 384.
    // MoE layer: router 8x4 = 32, experts 4 x 3x8x4 = 384, shared 3x8x6 = 144 -> total 560, active 2x96 + 144 + 32 = 368.
    // Total 168 + 624 + 384 + 2x560 = 2296; active 168 + 624 + 384 + 2x368 = 1912.
    expect(countMoeLayers(m)).toBe(2);
    expect(countParameters(m)).toEqual({ totalParams: 2296, activeParams: 1912, embeddingParams: 80 });
  });

  it('shared expert width defaults to the routed expert width', () => {
    const m: ModelArchitecture = {
      ...tiny,
      intermediateSize: 0,
      moe: { numExperts: 4, expertsPerToken: 1, numSharedExperts: 2, expertIntermediateSize: 4, sharedExpertIntermediateSize: null, firstDenseLayers: 0, moeLayerPeriod: 1 },
    };
    // Per layer: 208 + router 32 + experts 384 + shared 2x96 = 816; x2 + 168 = 1800.
    expect(countParameters(m).totalParams).toBe(1800);
    // Active per layer: 208 + 32 + 96 + 192 = 528; x2 + 168 = 1224.
    expect(countParameters(m).activeParams).toBe(1224);
  });

  it('MLA attention with and without query compression', () => {
    const mla = { kvLoraRank: 4, qLoraRank: 3 as number | null, qkNopeHeadDim: 2, qkRopeHeadDim: 1, vHeadDim: 2 };
    // q_a 8x3 + norm 3 + q_b 3x2x3 = 45; kv_a 8x5 + norm 4 = 44; kv_b 4x2x4 = 32; o 2x2x8 = 32.
    expect(attentionParamsPerLayer({ ...tiny, mla })).toBe(153);
    // Full-rank q: 8x2x3 = 48.
    expect(attentionParamsPerLayer({ ...tiny, mla: { ...mla, qLoraRank: null } })).toBe(156);
  });
});

describe('layer rules', () => {
  it('MoE layer placement', () => {
    const maverick = catalog('llama-4-maverick');
    expect(countMoeLayers(maverick)).toBe(24);
    expect([0, 1, 2, 3, 47].map((i) => isMoeLayer(maverick, i))).toEqual([false, true, false, true, true]);
    const ds = catalog('deepseek-v3');
    expect(countMoeLayers(ds)).toBe(58);
    expect([0, 2, 3, 60].map((i) => isMoeLayer(ds, i))).toEqual([false, false, true, true]);
    expect(countMoeLayers(catalog('llama-3.1-8b'))).toBe(0);
  });

  it('sliding-window layer placement (last globalPerPeriod of each period are full)', () => {
    const full = (id: string): number[] => {
      const m = catalog(id);
      return Array.from({ length: m.numLayers }, (_, i) => i).filter((i) => isFullAttentionLayer(m, i));
    };
    expect(full('gemma-3-27b')).toEqual([5, 11, 17, 23, 29, 35, 41, 47, 53, 59]);
    expect(full('llama-4-scout')).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 39, 43, 47]);
    expect(full('gpt-oss-20b')).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]);
    expect(full('llama-3.1-8b')).toHaveLength(32);
  });
});

// params_total_exact / params_active_exact from shared/reference/models.json (recomputed from the
// official configs there, including the biases and extra norms this architecture type leaves out).
const REFERENCE: { id: string; total: number; active?: number; tolerance: number }[] = [
  { id: 'llama-3.2-1b', total: 1235814400, tolerance: 0 },
  { id: 'llama-3.2-3b', total: 3212749824, tolerance: 0 },
  { id: 'llama-3.1-8b', total: 8030261248, tolerance: 0 },
  { id: 'llama-3.1-70b', total: 70553706496, tolerance: 0 },
  { id: 'llama-3.1-405b', total: 405853388800, tolerance: 0 },
  { id: 'mistral-small-24b', total: 23572403200, tolerance: 0 },
  { id: 'phi-3.5-mini', total: 3821079552, tolerance: 0 },
  { id: 'phi-4-mini', total: 3836021760, tolerance: 0 },
  { id: 'mixtral-8x7b', total: 46702792704, active: 12879925248, tolerance: 0 },
  { id: 'mixtral-8x22b', total: 140620634112, active: 39152031744, tolerance: 0 },
  { id: 'llama-4-scout', total: 107769861120, active: 17172894720, tolerance: 0 },
  { id: 'llama-4-maverick', total: 400711848960, active: 17184691200, tolerance: 0 },
  // Router bias (DeepSeek, Kimi), QK-norms (Qwen3), QKV biases (Qwen2.5), extra norms (Gemma),
  // biases and sinks (gpt-oss) are not modelled.
  { id: 'deepseek-v3', total: 671026419200, active: 37552297472, tolerance: 1e-6 },
  { id: 'kimi-k2', total: 1026408232448, active: 32861500928, tolerance: 1e-6 },
  { id: 'qwen3-8b', total: 8190735360, tolerance: 1e-5 },
  { id: 'qwen3-30b-a3b', total: 30532122624, active: 3353032704, tolerance: 1e-5 },
  { id: 'qwen3-235b-a22b', total: 235093634560, active: 22190763520, tolerance: 1e-5 },
  { id: 'qwen2.5-7b', total: 7615616512, tolerance: 1e-4 },
  { id: 'qwen2.5-72b', total: 72706203648, tolerance: 1e-4 },
  { id: 'gemma-2-27b', total: 27227128320, tolerance: 1e-4 },
  { id: 'gemma-3-27b', total: 27009346304, tolerance: 1e-4 },
  { id: 'gpt-oss-20b', total: 20914757184, active: 4187440704, tolerance: 5e-3 },
  { id: 'gpt-oss-120b', total: 116829156672, active: 5711982912, tolerance: 5e-3 },
];

describe('agreement with shared/reference/models.json exact counts', () => {
  it.each(REFERENCE)('$id', ({ id, total, active, tolerance }) => {
    const counts = countParameters(catalog(id));
    if (tolerance === 0) expect(counts.totalParams).toBe(total);
    else expect(Math.abs(counts.totalParams - total) / total).toBeLessThanOrEqual(tolerance);
    if (active !== undefined) {
      if (tolerance === 0) expect(counts.activeParams).toBe(active);
      else expect(Math.abs(counts.activeParams - active) / active).toBeLessThanOrEqual(tolerance);
    }
  });

  it('embeddingParams is the input embedding table', () => {
    expect(countParameters(catalog('llama-3.1-8b')).embeddingParams).toBe(525336576);
    expect(countParameters(catalog('deepseek-v3')).embeddingParams).toBe(926679040);
  });
});

describe('one parameter counter', () => {
  const SRC = new URL('../../src/', import.meta.url).pathname;
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

  it('only src/engine/parameters.ts defines parameter counting; every caller imports it', () => {
    const definers: string[] = [];
    const callers: string[] = [];
    for (const file of files(SRC)) {
      const text = readFileSync(file, 'utf8');
      const rel = file.slice(SRC.length);
      if (/function\s+\w*(count|tally)\w*Param/i.test(text) || /function\s+\w*param\w*count/i.test(text)) definers.push(rel);
      if (/\b(countParameters|tallyParameters)\(/.test(text) && rel !== 'engine/parameters.ts') {
        callers.push(rel);
        expect(text, rel).toMatch(/from '[./]*(engine\/)?parameters'/);
      }
    }
    expect(definers).toEqual(['engine/parameters.ts']);
    expect(callers.length).toBeGreaterThanOrEqual(3);
  });
});
