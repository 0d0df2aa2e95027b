// Tokens/s per dollar-per-hour against model size (issue 5, the headline chart): the parametric
// family as a line per chip, and catalog models of the same family as labelled points.

import { generateModel, PARAMETRIC_MAX_PARAMS, PARAMETRIC_MIN_PARAMS } from '../../catalog/parametric';
import { simulate } from '../simulate';
import type { ModelArchitecture } from '../types';
import { withChip, type ChipChoice, type WorkloadScenario } from './workload';

export type ModelFamily = 'dense' | 'moe';

/** Bounded work: a sweep never evaluates more sizes than this per chip. */
export const SWEEP_MAX_SIZES = 32;
export const SWEEP_DEFAULT_SIZES = 13;
export const SWEEP_MIN_PARAMS = 1e9;
export const SWEEP_MAX_PARAMS = PARAMETRIC_MAX_PARAMS;

export interface SizePoint {
  hardwareId: string;
  modelId: string;
  modelName: string;
  source: 'parametric' | 'catalog';
  family: ModelFamily;
  totalParams: number;
  /** Active parameters per token (MoE); equals totalParams for dense models. */
  activeParams: number;
  feasible: boolean;
  reason: string | null;
  chips: number;
  outputTokensPerSecondPerDollarPerHour: number;
  usdPerMillionOutputTokens: number;
  outputTokensPerSecondPerChip: number;
  tokensPerSecondPerUser: number;
  pricingUsed: 'rental' | 'tco';
}

/** `count` sizes spaced evenly on a log scale from min to max (both included), capped in count and range. */
export function sweepSizes(count: number = SWEEP_DEFAULT_SIZES, min = SWEEP_MIN_PARAMS, max = SWEEP_MAX_PARAMS): number[] {
  const n = Math.max(2, Math.min(SWEEP_MAX_SIZES, Math.round(Number.isFinite(count) ? count : SWEEP_DEFAULT_SIZES)));
  const lo = Math.max(PARAMETRIC_MIN_PARAMS, Math.min(min, max));
  const hi = Math.min(PARAMETRIC_MAX_PARAMS, Math.max(min, max));
  const step = Math.log(hi / lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => lo * Math.exp(step * i));
}

export function modelFamily(model: ModelArchitecture): ModelFamily {
  return model.moe === null ? 'dense' : 'moe';
}

function point(base: WorkloadScenario, chip: ChipChoice, model: ModelArchitecture, source: SizePoint['source']): SizePoint {
  const r = simulate(withChip({ ...base, model }, chip));
  return {
    hardwareId: chip.hardware.id,
    modelId: model.id,
    modelName: model.name,
    source,
    family: modelFamily(model),
    totalParams: model.publishedParamsTotal,
    activeParams: model.publishedParamsActive ?? model.publishedParamsTotal,
    feasible: r.feasible,
    reason: r.feasible ? null : (r.reason ?? 'infeasible'),
    chips: r.config.chips,
    outputTokensPerSecondPerDollarPerHour: r.outputTokensPerSecondPerDollarPerHour,
    usdPerMillionOutputTokens: r.usdPerMillionOutputTokens,
    outputTokensPerSecondPerChip: r.outputTokensPerSecondPerChip,
    tokensPerSecondPerUser: r.tokensPerSecondPerUser,
    pricingUsed: r.pricingUsed,
  };
}

/**
 * One chip's sweep: the parametric `family` at `sizes`, then each catalog model of that family.
 * The workload's own model is ignored; its precision, tokens, SLO and pricing apply to every point.
 */
export function sweepChip(
  base: WorkloadScenario,
  chip: ChipChoice,
  family: ModelFamily,
  sizes: readonly number[],
  catalogModels: readonly ModelArchitecture[],
): SizePoint[] {
  const out: SizePoint[] = [];
  for (const size of sizes.slice(0, SWEEP_MAX_SIZES)) out.push(point(base, chip, generateModel(size, family), 'parametric'));
  for (const model of catalogModels) {
    if (modelFamily(model) === family) out.push(point(base, chip, model, 'catalog'));
  }
  return out;
}

/** The sweep over several chips (tests, CLI, main-thread fallback; the app splits it per chip). */
export function modelSizeSweep(
  base: WorkloadScenario,
  chips: readonly ChipChoice[],
  family: ModelFamily,
  sizes: readonly number[],
  catalogModels: readonly ModelArchitecture[],
): SizePoint[] {
  return chips.flatMap((chip) => sweepChip(base, chip, family, sizes, catalogModels));
}
