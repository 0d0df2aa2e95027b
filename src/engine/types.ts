import type { Message } from '../messages/message';

// Plain-data types shared by the engine, the catalog, the CLI and the UI.
// Units are SI and are part of every numeric field name (Bytes, Seconds, FlopsPerSecond, Usd, Watts).

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

/** Matrix-engine rate classes a datasheet quotes (mxfp4/nvfp4 run on the fp4 rate). */
export type RateClass = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8' | 'fp6' | 'fp4' | 'int8' | 'int4';

export const RATE_CLASSES: readonly RateClass[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4', 'int8', 'int4'];

export type SourceGroup =
  | 'compute'
  | 'memory'
  | 'scaleUp'
  | 'scaleOut'
  | 'power'
  | 'price'
  | 'packaging'
  | 'efficiency';

/** One accelerator (chip, card, or wafer-scale system) as sold. Data only; every group is sourced. */
export interface HardwareProfile {
  id: string;
  name: string;
  vendor: string;
  /** gpu | tpu | asic | wafer: used for grouping and colour only. */
  kind: 'gpu' | 'tpu' | 'asic' | 'wafer';
  /** Calibration family (e.g. nvidia-hopper); efficiencies are fitted per family. */
  family: string;
  releaseYear: number;
  status: 'shipping' | 'announced';
  compute: {
    /** Peak dense (never 2:4-sparse) matrix FLOP/s (or OP/s for int) per chip, per rate class. */
    denseFlopsPerSecond: Partial<Record<RateClass, number>>;
  };
  memory: {
    /** Main off-chip memory (HBM, GDDR, LPDDR). 0 for SRAM-only parts. */
    hbmCapacityBytes: number;
    hbmBandwidthBytesPerSecond: number;
    hbmType: string;
    /** Largest on-chip SRAM tier (L2 for GPUs; all memory for Groq/Cerebras). */
    sramCapacityBytes: number;
    sramBandwidthBytesPerSecond: number;
    /** True when weights and KV may be placed in SRAM (ASICs with scratchpads; not GPU caches). */
    sramHoldsWeights: boolean;
  };
  scaleUp: {
    name: string;
    /** Per chip, per direction. */
    bandwidthBytesPerSecondPerDirection: number;
    latencySeconds: number;
    /** Chips in one scale-up (high-bandwidth) domain. */
    domainSize: number;
  };
  scaleOut: {
    name: string;
    bandwidthBytesPerSecondPerDirection: number;
    latencySeconds: number;
  };
  power: {
    /** Board/module TDP per chip (system power for wafer systems). */
    tdpWatts: number;
  };
  price: {
    /** Purchase price of one chip (or one wafer system), USD. */
    listPriceUsd: number;
    /** On-demand rental per chip-hour, USD; null when no market price is known. */
    rentalUsdPerChipHour: number | null;
  };
  packaging: {
    systemName: string;
    chipsPerServer: number;
    /** Multiplier from chip price to all-in capex per chip (server, network, rack share). */
    capexOverheadMultiplier: number;
    /** Host/server power on top of chip TDP, as a multiplier (CPUs, NICs, fans). */
    serverPowerOverheadMultiplier: number;
  };
  efficiency: EfficiencyProfile;
  /** Estimate marks: field path (e.g. "price.listPriceUsd") -> basis of the estimate. */
  estimates: Record<string, string>;
  /** Sources per field group. */
  sources: Partial<Record<SourceGroup, string[]>>;
  notes?: string;
}

export interface EfficiencyProfile {
  /** Share of peak matrix FLOP/s that large GEMMs reach, (0, 1]. */
  computeEfficiency: number;
  /** Share of peak HBM bandwidth that streaming kernels reach, (0, 1]. */
  memoryEfficiency: number;
  /** Share of peak scale-up bandwidth collectives reach, (0, 1]. */
  linkEfficiency: number;
  /** Fixed cost per kernel launch (GPU) or per operator (ASIC), seconds. */
  kernelOverheadSeconds: number;
  /** Fixed cost per model step (scheduler, sampling, launch gaps), seconds. */
  stepOverheadSeconds: number;
  /** Sequences in flight at which decode attention reaches full bandwidth (below: proportionally less). */
  attentionSaturationBatch: number;
  /** Software-stack factor multiplying both efficiencies in "achieved" mode (1 = spec sheet). */
  softwareStackFactor: number;
  /** Fraction of memory capacity kept free (runtime, fragmentation, activations). */
  memoryReserveFraction: number;
  /** fitted: derived by scripts/calibrate.ts from calibration data; assumed: documented default. */
  basis: 'fitted' | 'assumed';
  note: string;
}

/** A decoder-only transformer, as its official config describes it. */
export interface ModelArchitecture {
  id: string;
  name: string;
  family: string;
  source: string;
  /** Published total parameter count and what it counts. */
  publishedParamsTotal: number;
  publishedParamsActive: number | null;
  paramsNote?: string;
  numLayers: number;
  hiddenSize: number;
  numAttentionHeads: number;
  numKeyValueHeads: number;
  headDim: number;
  /** Dense FFN width (used by dense layers). */
  intermediateSize: number;
  /** 'gated' = SwiGLU/GeGLU (3 matrices); 'plain' = up/down (2 matrices, e.g. GPT-J). */
  ffnKind: 'gated' | 'plain';
  moe: MoeConfig | null;
  mla: MlaConfig | null;
  /** Local (windowed/chunked) attention; null = all layers full attention. */
  slidingWindow: SlidingWindowConfig | null;
  vocabSize: number;
  tieWordEmbeddings: boolean;
  maxContextTokens: number;
}

export interface MoeConfig {
  numExperts: number;
  expertsPerToken: number;
  numSharedExperts: number;
  expertIntermediateSize: number;
  /** Width of each shared expert (defaults to expertIntermediateSize when null). */
  sharedExpertIntermediateSize: number | null;
  /** Leading layers that use the dense FFN (DeepSeek first_k_dense_replace). */
  firstDenseLayers: number;
  /** Every n-th layer is MoE (Llama-4 Maverick interleaves: 2); 1 = every layer. */
  moeLayerPeriod: number;
}

export interface MlaConfig {
  kvLoraRank: number;
  /** null = no query compression (full-rank Q projection). */
  qLoraRank: number | null;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

export interface SlidingWindowConfig {
  windowTokens: number;
  /** Out of every `period` layers, the last `globalPerPeriod` are full attention. */
  period: number;
  globalPerPeriod: number;
}

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
