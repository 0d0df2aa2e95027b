// The calibration's market and accuracy summary, as the engine reads it: the rental/TCO ratio
// that prices chips without a market rental, and the residual quantiles behind every range.
// The JSON is written by `npm run calibrate -- --write` (scripts/calibrate.ts); never by hand.

import data from './data/calibration-summary.json';
import type { RentalToTcoRatio } from './economics';
import type { EfficiencyProfile } from './types';
import type { UncertaintyModel } from './uncertainty';

export interface CalibrationSummary {
  rentalToTco: RentalToTcoRatio & { chips: string[]; excluded: { id: string; reason: string }[] };
  uncertainty: UncertaintyModel;
  /**
   * How much less a calibration row measured t years before the newest row got from the same silicon:
   * exp(-perYear x t). Predictions use the newest software (newestYear); validation reads it back.
   */
  softwareTrend: { perYear: number; newestYear: number; note: string };
  /** The prior for chips without measurements: medians of the measured families' fits (note says which). */
  prior: Omit<EfficiencyProfile, 'evidence' | 'claimed'>;
  /**
   * A profile's computeEfficiency is its share of the fp8 peak; 16-bit GEMMs reach `ratio` times
   * that share of the 16-bit peak (the kernel-timed H200: bf16 and fp8 GEMMs at M >= 2048).
   */
  sixteenBitCompute: { ratio: number; note: string };
  /**
   * The serving step's own cost (scheduling, sampling, output processing) that achieved mode adds to
   * every kernel-launched chip's per-step fixed cost, chosen by cross-validation (note says how).
   * Absent in summaries written before it: no such cost.
   */
  servingStep?: { seconds: number; note: string };
}

export const CALIBRATION_SUMMARY = data as unknown as CalibrationSummary;
