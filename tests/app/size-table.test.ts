// The model-size table: a value, a reason for "—", or "unbounded (free)" at $0 per chip-hour.
import { describe, expect, it } from 'vitest';
import { isFree, sizeTable } from '../../src/app/size-table';
import type { SizePoint } from '../../src/engine/analysis/sweep-sizes';

function point(hardwareId: string, over: Partial<SizePoint>): SizePoint {
  return {
    hardwareId, modelId: 'm-8b', modelName: '8B', source: 'parametric', family: 'dense', totalParams: 8e9, activeParams: 8e9,
    feasible: true, reason: null, chips: 1, outputTokensPerSecondPerDollarPerHour: 500, usdPerMillionOutputTokens: 0.5,
    outputTokensPerSecondPerChip: 1000, tokensPerSecondPerUser: 50, pricingUsed: 'rental', rentalEstimated: false,
    evidence: 'measured', ranges: { outputTokensPerSecondPerDollarPerHour: null, usdPerMillionOutputTokens: null, outputTokensPerSecondPerChip: null, tokensPerSecondPerUser: null }, ...over,
  };
}

describe('size table', () => {
  it('tells a chip served for free apart from one that cannot serve the model', () => {
    const free = point('a', { outputTokensPerSecondPerDollarPerHour: null, usdPerMillionOutputTokens: 0 });
    const infeasible = point('b', { feasible: false, reason: 'TPOT 80 ms (limit 50 ms)', outputTokensPerSecondPerDollarPerHour: null, usdPerMillionOutputTokens: null });
    const priced = point('c', { chips: 8 });
    const estimated = point('d', { rentalEstimated: true });
    expect([free, infeasible, priced].map(isFree)).toEqual([true, false, false]);
    const [row] = sizeTable([free, infeasible, priced, estimated], ['a', 'b', 'c', 'd']).rows;
    expect(row!.cells).toEqual([
      { value: null, reason: null, unbounded: true, estimated: false, chips: 1 },
      { value: null, reason: 'TPOT 80 ms (limit 50 ms)', unbounded: false, estimated: false, chips: null },
      // Each point's chip count, which the chart's subtitle says the table lists.
      { value: 500, reason: null, unbounded: false, estimated: false, chips: 8 },
      // An estimated rental is marked "≈", as in the compare table.
      { value: 500, reason: null, unbounded: false, estimated: true, chips: 1 },
    ]);
  });

  it('carries each model\'s active parameters (a mixture-of-experts table shows them beside the total)', () => {
    const [row] = sizeTable([point('a', { family: 'moe', totalParams: 671e9, activeParams: 37e9 })], ['a']).rows;
    expect(row).toMatchObject({ totalParams: 671e9, activeParams: 37e9 });
  });
});
