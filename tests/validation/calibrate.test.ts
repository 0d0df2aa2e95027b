import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { lintProfile } from '../../src/catalog/lint-profile';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import type { EfficiencyProfile } from '../../src/engine/types';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import { BOUNDS, fitFamily, replaceEfficiencyBlock, roundValue } from '../../src/validation/calibrate';
import { planRows } from '../../src/validation/row-to-scenario';

const profileText = readFileSync(new URL('../../hardware-profiles/intel-gaudi2.json', import.meta.url), 'utf8');

describe('replaceEfficiencyBlock', () => {
  const efficiency: EfficiencyProfile = {
    computeEfficiency: 0.5,
    memoryEfficiency: 0.7,
    linkEfficiency: 0.6,
    allToAllEfficiency: 0.85,
    kernelOverheadSeconds: 9.4e-6,
    stepOverheadSeconds: 2.5e-4,
    attentionMemoryEfficiency: 0.8,
    attentionOverheadSeconds: 1.2e-5,
    attentionComputeEfficiency: 0.6,
    moeComputeEfficiency: 0.4,
    moeHalfTokensPerExpert: 89,
    moeMemoryEfficiency: 0.59,
    moeLayerOverheadSeconds: 5.7e-5,
    softwareStackFactor: 0.61,
    memoryReserveFraction: 0.1,
    evidence: { basis: 'family', rows: 2, from: 'intel-gaudi2' },
    note: 'test "quoted" note, with {braces}',
  };
  const out = replaceEfficiencyBlock(profileText, efficiency);

  it('changes the efficiency object only', () => {
    const before = JSON.parse(profileText) as Record<string, unknown>;
    const after = JSON.parse(out) as Record<string, unknown>;
    expect(after.efficiency).toEqual(efficiency);
    expect({ ...after, efficiency: null }).toEqual({ ...before, efficiency: null });
    const start = profileText.indexOf('"efficiency": {');
    expect(out.slice(0, start)).toBe(profileText.slice(0, start));
    expect(out.endsWith(profileText.slice(profileText.indexOf('"estimates"')))).toBe(true);
  });

  it('keeps the profile valid and lint-clean', () => {
    const parsed = parseHardwareProfile(JSON.parse(out));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(lintProfile(parsed.value!)).toEqual([]);
  });

  it('refuses text without exactly one efficiency object', () => {
    expect(() => replaceEfficiencyBlock('{"a": 1}', efficiency)).toThrow();
  });
});

describe('roundValue', () => {
  it('keeps three significant digits', () => {
    expect(roundValue(0.90763)).toBe(0.908);
    expect(roundValue(9.3732e-6, 2)).toBe(9.4e-6);
  });
});

describe('fitFamily', () => {
  it('fits a software-stack factor within bounds that reproduces the only fit row (Gaudi 2 Offline)', () => {
    const { catalog } = loadCatalogFromDisk();
    const plans = planRows(parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8')).rows);
    const fit = fitFamily(plans, catalog, {
      family: 'intel-gaudi',
      fixed: {},
      params: [{ key: 'softwareStackFactor', min: BOUNDS.efficiency.min, max: BOUNDS.efficiency.max, log: false }],
      start: { softwareStackFactor: 1 },
      useForFit: (p) => p.mlperf?.scenario === 'Offline',
    });
    expect(fit.fitRows.map((r) => r.plan.row.index)).toEqual([27]);
    expect(fit.heldOutRows.map((r) => r.plan.row.index)).toEqual([28]);
    const f = fit.values.softwareStackFactor!;
    expect(f).toBeGreaterThan(0.05);
    expect(f).toBeLessThanOrEqual(1);
    expect(Math.abs(fit.fit.medianAbs)).toBeLessThan(0.01);
  });
});
