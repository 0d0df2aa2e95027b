// Running the matrix-share sweep: each share's design derived and the workload run on it (in the
// workers in the app, in Node in the CLI).

import { simulate } from '../engine/simulate';
import type { WorkloadScenario } from '../engine/analysis/workload';
import type { ChipDesign } from '../records/chip-design';
import { deriveDesign } from './derive';
import { SWEEP_MAX_POINTS, withMatrixShare, type MatrixSharePoint } from './matrix-share';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The format whose dense rate a point reports: bf16, else the design's first. */
export function sweepFlopsFormat(rates: Readonly<Record<string, number | undefined>>): string | null {
  return rates.bf16 !== undefined ? 'bf16' : Object.keys(rates)[0] ?? null;
}

/** One point: derive the design at `share` and run the workload on `chips` of it, priced by TCO (at its derived price unless one is set). */
export function matrixSharePoint(base: WorkloadScenario, chips: number | 'auto', design: ChipDesign, share: number): MatrixSharePoint {
  const outcome = deriveDesign(withMatrixShare(design, share));
  const rates = outcome.profile.compute.denseFlopsPerSecond;
  const format = sweepFlopsFormat(rates);
  const flops = format === null ? 0 : rates[format as keyof typeof rates] ?? 0;
  // The price the TCO runs on: the derived one, unless the scenario sets a price per chip.
  const priceUsd = base.economics.capexUsdPerChip ?? outcome.numbers.priceUsd;
  const point = { matrixShare: round(share), flopsPerSecond: flops, flopsFormat: format ?? 'none', priceUsd, powerWatts: outcome.profile.power.tdpWatts };
  const problem = outcome.errors[0];
  if (problem !== undefined) return { ...point, feasible: false, reason: `${problem.path} ${problem.message}`, usdPerMillionOutputTokens: null, tokensPerSecondPerUser: null };
  // A design has no rental market: its $/M is the owning cost of its derived price.
  const result = simulate({ ...base, economics: { ...base.economics, pricing: 'tco' }, hardware: outcome.profile, chips }, { frontier: false });
  if (!result.feasible) return { ...point, feasible: false, reason: result.reason?.text ?? 'infeasible', usdPerMillionOutputTokens: null, tokensPerSecondPerUser: null };
  return { ...point, feasible: true, reason: null, usdPerMillionOutputTokens: result.usdPerMillionOutputTokens, tokensPerSecondPerUser: result.tokensPerSecondPerUser };
}

export function sweepMatrixShare(base: WorkloadScenario, chips: number | 'auto', design: ChipDesign, shares: readonly number[]): MatrixSharePoint[] {
  return shares.slice(0, SWEEP_MAX_POINTS + 1).map((share) => matrixSharePoint(base, chips, design, share));
}

