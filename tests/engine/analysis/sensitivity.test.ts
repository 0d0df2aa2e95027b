import { describe, expect, it } from 'vitest';
import { relevantParameters, scaleParameter } from '../../../src/engine/analysis/scale-parameter';
import { sensitivity, usdPerMillionOf } from '../../../src/engine/analysis/sensitivity';
import { DEFAULT_ECONOMICS } from '../../../src/scenario/scenario';
import { h200, model, scenario } from './helpers';

describe('scaleParameter', () => {
  it('scales every matrix rate together and never mutates the profile', () => {
    const p = h200();
    const copy = structuredClone(p);
    const q = scaleParameter(p, 'compute', 2);
    expect(q.compute.denseFlopsPerSecond.bf16).toBe(2 * p.compute.denseFlopsPerSecond.bf16!);
    expect(q.compute.denseFlopsPerSecond.fp8).toBe(2 * p.compute.denseFlopsPerSecond.fp8!);
    expect(p).toEqual(copy);
  });

  it('caps efficiencies at 1', () => {
    expect(scaleParameter(h200(), 'memoryEfficiency', 5).efficiency.memoryEfficiency).toBe(1);
  });

  it('an efficiency moves the attention and MoE shares with it, as the hardware rate it divides does', () => {
    const p = h200();
    const q = scaleParameter(p, 'memoryEfficiency', 0.8);
    expect(q.efficiency.attentionMemoryEfficiency).toBeCloseTo(0.8 * p.efficiency.attentionMemoryEfficiency, 12);
    expect(q.efficiency.moeMemoryEfficiency).toBeCloseTo(0.8 * p.efficiency.moeMemoryEfficiency, 12);
    expect(q.efficiency.attentionComputeEfficiency).toBe(p.efficiency.attentionComputeEfficiency);
    expect(scaleParameter(p, 'memoryEfficiency', 5).efficiency.attentionMemoryEfficiency).toBe(1);
    // -20% memory efficiency costs what -20% HBM bandwidth costs (KV-cache reads included): a
    // decode-heavy workload, where the weight stream alone is a small part of the memory time.
    const base = scenario({ chips: 8, model: model('llama-3.1-70b'), workload: { inputTokens: 2048, outputTokens: 512, prefixCacheHitRate: 0, arrivals: 'saturated' } });
    const at = (hw: typeof p) => usdPerMillionOf({ ...base, hardware: hw })!;
    expect(at(q) / at(scaleParameter(p, 'hbmBandwidth', 0.8))).toBeCloseTo(1, 6);
    expect(at(scaleParameter(p, 'computeEfficiency', 0.8)) / at(scaleParameter(p, 'compute', 0.8))).toBeCloseTo(1, 6);
  });
});

describe('relevantParameters', () => {
  it('uses the rental price under rental, purchase price and power under TCO', () => {
    const rental = relevantParameters(scenario());
    expect(rental).toContain('rentalPrice');
    expect(rental).not.toContain('listPrice');
    const tco = relevantParameters(scenario({ economics: { ...DEFAULT_ECONOMICS, pricing: 'tco' } }));
    expect(tco).toEqual(expect.arrayContaining(['listPrice', 'tdp']));
    expect(tco).not.toContain('rentalPrice');
    expect(relevantParameters(scenario())).not.toContain('sramCapacity');
  });
});

describe('sensitivity', () => {
  it('a 20% higher rental price costs exactly 20% more per token', () => {
    const s = sensitivity(scenario());
    expect(s.feasible).toBe(true);
    const rent = s.rows.find((r) => r.parameter === 'rentalPrice');
    expect(rent?.highChange).toBeCloseTo(0.2, 9);
    expect(rent?.lowChange).toBeCloseTo(-0.2, 9);
  });

  it('more HBM bandwidth makes memory-bound decode cheaper; rows sorted by largest effect', () => {
    const s = sensitivity(scenario());
    const bw = s.rows.find((r) => r.parameter === 'hbmBandwidth');
    expect(bw?.highChange).toBeLessThan(0);
    const mags = s.rows.map((r) => Math.max(Math.abs(r.lowChange ?? 0), Math.abs(r.highChange ?? 0)));
    expect([...mags].sort((a, b) => b - a)).toEqual(mags);
  });

  it('reports infeasible scenarios without rows', () => {
    const s = sensitivity(scenario({ slo: { maxTtftSeconds: null, maxTpotSeconds: 1e-4 } }));
    expect(s.feasible).toBe(false);
    expect(s.rows).toEqual([]);
  });
});
