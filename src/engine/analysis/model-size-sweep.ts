// Tokens/s per dollar-per-hour against model size (issue 5, the headline chart): the parametric
// family as a line per chip, and catalog models of the same family as labelled points.

import { generateModel } from './parametric-model';
import { rankRange } from './rank';
import { simulate } from '../simulate';
import type { ModelArchitecture } from '../types';
import { SIZE_RANGE_KEYS, SWEEP_MAX_SIZES, type ModelFamily, type SizePoint } from './sweep-sizes';
import { withChip, type ChipChoice, type WorkloadScenario } from './workload';

export {
  SWEEP_DEFAULT_SIZES, SWEEP_MAX_PARAMS, SWEEP_MAX_SIZES, SWEEP_MIN_PARAMS, sweepSizes, type ModelFamily, type SizePoint,
} from './sweep-sizes';

export function modelFamily(model: ModelArchitecture): ModelFamily {
  return model.moe === null ? 'dense' : 'moe';
}

function point(base: WorkloadScenario, chip: ChipChoice, model: ModelArchitecture, source: SizePoint['source']): SizePoint {
  const r = simulate(withChip({ ...base, model }, chip), { frontier: false });
  return {
    hardwareId: chip.hardware.id,
    modelId: model.id,
    modelName: model.name,
    source,
    family: modelFamily(model),
    totalParams: model.publishedParamsTotal,
    activeParams: model.publishedParamsActive ?? model.publishedParamsTotal,
    feasible: r.feasible,
    reason: r.feasible ? null : (r.reason?.text ?? 'infeasible'),
    chips: r.config.chips,
    outputTokensPerSecondPerDollarPerHour: r.outputTokensPerSecondPerDollarPerHour,
    usdPerMillionOutputTokens: r.usdPerMillionOutputTokens,
    outputTokensPerSecondPerChip: r.outputTokensPerSecondPerChip,
    tokensPerSecondPerUser: r.tokensPerSecondPerUser,
    pricingUsed: r.pricingUsed,
    rentalEstimated: r.pricing.rentalEstimated,
    evidence: r.evidence.basis,
    ranges: Object.fromEntries(SIZE_RANGE_KEYS.map((k) => [k, r.feasible ? rankRange(r, k) : null])) as SizePoint['ranges'],
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
