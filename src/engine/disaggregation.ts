import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import type { EngineContext } from './context';
import { evaluateBatch, prefillChunkTokens, prepareLayout, stageSeconds, type PreparedLayout } from './deployment';
import { kvBytesPerSequencePerChip } from './memory';
import { candidateLayouts, chooseBatch, isBatchFailure, type BatchChoice, type Candidate } from './search';
import type { DisaggregationSummary } from './types';

interface PrefillPool {
  prepared: PreparedLayout;
  promptsPerSecond: number;
  latencySeconds: number;
}

interface DecodePool {
  prepared: PreparedLayout;
  chosen: Exclude<BatchChoice, { reason: Message }>;
}

/** Pool layouts tried per side (the best per chip for each replica size), bounding the pairing. */
const MAX_POOL_OPTIONS = 6;

/**
 * Disaggregated serving (DistServe, Zhong 2024; Splitwise, Patel 2024): a prefill pool computes
 * prompts and ships their KV cache over the scale-out network to a decode pool that only decodes.
 * Pools are sized so prompt supply matches decode demand. Every pairing of a prefill layout with a
 * decode layout that fits the chip budget is tried, so a budget too small for the fastest layouts
 * still gets the smaller ones (one chip each, when one chip holds the model).
 */
export function searchDisaggregated(ctx: EngineContext): { best: Candidate; summary: Omit<DisaggregationSummary, 'colocated'> } | Message {
  const { workload, hardware, slo } = ctx.scenario;
  const layouts = candidateLayouts(ctx).map((l) => prepareLayout(ctx, l)).filter((p) => p.memory.maxSequences >= 1 && p.unusable === null);
  if (layouts.length === 0) return ENGINE.noLayoutHoldsModel();
  const kvBytesPerPrompt = kvBytesPerSequencePerChip(ctx.scenario.model, workload.inputTokens, ctx.kvBytesPerValue, 1, 1);
  const link = hardware.scaleOut.bandwidthBytesPerSecondPerDirection * ctx.efficiency.link;
  const transferSeconds = (chips: number) => hardware.scaleOut.latencySeconds + kvBytesPerPrompt / (chips * link);

  const prefillPools: PrefillPool[] = [];
  for (const prepared of layouts) {
    const pool = prefillPool(ctx, prepared);
    if (slo.maxTtftSeconds !== null && !(pool.latencySeconds + transferSeconds(prepared.chipsPerReplica) <= slo.maxTtftSeconds)) continue;
    prefillPools.push(pool);
  }
  if (prefillPools.length === 0) return ENGINE.noPrefillPool();
  const decodePools: DecodePool[] = [];
  for (const prepared of layouts) {
    const chosen = chooseBatch(ctx, prepared, false);
    if (!isBatchFailure(chosen)) decodePools.push({ prepared, chosen });
  }
  if (decodePools.length === 0) return ENGINE.noDecodePool();

  const prefillOptions = bestPerSize(prefillPools, (p) => p.prepared.chipsPerReplica, (p) => p.promptsPerSecond);
  const decodeOptions = bestPerSize(decodePools, (d) => d.prepared.chipsPerReplica, (d) => d.chosen.evaluation.replicaOutputTokensPerSecond);
  let best: { prefill: PrefillPool; decode: DecodePool; split: Split } | null = null;
  for (const p of prefillOptions) {
    for (const d of decodeOptions) {
      const decodeRate = d.chosen.evaluation.replicaOutputTokensPerSecond;
      const promptRate = p.promptsPerSecond * workload.outputTokens; // output tokens/s one prefill replica feeds
      const split = splitChips(ctx.scenario.chips, d.prepared.chipsPerReplica, p.prepared.chipsPerReplica, decodeRate, promptRate);
      if (split !== null && (best === null || betterSplit(split, best.split))) best = { prefill: p, decode: d, split };
    }
  }
  if (best === null) {
    const smallest = Math.min(...decodeOptions.map((d) => d.prepared.chipsPerReplica)) + Math.min(...prefillOptions.map((p) => p.prepared.chipsPerReplica));
    return ENGINE.disaggregationChips(smallest, ctx.scenario.chips === 'auto' ? 0 : ctx.scenario.chips);
  }
  const { prefill, decode, split } = best;
  const cd = decode.prepared.chipsPerReplica;
  const cp = prefill.prepared.chipsPerReplica;
  const transfer = transferSeconds(Math.min(cp, cd));
  const chips = split.decodeReplicas * cd + split.prefillReplicas * cp;
  const decodeRate = decode.chosen.evaluation.replicaOutputTokensPerSecond;
  const output = Math.min(split.decodeReplicas * decodeRate, split.prefillReplicas * prefill.promptsPerSecond * workload.outputTokens);
  const prefillSeconds = loadedPrefillSeconds(ctx, prefill, output / workload.outputTokens / split.prefillReplicas);
  const evaluation = {
    ...evaluateBatch(ctx, decode.prepared, decode.chosen.evaluation.batch, { prefillOnTheseChips: false }),
    ttftSeconds: prefillSeconds + transfer,
    prefillShare: (split.prefillReplicas * cp) / chips,
  };
  return {
    best: {
      prepared: decode.prepared,
      evaluation,
      replicas: split.decodeReplicas,
      chips,
      batchLimitedBy: decode.chosen.limit,
      outputTokensPerSecond: output,
    },
    summary: {
      prefill: {
        ...poolLayout(prefill.prepared, split.prefillReplicas),
        promptsPerSecondPerReplica: prefill.promptsPerSecond,
        promptTokensPerSecondPerChip: (prefill.promptsPerSecond * Math.max(1, ctx.newPromptTokens)) / cp,
        stepSecondsAtLoad: prefillSeconds,
      },
      decode: {
        ...poolLayout(decode.prepared, split.decodeReplicas),
        batch: evaluation.batch,
        outputTokensPerSecondPerChip: decodeRate / cd,
      },
      kvTransferSeconds: transfer,
      kvBytesPerPrompt,
    },
  };
}

/** For each replica size, the option with the most work per chip; the best few overall. */
function bestPerSize<T>(options: T[], size: (o: T) => number, rate: (o: T) => number): T[] {
  const bySize = new Map<number, T>();
  for (const o of options) {
    const current = bySize.get(size(o));
    if (current === undefined || rate(o) > rate(current)) bySize.set(size(o), o);
  }
  return [...bySize.values()].sort((a, b) => rate(b) / size(b) - rate(a) / size(a)).slice(0, MAX_POOL_OPTIONS);
}

function poolLayout(p: PreparedLayout, replicas: number) {
  const { tensorParallel, pipelineParallel, expertParallel } = p.layout;
  return { tensorParallel, pipelineParallel, expertParallel, replicas, chipsPerReplica: p.chipsPerReplica };
}

/** Prompts per attention group that one prefill step packs, up to the chunk size. */
function packedPerGroup(ctx: EngineContext): number {
  return Math.max(1, Math.floor(prefillChunkTokens(ctx, 0) / Math.max(1, ctx.newPromptTokens)));
}

/** A prefill step of `perGroup` prompts in every attention group: its stage time (with PP, stages work on successive steps). */
function prefillStageSeconds(ctx: EngineContext, prepared: PreparedLayout, perGroup: number): number {
  const prompts = perGroup * prepared.shard.attentionGroups;
  return stageSeconds(ctx, prepared, {
    decodeSequences: 0, decodeContextTokens: 0,
    prefillTokens: prompts * Math.max(1, ctx.newPromptTokens), prefillPrompts: prompts,
    cachedTokensPerPrompt: ctx.cachedPromptTokens, promptsOnePerGroup: true,
  }, 0);
}

/** Prompts packed into one step up to the chunk size: the pool's capacity and the latency of a full step. */
function prefillPool(ctx: EngineContext, prepared: PreparedLayout): PrefillPool {
  const perGroup = packedPerGroup(ctx);
  const stage = prefillStageSeconds(ctx, prepared, perGroup);
  const overhead = ctx.efficiency.stepOverheadSeconds;
  return {
    prepared,
    promptsPerSecond: (perGroup * prepared.shard.attentionGroups) / (stage + overhead),
    latencySeconds: prepared.layout.pipelineParallel * stage + overhead,
  };
}

/**
 * A prefill replica under its actual load computes steps of as few prompts as keep up with the
 * prompts it receives, not full ones: the smallest such step sets the TTFT (a 128-token prompt on a
 * replica 7% busy took the 64-prompt step's 0.66 s). Throughput per step only grows with its
 * prompts, so the smallest is found by bisection.
 */
function loadedPrefillSeconds(ctx: EngineContext, pool: PrefillPool, promptsPerSecond: number): number {
  const { prepared } = pool;
  const groups = prepared.shard.attentionGroups;
  const overhead = ctx.efficiency.stepOverheadSeconds;
  const keepsUp = (perGroup: number) => (perGroup * groups) / (prefillStageSeconds(ctx, prepared, perGroup) + overhead) >= promptsPerSecond;
  // A full step is the pool's own rate: when even that falls short, the pool runs full steps.
  if (!(pool.promptsPerSecond >= promptsPerSecond)) return pool.latencySeconds;
  let lo = 1;
  let hi = packedPerGroup(ctx);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (keepsUp(mid)) hi = mid;
    else lo = mid + 1;
  }
  return prepared.layout.pipelineParallel * prefillStageSeconds(ctx, prepared, lo) + overhead;
}

/** Replica counts of each pool: best output within the budget, or best per chip when chips are auto. */
interface Split { decodeReplicas: number; prefillReplicas: number; score: number; chips: number }

/** A higher score, or the same score on fewer chips. */
function betterSplit(a: Split, b: Split): boolean {
  if (Math.abs(a.score - b.score) > 1e-12 * b.score) return a.score > b.score;
  return a.chips < b.chips;
}

function splitChips(budget: number | 'auto', cd: number, cp: number, decodeRate: number, promptRate: number): Split | null {
  let best = null as Split | null;
  const consider = (nd: number, np: number) => {
    if (nd < 1 || np < 1) return;
    const output = Math.min(nd * decodeRate, np * promptRate);
    const chips = nd * cd + np * cp;
    const split = { decodeReplicas: nd, prefillReplicas: np, score: budget === 'auto' ? output / chips : output, chips };
    if (best === null || betterSplit(split, best)) best = split;
  };
  // Prefill replicas beyond what the decode replicas consume add chips and no output.
  const prefillNeeded = (nd: number) => Math.max(1, Math.ceil((nd * decodeRate) / promptRate * (1 - 1e-12)));
  if (budget === 'auto') {
    for (let np = 1; np <= 16; np++) {
      const ideal = (np * promptRate) / decodeRate;
      consider(Math.max(1, Math.floor(ideal)), np);
      consider(Math.max(1, Math.ceil(ideal)), np);
    }
  } else {
    // Bounded: at most 100000 chips / cd iterations, each O(1).
    for (let nd = 1; nd * cd + cp <= budget; nd++) consider(nd, Math.min(prefillNeeded(nd), Math.floor((budget - nd * cd) / cp)));
  }
  return best;
}
