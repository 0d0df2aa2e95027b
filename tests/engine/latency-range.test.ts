// Predictions whose batch a TPOT or TTFT limit set have been optimistic: their ranges take the
// cross-validated quantiles of such predictions (calibration-summary's uncertainty.latencyLimited).
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { simulate } from '../../src/engine/simulate';
import { rangeQuantiles } from '../../src/engine/uncertainty';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import type { CrossValidatedRow } from '../../src/validation/cross-validate';
import { MIN_LATENCY_LIMITED_RESIDUALS, fitUncertainty, rangeChecks } from '../../src/validation/uncertainty-fit';

function row(i: number, logResidual: number, latencyLimited: boolean, moe = false): CrossValidatedRow {
  return {
    plan: { hardwareId: 'chip' } as CrossValidatedRow['plan'], submission: `s${i}`, usedForFit: true,
    predicted: 1, error: Math.exp(-logResidual) - 1, logResidual, basis: 'measured', moe, latencyLimited,
  };
}

describe('ranges of latency-bound predictions', () => {
  it('a latency-bound dense prediction takes those quantiles; an MoE one the wider ends of both; without them, its architecture\'s', () => {
    const u = CALIBRATION_SUMMARY.uncertainty;
    const bound = u.latencyLimited!;
    expect(bound.count).toBeGreaterThanOrEqual(MIN_LATENCY_LIMITED_RESIDUALS);
    // The engine has overestimated them: their range reaches further down than the dense one.
    expect(bound.lowLogResidual).toBeLessThan(u.lowLogResidual);
    expect(rangeQuantiles(u, 'measured', false, false, true)).toEqual({ low: bound.lowLogResidual, high: bound.highLogResidual });
    expect(rangeQuantiles(u, 'measured', false, true, true)).toEqual({
      low: Math.min(u.moe!.lowLogResidual, bound.lowLogResidual), high: Math.max(u.moe!.highLogResidual, bound.highLogResidual),
    });
    expect(rangeQuantiles({ ...u, latencyLimited: null }, 'measured', false, false, true)).toEqual({ low: u.lowLogResidual, high: u.highLogResidual });
    // The basis width applies to them too.
    expect(rangeQuantiles(u, 'prior', false, false, true).low).toBeCloseTo(u.widthFactor.prior * bound.lowLogResidual, 12);
  });

  it('the fit sets them from the latency-bound rows alone, only with enough of them, and the coverage check judges those rows by them', () => {
    const free = [...Array(100)].map((_, i) => row(i, (i - 50) / 250, false));
    const bound = [...Array(MIN_LATENCY_LIMITED_RESIDUALS)].map((_, i) => row(100 + i, -0.5 + i / 100, true));
    const fit = fitUncertainty([...free, ...bound]).model;
    expect(fit.latencyLimited).toMatchObject({ count: MIN_LATENCY_LIMITED_RESIDUALS });
    expect(fit.latencyLimited!.highLogResidual).toBeLessThan(-0.3);
    expect(fitUncertainty([...free, ...bound.slice(1)]).model.latencyLimited).toBeNull();
    // A residual of -0.45 lies outside the free rows' range but inside the bound rows' one.
    const checks = rangeChecks([...free, ...bound, row(999, -0.45, true), row(998, -0.45, false)]);
    expect(checks.at(-2)).toBe(true);
    expect(checks.at(-1)).toBe(false);
  });

  it('an H200 result at a TPOT limit that sets its batch says which residuals set its range; without the limit it does not', () => {
    const { catalog } = loadCatalogFromDisk();
    const run = (maxTpotSeconds: number | null) => simulate(resolveScenario({
      ...defaultScenario(), hardware: 'nvidia-h200-sxm', model: 'llama-3.1-70b', slo: { maxTtftSeconds: null, maxTpotSeconds },
    }, catalog).value!, { frontier: false });
    const bound = run(0.05);
    expect(bound.memory.batchLimitedBy).toBe('tpot-limit');
    expect(bound.uncertainty!.derivation).toMatch(/^80% range from the \d+ cross-validated predictions whose batch a latency limit set/);
    const free = run(null);
    expect(free.memory.batchLimitedBy).not.toBe('tpot-limit');
    expect(free.uncertainty!.derivation).not.toContain('latency limit');
  });
});
