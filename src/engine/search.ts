import { formatSeconds } from '../format/units';
import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import type { EngineContext } from './context';
import { usableBytesPerChip } from './memory';
import { evaluateBatch, prepareLayout, type BatchEvaluation, type Layout, type PreparedLayout } from './deployment';
import type { FrontierPoint, SimulationResult } from './types';

type BatchLimit = SimulationResult['memory']['batchLimitedBy'];

export interface Candidate {
  prepared: PreparedLayout;
  evaluation: BatchEvaluation;
  replicas: number;
  chips: number;
  batchLimitedBy: BatchLimit;
  outputTokensPerSecond: number;
}


export interface SearchOutcome {
  best: Candidate | null;
  /** Why nothing fits, when best is null. */
  reason: Message;
  layoutsTried: number;
  frontier: FrontierPoint[];
}

/** Cap on pipeline stages tried per tensor-parallel size (bounded work for any input). */
const MAX_PIPELINE_CANDIDATES = 6;
/** Throughput within this share of the best is "saturated": a smaller batch serves users faster. */
const SATURATION_SHARE = 0.99;

function divisors(n: number, limit: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.min(n, limit); d++) if (n % d === 0) out.push(d);
  return out;
}

/** Smallest pipeline depth whose per-chip weight share fits (weights only; KV is checked later). */
function minimumStages(ctx: EngineContext, tp: number, ep: number): number {
  const usable = usableBytesPerChip(ctx.scenario.hardware);
  const { total, routedExperts } = ctx.params;
  const weights = (total - routedExperts + routedExperts / ep) * ctx.weightBytesPerValue;
  return Math.max(1, Math.ceil(weights / (tp * usable)));
}

/** Largest expert-parallel group tried: DeepSeek-style deployments run EP 32-320 (DeepSeek-V3 report). */
const MAX_EXPERT_PARALLEL = 64;

/**
 * Layouts worth trying: TP divides the heads and stays inside the scale-up domain; for MoE models
 * EP (powers of two up to the expert count) may span the network; PP covers what memory needs.
 */
export function candidateLayouts(ctx: EngineContext): Layout[] {
  const { hardware, model, chips } = ctx.scenario;
  const budget = chips ?? Number.POSITIVE_INFINITY;
  const layouts: Layout[] = [];
  const expertOptions = [1];
  if (model.moe !== null) {
    for (let ep = 2; ep <= Math.min(model.moe.numExperts, MAX_EXPERT_PARALLEL); ep *= 2) expertOptions.push(ep);
  }
  for (const tp of divisors(model.numAttentionHeads, Math.min(hardware.scaleUp.domainSize, budget))) {
    for (const ep of expertOptions) {
      if (tp * ep > budget) break;
      const minPp = minimumStages(ctx, tp, ep);
      if (minPp > model.numLayers) continue;
      const stages = new Set<number>([minPp]);
      for (let pp = 1; stages.size < MAX_PIPELINE_CANDIDATES && pp <= model.numLayers; pp *= 2) {
        if (pp > minPp) stages.add(pp);
      }
      if (stages.size < MAX_PIPELINE_CANDIDATES && minPp * 2 <= model.numLayers) stages.add(minPp * 2);
      for (const pp of stages) {
        if (pp > model.numLayers || tp * pp * ep > budget) continue;
        layouts.push({ tensorParallel: tp, pipelineParallel: pp, expertParallel: ep });
      }
    }
  }
  return layouts;
}

function needsTtft(ctx: EngineContext): boolean {
  return ctx.scenario.slo.maxTtftSeconds !== null || ctx.scenario.objective === 'min-latency';
}

function meetsSlo(ctx: EngineContext, e: BatchEvaluation): boolean {
  const { maxTpotSeconds, maxTtftSeconds } = ctx.scenario.slo;
  return (maxTpotSeconds === null || e.tpotSeconds <= maxTpotSeconds)
    && (maxTtftSeconds === null || e.ttftSeconds <= maxTtftSeconds);
}

/** Largest integer in [lo, hi] for which `ok` holds, assuming ok is monotone (true then false). */
function largestPassing(lo: number, hi: number, ok: (n: number) => boolean): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (ok(mid)) a = mid;
    else b = mid - 1;
  }
  return a;
}

/** A layout whose batch cannot be chosen: why, and its batch-1 latencies when the SLO is the cause. */
export interface BatchFailure {
  reason: Message;
  /** Set when even one sequence misses a latency limit (the best this layout can do). */
  atBatchOne: BatchEvaluation | null;
}

export type BatchChoice = { evaluation: BatchEvaluation; limit: BatchLimit } | BatchFailure;

export function isBatchFailure(choice: BatchChoice): choice is BatchFailure {
  return 'reason' in choice;
}

/** Which latency limit a batch-1 evaluation misses, with the value reached: "TPOT 10.1 ms (limit 3.33 ms)". */
export function sloMissDetail(ctx: EngineContext, tpotSeconds: number, ttftSeconds: number, qualifier = ''): string {
  const { maxTpotSeconds, maxTtftSeconds } = ctx.scenario.slo;
  const parts: string[] = [];
  if (maxTpotSeconds !== null && tpotSeconds > maxTpotSeconds) {
    parts.push(`TPOT ${formatSeconds(tpotSeconds)}${qualifier} (limit ${formatSeconds(maxTpotSeconds)})`);
  }
  if (maxTtftSeconds !== null && ttftSeconds > maxTtftSeconds) {
    parts.push(`TTFT ${formatSeconds(ttftSeconds)}${qualifier} (limit ${formatSeconds(maxTtftSeconds)})`);
  }
  return parts.join(' and ');
}

export function chooseBatch(
  ctx: EngineContext,
  prepared: PreparedLayout,
  prefillOnTheseChips = true,
): BatchChoice {
  const { objective, maxBatchPerReplica } = ctx.scenario;
  const memoryCap = prepared.memory.maxSequences;
  const runtimeCap = runtimeBatchCap(ctx, prepared);
  const cap = Math.min(memoryCap, runtimeCap);
  const capLimit: BatchLimit = memoryCap <= runtimeCap ? 'memory' : 'max-batch-setting';
  if (typeof objective === 'object') {
    if (objective.batch > memoryCap) return { reason: ENGINE.fixedBatchTooLarge(objective.batch, memoryCap), atBatchOne: null };
    const evaluation = evaluateBatch(ctx, prepared, objective.batch, { prefillOnTheseChips, full: false, ttft: needsTtft(ctx) });
    if (meetsSlo(ctx, evaluation)) return { evaluation, limit: 'objective' };
    return { reason: ENGINE.fixedBatchMissesSlo(sloMissDetail(ctx, evaluation.tpotSeconds, evaluation.ttftSeconds)), atBatchOne: null };
  }
  const options = { prefillOnTheseChips, full: false, ttft: needsTtft(ctx) };
  const first = evaluateBatch(ctx, prepared, 1, options);
  if (!meetsSlo(ctx, first)) {
    return { reason: ENGINE.sloUnreachable(sloMissDetail(ctx, first.tpotSeconds, first.ttftSeconds)), atBatchOne: first };
  }
  if (objective === 'min-latency') return { evaluation: first, limit: 'objective' };
  const cache = new Map<number, BatchEvaluation>([[1, first]]);
  const at = (b: number) => {
    let e = cache.get(b);
    if (!e) {
      e = evaluateBatch(ctx, prepared, b, options);
      cache.set(b, e);
    }
    return e;
  };
  const largest = largestPassing(1, cap, (b) => meetsSlo(ctx, at(b)));
  const peak = at(largest).replicaOutputTokensPerSecond;
  const enough = largestPassing(1, largest, (b) => b === 1 || at(b - 1).replicaOutputTokensPerSecond < SATURATION_SHARE * peak);
  // Throughput flat well below the bound (>10% fewer sequences reach 99% of it) is compute saturation;
  // otherwise the bound itself (latency limit, memory, runtime cap) is what limits the batch.
  const bound: BatchLimit = largest === cap ? capLimit : 'slo';
  const limit: BatchLimit = enough < 0.9 * largest ? 'compute-saturation' : bound;
  return { evaluation: at(enough), limit };
}

/** The runtime's sequence cap applies per serving engine: under EP, per attention group (SGLang DP attention). */
function runtimeBatchCap(ctx: EngineContext, prepared: PreparedLayout): number {
  return ctx.scenario.maxBatchPerReplica * prepared.layout.expertParallel;
}

function better(ctx: EngineContext, a: Candidate, b: Candidate | null): boolean {
  if (b === null) return true;
  if (ctx.scenario.objective === 'min-latency') {
    const latency = (c: Candidate) => c.evaluation.ttftSeconds + ctx.scenario.workload.outputTokens * c.evaluation.tpotSeconds;
    const la = latency(a);
    const lb = latency(b);
    if (Math.abs(la - lb) > 1e-12 * lb) return la < lb;
    return a.chips < b.chips;
  }
  // With a chip budget: most total throughput; with "auto": most throughput per chip (cheapest tokens).
  const score = (c: Candidate) => (ctx.scenario.chips === null ? c.outputTokensPerSecond / c.chips : c.outputTokensPerSecond);
  const sa = score(a);
  const sb = score(b);
  if (Math.abs(sa - sb) > 1e-9 * sb) return sa > sb;
  return a.chips < b.chips;
}

export function searchDeployments(ctx: EngineContext): SearchOutcome {
  const layouts = candidateLayouts(ctx);
  let best: Candidate | null = null;
  let reason: Message | null = null;
  // Batch-1 latencies of layouts that miss the SLO: the best of them goes into the reason.
  let bestTpot = Number.POSITIVE_INFINITY;
  let bestTtft = Number.POSITIVE_INFINITY;
  const frontierCandidates: FrontierPoint[] = [];
  for (const layout of layouts) {
    const prepared = prepareLayout(ctx, layout);
    if (prepared.memory.maxSequences < 1) continue;
    const replicas = ctx.scenario.chips === null ? 1 : Math.floor(ctx.scenario.chips / prepared.chipsPerReplica);
    collectFrontier(ctx, prepared, frontierCandidates);
    const chosen = chooseBatch(ctx, prepared);
    if (isBatchFailure(chosen)) {
      reason = chosen.reason;
      if (chosen.atBatchOne !== null) {
        bestTpot = Math.min(bestTpot, chosen.atBatchOne.tpotSeconds);
        if (Number.isFinite(chosen.atBatchOne.ttftSeconds)) bestTtft = Math.min(bestTtft, chosen.atBatchOne.ttftSeconds);
      }
      continue;
    }
    const candidate: Candidate = {
      prepared,
      evaluation: chosen.evaluation,
      replicas,
      chips: replicas * prepared.chipsPerReplica,
      batchLimitedBy: chosen.limit,
      outputTokensPerSecond: replicas * chosen.evaluation.replicaOutputTokensPerSecond,
    };
    if (better(ctx, candidate, best)) best = candidate;
  }
  if (best === null && Number.isFinite(bestTpot)) {
    const detail = sloMissDetail(ctx, bestTpot, bestTtft, ' at best');
    reason = ENGINE.sloUnreachable(detail === '' ? 'no single layout meets both limits at once' : detail);
  }
  if (reason === null) reason = insufficientChipsReason(ctx);
  if (best !== null) best = { ...best, evaluation: evaluateBatch(ctx, best.prepared, best.evaluation.batch) };
  return { best, reason, layoutsTried: layouts.length, frontier: paretoFrontier(frontierCandidates) };
}

function insufficientChipsReason(ctx: EngineContext): Message {
  const usable = usableBytesPerChip(ctx.scenario.hardware);
  const needed = Math.ceil((ctx.params.total * ctx.weightBytesPerValue) / usable);
  return ENGINE.chipsForWeights(needed, ctx.scenario.chips);
}

/** Evaluates a power-of-two batch ladder of one layout for the Pareto frontier (no SLO applied). */
function collectFrontier(ctx: EngineContext, prepared: PreparedLayout, out: FrontierPoint[]): void {
  const cap = Math.min(prepared.memory.maxSequences, runtimeBatchCap(ctx, prepared));
  for (let b = 1; b <= cap; b *= 2) {
    const e = evaluateBatch(ctx, prepared, b, { full: false });
    out.push({
      tensorParallel: prepared.layout.tensorParallel,
      pipelineParallel: prepared.layout.pipelineParallel,
      expertParallel: prepared.layout.expertParallel,
      batch: b,
      chips: prepared.chipsPerReplica,
      tokensPerSecondPerUser: 1 / e.tpotSeconds,
      outputTokensPerSecondPerChip: e.replicaOutputTokensPerSecond / prepared.chipsPerReplica,
      tpotSeconds: e.tpotSeconds,
      ttftSeconds: e.ttftSeconds,
      usdPerMillionOutputTokens: 0,
    });
  }
}

/** Points no other point beats on both per-user speed and per-chip throughput, by speed. */
export function paretoFrontier(points: FrontierPoint[]): FrontierPoint[] {
  const sorted = [...points].sort((a, b) => b.tokensPerSecondPerUser - a.tokensPerSecondPerUser
    || b.outputTokensPerSecondPerChip - a.outputTokensPerSecondPerChip);
  const frontier: FrontierPoint[] = [];
  let bestPerChip = -Infinity;
  for (const p of sorted) {
    if (p.outputTokensPerSecondPerChip > bestPerChip) {
      frontier.push(p);
      bestPerChip = p.outputTokensPerSecondPerChip;
    }
  }
  return frontier.reverse();
}
