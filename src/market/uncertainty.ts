// The floor's range per request, from the engine's range of the floor deployment's $ per million
// output tokens (issue 11): the same request priced at both ends. Nothing here invents a range:
// without one from the engine (or without a price on the basis) the point has none.

import type { Uncertainty } from '../engine/result-types';
import { usdPerRequestAt } from './per-request';

export interface FloorUncertainty {
  basis: Uncertainty['basis'];
  /** Nominal share of outcomes inside the range (null: a silicon limit's spread, no prediction). */
  coverage: number | null;
  derivation: string;
  /** The range of floorUsdPerRequest. */
  floorUsdPerRequest: { low: number; high: number };
}

export function floorUncertainty(u: Uncertainty | null | undefined, outputTokens: number): FloorUncertainty | null {
  const range = u?.usdPerMillionOutputTokens;
  if (u === null || u === undefined || range === null || range === undefined) return null;
  if (!Number.isFinite(range.low) || !Number.isFinite(range.high) || range.low <= 0 || range.high < range.low) return null;
  return {
    basis: u.basis,
    coverage: u.coverage,
    derivation: u.derivation,
    floorUsdPerRequest: { low: usdPerRequestAt(range.low, outputTokens), high: usdPerRequestAt(range.high, outputTokens) },
  };
}
