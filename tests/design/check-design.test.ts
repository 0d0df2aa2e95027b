import { describe, expect, it } from 'vitest';
import { readDesign } from '../../src/design/read-design';
import { deriveDesign } from '../../src/design/derive';
import { design, rawDesign } from './helpers';

function errors(id: string, edit: (raw: Record<string, unknown>) => void) {
  const raw = rawDesign(id);
  edit(raw);
  return readDesign(raw).errors;
}

describe('physical checks of a design (messages name the field)', () => {
  it('a die beyond the reticle is refused unless the silicon is split into more dies', () => {
    const e = errors('nvidia-b200-like', (r) => { r.dieAreaMm2 = 1600; r.computeDies = 1; });
    expect(e[0]).toEqual({ path: 'dieAreaMm2', message: 'is 1,600 mm², beyond the reticle limit of 858 mm² (one exposure field); split the silicon into more computeDies (e.g. 2 dies of 800 mm²)' });
    expect(errors('nvidia-b200-like', () => {})).toEqual([]);
  });

  it('memory stacks that do not fit the shoreline are refused on memory.count', () => {
    const e = errors('nvidia-h100-like', (r) => { r.memory = { type: 'HBM3', count: 8 }; r.areaShares = { matrix: 0.5, sram: 0.1, vectorAndControl: 0.1, io: 0.3 }; });
    expect(e).toEqual([{ path: 'memory.count', message: '8 HBM3 stacks need 85.6 mm of die edge; the compute dies offer 64.2 mm facing memory, so at most 6 fit (add compute dies, enlarge the dies, use fewer, or move the PHYs to I/O dies: ioDies in a design file)' }]);
    // On I/O dies the shoreline is counted there: MI300X-like's 8 stacks sit on 4 I/O dies.
    expect(errors('amd-mi300x-like', (r) => { r.ioDies = { count: 1, areaMm2: 340 }; })[0]?.path).toBe('memory.count');
  });

  it('an I/O share too small for the PHYs is refused on areaShares.io', () => {
    const e = errors('nvidia-h100-like', (r) => { r.areaShares = { matrix: 0.65, sram: 0.145, vectorAndControl: 0.142, io: 0.063 }; });
    expect(e).toHaveLength(1);
    expect(e[0]!.path).toBe('areaShares.io');
    expect(e[0]!.message).toMatch(/^gives 51 mm² of I\/O area on the compute dies; the memory PHYs and link PHYs need 100 mm²/);
  });

  it('a die without room for its on-chip network and control is refused', () => {
    const e = errors('nvidia-h100-like', (r) => { r.areaShares = { matrix: 0.7, sram: 0.146, vectorAndControl: 0.02, io: 0.134 }; });
    expect(e.map((x) => x.path)).toEqual(['areaShares.vectorAndControl']);
  });

  it('no DRAM needs SRAM for the weights, and then SRAM holds them', () => {
    const e = errors('etched-sohu-like', (r) => { r.memory = { type: 'none', count: 0 }; r.areaShares = { matrix: 0.8, sram: 0, vectorAndControl: 0.07, io: 0.13 }; });
    expect(e).toEqual([{ path: 'areaShares.sram', message: 'must be greater than 0 when memory.type is "none": the weights need somewhere to live' }]);
    const sramOnly = design('etched-sohu-like', (r) => { r.memory = { type: 'none', count: 0 }; r.sramOrganization = 'scratchpad'; });
    expect(deriveDesign(sramOnly).profile.memory).toMatchObject({ hbmCapacityBytes: 0, sramHoldsWeights: true });
  });

  it('a power limit below what memory and links draw is refused; one below the full-clock power lowers the clock', () => {
    expect(errors('nvidia-h100-like', (r) => { r.tdpWatts = 100; })[0]).toEqual({ path: 'tdpWatts', message: 'is 100 W, below the 144 W the memory and links draw on their own; no clock can meet it' });
    const raw = rawDesign('nvidia-h100-like');
    raw.tdpWatts = 450;
    const parsed = readDesign(raw);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings[0]?.path).toBe('tdpWatts');
    const out = deriveDesign(parsed.value!);
    const clock = out.numbers.powerLimitedClockGHz!;
    expect(clock).toBeLessThan(1.83);
    // Core power scales with f^3: at the limited clock the whole chip draws tdpWatts.
    const core = out.numbers.matrixWatts + out.numbers.sramWatts;
    expect(core * (clock / 1.83) ** 3 + out.numbers.fixedWatts).toBeCloseTo(450, 6);
    expect(out.profile.power.tdpWatts).toBe(450);
    expect(out.profile.compute.denseFlopsPerSecond.bf16).toBeCloseTo(out.numbers.peakBf16FlopsPerSecond * clock / 1.83, -6);
  });
});
