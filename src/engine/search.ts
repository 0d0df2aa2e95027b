import { formatSeconds } from '../format/units';
import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import type { EngineContext } from './context';
import { chipsToHold, usableBytesPerChip } from './memory';
import { evaluateBatch, firstTokenSeconds, prepareLayout, stepTokens, type BatchEvaluation, type Layout, type PreparedLayout } from './deployment';
import type { BatchLimit, FrontierPoint, LayoutAlternative } from './types';

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
  /** The best batch of each layout tried, for "why this layout won" (at most MAX_ALTERNATIVES). */
  alternatives: LayoutAlternative[];
}

/** Cap on pipeline stages tried per tensor-parallel size (bounded work for any input). */
const MAX_PIPELINE_CANDIDATES = 6;
/** Throughput within this share of the best is "saturated": a smaller batch serves users faster. */
const SATURATION_SHARE = 0.99;
/** Largest expert-parallel group tried: DeepSeek-style deployments run EP 32-320 (DeepSeek-V3 report). */
const MAX_EXPERT_PARALLEL = 64;
const MAX_ALTERNATIVES = 8;

function divisors(n: number, limit: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.min(n, limit); d++) if (n % d === 0) out.push(d);
  return out;
}

function budgetOf(ctx: EngineContext): number {
  const chips = ctx.scenario.chips;
  return chips === 'auto' ? Number.POSITIVE_INFINITY : chips;
}

/** Smallest pipeline depth whose per-chip weight share fits (weights only; KV is checked later). */
function minimumStages(ctx: EngineContext, attentionTp: number, chipsPerStage: number): number {
  const usable = usableBytesPerChip(ctx.scenario.hardware);
  const perStage = ctx.sharedWeightBytes / attentionTp + ctx.expertWeightBytes / chipsPerStage;
  return Math.max(1, Math.ceil(perStage / usable));
}

/** vLLM and TensorRT-LLM shard heads whole: `tp` divides the heads, and divides the KV heads or is a multiple of them. */
function attentionSplits(model: EngineContext['scenario']['model'], tp: number): boolean {
  const kvHeads = model.numKeyValueHeads;
  return model.numAttentionHeads % tp === 0 && (kvHeads % tp === 0 || tp % kvHeads === 0);
}

/**
 * Layouts worth trying: TP divides the heads (and the KV heads, or is a multiple of them) and stays
 * inside the scale-up domain; for MoE models EP (powers of two up to the expert count) may span the
 * network, with attention data-parallel over the EP groups or tensor-parallel over all of them; PP
 * covers what memory needs. A pinned part of the layout (scenario.layout) is used as given.
 */
export function candidateLayouts(ctx: EngineContext): Layout[] {
  const { hardware, model, layout: pins } = ctx.scenario;
  const budget = budgetOf(ctx);
  const layouts: Layout[] = [];
  const tpOptions = pins.tensorParallel === 'auto'
    ? divisors(model.numAttentionHeads, Math.min(hardware.scaleUp.domainSize, budget)).filter((tp) => attentionSplits(model, tp))
    : [pins.tensorParallel];
  const epOptions = pins.expertParallel !== 'auto' ? [pins.expertParallel] : [1];
  if (pins.expertParallel === 'auto' && model.moe !== null) {
    for (let ep = 2; ep <= Math.min(model.moe.numExperts, MAX_EXPERT_PARALLEL); ep *= 2) epOptions.push(ep);
  }
  for (const tp of tpOptions) {
    for (const ep of epOptions) {
      if (tp * ep > budget) break;
      // Data-parallel attention runs over EP groups: pinned on, a layout without EP cannot have it.
      const dpOptions = ep === 1 ? (pins.dataParallelAttention === 'on' ? [] : [false])
        : pins.dataParallelAttention === 'auto' ? [true, false] : [pins.dataParallelAttention === 'on'];
      for (const dp of dpOptions) {
        const attentionTp = dp ? tp : tp * ep;
        // Attention tensor-parallel over the whole EP group splits heads as TP does (the rule --tp
        // enforces): gpt-oss-120b's 64 heads were once spread over TP 8 x EP 64 = 512 chips.
        if (!dp && ep > 1 && !attentionSplits(model, attentionTp)) continue;
        const stages = new Set<number>();
        if (pins.pipelineParallel !== 'auto') stages.add(pins.pipelineParallel);
        else {
          const minPp = minimumStages(ctx, attentionTp, tp * ep);
          if (minPp > model.numLayers) continue;
          stages.add(minPp);
          for (let pp = 1; stages.size < MAX_PIPELINE_CANDIDATES && pp <= model.numLayers; pp *= 2) {
            if (pp > minPp) stages.add(pp);
          }
          if (stages.size < MAX_PIPELINE_CANDIDATES && minPp * 2 <= model.numLayers) stages.add(minPp * 2);
        }
        for (const pp of stages) {
          if (pp > model.numLayers || tp * pp * ep > budget) continue;
          layouts.push({ tensorParallel: tp, pipelineParallel: pp, expertParallel: ep, dataParallelAttention: dp });
        }
      }
    }
  }
  return layouts;
}

function needsTtft(ctx: EngineContext): boolean {
  return ctx.scenario.slo.maxTtftSeconds !== null || ctx.scenario.objective === 'min-latency';
}

function missesTpot(ctx: EngineContext, e: BatchEvaluation): boolean {
  const limit = ctx.scenario.slo.maxTpotSeconds;
  return limit !== null && !(e.tpotSeconds <= limit);
}

function missesTtft(ctx: EngineContext, e: BatchEvaluation): boolean {
  const limit = ctx.scenario.slo.maxTtftSeconds;
  return limit !== null && !(e.ttftSeconds <= limit);
}

function meetsSlo(ctx: EngineContext, e: BatchEvaluation): boolean {
  return !missesTpot(ctx, e) && !missesTtft(ctx, e);
}

/**
 * Largest integer in [lo, hi] for which `ok` holds, assuming ok is monotone (true then false) and
 * ok(lo). Gallops over powers of two first (the batches the frontier ladder evaluates anyway, so
 * they are cached), then bisects the octave where ok turns false.
 */
function largestPassing(lo: number, hi: number, ok: (n: number) => boolean): number {
  let a = lo;
  let b = hi;
  let p = 1;
  while (p <= a) p *= 2;
  for (; p < b; p *= 2) {
    if (!ok(p)) {
      b = p - 1;
      break;
    }
    a = p;
  }
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

/** Which latency limit an evaluation misses, with the value reached: "TPOT 10.1 ms (limit 3.33 ms)". */
export function sloMissDetail(ctx: EngineContext, tpotSeconds: number, ttftSeconds: number, qualifier = ''): string {
  const { maxTpotSeconds, maxTtftSeconds } = ctx.scenario.slo;
  const parts: string[] = [];
  if (maxTpotSeconds !== null && !(tpotSeconds <= maxTpotSeconds)) {
    parts.push(`TPOT ${formatSeconds(tpotSeconds)}${qualifier} (limit ${formatSeconds(maxTpotSeconds)})`);
  }
  if (maxTtftSeconds !== null && !(ttftSeconds <= maxTtftSeconds)) {
    parts.push(`TTFT ${formatSeconds(ttftSeconds)}${qualifier} (limit ${formatSeconds(maxTtftSeconds)})`);
  }
  return parts.join(' and ');
}

/** The batch caps of a layout, tightest first: memory, the engine's sequence cap, its step-token cap. */
export function batchCaps(ctx: EngineContext, prepared: PreparedLayout): { cap: number; limit: BatchLimit } {
  const groups = prepared.shard.attentionGroups;
  const { maxSequences, maxTokensPerStep } = ctx.scenario.engine;
  const caps: { cap: number; limit: BatchLimit }[] = [
    { cap: prepared.memory.maxSequences, limit: 'memory' },
    // The runtime's caps apply per serving engine: under DP attention, per attention group (SGLang).
    { cap: maxSequences * groups, limit: 'max-sequences' },
  ];
  if (maxTokensPerStep !== 'auto') {
    // The budget is per forward pass: with PP, each micro-batch has its own (TensorRT-LLM schedules
    // every micro-batch against max_num_tokens: batch_manager/trtGptModelInflightBatching.cpp).
    const microBatches = prepared.layout.pipelineParallel;
    caps.push({ cap: Math.floor(maxTokensPerStep / stepTokens(ctx, 1)) * groups * microBatches, limit: 'max-tokens-per-step' });
  }
  return caps.reduce((a, b) => (b.cap < a.cap ? b : a));
}

/**
 * Evaluations of one layout by batch, shared by the batch choice and the frontier: TPOT and
 * throughput always, TTFT (a whole chunked prefill to time) only when something asks for it.
 */
export class LayoutEvaluations {
  private readonly cache = new Map<number, BatchEvaluation>();

  constructor(private readonly ctx: EngineContext, readonly prepared: PreparedLayout, private readonly prefillOnTheseChips = true) {}

  at(batch: number): BatchEvaluation {
    let e = this.cache.get(batch);
    if (e === undefined) {
      e = evaluateBatch(this.ctx, this.prepared, batch, { prefillOnTheseChips: this.prefillOnTheseChips, full: false, ttft: false });
      this.cache.set(batch, e);
    }
    return e;
  }

  withTtft(batch: number): BatchEvaluation {
    const e = this.at(batch);
    if (Number.isNaN(e.ttftSeconds)) e.ttftSeconds = firstTokenSeconds(this.ctx, this.prepared, batch);
    return e;
  }

  /** The latency limits, TTFT timed only when TPOT passes and a TTFT limit exists. */
  meetsSlo(batch: number): boolean {
    const e = this.at(batch);
    if (missesTpot(this.ctx, e)) return false;
    return this.ctx.scenario.slo.maxTtftSeconds === null || !missesTtft(this.ctx, this.withTtft(batch));
  }
}

export function chooseBatch(ctx: EngineContext, prepared: PreparedLayout, prefillOnTheseChips = true,
  evaluations: LayoutEvaluations = new LayoutEvaluations(ctx, prepared, prefillOnTheseChips)): BatchChoice {
  const { objective } = ctx.scenario;
  const { cap, limit: capLimit } = batchCaps(ctx, prepared);
  if (cap < 1) {
    // The cap that binds is the reason: memory, or the engine's own step-token setting.
    const { maxTokensPerStep } = ctx.scenario.engine;
    const reason = capLimit === 'max-tokens-per-step' && maxTokensPerStep !== 'auto'
      ? ENGINE.stepCapBelowOneSequence(maxTokensPerStep, Number(stepTokens(ctx, 1).toPrecision(3)))
      : ENGINE.noLayoutHoldsModel();
    return { reason, atBatchOne: null };
  }
  const ttft = needsTtft(ctx);
  const at = (b: number) => (ttft ? evaluations.withTtft(b) : evaluations.at(b));
  if (typeof objective === 'object') {
    if (objective.batch > cap) {
      const reason = capLimit === 'max-sequences' ? ENGINE.fixedBatchOverSequenceCap(objective.batch, cap)
        : capLimit === 'max-tokens-per-step' ? ENGINE.fixedBatchOverStepCap(objective.batch, cap)
          : ENGINE.fixedBatchTooLarge(objective.batch, cap);
      return { reason, atBatchOne: null };
    }
    const evaluation = at(objective.batch);
    if (meetsSlo(ctx, evaluation)) return { evaluation, limit: 'objective' };
    return { reason: ENGINE.fixedBatchMissesSlo(sloMissDetail(ctx, evaluation.tpotSeconds, evaluation.ttftSeconds)), atBatchOne: null };
  }
  const first = at(1);
  if (!meetsSlo(ctx, first)) {
    return { reason: ENGINE.sloUnreachable(sloMissDetail(ctx, first.tpotSeconds, first.ttftSeconds)), atBatchOne: first };
  }
  if (objective === 'min-latency') return { evaluation: first, limit: 'objective' };
  const largest = largestPassing(1, cap, (b) => evaluations.meetsSlo(b));
  // Throughput need not peak at the largest batch (a pipelined layout's can fall past a few
  // sequences per stage): the peak is the best of the largest batch and the powers of two below it,
  // so a faster chip never settles for less than 99% of a peak the slower one reached.
  let peakBatch = largest;
  for (let b = 1; b < largest; b *= 2) {
    if (evaluations.at(b).replicaOutputTokensPerSecond > evaluations.at(peakBatch).replicaOutputTokensPerSecond) peakBatch = b;
  }
  const peak = evaluations.at(peakBatch).replicaOutputTokensPerSecond;
  // The smallest batch within 1% of the peak: one more than the largest below it.
  const below = (b: number) => b === 0 || evaluations.at(b).replicaOutputTokensPerSecond < SATURATION_SHARE * peak;
  const enough = largestPassing(0, peakBatch - 1, below) + 1;
  // Throughput flat well below the bound (>10% fewer sequences reach 99% of it) is saturation (reported as "compute-saturation" whatever the bottleneck: memory-bound steps saturate too);
  // otherwise the bound itself (a latency limit, memory, an engine cap) is what limits the batch.
  let bound: BatchLimit = capLimit;
  if (largest < cap) bound = missesTpot(ctx, evaluations.at(largest + 1)) ? 'tpot-limit' : 'ttft-limit';
  const limit: BatchLimit = enough < 0.9 * largest ? 'compute-saturation' : bound;
  return { evaluation: at(enough), limit };
}

/** A request's latency: its first token, then every other at the TPOT. */
function requestLatency(ctx: EngineContext, c: Candidate): number {
  return c.evaluation.ttftSeconds + ctx.scenario.workload.outputTokens * c.evaluation.tpotSeconds;
}

function better(ctx: EngineContext, a: Candidate, b: Candidate | null): boolean {
  if (b === null) return true;
  if (ctx.scenario.objective === 'min-latency') {
    const latency = (c: Candidate) => requestLatency(ctx, c);
    const la = latency(a);
    const lb = latency(b);
    if (Math.abs(la - lb) > 1e-12 * lb) return la < lb;
    return a.chips < b.chips;
  }
  // With a chip budget: most total throughput; with "auto": most throughput per chip (cheapest tokens).
  const score = (c: Candidate) => (ctx.scenario.chips === 'auto' ? c.outputTokensPerSecond / c.chips : c.outputTokensPerSecond);
  const sa = score(a);
  const sb = score(b);
  if (Math.abs(sa - sb) > 1e-9 * sb) return sa > sb;
  return a.chips < b.chips;
}

/**
 * With "auto" chips, the fewest chips whose throughput per chip is within 1% of the best: as the
 * batch rule keeps the smallest batch within 1% of the peak, 128 chips never win over 64 for 1.5%
 * more per chip (DeepSeek-R1 on H200 at TPOT <= 50 ms). Under min-latency, the fewest chips whose
 * request latency is within 1% of the lowest: gpt-oss-120b on MI300X took 512 chips for 183
 * tokens/s per user where 8 chips give 181.
 */
function fewestChipsNearBest(ctx: EngineContext, served: readonly Candidate[], best: Candidate | null): Candidate | null {
  if (best === null || ctx.scenario.chips !== 'auto') return best;
  // Higher is better: throughput per chip, or the inverse of a request's latency.
  const merit = ctx.scenario.objective === 'min-latency'
    ? (c: Candidate) => 1 / requestLatency(ctx, c)
    : (c: Candidate) => c.outputTokensPerSecond / c.chips;
  const floor = SATURATION_SHARE * merit(best);
  let chosen = best;
  for (const c of served) {
    if (merit(c) >= floor && (c.chips < chosen.chips || (c.chips === chosen.chips && merit(c) > merit(chosen)))) chosen = c;
  }
  return chosen;
}

export function describeLayout(l: Pick<Layout, 'tensorParallel' | 'pipelineParallel' | 'expertParallel'> & { dataParallelAttention?: boolean }): string {
  return `TP${l.tensorParallel}${l.pipelineParallel > 1 ? ` PP${l.pipelineParallel}` : ''}${l.expertParallel > 1 ? ` EP${l.expertParallel}${l.dataParallelAttention ? ' DP-attention' : ''}` : ''}`;
}

/** `withFrontier` false: no frontier (it costs a batch ladder per layout and a TTFT per point). */
export function searchDeployments(ctx: EngineContext, withFrontier = true): SearchOutcome {
  const layouts = candidateLayouts(ctx);
  let best: Candidate | null = null;
  let reason: Message | null = null;
  // Batch-1 latencies of layouts that miss the SLO: the best of them goes into the reason.
  let bestTpot = Number.POSITIVE_INFINITY;
  let bestTtft = Number.POSITIVE_INFINITY;
  const frontierCandidates: FrontierCandidate[] = [];
  const alternatives: LayoutAlternative[] = [];
  const served: Candidate[] = [];
  const pinned = ctx.scenario.layout.tensorParallel !== 'auto' || ctx.scenario.layout.pipelineParallel !== 'auto'
    || ctx.scenario.layout.expertParallel !== 'auto';
  for (const layout of layouts) {
    const prepared = prepareLayout(ctx, layout);
    const name = describeLayout(prepared.layout);
    if (prepared.unusable !== null) {
      reason = prepared.unusable;
      alternatives.push(unservable(name, prepared.chipsPerReplica, prepared.unusable.text));
      continue;
    }
    if (prepared.memory.maxSequences < 1) {
      if (pinned) reason = ENGINE.pinnedLayoutDoesNotFit(name, `${(prepared.memory.weightsBytesPerChip / 1e9).toFixed(1)} GB of weights per chip exceed the ${(prepared.memory.usableBytesPerChip / 1e9).toFixed(1)} GB usable`);
      continue;
    }
    const replicas = ctx.scenario.chips === 'auto' ? 1 : Math.floor(ctx.scenario.chips / prepared.chipsPerReplica);
    const evaluations = new LayoutEvaluations(ctx, prepared);
    const chosen = chooseBatch(ctx, prepared, true, evaluations);
    if (withFrontier) collectFrontier(ctx, evaluations, frontierCandidates, isBatchFailure(chosen) ? null : chosen.evaluation.batch);
    if (isBatchFailure(chosen)) {
      reason = chosen.reason;
      alternatives.push(unservable(name, prepared.chipsPerReplica, chosen.reason.text));
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
    alternatives.push({
      layout: name, chosen: false, chips: candidate.chips, batch: chosen.evaluation.batch,
      outputTokensPerSecondPerChip: candidate.outputTokensPerSecond / candidate.chips,
      tokensPerSecondPerUser: 1 / chosen.evaluation.tpotSeconds, tpotSeconds: chosen.evaluation.tpotSeconds,
      usdPerMillionOutputTokens: null, reason: null,
    });
    served.push(candidate);
    if (better(ctx, candidate, best)) best = candidate;
  }
  best = fewestChipsNearBest(ctx, served, best);
  if (best === null && Number.isFinite(bestTpot)) {
    const detail = sloMissDetail(ctx, bestTpot, bestTtft, ' at best');
    reason = ENGINE.sloUnreachable(detail === '' ? 'no single layout meets both limits at once' : detail);
  }
  if (reason === null) reason = insufficientChipsReason(ctx, layouts.length);
  if (best !== null) best = { ...best, evaluation: evaluateBatch(ctx, best.prepared, best.evaluation.batch) };
  // The winner first, then the others by throughput per chip: the numbers behind "why this layout".
  const winner = best === null ? null : describeLayout(best.prepared.layout);
  for (const a of alternatives) a.chosen = a.reason === null && a.layout === winner;
  alternatives.sort((a, b) => Number(b.chosen) - Number(a.chosen) || (b.reason === null ? 1 : 0) - (a.reason === null ? 1 : 0)
    || b.outputTokensPerSecondPerChip - a.outputTokensPerSecondPerChip);
  // TTFT only for the points on the frontier (a chunked prefill to time per point).
  const frontier = paretoFrontier(frontierCandidates.map((c) => c.point));
  for (const p of frontier) {
    const c = frontierCandidates.find((x) => x.point === p)!;
    p.ttftSeconds = c.evaluations.withTtft(p.batch).ttftSeconds;
  }
  return { best, reason, layoutsTried: layouts.length, frontier, alternatives: alternatives.slice(0, MAX_ALTERNATIVES) };
}

function unservable(layout: string, chips: number, reason: string): LayoutAlternative {
  return { layout, chosen: false, chips, batch: 0, outputTokensPerSecondPerChip: 0, tokensPerSecondPerUser: 0, tpotSeconds: null, usdPerMillionOutputTokens: null, reason };
}

function insufficientChipsReason(ctx: EngineContext, layoutsTried: number): Message {
  const pins = ctx.scenario.layout;
  // The pins themselves left nothing to try (DP attention pinned on leaves no room for EP >= 2 beside TP).
  if (layoutsTried === 0 && pins.dataParallelAttention === 'on' && ctx.scenario.model.moe !== null) {
    const tp = pins.tensorParallel === 'auto' ? 1 : pins.tensorParallel;
    const pp = pins.pipelineParallel === 'auto' ? 1 : pins.pipelineParallel;
    return ENGINE.dpAttentionNeedsEp(tp, pp, ctx.scenario.chips === 'auto' ? null : ctx.scenario.chips);
  }
  const needed = chipsToHold(ctx.sharedWeightBytes + ctx.expertWeightBytes, ctx.scenario.hardware);
  const have = ctx.scenario.chips === 'auto' ? null : ctx.scenario.chips;
  // Enough chips in all, but no layout of that count (TP x PP dividing heads and layers) holds the
  // model: "needs 323 (have 324)" would contradict itself.
  if (have !== null && have >= needed) return ENGINE.noLayoutOfCount(needed, have);
  return ENGINE.chipsForWeights(needed, have);
}

/**
 * One layout's frontier points (no SLO applied): a power-of-two batch ladder up to the layout's
 * largest batch, that batch itself, and the chosen batch, so the frontier covers every batch the
 * search may pick (a chosen point can never lie beyond its own frontier).
 */
interface FrontierCandidate {
  point: FrontierPoint;
  evaluations: LayoutEvaluations;
}

function collectFrontier(ctx: EngineContext, evaluations: LayoutEvaluations, out: FrontierCandidate[], chosenBatch: number | null): void {
  const prepared = evaluations.prepared;
  const { cap } = batchCaps(ctx, prepared);
  const batches = new Set<number>();
  for (let b = 1; b <= cap; b *= 2) batches.add(b);
  if (cap >= 1 && Number.isFinite(cap)) batches.add(cap);
  if (chosenBatch !== null) batches.add(chosenBatch);
  for (const b of batches) {
    const e = evaluations.at(b);
    out.push({ evaluations, point: {
      tensorParallel: prepared.layout.tensorParallel,
      pipelineParallel: prepared.layout.pipelineParallel,
      expertParallel: prepared.layout.expertParallel,
      batch: b,
      chips: prepared.chipsPerReplica,
      tokensPerSecondPerUser: 1 / e.tpotSeconds,
      outputTokensPerSecondPerChip: e.replicaOutputTokensPerSecond / prepared.chipsPerReplica,
      tpotSeconds: e.tpotSeconds,
      ttftSeconds: Number.NaN,
      usdPerMillionOutputTokens: 0,
    } });
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
