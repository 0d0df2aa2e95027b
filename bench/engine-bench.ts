import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { simulate } from '../src/engine/simulate';
import type { ResolvedScenario } from '../src/engine/types';
import { resolveScenario } from '../src/scenario/resolve';
import { defaultScenario, type Scenario } from '../src/scenario/scenario';

/** The app's default comparison workload (issue 5): Llama-3.1-70B fp8, 2048/512, TTFT 2 s, TPOT 50 ms. */
export function defaultWorkload(): Scenario {
  return {
    ...defaultScenario(),
    workload: { inputTokens: 2048, outputTokens: 512, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: 2, maxTpotSeconds: 0.05 },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeIt(fn: () => void, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

export interface EngineBench {
  engineSingleScenarioMs: number;
  engineCompareAllMs: number;
  profiles: number;
}

/**
 * engineSingleScenarioMs: one scenario (8x H200, Llama-3.1-70B) with its deployment search;
 * engineCompareAllMs: the default workload on every catalog profile (SRAM-only systems with
 * chips "auto", others 8 chips), one thread. Medians after a warm-up.
 */
export function benchEngine(quick: boolean): EngineBench {
  const { catalog } = loadCatalogFromDisk();
  const base = defaultWorkload();
  const all: ResolvedScenario[] = [...catalog.hardware.values()].map((hw) => {
    const sramOnly = hw.memory.hbmCapacityBytes === 0;
    return resolveScenario({ ...base, hardware: hw.id, chips: sramOnly ? 'auto' : 8 }, catalog).value!;
  });
  const single = all.find((s) => s.hardware.id === 'nvidia-h200-sxm') ?? all[0]!;
  const runs = quick ? 5 : 50;
  timeIt(() => all.forEach((s) => simulate(s)), quick ? 1 : 5);
  return {
    engineSingleScenarioMs: median(timeIt(() => simulate(single), runs * 4)),
    engineCompareAllMs: median(timeIt(() => all.forEach((s) => simulate(s)), runs)),
    profiles: all.length,
  };
}
