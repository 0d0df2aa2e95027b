import { describe, expect, it } from 'vitest';
import { SWEEP_MAX_SIZES, modelSizeSweep, sweepChip, sweepSizes } from '../../../src/engine/analysis/model-size-sweep';
import { catalogModels, h200, scenario } from './helpers';
import { DEFAULT_ENGINE } from '../../../src/scenario/scenario';

describe('sweepSizes', () => {
  it('spaces sizes evenly on a log scale, both ends included', () => {
    const s = sweepSizes(4, 1e9, 1e12);
    expect(s).toHaveLength(4);
    expect(s[0]).toBeCloseTo(1e9, -3);
    expect(s[3]).toBeCloseTo(1e12, -6);
    expect(s[1]! / s[0]!).toBeCloseTo(10, 9);
  });

  it('caps the count and the range, and survives nonsense', () => {
    expect(sweepSizes(1e9)).toHaveLength(SWEEP_MAX_SIZES);
    expect(sweepSizes(Number.NaN).length).toBeGreaterThanOrEqual(2);
    const wild = sweepSizes(3, 1, 1e20);
    expect(wild[0]).toBeGreaterThanOrEqual(0.5e9);
    expect(wild[2]).toBeLessThanOrEqual(2e12);
  });
});

describe('sweepChip', () => {
  const { hardware: _h, chips: _c, ...base } = scenario();
  const chip = { hardware: h200(), chips: 'auto' as const };

  it('returns the parametric family then the catalog models of the same family only', () => {
    const sizes = sweepSizes(3, 1e9, 100e9);
    const dense = sweepChip(base, chip, 'dense', sizes, catalogModels());
    const parametric = dense.filter((p) => p.source === 'parametric');
    expect(parametric).toHaveLength(3);
    expect(dense.every((p) => p.family === 'dense')).toBe(true);
    expect(dense.filter((p) => p.source === 'catalog').map((p) => p.modelId)).toContain('llama-3.1-70b');
    const moe = sweepChip(base, chip, 'moe', sizes.slice(0, 1), catalogModels());
    expect(moe.filter((p) => p.source === 'catalog').map((p) => p.modelId)).toContain('mixtral-8x7b');
    expect(moe.every((p) => p.family === 'moe')).toBe(true);
  });

  it('gives fewer tokens/s per $/h for a much bigger dense model', () => {
    const points = sweepChip(base, chip, 'dense', [1e9, 100e9], []);
    expect(points[0]!.feasible && points[1]!.feasible).toBe(true);
    expect(points[0]!.outputTokensPerSecondPerDollarPerHour!).toBeGreaterThan(points[1]!.outputTokensPerSecondPerDollarPerHour! * 5);
    expect(points[1]!.totalParams).toBeGreaterThan(90e9);
  });

  it('small MoE models: tokens/s per $/h falls with every size step (a 1.9B model once trailed a 3.6B one)', () => {
    // The page's workload and engine caps: batches large enough that the KV cache bounds them.
    const page = { ...base, workload: { ...base.workload, inputTokens: 2048, outputTokens: 512 }, engine: { ...DEFAULT_ENGINE } };
    const points = sweepChip(page, chip, 'moe', sweepSizes().slice(0, 5), []);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.outputTokensPerSecondPerDollarPerHour!, points[i]!.modelName).toBeLessThan(points[i - 1]!.outputTokensPerSecondPerDollarPerHour!);
    }
  });

  it('modelSizeSweep concatenates the chips', () => {
    const all = modelSizeSweep(base, [chip, chip], 'dense', [1e9], []);
    expect(all).toHaveLength(2);
  });
});
