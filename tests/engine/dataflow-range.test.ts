// SRAM-resident chips share one fitted fixed-cost scale, and their single-stream speeds spread far
// wider than the GPU rows: their range spans at least that spread (calibration-summary's dataflow).
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { simulate } from '../../src/engine/simulate';
import { rangeQuantiles, uncertaintyOf, type UncertaintyModel } from '../../src/engine/uncertainty';
import { dataflowSpread } from '../../src/validation/uncertainty-fit';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const MODEL: UncertaintyModel = {
  coverage: 0.8, lowLogResidual: -0.25, highLogResidual: 0.25, residualSet: 'test', count: 100,
  widthFactor: { measured: 1, family: 1, prior: 2, claim: 2 }, widthNote: 'test',
  dataflow: { lowLogResidual: -0.4, highLogResidual: 1.2, count: 5, note: 'five rows' },
};

describe('ranges of SRAM-resident chips', () => {
  it('span the wider of the basis quantiles and the dataflow rows\' spread, side by side', () => {
    expect(rangeQuantiles(MODEL, 'prior', false)).toEqual({ low: -0.5, high: 0.5 });
    expect(rangeQuantiles(MODEL, 'prior', true)).toEqual({ low: -0.5, high: 1.2 });
    expect(rangeQuantiles(MODEL, 'measured', true)).toEqual({ low: -0.4, high: 1.2 });
    const u = uncertaintyOf(MODEL, 'prior', { outputTokensPerSecond: 100, tokensPerSecondPerUser: 10, usdPerMillionOutputTokens: 2 }, null, null, true);
    expect(u.outputTokensPerSecond.high).toBeCloseTo(100 * Math.exp(1.2), 9);
    expect(u.outputTokensPerSecond.low).toBeCloseTo(100 * Math.exp(-0.5), 9);
    // Faster than predicted is cheaper: the $/M range mirrors the speed range.
    expect(u.usdPerMillionOutputTokens!.low).toBeCloseTo(2 * Math.exp(-1.2), 9);
    expect(u.derivation).toContain('an SRAM-resident chip: at least the spread of five rows');
    // Without the spread (no rows), the basis quantiles alone.
    expect(rangeQuantiles({ ...MODEL, dataflow: null }, 'prior', true)).toEqual({ low: -0.5, high: 0.5 });
  });

  it('the spread is the 10th and 90th percentiles of the rows\' log-residuals', () => {
    const spread = dataflowSpread([{ index: 1, logResidual: -1 }, { index: 2, logResidual: 0 }, { index: 3, logResidual: 1 }])!;
    expect(spread.lowLogResidual).toBeCloseTo(-0.8, 12);
    expect(spread.highLogResidual).toBeCloseTo(0.8, 12);
    expect(spread.count).toBe(3);
    expect(dataflowSpread([])).toBeNull();
  });

  it('the calibrated summary carries the spread, and a Cerebras result\'s range reaches it while an H200 result\'s does not', () => {
    const df = CALIBRATION_SUMMARY.uncertainty.dataflow!;
    expect(df.count).toBeGreaterThanOrEqual(3);
    const { catalog } = loadCatalogFromDisk();
    // One stream, as the speeds behind the spread were measured (the default's batch puts Cerebras's fast end at its silicon ceiling).
    const run = (hardware: string) => simulate(resolveScenario({ ...defaultScenario(), hardware, chips: 'auto', objective: { batch: 1 } }, catalog).value!, { frontier: false });
    const cerebras = run('cerebras-cs3');
    const u = cerebras.uncertainty!.tokensPerSecondPerUser;
    const k = CALIBRATION_SUMMARY.uncertainty.widthFactor[cerebras.evidence.basis];
    expect(u.high / cerebras.tokensPerSecondPerUser).toBeCloseTo(Math.exp(Math.max(k * CALIBRATION_SUMMARY.uncertainty.highLogResidual, df.highLogResidual)), 6);
    expect(run('nvidia-h200-sxm').uncertainty!.derivation).not.toContain('SRAM-resident');
  });

  it('a chip that can hold weights in SRAM but streams them from HBM here gets the basis range alone', () => {
    const { catalog } = loadCatalogFromDisk();
    // MatX One with Llama-3.1-8B on one chip: 8 GB of weights do not fit its SRAM.
    const r = simulate(resolveScenario({ ...defaultScenario(), hardware: 'matx-one', model: 'llama-3.1-8b', chips: 1, objective: { batch: 1 } }, catalog).value!, { frontier: false });
    expect(r.memory.weightsInSram).toBe(false);
    const k = CALIBRATION_SUMMARY.uncertainty.widthFactor[r.evidence.basis];
    expect(r.uncertainty!.tokensPerSecondPerUser.high / r.tokensPerSecondPerUser).toBeCloseTo(Math.exp(k * CALIBRATION_SUMMARY.uncertainty.highLogResidual), 6);
    expect(r.uncertainty!.derivation).not.toContain('SRAM-resident');
  });
});
