import { describe, expect, it } from 'vitest';
import { compareChips, rankResults, simulateChips } from '../../../src/engine/analysis/compare';
import { rankRange } from '../../../src/engine/analysis/rank';
import type { SimulationResult } from '../../../src/engine/types';
import { fasterChip, h200, scenario } from './helpers';

function fake(id: string, usd: number, feasible = true): SimulationResult {
  return { hardwareId: id, feasible, usdPerMillionOutputTokens: usd, outputTokensPerSecondPerChip: 1 / usd } as SimulationResult;
}

describe('rankResults', () => {
  it('ranks feasible results best first and puts infeasible ones last, unranked, in input order', () => {
    const input = [fake('a', 3), fake('x', 0, false), fake('b', 1), fake('c', 2), fake('y', 0, false)];
    const copy = structuredClone(input);
    const ranked = rankResults(input);
    expect(ranked.map((r) => r.result.hardwareId)).toEqual(['b', 'c', 'a', 'x', 'y']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, null, null]);
    expect(input).toEqual(copy);
  });

  it('respects the direction of the key (higher tokens/s per chip is better)', () => {
    const ranked = rankResults([fake('a', 3), fake('b', 1), fake('c', 2)], 'outputTokensPerSecondPerChip');
    expect(ranked.map((r) => r.result.hardwareId)).toEqual(['b', 'c', 'a']);
  });

  it('keeps input order on ties and treats non-finite values as unranked', () => {
    const ranked = rankResults([fake('a', 1), fake('b', 1), fake('inf', Infinity)]);
    expect(ranked.map((r) => [r.result.hardwareId, r.rank])).toEqual([['a', 1], ['b', 2], ['inf', null]]);
  });
});

describe('compareChips', () => {
  it('runs the same workload on every chip and ranks a faster-memory chip first', () => {
    const { hardware: _h, chips: _c, ...base } = scenario();
    const chips = [{ hardware: h200(), chips: 1 }, { hardware: fasterChip(2), chips: 1 }];
    const raw = simulateChips(base, chips);
    expect(raw.map((r) => r.hardwareId)).toEqual(['nvidia-h200-sxm', 'fast-2']);
    const ranked = compareChips(base, chips);
    expect(ranked[0]?.result.hardwareId).toBe('fast-2');
    expect(ranked[0]!.result.usdPerMillionOutputTokens!).toBeLessThan(ranked[1]!.result.usdPerMillionOutputTokens!);
  });
});

describe('ranges of derived rankings', () => {
  /** A priced result with a throughput range and the $/M and per-user ranges that follow from it. */
  function ranged(id: string, usd: number, width: number): SimulationResult {
    const tps = 1000 / usd;
    return {
      hardwareId: id, feasible: true, usdPerMillionOutputTokens: usd, costPerHourUsd: 3.6, outputTokensPerSecond: tps,
      outputTokensPerSecondPerChip: tps, outputTokensPerSecondPerDollarPerHour: 1e6 / 3600 / usd, tokensPerSecondPerUser: 20, tpotSeconds: 0.05, ttftSeconds: 0.3,
      energy: null,
      uncertainty: {
        basis: 'measured', coverage: 0.8, derivation: '',
        outputTokensPerSecond: { low: tps / width, high: tps * width },
        tokensPerSecondPerUser: { low: 20 / width, high: 20 * width },
        usdPerMillionOutputTokens: { low: usd / width, high: usd * width },
        ttftSeconds: { low: 0.3 / width, high: 0.3 * width },
      },
    } as SimulationResult;
  }

  it('tokens/s per $/h ranks and ties as $/M does: its range is the inverse of the $/M range', () => {
    const results = [ranged('a', 1, 1.1), ranged('b', 1.15, 1.1), ranged('c', 2, 1.1)];
    const byUsd = rankResults(results, 'usdPerMillionOutputTokens');
    const byPerDollar = rankResults(results, 'outputTokensPerSecondPerDollarPerHour');
    expect(byPerDollar.map((r) => r.result.hardwareId)).toEqual(byUsd.map((r) => r.result.hardwareId));
    expect(byPerDollar.map((r) => r.distinguishable)).toEqual(byUsd.map((r) => r.distinguishable));
    expect(byUsd.map((r) => r.distinguishable)).toEqual([true, false, true]);
    for (const r of results) {
      const range = rankRange(r, 'outputTokensPerSecondPerDollarPerHour')!;
      expect(range.low).toBeLessThanOrEqual(r.outputTokensPerSecondPerDollarPerHour!);
      expect(range.high).toBeGreaterThanOrEqual(r.outputTokensPerSecondPerDollarPerHour!);
    }
    // TPOT = 1 / tokens/s per user: its range is the inverse of that range.
    expect(rankRange(results[0]!, 'tpotSeconds')).toEqual({ low: 1 / 22, high: 1 / (20 / 1.1) });
    // TTFT is the range the engine gave it (the speed quantiles, inverted): 0.3 s / 1.1 to 0.3 s x 1.1.
    const ttft = rankRange(results[0]!, 'ttftSeconds')!;
    expect(ttft.low).toBeCloseTo(0.3 / 1.1, 12);
    expect(ttft.high).toBeCloseTo(0.3 * 1.1, 12);
  });
});
