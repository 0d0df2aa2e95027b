// A chip whose own cross-validated rows the pooled range rarely holds is named, and its results say
// that its range understates its uncertainty (the range is pooled over all chips).
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { simulate } from '../../src/engine/simulate';
import type { UncertaintyModel } from '../../src/engine/uncertainty';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import type { CrossValidatedRow } from '../../src/validation/cross-validate';
import { undercoveredChips } from '../../src/validation/uncertainty-fit';

const MODEL: UncertaintyModel = {
  coverage: 0.8, lowLogResidual: -0.25, highLogResidual: 0.25, residualSet: 'test', count: 100,
  widthFactor: { measured: 1, family: 1, prior: 2, claim: 2 }, widthNote: 'test', dataflow: null,
};

function row(hardwareId: string, logResidual: number): CrossValidatedRow {
  return {
    plan: { hardwareId } as CrossValidatedRow['plan'], submission: `${hardwareId}-${logResidual}`, usedForFit: true,
    predicted: 1, error: Math.exp(-logResidual) - 1, logResidual, basis: 'measured', moe: false, latencyLimited: false,
  };
}

describe('chips whose own rows the range rarely holds', () => {
  it('names a chip when even the 90% Wilson bound of its inside share is under 60%; not one near nominal', () => {
    // 3 of 14 inside (GB300's count): Wilson upper ~0.40. 10 of 14: upper ~0.86.
    const poor = [...Array(3)].map(() => row('poor', 0.1)).concat([...Array(11)].map((_, i) => row('poor', 0.4 + i / 100)));
    const fine = [...Array(10)].map(() => row('fine', 0)).concat([...Array(4)].map(() => row('fine', 0.5)));
    const out = undercoveredChips(MODEL, [...poor, ...fine]);
    expect(out.map((u) => u.hardwareId)).toEqual(['poor']);
    expect(out[0]).toMatchObject({ rows: 14, inside: 3 });
    // Measured above the predictions: a negative median error (predicted / measured - 1).
    expect(out[0]!.medianError).toBeLessThan(0);
  });

  it('counts third-party speeds no fit used beside the cross-validated rows, each judged by its own range (an SRAM chip\'s spans the speeds\' spread)', () => {
    const speed = (hardwareId: string, logResidual: number, dataflowChip = false) =>
      ({ hardwareId, basis: 'prior' as const, moe: false, dataflowChip, logResidual, error: Math.exp(-logResidual) - 1 });
    // Prior basis: x2 quantiles, -0.5..+0.5. Six speeds 1.5 above: none inside, named with no cross-validated row at all.
    const out = undercoveredChips(MODEL, [], [...Array(6)].map(() => speed('api-only', 1.5)));
    expect(out).toEqual([{ hardwareId: 'api-only', rows: 6, inside: 0, medianError: Math.round((Math.exp(-1.5) - 1) * 1000) / 1000 }]);
    // The same residuals on an SRAM chip whose speeds spread to +1.6 are inside its range: not named.
    const sram = { ...MODEL, dataflow: { lowLogResidual: -0.3, highLogResidual: 1.6, count: 6, note: 'test' } };
    expect(undercoveredChips(sram, [], [...Array(6)].map(() => speed('sram', 1.5, true)))).toEqual([]);
    // A chip's cross-validated rows and its speeds count together.
    const both = undercoveredChips(MODEL, [...Array(10)].map(() => row('mixed', 0)), [...Array(4)].map(() => speed('mixed', 1.5)));
    expect(both).toEqual([]);
  });

  it('the calibrated summary names Gaudi 2, SambaNova (its six API speeds, all outside) and L40S (7 of 18 inside), and their results warn while B300\'s do not', () => {
    expect(CALIBRATION_SUMMARY.uncertainty.undercovered?.find((u) => u.hardwareId === 'sambanova-sn40l')).toMatchObject({ rows: 6, inside: 0 });
    expect(CALIBRATION_SUMMARY.uncertainty.undercovered?.find((u) => u.hardwareId === 'intel-gaudi2')).toMatchObject({ rows: 2, inside: 0 });
    expect(CALIBRATION_SUMMARY.uncertainty.undercovered?.find((u) => u.hardwareId === 'nvidia-l40s')).toMatchObject({ rows: 18, inside: 7 });
    const { catalog } = loadCatalogFromDisk();
    const run = (hardware: string, efficiencyMode: 'achieved' | 'spec' = 'achieved') =>
      simulate(resolveScenario({ ...defaultScenario(), hardware, efficiencyMode }, catalog).value!, { frontier: false });
    expect(run('intel-gaudi2').warnings.map((w) => w.code)).toContain('engine.range-undercovers');
    expect(run('nvidia-l40s').warnings.map((w) => w.code)).toContain('engine.range-undercovers');
    expect(run('nvidia-b300').warnings.map((w) => w.code)).not.toContain('engine.range-undercovers');
    expect(run('sambanova-sn40l').warnings.map((w) => w.code)).toContain('engine.range-undercovers');
    // Spec mode claims no coverage: nothing to understate.
    expect(run('nvidia-l40s', 'spec').warnings.map((w) => w.code)).not.toContain('engine.range-undercovers');
  });
});
