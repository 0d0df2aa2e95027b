// What the engine answers: the best deployment, its numbers, and how they were derived.

import type { Message } from '../messages/message';
import type { EvidenceBasis } from '../records/hardware-profile';

export interface DeploymentConfig {
  batch: number;
  tensorParallel: number;
  pipelineParallel: number;
  expertParallel: number;
  /** Attention data-parallel over the EP groups (false without expert parallelism). */
  dataParallelAttention: boolean;
  replicas: number;
  /** Chips the deployment uses. */
  chips: number;
  /** Chips paid for: a fixed chip count is paid whole, the idle ones included (= chips under "auto"). */
  paidChips: number;
}

/**
 * What limits the batch of the chosen deployment: a latency limit, memory, an engine cap, the
 * objective (min-latency or a fixed batch), or saturation ("compute-saturation": more sequences add nothing, whichever resource is the bottleneck).
 */
export type BatchLimit =
  | 'ttft-limit' | 'tpot-limit' | 'memory' | 'max-sequences' | 'max-tokens-per-step' | 'objective' | 'compute-saturation';

/** A TPOT or TTFT limit set the batch: the result sits where a slower chip must cut it (null: no batch). */
export function isLatencyLimit(limit: BatchLimit | null): boolean {
  return limit === 'tpot-limit' || limit === 'ttft-limit';
}

/** Another layout the search tried, at its own best batch: why the chosen one won. */
export interface LayoutAlternative {
  layout: string;
  /** The layout the search picked. */
  chosen: boolean;
  chips: number;
  batch: number;
  outputTokensPerSecondPerChip: number;
  tokensPerSecondPerUser: number;
  /** 1 / tokens per second per user; null when it cannot serve. */
  tpotSeconds: number | null;
  /** At the result's headline price per chip-hour; null without a price or throughput. */
  usdPerMillionOutputTokens: number | null;
  /** Why it cannot serve the workload; null when it can. */
  reason: string | null;
}

/** A range around a predicted number, from residuals the fit did not see (engine/uncertainty.ts). */
export interface Range {
  low: number;
  high: number;
}

export interface Uncertainty {
  basis: EvidenceBasis;
  /**
   * Nominal share of outcomes inside the range (e.g. 0.8); null for a silicon limit (spec mode):
   * a ceiling is no prediction of measured results, so no coverage is claimed for its range.
   */
  coverage: number | null;
  /** The residual set, its size, the quantiles and the width factor used. */
  derivation: string;
  outputTokensPerSecond: Range;
  tokensPerSecondPerUser: Range;
  /** null when the result has no price on the chosen basis. */
  usdPerMillionOutputTokens: Range | null;
  /**
   * The speed quantiles applied to TTFT, inverted: a chip x% slower computes its prompts x% slower.
   * Not the per-user range, whose slow end a latency limit may hold at a smaller batch (TPOT is
   * limited, TTFT is not). No calibration row measures TTFT. Absent on results without a TTFT.
   */
  ttftSeconds?: Range;
}

export type Bottleneck = 'compute' | 'memory' | 'communication' | 'overhead';

export interface ExplainInput {
  name: string;
  value: number | string;
  unit: string;
  source?: string;
}

export interface ExplainEntry {
  /** Result key this entry explains (e.g. "tpotSeconds"). */
  key: string;
  label: string;
  /** A number in `unit`, or words where there is none (a silicon limit's range claims no coverage). */
  value: number | string;
  unit: string;
  formula: string;
  /** The first inputs that move the number most; the rest are detail (folded in the UI). */
  primaryInputs: number;
  inputs: ExplainInput[];
}

export interface OperatorTiming {
  name: string;
  phase: 'prefill' | 'decode';
  /** How many identical instances one step runs (layers x kernels). */
  count: number;
  flops: number;
  bytes: number;
  seconds: number;
  bound: Bottleneck;
  /** FLOP per byte, for roofline charts. */
  arithmeticIntensity: number;
}

export interface CostBreakdown {
  costPerHourUsd: number;
  usdPerMillionOutputTokens: number;
  usdPerMillionInputTokens: number;
  /** null when the price is zero: tokens per dollar are unbounded. */
  outputTokensPerSecondPerDollarPerHour: number | null;
  /** TCO only: split of $/hour. */
  capexUsdPerHour?: number;
  powerUsdPerHour?: number;
  hostingUsdPerHour?: number;
}

export interface PoolLayout {
  tensorParallel: number;
  pipelineParallel: number;
  expertParallel: number;
  replicas: number;
  chipsPerReplica: number;
}

export interface DisaggregationSummary {
  /** Prompt tokens/s per prefill chip: what published prefill-pool figures report. */
  prefill: PoolLayout & {
    promptsPerSecondPerReplica: number; promptTokensPerSecondPerChip: number;
    /** One prefill step at the pool's load (the fewest prompts per step that keep up): the TTFT before the KV transfer. */
    stepSecondsAtLoad: number;
  };
  /** Output tokens/s per decode chip: what published decode-pool figures report. */
  decode: PoolLayout & { batch: number; outputTokensPerSecondPerChip: number };
  /** KV cache of one prompt sent from the prefill pool to the decode pool over the scale-out network. */
  kvTransferSeconds: number;
  kvBytesPerPrompt: number;
  /** The same chips, co-located, for comparison (null when co-located finds nothing feasible). */
  colocated: { outputTokensPerSecond: number; ttftSeconds: number; tpotSeconds: number; chips: number } | null;
}

/** One (layout, batch) point of the throughput-vs-interactivity trade-off, per replica. */
export interface FrontierPoint {
  tensorParallel: number;
  pipelineParallel: number;
  expertParallel: number;
  batch: number;
  chips: number;
  tokensPerSecondPerUser: number;
  outputTokensPerSecondPerChip: number;
  tpotSeconds: number;
  ttftSeconds: number;
  /** At the result's headline price per chip-hour. */
  usdPerMillionOutputTokens: number;
}

/** How the headline price was set: the chosen basis always; a rental may be an estimate. */
export interface PricingBasis {
  /** A market rental price, or an estimate from TCO x the market's rental/TCO ratio (shown "≈"). */
  rentalEstimated: boolean;
  /** How the estimate was made (n, median and IQR of the ratio); null when not estimated. */
  rentalEstimateNote: string | null;
}

/** Energy at the chosen deployment, with the same terms as the TCO power line. */
export interface EnergyUse {
  /** TDP x server overhead x load factor x PUE / output tokens/s per chip. */
  joulesPerOutputToken: number;
  /** joulesPerOutputToken / 3.6 (1 kWh = 3.6 MJ). */
  kwhPerMillionOutputTokens: number;
  /** Output tokens/s per kW of facility power (TDP x server overhead x PUE). */
  outputTokensPerSecondPerKw: number;
}

export interface SimulationResult {
  feasible: boolean;
  /** Why the scenario cannot be served (infeasible results only). */
  reason?: Message;
  hardwareId: string;
  modelId: string;
  outputTokensPerSecond: number;
  outputTokensPerSecondPerChip: number;
  tokensPerSecondPerUser: number;
  ttftSeconds: number;
  tpotSeconds: number;
  /** On the chosen pricing basis; null when the chip has no price on that basis. */
  costPerHourUsd: number | null;
  usdPerMillionOutputTokens: number | null;
  /** null when there is no price on the basis, or the price is zero (unbounded). */
  outputTokensPerSecondPerDollarPerHour: number | null;
  /** The basis the user chose; a result is never priced on the other one. */
  pricingUsed: 'rental' | 'tco';
  pricing: PricingBasis;
  /** Left out of rankings by price (no price on the chosen basis), with the reason. */
  rankExcluded: boolean;
  rankExcludedReason: string | null;
  rental: CostBreakdown | null;
  tco: CostBreakdown | null;
  energy: EnergyUse | null;
  config: DeploymentConfig;
  memory: {
    capacityBytesPerChip: number;
    weightsBytesPerChip: number;
    kvCacheBytesPerChip: number;
    reserveBytesPerChip: number;
    weightsInSram: boolean;
    /** Share of the KV cache held in SRAM at the chosen batch. */
    kvSramFraction: number;
    maxBatchThatFits: number;
    batchLimitedBy: BatchLimit;
  };
  /** The largest part of the decode step (compute, memory, communication or fixed overheads). */
  bottleneck: Bottleneck;
  /** Decode-step time split by what bounds each part, seconds. */
  decodeStepBreakdownSeconds: Record<Bottleneck, number>;
  /**
   * The share of the deployment's cost that serves prompts (it prices input tokens): co-located,
   * the share of step time spent on prompt chunks; disaggregated, the prefill pool's share of the chips.
   */
  prefillShareOfStep: number;
  operators: OperatorTiming[];
  /** Pareto frontier of tokens/s per user vs tokens/s per chip over layouts and batches (no SLO). */
  frontier: FrontierPoint[];
  /** Layouts the search evaluated. */
  layoutsTried: number;
  /** The best batch of each layout tried, the chosen first. */
  alternatives: LayoutAlternative[];
  /** Speculative decoding: expected tokens each target step yields (1 without). */
  tokensPerTargetStep: number;
  /** Present when the scenario asked for disaggregated serving. */
  disaggregation: DisaggregationSummary | null;
  /** The chip's evidence basis and the range it puts around the predicted numbers. */
  evidence: { basis: EvidenceBasis; rows: number; from: string | null };
  uncertainty: Uncertainty | null;
  warnings: Message[];
  explain: ExplainEntry[];
  /** Estimate marks of the profile fields this result used. */
  estimateMarks: string[];
}
