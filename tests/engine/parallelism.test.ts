import { deploymentLayout, layoutName } from '../../src/app/deployment-view';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContext, expectedTokensPerStep } from '../../src/engine/context';
import { evaluateBatch, prepareLayout, stageTime } from '../../src/engine/deployment';
import { poissonSafeConcurrency } from '../../src/engine/queueing';
import { candidateLayouts } from '../../src/engine/search';
import { simulate } from '../../src/engine/simulate';
import type { HardwareProfile, ModelArchitecture, ResolvedScenario } from '../../src/engine/types';
import { DEFAULT_ECONOMICS, DEFAULT_ENGINE, DEFAULT_LAYOUT } from '../../src/scenario/scenario';
import { tinyChip, tinyModel, tinyScenario } from '../fixtures/tiny';

const decodeShape = { decodeSequences: 1, decodeContextTokens: 10, prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0 };

describe('parallelism on hand-checkable cases', () => {
  it('tensor parallel 2: halves weights and KV heads, adds two all-reduces per layer', () => {
    // Per chip: qkv 48+20, attention 88+8, out 16+12, ffn 96+16, norms 64, embedding 16, LM head 40+28 = 452 B
    // -> 0.452 s at 1000 B/s. All-reduce of 1 token x 4 hidden x 2 B = 8 B at 8 B/s, alpha 1 us:
    // 1 us + (2 x 1/2) x 8/8 s = 1.000001 s, twice per layer.
    const chip = tinyChip({ scaleUp: { name: 'slow', bandwidthBytesPerSecondPerDirection: 8, latencySeconds: 1e-6, domainSize: 8 } });
    const ctx = buildContext(tinyScenario({ hardware: chip, chips: 2 }));
    const prepared = prepareLayout(ctx, { tensorParallel: 2, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: true });
    const step = stageTime(ctx, prepared, decodeShape, 1);
    expect(step.communicationSeconds).toBeCloseTo(2.000002, 9);
    expect(step.seconds).toBeCloseTo(0.452 + 2.000002, 9);
    // 252 params (norms included) x 2 B / TP 2.
    expect(prepared.memory.weightsBytesPerChip).toBe(252);
  });

  it('tensor parallel across scale-up domains: each all-reduce pays both latencies and the network bandwidth', () => {
    // Domain of 2, TP 4: hierarchical all-reduce, alpha = 8 us (link) + 5 us (network) = 13 us;
    // 8 B at 4 B/s network: 13 us + (2 x 3/4) x 8/4 s = 3.000013 s, twice per layer.
    const chip = tinyChip({
      scaleUp: { name: 'link', bandwidthBytesPerSecondPerDirection: 1e30, latencySeconds: 8e-6, domainSize: 2 },
      scaleOut: { name: 'net', bandwidthBytesPerSecondPerDirection: 4, latencySeconds: 5e-6 },
    });
    const ctx = buildContext(tinyScenario({ hardware: chip, chips: 4 }));
    const prepared = prepareLayout(ctx, { tensorParallel: 4, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: true });
    expect(prepared.attentionLink.latencySeconds).toBeCloseTo(13e-6, 12);
    expect(stageTime(ctx, prepared, decodeShape, 1).communicationSeconds).toBeCloseTo(2 * 3.000013, 9);
    // Within one domain the link's own latency only.
    const inside = prepareLayout(ctx, { tensorParallel: 2, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: true });
    expect(inside.attentionLink.latencySeconds).toBeCloseTo(8e-6, 12);
  });

  it('TP candidates shard the KV heads whole: 40 query and 8 KV heads give TP 1, 2, 4 and 8, never 5', () => {
    // Llama 4 Maverick's shape (vLLM refuses TP 5: 8 KV heads are neither divisible by it nor a divisor of it).
    const model = tinyModel({ numAttentionHeads: 40, numKeyValueHeads: 8, headDim: 2, hiddenSize: 80 });
    const ctx = buildContext(tinyScenario({ model, chips: 8 }));
    expect([...new Set(candidateLayouts(ctx).map((l) => l.tensorParallel))].sort((a, b) => a - b)).toEqual([1, 2, 4, 8]);
  });

  it('attention tensor-parallel over a whole EP group splits the heads as TP must: 64 heads never go over 512 chips', () => {
    // gpt-oss-120b's shape (64 heads, 8 KV heads, 128 experts) with room for any EP: every candidate
    // without DP attention has TP x EP dividing the heads, the rule the --tp flag enforces.
    const model = tinyModel({ numAttentionHeads: 64, numKeyValueHeads: 8, headDim: 2, hiddenSize: 128,
      moe: { numExperts: 128, expertsPerToken: 4, expertIntermediateSize: 8, numSharedExperts: 0, sharedExpertIntermediateSize: null, firstDenseLayers: 0, moeLayerPeriod: 1 } });
    const ctx = buildContext(tinyScenario({ model, chips: 'auto' }));
    const tensorSharded = candidateLayouts(ctx).filter((l) => !l.dataParallelAttention && l.expertParallel > 1);
    expect(tensorSharded.length).toBeGreaterThan(0);
    for (const l of tensorSharded) expect(64 % (l.tensorParallel * l.expertParallel)).toBe(0);
    expect(candidateLayouts(ctx).some((l) => l.dataParallelAttention && l.expertParallel === 64)).toBe(true);
  });

  it('pipeline parallel 2: each stage reads one layer; a token crosses both stages', () => {
    // Two identical layers of 648 B each (qkv 128, attention 192, out 48, ffn 216, norms 64) + head 144 B.
    // PP1, batch 1: 1440 B -> 1.44 s. PP2, batch 2 (two micro-batches of 1): stage = 648 + 144 = 792 B,
    // TPOT = 2 x 0.792 = 1.584 s, so 2 / 1.584 tokens/s.
    const scenario = tinyScenario({ model: tinyModel({ numLayers: 2 }), chips: 2, workload: { inputTokens: 5, outputTokens: 10, prefixCacheHitRate: 0, arrivals: 'saturated' } });
    const ctx = buildContext(scenario);
    const one = evaluateBatch(ctx, prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: true }), 1, { prefillOnTheseChips: false });
    expect(one.tpotSeconds).toBeCloseTo(1.44, 9);
    const two = evaluateBatch(ctx, prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 2, expertParallel: 1, dataParallelAttention: true }), 2, { prefillOnTheseChips: false });
    expect(two.tpotSeconds).toBeCloseTo(1.584, 9);
    expect(two.replicaOutputTokensPerSecond).toBeCloseTo(2 / 1.584, 9);
  });

  it('pipeline parallel 2 with prompts: each micro-batch carries half of the step\'s prompt tokens; burst headroom per micro-batch or per replica', () => {
    // Batch 2 over 10 output tokens: 0.2 new prompts of 5 tokens per step, 0.5 prompt tokens per
    // micro-batch. All prompt work in one micro-batch would hold the other behind it at both stages.
    const scenario = tinyScenario({ model: tinyModel({ numLayers: 2 }), chips: 2, workload: { inputTokens: 5, outputTokens: 10, prefixCacheHitRate: 0, arrivals: 'saturated' } });
    const ctx = buildContext(scenario);
    const pp2 = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 2, expertParallel: 1, dataParallelAttention: true });
    const shape = (prefillTokens: number, prefillPrompts: number) => ({ ...decodeShape, prefillTokens, prefillPrompts });
    const even = 2 * stageTime(ctx, pp2, shape(0.5, 0.1), 2).seconds + ctx.efficiency.stepOverheadSeconds;
    const oneCarries = 2 * stageTime(ctx, pp2, shape(1, 0.2), 2).seconds + ctx.efficiency.stepOverheadSeconds;
    const r = evaluateBatch(ctx, pp2, 2);
    expect(r.replicaOutputTokensPerSecond).toBeCloseTo(2 / even, 9);
    expect(even).toBeLessThan(oneCarries);
    // Online traffic: the p99-safe load of each micro-batch's slots, not of the replica's pooled slots.
    const online = buildContext({ ...scenario, workload: { ...scenario.workload, arrivals: 'poisson' } });
    const pooled = evaluateBatch(online, prepareLayout(online, pp2.layout), 40);
    const step = 40 / evaluateBatch(ctx, prepareLayout(ctx, pp2.layout), 40).replicaOutputTokensPerSecond;
    expect(pooled.replicaOutputTokensPerSecond * step).toBeCloseTo(2 * poissonSafeConcurrency(20), 6);
    // One capacity scheduler per replica (TensorRT-LLM): the p99-safe load of all 40 slots, which is more.
    const oneScheduler = buildContext({ ...scenario, workload: { ...scenario.workload, arrivals: 'poisson' }, engine: { ...scenario.engine, scheduler: 'per-replica' } });
    const shared = evaluateBatch(oneScheduler, prepareLayout(oneScheduler, pp2.layout), 40);
    expect(shared.replicaOutputTokensPerSecond * step).toBeCloseTo(poissonSafeConcurrency(40), 6);
    expect(poissonSafeConcurrency(40)).toBeGreaterThan(2 * poissonSafeConcurrency(20));
  });

  it('expert parallel 2: routed experts split over both chips, the rest replicated', () => {
    // 4 experts x 96 params = 384 routed; attention 64 + router 16 + norms 12 + embedding 40 + LM head 40 = 172 shared.
    // Per chip: 172 + 384 / 2 = 364 params = 728 B in bf16.
    const model = tinyModel({
      intermediateSize: 0,
      moe: { numExperts: 4, expertsPerToken: 1, numSharedExperts: 0, expertIntermediateSize: 8, sharedExpertIntermediateSize: null, firstDenseLayers: 0, moeLayerPeriod: 1 },
    });
    const ctx = buildContext(tinyScenario({ model, chips: 2 }));
    expect(ctx.params.routedExperts).toBe(384);
    const prepared = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 2, dataParallelAttention: true });
    expect(prepared.chipsPerReplica).toBe(2);
    expect(prepared.memory.weightsBytesPerChip).toBe(728);
    // Each attention group keeps the KV of its own sequences: twice the sequences of one chip.
    const single = prepareLayout(ctx, { tensorParallel: 1, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: true });
    expect(prepared.memory.maxSequences).toBeGreaterThan(single.memory.maxSequences);
  });

  it('speculative decoding: (1 - a^(g+1)) / (1 - a) tokens per target step', () => {
    expect(expectedTokensPerStep(3, 0.5)).toBeCloseTo(1.875, 12);
    expect(expectedTokensPerStep(3, 0)).toBe(1);
    expect(expectedTokensPerStep(2, 1)).toBe(3);
  });
});

const h200 = JSON.parse(readFileSync(new URL('../../hardware-profiles/nvidia-h200-sxm.json', import.meta.url), 'utf8')) as HardwareProfile;
const llama8b = JSON.parse(readFileSync(new URL('../../models/llama-3.1-8b.json', import.meta.url), 'utf8')) as ModelArchitecture;
const mixtral = JSON.parse(readFileSync(new URL('../../models/mixtral-8x7b.json', import.meta.url), 'utf8')) as ModelArchitecture;
const gptOss120b = JSON.parse(readFileSync(new URL('../../models/gpt-oss-120b.json', import.meta.url), 'utf8')) as ModelArchitecture;
const mi300x = JSON.parse(readFileSync(new URL('../../hardware-profiles/amd-mi300x.json', import.meta.url), 'utf8')) as HardwareProfile;

function scenario(chips: number | 'auto', model: ModelArchitecture, maxTpotSeconds: number | null): ResolvedScenario {
  return {
    hardware: h200, chips, model,
    precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
    workload: { inputTokens: 1024, outputTokens: 256, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: null, maxTpotSeconds },
    objective: 'max-throughput', economics: { ...DEFAULT_ECONOMICS }, efficiencyMode: 'achieved',
    serving: 'co-located', layout: { ...DEFAULT_LAYOUT }, engine: { ...DEFAULT_ENGINE, maxSequences: 512 }, speculative: null,
  };
}

describe('deployment search properties', () => {
  it('adding chips never lowers the best throughput', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(llama8b, mixtral),
      fc.constantFrom(null, 0.02, 0.05), (chips, extra, model, tpot) => {
        const fewer = simulate(scenario(chips, model, tpot));
        const more = simulate(scenario(chips + extra, model, tpot));
        expect(more.outputTokensPerSecond).toBeGreaterThanOrEqual(fewer.outputTokensPerSecond * (1 - 1e-12));
      }), { numRuns: 25 });
  });

  it('min-latency with "auto" chips takes the fewest chips within 1% of the lowest request latency', () => {
    // gpt-oss-120b on MI300X (128 in, 256 out) once took 512 chips (EP 64) for 1% more per-user speed than 8 chips give.
    const cases: ResolvedScenario[] = [scenario(1, llama8b, null), scenario(1, mixtral, null),
      { ...scenario(1, gptOss120b, null), hardware: mi300x, workload: { inputTokens: 128, outputTokens: 256, prefixCacheHitRate: 0, arrivals: 'saturated' } }];
    for (const base of cases) {
      const auto = simulate({ ...base, chips: 'auto', objective: 'min-latency' });
      const latency = (r: typeof auto) => r.ttftSeconds + base.workload.outputTokens * r.tpotSeconds;
      // No fixed budget of up to 64 chips is more than 1% faster, and none with fewer chips is within 1%.
      expect(auto.config.chips).toBeLessThanOrEqual(64);
      for (const chips of [1, 2, 4, 8, 16, 32, 64]) {
        const fixed = simulate({ ...base, chips, objective: 'min-latency' });
        if (!fixed.feasible) continue;
        expect(latency(fixed)).toBeGreaterThanOrEqual(latency(auto) * 0.99);
        if (fixed.config.chips < auto.config.chips) expect(latency(fixed)).toBeGreaterThan(latency(auto) / 0.99);
      }
    }
  });

  it('a looser latency limit never lowers the best throughput (beyond the 1% saturation allowance)', () => {
    fc.assert(fc.property(fc.constantFrom(1, 2, 4, 8), fc.double({ min: 0.005, max: 0.2, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }),
      fc.constantFrom(llama8b, mixtral), (chips, tpot, looser, model) => {
        const tight = simulate(scenario(chips, model, tpot));
        const loose = simulate(scenario(chips, model, tpot * looser));
        expect(loose.outputTokensPerSecond).toBeGreaterThanOrEqual(tight.outputTokensPerSecond * 0.99);
      }), { numRuns: 25 });
  });

  it('disaggregated pools fit the chip budget and serve no more than the slower pool allows', () => {
    const r = simulate({ ...scenario(16, llama8b, 0.05), serving: 'disaggregated' });
    expect(r.feasible).toBe(true);
    const d = r.disaggregation!;
    const chips = d.prefill.replicas * d.prefill.chipsPerReplica + d.decode.replicas * d.decode.chipsPerReplica;
    expect(chips).toBe(r.config.chips);
    expect(chips).toBeLessThanOrEqual(16);
    expect(r.outputTokensPerSecond).toBeLessThanOrEqual(d.prefill.replicas * d.prefill.promptsPerSecondPerReplica * 256 * (1 + 1e-9));
    expect(r.ttftSeconds).toBeGreaterThan(d.kvTransferSeconds);
    expect(d.colocated).not.toBeNull();
    // The layouts compared are the two pools (chosen) against co-located layouts of the same chips.
    expect(r.alternatives[0]).toMatchObject({ chosen: true, chips: r.config.chips });
    expect(r.alternatives[0]!.layout).toMatch(/^disaggregated: prefill \d+ x TP\d+.*, decode \d+ x TP\d+/);
    expect(r.alternatives.slice(1).every((a) => !a.chosen && a.layout.startsWith('co-located '))).toBe(true);
    expect(deploymentLayout(r)).toBe(`prefill ${layoutName(d.prefill)}, decode ${layoutName(d.decode)}`);
  });

  it('a fixed chip count is paid whole: chips the best layout leaves idle are in the cost, and the warning says so', () => {
    // Llama 3.1 405B in fp8 needs four H200s (TP4); the fifth chip idles but is paid for.
    const llama405b = JSON.parse(readFileSync(new URL('../../models/llama-3.1-405b.json', import.meta.url), 'utf8')) as ModelArchitecture;
    const r = simulate({ ...scenario(5, llama405b, null), economics: { ...DEFAULT_ECONOMICS, rentalUsdPerChipHour: 2 } }, { frontier: false });
    expect(r.config.chips).toBe(4);
    expect(r.costPerHourUsd).toBeCloseTo(10, 9);
    expect(r.usdPerMillionOutputTokens!).toBeCloseTo((10 / (r.outputTokensPerSecond * 3600)) * 1e6, 9);
    expect(r.warnings.map((w) => w.text).join(' ')).toMatch(/1 of 5 chips stay idle.*counts all 5/);
    expect(r.explain.find((e) => e.key === 'costPerHourUsd')!.inputs[0]).toMatchObject({ name: 'chips paid for', value: 5 });
    // With "auto" only the chips in use are paid for.
    const auto = simulate({ ...scenario('auto', llama405b, null), economics: { ...DEFAULT_ECONOMICS, rentalUsdPerChipHour: 2 } }, { frontier: false });
    expect(auto.costPerHourUsd).toBeCloseTo(2 * auto.config.chips, 9);
  });

  it('a mixture-of-experts replica at batch 1 serves at the rate its own TTFT and TPOT imply', () => {
    // One sequence: out tokens take TTFT + (out - 1) x TPOT. Spreading the 8k prompt over every
    // decode step (16 tokens each) made each step read most experts: 35 tok/s against the 147 implied.
    const gptOss = JSON.parse(readFileSync(new URL('../../models/gpt-oss-120b.json', import.meta.url), 'utf8')) as ModelArchitecture;
    const s: ResolvedScenario = {
      ...scenario(1, gptOss, null), objective: { batch: 1 },
      workload: { inputTokens: 8192, outputTokens: 512, prefixCacheHitRate: 0, arrivals: 'saturated' },
    };
    const r = simulate(s, { frontier: false });
    const implied = 512 / (r.ttftSeconds + 511 * r.tpotSeconds);
    expect(r.outputTokensPerSecond / implied).toBeGreaterThan(0.9);
    expect(r.outputTokensPerSecond / implied).toBeLessThan(1.15);
  });

  it('disaggregated TTFT is one prefill step at the pool\'s load plus the KV transfer, not a full packed step', () => {
    // 128-token prompts, 4,096 output tokens: the prefill replica is mostly idle, so it computes a
    // few prompts per step; a packed step holds 8,192 / 128 = 64 prompts.
    const r = simulate({ ...scenario(16, llama8b, null), workload: { inputTokens: 128, outputTokens: 4096, prefixCacheHitRate: 0, arrivals: 'saturated' }, serving: 'disaggregated' }, { frontier: false });
    const d = r.disaggregation!;
    expect(r.ttftSeconds).toBeCloseTo(d.prefill.stepSecondsAtLoad + d.kvTransferSeconds, 12);
    const packedStepSeconds = 64 / d.prefill.promptsPerSecondPerReplica;
    expect(d.prefill.stepSecondsAtLoad).toBeLessThan(packedStepSeconds / 4);
    // At that step size the pool still keeps up with the prompts the decode pool consumes.
    expect(r.outputTokensPerSecond / 4096).toBeLessThanOrEqual(d.prefill.replicas * d.prefill.promptsPerSecondPerReplica * (1 + 1e-9));
  });

  it('idle chips of disaggregated pools are counted against both pools, not one replica', () => {
    const b200 = JSON.parse(readFileSync(new URL('../../hardware-profiles/nvidia-b200.json', import.meta.url), 'utf8')) as HardwareProfile;
    const llama70b = JSON.parse(readFileSync(new URL('../../models/llama-3.1-70b.json', import.meta.url), 'utf8')) as ModelArchitecture;
    const r = simulate({ ...scenario(8, llama70b, null), hardware: b200, engine: { ...DEFAULT_ENGINE },
      workload: { inputTokens: 128, outputTokens: 4096, prefixCacheHitRate: 0, arrivals: 'saturated' }, serving: 'disaggregated' }, { frontier: false });
    expect(r.config.chips).toBeLessThan(8);
    const idle = r.warnings.find((w) => w.code === 'engine.idle-chips')!;
    expect(idle.text).toBe(`${8 - r.config.chips} of 8 chips stay idle: the best prefill and decode pools use ${r.config.chips}. The cost counts all 8 (a fixed chip count is paid whole); set the chips to auto to pay only for those in use.`);
    // The result says which count it paid for, and its cost is that many chip-hours.
    expect(r.config.paidChips).toBe(8);
    expect(r.costPerHourUsd!).toBeCloseTo(8 * b200.price.rentalUsdPerChipHour!, 9);
    const auto = simulate({ ...scenario('auto', llama70b, null), hardware: b200, engine: { ...DEFAULT_ENGINE } }, { frontier: false });
    expect(auto.config.paidChips).toBe(auto.config.chips);
  });

  it('disaggregated pools hold no prefill replica the decode pool cannot use', () => {
    // Qwen3-235B on 24 H100s filled the budget with 4 prefill replicas where 3 fed the decode pool.
    const h100 = JSON.parse(readFileSync(new URL('../../hardware-profiles/nvidia-h100-sxm.json', import.meta.url), 'utf8')) as HardwareProfile;
    const qwen = JSON.parse(readFileSync(new URL('../../models/qwen3-235b-a22b.json', import.meta.url), 'utf8')) as ModelArchitecture;
    for (const [budget, s] of [[24, { hardware: h100, model: qwen }], [48, { hardware: h100, model: qwen }], [12, { model: llama8b }]] as const) {
      const r = simulate({ ...scenario(budget, llama8b, null), ...s, engine: { ...DEFAULT_ENGINE }, serving: 'disaggregated' }, { frontier: false });
      const d = r.disaggregation!;
      const decodeCapacity = d.decode.replicas * d.decode.chipsPerReplica * d.decode.outputTokensPerSecondPerChip;
      const promptFeed = (replicas: number) => replicas * d.prefill.promptsPerSecondPerReplica * 256;
      // One replica fewer would starve the decode pool.
      expect(promptFeed(d.prefill.replicas - 1)).toBeLessThan(decodeCapacity);
    }
  });

  it('MTP speculation with high acceptance raises per-user speed, on a model that ships an MTP module', () => {
    const mtp = { method: 'mtp', draftTokens: 2, acceptanceRate: 0.8, draftModel: null } as const;
    const withModule = { ...scenario(8, llama8b, null), model: { ...llama8b, mtpModules: 1 }, objective: 'min-latency' } as const;
    const plain = simulate(withModule);
    const spec = simulate({ ...withModule, speculative: mtp });
    expect(spec.tokensPerTargetStep).toBeCloseTo(expectedTokensPerStep(2, 0.8), 12);
    expect(spec.tokensPerSecondPerUser).toBeGreaterThan(plain.tokensPerSecondPerUser);
    // Llama 3.1 8B as published has no MTP module: MTP is ignored, and the result says so.
    const none = simulate({ ...scenario(8, llama8b, null), objective: 'min-latency', speculative: mtp });
    expect(none.tokensPerTargetStep).toBe(1);
    expect(none.tokensPerSecondPerUser).toBeCloseTo(simulate({ ...scenario(8, llama8b, null), objective: 'min-latency' }).tokensPerSecondPerUser, 9);
    expect(none.warnings.map((w) => w.code)).toContain('engine.mtp-modules-missing');
  });

  it('two-micro-batch overlap on a dense model changes nothing, and says so; on an MoE model it is not flagged', () => {
    const dense = scenario(8, llama8b, null);
    const overlapped = simulate({ ...dense, engine: { ...dense.engine, overlap: 'two-micro-batches' } });
    expect(overlapped.outputTokensPerSecond).toBe(simulate(dense).outputTokensPerSecond);
    expect(overlapped.warnings.map((w) => w.code)).toContain('engine.overlap-without-experts');
    const moe = scenario(8, mixtral, null);
    expect(simulate({ ...moe, engine: { ...moe.engine, overlap: 'two-micro-batches' } }).warnings.map((w) => w.code)).not.toContain('engine.overlap-without-experts');
  });

  it('data-parallel attention pinned on: every candidate layout has EP above 1 and DP attention, none dropped silently', () => {
    const base = scenario(8, mixtral, null);
    const pinned = simulate({ ...base, layout: { ...base.layout, dataParallelAttention: 'on' } });
    expect(pinned.feasible).toBe(true);
    expect(pinned.config.expertParallel).toBeGreaterThan(1);
    expect(pinned.config.dataParallelAttention).toBe(true);
    expect(pinned.alternatives.every((a) => a.layout.includes('DP-attention'))).toBe(true);
    // Pinned beside a TP that leaves no room for EP >= 2, the reason says so (not "try another chip count").
    const crowded = simulate({ ...base, layout: { ...base.layout, tensorParallel: 8, dataParallelAttention: 'on' } });
    expect(crowded.feasible).toBe(false);
    expect(crowded.reason?.code).toBe('engine.dp-attention-needs-ep');
    expect(crowded.reason?.text).toMatch(/TP 8 x PP 1 x EP 2 is 16 chips, more than the 8 available/);
    // Without DP attention, attention spans every chip of the expert groups: the layout's name says so.
    const off = simulate({ ...base, layout: { tensorParallel: 1, pipelineParallel: 1, expertParallel: 8, dataParallelAttention: 'off' } });
    expect(layoutName(off.config)).toBe('TP1 × EP8 (attention TP8) × 1 replica');
  });

  it('warns when a draft model is not smaller than the target; one of another vocabulary cannot serve', () => {
    const draft = (draftModel: ModelArchitecture) => ({ ...scenario(8, llama8b, null), speculative: { method: 'draft-model', draftTokens: 3, acceptanceRate: 0.7, draftModel } as const });
    const codes = (m: ModelArchitecture) => simulate(draft(m)).warnings.map((w) => w.code);
    const small = { ...llama8b, id: 'small', name: 'Small', numLayers: 4 };
    expect(codes(small)).not.toContain('engine.draft-not-smaller');
    expect(codes(llama8b)).toContain('engine.draft-not-smaller');
    expect(simulate(draft(small)).feasible).toBe(true);
    const other = simulate(draft({ ...small, vocabSize: 32000 }));
    expect(other.feasible).toBe(false);
    expect(other.reason?.code).toBe('engine.draft-vocabulary');
  });

  it('a draft model whose context window is shorter than the request cannot draft: speculation ignored, and said', () => {
    const small = { ...llama8b, id: 'small', name: 'Small', numLayers: 4, maxContextTokens: 4096 };
    const base = { ...scenario(8, llama8b, null), objective: 'min-latency' } as const;
    const at = (inputTokens: number) => simulate({ ...base, workload: { ...base.workload, inputTokens, outputTokens: 96 },
      speculative: { method: 'draft-model', draftTokens: 3, acceptanceRate: 0.7, draftModel: small } });
    const fits = at(4000);
    expect(fits.tokensPerTargetStep).toBeGreaterThan(1);
    expect(fits.warnings.map((w) => w.code)).not.toContain('engine.draft-context-window');
    const long = at(4001);
    expect(long.tokensPerTargetStep).toBe(1);
    expect(long.warnings.find((w) => w.code === 'engine.draft-context-window')?.text).toContain('reads at most 4,096 tokens and the request is 4,097');
  });

  it('a draft model smaller than the target speculates: more tokens per target step and faster per user at batch 1', () => {
    const small = { ...llama8b, id: 'small', name: 'Small', numLayers: 4 };
    const base = { ...scenario(8, llama8b, null), objective: 'min-latency' } as const;
    const plain = simulate(base);
    const spec = simulate({ ...base, speculative: { method: 'draft-model', draftTokens: 3, acceptanceRate: 0.7, draftModel: small } });
    expect(spec.tokensPerTargetStep).toBeCloseTo(expectedTokensPerStep(3, 0.7), 12);
    expect(spec.tokensPerSecondPerUser).toBeGreaterThan(plain.tokensPerSecondPerUser);
    // Without a draft model there is nothing to draft with: ignored, and said.
    const missing = simulate({ ...base, speculative: { method: 'draft-model', draftTokens: 3, acceptanceRate: 0.7, draftModel: null } });
    expect(missing.tokensPerTargetStep).toBe(1);
    expect(missing.tokensPerSecondPerUser).toBeCloseTo(plain.tokensPerSecondPerUser, 9);
    expect(missing.warnings.map((w) => w.code)).toContain('engine.draft-model-missing');
  });

  it('the vendor-claim setting on a chip without a claim says it computes at the silicon limit', () => {
    const r = simulate({ ...scenario(8, llama8b, null), efficiencyMode: 'claim' });
    expect(r.warnings.map((w) => w.code)).toContain('engine.no-vendor-claim');
    expect(r.outputTokensPerSecond).toBeCloseTo(simulate({ ...scenario(8, llama8b, null), efficiencyMode: 'spec' }).outputTokensPerSecond, 6);
    expect(simulate(scenario(8, llama8b, null)).warnings.map((w) => w.code)).not.toContain('engine.no-vendor-claim');
  });
});
