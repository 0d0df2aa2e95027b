import { describe, expect, it } from 'vitest';
import { compareRequest, labRequest, sweepRequest } from '../../src/app-state/requests';
import { apply, catalog, fresh } from './helpers';

describe('requests', () => {
  it('compare: one resolved scenario per known pick, unknown ids reported', () => {
    const s = fresh();
    const bad = { ...s, compare: { ...s.compare, picks: [...s.compare.picks, { id: 'zz-unknown', chips: 8 as const }] } };
    const r = compareRequest(bad, catalog);
    expect(r.scenarios.map((x) => x.hardware.id)).toEqual(s.compare.picks.map((p) => p.id));
    expect(r.problems.join()).toContain('zz-unknown');
    const h200 = r.scenarios.find((x) => x.hardware.id === 'nvidia-h200-sxm');
    expect(h200?.chips).toBe(8);
    expect(h200?.model.id).toBe('llama-3.1-70b');
    expect(h200?.slo.maxTpotSeconds).toBe(0.05);
  });

  it('compare: an unknown model is a problem, not an exception', () => {
    const s = fresh();
    const r = compareRequest({ ...s, settings: { ...s.settings, model: 'nope' } }, catalog);
    expect(r.scenarios).toEqual([]);
    expect(r.problems[0]).toContain('nope');
  });

  it('sweep: auto chip counts, the chosen family and bounded sizes', () => {
    const r = sweepRequest(apply(fresh(), { type: 'set-family', family: 'moe' }), catalog);
    expect(r.chips.every((c) => c.chips === 'auto')).toBe(true);
    expect(r.family).toBe('moe');
    expect(r.sizes).toHaveLength(13);
    expect(r.base?.workload.outputTokens).toBe(512);
    expect(r.models.length).toBe(catalog.models.size);
  });

  it('lab: the edited chip, its original as ghost, and the break-even target', () => {
    const s = apply(fresh(), { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 });
    const r = labRequest(s, catalog);
    expect(r.scenario?.hardware.memory.hbmBandwidthBytesPerSecond).toBe(9e12);
    expect(r.ghost?.hardware.id).toBe('nvidia-h200-sxm');
    expect(r.ghost?.hardware.memory.hbmBandwidthBytesPerSecond).toBe(4.8e12);
    expect(r.target?.hardware.id).toBe('nvidia-h200-sxm');
  });
});
