// The ranges around predictions, from cross-validated residuals: quantiles of ln(measured /
// predicted) over the predictions of chips with their own rows, widened per evidence basis by how
// much wider the residuals of chips that had lost their rows (family) or their family's rows
// (prior) are. Coverage is checked on predictions the quantiles did not see. Pure.
import type { EvidenceBasis } from '../records/hardware-profile';
import { rangeQuantiles, type UncertaintyModel } from '../engine/uncertainty';
import type { CrossValidatedRow } from './cross-validate';
import { median, quantile, wilsonInterval } from './stats';

export const NOMINAL_COVERAGE = 0.8;
/** Fewest residuals a basis needs for its own width; fewer: the stated fallback. */
export const MIN_RESIDUALS_FOR_WIDTH = 8;
/** Width of the prior when too few predictions fell back to it (documented assumption). */
export const FALLBACK_PRIOR_WIDTH = 2;

export interface BasisResiduals {
  basis: Exclude<EvidenceBasis, 'claim'>;
  count: number;
  low: number;
  high: number;
}

export interface UncertaintyFit {
  model: UncertaintyModel;
  byBasis: BasisResiduals[];
}

/** Residuals on `basis` of the rows the full fit used (what the basis widths compare). */
function residualsOf(rows: readonly CrossValidatedRow[], basis: BasisResiduals['basis']): number[] {
  return rows.filter((r) => r.usedForFit && r.basis === basis && r.logResidual !== null).map((r) => r.logResidual!);
}

/**
 * Residuals of every cross-validated row with the chip's own rows in the fit, held-out rows too:
 * each is a prediction its own run was left out of (the factor fit never sees a held-out row). The
 * range's quantiles: from the fit rows alone, split dense/MoE, they held 76% of the predictions,
 * not 80%, as the held-out rows spread wider.
 */
function measuredResiduals(rows: readonly CrossValidatedRow[]): number[] {
  return rows.filter((r) => r.basis === 'measured' && r.logResidual !== null).map((r) => r.logResidual!);
}

/** Fewest MoE residuals for quantiles of their own; fewer: MoE predictions take the pooled ones. */
export const MIN_MOE_RESIDUALS = 20;
/** The same for predictions whose batch a latency limit set. */
export const MIN_LATENCY_LIMITED_RESIDUALS = 20;

/**
 * The uncertainty model from cross-validated rows: quantiles from every row with its chip's own rows
 * in the fit (measuredResiduals), dense and MoE apart; basis widths from the fit rows (residualsOf).
 * `claimWidth` is the claim basis' width (it has no residuals: no claim chip has run a public
 * benchmark), at least the prior's.
 */
export function fitUncertainty(rows: readonly CrossValidatedRow[], claimWidth: number | null = null, coverage = NOMINAL_COVERAGE): UncertaintyFit {
  const pLow = (1 - coverage) / 2;
  const pHigh = (1 + coverage) / 2;
  const byBasis: BasisResiduals[] = (['measured', 'family', 'prior'] as const).map((basis) => {
    const r = residualsOf(rows, basis);
    return { basis, count: r.length, low: quantile(r, pLow), high: quantile(r, pHigh) };
  });
  const measured = byBasis[0]!;
  const width = (b: BasisResiduals) => b.high - b.low;
  const notes: string[] = [];
  const widthFactor = (b: BasisResiduals, fallback: number): number => {
    if (b.count >= MIN_RESIDUALS_FOR_WIDTH && measured.count >= MIN_RESIDUALS_FOR_WIDTH && width(measured) > 0) {
      const k = Math.max(1, width(b) / width(measured));
      notes.push(`${b.basis} x${k.toFixed(2)}: width of ${b.count} cross-validated residuals of chips that lost `
        + `${b.basis === 'family' ? 'their own rows' : 'their family\'s rows'} / width of the ${measured.count} with their own rows`);
      return k;
    }
    notes.push(`${b.basis} x${fallback.toFixed(2)}: fewer than ${MIN_RESIDUALS_FOR_WIDTH} residuals (${b.count}), assumed`);
    return fallback;
  };
  const prior = widthFactor(byBasis[2]!, FALLBACK_PRIOR_WIDTH);
  const family = Math.min(prior, widthFactor(byBasis[1]!, Math.sqrt(prior)));
  const claim = Math.max(prior, claimWidth ?? prior);
  notes.push(`claim x${claim.toFixed(2)}: ${claimWidth !== null && claimWidth > prior
    ? 'wide enough that the vendor-claimed efficiencies fall inside the range of the prior (default scenario)'
    : 'as the prior (no measurement of any chip of these architectures)'}`);
  // MoE predictions spread wider than dense ones (cross-validated: one pooled range held 67% of the
  // MoE rows and 83% of the dense): each takes its own quantiles.
  // The quantiles of a group of predictions that takes its own, where it has enough residuals.
  const ownQuantiles = (keep: (r: CrossValidatedRow) => boolean, fewest: number) => {
    const residuals = measuredResiduals(rows.filter(keep));
    return residuals.length >= fewest
      ? { lowLogResidual: quantile(residuals, pLow), highLogResidual: quantile(residuals, pHigh), count: residuals.length }
      : null;
  };
  const moe = ownQuantiles((r) => r.moe, MIN_MOE_RESIDUALS);
  // Predictions a latency limit bound err optimistically (cross-validated, before the serving step
  // cost: the dense and MoE quantiles held 69% of them and 81% of the rest): they take their own too.
  const latencyLimited = ownQuantiles((r) => r.latencyLimited, MIN_LATENCY_LIMITED_RESIDUALS);
  const denseResiduals = measuredResiduals(rows.filter((r) => !r.moe));
  const all = measuredResiduals(rows);
  const dense = moe !== null && denseResiduals.length >= MIN_RESIDUALS_FOR_WIDTH
    ? { low: quantile(denseResiduals, pLow), high: quantile(denseResiduals, pHigh), count: denseResiduals.length }
    : { low: quantile(all, pLow), high: quantile(all, pHigh), count: all.length };
  return {
    model: {
      coverage,
      lowLogResidual: Number.isFinite(dense.low) ? dense.low : 0,
      highLogResidual: Number.isFinite(dense.high) ? dense.high : 0,
      residualSet: `leave-one-submission-out cross-validated predictions (fit and held-out rows) of ${moe !== null ? 'dense-model ' : ''}calibration rows with the chip's own rows in the fit`,
      count: dense.count,
      widthFactor: { measured: 1, family, prior, claim },
      widthNote: notes.join('; '),
      dataflow: null,
      moe,
      latencyLimited,
    },
    byBasis,
  };
}

/** Whether a log-residual falls inside the model's range for a basis (the engine's closed form). */
export function inRange(model: UncertaintyModel, basis: EvidenceBasis, logResidual: number, moe = false, dataflowChip = false,
  latencyLimited = false): boolean {
  const { low, high } = rangeQuantiles(model, basis, dataflowChip, moe, latencyLimited);
  return logResidual >= low && logResidual <= high;
}

export interface CoverageCheck {
  nominal: number;
  actual: number;
  count: number;
  /** 90% Wilson interval of the measured coverage; the target is met when it holds the nominal. */
  interval90: { low: number; high: number };
  met: boolean;
  /** The same over held-out rows only. */
  heldOut: { actual: number; count: number };
  /** The same over dense-model and mixture-of-experts rows apart (their ranges take their own quantiles). */
  byArchitecture: { dense: { actual: number; count: number }; moe: { actual: number; count: number } };
  /**
   * The same over predictions whose batch a TPOT or TTFT limit set (they take their own quantiles)
   * and over the rest. The app's rerun of such a result at the range's slow end (latency-cliff.ts)
   * can only widen its low end beyond what this checks.
   */
  byBatchLimit: { latencyLimited: { actual: number; count: number }; other: { actual: number; count: number } };
}

/**
 * Whether each cross-validated prediction's outcome fell inside its range, the range's quantiles
 * computed without its own submission; null where the row has no residual (infeasible).
 */
export function rangeChecks(rows: readonly CrossValidatedRow[], coverage = NOMINAL_COVERAGE): (boolean | null)[] {
  const bySubmission = new Map<string, number[]>();
  rows.forEach((r, i) => bySubmission.set(r.submission, [...(bySubmission.get(r.submission) ?? []), i]));
  const out: (boolean | null)[] = rows.map(() => null);
  for (const [submission, own] of bySubmission) {
    const model = fitUncertainty(rows.filter((r) => r.submission !== submission), null, coverage).model;
    for (const i of own) {
      const r = rows[i]!;
      if (r.logResidual !== null) out[i] = inRange(model, r.basis, r.logResidual, r.moe, false, r.latencyLimited);
    }
  }
  return out;
}

/** Coverage over every cross-validated prediction (`inside`: rangeChecks of the rows). */
export function checkCoverage(rows: readonly CrossValidatedRow[], coverage = NOMINAL_COVERAGE,
  inside: readonly (boolean | null)[] = rangeChecks(rows, coverage)): CoverageCheck {
  const tally = (keep: (r: CrossValidatedRow) => boolean) => {
    const flags = rows.flatMap((r, i) => (inside[i] !== null && inside[i] !== undefined && keep(r) ? [inside[i]!] : []));
    return { inside: flags.filter(Boolean).length, count: flags.length };
  };
  const all = tally(() => true);
  const held = tally((r) => !r.usedForFit);
  const dense = tally((r) => !r.moe);
  const moe = tally((r) => r.moe);
  const bound = tally((r) => r.latencyLimited);
  const other = tally((r) => !r.latencyLimited);
  const share = (t: { inside: number; count: number }) => (t.count === 0 ? Number.NaN : t.inside / t.count);
  const { inside: insideCount, count } = all;
  const interval90 = wilsonInterval(insideCount, count);
  return {
    nominal: coverage,
    actual: share(all),
    count,
    interval90,
    met: count > 0 && coverage >= interval90.low && coverage <= interval90.high,
    heldOut: { actual: share(held), count: held.count },
    byArchitecture: { dense: { actual: share(dense), count: dense.count }, moe: { actual: share(moe), count: moe.count } },
    byBatchLimit: { latencyLimited: { actual: share(bound), count: bound.count }, other: { actual: share(other), count: other.count } },
  };
}

/**
 * The spread of the SRAM-resident chips' single-stream speeds (fit and held-out rows alike: there
 * are too few to hold any back), as the same quantiles: the floor under those chips' ranges.
 */
export function dataflowSpread(rows: readonly { index: number; logResidual: number }[], coverage = NOMINAL_COVERAGE): UncertaintyModel['dataflow'] {
  if (rows.length === 0) return null;
  const logs = rows.map((r) => r.logResidual);
  return {
    lowLogResidual: quantile(logs, (1 - coverage) / 2),
    highLogResidual: quantile(logs, (1 + coverage) / 2),
    count: rows.length,
    note: `the ${rows.length} third-party single-stream speeds of SRAM-resident chips (rows ${rows.map((r) => r.index).join(', ')}; their fixed-cost scale was fitted to those not held out)`,
  };
}

/**
 * A chip's own cross-validated rows fall inside the pooled range far less often than its nominal
 * share: at 90% confidence (Wilson), fewer than this share of them. The range then understates that
 * chip's uncertainty, and its results say so (GB300: 3 of 14 rows inside, against 80%).
 */
export const UNDERCOVERED_SHARE = 0.6;

/** A prediction no fit saw, as the per-chip coverage check needs it. */
export interface OutOfSampleSpeed {
  hardwareId: string;
  basis: EvidenceBasis;
  moe: boolean;
  /** An SRAM-resident chip: its range spans at least the SRAM speeds' spread (rangeQuantiles). */
  dataflowChip: boolean;
  /** ln(measured / predicted). */
  logResidual: number;
  /** predicted / measured - 1. */
  error: number;
}

/**
 * Chips whose own predictions the fit did not see fall inside their range far less often than
 * nominal (UNDERCOVERED_SHARE): the cross-validated target rows, and `speeds`, third-party speeds
 * no fit used (SambaNova's six API speeds are all outside its range).
 */
export function undercoveredChips(model: UncertaintyModel, rows: readonly CrossValidatedRow[],
  speeds: readonly OutOfSampleSpeed[] = []): NonNullable<UncertaintyModel['undercovered']> {
  const byChip = new Map<string, { inside: boolean; error: number }[]>();
  const add = (hardwareId: string, inside: boolean, error: number) => {
    const list = byChip.get(hardwareId);
    if (list === undefined) byChip.set(hardwareId, [{ inside, error }]);
    else list.push({ inside, error });
  };
  for (const r of rows) {
    if (r.logResidual === null || r.error === null) continue;
    add(r.plan.hardwareId, inRange(model, r.basis, r.logResidual, r.moe, false, r.latencyLimited), r.error);
  }
  for (const v of speeds) add(v.hardwareId, inRange(model, v.basis, v.logResidual, v.moe, v.dataflowChip), v.error);
  const out: NonNullable<UncertaintyModel['undercovered']> = [];
  for (const [hardwareId, own] of [...byChip].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const inside = own.filter((r) => r.inside).length;
    if (wilsonInterval(inside, own.length).high >= UNDERCOVERED_SHARE) continue;
    out.push({ hardwareId, rows: own.length, inside, medianError: Math.round(median(own.map((r) => r.error)) * 1000) / 1000 });
  }
  return out;
}
