import { describe, expect, it } from 'vitest';
import { shapleyShares, waterfallMasks } from '../../src/market/shapley';

describe('Shapley shares', () => {
  it('give each switch its own effect in an additive game', () => {
    const effects = [3, -1, 0.5, 2];
    const v = (mask: number) => effects.reduce((s, e, i) => s + ((mask >> i) & 1 ? e : 0), 0);
    shapleyShares(4, v).forEach((s, i) => expect(s).toBeCloseTo(effects[i]!, 12));
  });

  it('split an interaction equally and always add up to the whole change', () => {
    // Only both switches together do anything: each gets half.
    expect(shapleyShares(2, (m) => (m === 3 ? 1 : 0))).toEqual([0.5, 0.5]);
    const v = (m: number) => Math.sin(m * 1.7) + m * m * 0.01;
    const shares = shapleyShares(4, v);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(v(15) - v(0), 12);
  });

  it('matches the average over all orders computed by brute force', () => {
    const v = (m: number) => [0, 1, 4, 9, 2, 7, 3, 20][m]!;
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    const brute = [0, 0, 0];
    for (const order of orders) {
      const masks = waterfallMasks(order);
      order.forEach((i, k) => { brute[i]! += (v(masks[k + 1]!) - v(masks[k]!)) / orders.length; });
    }
    shapleyShares(3, v).forEach((s, i) => expect(s).toBeCloseTo(brute[i]!, 12));
  });

  it('waterfall masks switch one factor at a time in the given order', () => {
    expect(waterfallMasks([0, 1, 2, 3])).toEqual([0, 1, 3, 7, 15]);
    expect(waterfallMasks([2, 0])).toEqual([0, 4, 5]);
  });
});
