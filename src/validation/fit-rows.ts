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

/**
 * What a row is to the fits: `fit` (a target row the software factors were fitted on),
 * `fit-fixed-cost` (an SRAM chip's single-stream speed its fixed cost per operator was fitted on),
 * `held-out` (a row that could enter one of those fits but the hold-out rule keeps out), or
 * `reported` (never a fit candidate: vendor claims, other API speeds, per-MW and cost rows).
 */
export type RowUse = 'fit' | 'fit-fixed-cost' | 'held-out' | 'reported';

/** `fixedCostCandidate`: an SRAM chip's third-party single-stream speed (dataflow-overhead.ts dataflowRows). */
export function rowUse(plan: ModelledRow, usedInFit: boolean, fixedCostCandidate: boolean): RowUse {
  if (usedInFit) return fixedCostCandidate ? 'fit-fixed-cost' : 'fit';
  return inTargetSet(plan) || fixedCostCandidate ? 'held-out' : 'reported';
}
