// What the engine is asked: a fully resolved scenario (plain data, no ids left to look up).
// Units are SI and are part of every numeric field name.

import type { HardwareProfile } from '../records/hardware-profile';
import type { ModelArchitecture } from '../records/model-architecture';

/** Number formats a tensor can be stored or computed in. */
export type Precision =
  | 'fp32'
  | 'bf16'
  | 'fp16'
  | 'fp8'
  | 'fp6'
  | 'fp4'
  | 'mxfp4'
  | 'nvfp4'
  | 'int8'
  | 'int4';

export const PRECISIONS: readonly Precision[] = [
  'fp32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4', 'mxfp4', 'nvfp4', 'int8', 'int4',
];

export interface PrecisionConfig {
  weights: Precision;
  activations: Precision;
  kvCache: Precision;
}

export interface Workload {
  inputTokens: number;
  outputTokens: number;
  /** Share of prompt tokens served from a prefix cache, [0, 1). */
  prefixCacheHitRate: number;
  /**
   * 'saturated' (default): every batch slot is always busy (offline, MLPerf Offline).
   * 'poisson': requests arrive at random (online, MLPerf Server); slots are sized for the p99 of
   * concurrency, so the mean load sits below the batch (see engine/queueing.ts).
   */
  arrivals: 'saturated' | 'poisson';
  /**
   * Time-averaged context of a sequence in the decode batch when request lengths vary: the
   * token-weighted E[in x out]/E[out] + E[out^2]/(2 E[out]) (a sequence stays in the batch for as
   * many steps as it has output tokens). Absent: input + output / 2, every request the same length.
   * The validation sets it from published per-sample counts; the app's workloads have one length.
   */
  meanDecodeContextTokens?: number;
}

export interface Slo {
  maxTtftSeconds: number | null;
  maxTpotSeconds: number | null;
}

export type Objective = 'max-throughput' | 'min-latency' | { batch: number };

export interface EconomicsInput {
  /** Which price the headline uses; both are reported when both are known. */
  pricing: 'rental' | 'tco';
  /** Overrides the profile's rental price. */
  rentalUsdPerChipHour: number | null;
  /** Overrides the profile's list price. */
  capexUsdPerChip: number | null;
  capexOverheadMultiplier: number | null;
  depreciationYears: number;
  costOfCapitalPerYear: number;
  loadFactor: number;
  pue: number;
  usdPerKwh: number;
  hostingUsdPerKwMonth: number;
}

/**
 * Speculative decoding: a draft proposes `draftTokens` tokens, the target verifies them in one step
 * and accepts each with probability `acceptanceRate` (Leviathan et al. 2023). 'mtp' drafts with
 * the model's own multi-token-prediction head (DeepSeek-V3); 'draft-model' with a smaller model.
 */
export interface SpeculativeConfig {
  method: 'mtp' | 'draft-model';
  draftTokens: number;
  acceptanceRate: number;
  draftModel: ModelArchitecture | null;
}

/** Co-located: prefill and decode share chips; disaggregated: separate pools, KV sent over the network. */
export type ServingMode = 'co-located' | 'disaggregated';

/**
 * 'achieved' = what today's serving stacks reach (silicon shares x software-stack factor);
 * 'spec' = the silicon limit (the kernel-measured silicon shares, software factor 1, or the chip's
 * fitted factor where it exceeds 1: stacks that beat the timed kernels); 'claim' = the
 * vendor's claimed silicon shares where a profile states them (else as spec; a claim may exceed the
 * measured shares).
 */
export type EfficiencyMode = 'spec' | 'achieved' | 'claim';
export const EFFICIENCY_MODES: readonly EfficiencyMode[] = ['achieved', 'spec', 'claim'];

/** Unpinned parts of a layout or caps: the search chooses. The one way "auto" is written. */
export type Auto = 'auto';

/**
 * A deployment's layout, pinned in part or in full to replay a published run; 'auto' leaves the
 * choice to the search. Data-parallel attention: 'on' runs attention in EP groups of TP chips,
 * each on its share of the batch (SGLang --enable-dp-attention, DeepSeek-V3 report section 3.4);
 * 'off' runs attention tensor-parallel over all TP x EP chips with the experts spread over them
 * (vLLM --enable-expert-parallel without DP).
 */
export interface LayoutPins {
  tensorParallel: number | Auto;
  pipelineParallel: number | Auto;
  expertParallel: number | Auto;
  dataParallelAttention: 'on' | 'off' | Auto;
}

/**
 * The serving engine's caps (vLLM max_num_seqs, max_num_batched_tokens; TensorRT-LLM
 * max_batch_size, max_num_tokens) and its compute/communication overlap.
 */
export interface EngineSettings {
  /** Concurrent sequences per serving engine (per attention group under DP attention). */
  maxSequences: number;
  /**
   * Tokens (decode + prompt chunks) one forward pass may hold, per micro-batch under PP (as
   * TensorRT-LLM schedules each micro-batch); 'auto' = no cap beyond the prefill chunk.
   */
  maxTokensPerStep: number | Auto;
  /** Largest piece of one prompt computed in a step (chunked prefill, Sarathi-Serve). */
  prefillChunkTokens: number;
  /**
   * 'two-micro-batches': each step is split in two so one half's all-to-all overlaps the other's
   * compute (DeepSeek inference system overview, day 6; SGLang --enable-two-batch-overlap).
   * Default 'off': vLLM, SGLang and TensorRT-LLM do not overlap unless asked.
   */
  overlap: 'off' | 'two-micro-batches';
  /**
   * Where burst headroom for Poisson arrivals is kept when a replica pipelines micro-batches:
   * 'per-micro-batch' (default): one scheduler per micro-batch, each with its own slots (vLLM's
   * virtual engines, one Scheduler per pipeline stage); 'per-replica': one capacity scheduler over all
   * the micro-batches' slots (TensorRT-LLM's batch manager, trtGptModelInflightBatching.cpp).
   * Without PP the two are the same.
   */
  scheduler: 'per-micro-batch' | 'per-replica';
}

/** The scenario fields shared by what a user writes (Scenario) and what the engine runs. */
export interface ScenarioCore {
  /** Chips available, or 'auto' = as many as the workload needs. */
  chips: number | Auto;
  precision: PrecisionConfig;
  workload: Workload;
  slo: Slo;
  objective: Objective;
  economics: EconomicsInput;
  efficiencyMode: EfficiencyMode;
  serving: ServingMode;
  layout: LayoutPins;
  engine: EngineSettings;
}

/** Fully resolved input of the engine: plain data, no ids left to look up. */
export interface ResolvedScenario extends ScenarioCore {
  hardware: HardwareProfile;
  model: ModelArchitecture;
  /** null = no speculative decoding. */
  speculative: SpeculativeConfig | null;
}
