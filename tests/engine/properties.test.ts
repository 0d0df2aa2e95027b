import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeOperator } from '../../src/engine/roofline';
import { simulate } from '../../src/engine/simulate';
import type { HardwareProfile, ModelArchitecture, ResolvedScenario } from '../../src/engine/types';
import { DEFAULT_ECONOMICS } from '../../src/scenario/scenario';

const h200 = JSON.parse(readFileSync(new URL('../../hardware-profiles/nvidia-h200-sxm.json', import.meta.url), 'utf8')) as HardwareProfile;
const llama70b = JSON.parse(readFileSync(new URL('../../models/llama-3.1-70b.json', import.meta.url), 'utf8')) as ModelArchitecture;
const small: ModelArchitecture = { ...llama70b, id: 'small', numLayers: 16, hiddenSize: 2048, numAttentionHeads: 32, numKeyValueHeads: 8, headDim: 64, intermediateSize: 8192, vocabSize: 128256 };
const moe: ModelArchitecture = {
  ...small, id: 'small-moe', intermediateSize: 0,
  moe: { numExperts: 32, expertsPerToken: 4, numSharedExperts: 1, expertIntermediateSize: 1024, sharedExpertIntermediateSize: null, firstDenseLayers: 0, moeLayerPeriod: 1 },
};

const scenarioArb = fc.record({
  chips: fc.constantFrom(1, 2, 4, 8),
  model: fc.constantFrom(small, moe, llama70b),
  inputTokens: fc.integer({ min: 1, max: 8192 }),
  outputTokens: fc.integer({ min: 1, max: 2048 }),
  prefixCacheHitRate: fc.constantFrom(0, 0.5),
  maxTpotSeconds: fc.constantFrom(null, 0.03, 0.1),
  objective: fc.constantFrom<ResolvedScenario['objective']>('max-throughput', 'min-latency', { batch: 8 }),
}).map((r): ResolvedScenario => ({
  hardware: h200,
  chips: r.chips,
  model: r.model,
  precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
  workload: { inputTokens: r.inputTokens, outputTokens: r.outputTokens, prefixCacheHitRate: r.prefixCacheHitRate },
  slo: { maxTtftSeconds: null, maxTpotSeconds: r.maxTpotSeconds },
  objective: r.objective,
  economics: { ...DEFAULT_ECONOMICS },
  efficiencyMode: 'achieved',
  maxBatchPerReplica: 1024,
}));

function scaled(hw: HardwareProfile, flops: number, bandwidth: number): HardwareProfile {
  const rates = Object.fromEntries(Object.entries(hw.compute.denseFlopsPerSecond).map(([k, v]) => [k, (v ?? 0) * flops]));
  return {
    ...hw,
    compute: { denseFlopsPerSecond: rates },
    memory: { ...hw.memory, hbmBandwidthBytesPerSecond: hw.memory.hbmBandwidthBytesPerSecond * bandwidth },
  };
}

/** The search keeps a batch within 1% of peak throughput when a smaller one serves users faster. */
const SATURATION_TOLERANCE = 0.99;

describe('engine properties', () => {
  it('attainable operator time is never below the roofline floor', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1e15, noNaN: true }), fc.double({ min: 0, max: 1e12, noNaN: true }),
      fc.double({ min: 1e9, max: 1e16, noNaN: true }), fc.double({ min: 1e9, max: 1e14, noNaN: true }),
      fc.integer({ min: 1, max: 1024 }),
      (flops, bytes, rate, bw, batch) => {
        const t = timeOperator(
          { name: 'op', kind: 'attention-decode', phase: 'decode', count: 1, flops, weightBytes: bytes / 2, kvBytes: bytes / 2, activationBytes: 0, kernels: 1 },
          { matrixFlopsPerSecond: rate, hbmBytesPerSecond: bw, sramBytesPerSecond: 0, weightSramFraction: 0, kvInSram: false, kernelOverheadSeconds: 1e-6, attentionSaturationBatch: 16 },
          batch,
        );
        return t.seconds >= Math.max(flops / rate, bytes / bw) * (1 - 1e-12);
      },
    ), { numRuns: 500 });
  });

  it('more bandwidth or more FLOP/s never lowers throughput', () => {
    fc.assert(fc.property(scenarioArb, fc.double({ min: 1, max: 4, noNaN: true }), fc.boolean(), (s, factor, which) => {
      const base = simulate(s);
      const faster = simulate({ ...s, hardware: scaled(s.hardware, which ? factor : 1, which ? 1 : factor) });
      if (base.feasible) expect(faster.feasible).toBe(true);
      expect(faster.outputTokensPerSecond).toBeGreaterThanOrEqual(base.outputTokensPerSecond * SATURATION_TOLERANCE);
    }), { numRuns: 40 });
  });

  it('a higher price never raises tokens per dollar', () => {
    fc.assert(fc.property(scenarioArb, fc.double({ min: 1.01, max: 10, noNaN: true }), (s, factor) => {
      const base = simulate(s);
      const dearer = simulate({ ...s, hardware: { ...s.hardware, price: { listPriceUsd: s.hardware.price.listPriceUsd * factor, rentalUsdPerChipHour: (s.hardware.price.rentalUsdPerChipHour ?? 1) * factor } } });
      expect(dearer.outputTokensPerSecondPerDollarPerHour).toBeLessThanOrEqual(base.outputTokensPerSecondPerDollarPerHour * (1 + 1e-12));
    }), { numRuns: 30 });
  });

  it('doubling the chips (and so the replicas) at least doubles throughput, exactly when the layout stays', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const one = simulate({ ...s, chips: 8 });
      const two = simulate({ ...s, chips: 16 });
      expect(two.outputTokensPerSecond).toBeGreaterThanOrEqual(2 * one.outputTokensPerSecond * (1 - 1e-9));
      if (two.config.tensorParallel === one.config.tensorParallel && two.config.pipelineParallel === one.config.pipelineParallel
        && two.config.batch === one.config.batch) {
        expect(two.config.replicas).toBe(2 * one.config.replicas);
        expect(two.outputTokensPerSecond).toBeCloseTo(2 * one.outputTokensPerSecond, 6);
      }
    }), { numRuns: 25 });
  });

  it('never mutates its input', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const before = structuredClone(s);
      simulate(Object.freeze(s));
      expect(s).toEqual(before);
    }), { numRuns: 20 });
  });

  it('results are finite, consistent and priced both ways when both prices are known', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const r = simulate(s);
      if (!r.feasible) return;
      expect(r.tpotSeconds).toBeGreaterThan(0);
      expect(r.outputTokensPerSecond).toBeCloseTo((r.config.replicas * r.config.batch) / r.tpotSeconds, 6);
      expect(r.tokensPerSecondPerUser).toBeCloseTo(1 / r.tpotSeconds, 9);
      expect(r.rental).not.toBeNull();
      expect(r.tco).not.toBeNull();
      expect(r.memory.weightsBytesPerChip + r.memory.kvCacheBytesPerChip).toBeLessThanOrEqual(r.memory.capacityBytesPerChip - r.memory.reserveBytesPerChip + 1);
      if (s.slo.maxTpotSeconds !== null) expect(r.tpotSeconds).toBeLessThanOrEqual(s.slo.maxTpotSeconds);
      expect(r.explain.map((e) => e.key)).toContain('tpotSeconds');
    }), { numRuns: 40 });
  });
});
