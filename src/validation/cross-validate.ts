// Leave-one-submission-out cross-validation: every target row is scored by a fit that never saw
// its submission (all the runs one vendor made of one system). The fit is refitted without the
// submission from the linearization at the full fit (weighted medians, stack-factors.ts) and the
// submission's rows are then run through the engine at the refitted factors. A chip whose only
// submission is left out falls back to its family's factor, and a family whose only submission is
// left out to the prior: that measures how good those fallbacks are. Pure.
import type { EvidenceBasis } from '../records/hardware-profile';
import { usedForFit } from './fit-rows';
import { submissionKey } from './holdout';
import { TIME_METRICS, speedError, type ModelledRow } from './row-plan';
import { rowPredictions, updatedFactors, type FitContext, type Linearization, type StackFactors } from './stack-factors';

/** One row's prediction by a fit without its submission. */
export interface CrossValidatedRow {
  plan: ModelledRow;
  submission: string;
  /** Whether the full fit used the row (false: held out, so the full fit already never saw it). */
  usedForFit: boolean;
  predicted: number | null;
  /** The row's error on its speed (row-plan.ts speedError): + = the engine promises more. */
  error: number | null;
  /** ln(measured / predicted speed): what a range around a prediction must cover. */
  logResidual: number | null;
  /** The evidence this prediction rested on: the chip's own rows, a sibling's, or the prior. */
  basis: Exclude<EvidenceBasis, 'claim'>;
  /** A mixture-of-experts model: its range takes the MoE rows' quantiles (uncertainty-fit.ts). */
  moe: boolean;
  /** A TPOT or TTFT limit set the batch of the deployment behind the prediction: its range takes such predictions' quantiles. */
  latencyLimited: boolean;
}

/** The prediction behind a speed log-ratio, in the row's own metric. */
function predictedOf(plan: ModelledRow, speedLogRatio: number): number {
  return plan.measured * Math.exp(TIME_METRICS.has(plan.metric.kind) ? -speedLogRatio : speedLogRatio);
}

function basisWithout(plan: ModelledRow, fitRows: readonly ModelledRow[], familyOf: (p: ModelledRow) => string): Exclude<EvidenceBasis, 'claim'> {
  if (fitRows.some((p) => p.hardwareId === plan.hardwareId)) return 'measured';
  const family = familyOf(plan);
  return fitRows.some((p) => familyOf(p) === family) ? 'family' : 'prior';
}

/**
 * Refitted factors without `left` (rows of one submission): one linearized step of every factor
 * from the rows that remain; a chip with no rows left leaves the fit and takes its family's factor
 * (else the prior).
 */
export function factorsWithout(left: ReadonlySet<ModelledRow>, lin: readonly Linearization[], factors: StackFactors): StackFactors {
  const touched = new Set(lin.filter((l) => left.has(l.plan)).map((l) => l.chip));
  return updatedFactors(lin.filter((l) => !left.has(l.plan)), factors, touched);
}

/**
 * Cross-validated predictions of every target row (`rows`: fit and held out). `lin` is the
 * linearization of the fit rows at `factors` (the full fit).
 */
export function crossValidate(rows: readonly ModelledRow[], lin: readonly Linearization[], factors: StackFactors, ctx: FitContext): CrossValidatedRow[] {
  const fitRows = rows.filter(usedForFit);
  const bySubmission = new Map<string, ModelledRow[]>();
  for (const plan of rows) {
    const key = submissionKey(plan.row);
    const list = bySubmission.get(key);
    if (list) list.push(plan);
    else bySubmission.set(key, [plan]);
  }
  const out: CrossValidatedRow[] = [];
  for (const [submission, plans] of bySubmission) {
    const left = new Set(plans.filter(usedForFit));
    const remainingFit = fitRows.filter((p) => !left.has(p));
    const refit = left.size === 0 ? factors : factorsWithout(left, lin, factors);
    const predictions = rowPredictions(plans, ctx, refit);
    plans.forEach((plan, i) => {
      const log = predictions[i]?.logRatio ?? null;
      const predicted = log === null ? null : predictedOf(plan, log);
      out.push({
        plan,
        submission,
        usedForFit: left.has(plan),
        predicted,
        error: predicted === null ? -1 : speedError(plan.metric.kind, predicted, plan.measured),
        logResidual: log === null ? null : -log,
        basis: basisWithout(plan, remainingFit, ctx.familyOf),
        moe: ctx.moeClass(plan) !== null,
        latencyLimited: predictions[i]?.latencyLimited ?? false,
      });
    });
  }
  return out;
}
