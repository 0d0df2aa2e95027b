// A range on every predicted number, in closed form from the point result (no re-simulation):
// predicted x exp(k x q), where q are quantiles of the log-residuals ln(measured / predicted) of
// predictions the fit did not see (leave-one-submission-out cross-validation, src/validation),
// and k widens the range for weaker evidence. Written by `npm run calibrate -- --write`. In spec
// mode the same width is shown as the engine's modelling spread, with no coverage claimed.

import type { EvidenceBasis } from '../records/hardware-profile';
import type { EfficiencyMode, Range, Uncertainty } from './types';
import { formatNumber } from '../format/units';

export interface UncertaintyModel {
  /** Nominal share of outcomes inside the range. */
  coverage: number;
  /** Quantiles (1 - coverage)/2 and (1 + coverage)/2 of the cross-validated log-residuals. */
  lowLogResidual: number;
  highLogResidual: number;
  /** The residual set: what it is and how many predictions. */
  residualSet: string;
  count: number;
  /** Width per evidence basis (measured = 1), with the reason for each. */
  widthFactor: Record<EvidenceBasis, number>;
  widthNote: string;
  /**
   * SRAM-resident (dataflow) chips: the same quantiles of their single-stream speeds' log-residuals,
   * a floor under their range (one fixed-cost scale serves them all, and those rows spread far wider
   * than the GPU rows); null without such rows.
   */
  dataflow: { lowLogResidual: number; highLogResidual: number; count: number; note: string } | null;
  /**
   * Mixture-of-experts predictions: the same quantiles over the MoE rows alone (with the chip's own
   * rows in the fit), which spread wider than the dense ones; the basis widths apply to them too.
   * Absent or null: MoE predictions take the pooled quantiles.
   */
  moe?: { lowLogResidual: number; highLogResidual: number; count: number } | null;
  /**
   * Predictions whose batch a latency limit (TPOT or TTFT) set: the same quantiles over those rows
   * alone. The engine has overestimated them (before the serving step cost, the quantiles of all rows
   * held 69% of them, not 80%),
   * so their range reaches further down. A mixture-of-experts prediction so bound spans both sets.
   * Absent or null: such predictions take their architecture's quantiles.
   */
  latencyLimited?: { lowLogResidual: number; highLogResidual: number; count: number } | null;
  /**
   * Chips whose own cross-validated rows the range holds far less often than its coverage (at 90%
   * confidence, under 60% of them): their results warn that the range understates their uncertainty.
   * Absent in summaries written before the check.
   */
  undercovered?: { hardwareId: string; rows: number; inside: number; medianError: number }[];
}

/**
 * The log-residual quantiles a range spans: the basis-widened ones, and for a dataflow chip at
 * least its rows' spread.
 */
export function rangeQuantiles(model: UncertaintyModel, basis: EvidenceBasis, dataflowChip: boolean, moe = false,
  latencyLimited = false): { low: number; high: number } {
  const k = model.widthFactor[basis];
  const q = residualQuantiles(model, moe, latencyLimited);
  const df = dataflowChip ? model.dataflow : null;
  return {
    low: Math.min(k * q.lowLogResidual, df?.lowLogResidual ?? 0),
    high: Math.max(k * q.highLogResidual, df?.highLogResidual ?? 0),
  };
}

/** The residual quantiles a prediction takes: its architecture's, or a latency-bound prediction's (for MoE the wider ends of both). */
function residualQuantiles(model: UncertaintyModel, moe: boolean, latencyLimited: boolean): { lowLogResidual: number; highLogResidual: number } {
  const architecture = moe ? model.moe ?? model : model;
  const bound = latencyLimited ? model.latencyLimited ?? null : null;
  if (bound === null) return architecture;
  if (!moe) return bound;
  return {
    lowLogResidual: Math.min(architecture.lowLogResidual, bound.lowLogResidual),
    highLogResidual: Math.max(architecture.highLogResidual, bound.highLogResidual),
  };
}

/** The ratio band of a price estimate (its 10th and 90th percentiles over the median), widening the $/M range. */
export interface PriceBand {
  lowRatio: number;
  highRatio: number;
  note: string;
}

/**
 * Numbers that are not today's-software predictions claim no coverage: the residuals that set a
 * range were measured against achieved-mode predictions. Spec mode gives silicon limits; claim
 * mode the vendor's claimed efficiencies where a chip has them (else the silicon limit too).
 */
export type UnpredictedKind = 'silicon-limit' | 'vendor-claim';

/** What a result's numbers are when they are not today's-software predictions; null when they are. */
export function unpredictedKind(mode: EfficiencyMode, usesClaim: boolean): UnpredictedKind | null {
  return mode === 'achieved' ? null : usesClaim ? 'vendor-claim' : 'silicon-limit';
}

const UNPREDICTED_NOTE: Record<UnpredictedKind, string> = {
  'silicon-limit': 'silicon limit (the kernel-measured shares of peak, software factor 1, or the chip\'s fitted factor where today\'s stacks beat those shares): what today\'s kernels allow under ideal serving software, not a prediction of measured results, which fall below it, so no coverage is claimed',
  'vendor-claim': 'vendor claim (the vendor\'s claimed efficiencies, software factor 1 or the fitted one above it): what the vendor says the chip reaches (it may exceed the silicon limit: the claim assumes better kernels than were measured), not a prediction of measured results, so no coverage is claimed',
};

function scaled(value: number, lowLog: number, highLog: number): Range {
  return { low: Math.min(value, value * Math.exp(lowLog)), high: Math.max(value, value * Math.exp(highLog)) };
}

/**
 * What the chosen deployment does on the rated peaks (silicon-ceiling.ts): no fast end passes it.
 * `chips` only to say the throughput per chip.
 */
export interface SpeedCeiling {
  outputTokensPerSecond: number;
  tokensPerSecondPerUser: number;
  chips: number;
}

export function uncertaintyOf(
  model: UncertaintyModel,
  basis: EvidenceBasis,
  values: { outputTokensPerSecond: number; tokensPerSecondPerUser: number; usdPerMillionOutputTokens: number | null; ttftSeconds?: number },
  priceBand: PriceBand | null,
  unpredicted: UnpredictedKind | null = null,
  dataflowChip = false,
  moe = false,
  ceiling: SpeedCeiling | null = null,
  latencyLimited = false,
): Uncertainty {
  const spreadOnly = unpredicted !== null;
  const k = model.widthFactor[basis];
  const { low: lo, high: hi } = rangeQuantiles(model, basis, dataflowChip, moe, latencyLimited);
  const moeQuantiles = moe ? model.moe ?? null : null;
  const bound = latencyLimited ? model.latencyLimited ?? null : null;
  // The fast ends, held at the ceiling (in log, so that $/M's low end still combines with the price band).
  const cap = (value: number, peak: number | undefined) => (peak === undefined || !(value > 0) ? hi : Math.min(hi, Math.max(0, Math.log(peak / value))));
  const hiThroughput = cap(values.outputTokensPerSecond, ceiling?.outputTokensPerSecond);
  const hiPerUser = cap(values.tokensPerSecondPerUser, ceiling?.tokensPerSecondPerUser);
  // A residual above zero means the chip delivered more than predicted: more tokens, lower $/M.
  let usd: Range | null = null;
  if (values.usdPerMillionOutputTokens !== null) {
    // Speed and an estimated price err independently: their log half-widths add in quadrature
    // (GUM, JCGM 100:2008 section 5.1), so two 80% bands make one 80% band, not a wider one.
    const bandLo = priceBand === null ? 0 : Math.log(priceBand.lowRatio);
    const bandHi = priceBand === null ? 0 : Math.log(priceBand.highRatio);
    usd = scaled(values.usdPerMillionOutputTokens, -Math.hypot(hiThroughput, bandLo), Math.hypot(lo, bandHi));
  }
  const architectureText = moeQuantiles === null
    ? `the ${model.residualSet} (${model.count} predictions): log-residual quantiles ${model.lowLogResidual.toFixed(3)} and ${model.highLogResidual.toFixed(3)}`
    // An MoE model's range comes from the MoE rows alone: said first, not after the dense rows it does not use.
    : `the ${moeQuantiles.count} cross-validated predictions of mixture-of-experts rows (they err more widely than dense ones): `
      + `log-residual quantiles ${moeQuantiles.lowLogResidual.toFixed(3)} and ${moeQuantiles.highLogResidual.toFixed(3)}`;
  const boundText = bound === null ? '' : `the ${bound.count} cross-validated predictions whose batch a latency limit set, as this one's is `
    + `(the engine has overestimated them): log-residual quantiles ${bound.lowLogResidual.toFixed(3)} and ${bound.highLogResidual.toFixed(3)}`;
  // A latency-bound dense prediction takes that set alone; a latency-bound MoE one the wider ends of both.
  const quantiles = bound === null ? architectureText : moeQuantiles === null ? boundText : `${architectureText}, and ${boundText} (the wider ends of the two)`;
  const parts = [
    ...(unpredicted === null ? [] : [UNPREDICTED_NOTE[unpredicted]]),
    `${spreadOnly ? 'modelling spread, the width of the range from' : `${Math.round(model.coverage * 100)}% range from`} ${quantiles}, `
      + `widened x${k} for evidence basis "${basis}" (${model.widthNote})`,
  ];
  const df = dataflowChip ? model.dataflow : null;
  // Said where the rows' spread, not the basis quantiles (an MoE model's own included), sets an end.
  const basisOnly = rangeQuantiles(model, basis, false, moe, latencyLimited);
  if (df !== null && (lo < basisOnly.low || hi > basisOnly.high)) {
    parts.push(`an SRAM-resident chip: at least the spread of ${df.note} (quantiles ${df.lowLogResidual.toFixed(3)} and ${df.highLogResidual.toFixed(3)}), `
      + `so the speed range spans ${lo.toFixed(3)} to ${hi.toFixed(3)} in log`);
  }
  if (priceBand !== null) {
    // Low $/M: the speed's upper quantile with the band's low end (more tokens, a cheaper rental); high: the reverse.
    parts.push(`${priceBand.note}; $/M range = $/M x exp(-sqrt(q_high^2 + ln(band low / median)^2)) to `
      + '$/M x exp(sqrt(q_low^2 + ln(band high / median)^2)), q the widened speed quantiles: the two log half-widths add in quadrature (independent errors)');
  }
  if (ceiling !== null && (hiThroughput < hi || hiPerUser < hi)) parts.push(ceilingNote(ceiling, hi, hiThroughput, hiPerUser));
  return {
    basis,
    coverage: spreadOnly ? null : model.coverage,
    derivation: parts.join('; '),
    outputTokensPerSecond: scaled(values.outputTokensPerSecond, lo, hiThroughput),
    tokensPerSecondPerUser: scaled(values.tokensPerSecondPerUser, lo, hiPerUser),
    usdPerMillionOutputTokens: usd,
    ...(values.ttftSeconds === undefined ? {} : { ttftSeconds: scaled(values.ttftSeconds, -hiPerUser, -lo) }),
  };
}

const times = (log: number) => `x${Math.exp(log).toFixed(2)}`;

/** Which fast ends the ceiling cut, from what to what. */
function ceilingNote(c: SpeedCeiling, hi: number, hiThroughput: number, hiPerUser: number): string {
  const cut = [
    ...(hiThroughput < hi ? [`throughput's high end ${times(hi)} -> ${times(hiThroughput)} of the value `
      + `(${formatNumber(c.outputTokensPerSecond)} tokens/s, ${formatNumber(c.outputTokensPerSecond / c.chips)} per chip), and $/M's low end with it`] : []),
    ...(hiPerUser < hi ? [`per-user speed's high end ${times(hi)} -> ${times(hiPerUser)} (${formatNumber(c.tokensPerSecondPerUser)} tokens/s per user)`] : []),
  ];
  return `held at the silicon ceiling (this layout and batch at 100% of every rated peak, no fixed costs; no software passes it): ${cut.join('; ')}`;
}

/** An infeasible result has no numbers to range: zero throughput, no price, said so. */
export function infeasibleUncertainty(basis: EvidenceBasis): Uncertainty {
  return {
    basis,
    // No range, so no share of outcomes inside one is claimed.
    coverage: null,
    derivation: 'no feasible deployment: nothing to put a range on',
    outputTokensPerSecond: { low: 0, high: 0 },
    tokensPerSecondPerUser: { low: 0, high: 0 },
    usdPerMillionOutputTokens: null,
  };
}
