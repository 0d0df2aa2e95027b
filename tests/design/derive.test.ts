import { describe, expect, it } from 'vitest';
import { computeDesign } from '../../src/design/compute';
import { deriveDesign } from '../../src/design/derive';
import { ENTRY, flopsKey } from '../../src/design/derivation';
import { grossDiesPerWafer } from '../../src/design/geometry';
import { designConstants, nominalValues } from '../../src/design/inputs';
import { withMatrixShare } from '../../src/design/matrix-share';
import { murphyYield, poissonAtMost } from '../../src/design/yield';
import { design } from './helpers';

const H100 = design('nvidia-h100-like');
const entry = (d: ReturnType<typeof deriveDesign>, key: string) => d.derivation.find((e) => e.key === key)!;

describe('yield and geometry against silicon.md', () => {
  it('gross dies of an 814 mm² die: 63.5 by the simple formula, 57.6 with a 5 mm edge and 0.2 mm scribe lanes (floored)', () => {
    expect(grossDiesPerWafer(814, 33 / 26, 300, 0, 0)).toBe(63);
    expect(grossDiesPerWafer(814, 33 / 26, 300, 5, 0.2)).toBe(57);
  });

  it('Murphy yield of an 814 mm² die: 0.68 at D0 0.05, 0.47 at 0.10, 0.24 at 0.20 (silicon.md table)', () => {
    // The table rounds 0.675 up.
    expect(Math.abs(murphyYield(0.05 * 8.14) - 0.68)).toBeLessThan(0.006);
    expect(murphyYield(0.1 * 8.14)).toBeCloseTo(0.47, 2);
    expect(murphyYield(0.2 * 8.14)).toBeCloseTo(0.24, 2);
    expect(poissonAtMost(0, 0.5)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(poissonAtMost(2, 1)).toBeCloseTo(Math.exp(-1) * (1 + 1 + 0.5), 12);
  });
});

describe('derivation of the H100-like design, by hand', () => {
  const out = deriveDesign(H100);
  const n = out.numbers;

  it('peak bf16 = 2 x 814 mm² x 0.579 x (1 - 0.0833) x 626 MAC/cycle/mm² x 1.83 GHz, within 30% of 989 TFLOP/s', () => {
    const expected = 2 * 814 * 0.579 * (1 - 0.0833) * 626 * 1.83e9;
    expect(n.peakBf16FlopsPerSecond).toBeCloseTo(expected, -9);
    expect(Math.abs(n.peakBf16FlopsPerSecond / 989.4e12 - 1)).toBeLessThan(0.3);
    expect(out.profile.compute.denseFlopsPerSecond.fp8).toBeCloseTo(2 * expected, -9);
    expect(out.profile.compute.denseFlopsPerSecond.tf32).toBeCloseTo(expected / 2, -9);
  });

  it('SRAM = 814 x 0.145 x (1 - 0.0833) mm² x 0.0911 / 0.021 um² per bit; bandwidth = capacity x 5120/40 MiB per cycle x clock', () => {
    const bytes = (814 * 0.145 * (1 - 0.0833) * 1e6 * 0.0911) / 0.021 / 8;
    expect(n.sramCapacityBytes).toBeCloseTo(bytes, -3);
    expect(n.sramBytesPerSecond).toBeCloseTo(bytes * 0.00012207 * 1.83e9, -7);
  });

  it('memory = 5 stacks x 670 GB/s and 16 GB; power = 0.367 pJ/FLOP + 6.25 pJ/B SRAM + 3.9 pJ/bit HBM + 5.5 pJ/bit links', () => {
    expect(n.memoryBandwidthBytesPerSecond).toBe(5 * 670e9);
    expect(n.memoryCapacityBytes).toBe(80e9);
    const watts = 0.367e-12 * n.peakBf16FlopsPerSecond + 6.25e-12 * n.sramBytesPerSecond + 3.9e-12 * 8 * 3.35e12 + 5.5e-12 * 8 * 2 * 450e9;
    expect(n.powerWatts).toBeCloseTo(watts, 6);
    expect(out.profile.power.tdpWatts).toBeCloseTo(watts, 6);
  });

  it('build cost = (die + HBM + interposer) / bonding yield + test, price = cost / (1 - 0.88)', () => {
    const die = 16988 / (57 * n.dieYield);
    const interposer = (814 + 5 * 10.7 ** 2) * 0.45;
    const cost = (die + 80 * 17 + interposer) / 0.95 + 760;
    expect(n.buildCostUsd).toBeCloseTo(cost, 6);
    expect(out.profile.price.listPriceUsd).toBeCloseTo(cost / 0.12, 4);
    // Spares absorb the defects of the replicated area: the die yields better than Murphy alone.
    expect(n.dieYield).toBeGreaterThan(murphyYield(0.1 * 8.14));
  });

  it('every entry carries a range that contains its value, from the constants\' ranges', () => {
    for (const e of out.derivation) {
      expect(e.low, e.key).toBeLessThanOrEqual(e.value);
      expect(e.high, e.key).toBeGreaterThanOrEqual(e.value);
    }
    const bf16 = entry(out, flopsKey('bf16'));
    // Only the MAC density is uncertain here (584-725 around 626).
    expect(bf16.low / bf16.value).toBeCloseTo(584 / 626, 6);
    expect(bf16.high / bf16.value).toBeCloseTo(725 / 626, 6);
    const cost = entry(out, ENTRY.buildCost);
    expect(cost.high - cost.low).toBeGreaterThan(500);
    expect(bf16.inputs.find((i) => i.name.startsWith('matrix density'))?.source).toContain('nodes.N4.matrixMacsPerCyclePerMm2');
  });

  it('is pure: the design is not changed, the same design gives the same profile', () => {
    const copy = structuredClone(H100);
    const a = deriveDesign(H100);
    expect(H100).toEqual(copy);
    expect(deriveDesign(H100)).toEqual(a);
  });
});

describe('issue 15 "done when"', () => {
  it('without tdpWatts, matrix share 0.3 -> 0.6 (from SRAM and vector/control) raises bf16 by >= 1.5x and lowers SRAM', () => {
    expect(H100.tdpWatts).toBeUndefined();
    const low = deriveDesign(withMatrixShare(H100, 0.3));
    const high = deriveDesign(withMatrixShare(H100, 0.6));
    expect(low.errors).toEqual([]);
    expect(high.errors).toEqual([]);
    expect(high.numbers.peakBf16FlopsPerSecond / low.numbers.peakBf16FlopsPerSecond).toBeGreaterThanOrEqual(1.5);
    expect(high.numbers.sramCapacityBytes).toBeLessThan(low.numbers.sramCapacityBytes);
  });

  it('doubling the compute dies raises the price', () => {
    const one = deriveDesign(H100).numbers.priceUsd;
    const two = deriveDesign({ ...H100, computeDies: 2 }).numbers.priceUsd;
    expect(two).toBeGreaterThan(one * 1.2);
  });

  it('B200-like and MI300X-like derive dense bf16 peaks within 30% of 2,250 and 1,307 TFLOP/s', () => {
    expect(Math.abs(deriveDesign(design('nvidia-b200-like')).numbers.peakBf16FlopsPerSecond / 2250e12 - 1)).toBeLessThan(0.3);
    expect(Math.abs(deriveDesign(design('amd-mi300x-like')).numbers.peakBf16FlopsPerSecond / 1307.4e12 - 1)).toBeLessThan(0.3);
  });

  it('an older node gives less compute and a newer one more on the same die (the per-node table, not the design)', () => {
    const k = (node: 'N7' | 'N2') => computeDesign({ ...H100, processNode: node }, nominalValues(designConstants({ ...H100, processNode: node })));
    expect(k('N7').peakBf16FlopsPerSecond).toBeLessThan(deriveDesign(H100).numbers.peakBf16FlopsPerSecond);
    expect(k('N2').peakBf16FlopsPerSecond).toBeGreaterThan(deriveDesign(H100).numbers.peakBf16FlopsPerSecond);
    // SRAM barely grows from N4 to N2 on the same area.
    expect(k('N2').sramCapacityBytes / deriveDesign(H100).numbers.sramCapacityBytes).toBeLessThan(1.25);
  });
});
