import { describe, expect, it } from 'vitest';
import { rooflineRoofs } from '../../../src/engine/analysis/roofline-roofs';
import { h200, scenario } from './helpers';

describe('rooflineRoofs', () => {
  it('uses the fp8 rate for an fp8 workload and applies the efficiencies', () => {
    const r = rooflineRoofs(scenario({ efficiencyMode: 'spec' }));
    const p = h200();
    expect(r.rateClass).toBe('fp8');
    expect(r.peakFlopsPerSecond).toBe(p.compute.denseFlopsPerSecond.fp8);
    // Spec mode: the kernel-timed shares, raised by a fitted software factor above 1 (stacks that beat the timed kernels).
    const factor = Math.max(1, p.efficiency.softwareStackFactor);
    expect(r.effectiveFlopsPerSecond).toBeCloseTo(p.compute.denseFlopsPerSecond.fp8! * Math.min(1, p.efficiency.computeEfficiency * factor), 0);
    expect(r.effectiveHbmBytesPerSecond).toBeCloseTo(p.memory.hbmBandwidthBytesPerSecond * Math.min(1, p.efficiency.memoryEfficiency * factor), 0);
    expect(r.peakSramBytesPerSecond).toBe(0);
  });
});
