// Break-even price (issue 5, chip lab): the price of chip A at which its $/M output tokens equals
// chip B's on the same workload and SLO. Under rental the variable is A's $/chip-hour; under TCO it
// is A's purchase price per chip (the capex overhead multiplier, power and hosting still apply).
// $/M is increasing in either price; it is only exactly linear under rental with a fixed
// deployment, so the root is bracketed and refined numerically (Illinois regula falsi: bisection's
// guarantee, and a handful of steps when the function is close to linear).

import type { SimulationResult } from '../result-types';
import { simulate } from '../simulate';
import type { ResolvedScenario } from '../types';
import { usdPerMillionOf, usdPerMillionOfResult } from './sensitivity';

export type BreakEvenStatus = 'ok' | 'subject-infeasible' | 'target-infeasible' | 'unreachable';

export interface BreakEvenResult {
  status: BreakEvenStatus;
  /** What the price means: $/chip-hour (rental) or $ per chip (purchase, TCO). */
  priceKind: 'rental-usd-per-chip-hour' | 'purchase-usd-per-chip';
  /**
   * The subject's price in use today (override or profile), for comparison; under Rental, a chip
   * without a market rental is priced at its estimated one (the ranking's "≈"), flagged.
   */
  currentPrice: number | null;
  currentPriceEstimated: boolean;
  /** Price that equalises $/M output tokens; null unless status is 'ok'. */
  breakEvenPrice: number | null;
  subjectUsdPerMillion: number | null;
  targetUsdPerMillion: number | null;
  /** Why the subject (or the target) cannot serve the workload: the engine's reason; null otherwise. */
  subjectReason: string | null;
  targetReason: string | null;
  /** Engine runs spent on the search (bounded). */
  evaluations: number;
}

export const BREAK_EVEN_MAX_EVALUATIONS = 80;
const RELATIVE_TOLERANCE = 1e-6;

function priced(s: ResolvedScenario): { result: SimulationResult; usd: number | null; reason: string | null } {
  const result = simulate(s, { frontier: false, ranges: false });
  return { result, usd: usdPerMillionOfResult(result), reason: result.feasible ? null : result.reason?.text ?? null };
}

/** `subject` with its price set to `price` under the scenario's pricing mode. */
export function withPrice(subject: ResolvedScenario, price: number): ResolvedScenario {
  const economics = subject.economics.pricing === 'rental'
    ? { ...subject.economics, rentalUsdPerChipHour: price }
    : { ...subject.economics, capexUsdPerChip: price };
  return { ...subject, economics };
}

/** `own`: the subject's result at today's price; an estimated rental is read off it, as the ranking priced it. */
function currentPrice(subject: ResolvedScenario, own: SimulationResult): { price: number | null; estimated: boolean } {
  const { economics, hardware } = subject;
  if (economics.pricing !== 'rental') return { price: economics.capexUsdPerChip ?? hardware.price.listPriceUsd, estimated: false };
  const market = economics.rentalUsdPerChipHour ?? hardware.price.rentalUsdPerChipHour;
  if (market !== null) return { price: market, estimated: false };
  return own.feasible && own.pricing.rentalEstimated && own.costPerHourUsd !== null
    ? { price: own.costPerHourUsd / own.config.paidChips, estimated: true } : { price: null, estimated: false };
}

/**
 * Price of `subject`'s chip that matches `target` on $/M output tokens. Both scenarios should
 * share workload, SLO and pricing mode; the target is priced as it stands.
 */
export function breakEvenPrice(subject: ResolvedScenario, target: ResolvedScenario): BreakEvenResult {
  const priceKind = subject.economics.pricing === 'rental' ? 'rental-usd-per-chip-hour' : 'purchase-usd-per-chip';
  const own = priced(subject);
  const aim = priced(target);
  const today = currentPrice(subject, own.result);
  const result: BreakEvenResult = {
    status: 'ok', priceKind, currentPrice: today.price, currentPriceEstimated: today.estimated, breakEvenPrice: null,
    subjectUsdPerMillion: own.usd, targetUsdPerMillion: aim.usd, subjectReason: own.reason, targetReason: aim.reason, evaluations: 2,
  };
  const goal = aim.usd;
  if (goal === null) return { ...result, status: 'target-infeasible' };
  if (own.reason !== null) return { ...result, status: 'subject-infeasible' };

  let evaluations = result.evaluations;
  const f = (price: number): number | null => {
    evaluations += 1;
    const v = usdPerMillionOf(withPrice(subject, price));
    return v === null ? null : v - goal;
  };
  let lo = 0;
  let fLo = f(lo);
  if (fLo === null) return { ...result, status: 'subject-infeasible', evaluations };
  // A free chip still costs more (TCO: power and hosting alone exceed the target's cost).
  if (fLo > 0) return { ...result, status: 'unreachable', evaluations };
  if (fLo === 0) return { ...result, breakEvenPrice: 0, evaluations };

  let hi = Math.max(1, result.currentPrice ?? 1);
  let fHi = f(hi);
  while (fHi !== null && fHi < 0 && evaluations < BREAK_EVEN_MAX_EVALUATIONS / 2) {
    lo = hi;
    fLo = fHi;
    hi *= 4;
    fHi = f(hi);
  }
  if (fHi === null) return { ...result, status: 'subject-infeasible', evaluations };
  if (fHi < 0) return { ...result, status: 'unreachable', evaluations };

  let side = 0;
  let x = hi;
  while (evaluations < BREAK_EVEN_MAX_EVALUATIONS && hi - lo > RELATIVE_TOLERANCE * hi) {
    x = fHi === fLo ? (lo + hi) / 2 : (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const fx = f(x);
    if (fx === null) return { ...result, status: 'subject-infeasible', evaluations };
    if (Math.abs(fx) <= RELATIVE_TOLERANCE * goal) break;
    if (fx < 0) {
      lo = x;
      fLo = fx;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = fx;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return { ...result, breakEvenPrice: x, evaluations };
}
