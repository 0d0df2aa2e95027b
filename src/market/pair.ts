// The two points of the decomposition. By default (issue 14): the cheapest price of the lowest
// capability tier (GPT-3 class) in the first year the window has such a price, and the cheapest
// price at that capability in the whole window ("today"). Either can be picked by id.

import type { Message } from '../messages/message';
import { MARKET } from '../messages/market';
import type { MarketOptions } from './options';
import { apiUsdPerRequest } from './points';
import type { PricePoint } from './price-points';

export interface Pair {
  from: PricePoint;
  to: PricePoint;
  /** The MMLU threshold both points meet (null when the from point has no score and no tier is set). */
  threshold: number | null;
}

/** Cheapest per request; ties (within a part per billion) go to the model itself over a stand-in, then to the later point. */
function cheapest(points: readonly PricePoint[], options: MarketOptions): PricePoint | null {
  let best: PricePoint | null = null;
  let bestUsd = Number.POSITIVE_INFINITY;
  for (const p of points) {
    const usd = apiUsdPerRequest(p, options.workload);
    const tie = Math.abs(usd - bestUsd) <= 1e-9 * bestUsd;
    const better = best === null || (!tie && usd < bestUsd)
      || (tie && ((best.servedKind === 'stand-in' && p.servedKind !== 'stand-in')
        || ((best.servedKind === 'stand-in') === (p.servedKind === 'stand-in') && p.row.date > best.row.date)));
    if (better) {
      best = p;
      bestUsd = usd;
    }
  }
  return best;
}

/** The highest MMLU tier threshold both points meet (null when either has no tier). */
function commonTier(a: PricePoint, b: PricePoint): number | null {
  return a.tier === null || b.tier === null ? null : Math.min(a.tier.threshold, b.tier.threshold);
}

/**
 * Why `from` and `to` make no decomposition (one point twice, or the later one first); null when
 * they do. `picked`: which ends were chosen by id (the others are the defaults).
 */
export function pairOrderProblem(from: PricePoint, to: PricePoint, picked: { from: boolean; to: boolean }): Message | null {
  if (from.id === to.id) {
    if (picked.from === picked.to) return picked.from ? MARKET.samePoint() : MARKET.defaultSamePoint();
    // One end picked, the other the default: the default landed on the picked point.
    return MARKET.defaultIsPicked(picked.from ? 'from' : 'to', from.row.date);
  }
  if (to.row.date < from.row.date) return MARKET.pointsReversed(from.row.date, to.row.date);
  return null;
}

/**
 * `all` are every point of the data (picked ids are looked up there), `shown` those in the window
 * and tier; `lowestTier` is the lowest MMLU threshold of the sources.
 */
export function choosePair(all: readonly PricePoint[], shown: readonly PricePoint[], options: MarketOptions, lowestTier: number | null): { pair: Pair | null; problems: Message[] } {
  const problems: Message[] = [];
  const byId = (id: string, which: 'from' | 'to') => {
    const p = all.find((x) => x.id === id);
    if (p === undefined) problems.push(MARKET.pointNotFound(which, id));
    return p ?? null;
  };
  const pickedFrom = options.fromPoint === null ? null : byId(options.fromPoint, 'from');
  const pickedTo = options.toPoint === null ? null : byId(options.toPoint, 'to');
  const threshold = pickedFrom !== null ? (pickedFrom.tier?.threshold ?? options.tier) : (options.tier ?? lowestTier);
  const qualifying = shown.filter((p) => threshold === null || (p.capabilityScore !== null && p.capabilityScore >= threshold));
  let from = pickedFrom;
  if (from === null) {
    const year = qualifying[0]?.row.date.slice(0, 4);
    from = cheapest(qualifying.filter((p) => p.row.date.slice(0, 4) === year), options);
  }
  const to = pickedTo ?? cheapest(qualifying.filter((p) => from === null || p.row.date >= from.row.date), options);
  if (from === null) problems.push(MARKET.noQualifyingPoint('from'));
  if (to === null) problems.push(MARKET.noQualifyingPoint('to'));
  if (from === null || to === null) return { pair: null, problems };
  const order = pairOrderProblem(from, to, { from: pickedFrom !== null, to: pickedTo !== null });
  if (order !== null) {
    problems.push(order);
    return { pair: null, problems };
  }
  // A picked to point need not reach the from point's tier: say only the tier both meet.
  const both = pickedTo === null ? threshold : commonTier(from, to);
  return { pair: { from, to, threshold: both }, problems };
}
