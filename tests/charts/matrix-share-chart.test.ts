import { describe, expect, it } from 'vitest';
import { matrixShareChart, matrixShareRows } from '../../src/charts/matrix-share-chart';
import type { MatrixSharePoint } from '../../src/design/matrix-share';
import { compileWarnings } from './compile-clean';

const point = (matrixShare: number, usd: number | null): MatrixSharePoint => ({
  matrixShare, feasible: usd !== null, reason: usd === null ? 'infeasible' : null, usdPerMillionOutputTokens: usd,
  tokensPerSecondPerUser: usd === null ? null : 20 + matrixShare, flopsPerSecond: matrixShare * 2e15, flopsFormat: 'bf16', priceUsd: 25_000, powerWatts: 600,
});
const points = [point(0.05, null), point(0.3, 0.6), point(0.579, 0.35), point(0.76, 0.29)];

describe('matrix-share chart', () => {
  it('compiles without warnings, wide and compact, with and without an optimum', () => {
    for (const compact of [false, true]) {
      expect(compileWarnings(matrixShareChart({ points, current: 0.579, optimum: points[3]!, layout: { compact } })).warnings).toEqual([]);
    }
    expect(compileWarnings(matrixShareChart({ points: [], current: 0.5, optimum: null })).warnings).toEqual([]);
  });

  it('draws feasible points only, marks the optimum and the design, and does not change its input', () => {
    const input = { points, current: 0.579, optimum: points[3]! };
    const copy = structuredClone(input);
    const spec = matrixShareChart(input) as unknown as { datasets: { sweep: unknown[]; optimum: { share: number; label: string }[] } };
    expect(spec.datasets.sweep).toHaveLength(3);
    expect(spec.datasets.optimum).toEqual([{ share: 0.76, usdPerMillion: 0.29, label: 'lowest $/M 76%' }]);
    expect(JSON.stringify(spec)).toContain('"share":0.579,"label":"this design"');
    expect(input).toEqual(copy);
    expect(matrixShareRows(points)[0]).toEqual({ share: 0.3, usdPerMillion: 0.6, tokensPerUser: 20.3, tflops: 600, priceUsd: 25_000, powerWatts: 600 });
  });
});
