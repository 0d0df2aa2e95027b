// What the engine's speed has been worth where a latency limit (TPOT or TTFT) set the batch of the
// deployment it chose: `npm run validate`'s summary.crossValidatedLatencyLimited, each row predicted
// by a fit without its submission. The comparison table and the CLI quote it where such a limit binds. The
// regression guard fails when the validation disagrees, so update it with the validation.
import type { SimulationResult } from '../engine/types';
import { isLatencyLimit } from '../engine/result-types';
import { MESSAGES } from '../messages/ui';

export const LATENCY_LIMITED_ACCURACY = {
  /** Cross-validated calibration rows where a latency limit set the batch of the predicted deployment. */
  rows: 145,
  /** Their median predicted / measured - 1: + = the engine promised more than was measured. */
  medianSignedError: 0.011,
  /** Their median |error|. */
  medianAbsError: 0.087,
  /**
   * Share of them inside their 80% range, whose quantiles are those rows' own (summary.coverage.byBatchLimit;
   * each range set without the row's submission). With the quantiles of all rows it was 69% (before the serving step cost).
   */
  rangeCoverage: 0.793,
} as const;

/** A prediction (its range has a coverage: not a silicon limit or a claim) whose batch a latency limit set. */
export function latencyBoundPrediction(result: SimulationResult): boolean {
  const limit = result.feasible ? result.memory.batchLimitedBy : null;
  return isLatencyLimit(limit) && result.uncertainty?.coverage != null;
}

/** What such a prediction has been worth, in the words the comparison table and the CLI use. */
export function latencyLimitedNote(): string {
  const a = LATENCY_LIMITED_ACCURACY;
  return MESSAGES.table.latencyLimitedKey(a.rows, a.medianSignedError, a.medianAbsError, a.rangeCoverage);
}
