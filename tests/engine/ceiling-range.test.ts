// Spec mode's numbers are silicon limits: their range borrows the achieved mode's width as a
// modelling spread and claims no coverage (the residuals were measured against achieved predictions).
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
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
    expect(spec.uncertainty!.derivation).toMatch(/^silicon limit \(the kernel-measured shares of peak, software factor 1, or the chip's fitted factor where today's stacks beat those shares\): .*not a prediction of measured results/);
    expect(spec.uncertainty!.derivation).toContain('modelling spread');
    // The range still brackets the number, and the explanation says no coverage instead of a share.
    const u = spec.uncertainty!.usdPerMillionOutputTokens!;
    expect(u.low).toBeLessThanOrEqual(spec.usdPerMillionOutputTokens!);
    expect(u.high).toBeGreaterThanOrEqual(spec.usdPerMillionOutputTokens!);
    expect(spec.explain.find((e) => e.key === 'uncertainty')).toMatchObject({ value: 'none (silicon limit)', unit: '' });
    expect(run('achieved').explain.find((e) => e.key === 'uncertainty')).toMatchObject({ value: '80% range', unit: '' });
  });
});

describe('ranges in claim mode', () => {
  const claim = (hardware: string) => simulate(resolveScenario({ ...defaultScenario(), hardware, efficiencyMode: 'claim' }, catalog).value!, { frontier: false });

  it('claim no coverage: a vendor claim or, on a chip without one, the silicon limit is no prediction either', () => {
    const sohu = claim('etched-sohu');
    expect(sohu.uncertainty!.coverage).toBeNull();
    expect(sohu.uncertainty!.derivation).toMatch(/^vendor claim \(the vendor's claimed efficiencies/);
    expect(sohu.explain.find((e) => e.key === 'uncertainty')).toMatchObject({ value: 'none (vendor claim)' });
    const h200 = claim('nvidia-h200-sxm');
    expect(h200.uncertainty!.coverage).toBeNull();
    expect(h200.uncertainty!.derivation).toMatch(/^silicon limit \(the kernel-measured shares of peak, software factor 1, or the chip's fitted factor/);
    expect(h200.outputTokensPerSecond).toBe(run('spec').outputTokensPerSecond);
  });
});

describe('ranges of an estimated rental', () => {
  it('carry the rental/TCO ratio\'s 10th-90th percentile band, added to the speed range in quadrature', () => {
    // Etched Sohu has no market rental: its rental is estimated (≈).
    const r = simulate(resolveScenario({ ...defaultScenario(), hardware: 'etched-sohu' }, catalog).value!, { frontier: false });
    expect(r.pricing.rentalEstimated).toBe(true);
    const u = r.uncertainty!;
    const usd = r.usdPerMillionOutputTokens!;
    const tps = r.outputTokensPerSecond!;
    // Speed's log half-widths, then the price band's (p10/median, p90/median).
    const speedUp = Math.log(u.outputTokensPerSecond.high / tps);
    const speedDown = Math.log(tps / u.outputTokensPerSecond.low);
    const ratio = CALIBRATION_SUMMARY.rentalToTco;
    expect(Math.log(usd / u.usdPerMillionOutputTokens!.low)).toBeCloseTo(Math.hypot(speedUp, Math.log(ratio.p10 / ratio.median)), 9);
    expect(Math.log(u.usdPerMillionOutputTokens!.high / usd)).toBeCloseTo(Math.hypot(speedDown, Math.log(ratio.p90 / ratio.median)), 9);
    expect(u.derivation).toContain('10th-90th percentile');
  });
});
