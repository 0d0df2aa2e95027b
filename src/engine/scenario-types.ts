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
  arrivals?: 'saturated' | 'poisson';
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

/** 'spec' = silicon limits (efficiencies as fitted, software factor 1); 'achieved' = with today's stacks. */
export type EfficiencyMode = 'spec' | 'achieved';

/** Fully resolved input of the engine: plain data, no ids left to look up. */
export interface ResolvedScenario {
  hardware: HardwareProfile;
  /** Chips available; null = as many as needed ("auto"). */
  chips: number | null;
  model: ModelArchitecture;
  precision: PrecisionConfig;
  workload: Workload;
  slo: Slo;
  objective: Objective;
  economics: EconomicsInput;
  efficiencyMode: EfficiencyMode;
  /** Largest batch the search considers per replica (runtime limit such as max_num_seqs). */
  maxBatchPerReplica: number;
  /** Absent = no speculative decoding. */
  speculative?: SpeculativeConfig | null;
  /** Absent = co-located. */
  serving?: ServingMode;
}

