import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/engine/context';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { evaluateBatch, prepareLayout, stageTime, stepTokens } from '../../src/engine/deployment';
import { capitalRecoveryFactor, energyUse, priceDeployment, tcoPerChipHour } from '../../src/engine/economics';
import { kvBytesPerSequencePerChip, kvSramFraction, planMemory } from '../../src/engine/memory';
import { busiestBinLoad } from '../../src/engine/load-balance';
import { headOperators, layerOperators } from '../../src/engine/operators';
import { batchCaps } from '../../src/engine/search';
import { simulate } from '../../src/engine/simulate';
import { tallyParameters } from '../../src/engine/parameters';
import { timeOperator } from '../../src/engine/roofline';
import { allReduceSeconds } from '../../src/engine/collectives';
import { attentionHeadDims, expectedDistinctExperts } from '../../src/engine/architecture';
import { tinyChip, tinyModel, tinyScenario } from '../fixtures/tiny';
import type { ChipRates } from '../../src/engine/roofline';
import type { RawOperator } from '../../src/engine/operators';

/** Round-number rates; every share 1, every fixed cost 0 unless a test sets it. */
function rates(over: Partial<ChipRates> = {}): ChipRates {
  return {
    matrixFlopsPerSecond: 1e12, attentionFlopsPerSecond: 1e12, headFlopsPerSecond: 1e12, moeFlopsPerSecond: 1e12, moeHalfTokensPerExpert: 0,
    hbmBytesPerSecond: 1e12, attentionHbmBytesPerSecond: 1e12, moeHbmBytesPerSecond: 1e12, sramBytesPerSecond: 0,
    weightSramFraction: 0, kernelOverheadSeconds: 0, attentionOverheadSeconds: 0, moeLayerOverheadSeconds: 0, ...over,
  };
}

function op(over: Partial<RawOperator>): RawOperator {
  return { name: 'x', kind: 'matrix', phase: 'decode', count: 1, flops: 0, weightBytes: 0, kvBytes: 0, activationBytes: 0, kernels: 0, ...over };
}

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
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: false });
    const step = stageTime(ctx, prepared, {
      decodeSequences: 1, decodeContextTokens: 10, prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0,
    }, 1);
    expect(step.seconds).toBeCloseTo(0.792, 12);
    expect(step.breakdown.memory).toBeCloseTo(0.792, 12);
    expect(step.breakdown.compute).toBe(0);
  });

  it('16-bit GEMMs run at the measured 16-bit/fp8 ratio of the fp8 share (at most 1); fp8 and vendor claims as stated', () => {
    const ratio = CALIBRATION_SUMMARY.sixteenBitCompute.ratio;
    expect(ratio).toBeGreaterThan(1);
    const chip = (computeEfficiency: number) => tinyChip({
      compute: { denseFlopsPerSecond: { bf16: 1e30, fp8: 2e30 } },
      efficiency: { ...tinyChip().efficiency, computeEfficiency, claimed: { computeEfficiency: 0.8, memoryEfficiency: 1, kernelOverheadSeconds: 0, note: 'claim' } },
    });
    const fp8 = { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' } as const;
    const at = (c: number, over: Parameters<typeof tinyScenario>[0] = {}) => buildContext(tinyScenario({ hardware: chip(c), ...over })).efficiency.compute;
    expect(at(0.5)).toBeCloseTo(0.5 * ratio, 12); // bf16 (the fixture's precision), spec mode
    expect(at(0.5, { precision: fp8 })).toBe(0.5);
    expect(at(0.99)).toBe(1);
    // A claimed share is the vendor's statement for every format.
    expect(at(0.5, { efficiencyMode: 'claim' })).toBe(0.8);
    // The attention and expert shares are timed on their own: the ratio leaves them alone.
    expect(buildContext(tinyScenario({ hardware: chip(0.5) })).efficiency.attentionCompute).toBe(tinyChip().efficiency.attentionComputeEfficiency);
  });

  it('quantized checkpoints keep the embedding and LM head 16-bit: 172 fp8 bytes + 80 x 2 = 332 weight bytes; the head at the bf16 rate', () => {
    const chip = tinyChip({ compute: { denseFlopsPerSecond: { bf16: 1e12, fp8: 2e12 } } });
    const fp8 = { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' } as const;
    const ctx = buildContext(tinyScenario({ hardware: chip, precision: fp8 }));
    expect(ctx.sharedWeightBytes).toBe(172 + 80 * 2);
    expect(ctx.expertWeightBytes).toBe(0);
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: false });
    expect(prepared.rates.matrixFlopsPerSecond).toBe(2e12);
    expect(prepared.rates.headFlopsPerSecond).toBeCloseTo(Math.min(1, CALIBRATION_SUMMARY.sixteenBitCompute.ratio) * 1e12, 0);
    const head = headOperators(tinyModel(), { decodeSequences: 3, decodeContextTokens: 10, prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0 }, prepared.shard);
    const lm = head.find((o) => o.name === 'lm-head')!;
    expect(lm.weightBytes).toBe(40 * 2);
    // 2 x 3 tokens x 40 parameters = 240 FLOPs, at the head's rate rather than the fp8 body's.
    expect(timeOperator(lm, { ...prepared.rates, hbmBytesPerSecond: 1e30 }, 0).computeSeconds).toBeCloseTo(240 / prepared.rates.headFlopsPerSecond, 20);
    // A model run at 16 bits or wider keeps its own format there.
    expect(buildContext(tinyScenario({ hardware: chip })).sharedWeightBytes).toBe(252 * 2);
  });

  it('decode context: input + output / 2 for one length; the stated token-weighted context when lengths vary', () => {
    const workload = { inputTokens: 10, outputTokens: 6, prefixCacheHitRate: 0, arrivals: 'saturated' } as const;
    expect(buildContext(tinyScenario({ workload })).meanDecodeContextTokens).toBe(13);
    const varied = buildContext(tinyScenario({ workload: { ...workload, meanDecodeContextTokens: 17.5 } }));
    expect(varied.meanDecodeContextTokens).toBe(17.5);
    // The prompt work per output token still follows the mean lengths.
    expect(varied.newPromptTokens).toBe(10);
    expect(varied.maxContextTokens).toBe(16);
  });

  it('roofline: a 2e12-FLOP, 1e9-byte op on 1e12 FLOP/s and 1e12 B/s takes 2 s plus 3 x 1 us kernels', () => {
    const t = timeOperator(
      { name: 'x', kind: 'matrix', phase: 'decode', count: 1, flops: 2e12, weightBytes: 1e9, kvBytes: 0, activationBytes: 0, kernels: 3 },
      rates({ matrixFlopsPerSecond: 1e12, hbmBytesPerSecond: 1e12, kernelOverheadSeconds: 1e-6 }),
      0,
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

describe('hand-computed cases of the engine physics (issue: physics II)', () => {
  it('decode attention costs t0 + KV bytes / BW, whatever the number of sequences', () => {
    // 1e9 KV bytes at 0.5 x 1e12 B/s = 2 ms, plus a 10 us fixed cost; the same bytes split over any
    // number of sequences take the same time (H200 attn_decode_gqa: 1 x 32k = 8 x 4k = 134 MB, ~50 us).
    const r = rates({ attentionHbmBytesPerSecond: 0.5e12, attentionOverheadSeconds: 10e-6 });
    const t = timeOperator(op({ kind: 'attention-decode', kvBytes: 1e9, kernels: 1 }), r, 0);
    expect(t.seconds).toBeCloseTo(2e-3 + 10e-6, 12);
  });

  it('KV split per batch: the bytes that fit in SRAM stream at SRAM speed, the rest from HBM, in parallel', () => {
    // 1000 KV bytes, half in SRAM: 500 B at 1000 B/s = 0.5 s from HBM, 500 B at 10,000 B/s = 0.05 s from SRAM -> 0.5 s.
    const r = rates({ attentionHbmBytesPerSecond: 1000, sramBytesPerSecond: 10_000 });
    expect(timeOperator(op({ kind: 'attention-decode', kvBytes: 1000 }), r, 0.5).seconds).toBeCloseTo(0.5, 12);
    expect(timeOperator(op({ kind: 'attention-decode', kvBytes: 1000 }), r, 1).seconds).toBeCloseTo(0.1, 12);
    // SRAM of 100 B left after the weights holds the KV of 4 sequences x 50 B only half: 0.5.
    const plan = planMemory({ ...tinyChip(), memory: { ...tinyChip().memory, sramCapacityBytes: 300, sramBandwidthBytesPerSecond: 1e4, sramHoldsWeights: true } }, 200, 50);
    expect(plan.kvSramCapacityBytes).toBe(100);
    expect(kvSramFraction(plan, 4)).toBeCloseTo(0.5, 12);
    expect(kvSramFraction(plan, 1)).toBe(1);
  });

  it('grouped expert GEMMs: share x M / (M + M_half) of peak, plus a fixed cost per layer', () => {
    // 4e12 FLOP at M = 100 tokens per expert with M_half 100: half of 0.5e12 FLOP/s -> 16 s, plus 1 ms.
    const r = rates({ moeFlopsPerSecond: 0.5e12, moeHalfTokensPerExpert: 100, moeLayerOverheadSeconds: 1e-3 });
    const t = timeOperator(op({ kind: 'moe-experts', flops: 4e12, tokensPerExpert: 100, kernels: 3 }), r, 0);
    expect(t.seconds).toBeCloseTo(16 + 1e-3, 12);
  });

  it('the busiest of 8 ranks gets mean + sqrt(2 mean ln 8) of 800 routed pairs', () => {
    expect(busiestBinLoad(800, 8)).toBeCloseTo(100 + Math.sqrt(2 * 100 * Math.log(8)), 12);
    expect(busiestBinLoad(800, 1)).toBe(800);
    expect(busiestBinLoad(1, 8)).toBe(1);
  });

  it('MLA: prefill runs non-absorbed (192/128 per head), decode absorbed (576/512)', () => {
    const ds = { ...tinyModel(), mla: { kvLoraRank: 512, qLoraRank: 1536, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 } };
    expect(attentionHeadDims(ds, 'prefill')).toEqual({ qk: 192, v: 128 });
    expect(attentionHeadDims(ds, 'decode')).toEqual({ qk: 576, v: 512 });
  });

  it('chunked prefill: a chunk attends to the earlier chunks and the cached prefix', () => {
    // 4 new tokens after 8 tokens of earlier chunks and 2 cached: mean context 2 + 8 + 5/2 = 12.5;
    // FLOPs 2 x 4 tokens x 12.5 x 2 heads x (2 + 2) = 800.
    const ops = layerOperators(tinyModel(), { count: 1, windowTokens: null, ffn: 'dense' }, {
      decodeSequences: 0, decodeContextTokens: 0, prefillTokens: 4, prefillPrompts: 1, cachedTokensPerPrompt: 2, prefillPriorTokensPerPrompt: 8,
    }, { attentionTensorParallel: 1, attentionGroups: 1, expertRanks: 1, expertTensorParallel: 1, weightBytesPerValue: 2, headBytesPerValue: 2, activationBytesPerValue: 2, kvBytesPerValue: 2 });
    expect(ops.find((o) => o.kind === 'attention-prefill')!.flops).toBe(800);
  });

  it("a user's TPOT holds the decode step and (B - 1)/B of the prompt work; throughput holds all of it", () => {
    const ctx = buildContext(tinyScenario({ workload: { inputTokens: 10, outputTokens: 10, prefixCacheHitRate: 0, arrivals: 'saturated' } }));
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: false });
    const decodeShape = { decodeSequences: 4, decodeContextTokens: 15, prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0, queryTokensPerSequence: 1 };
    const decode = stageTime(ctx, prepared, decodeShape, 4).seconds;
    // Batch 4 with 10 output tokens: 0.4 prompts of 10 tokens per step.
    const full = stageTime(ctx, prepared, { ...decodeShape, prefillTokens: 4, prefillPrompts: 0.4 }, 4).seconds;
    const e = evaluateBatch(ctx, prepared, 4);
    expect(e.tpotSeconds).toBeCloseTo(decode + (3 / 4) * (full - decode), 12);
    expect(e.replicaOutputTokensPerSecond).toBeCloseTo(4 / full, 12);
    // Batch 1: no other users, so no prompt work in the TPOT.
    const one = evaluateBatch(ctx, prepared, 1);
    const decodeOne = stageTime(ctx, prepared, { ...decodeShape, decodeSequences: 1 }, 1).seconds;
    expect(one.tpotSeconds).toBeCloseTo(decodeOne, 12);
  });

  it('the step-token cap bounds the batch: B x (1 + prompt tokens / output tokens) <= max tokens per step', () => {
    // 10 in / 10 out: each sequence brings 1 decode token and 1 prompt token per step; 100 tokens -> 50 sequences.
    const ctx = buildContext(tinyScenario({ engine: { maxSequences: 1024, maxTokensPerStep: 100, prefillChunkTokens: 8192, overlap: 'off', scheduler: 'per-micro-batch' } }));
    expect(stepTokens(ctx, 1)).toBe(2);
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: false });
    expect(batchCaps(ctx, prepared)).toEqual({ cap: 50, limit: 'max-tokens-per-step' });
  });

  it('under PP the step-token cap is per micro-batch: two stages hold 2 x 50 sequences', () => {
    // TensorRT-LLM schedules each micro-batch against max_num_tokens (trtGptModelInflightBatching.cpp).
    const ctx = buildContext(tinyScenario({ chips: 2, engine: { maxSequences: 1024, maxTokensPerStep: 100, prefillChunkTokens: 8192, overlap: 'off', scheduler: 'per-micro-batch' } }));
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 2, expertParallel: 1, dataParallelAttention: false });
    expect(batchCaps(ctx, prepared)).toEqual({ cap: 100, limit: 'max-tokens-per-step' });
  });

  it('an infeasible result names the cap that binds: sequences, step tokens or memory', () => {
    const engine = { maxSequences: 8, maxTokensPerStep: 'auto', prefillChunkTokens: 8192, overlap: 'off', scheduler: 'per-micro-batch' } as const;
    const codeOf = (overrides: Parameters<typeof tinyScenario>[0]) => simulate(tinyScenario(overrides)).reason?.code;
    expect(codeOf({ engine, objective: { batch: 64 } })).toBe('engine.fixed-batch-over-sequence-cap');
    expect(codeOf({ engine: { ...engine, maxSequences: 1024, maxTokensPerStep: 100 }, objective: { batch: 64 } })).toBe('engine.fixed-batch-over-step-cap');
    const stepCap = simulate(tinyScenario({ engine: { ...engine, maxTokensPerStep: 1 } })).reason;
    expect(stepCap?.code).toBe('engine.step-cap-below-one-sequence');
    expect(stepCap?.text).toContain('(1) is below the 2 tokens');
  });

  it('energy: 1000 W x 1.0 server overhead x 0.5 load x PUE 1.2 / 100 tokens/s = 6 J per token, 6 / 3.6 kWh per million', () => {
    const e = energyUse(tinyChip(), { ...tinyScenario().economics, loadFactor: 0.5, pue: 1.2 }, 100)!;
    expect(e.joulesPerOutputToken).toBeCloseTo(6, 12);
    expect(e.kwhPerMillionOutputTokens).toBeCloseTo(6 / 3.6, 12);
    expect(e.outputTokensPerSecondPerKw).toBeCloseTo(1000 / 6, 12);
  });

  it('a free chip: $0/M and unbounded tokens per dollar (null, never 0)', () => {
    const p = priceDeployment(0, 8, 1000, 0, 0);
    expect(p.usdPerMillionOutputTokens).toBe(0);
    expect(p.outputTokensPerSecondPerDollarPerHour).toBeNull();
  });
});
