import type {
  EconomicsInput,
  EfficiencyMode,
  HardwareProfile,
  ModelArchitecture,
  Objective,
  PrecisionConfig,
  ServingMode,
  Slo,
  Workload,
} from '../engine/types';

/** Speculative decoding as a user writes it: the draft model by id or inline. */
export type ScenarioSpeculation =
  | null
  | { method: 'mtp'; draftTokens: number; acceptanceRate: number }
  | { method: 'draft-model'; draftModel: string | ModelArchitecture; draftTokens: number; acceptanceRate: number };

export const SCENARIO_VERSION = 1;

/** What a user writes (file, URL, flags): ids or inline definitions, before catalog lookup. */
export interface Scenario {
  version: typeof SCENARIO_VERSION;
  hardware: string | HardwareProfile;
  /** Chips available, or 'auto' = as many as the workload needs. */
  chips: number | 'auto';
  model: string | ModelArchitecture;
  precision: PrecisionConfig;
  workload: Workload;
  slo: Slo;
  objective: Objective;
  economics: EconomicsInput;
  efficiencyMode: EfficiencyMode;
  maxBatchPerReplica: number;
  speculative: ScenarioSpeculation;
  serving: ServingMode;
}

/**
 * TCO defaults from hardware.md section 6: 4-year economic life, 70% load, PUE 1.2 (typical
 * hyperscale), $0.08/kWh (US industrial), $150/kW-month colocation; 6% cost of capital (assumed).
 */
export const DEFAULT_ECONOMICS: EconomicsInput = {
  pricing: 'rental',
  rentalUsdPerChipHour: null,
  capexUsdPerChip: null,
  capexOverheadMultiplier: null,
  depreciationYears: 4,
  costOfCapitalPerYear: 0.06,
  loadFactor: 0.7,
  pue: 1.2,
  usdPerKwh: 0.08,
  hostingUsdPerKwMonth: 150,
};

/** Runtime batch cap: vLLM/TRT-LLM max concurrent sequences are configured in the hundreds to 2048. */
export const DEFAULT_MAX_BATCH_PER_REPLICA = 1024;

export function defaultScenario(): Scenario {
  return {
    version: SCENARIO_VERSION,
    hardware: 'nvidia-h200-sxm',
    chips: 8,
    model: 'llama-3.1-70b',
    precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
    workload: { inputTokens: 2048, outputTokens: 256, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: null, maxTpotSeconds: null },
    objective: 'max-throughput',
    economics: { ...DEFAULT_ECONOMICS },
    efficiencyMode: 'achieved',
    maxBatchPerReplica: DEFAULT_MAX_BATCH_PER_REPLICA,
    speculative: null,
    serving: 'co-located',
  };
}
