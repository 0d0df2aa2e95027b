import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import { allReduceSeconds, allToAllSeconds, sendSeconds, type LinkRates } from './collectives';
import type { EngineContext } from './context';
import { kvBytesPerSequencePerChip, kvSramFraction, planMemory, type MemoryPlan } from './memory';
import type { LayerGroup } from './architecture';
import { poissonSafeConcurrency } from './queueing';
import { groupShare, headOperators, layerOperators, type RawOperator, type ShardPlan, type StepShape } from './operators';
import { operatorSeconds, timeOperator, type ChipRates, type TimedOperator } from './roofline';
import type { Bottleneck } from './types';

/** A parallel layout of one replica (batch is chosen later). */
export interface Layout {
  tensorParallel: number;
  pipelineParallel: number;
  expertParallel: number;
  /** Attention in EP groups of TP chips on shares of the batch (only meaningful with EP > 1). */
  dataParallelAttention: boolean;
}

/** Batch-independent facts of a layout: memory plan, rates and the links its collectives use. */
export interface PreparedLayout {
  layout: Layout;
  chipsPerReplica: number;
  memory: MemoryPlan;
  rates: ChipRates;
  shard: ShardPlan;
  /** Links of the attention all-reduces, the expert all-to-alls and the pipeline hops. */
  attentionLink: LinkRates;
  expertLink: LinkRates;
  pipelineLink: LinkRates;
  layersPerStage: number;
  /** Why the layout cannot run (a link it needs has no bandwidth); null when it can. */
  unusable: Message | null;
}

export interface StepTiming {
  seconds: number;
  breakdown: Record<Bottleneck, number>;
  operators: TimedOperator[];
  communicationSeconds: number;
}

export interface BatchEvaluation {
  batch: number;
  /** The time per output token a user sees: decode steps plus other users' prompt chunks. */
  tpotSeconds: number;
  ttftSeconds: number;
  /** Output tokens/s of one replica (all the work of the steps, every prompt included). */
  replicaOutputTokensPerSecond: number;
  /** Share of step time spent on prompt tokens (charged to input tokens). */
  prefillShare: number;
  /** The decode-only step with its operators; null unless `full`. */
  decodeStep: StepTiming | null;
}

export interface EvaluateOptions {
  /** false for a disaggregated decode pool, which receives finished prompts. */
  prefillOnTheseChips?: boolean;
  /** Compute TTFT (NaN otherwise): the search asks only when a TTFT limit or latency objective needs it. */
  ttft?: boolean;
  /** Also keep the decode step's operators: final results only. */
  full?: boolean;
}

function link(bytesPerSecond: number, latencySeconds: number, efficiency: number): LinkRates {
  return { bytesPerSecond: bytesPerSecond * efficiency, latencySeconds };
}

export function prepareLayout(ctx: EngineContext, layout: Layout): PreparedLayout {
  const { hardware, model } = ctx.scenario;
  const e = ctx.efficiency;
  const { tensorParallel: tp, pipelineParallel: pp, expertParallel: ep } = layout;
  const chips = tp * pp * ep;
  const dpAttention = layout.dataParallelAttention && ep > 1;
  const attentionTp = dpAttention ? tp : tp * ep;
  const groups = dpAttention ? ep : 1;
  // Routed experts spread over every chip of a stage; the rest is sharded like attention.
  const shared = ctx.sharedWeightBytes / (attentionTp * pp);
  const experts = ctx.expertWeightBytes / chips;
  // A draft model lives beside the target on every chip of the replica, with its own KV cache.
  const draft = ctx.speculation?.draft ?? null;
  const draftWeights = draft === null ? 0 : (draft.sharedWeightBytes + draft.expertWeightBytes) / (attentionTp * pp);
  const draftKv = draft === null ? 0 : kvBytesPerSequencePerChip(draft.scenario.model, ctx.maxContextTokens, draft.kvBytesPerValue, attentionTp, pp);
  const memory = planMemory(
    hardware,
    shared + experts + draftWeights,
    kvBytesPerSequencePerChip(model, ctx.maxContextTokens, ctx.kvBytesPerValue, attentionTp, pp) + draftKv,
    groups,
  );
  const hbm = hardware.memory.hbmBandwidthBytesPerSecond;
  const rates: ChipRates = {
    matrixFlopsPerSecond: ctx.rate.flopsPerSecond * e.compute,
    attentionFlopsPerSecond: ctx.attentionRate.flopsPerSecond * e.attentionCompute,
    headFlopsPerSecond: ctx.headRate.flopsPerSecond * e.headCompute,
    moeFlopsPerSecond: ctx.rate.flopsPerSecond * e.moeCompute,
    moeHalfTokensPerExpert: e.moeHalfTokensPerExpert,
    hbmBytesPerSecond: hbm * e.memory,
    attentionHbmBytesPerSecond: hbm * e.attentionMemory,
    moeHbmBytesPerSecond: hbm * e.moeMemory,
    sramBytesPerSecond: hardware.memory.sramBandwidthBytesPerSecond * e.memory,
    weightSramFraction: memory.weightSramFraction,
    kernelOverheadSeconds: e.kernelOverheadSeconds,
    attentionOverheadSeconds: e.attentionOverheadSeconds,
    moeLayerOverheadSeconds: e.moeLayerOverheadSeconds,
  };
  const domain = hardware.scaleUp.domainSize;
  type Link = { name: string; bandwidthBytesPerSecondPerDirection: number; latencySeconds: number };
  const up: Link = hardware.scaleUp;
  const out: Link = hardware.scaleOut;
  // A collective over more chips than one scale-up domain is hierarchical (NCCL: a step inside each
  // domain, then one across the network): it pays both latencies, and the network's bandwidth.
  const collectiveOver = (n: number): Link => (n <= domain ? up : { ...out, latencySeconds: up.latencySeconds + out.latencySeconds });
  const attentionLink = collectiveOver(attentionTp);
  const expertLink = collectiveOver(tp * ep);
  // Stages stay inside the scale-up domain while the replica fits in it; beyond, a hand-off is one network hop.
  const pipelineLink = chips <= domain ? up : out;
  const needs: [boolean, number, string][] = [
    [attentionTp > 1, attentionTp, 'tensor-parallel all-reduces'],
    [ep > 1, tp * ep, 'expert-parallel all-to-alls'],
    [pp > 1, chips, 'pipeline hand-offs'],
  ];
  let unusable: Message | null = null;
  for (const [needed, span, what] of needs) {
    const l = span <= domain ? up : out;
    if (needed && !(l.bandwidthBytesPerSecondPerDirection > 0)) {
      unusable = ENGINE.noLinkBandwidth(l === up ? `scale-up (${up.name})` : `scale-out (${out.name})`, what);
      break;
    }
  }
  return {
    layout: { ...layout, dataParallelAttention: dpAttention },
    chipsPerReplica: chips,
    memory,
    rates,
    shard: {
      attentionTensorParallel: attentionTp,
      attentionGroups: groups,
      expertRanks: ep > 1 ? tp * ep : 1,
      expertTensorParallel: tp,
      weightBytesPerValue: ctx.weightBytesPerValue,
      headBytesPerValue: ctx.headBytesPerValue,
      activationBytesPerValue: ctx.activationBytesPerValue,
      kvBytesPerValue: ctx.kvBytesPerValue,
    },
    attentionLink: link(attentionLink.bandwidthBytesPerSecondPerDirection, attentionLink.latencySeconds, e.link),
    expertLink: link(expertLink.bandwidthBytesPerSecondPerDirection, expertLink.latencySeconds, e.allToAll),
    pipelineLink: link(pipelineLink.bandwidthBytesPerSecondPerDirection, pipelineLink.latencySeconds, e.link),
    layersPerStage: Math.ceil(model.numLayers / pp),
    unusable,
  };
}

function moeLayerShare(ctx: EngineContext): number {
  let moe = 0;
  for (const g of ctx.groups) if (g.ffn === 'moe') moe += g.count;
  return moe / ctx.scenario.model.numLayers;
}

/** Accumulates operator times of one stage into a StepTiming with its breakdown and operators. */
class StageAccumulator {
  seconds = 0;
  readonly breakdown: Record<Bottleneck, number> = { compute: 0, memory: 0, communication: 0, overhead: 0 };
  readonly operators: TimedOperator[] = [];
  constructor(private readonly rates: ChipRates, private readonly kvSramShare: number) {}

  add(raw: RawOperator, scale: number): void {
    const timed = timeOperator(raw, this.rates, this.kvSramShare);
    const n = raw.count * scale;
    this.seconds += timed.seconds * n;
    this.breakdown.overhead += timed.overheadSeconds * n;
    if (timed.computeSeconds >= timed.memorySeconds) this.breakdown.compute += timed.computeSeconds * n;
    else this.breakdown.memory += timed.memorySeconds * n;
    this.operators.push(scale === 1 ? timed : { ...timed, op: { ...raw, count: n } });
  }
}

/** Operator time of one pipeline stage processing `shape` (all layers when PP = 1), without collectives. */
function stageCompute(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape, residentSequences: number): StageAccumulator {
  const { model } = ctx.scenario;
  const layerScale = prepared.layersPerStage / model.numLayers;
  const acc = new StageAccumulator(prepared.rates, kvSramFraction(prepared.memory, residentSequences / prepared.shard.attentionGroups));
  for (const group of ctx.groups) {
    for (const raw of layerOperators(model, group, shape, prepared.shard)) acc.add(raw, layerScale);
  }
  // The last stage also runs the LM head; the slowest stage sets the pipeline's pace.
  for (const raw of headOperators(model, shape, prepared.shard)) acc.add(raw, 1);
  return acc;
}

/** stageCompute's seconds alone (the same sum in the same order): the search's many evaluations. */
function stageComputeSeconds(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape, residentSequences: number): number {
  const { model } = ctx.scenario;
  const layerScale = prepared.layersPerStage / model.numLayers;
  const kvShare = kvSramFraction(prepared.memory, residentSequences / prepared.shard.attentionGroups);
  let seconds = 0;
  for (const group of ctx.groups) {
    for (const raw of layerOperators(model, group, shape, prepared.shard)) seconds += operatorSeconds(raw, prepared.rates, kvShare) * (raw.count * layerScale);
  }
  for (const raw of headOperators(model, shape, prepared.shard)) seconds += operatorSeconds(raw, prepared.rates, kvShare) * raw.count;
  return seconds;
}

/**
 * Time of one pipeline stage processing `shape`, collectives included. `residentSequences`: the
 * sequences whose KV lives on the replica (the whole batch), which sets how much KV SRAM holds.
 * With two-micro-batch overlap each half's all-to-alls run under the other half's compute
 * (DeepSeek inference system overview, day 6): the stage takes the longer of the two streams,
 * and each half reads the weights again.
 */
export function stageTime(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape, residentSequences: number): StepTiming {
  const half = overlappedHalf(ctx, prepared, shape);
  if (half !== null) {
    const acc = stageCompute(ctx, prepared, half, residentSequences);
    const compute = 2 * acc.seconds;
    const communication = 2 * stageCommunication(ctx, prepared, half);
    for (const k of ['compute', 'memory', 'overhead'] as const) acc.breakdown[k] *= 2;
    const hidden = Math.min(compute, communication);
    acc.breakdown.communication += communication - hidden;
    return { seconds: Math.max(compute, communication), breakdown: acc.breakdown, operators: acc.operators, communicationSeconds: communication - hidden };
  }
  const acc = stageCompute(ctx, prepared, shape, residentSequences);
  const communication = stageCommunication(ctx, prepared, shape);
  acc.breakdown.communication += communication;
  return { seconds: acc.seconds + communication, breakdown: acc.breakdown, operators: acc.operators, communicationSeconds: communication };
}

/** stageTime(...).seconds without the breakdown and operator records. */
export function stageSeconds(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape, residentSequences: number): number {
  const half = overlappedHalf(ctx, prepared, shape);
  if (half !== null) {
    return Math.max(2 * stageComputeSeconds(ctx, prepared, half, residentSequences), 2 * stageCommunication(ctx, prepared, half));
  }
  return stageComputeSeconds(ctx, prepared, shape, residentSequences) + stageCommunication(ctx, prepared, shape);
}

/** Each half of the step when two micro-batches overlap their all-to-alls with compute; null otherwise. */
function overlappedHalf(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape): StepShape | null {
  const overlap = ctx.scenario.engine.overlap === 'two-micro-batches' && prepared.layout.expertParallel > 1 && shape.decodeSequences + shape.prefillTokens >= 2;
  return overlap ? { ...shape, decodeSequences: shape.decodeSequences / 2, prefillTokens: shape.prefillTokens / 2, prefillPrompts: shape.prefillPrompts / 2 } : null;
}

/**
 * Collectives of one stage. Tensor parallelism: two all-reduces of the hidden state per layer
 * (Megatron-LM, Shoeybi 2019). Expert parallelism with DP attention: the FFN all-reduce of each MoE
 * layer becomes a dispatch all-to-all (activations in their own format, FP8 in DeepEP) and a
 * combine (16-bit) over the TP x EP chips; each chip sends its tokens to k experts (DeepSeek-V3
 * report section 3.4; DeepEP). Without DP attention the experts' outputs are all-reduced like an FFN.
 */
function stageCommunication(ctx: EngineContext, prepared: PreparedLayout, shape: StepShape): number {
  const { model } = ctx.scenario;
  const share = groupShare(shape, prepared.shard.attentionGroups);
  const tokens = share.decodeSequences * (shape.queryTokensPerSequence ?? 1) + share.prefillTokens;
  const tp = prepared.shard.attentionTensorParallel;
  const hiddenValues = tokens * model.hiddenSize;
  const allReduce = allReduceSeconds(hiddenValues * ctx.collectiveBytesPerValue, tp, prepared.attentionLink);
  let communication = 2 * prepared.layersPerStage * allReduce;
  const ep = prepared.layout.expertParallel;
  if (ep > 1 && prepared.layout.dataParallelAttention) {
    const moeLayers = moeLayerShare(ctx) * prepared.layersPerStage;
    const k = model.moe?.expertsPerToken ?? 1;
    const ranks = prepared.shard.expertRanks;
    const perRank = (hiddenValues * k) / tp;
    const dispatch = allToAllSeconds(perRank * ctx.dispatchBytesPerValue, ranks, prepared.expertLink);
    const combine = allToAllSeconds(perRank * ctx.collectiveBytesPerValue, ranks, prepared.expertLink);
    communication += moeLayers * (dispatch + combine - allReduce);
  }
  if (prepared.layout.pipelineParallel > 1) communication += sendSeconds(hiddenValues * ctx.collectiveBytesPerValue, prepared.pipelineLink);
  return communication;
}

/** Decode tokens plus prompt tokens one step holds per serving engine: the max-tokens-per-step cap. */
export function stepTokens(ctx: EngineContext, batchPerGroup: number): number {
  const spec = ctx.speculation;
  const query = spec === null ? 1 : spec.draftTokens + 1;
  const tokensPerStep = spec?.expectedTokensPerStep ?? 1;
  return batchPerGroup * (query + (ctx.newPromptTokens * tokensPerStep) / ctx.scenario.workload.outputTokens);
}

/**
 * Continuous batching in steady state (MODEL.md section 5): B sequences per replica decode one
 * token per step, and new prompts arrive at B/outputTokens per step, their prefill chunked into
 * the same steps (Sarathi-Serve, Agrawal 2024). With PP stages, B is split into PP micro-batches
 * and a token passes every stage: step = PP x stage time + per-step overhead. Each micro-batch takes
 * its share of the step's prompt chunks, so none waits behind another (Sarathi-Serve 4.3).
 * Throughput counts all the work; the TPOT a user sees excludes the user's own prompt, which ran
 * before its first token: TPOT = decode step + (B-1)/B x prompt work per step.
 */
export function evaluateBatch(
  ctx: EngineContext,
  prepared: PreparedLayout,
  batch: number,
  options: EvaluateOptions = {},
): BatchEvaluation {
  const prefillOnTheseChips = options.prefillOnTheseChips ?? true;
  const full = options.full ?? true;
  const { workload } = ctx.scenario;
  const pp = prepared.layout.pipelineParallel;
  const microBatches = Math.min(pp, batch);
  const perMicroBatch = batch / microBatches;
  const spec = ctx.speculation;
  const tokensPerStep = spec?.expectedTokensPerStep ?? 1;
  const query = spec === null ? 1 : spec.draftTokens + 1;
  // Disaggregated decode pools receive finished prompts (their KV) and compute no prefill.
  const promptsPerStep = prefillOnTheseChips ? (batch * tokensPerStep) / workload.outputTokens : 0;
  const decodeShape: StepShape = {
    decodeSequences: perMicroBatch,
    decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: 0,
    prefillPrompts: 0,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
    queryTokensPerSequence: query,
  };
  const overhead = ctx.efficiency.stepOverheadSeconds;
  const draftSeconds = spec === null ? 0 : draftTime(ctx, prepared, perMicroBatch, batch) * microBatches;
  const decodeStage = full ? stageTime(ctx, prepared, decodeShape, batch) : null;
  const decodeStageSeconds = decodeStage?.seconds ?? stageSeconds(ctx, prepared, decodeShape, batch);
  const decodeStep = pp * decodeStageSeconds + overhead + draftSeconds;
  let promptWork = 0;
  if (promptsPerStep > 0 && ctx.newPromptTokens > 0) {
    // Every step computes its share of the new prompts (Sarathi-Serve's piggybacking), split evenly
    // over the micro-batches: a fixed token budget per micro-batch keeps them uniform, which is how
    // chunked prefill removes pipeline bubbles (Sarathi-Serve, Agrawal 2024, sections 3.3 and 4.3).
    const spread = stageSeconds(ctx, prepared, {
      ...decodeShape,
      prefillTokens: (promptsPerStep * ctx.newPromptTokens) / microBatches,
      prefillPrompts: promptsPerStep / microBatches,
    }, batch);
    promptWork = Math.max(0, pp * (spread - decodeStageSeconds));
    // A dense step's time is convex in its tokens (each operator the larger of two lines in them), so
    // spreading never costs more than whole chunks: only expert layers (bytes concave in tokens) need both.
    const whole = ctx.scenario.model.moe === null ? null : wholePromptChunks(ctx, prepared, promptsPerStep, perMicroBatch);
    if (whole !== null) {
      const chunked = stageSeconds(ctx, prepared, { ...decodeShape, ...whole.shape }, batch);
      promptWork = Math.min(promptWork, Math.max(0, pp * (chunked - decodeStageSeconds) * whole.stepsShare));
    }
  }
  const fullStep = decodeStep + promptWork;
  const tpot = (decodeStep + ((batch - 1) / batch) * promptWork) / tokensPerStep;
  const ttft = full || (options.ttft ?? true) ? timeToFirstToken(ctx, prepared, perMicroBatch, batch) : Number.NaN;
  // Online traffic keeps slots free for bursts: the mean load is the p99-safe concurrency of each
  // scheduler's slots. By default a replica has one scheduler per micro-batch (vLLM's virtual engines,
  // one Scheduler per pipeline stage: vllm/engine/llm_engine.py), so a deeper pipeline does not look
  // better only for pooling more slots; TensorRT-LLM's one capacity scheduler per replica pools them.
  const load = workload.arrivals !== 'poisson' ? batch
    : ctx.scenario.engine.scheduler === 'per-replica' ? poissonSafeConcurrency(batch)
      : microBatches * poissonSafeConcurrency(perMicroBatch);
  return {
    batch,
    tpotSeconds: tpot,
    ttftSeconds: ttft,
    replicaOutputTokensPerSecond: (load * tokensPerStep) / fullStep,
    prefillShare: fullStep > 0 ? promptWork / fullStep : 0,
    decodeStep: decodeStage === null ? null : wholeStep(decodeStage, pp, overhead + draftSeconds),
  };
}

/** Whole prompt chunks as steps carry them: the prompt tokens of such a step and the share of steps that carry one. */
interface PromptChunk {
  shape: Pick<StepShape, 'prefillTokens' | 'prefillPrompts' | 'promptsOnePerGroup'>;
  stepsShare: number;
}

/**
 * With under one new prompt per attention group per step, a scheduler can, instead of spreading the
 * prompts, compute one (or its next chunk) whole in one step every few steps, one per group (vLLM's
 * and TensorRT-LLM's chunked prefill up to the step's token budget); null when every step has a
 * prompt per group. The engine takes whichever costs less, as it takes the best layout and batch:
 * spread thinly, a mixture-of-experts prompt made every step read most experts' weights
 * (gpt-oss-120b at batch 1 charged its 8k-token prompt 11 s where its TTFT is 0.17 s).
 */
function wholePromptChunks(ctx: EngineContext, prepared: PreparedLayout, promptsPerStep: number, perMicroBatch: number): PromptChunk | null {
  const promptTokens = ctx.newPromptTokens;
  const groups = prepared.shard.attentionGroups;
  if (promptsPerStep / groups >= 1) return null;
  const tokens = Math.min(promptTokens, prefillChunkTokens(ctx, perMicroBatch / groups)) * groups;
  return { shape: { prefillTokens: tokens, prefillPrompts: tokens / promptTokens, promptsOnePerGroup: true }, stepsShare: (promptsPerStep * promptTokens) / tokens };
}

/** Prompt tokens one step computes for a new prompt: the chunk size, within the step-token cap. */
export function prefillChunkTokens(ctx: EngineContext, decodeTokensPerGroup: number): number {
  const { prefillChunkTokens: chunk, maxTokensPerStep } = ctx.scenario.engine;
  const room = maxTokensPerStep === 'auto' ? chunk : Math.min(chunk, maxTokensPerStep - decodeTokensPerGroup);
  return Math.max(1, room);
}

/** TTFT of a new prompt joining a replica that runs `batch` sequences (what evaluateBatch computes when asked). */
export function firstTokenSeconds(ctx: EngineContext, prepared: PreparedLayout, batch: number): number {
  return timeToFirstToken(ctx, prepared, batch / Math.min(prepared.layout.pipelineParallel, batch), batch);
}

/**
 * A new prompt is computed in chunks, each sharing a step with the running decode batch; chunk i
 * attends to the i chunks before it (Sarathi-Serve), so the attention of the whole prompt is the
 * causal square. Timed at the mean chunk: attention FLOPs and bytes are linear in the context.
 */
function timeToFirstToken(ctx: EngineContext, prepared: PreparedLayout, perMicroBatch: number, batch: number): number {
  const pp = prepared.layout.pipelineParallel;
  const overhead = ctx.efficiency.stepOverheadSeconds;
  const groups = prepared.shard.attentionGroups;
  const chunkLimit = prefillChunkTokens(ctx, perMicroBatch / groups);
  const chunks = Math.max(1, Math.ceil(ctx.newPromptTokens / chunkLimit));
  const chunkTokens = Math.max(1, ctx.newPromptTokens) / chunks;
  // A prompt lives in one attention group; every group takes one, so the step holds one per group.
  const chunkStage = stageSeconds(ctx, prepared, {
    decodeSequences: perMicroBatch,
    decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: chunkTokens * groups,
    prefillPrompts: groups,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
    prefillPriorTokensPerPrompt: ((chunks - 1) / 2) * chunkTokens,
    promptsOnePerGroup: true,
  }, batch);
  return chunks * (pp * chunkStage + overhead);
}

/**
 * Time the draft takes to propose its tokens for one micro-batch: `draftTokens` sequential decode
 * steps of the draft model, or of one extra transformer layer plus the shared LM head for MTP
 * (DeepSeek-V3 report, section 2.2). Its forward passes run inside the target's serving step, so
 * they pay their kernels' fixed costs but not the step's own (scheduling, sampling, output).
 */
function draftTime(ctx: EngineContext, prepared: PreparedLayout, sequences: number, batch: number): number {
  const spec = ctx.speculation!;
  const shape: StepShape = {
    decodeSequences: sequences, decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: 0, prefillPrompts: 0, cachedTokensPerPrompt: 0,
  };
  if (spec.draft !== null) {
    const draftLayout = prepareLayout(spec.draft, { ...prepared.layout, pipelineParallel: 1, expertParallel: 1, dataParallelAttention: false });
    return spec.draftTokens * stageSeconds(spec.draft, draftLayout, shape, batch);
  }
  const { model } = ctx.scenario;
  const oneLayer: LayerGroup = { count: 1, windowTokens: null, ffn: model.moe !== null ? 'moe' : 'dense' };
  const kvShare = kvSramFraction(prepared.memory, batch / prepared.shard.attentionGroups);
  let seconds = 0;
  for (const raw of [...layerOperators(model, oneLayer, shape, prepared.shard), ...headOperators(model, shape, prepared.shard)]) {
    seconds += operatorSeconds(raw, prepared.rates, kvShare) * raw.count;
  }
  const tokens = groupShare(shape, prepared.shard.attentionGroups).decodeSequences;
  const allReduce = allReduceSeconds(tokens * model.hiddenSize * ctx.collectiveBytesPerValue, prepared.shard.attentionTensorParallel, prepared.attentionLink);
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
