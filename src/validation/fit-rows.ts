// Which calibration rows a fit may see, and the row's error in the one orientation every fit uses:
// the log of predicted over measured *speed* (a time metric's ratio is inverted). Pure.
import type { ModelledRow, RowPlan } from './row-plan';
import { TIME_METRICS } from './row-plan';

/**
 * A row enters a fit only when it is a measurement of the accuracy target set (MLPerf or a vendor
 * benchmark table; no claims, API speeds, per-MW or cost rows) and calibration.csv does not hold
 * it out (reference/README.md, the hold-out rule).
 */
export function usedForFit(plan: RowPlan): plan is ModelledRow {
  return plan.kind === 'modelled' && plan.inTargetSet && !plan.claim && !plan.row.holdout;
}

/** Rows the accuracy targets are measured on (fit and held out). */
export function inTargetSet(plan: RowPlan): plan is ModelledRow {
  return plan.kind === 'modelled' && plan.inTargetSet && !plan.claim;
}

/** ln(predicted speed / measured speed): > 0 when the engine is optimistic. Null when not predicted. */
export function speedLogRatio(plan: ModelledRow, predicted: number | null): number | null {
  if (predicted === null || !(predicted > 0) || !(plan.measured > 0)) return null;
  const r = Math.log(predicted / plan.measured);
  return TIME_METRICS.has(plan.metric.kind) ? -r : r;
}
