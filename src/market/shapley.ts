// Shapley attribution of a change made of n switches (Shapley 1953): each switch's share is its
// marginal effect averaged over every order in which the switches can be flipped, i.e. over every
// set S of the other switches, weighted |S|! (n - |S| - 1)! / n!. The shares add up to the whole
// change, whatever the interactions. Cheap for a handful of switches: 2^n evaluations.

/** Switch sets as bit masks: bit i set = switch i flipped. */
export type Mask = number;

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

function popcount(mask: Mask): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n += 1;
  return n;
}

/**
 * Shares of v(all) - v(none) for `n` switches, with `value` given for every one of the 2^n masks.
 * The shares sum to v(all) - v(none) (efficiency).
 */
export function shapleyShares(n: number, value: (mask: Mask) => number): number[] {
  if (n < 1 || n > 12) throw new RangeError(`shapleyShares: ${n} switches (1 to 12 supported)`);
  const v = Array.from({ length: 1 << n }, (_, mask) => value(mask));
  const shares = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    for (let mask = 0; mask < 1 << n; mask++) {
      if ((mask & bit) !== 0) continue;
      const s = popcount(mask);
      shares[i]! += ((factorial(s) * factorial(n - s - 1)) / factorial(n)) * (v[mask | bit]! - v[mask]!);
    }
  }
  return shares;
}

/** The masks of one order's waterfall: none, then the first switch, the first two, ... all. */
export function waterfallMasks(order: readonly number[]): Mask[] {
  const masks: Mask[] = [0];
  let mask = 0;
  for (const i of order) {
    mask |= 1 << i;
    masks.push(mask);
  }
  return masks;
}
