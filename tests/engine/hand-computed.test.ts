import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/engine/context';
import { prepareLayout, stageTime } from '../../src/engine/deployment';
import { capitalRecoveryFactor, priceDeployment, tcoPerChipHour } from '../../src/engine/economics';
import { kvBytesPerSequencePerChip } from '../../src/engine/memory';
import { tallyParameters } from '../../src/engine/parameters';
import { timeOperator } from '../../src/engine/roofline';
import { allReduceSeconds } from '../../src/engine/collectives';
import { expectedDistinctExperts } from '../../src/engine/architecture';
import { tinyChip, tinyModel, tinyScenario } from '../fixtures/tiny';

describe('hand-computed cases on a tiny model and chip', () => {
  it('counts parameters: 1 layer x (48 qkv + 16 out + 96 ffn + 2 x 4 norms) + 40 embedding + 40 LM head + 4 final norm = 252', () => {
    expect(tallyParameters(tinyModel())).toEqual({ layers: 168, routedExperts: 0, embedding: 40, lmHead: 40, finalNorm: 4, total: 252, active: 252 });
    expect(tallyParameters(tinyModel({ tieWordEmbeddings: true })).total).toBe(212);
  });

  it('KV bytes per sequence: 2 x 2 heads x 2 dims x 2 bytes x 20 tokens = 320', () => {
    expect(kvBytesPerSequencePerChip(tinyModel(), 20, 2, 1, 1)).toBe(320);
    // Sliding window of 4 on a layer caps its tokens at 4.
    const windowed = tinyModel({ slidingWindow: { windowTokens: 4, period: 2, globalPerPeriod: 1 }, numLayers: 2 });
    expect(kvBytesPerSequencePerChip(windowed, 20, 2, 1, 1)).toBe(16 * 4 + 16 * 20);
  });

  it('decode stage at batch 1, context 10 moves 792 bytes -> 0.792 s at 1000 B/s', () => {
    // qkv 96 W + 32 A; attention (10+1) x 16 KV + 16 A; out 32 W + 16 A; ffn 192 W + 24 A;
    // norms 64 A; embedding 8 + 8; LM head 80 W + 48 A (4 x 2 hidden + 10 x 4 logits).
    const ctx = buildContext(tinyScenario());
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1 });
    const step = stageTime(ctx, prepared, {
      decodeSequences: 1, decodeContextTokens: 10, prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0,
    });
    expect(step.seconds).toBeCloseTo(0.792, 12);
    expect(step.breakdown.memory).toBeCloseTo(0.792, 12);
    expect(step.breakdown.compute).toBe(0);
  });

  it('roofline: a 2e12-FLOP, 1e9-byte op on 1e12 FLOP/s and 1e12 B/s takes 2 s plus 3 x 1 us kernels', () => {
    const t = timeOperator(
      { name: 'x', kind: 'matrix', phase: 'decode', count: 1, flops: 2e12, weightBytes: 1e9, kvBytes: 0, activationBytes: 0, kernels: 3 },
      { matrixFlopsPerSecond: 1e12, hbmBytesPerSecond: 1e12, sramBytesPerSecond: 0, weightSramFraction: 0, kvInSram: false, kernelOverheadSeconds: 1e-6, attentionSaturationBatch: 1 },
      1,
    );
    expect(t.seconds).toBeCloseTo(2 + 3e-6, 12);
    expect(t.bound).toBe('compute');
  });

  it('ring all-reduce of 8 MB over 8 chips at 100 GB/s and 5 us: 5 us + 1.75 x 80 us = 145 us', () => {
    expect(allReduceSeconds(8e6, 8, { bytesPerSecond: 100e9, latencySeconds: 5e-6 })).toBeCloseTo(145e-6, 12);
    expect(allReduceSeconds(8e6, 1, { bytesPerSecond: 100e9, latencySeconds: 5e-6 })).toBe(0);
  });

  it('MoE: one token touches k experts; many tokens touch all E', () => {
    expect(expectedDistinctExperts(8, 2, 1)).toBeCloseTo(2, 12);
    expect(expectedDistinctExperts(8, 2, 2)).toBeCloseTo(8 * (1 - 0.75 ** 2), 12);
    expect(expectedDistinctExperts(8, 2, 10_000)).toBeCloseTo(8, 9);
  });

  it('TCO: $8,760 chip, 1 year, no interest = $1/h capex; 1 kW x 0.5 load x PUE 1.2 x $0.1 = $0.06/h; $73/kW-month = $0.1/h', () => {
    const t = tcoPerChipHour(tinyChip(), {
      pricing: 'tco', rentalUsdPerChipHour: null, capexUsdPerChip: null, capexOverheadMultiplier: null,
      depreciationYears: 1, costOfCapitalPerYear: 0, loadFactor: 0.5, pue: 1.2, usdPerKwh: 0.1, hostingUsdPerKwMonth: 73,
    });
    expect(t.capexUsdPerHour).toBeCloseTo(1, 12);
    expect(t.powerUsdPerHour).toBeCloseTo(0.06, 12);
    expect(t.hostingUsdPerHour).toBeCloseTo(0.1, 12);
    expect(capitalRecoveryFactor(0.1, 2)).toBeCloseTo(0.1 / (1 - 1 / 1.21), 12);
  });

  it('pricing: 8 chips at $2/h serving 1000 tokens/s -> $16/h, $4.44/M tokens, 62.5 tokens/s per $/h', () => {
    const p = priceDeployment(2, 8, 1000, 0, 0);
    expect(p.costPerHourUsd).toBe(16);
    expect(p.usdPerMillionOutputTokens).toBeCloseTo((16 / 3.6e6) * 1e6, 12);
    expect(p.outputTokensPerSecondPerDollarPerHour).toBeCloseTo(62.5, 12);
  });
});
