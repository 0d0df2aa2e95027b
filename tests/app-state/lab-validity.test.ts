import { describe, expect, it } from 'vitest';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { apply, fresh } from './helpers';
import { labParam, labValueRefusal } from '../../src/app-state/lab-params';
import { parseQuantity } from '../../src/scenario/parse-quantity';
import { labEditRefusal } from '../../src/app-state/lab-validity';
import { labParamNote } from '../../src/app-state/pricing-notes';
import { DESIGN_PRESETS } from '../../src/design/presets';

describe('the chip lab keeps its chip a valid profile (so it can be saved and shared)', () => {
  it('weights in SRAM on a chip without SRAM bandwidth get the SRAM of one Groq LPU', () => {
    const s = apply(fresh(), { type: 'lab-start', baseId: null }, { type: 'lab-set-sram-weights', on: true });
    expect(s.lab.chip.memory.sramHoldsWeights).toBe(true);
    expect(s.lab.chip.memory.sramBandwidthBytesPerSecond).toBe(80e12);
    expect(parseHardwareProfile(s.lab.chip).errors).toEqual([]);
  });

  it('no HBM means the weights live in SRAM', () => {
    const s = apply(fresh(), { type: 'lab-set', param: 'hbmCapacity', value: 0 });
    expect(s.lab.chip.memory.sramHoldsWeights).toBe(true);
    expect(parseHardwareProfile(s.lab.chip).errors).toEqual([]);
  });

  it('edits that cannot be completed are refused', () => {
    const before = fresh();
    expect(apply(before, { type: 'lab-set', param: 'hbmBandwidth', value: 0 })).toBe(before);
    const sramOnly = apply(before, { type: 'lab-set', param: 'hbmCapacity', value: 0 });
    expect(sramOnly).not.toBe(before);
    expect(apply(sramOnly, { type: 'lab-set-sram-weights', on: false })).toBe(sramOnly);
  });

  it('says why an edit the field allows cannot stand on the whole chip (shown beside the field)', () => {
    const chip = fresh().lab.chip;
    for (const id of ['hbmBandwidth', 'scaleUpBandwidth'] as const) {
      const def = labParam(id)!;
      expect(labValueRefusal(def, 0, '0'), id).toBeNull();
      expect(labEditRefusal(def, chip, 0, 'fp8'), id).toMatch(/^Not applied: /);
    }
    // A matrix rate of 0 is outside the field's own range (from 1 GFLOP/s): the field refuses it.
    expect(labValueRefusal(labParam('compute')!, 0, '0')).toMatch(/^Not applied: 0 is outside the accepted range/);
    // A number past the float range is refused like 1e30, quoting the accepted range (the field passes it on).
    const beyond = parseQuantity('Infinity', 'bytes-per-second', 1e12);
    expect(!beyond.ok && beyond.beyond).toBe(Infinity);
    expect(labValueRefusal(labParam('hbmBandwidth')!, Infinity, 'Infinity')).toMatch(/^Not applied: Infinity is outside the accepted range; .*TB\/s/);
    // Completed edits and ordinary values are not refused.
    expect(labEditRefusal(labParam('hbmCapacity')!, chip, 0, 'fp8')).toBeNull();
    expect(labEditRefusal(labParam('hbmBandwidth')!, chip, 6e12, 'fp8')).toBeNull();
    // Without HBM a typed bandwidth is refused for what it is: the capacity comes first.
    const sramOnly = apply(fresh(), { type: 'lab-set', param: 'hbmCapacity', value: 0 }).lab.chip;
    expect(labEditRefusal(labParam('hbmBandwidth')!, sramOnly, 7e12, 'fp8')).toMatch(/no HBM \(capacity 0\); set HBM capacity above 0 first/);
  });

  it('removing the custom chip that is the break-even target falls back to the default target', () => {
    const saved = apply(fresh(), { type: 'lab-save' }, { type: 'lab-set-target', id: 'nvidia-h200-sxm-lab-2' });
    expect(saved.lab.breakEvenTargetId).toBe('nvidia-h200-sxm-lab-2');
    const s = apply(saved, { type: 'remove-custom-chip', id: 'nvidia-h200-sxm-lab-2' });
    expect(s.lab.breakEvenTargetId).toBe('nvidia-h200-sxm');
  });
});

describe('HBM removed and added back', () => {
  it('gets a bandwidth again', () => {
    const s = apply(fresh(), { type: 'lab-set', param: 'hbmCapacity', value: 0 }, { type: 'lab-set', param: 'hbmCapacity', value: 96e9 });
    expect(s.lab.chip.memory.hbmCapacityBytes).toBe(96e9);
    expect(s.lab.chip.memory.hbmBandwidthBytesPerSecond).toBeGreaterThan(0);
    expect(parseHardwareProfile(s.lab.chip).errors).toEqual([]);
  });

  it('back to where it was: the start chip\'s HBM bandwidth and SRAM come back with its HBM', () => {
    const start = fresh();
    const original = start.lab.chip.memory;
    const s = apply(start, { type: 'lab-set', param: 'hbmCapacity', value: 0 }, { type: 'lab-set', param: 'hbmCapacity', value: original.hbmCapacityBytes });
    expect(s.lab.chip.memory).toEqual(original);
    // An SRAM size the user chose while the HBM was gone stays.
    const kept = apply(start, { type: 'lab-set', param: 'hbmCapacity', value: 0 }, { type: 'lab-set', param: 'sramCapacity', value: 500e6 },
      { type: 'lab-set', param: 'hbmCapacity', value: original.hbmCapacityBytes });
    expect(kept.lab.chip.memory.sramCapacityBytes).toBe(500e6);
    expect(kept.lab.chip.memory.sramHoldsWeights).toBe(false);
    expect(kept.lab.chip.memory.hbmBandwidthBytesPerSecond).toBe(original.hbmBandwidthBytesPerSecond);
  });

  it("the user's own bandwidth comes back, not the start chip's, and the bandwidth field says why it is 0 meanwhile", () => {
    const edited = apply(fresh(), { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 });
    const gone = apply(edited, { type: 'lab-set', param: 'hbmCapacity', value: 0 }, { type: 'lab-set', param: 'sramCapacity', value: 300e6 });
    expect(gone.lab.chip.memory.hbmBandwidthBytesPerSecond).toBe(0);
    expect(labParamNote('hbmBandwidth', gone)).toMatch(/^No HBM \(capacity 0\).* brings back 9 TB\/s\.$/);
    expect(labParamNote('hbmBandwidth', edited)).toBeNull();
    const back = apply(gone, { type: 'lab-set', param: 'hbmCapacity', value: 2e12 });
    expect(back.lab.chip.memory.hbmBandwidthBytesPerSecond).toBe(9e12);
    expect(back.lab.hbmBandwidthBeforeRemoval).toBeUndefined();
  });
});

describe('typed chip-lab values: refused outside the profile bounds, never clamped', () => {
  const def = (id: string) => labParam(id)!;

  it('refuses a purchase price of 0 or $1e9 and an efficiency of 150%, naming the accepted range', () => {
    expect(labValueRefusal(def('listPrice'), 0, '0')).toMatch(/^Not applied: 0 is outside the accepted range; enter .*from \$1 to \$100,000,000\.$/);
    expect(labValueRefusal(def('rentalPrice'), -1, '-1')).toMatch(/^Not applied: -1 is outside the accepted range; enter a number from \$0\.001 to \$100,000\/chip-hour\.$/);
    expect(labValueRefusal(def('listPrice'), 1e9, '$1e9')).toMatch(/^Not applied: \$1e9 is outside the accepted range/);
    expect(labValueRefusal(def('computeEfficiency'), 1.5, '150%')).toMatch(/from 1% to 100%/);
  });

  it('takes values inside the bounds, and zero where the profile allows it (no HBM)', () => {
    expect(labValueRefusal(def('listPrice'), 35_000, '$35k')).toBeNull();
    expect(labValueRefusal(def('computeEfficiency'), 0.65, '65%')).toBeNull();
    expect(labValueRefusal(def('hbmCapacity'), 0, '0')).toBeNull();
  });

  it('refuses a fractional scale-up domain', () => {
    expect(labValueRefusal(def('domainSize'), 7.5, '7.5')).toMatch(/not a whole number/);
  });
});

describe('the evidence of the lab chip (issue 11: a number\'s evidence must be visible)', () => {
  const h200 = () => apply(fresh(), { type: 'lab-start', baseId: 'nvidia-h200-sxm' });

  it('is the original\'s while the figures are the original\'s; an edit makes it a family chip of the original, undone by undoing the edit', () => {
    const start = h200();
    const own = start.lab.chip.efficiency.evidence;
    expect(own.basis).toBe('measured');
    const original = start.lab.chip.efficiency.computeEfficiency;
    const edited = apply(start, { type: 'lab-set', param: 'computeEfficiency', value: 0.5 });
    expect(edited.lab.chip.efficiency.evidence).toEqual({ basis: 'family', rows: own.rows, from: 'nvidia-h200-sxm' });
    expect(apply(edited, { type: 'lab-set', param: 'hbmCapacity', value: 200e9 }).lab.chip.efficiency.evidence.basis).toBe('family');
    expect(apply(edited, { type: 'lab-set', param: 'computeEfficiency', value: original }).lab.chip.efficiency.evidence).toEqual(own);
    // A new name is not a new chip.
    expect(apply(start, { type: 'lab-set-name', name: 'My H200' }).lab.chip.efficiency.evidence).toEqual(own);
  });

  it('a chip with weaker evidence keeps it when edited (a blank chip stays on the prior)', () => {
    const blank = apply(fresh(), { type: 'lab-start', baseId: null });
    const basis = blank.lab.chip.efficiency.evidence.basis;
    expect(basis).not.toBe('measured');
    expect(apply(blank, { type: 'lab-set', param: 'hbmCapacity', value: 200e9 }).lab.chip.efficiency.evidence.basis).toBe(basis);
    // A design's chip is on the prior; edited by hand beside its measured stock chip, it stays there.
    const design = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: DESIGN_PRESETS.get('nvidia-h100-like')! });
    expect(design.lab.chip.efficiency.evidence.basis).toBe('prior');
    expect(apply(design, { type: 'lab-set', param: 'hbmCapacity', value: 100e9 }).lab.chip.efficiency.evidence.basis).toBe('prior');
  });

  it('an efficiency share whose proportional attention or MoE share would fall under 1% is refused with the lowest share that works, in percent', () => {
    const h200 = apply(fresh(), { type: 'set-view', view: 'chip-lab' }).lab.chip;
    const def = labParam('computeEfficiency')!;
    // H200: MoE compute share 0.391 beside a dense 0.646, so the dense share needs 0.646 / 0.391 % = 1.65%.
    const lowest = (0.01 * h200.efficiency.computeEfficiency) / h200.efficiency.moeComputeEfficiency;
    const message = labEditRefusal(def, h200, lowest * 0.9, 'fp8');
    expect(message).toBe(`Not applied: the attention and MoE shares move with Compute efficiency, and below ${Math.ceil(lowest * 1000) / 10}% one of them would fall under 1%; enter at least ${Math.ceil(lowest * 1000) / 10}%.`);
    expect(labEditRefusal(def, h200, Math.ceil(lowest * 1000) / 1000, 'fp8')).toBeNull();
  });

  it('a field that allows 0 apart from its range names the 0 when it refuses a value', () => {
    const hbm = labParam('hbmCapacity')!;
    expect(labValueRefusal(hbm, 0, '0')).toBeNull();
    expect(labValueRefusal(hbm, -5e9, '-5')).toBe('Not applied: -5 is outside the accepted range; enter 0 GB or a number from 0.000001 to 10,000 GB.');
  });
});
