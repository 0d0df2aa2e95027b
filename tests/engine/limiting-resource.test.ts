// Issue 13 item 4: a result names the resource its $/M depends on most, from the same kind of run
// as the chip lab's sensitivity chart (+20% of one resource, the search rerun).
import { describe, expect, it } from 'vitest';
import { limitingResource } from '../../src/engine/analysis/limiting-resource';
import { limitFromSensitivity } from '../../src/engine/analysis/resource-limit';
import { sensitivity } from '../../src/engine/analysis/sensitivity';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';

const { catalog } = loadCatalogFromDisk();
const resolved = (s: Partial<Scenario>) => resolveScenario({ ...defaultScenario(), ...s }, catalog).value!;

describe('limitingResource', () => {
  it('prompt-heavy batches at high throughput: matrix FLOP/s', () => {
    const l = limitingResource(resolved({ workload: { inputTokens: 8192, outputTokens: 128, prefixCacheHitRate: 0, arrivals: 'saturated' } }));
    expect(l.resource).toBe('compute');
  });

  it('one user decoding alone: the bandwidth of the memory that holds the weights', () => {
    const l = limitingResource(resolved({ chips: 1, objective: 'min-latency', workload: { inputTokens: 256, outputTokens: 2048, prefixCacheHitRate: 0, arrivals: 'saturated' } }));
    expect(l.resource).toBe('hbmBandwidth');
  });

  it('names the resource whose +20% lowers $/M most, with every elasticity it tried', () => {
    const l = limitingResource(resolved({}));
    const tried = Object.entries(l.elasticities) as [string, number][];
    expect(tried.length).toBeGreaterThanOrEqual(3);
    const most = tried.reduce((a, b) => (b[1] < a[1] ? b : a));
    expect(l.resource).toBe(most[0]);
    for (const [, e] of tried) expect(e).toBeLessThanOrEqual(1e-9); // more of a resource never raises $/M here
  });

  // The chip lab reads the table's "most sensitive to" off its sensitivity runs (+-20%) instead of
  // running the engine again: it must name what the compare view's own runs name.
  it.each([
    ['the default scenario', {}],
    ['one user decoding alone', { chips: 1, objective: 'min-latency' as const }],
    ['prompt-heavy batches', { workload: { inputTokens: 8192, outputTokens: 128, prefixCacheHitRate: 0, arrivals: 'saturated' as const } }],
    ['an SRAM chip', { hardware: 'groq-lpu', chips: 'auto' as const }],
  ])('the chip lab\'s sensitivity runs give the same limit: %s', (_name, s) => {
    const scenario = resolved(s as Partial<Scenario>);
    const fromSensitivity = limitFromSensitivity(sensitivity(scenario));
    const direct = limitingResource(scenario);
    expect(fromSensitivity?.resource).toBe(direct.resource);
    for (const [r, e] of Object.entries(direct.elasticities)) expect(fromSensitivity!.elasticities[r as keyof typeof direct.elasticities]).toBeCloseTo(e, 9);
  });

  it('sensitivity runs at another step than +20% give no limit (they would name another one)', () => {
    expect(limitFromSensitivity(sensitivity(resolved({}), 0.1))).toBeNull();
  });
});

