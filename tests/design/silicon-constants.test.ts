import { describe, expect, it } from 'vitest';
import raw from '../../reference/silicon-constants.json';
import { SILICON } from '../../src/design/constants';
import { PROCESS_NODES, parseSiliconConstants, type Constant } from '../../src/records/silicon-constants';

function constants(value: unknown, path = ''): { path: string; c: Constant }[] {
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  if ('value' in o && 'source' in o) return [{ path, c: o as unknown as Constant }];
  return Object.entries(o).flatMap(([k, v]) => constants(v, path === '' ? k : `${path}.${k}`));
}

describe('silicon constants (reference/silicon-constants.json)', () => {
  it('parses with no errors and no warnings', () => {
    const parsed = parseSiliconConstants(raw);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('every constant has a value inside its range, a unit and a source', () => {
    const all = constants(SILICON);
    expect(all.length).toBeGreaterThan(80);
    for (const { path, c } of all) {
      expect(c.low, path).toBeLessThanOrEqual(c.value);
      expect(c.value, path).toBeLessThanOrEqual(c.high);
      expect(c.source.length, path).toBeGreaterThan(10);
      expect(c.unit.length, path).toBeGreaterThan(0);
    }
  });

  it('rejects a constant outside its own range (the check can fail)', () => {
    const bad = structuredClone(raw) as { nodes: { N5: { waferPriceUsd: { value: number } } } };
    bad.nodes.N5.waferPriceUsd.value = 99_999;
    const parsed = parseSiliconConstants(bad);
    expect(parsed.value).toBeNull();
    expect(parsed.errors[0]?.path).toBe('nodes.N5.waferPriceUsd');
  });

  it('shows that SRAM bitcells barely shrank from N5 to N2 while matrix density kept growing', () => {
    const n = SILICON.nodes;
    expect(n.N2.sramBitcellUm2.value / n.N5.sramBitcellUm2.value).toBeGreaterThan(0.8);
    expect(n.N3.sramBitcellUm2.value).toBe(n.N5.sramBitcellUm2.value);
    expect(n.N2.matrixMacsPerCyclePerMm2.value / n.N5.matrixMacsPerCyclePerMm2.value).toBeGreaterThan(1.5);
    for (let i = 1; i < PROCESS_NODES.length; i++) {
      const older = n[PROCESS_NODES[i - 1]!];
      const newer = n[PROCESS_NODES[i]!];
      expect(newer.matrixMacsPerCyclePerMm2.value).toBeGreaterThanOrEqual(older.matrixMacsPerCyclePerMm2.value);
      expect(newer.waferPriceUsd.value).toBeGreaterThanOrEqual(older.waferPriceUsd.value);
      expect(newer.matrixEnergyPjPerFlop.value).toBeLessThanOrEqual(older.matrixEnergyPjPerFlop.value);
    }
  });

  it('N4 is the N5 family: same densities and energy (the sources have no separate N4 figure)', () => {
    const { N4, N5 } = SILICON.nodes;
    expect(N4.matrixMacsPerCyclePerMm2.value).toBe(N5.matrixMacsPerCyclePerMm2.value);
    expect(N4.sramBitcellUm2.value).toBe(N5.sramBitcellUm2.value);
    expect(N4.matrixEnergyPjPerFlop.value).toBe(N5.matrixEnergyPjPerFlop.value);
  });

  it('the N5 matrix density reproduces its stated derivation from H100', () => {
    // 989.4e12 / (2 x 1.83e9 x 814 x 0.579 x 132/144)
    expect(SILICON.nodes.N5.matrixMacsPerCyclePerMm2.value).toBeCloseTo(989.4e12 / (2 * 1.83e9 * 814 * 0.579 * (132 / 144)), -1);
    // 5120 B/clk over 40 MiB of A100 L2
    expect(SILICON.sram.cache.bytesPerCyclePerByte.value).toBeCloseTo(5120 / (40 * 2 ** 20), 7);
  });
});
