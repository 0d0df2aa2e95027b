// A software-stack factor above 1 (stacks that beat the kernel-timed shares, as fitted on H200):
// achieved mode applies it without letting any share pass its peak, and spec and claim modes take
// it too, so today's software never beats the silicon limit.
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { effectiveEfficiency } from '../../src/engine/context';
import { simulate } from '../../src/engine/simulate';
import type { HardwareProfile } from '../../src/engine/types';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();
const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
const withFactor = (hw: HardwareProfile, softwareStackFactor: number): HardwareProfile => ({ ...hw, efficiency: { ...hw.efficiency, softwareStackFactor } });

describe('a software-stack factor above 1', () => {
  it('scales every share it multiplies and caps each at its peak (hand-computed on H200)', () => {
    const e = h200.efficiency;
    const a = effectiveEfficiency(withFactor(h200, 1.2), 'achieved');
    expect(a.softwareFactor).toBe(1.2);
    expect(a.compute).toBeCloseTo(e.computeEfficiency * 1.2, 12);
    expect(a.memory).toBeCloseTo(e.memoryEfficiency * 1.2, 12);
    // 0.844 x 1.2 = 1.01: held at the peak.
    expect(e.attentionMemoryEfficiency * 1.2).toBeGreaterThan(1);
    expect(a.attentionMemory).toBe(1);
    const top = effectiveEfficiency(withFactor(h200, 1.5), 'achieved');
    for (const share of [top.compute, top.headCompute, top.memory, top.attentionCompute, top.attentionMemory, top.moeCompute, top.moeMemory]) {
      expect(share).toBeLessThanOrEqual(1);
    }
  });

  it('raises the silicon limit too: spec and claim take the factor where it exceeds 1, and ignore it below 1', () => {
    expect(effectiveEfficiency(withFactor(h200, 1.2), 'spec').softwareFactor).toBe(1.2);
    expect(effectiveEfficiency(withFactor(h200, 1.2), 'claim').softwareFactor).toBe(1.2);
    expect(effectiveEfficiency(withFactor(h200, 0.7), 'spec').softwareFactor).toBe(1);
  });

  it('today\'s software never beats the silicon limit, on the stock H200 (fitted factor above 1) or at any factor', () => {
    expect(h200.efficiency.softwareStackFactor).toBeGreaterThan(1);
    const run = (hardware: HardwareProfile, efficiencyMode: 'achieved' | 'spec') => {
      const resolved = resolveScenario({ ...defaultScenario(), hardware: 'nvidia-h200-sxm', model: 'llama-3.1-70b', efficiencyMode }, catalog).value!;
      return simulate({ ...resolved, hardware }, { frontier: false });
    };
    for (const factor of [h200.efficiency.softwareStackFactor, 1.5]) {
      const hw = withFactor(h200, factor);
      expect(run(hw, 'achieved').outputTokensPerSecond).toBeLessThanOrEqual(run(hw, 'spec').outputTokensPerSecond);
    }
  });
});
