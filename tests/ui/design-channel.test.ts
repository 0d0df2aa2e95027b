import { describe, expect, it } from 'vitest';
import { designSweepChannel } from '../../src/app/design-channels';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { sweepShares } from '../../src/design/matrix-share';
import { workerApi } from '../../src/worker-api';
import { designExplainEntry } from '../../src/ui/design-explain';
import { apply, catalog, fresh } from '../app-state/helpers';

const H100 = DESIGN_PRESETS.get('nvidia-h100-like')!;

describe('design sweep channel and worker method', () => {
  it('plans nothing while design mode is off', () => {
    expect(designSweepChannel.plan(fresh(), catalog)).toBeNull();
  });

  it('splits the sweep over jobs on the lab workload; the worker method runs them; assembly finds the optimum', () => {
    const state = apply(fresh(), { type: 'set-model', model: 'llama-3.1-8b' }, { type: 'set-view', view: 'chip-lab' },
      { type: 'design-start', design: H100 }, { type: 'lab-set-chips', chips: 1 });
    const plan = designSweepChannel.plan(state, catalog)!;
    const shares = sweepShares(H100);
    expect(plan.jobs.length).toBe(Math.ceil(shares.length / 4));
    expect(plan.jobs.flatMap((j) => (j.args as unknown[])[3] as number[])).toEqual(shares);
    const results = plan.jobs.map((j) => {
      const [base, chips, design, s] = j.args as Parameters<typeof workerApi.designSweep>;
      expect(chips).toBe(1);
      expect(design).toEqual(H100);
      return workerApi.designSweep(base, chips, design, s);
    });
    const sweep = plan.assemble(results);
    expect(sweep.points.map((p) => p.matrixShare)).toEqual(shares);
    expect(sweep.current).toBe(H100.areaShares.matrix);
    const cheapest = Math.min(...sweep.points.flatMap((p) => (p.usdPerMillionOutputTokens === null ? [] : [p.usdPerMillionOutputTokens])));
    expect(sweep.optimum?.usdPerMillionOutputTokens).toBe(cheapest);
    // Plain data crosses the worker boundary.
    expect(structuredClone(sweep)).toEqual(sweep);
    // A change of workload is a new key (the controller reruns the channel).
    expect(designSweepChannel.plan(apply(state, { type: 'set-setting', field: 'inputTokens', value: 4096 }), catalog)!.key).not.toBe(plan.key);
  });
});

describe('design explanations', () => {
  it('turns a derivation entry of the lab chip into an explain entry with its range and sources', () => {
    const state = apply(fresh(), { type: 'design-start', design: H100 });
    const entry = designExplainEntry(state.lab.chip, 'design:price.listPriceUsd')!;
    expect(entry.label).toBe('Price');
    expect(entry.formula).toContain('build cost / (1 − vendor margin)');
    expect(entry.formula).toMatch(/Range \$[\d,]+ to \$[\d,]+/);
    expect(designExplainEntry(state.lab.chip, 'design:compute.denseFlopsPerSecond.bf16')!.inputs.some((i) => (i.source ?? '').includes('range 584 to 725'))).toBe(true);
    expect(designExplainEntry(state.lab.chip, 'tpotSeconds')).toBeUndefined();
    expect(designExplainEntry(fresh().lab.chip, 'design:price.listPriceUsd')).toBeUndefined();
  });
});
