import { allReduceSeconds, allToAllSeconds, sendSeconds, type LinkRates } from './collectives';
import { PREFILL_CHUNK_TOKENS, type EngineContext } from './context';
import { kvBytesPerSequencePerChip, planMemory, type MemoryPlan } from './memory';
import type { LayerGroup } from './architecture';
import { poissonSafeConcurrency } from './queueing';
import { headOperators, layerOperators, type RawOperator, type ShardPlan, type StepShape } from './operators';
import { timeOperator, type ChipRates, type TimedOperator } from './roofline';
import type { Bottleneck } from './types';

/** A parallel layout of one replica (batch is chosen later). */
export interface Layout {
  tensorParallel: number;
  pipelineParallel: number;
  expertParallel: number;
}

/** Batch-independent facts of a layout: memory plan and rates. */
export interface PreparedLayout {
  layout: Layout;
  chipsPerReplica: number;
  memory: MemoryPlan;
  rates: ChipRates;
  shard: ShardPlan;
  /** Links used by tensor-parallel collectives, expert all-to-alls and pipeline hops. */
  tpLink: LinkRates;
  epLink: LinkRates;
  ppLink: LinkRates;
  layersPerStage: number;
}

export interface StepTiming {
  seconds: number;
  breakdown: Record<Bottleneck, number>;
  operators: TimedOperator[];
  communicationSeconds: number;
}

export interface BatchEvaluation {
  batch: number;
  tpotSeconds: number;
  ttftSeconds: number;
  /** Output tokens/s of one replica. */
  replicaOutputTokensPerSecond: number;
  /** Share of step time spent on prompt tokens (charged to input tokens); NaN unless `full`. */
  prefillShare: number;
  /** The decode-only step with its operators; null unless `full`. */
  decodeStep: StepTiming | null;
}

export interface EvaluateOptions {
  /** false for a disaggregated decode pool, which receives finished prompts. */
  prefillOnTheseChips?: boolean;
  /** Compute TTFT (NaN otherwise): the search asks only when a TTFT limit or latency objective needs it. */
  ttft?: boolean;
  /** Also compute the decode-only step (breakdown, operators) and the prefill share: final results only. */
  full?: boolean;
}

export function prepareLayout(ctx: EngineContext, layout: Layout): PreparedLayout {
  const { hardware, model } = ctx.scenario;
  const tp = layout.tensorParallel;
  const pp = layout.pipelineParallel;
  const ep = layout.expertParallel;
  const chips = tp * pp * ep;
  // Routed experts spread over every chip of a stage; the rest is replicated per attention group.
  const shared = (ctx.params.total - ctx.params.routedExperts) / (tp * pp);
  const experts = ctx.params.routedExperts / chips;
  // A draft model lives beside the target on every chip of the replica, with its own KV cache.
  const draft = ctx.speculation?.draft ?? null;
  const draftWeights = draft === null ? 0 : (draft.params.total * draft.weightBytesPerValue) / (tp * pp);
  const draftKv = draft === null ? 0 : kvBytesPerSequencePerChip(draft.scenario.model, ctx.maxContextTokens, draft.kvBytesPerValue, tp, pp);
  const memory = planMemory(
    hardware,
    (shared + experts) * ctx.weightBytesPerValue + draftWeights,
    kvBytesPerSequencePerChip(model, ctx.maxContextTokens, ctx.kvBytesPerValue, tp, pp) + draftKv,
    ep,
  );
  const rates: ChipRates = {
    matrixFlopsPerSecond: ctx.rate.flopsPerSecond * ctx.computeEfficiency,
    hbmBytesPerSecond: hardware.memory.hbmBandwidthBytesPerSecond * ctx.memoryEfficiency,
    sramBytesPerSecond: hardware.memory.sramBandwidthBytesPerSecond * ctx.memoryEfficiency,
    weightSramFraction: memory.weightSramFraction,
    kvInSram: memory.kvInSram,
    kernelOverheadSeconds: hardware.efficiency.kernelOverheadSeconds,
    attentionSaturationBatch: hardware.efficiency.attentionSaturationBatch,
  };
  const scaleUp: LinkRates = {
    bytesPerSecond: hardware.scaleUp.bandwidthBytesPerSecondPerDirection * hardware.efficiency.linkEfficiency,
    latencySeconds: hardware.scaleUp.latencySeconds,
  };
  const scaleOut: LinkRates = {
    bytesPerSecond: hardware.scaleOut.bandwidthBytesPerSecondPerDirection * hardware.efficiency.linkEfficiency,
    latencySeconds: hardware.scaleOut.latencySeconds,
  };
  return {
    layout,
    chipsPerReplica: chips,
    memory,
    rates,
    shard: {
      tensorParallel: tp,
      expertParallel: ep,
      weightBytesPerValue: ctx.weightBytesPerValue,
      activationBytesPerValue: ctx.activationBytesPerValue,
      kvBytesPerValue: ctx.kvBytesPerValue,
    },
    tpLink: scaleUp,
    epLink: tp * ep <= hardware.scaleUp.domainSize ? scaleUp : scaleOut,
    // Stages stay inside the scale-up domain while the replica fits in it; beyond, hops cross the network.
    ppLink: chips <= hardware.scaleUp.domainSize ? scaleUp : scaleOut,
    layersPerStage: Math.ceil(model.numLayers / pp),
  };
}

function moeLayerShare(ctx: EngineContext): number {
  let moe = 0;
  for (const g of ctx.groups) if (g.ffn === 'moe') moe += g.count;
  return moe / ctx.scenario.model.numLayers;
}

/** Accumulates operator times of one stage into a StepTiming (no closures on the hot path). */
class StageAccumulator {
  seconds = 0;
  readonly breakdown: Record<Bottleneck, number> = { compute: 0, memory: 0, communication: 0, overhead: 0 };
  readonly operators: TimedOperator[] = [];
  constructor(private readonly rates: ChipRates, private readonly sequencesPerGroup: number, private readonly collect: boolean) {}

  add(raw: RawOperator, scale: number): void {
    const timed = timeOperator(raw, this.rates, this.sequencesPerGroup);
    const n = raw.count * scale;
    this.seconds += timed.seconds * n;
    this.breakdown.overhead += timed.overheadSeconds * n;
    if (timed.computeSeconds >= timed.memorySeconds) this.breakdown.compute += timed.computeSeconds * n;
    else this.breakdown.memory += timed.memorySeconds * n;
    if (this.collect) this.operators.push(scale === 1 ? timed : { ...timed, op: { ...raw, count: n } });
  }
}

/** Time of one pipeline stage processing `shape` (all layers when PP = 1), including its collectives. */
export function stageTime(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape, collect = true): StepTiming {
  const { model } = ctx.scenario;
  const layerScale = prepared.layersPerStage / model.numLayers;
  const ep = prepared.layout.expertParallel;
  const acc = new StageAccumulator(prepared.rates, shape.decodeSequences / ep, collect);
  for (const group of ctx.groups) {
    for (const raw of layerOperators(model, group, shape, prepared.shard)) acc.add(raw, layerScale);
  }
  // The last stage also runs the LM head; the slowest stage sets the pipeline's pace.
  for (const raw of headOperators(model, shape, prepared.shard)) acc.add(raw, 1);
  const communication = stageCommunication(ctx, prepared, shape);
  acc.breakdown.communication += communication;
  return { seconds: acc.seconds + communication, breakdown: acc.breakdown, operators: acc.operators, communicationSeconds: communication };
}

function stageCommunication(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape): number {
  const { model } = ctx.scenario;
  const ep = prepared.layout.expertParallel;
  const tokens = (shape.decodeSequences * (shape.queryTokensPerSequence ?? 1) + shape.prefillTokens) / ep;
  const tp = prepared.layout.tensorParallel;
  const hiddenBytes = tokens * model.hiddenSize * ctx.collectiveBytesPerValue;
  // Two all-reduces of the hidden state per layer under tensor parallelism (Megatron-LM, Shoeybi 2019).
  const allReduce = allReduceSeconds(hiddenBytes, tp, prepared.tpLink);
  let communication = 2 * prepared.layersPerStage * allReduce;
  if (ep > 1) {
    // MoE layers swap the FFN all-reduce for dispatch + combine all-to-alls over the TP x EP chips;
    // each chip sends its tokens' hidden states to k experts (DeepEP-style, DeepSeek-V3 report 3.4).
    const moeLayers = moeLayerShare(ctx) * prepared.layersPerStage;
    const k = model.moe?.expertsPerToken ?? 1;
    const dispatch = allToAllSeconds((hiddenBytes * k) / tp, tp * ep, prepared.epLink);
    communication += moeLayers * (2 * dispatch - allReduce);
  }
  if (prepared.layout.pipelineParallel > 1) communication += sendSeconds(hiddenBytes, prepared.ppLink);
  return communication;
}

/**
 * Continuous batching in steady state (MODEL.md section 5): B sequences per replica decode one
 * token per step, and new prompts arrive at B/outputTokens per step, their prefill chunked into
 * the same steps (Sarathi-Serve, Agrawal 2024). With PP stages, B is split into PP micro-batches
 * and a token passes every stage: TPOT = PP x stage time + per-step overhead.
 * Pipeline bubbles: an iteration's prompt chunks ride in one micro-batch, and the others wait
 * behind it at every stage (Sarathi-Serve section 3.3), so the stage time holds the whole
 * iteration's prefill: cycle = PP x (decode of B/PP + prefill of the iteration).
 */
export function evaluateBatch(
  ctx: EngineContext,
  prepared: PreparedLayout,
  batch: number,
  options: EvaluateOptions = {},
): BatchEvaluation {
  const prefillOnTheseChips = options.prefillOnTheseChips ?? true;
  const full = options.full ?? true;
  const { workload, hardware } = ctx.scenario;
  const pp = prepared.layout.pipelineParallel;
  const microBatches = Math.min(pp, batch);
  const perMicroBatch = batch / microBatches;
  const spec = ctx.speculation;
  const tokensPerStep = spec?.expectedTokensPerStep ?? 1;
  const query = spec === null ? 1 : spec.draftTokens + 1;
  // Disaggregated decode pools receive finished prompts (their KV) and compute no prefill.
  const promptsPerStep = prefillOnTheseChips ? (batch * tokensPerStep) / workload.outputTokens : 0;
  const mixed: StepShape = {
    decodeSequences: perMicroBatch,
    decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: promptsPerStep * ctx.newPromptTokens,
    prefillPrompts: promptsPerStep,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
    queryTokensPerSequence: query,
  };
  const overhead = hardware.efficiency.stepOverheadSeconds;
  const draftSeconds = spec === null ? 0 : draftTime(ctx, prepared, perMicroBatch) * microBatches;
  const mixedStage = stageTime(ctx, prepared, mixed, false);
  const stepSeconds = pp * mixedStage.seconds + overhead + draftSeconds;
  const tpot = stepSeconds / tokensPerStep;
  const decodeOnly = full ? stageTime(ctx, prepared, { ...mixed, prefillTokens: 0, prefillPrompts: 0 }) : null;
  const prefillShare = decodeOnly === null ? Number.NaN
    : Math.max(0, 1 - (pp * decodeOnly.seconds + overhead + draftSeconds) / stepSeconds);
  const ttft = full || (options.ttft ?? true) ? timeToFirstToken(ctx, prepared, perMicroBatch) : Number.NaN;
  // Online traffic keeps slots free for bursts: the mean load is the p99-safe concurrency.
  const load = workload.arrivals === 'poisson' ? poissonSafeConcurrency(batch) : batch;
  return {
    batch,
    tpotSeconds: tpot,
    ttftSeconds: ttft,
    replicaOutputTokensPerSecond: load / tpot,
    prefillShare,
    decodeStep: decodeOnly === null ? null : wholeStep(decodeOnly, pp, overhead + draftSeconds),
  };
}

function timeToFirstToken(ctx: EngineContext, prepared: PreparedLayout, perMicroBatch: number): number {
  const pp = prepared.layout.pipelineParallel;
  const overhead = ctx.scenario.hardware.efficiency.stepOverheadSeconds;
  // A new prompt is computed in chunks, each sharing a step with the running decode batch.
  const chunks = Math.max(1, Math.ceil(ctx.newPromptTokens / PREFILL_CHUNK_TOKENS));
  const chunkTokens = ctx.newPromptTokens / chunks;
  // A prompt lives in one attention group; under EP every group takes one, so the step shape holds EP prompts.
  const ep = prepared.layout.expertParallel;
  const chunkStage = stageTime(ctx, prepared, {
    decodeSequences: perMicroBatch,
    decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: chunkTokens * ep,
    prefillPrompts: ep,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
  }, false);
  return chunks * (pp * chunkStage.seconds + overhead);
}

/**
 * Time the draft takes to propose its tokens for one micro-batch: `draftTokens` sequential decode
 * steps of the draft model, or of one extra transformer layer plus the shared LM head for MTP
 * (DeepSeek-V3 report, section 2.2).
 */
function draftTime(ctx: EngineContext, prepared: PreparedLayout, sequences: number): number {
  const spec = ctx.speculation!;
  const shape: StepShape = {
    decodeSequences: sequences, decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0,
  };
  if (spec.draft !== null) {
    const draftLayout = prepareLayout(spec.draft, { ...prepared.layout, pipelineParallel: 1, expertParallel: 1 });
    return spec.draftTokens * (stageTime(spec.draft, draftLayout, shape, false).seconds + spec.draft.scenario.hardware.efficiency.stepOverheadSeconds);
  }
  const { model } = ctx.scenario;
  const oneLayer: LayerGroup = { count: 1, windowTokens: null, ffn: model.moe !== null ? 'moe' : 'dense' };
  let seconds = 0;
  for (const raw of [...layerOperators(model, oneLayer, shape, prepared.shard), ...headOperators(model, shape, prepared.shard)]) {
    seconds += timeOperator(raw, prepared.rates, sequences / prepared.layout.expertParallel).seconds * raw.count;
  }
  const allReduce = allReduceSeconds((sequences / prepared.layout.expertParallel) * model.hiddenSize * ctx.collectiveBytesPerValue, prepared.layout.tensorParallel, prepared.tpLink);
  return spec.draftTokens * (seconds + 2 * allReduce);
}

/** A token's full step: every stage once, plus the per-step fixed cost. */
function wholeStep(stage: StepTiming, pipelineParallel: number, overheadSeconds: number): StepTiming {
  const b = stage.breakdown;
  return {
    seconds: pipelineParallel * stage.seconds + overheadSeconds,
    breakdown: {
      compute: pipelineParallel * b.compute,
      memory: pipelineParallel * b.memory,
      communication: pipelineParallel * b.communication,
      overhead: pipelineParallel * b.overhead + overheadSeconds,
    },
    operators: stage.operators,
    communicationSeconds: pipelineParallel * stage.communicationSeconds,
  };
}
