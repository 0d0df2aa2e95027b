// The cost floor of a model at a date: the cheapest request the engine finds on the chips of the
// era table available then (each in the narrowest format the software of the date served, priced
// by rental where market_history.csv has a quote, else by an estimated rental), served the way the
// software of the date served.

import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { MARKET } from '../messages/market';
import { CALIBRATION_SUMMARY } from '../engine/calibration-summary';
import { estimatedRentalPerChipHour } from '../engine/economics';
import { DEFAULT_ECONOMICS, DEFAULT_ENGINE, DEFAULT_LAYOUT, SCENARIO_VERSION, type Scenario } from '../scenario/scenario';
import { precisionAt, servingAt, type PrecisionChoice, type ServingChoice } from './era-settings';
import { chipsAt, type Era } from './eras';
import type { Evaluator, FloorEvaluation } from './evaluate';
import type { MarketData } from './market-data';
import type { MarketWorkload } from './options';
import { rentalAt } from './rental-prices';

/**
 * Every floor is priced on one basis, rental (issue 11: one pricing basis per comparison): a dated
 * market quote where market_history.csv has one, else an estimated rental (`estimated`), the
 * chip's owning cost x the median rental/TCO ratio of the chips with both prices, as the compare
 * table's "≈". Mixing owning costs with rentals made chips without quotes look cheaper.
 */
export interface Pricing {
  usdPerChipHour: number;
  estimated: boolean;
  basis: string;
}

/** One chip, set up the way the date allowed. */
export interface FloorSetting {
  hardwareId: string;
  era: Era;
  precision: PrecisionChoice;
  pricing: Pricing;
  serving: ServingChoice;
  /** The availability row that put the chip in the floor. */
  availabilityBasis: string;
}

/** The chips available at `date` with their formats, prices and serving (none before the first era). */
export function settingsAt(data: MarketData, date: string, catalog: Catalog, workload: MarketWorkload): FloorSetting[] {
  const serving = servingAt(date, data.history, workload.prefixCacheHitRate);
  const settings: FloorSetting[] = [];
  const ratio = CALIBRATION_SUMMARY.rentalToTco;
  const estimated = (profile: HardwareProfile): Pricing => {
    const usd = estimatedRentalPerChipHour(profile, ratio);
    return { usdPerChipHour: usd, estimated: true, basis: MARKET.estimatedRentalPrice(usd, ratio.median, ratio.n).text };
  };
  for (const { era, chip } of chipsAt(data.eras, date)) {
    const profile = catalog.hardware.get(chip.hardwareId);
    if (profile === undefined) continue;
    const quote = rentalAt(data.rentals.get(chip.hardwareId) ?? [], date);
    settings.push({
      hardwareId: chip.hardwareId,
      era,
      precision: precisionAt(profile, date, data.history),
      pricing: quote === null ? estimated(profile)
        : { usdPerChipHour: quote.usdPerChipHour, estimated: false, basis: MARKET.rentalPrice(quote.usdPerChipHour, quote.cite).text },
      serving,
      availabilityBasis: chip.basis,
    });
  }
  return settings;
}

/** The parts of a floor that a scenario is made of (the decomposition switches them one by one). */
export interface FloorParts {
  hardwareId: string;
  pricing: Pricing;
  precision: PrecisionChoice['config'];
  model: string | ModelArchitecture;
  serving: Pick<ServingChoice, 'maxBatchPerReplica' | 'prefixCacheHitRate'>;
}

/**
 * A scenario (what `npm run --silent simulate -- --scenario FILE` reads) for one floor:
 * as many chips as the cheapest replica needs ("auto": the engine maximises tokens per chip),
 * every batch slot busy (saturated arrivals: a floor has no idle capacity), the workload's limits.
 */
export function floorScenario(parts: FloorParts, workload: MarketWorkload): Scenario {
  return {
    version: SCENARIO_VERSION,
    hardware: parts.hardwareId,
    chips: 'auto',
    model: parts.model,
    precision: { ...parts.precision },
    workload: {
      inputTokens: workload.inputTokens,
      outputTokens: workload.outputTokens,
      prefixCacheHitRate: parts.serving.prefixCacheHitRate,
      arrivals: 'saturated',
    },
    slo: { maxTtftSeconds: workload.maxTtftSeconds, maxTpotSeconds: workload.maxTpotSeconds },
    objective: 'max-throughput',
    economics: {
      ...DEFAULT_ECONOMICS,
      pricing: 'rental',
      rentalUsdPerChipHour: parts.pricing.usdPerChipHour,
    },
    efficiencyMode: 'achieved',
    speculative: null,
    serving: 'co-located',
    layout: { ...DEFAULT_LAYOUT },
    engine: { ...DEFAULT_ENGINE, maxSequences: parts.serving.maxBatchPerReplica },
  };
}

export function partsOf(setting: FloorSetting, model: string | ModelArchitecture): FloorParts {
  return { hardwareId: setting.hardwareId, pricing: setting.pricing, precision: setting.precision.config, model, serving: setting.serving };
}

export interface Floor {
  setting: FloorSetting;
  scenario: Scenario;
  evaluation: FloorEvaluation & { floorUsdPerRequest: number };
}

/** The cheapest feasible chip for `model` at `date`, or why there is none. */
export function bestFloor(
  data: MarketData, date: string, model: string | ModelArchitecture, workload: MarketWorkload, catalog: Catalog, evaluate: Evaluator,
): { floor: Floor; reason: null } | { floor: null; reason: string } {
  const settings = settingsAt(data, date, catalog, workload);
  if (settings.length === 0) return { floor: null, reason: MARKET.noEra(date).text };
  let best: Floor | null = null;
  let reason: string | null = null;
  for (const setting of settings) {
    const scenario = floorScenario(partsOf(setting, model), workload);
    const evaluation = evaluate(scenario);
    if (evaluation.floorUsdPerRequest === null) {
      reason ??= `${catalog.hardware.get(setting.hardwareId)?.name ?? setting.hardwareId}: ${evaluation.reason ?? 'infeasible'}`;
      continue;
    }
    if (best === null || evaluation.floorUsdPerRequest < best.evaluation.floorUsdPerRequest) {
      best = { setting, scenario, evaluation: { ...evaluation, floorUsdPerRequest: evaluation.floorUsdPerRequest } };
    }
  }
  return best === null ? { floor: null, reason: reason ?? 'infeasible' } : { floor: best, reason: null };
}
