// Issue 13 item 4: a result names the resource its $/M depends on most, from the same kind of run
// as the chip lab's sensitivity chart (+20% of one resource, the search rerun).
import { describe, expect, it } from 'vitest';
import { limitingResource } from '../../src/engine/analysis/limiting-resource';
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
});
