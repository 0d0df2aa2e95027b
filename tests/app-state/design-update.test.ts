import { describe, expect, it } from 'vitest';
import { DESIGN_PARAMS, editDesign } from '../../src/app-state/design-params';
import { deriveDesign } from '../../src/design/derive';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { labPricedState } from '../../src/app-state/lab-pricing';
import { labRequest } from '../../src/app-state/requests';
import { apply, catalog, fresh } from './helpers';

const H100 = DESIGN_PRESETS.get('nvidia-h100-like')!;
const start = () => apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: H100 });

describe('chip lab design mode', () => {
  it('starting a design makes its derived profile the lab chip, the stock chip the ghost, and the lab prices by TCO', () => {
    const s = start();
    expect(s.design).toEqual(H100);
    expect(s.lab.chip).toEqual(deriveDesign(H100).profile);
    expect(s.lab.baseId).toBe('nvidia-h100-sxm');
    expect(fresh().design).toBeNull();
    // The lab's runs (design, ghost, break-even target) are priced by TCO; the Pricing setting stays.
    expect(fresh().settings.economics.pricing).toBe('rental');
    expect(s.settings.economics.pricing).toBe('rental');
    const r = labRequest(s, catalog);
    expect([r.scenario, r.ghost, r.target].map((x) => x?.economics.pricing)).toEqual(['tco', 'tco', 'tco']);
    expect(labRequest(fresh(), catalog).scenario?.economics.pricing).toBe('rental');
    const plain = fresh();
    expect(labPricedState(plain)).toBe(plain);
  });

  it('leaving design mode prices the lab by the Pricing setting again, which the design never changed', () => {
    const out = apply(start(), { type: 'design-exit' });
    expect(out.settings).toEqual(fresh().settings);
    expect(labRequest(out, catalog).scenario?.economics.pricing).toBe('rental');
    const tco = apply(fresh(), { type: 'set-pricing', pricing: 'tco' });
    const s = apply(tco, { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: H100 });
    expect(labPricedState(s)).toBe(s);
    expect(apply(s, { type: 'design-exit' }).settings.economics.pricing).toBe('tco');
  });

  it('each slider edits the design and the lab chip follows', () => {
    const s = apply(start(), { type: 'design-set', param: 'matrixShare', value: 0.65 });
    expect(s.design!.areaShares.matrix).toBe(0.65);
    expect(s.lab.chip.compute.denseFlopsPerSecond.bf16!).toBeGreaterThan(start().lab.chip.compute.denseFlopsPerSecond.bf16!);
    const n = apply(s, { type: 'design-choose', field: 'processNode', value: 'N3' });
    expect(n.design!.processNode).toBe('N3');
    expect(n.lab.chip.compute.denseFlopsPerSecond.bf16!).toBeGreaterThan(s.lab.chip.compute.denseFlopsPerSecond.bf16!);
  });

  it('an edit that cannot be built is refused with a reason naming the field, and the state stays', () => {
    const s = start();
    expect(apply(s, { type: 'design-set', param: 'memoryCount', value: 9 })).toBe(s);
    const refused = editDesign(H100, { kind: 'param', param: 'memoryCount', value: 9 });
    expect(refused.ok).toBe(false);
    // Named as the slider is, not by the record's field path.
    expect(!refused.ok && refused.error).toMatch(/^(Memory stacks|I\/O share): /);
    const crowded = editDesign(H100, { kind: 'param', param: 'ioShare', value: 0.4 });
    const squeezed = editDesign(crowded.ok ? crowded.design : H100, { kind: 'param', param: 'sramShare', value: 0.6 });
    expect(!squeezed.ok && squeezed.error).toMatch(/^The area left for vector and control/);
    // In the sliders' percent, not as a 0-to-1 field range.
    const overfull = editDesign(H100, { kind: 'param', param: 'sramShare', value: 0.99 });
    expect(!overfull.ok && overfull.error).toMatch(/^The area left for vector and control \(100% minus the matrix, SRAM and I\/O shares\): would be -\d+(\.\d)?%: .*lower one of them$/);
    expect(apply(s, { type: 'design-choose', field: 'processNode', value: 'N6' })).toBe(s);
    expect(apply(s, { type: 'design-set', param: 'dieAreaMm2', value: Number.NaN })).toBe(s);
  });

  it('every slider\'s whole range is either a buildable design or refused, never a broken state', () => {
    for (const def of DESIGN_PARAMS) {
      for (const v of [def.slider.min, (def.slider.min + def.slider.max) / 2, def.slider.max]) {
        const r = editDesign(H100, { kind: 'param', param: def.id, value: v });
        if (r.ok) expect(deriveDesign(r.design).errors, `${def.id}=${v}`).toEqual([]);
      }
    }
  });

  it('switching memory type keeps a count; "none" has none', () => {
    const s = apply(start(), { type: 'design-choose', field: 'sramOrganization', value: 'scratchpad' }, { type: 'design-choose', field: 'memoryType', value: 'none' });
    expect(s.design!.memory).toEqual({ type: 'none', count: 0 });
    expect(s.lab.chip.memory.sramHoldsWeights).toBe(true);
    // Memory back: the starting design's stack count, not one stack (it read 24 GB at 2 TB/s).
    const back = apply(s, { type: 'design-choose', field: 'memoryType', value: 'HBM3' });
    expect(back.design!.memory.count).toBe(DESIGN_PRESETS.get(s.design!.id)!.memory.count);
    expect(back.design!.memory.count).toBeGreaterThan(1);
    // Where the I/O area cannot fit that many (HBM4's PHYs are larger), the most that fit, never a refusal.
    const hbm4 = apply(s, { type: 'design-choose', field: 'memoryType', value: 'HBM4' });
    expect(hbm4.design!.memory.type).toBe('HBM4');
    expect(hbm4.design!.memory.count).toBeGreaterThanOrEqual(1);
    expect(hbm4.design!.memory.count).toBeLessThan(back.design!.memory.count);
  });

  it('editing the lab chip by hand, or starting another chip, leaves design mode; exiting keeps the chip', () => {
    expect(apply(start(), { type: 'lab-set', param: 'tdp', value: 500 }).design).toBeNull();
    expect(apply(start(), { type: 'lab-start', baseId: 'nvidia-b200' }).design).toBeNull();
    expect(apply(start(), { type: 'lab-set-chips', chips: 16 }).design).toEqual(H100);
    const out = apply(start(), { type: 'design-exit' });
    expect(out.design).toBeNull();
    expect(out.lab.chip).toEqual(start().lab.chip);
  });
});
