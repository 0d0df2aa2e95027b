// Achieved mode adds the calibrated serving step cost (scheduling, sampling, output processing) to
// every kernel-launched chip's per-step cost; spec and claim modes and SRAM-dataflow chips do not.
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { effectiveEfficiency, servingStepSeconds } from '../../src/engine/context';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import { SERVING_STEP_SECONDS } from '../../src/validation/calibration-run';

const { catalog } = loadCatalogFromDisk();
const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
const groq = catalog.hardware.get('groq-lpu')!;

describe('the serving step cost', () => {
  it('is what calibration wrote, added in achieved mode only, and never to an SRAM-dataflow chip', () => {
    expect(CALIBRATION_SUMMARY.servingStep?.seconds).toBe(SERVING_STEP_SECONDS);
    expect(servingStepSeconds(h200, 'achieved')).toBe(SERVING_STEP_SECONDS);
    expect(effectiveEfficiency(h200, 'achieved').stepOverheadSeconds).toBeCloseTo(h200.efficiency.stepOverheadSeconds + SERVING_STEP_SECONDS, 15);
    for (const mode of ['spec', 'claim'] as const) {
      expect(servingStepSeconds(h200, mode)).toBe(0);
      expect(effectiveEfficiency(h200, mode).stepOverheadSeconds).toBe(h200.efficiency.stepOverheadSeconds);
    }
    expect(groq.memory.sramHoldsWeights).toBe(true);
    expect(effectiveEfficiency(groq, 'achieved').stepOverheadSeconds).toBe(groq.efficiency.stepOverheadSeconds);
  });

  it('a single stream pays it once per token: TPOT at batch 1 rises by it, and the explain panel names both parts', () => {
    const run = (efficiencyMode: 'achieved' | 'spec') => simulate(resolveScenario({
      ...defaultScenario(), hardware: 'nvidia-h200-sxm', model: 'llama-3.1-8b', chips: 1, objective: { batch: 1 },
      slo: { maxTtftSeconds: null, maxTpotSeconds: null }, efficiencyMode,
    }, catalog).value!, { frontier: false });
    const achieved = run('achieved');
    const step = achieved.explain.find((x) => x.key === 'tpotSeconds')!.inputs.find((i) => i.name === 'per-step fixed cost')!;
    expect(step.value).toBeCloseTo(h200.efficiency.stepOverheadSeconds + SERVING_STEP_SECONDS, 15);
    expect(step.source).toMatch(/plus the serving step cost of today's software, 3 ms/);
    // Spec mode: without the serving cost, and with a software factor of at least 1 (H200's fitted factor is above 1,
    // which spec mode takes too), the same chip is faster by at least it.
    const spec = run('spec');
    expect(spec.explain.find((x) => x.key === 'tpotSeconds')!.inputs.find((i) => i.name === 'per-step fixed cost')!.value)
      .toBe(h200.efficiency.stepOverheadSeconds);
    expect(achieved.tpotSeconds - spec.tpotSeconds).toBeGreaterThan(SERVING_STEP_SECONDS - 1e-9);
  });
});
