// Mixture-of-experts predictions err more widely than dense ones: their ranges take the MoE rows'
// own cross-validated quantiles (calibration-summary's uncertainty.moe), dense ones the dense rows'.
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { simulate } from '../../src/engine/simulate';
import { rangeQuantiles } from '../../src/engine/uncertainty';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

describe('ranges of mixture-of-experts predictions', () => {
  it('take the MoE quantiles, wider than the dense ones; a dense model keeps the dense ones', () => {
    const u = CALIBRATION_SUMMARY.uncertainty;
    expect(u.moe).toBeTruthy();
    expect(u.moe!.highLogResidual - u.moe!.lowLogResidual).toBeGreaterThan(u.highLogResidual - u.lowLogResidual);
    expect(rangeQuantiles(u, 'measured', false, true)).toEqual({ low: u.moe!.lowLogResidual, high: u.moe!.highLogResidual });
    expect(rangeQuantiles(u, 'measured', false, false)).toEqual({ low: u.lowLogResidual, high: u.highLogResidual });
    // Without MoE quantiles (an older summary), MoE predictions take the pooled ones.
    expect(rangeQuantiles({ ...u, moe: null }, 'measured', false, true)).toEqual({ low: u.lowLogResidual, high: u.highLogResidual });
  });

  it('an H200 result for an MoE model spans the MoE quantiles and says so; a dense one does not', () => {
    const { catalog } = loadCatalogFromDisk();
    const run = (model: string) => simulate(resolveScenario({ ...defaultScenario(), hardware: 'nvidia-h200-sxm', model, slo: { maxTtftSeconds: null, maxTpotSeconds: null } }, catalog).value!, { frontier: false });
    const moe = run('mixtral-8x7b');
    const u = CALIBRATION_SUMMARY.uncertainty;
    expect(moe.uncertainty!.outputTokensPerSecond.low / moe.outputTokensPerSecond).toBeCloseTo(Math.exp(u.moe!.lowLogResidual), 6);
    expect(moe.uncertainty!.derivation).toMatch(/^80% range from the \d+ cross-validated predictions of mixture-of-experts rows/);
    expect(moe.uncertainty!.derivation).not.toContain('dense-model');
    const dense = run('llama-3.1-8b');
    expect(dense.uncertainty!.outputTokensPerSecond.low / dense.outputTokensPerSecond).toBeCloseTo(Math.exp(u.lowLogResidual), 6);
    expect(dense.uncertainty!.derivation).not.toContain('mixture-of-experts');
  });
});
