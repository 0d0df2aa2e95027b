// The search keeps the smallest batch within 1% of the best throughput. Throughput need not peak at
// the largest batch that meets the limits: on d-Matrix Corsair with a 1B model it peaks at a few
// dozen sequences, and measuring the peak at the largest batch kept batch 5 at half the throughput.
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();

describe('batch choice', () => {
  it('reaches 99% of the best throughput of its layout at any batch that meets the limits', () => {
    const base = { ...defaultScenario(), hardware: 'd-matrix-corsair', model: 'llama-3.2-1b' };
    const chosen = simulate(resolveScenario(base, catalog).value!, { frontier: false });
    expect(chosen.feasible).toBe(true);
    const c = chosen.config;
    const layout = { tensorParallel: c.tensorParallel, pipelineParallel: c.pipelineParallel, expertParallel: c.expertParallel, dataParallelAttention: c.dataParallelAttention ? 'on' as const : 'off' as const };
    let best = 0;
    for (let batch = 1; batch <= 1024; batch *= 2) {
      const r = simulate(resolveScenario({ ...base, layout, objective: { batch } }, catalog).value!, { frontier: false });
      if (r.feasible) best = Math.max(best, r.outputTokensPerSecond);
    }
    expect(best).toBeGreaterThan(0);
    expect(chosen.outputTokensPerSecond).toBeGreaterThanOrEqual(0.99 * best * (1 - 1e-9));
  });
});
