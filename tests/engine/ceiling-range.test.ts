// Spec mode's numbers are silicon limits: their range borrows the achieved mode's width as a
// modelling spread and claims no coverage (the residuals were measured against achieved predictions).
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();
const run = (efficiencyMode: 'achieved' | 'spec') =>
  simulate(resolveScenario({ ...defaultScenario(), hardware: 'nvidia-h200-sxm', efficiencyMode }, catalog).value!, { frontier: false });

describe('ranges of silicon limits', () => {
  it('achieved mode claims its calibrated coverage; spec mode claims none and says why', () => {
    const achieved = run('achieved').uncertainty!;
    const spec = run('spec');
    expect(achieved.coverage).toBe(0.8);
    expect(achieved.derivation).toMatch(/^80% range from the /);
    expect(spec.uncertainty!.coverage).toBeNull();
    expect(spec.uncertainty!.derivation).toMatch(/^silicon limit \(software factor 1\): a ceiling, not a prediction of measured results/);
    expect(spec.uncertainty!.derivation).toContain('modelling spread');
    // The range still brackets the number, and the explanation says no coverage instead of a share.
    const u = spec.uncertainty!.usdPerMillionOutputTokens!;
    expect(u.low).toBeLessThanOrEqual(spec.usdPerMillionOutputTokens!);
    expect(u.high).toBeGreaterThanOrEqual(spec.usdPerMillionOutputTokens!);
    expect(spec.explain.find((e) => e.key === 'uncertainty')).toMatchObject({ value: 'none (silicon limit)', unit: '' });
  });
});
