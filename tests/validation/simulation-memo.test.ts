import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { memoizedSimulator } from '../../src/validation/simulation-memo';

const { catalog } = loadCatalogFromDisk();
const resolved = (s: Partial<Scenario>) => resolveScenario({ ...defaultScenario(), ...s }, catalog).value!;

describe('memoizedSimulator (one validation run)', () => {
  it('gives what simulate gives without the frontier (validation reads no frontier), and reuses it for an equal scenario built anew', () => {
    const run = memoizedSimulator();
    const first = run(resolved({ hardware: 'nvidia-h100-sxm' }));
    expect(first).toEqual(simulate(resolved({ hardware: 'nvidia-h100-sxm' }), { frontier: false }));
    expect(run(resolved({ hardware: 'nvidia-h100-sxm' }))).toBe(first);
  });

  it('tells apart scenarios that differ anywhere, also by values JSON writes alike (Infinity and null)', () => {
    const run = memoizedSimulator();
    const base = resolved({ hardware: 'nvidia-h100-sxm' });
    const a = run(base);
    expect(run(resolved({ hardware: 'nvidia-h200-sxm' }))).not.toBe(a);
    const noLimit = { ...base, slo: { ...base.slo, maxTtftSeconds: null } };
    const infinite = { ...base, slo: { ...base.slo, maxTtftSeconds: Number.POSITIVE_INFINITY } };
    expect(run(infinite)).not.toBe(run(noLimit));
  });
});
