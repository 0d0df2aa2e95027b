import { describe, expect, it } from 'vitest';
import { layoutComparison } from '../../src/engine/explain';
import type { LayoutAlternative } from '../../src/engine/types';

const alt = (layout: string, perChip: number, perUser = 62.2): LayoutAlternative =>
  ({ layout, outputTokensPerSecondPerChip: perChip, batch: 1, tokensPerSecondPerUser: perUser, reason: null }) as unknown as LayoutAlternative;

describe('why this deployment: the winning layout against the runner-up', () => {
  it('gives as many digits as it takes to tell them apart', () => {
    expect(layoutComparison(alt('TP1 EP8', 3.7412), alt('TP2 EP4', 3.7101))).toBe('TP1 EP8 gives 3.74 tok/s per chip against 3.71 for TP2 EP4');
    expect(layoutComparison(alt('TP1 EP8', 3.7412), alt('TP2 EP4', 3.7388))).toBe('TP1 EP8 gives 3.741 tok/s per chip against 3.739 for TP2 EP4');
  });

  it('says when two layouts tie', () => {
    expect(layoutComparison(alt('TP1 EP8', 3.74), alt('TP2 EP4', 3.74))).toBe('TP1 EP8 and TP2 EP4 tie at 3.74 tok/s per chip (the search keeps the one it tried first)');
  });

  it('under min-latency compares what it ranks by: tokens/s per user, not per chip', () => {
    expect(layoutComparison(alt('TP8', 10.8, 94.7), alt('TP1', 29, 31.2), 'min-latency')).toBe('TP8 gives 94.7 tok/s per user against 31.2 for TP1');
  });
});
