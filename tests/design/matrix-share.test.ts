import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../src/design/derive';
import {
  matrixShareBounds, nearLowestRange, optimumEdge, optimumOf, sweepShares, withMatrixShare, type MatrixSharePoint,
} from '../../src/design/matrix-share';
import { sweepFlopsFormat, sweepMatrixShare } from '../../src/design/matrix-share-sweep';
import { rateHeader } from '../../src/messages/design-ui';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import { design } from './helpers';

const H100 = design('nvidia-h100-like');

describe('matrix share', () => {
  it('takes the area from SRAM and vector/control in proportion and keeps I/O', () => {
    const d = withMatrixShare(H100, 0.7);
    const a = d.areaShares;
    expect(a.matrix).toBe(0.7);
    expect(a.io).toBe(H100.areaShares.io);
    expect(a.matrix + a.sram + a.vectorAndControl + a.io).toBeCloseTo(1, 9);
    expect(a.sram / a.vectorAndControl).toBeCloseTo(H100.areaShares.sram / H100.areaShares.vectorAndControl, 3);
  });

  it('sweeps up to where vector/control reaches its least share, and includes the design\'s own share', () => {
    const { max } = matrixShareBounds(H100);
    expect(deriveDesign(withMatrixShare(H100, max)).errors).toEqual([]);
    expect(deriveDesign(withMatrixShare(H100, max + 0.01)).errors[0]?.path).toBe('areaShares.vectorAndControl');
    const shares = sweepShares(H100, 5);
    expect(shares).toContain(H100.areaShares.matrix);
    expect(shares[0]).toBe(0.05);
    expect(shares.at(-1)).toBe(max);
  });

  it('the lowest $/M is the cheapest feasible point; the flat run around it is the shares within 1%, on both sides', () => {
    const p = (matrixShare: number, usd: number | null): MatrixSharePoint => ({
      matrixShare, feasible: usd !== null, reason: null, usdPerMillionOutputTokens: usd, tokensPerSecondPerUser: 10, flopsPerSecond: 1, flopsFormat: 'bf16', priceUsd: 1, powerWatts: 1,
    });
    const points = [p(0.1, null), p(0.2, 2), p(0.3, 1.005), p(0.4, 1), p(0.5, 1.2)];
    expect(optimumOf(points)?.matrixShare).toBe(0.4);
    expect(nearLowestRange(points)).toEqual({ from: points[2], to: points[3] });
    // Both sides, and only the run that touches the lowest (0.7 is within 1% but past a dearer point).
    const plateau = [p(0.2, 1.2), p(0.3, 1.009), p(0.4, 1), p(0.5, 1.004), p(0.6, 1.02), p(0.7, 1.001)];
    expect(nearLowestRange(plateau)).toEqual({ from: plateau[1], to: plateau[3] });
    expect(nearLowestRange([p(0.1, null)])).toBeNull();
    expect(optimumOf([p(0.1, null)])).toBeNull();
    // Inside the range: a turning point. At an end: the bound set it, and the wording says so.
    expect(optimumEdge(points, optimumOf(points))).toBeNull();
    const rising = [p(0.1, 3), p(0.2, 2), p(0.3, 1)];
    expect(optimumEdge(rising, optimumOf(rising))).toBe('largest');
    const falling = [p(0.1, 1), p(0.2, 2)];
    expect(optimumEdge(falling, optimumOf(falling))).toBe('smallest');
    expect(optimumEdge(falling, null)).toBeNull();
  });

  it('a point reports the bf16 rate, else the first format the design has (int8 counted in TOP/s)', () => {
    expect(sweepFlopsFormat({ fp8: 2e15, bf16: 1e15 })).toBe('bf16');
    expect(sweepFlopsFormat({ int8: 2e15 })).toBe('int8');
    expect(sweepFlopsFormat({})).toBeNull();
    expect(rateHeader('int8')).toBe('int8 TOP/s');
    expect(rateHeader('fp8')).toBe('fp8 TFLOP/s');
  });

  it('runs the workload on each point, priced by TCO at the derived price (Llama-3.1-8B, 1 chip)', () => {
    const { catalog } = loadCatalogFromDisk();
    const r = resolveScenario({ ...defaultScenario(), model: 'llama-3.1-8b', chips: 1, hardware: 'nvidia-h100-sxm', slo: { maxTtftSeconds: 2, maxTpotSeconds: 0.05 } }, catalog).value!;
    const { hardware: _h, chips, ...base } = r;
    const points = sweepMatrixShare(base, chips, H100, [0.2, 0.579]);
    expect(points.every((x) => x.feasible)).toBe(true);
    // More matrix area: more FLOP/s and (compute matters at 50 ms) a lower $/M.
    expect(points[1]!.flopsPerSecond).toBeGreaterThan(points[0]!.flopsPerSecond * 2.5);
    expect(points[1]!.usdPerMillionOutputTokens!).toBeLessThan(points[0]!.usdPerMillionOutputTokens!);
  });
});
