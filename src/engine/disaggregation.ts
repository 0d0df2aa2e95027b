import { PREFILL_CHUNK_TOKENS, type EngineContext } from './context';
import { evaluateBatch, prepareLayout, stageTime, type PreparedLayout } from './deployment';
import { kvBytesPerSequencePerChip } from './memory';
import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import { candidateLayouts, chooseBatch, isBatchFailure, type Candidate } from './search';
import type { DisaggregationSummary } from './types';

interface PrefillPool {
  prepared: PreparedLayout;
  promptsPerSecond: number;
  latencySeconds: number;
}

/**
 * Disaggregated serving (DistServe, Zhong 2024; Splitwise, Patel 2024): a prefill pool computes
 * prompts and ships their KV cache over the scale-out network to a decode pool that only decodes.
 * Pools are sized so prompt supply matches decode demand; the chip budget is split to maximise
 * output tokens/s (or tokens/s per chip when chips are "auto").
 */
export function searchDisaggregated(ctx: EngineContext): { best: Candidate; summary: Omit<DisaggregationSummary, 'colocated'> } | Message {
  const { workload, hardware, slo } = ctx.scenario;
  const layouts = candidateLayouts(ctx).map((l) => prepareLayout(ctx, l)).filter((p) => p.memory.maxSequences >= 1);
  if (layouts.length === 0) return ENGINE.noLayoutHoldsModel();
  const kvBytesPerPrompt = kvBytesPerSequencePerChip(ctx.scenario.model, workload.inputTokens, ctx.kvBytesPerValue, 1, 1);
  const link = hardware.scaleOut.bandwidthBytesPerSecondPerDirection * hardware.efficiency.linkEfficiency;

  let bestPrefill: PrefillPool | null = null;
  for (const prepared of layouts) {
    const pool = prefillPool(ctx, prepared);
    const transfer = hardware.scaleOut.latencySeconds + kvBytesPerPrompt / (prepared.chipsPerReplica * link);
    if (slo.maxTtftSeconds !== null && pool.latencySeconds + transfer > slo.maxTtftSeconds) continue;
    if (bestPrefill === null || pool.promptsPerSecond / prepared.chipsPerReplica
      > bestPrefill.promptsPerSecond / bestPrefill.prepared.chipsPerReplica) bestPrefill = pool;
  }
  if (bestPrefill === null) return ENGINE.noPrefillPool();

  let bestDecode: { prepared: PreparedLayout; chosen: Exclude<ReturnType<typeof chooseBatch>, { reason: Message }> } | null = null;
  for (const prepared of layouts) {
    const chosen = chooseBatch(ctx, prepared, false);
    if (isBatchFailure(chosen)) continue;
    const perChip = chosen.evaluation.replicaOutputTokensPerSecond / prepared.chipsPerReplica;
    if (bestDecode === null || perChip > bestDecode.chosen.evaluation.replicaOutputTokensPerSecond / bestDecode.prepared.chipsPerReplica) {
      bestDecode = { prepared, chosen };
    }
  }
  if (bestDecode === null) return ENGINE.noDecodePool();

  const decodeRate = bestDecode.chosen.evaluation.replicaOutputTokensPerSecond;
  const promptRate = bestPrefill.promptsPerSecond * workload.outputTokens; // output tokens/s one prefill replica feeds
  const cd = bestDecode.prepared.chipsPerReplica;
  const cp = bestPrefill.prepared.chipsPerReplica;
  const split = splitChips(ctx.scenario.chips, cd, cp, decodeRate, promptRate);
  if (split === null) return ENGINE.disaggregationChips(cd + cp, ctx.scenario.chips ?? 0);

  const transfer = hardware.scaleOut.latencySeconds + kvBytesPerPrompt / (Math.min(cp, cd) * link);
  const chips = split.decodeReplicas * cd + split.prefillReplicas * cp;
  const output = Math.min(split.decodeReplicas * decodeRate, split.prefillReplicas * promptRate);
  const evaluation = {
    ...evaluateBatch(ctx, bestDecode.prepared, bestDecode.chosen.evaluation.batch, { prefillOnTheseChips: false }),
    ttftSeconds: bestPrefill.latencySeconds + transfer,
    prefillShare: (split.prefillReplicas * cp) / chips,
  };
  return {
    best: {
      prepared: bestDecode.prepared,
      evaluation,
      replicas: split.decodeReplicas,
      chips,
      batchLimitedBy: bestDecode.chosen.limit,
      outputTokensPerSecond: output,
    },
    summary: {
      prefill: { ...poolLayout(bestPrefill.prepared, split.prefillReplicas), promptsPerSecondPerReplica: bestPrefill.promptsPerSecond },
      decode: { ...poolLayout(bestDecode.prepared, split.decodeReplicas), batch: evaluation.batch },
      kvTransferSeconds: transfer,
      kvBytesPerPrompt,
    },
  };
}

function poolLayout(p: PreparedLayout, replicas: number) {
  return { ...p.layout, replicas, chipsPerReplica: p.chipsPerReplica };
}

/** Prompts packed into one step up to the chunk size; with PP, stages work on successive prompts. */
function prefillPool(ctx: EngineContext, prepared: PreparedLayout): PrefillPool {
  const ep = prepared.layout.expertParallel;
  const perGroup = Math.max(1, Math.floor(PREFILL_CHUNK_TOKENS / Math.max(1, ctx.newPromptTokens)));
  const prompts = perGroup * ep;
  const stage = stageTime(ctx, prepared, {
    decodeSequences: 0, decodeContextTokens: 0,
    prefillTokens: prompts * Math.max(1, ctx.newPromptTokens), prefillPrompts: prompts,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
  }, false);
  const overhead = ctx.scenario.hardware.efficiency.stepOverheadSeconds;
  return {
    prepared,
    promptsPerSecond: prompts / (stage.seconds + overhead),
    latencySeconds: prepared.layout.pipelineParallel * stage.seconds + overhead,
  };
}

/** Replica counts of each pool: best output within the budget, or best per chip when chips are auto. */
interface Split { decodeReplicas: number; prefillReplicas: number; score: number }

function splitChips(budget: number | null, cd: number, cp: number, decodeRate: number, promptRate: number): Split | null {
  let best = null as Split | null;
  const consider = (nd: number, np: number) => {
    if (nd < 1 || np < 1) return;
    const output = Math.min(nd * decodeRate, np * promptRate);
    const score = budget === null ? output / (nd * cd + np * cp) : output;
    if (best === null || score > best.score * (1 + 1e-12)) best = { decodeReplicas: nd, prefillReplicas: np, score };
  };
  if (budget === null) {
    for (let np = 1; np <= 16; np++) {
      const ideal = (np * promptRate) / decodeRate;
      consider(Math.max(1, Math.floor(ideal)), np);
      consider(Math.max(1, Math.ceil(ideal)), np);
    }
  } else {
    // Bounded: at most 100000 chips / cd iterations, each O(1).
    for (let nd = 1; nd * cd + cp <= budget; nd++) consider(nd, Math.floor((budget - nd * cd) / cp));
  }
  return best;
}
