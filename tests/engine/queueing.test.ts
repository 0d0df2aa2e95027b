import { describe, expect, it } from 'vitest';
import { poissonSafeConcurrency } from '../../src/engine/queueing';

describe('Poisson-safe concurrency', () => {
  it('one slot: P(N <= 1) = e^-L (1 + L) = 0.99 at L = 0.1486', () => {
    const l = poissonSafeConcurrency(1);
    expect(l).toBeCloseTo(0.14855, 4);
    expect(Math.exp(-l) * (1 + l)).toBeCloseTo(0.99, 9);
  });

  it('large batches keep about z99 x sqrt(B) slots free', () => {
    const l = poissonSafeConcurrency(1000);
    expect(l + 2.3263 * Math.sqrt(l)).toBeCloseTo(1000.5, 2);
    expect(l / 1000).toBeGreaterThan(0.92);
  });

  it('is increasing and stays below the slots, and the two regimes meet', () => {
    let last = 0;
    for (let b = 1; b <= 400; b++) {
      const l = poissonSafeConcurrency(b);
      expect(l).toBeGreaterThan(last);
      expect(l).toBeLessThan(b);
      last = l;
    }
    expect(poissonSafeConcurrency(201) / poissonSafeConcurrency(200)).toBeCloseTo(1.005, 2);
  });
});
