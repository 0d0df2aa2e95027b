// The one object the simulation workers expose (and the main thread runs itself when workers are
// unavailable). Every method is a pure engine call on plain data (the Accuracy view's first reads
// the report the build ships): results are plain data too.

import { breakEvenPrice, type BreakEvenResult } from './engine/analysis/break-even';
import { sweepChip, type ModelFamily, type SizePoint } from './engine/analysis/model-size-sweep';
import { rooflineRoofs, type Roofs } from './engine/analysis/roofline-roofs';
import { parameterValues, usdPerMillionOf, type ParameterValues } from './engine/analysis/sensitivity';
import type { ChipParameter } from './engine/analysis/scale-parameter';
import type { ChipChoice, WorkloadScenario } from './engine/analysis/workload';
import { simulate } from './engine/simulate';
import type { EfficiencyMode, ModelArchitecture, ResolvedScenario, SimulationResult } from './engine/types';
import type { Catalog } from './catalog/catalog';
import type { MeasuredOverlay, MeasuredQuery } from './validation/measured-points';
import type { ValidationReport } from './validation/validate';
import { prebuiltReport } from './validation/prebuilt-report';
import { limitingResource, type ResourceLimit } from './engine/analysis/limiting-resource';
import type { MarketPrices } from './market/market-prices';
import type { MarketOptions } from './market/options';
import type { MarketDecompositionReport, MarketPointsReport } from './market/report';
import type { MatrixSharePoint } from './design/matrix-share';
import { sweepMatrixShare } from './design/matrix-share-sweep';
import type { ChipDesign } from './records/chip-design';

export interface LabOutcome {
  result: SimulationResult;
  roofs: Roofs;
}

export const workerApi = {
  simulate(scenario: ResolvedScenario): SimulationResult {
    return simulate(scenario);
  },
  limitingResource(scenario: ResolvedScenario): ResourceLimit {
    return limitingResource(scenario);
  },
  /** A result plus the roofs of its chip (chip lab: the edited chip and the ghost). */
  lab(scenario: ResolvedScenario): LabOutcome {
    return { result: simulate(scenario), roofs: rooflineRoofs(scenario) };
  },
  sweepChip(base: WorkloadScenario, chip: ChipChoice, family: ModelFamily, sizes: number[], models: ModelArchitecture[]): SizePoint[] {
    return sweepChip(base, chip, family, sizes, models);
  },
  /** $/M output tokens (null when infeasible): the base of the sensitivity chart. */
  usdPerMillion(scenario: ResolvedScenario): number | null {
    return usdPerMillionOf(scenario);
  },
  /** One parameter of the sensitivity chart (two engine runs). */
  parameterValues(scenario: ResolvedScenario, parameter: ChipParameter): ParameterValues {
    return parameterValues(scenario, parameter);
  },
  breakEven(subject: ResolvedScenario, target: ResolvedScenario): BreakEvenResult {
    return breakEvenPrice(subject, target);
  },
  /** Chip lab design mode: $/M and tokens/s per user of the design at some matrix shares. */
  designSweep(base: WorkloadScenario, chips: number | 'auto', design: ChipDesign, shares: number[]): MatrixSharePoint[] {
    return sweepMatrixShare(base, chips, design, shares);
  },
  /**
   * Accuracy view: the validation against the bundled calibration data: the report the production
   * build ships, else computed here (the data loads on first use).
   */
  async validate(catalog: Catalog, mode: EfficiencyMode): Promise<ValidationReport> {
    return (await prebuiltReport(mode)) ?? (await import('./validation/app-jobs')).validateBundled(catalog, mode);
  },
  /** Market view: every API price point with its cost floor (the data loads on first use). */
  async marketPoints(catalog: Catalog, options: MarketOptions): Promise<MarketPointsReport> {
    return (await import('./market/app-jobs')).marketPointsBundled(catalog, options);
  },
  /** Market view: the decomposition of one pair of points and the floor lines of their models. */
  async marketPrices(catalog: Catalog, modelId: string, workload: { inputTokens: number; outputTokens: number }): Promise<MarketPrices> {
    return (await import('./market/app-jobs')).marketPricesBundled(catalog, modelId, workload);
  },
  async marketDecomposition(catalog: Catalog, options: MarketOptions): Promise<MarketDecompositionReport> {
    return (await import('./market/app-jobs')).marketDecompositionBundled(catalog, options);
  },
  /** Compare view: published measurements matching the workload (frontier overlay). */
  async measuredPoints(query: MeasuredQuery): Promise<MeasuredOverlay> {
    return (await import('./validation/app-jobs')).measuredOverlay(query);
  },
};

export type WorkerApi = typeof workerApi;
export type WorkerMethod = keyof WorkerApi;
