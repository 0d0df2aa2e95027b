// What the engine answers: the best deployment, its numbers, and how they were derived.

import type { Message } from '../messages/message';

export interface DeploymentConfig {
  batch: number;
  tensorParallel: number;
  pipelineParallel: number;
  expertParallel: number;
  replicas: number;
  chips: number;
}

export type Bottleneck = 'compute' | 'memory' | 'communication' | 'overhead';

export interface ExplainEntry {
  /** Result key this entry explains (e.g. "tpotSeconds"). */
  key: string;
  label: string;
  value: number;
  unit: string;
  formula: string;
  inputs: { name: string; value: number | string; unit: string; source?: string }[];
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
  outputTokensPerSecondPerDollarPerHour: number;
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
  prefill: PoolLayout & { promptsPerSecondPerReplica: number };
  decode: PoolLayout & { batch: number };
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
  costPerHourUsd: number;
  usdPerMillionOutputTokens: number;
  outputTokensPerSecondPerDollarPerHour: number;
  pricingUsed: 'rental' | 'tco';
  rental: CostBreakdown | null;
  tco: CostBreakdown | null;
  config: DeploymentConfig;
  memory: {
    capacityBytesPerChip: number;
    weightsBytesPerChip: number;
    kvCacheBytesPerChip: number;
    reserveBytesPerChip: number;
    weightsInSram: boolean;
    maxBatchThatFits: number;
    batchLimitedBy: 'memory' | 'slo' | 'max-batch-setting' | 'objective' | 'compute-saturation';
  };
  bottleneck: Bottleneck;
  /** Decode-step time split by what bounds each part, seconds. */
  decodeStepBreakdownSeconds: Record<Bottleneck, number>;
  operators: OperatorTiming[];
  /** Pareto frontier of tokens/s per user vs tokens/s per chip over layouts and batches (no SLO). */
  frontier: FrontierPoint[];
  /** Layouts the search evaluated. */
  layoutsTried: number;
  /** Speculative decoding: expected tokens each target step yields (1 without). */
  tokensPerTargetStep: number;
  /** Present when the scenario asked for disaggregated serving. */
  disaggregation: DisaggregationSummary | null;
  warnings: Message[];
  explain: ExplainEntry[];
  /** Estimate marks of the profile fields this result used. */
  estimateMarks: string[];
}
