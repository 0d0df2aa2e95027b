import type { EconomicsInput, EngineSettings, HardwareProfile, LayoutPins, ModelArchitecture, ScenarioCore } from '../engine/types';

/** Speculative decoding as a user writes it: the draft model by id or inline. */
export type ScenarioSpeculation =
  | null
  | { method: 'mtp'; draftTokens: number; acceptanceRate: number }
  | { method: 'draft-model'; draftModel: string | ModelArchitecture; draftTokens: number; acceptanceRate: number };

/** Version 2: `maxBatchPerReplica` became `engine.maxSequences`; `layout` and `engine` added (migrations.ts). */
export const SCENARIO_VERSION = 2;

/** What a user writes (file, URL, flags): ids or inline definitions, before catalog lookup. */
export interface Scenario extends ScenarioCore {
  version: typeof SCENARIO_VERSION;
  hardware: string | HardwareProfile;
  model: string | ModelArchitecture;
  speculative: ScenarioSpeculation;
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

export const DEFAULT_LAYOUT: LayoutPins = { tensorParallel: 'auto', pipelineParallel: 'auto', expertParallel: 'auto', dataParallelAttention: 'auto' };

/**
 * Engine caps: vLLM/TensorRT-LLM max concurrent sequences are configured in the hundreds to 2048;
 * prompt chunks of 8,192 tokens are the order of vLLM's max_num_batched_tokens and TensorRT-LLM's
 * chunk size.
 */
export const DEFAULT_ENGINE: EngineSettings = { maxSequences: 1024, maxTokensPerStep: 'auto', prefillChunkTokens: 8192, overlap: 'off', scheduler: 'per-micro-batch' };

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
    speculative: null,
    serving: 'co-located',
    layout: { ...DEFAULT_LAYOUT },
    engine: { ...DEFAULT_ENGINE },
  };
}
