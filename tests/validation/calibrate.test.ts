import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { lintProfile } from '../../src/catalog/lint-profile';
import { HARDWARE_LIMITS, parseHardwareProfile } from '../../src/records/hardware-profile';
import type { EfficiencyProfile } from '../../src/engine/types';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import { replaceEfficiencyBlock, roundValue } from '../../src/validation/efficiency-block';
import { usedForFit } from '../../src/validation/fit-rows';
import { FACTOR_BOUNDS, fitStackFactors, medianStep, chipSoftwareFactors, priorSoftwareFactor, updatedFactors, type Linearization, type StackFactors } from '../../src/validation/stack-factors';
import { fitContextOf } from '../../src/validation/validate';
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
    moeSoftwareFactor: { fineGrained: 1, coarse: 1 },
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

describe('stack factors', () => {
  const lin = (logRatio: number, softwareElasticity: number, extra: Partial<Linearization> = {}): Linearization => ({
    plan: {} as Linearization['plan'], chip: 'f', moe: null, yearsBefore: 0, logRatio, softwareElasticity, moeElasticity: 0, ...extra,
  });

  it('medianStep is the weighted median of -logRatio / elasticity (hand-computed)', () => {
    // logRatios 0.2, 0.1, -0.4 at elasticity 1 ask for steps -0.2, -0.1, 0.4: the median is -0.1.
    expect(medianStep([{ logRatio: 0.2, elasticity: 1 }, { logRatio: 0.1, elasticity: 1 }, { logRatio: -0.4, elasticity: 1 }])).toBeCloseTo(-0.1, 12);
    // A row twice as sensitive counts twice: steps -0.1 (w 2), 0.3 (w 1) -> -0.1.
    expect(medianStep([{ logRatio: 0.2, elasticity: 2 }, { logRatio: -0.3, elasticity: 1 }])).toBeCloseTo(-0.1, 12);
    expect(medianStep([{ logRatio: null, elasticity: 1 }, { logRatio: 0.5, elasticity: 0.01 }])).toBeNaN();
  });

  it('one update divides a chip factor by the median optimism of its rows', () => {
    const factors: StackFactors = { software: { f: 0.8 }, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 };
    const next = updatedFactors([lin(Math.log(1.25), 1), lin(Math.log(1.25), 1)], factors);
    expect(next.software.f).toBeCloseTo(0.8 / 1.25, 12);
  });

  it('a chip whose rows all ran faster than predicted at factor 1 gets a factor above 1, up to the bound', () => {
    // Bounded at 1, H200 stayed at 1 with its memory- and latency-bound rows 5-10% fast.
    const factors: StackFactors = { software: { f: 1 }, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 };
    const next = updatedFactors([lin(Math.log(1 / 1.08), 1), lin(Math.log(1 / 1.08), 1)], factors);
    expect(next.software.f).toBeCloseTo(1.08, 12);
    const far = updatedFactors([lin(Math.log(1 / 4), 1), lin(Math.log(1 / 4), 1)], factors);
    expect(far.software.f).toBe(FACTOR_BOUNDS.software.max);
    expect(FACTOR_BOUNDS.software.max).toBe(HARDWARE_LIMITS.softwareStackFactor.max);
  });

  it('the trend explains rows measured earlier: rows a year old and e^0.4 x optimistic at elasticity 1 give 0.4 per year', () => {
    const factors: StackFactors = { software: { f: 0.8 }, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 };
    const next = updatedFactors([lin(0, 1), lin(0, 1), lin(0.4, 1, { yearsBefore: 1 }), lin(0.4, 1, { yearsBefore: 1 })], factors);
    expect(next.software.f).toBeCloseTo(0.8, 12);
    expect(next.trendPerYear).toBeCloseTo(0.4, 12);
  });

  it('a chip left without rows leaves the fit: it takes its fitted siblings\' median, else the prior', () => {
    const factors: StackFactors = { software: { f: 0.8, g: 0.5 }, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 };
    const next = updatedFactors([lin(0.1, 1)], factors, new Set(['g']));
    expect(next.software).toEqual({ f: 0.8 });
    const { catalog } = loadCatalogFromDisk();
    // H200, H100 and GH200 are one family (compute capability 9.0); MI300X is another.
    const fitted: StackFactors = { software: { 'nvidia-h200-sxm': 0.9, 'nvidia-h100-sxm': 0.7, 'nvidia-gh200': 1, 'amd-mi300x': 0.5 }, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 };
    const software = chipSoftwareFactors(fitted, catalog);
    expect(software.get('nvidia-h100-sxm')).toBe(0.7);
    expect(software.get('nvidia-h100-pcie')).toBe(0.9);
    // The prior: the median of the family medians 0.9 (Hopper) and 0.5 (CDNA3).
    expect(priorSoftwareFactor(fitted, catalog)).toBeCloseTo(0.7, 12);
    expect(software.get('google-tpu-v7')).toBeCloseTo(0.7, 12);
  });

  it('fits a chip factor that centres its rows (H200 TensorRT-LLM table rows)', () => {
    const { catalog } = loadCatalogFromDisk();
    const plans = planRows(parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8')).rows);
    const rows = plans.filter(usedForFit).filter((p) => p.hardwareId === 'nvidia-h200-sxm' && p.group === 'vendor-table' && p.modelId?.startsWith('llama'));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const ctx = { ...fitContextOf(catalog), yearsBefore: () => 0 };
    const fit = fitStackFactors(rows, ctx, { software: { 'nvidia-h200-sxm': 0.5 }, moe: { fineGrained: 1, coarse: 1 }, trendPerYear: 0 });
    const f = fit.factors.software['nvidia-h200-sxm']!;
    expect(f).toBeGreaterThan(0.05);
    expect(f).toBeLessThanOrEqual(1);
    const logs = fit.linearization.map((l) => l.logRatio!).sort((a, b) => a - b);
    expect(Math.abs(logs[Math.floor(logs.length / 2)]!)).toBeLessThan(0.02);
  });
});
