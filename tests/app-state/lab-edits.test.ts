// "Start from" and Reset replace the chip lab: labHasEdits says when that would throw away what the
// user did (the page then offers Undo), and lab-restore brings the replaced lab back.
import { describe, expect, it } from 'vitest';
import { designHasEdits, labHasEdits } from '../../src/app-state/lab-edits';
import { DEFAULT_DESIGN_ID, DESIGN_PRESETS } from '../../src/design/presets';
import { apply, catalog, fresh } from './helpers';

describe('lab edits and undo', () => {
  const start = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: 'nvidia-h200-sxm' });

  it('a fresh start, from a chip or blank, holds no edits', () => {
    expect(labHasEdits(start, catalog)).toBe(false);
    expect(labHasEdits(fresh(), catalog)).toBe(false);
    expect(labHasEdits(apply(start, { type: 'lab-start', baseId: null }), catalog)).toBe(false);
  });

  it('a changed value, name or chip count is an edit; a value set back to the original is not', () => {
    expect(labHasEdits(apply(start, { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 }), catalog)).toBe(true);
    expect(labHasEdits(apply(start, { type: 'lab-set-name', name: 'My H200' }), catalog)).toBe(true);
    expect(labHasEdits(apply(start, { type: 'lab-set-chips', chips: 16 }), catalog)).toBe(true);
    const price = start.lab.chip.price.listPriceUsd!;
    const back = apply(start, { type: 'lab-set', param: 'listPrice', value: price * 2 }, { type: 'lab-set', param: 'listPrice', value: price });
    expect(labHasEdits(back, catalog)).toBe(false);
  });

  it('a lab whose starting chip is gone counts as edited (it cannot be started again)', () => {
    const gone = { ...start, lab: { ...start.lab, baseId: 'no-such-chip' } };
    expect(labHasEdits(gone, catalog)).toBe(true);
  });

  it('lab-restore brings the replaced lab back whole and leaves the rest of the state alone', () => {
    const edited = apply(start, { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 }, { type: 'lab-set-name', name: 'Fast H200' });
    const replaced = apply(edited, { type: 'lab-start', baseId: 'amd-mi300x' });
    expect(replaced.lab.baseId).toBe('amd-mi300x');
    const restored = apply(replaced, { type: 'lab-restore', lab: edited.lab, design: null });
    expect(restored.lab).toEqual(edited.lab);
    expect({ ...restored, lab: null }).toEqual({ ...replaced, lab: null });
    expect(apply(restored, { type: 'lab-restore', lab: restored.lab, design: null })).toBe(restored);
  });

  it('undoing "Design from silicon" leaves design mode with the hand-edited chip back', () => {
    const edited = apply(start, { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 });
    const designed = apply(edited, { type: 'design-start', design: DESIGN_PRESETS.get(DEFAULT_DESIGN_ID)! });
    expect(designed.design).not.toBeNull();
    expect(designed.lab.chip.name).not.toBe(edited.lab.chip.name);
    const restored = apply(designed, { type: 'lab-restore', lab: edited.lab, design: edited.design });
    expect(restored.design).toBeNull();
    expect(restored.lab).toEqual(edited.lab);
  });

  it('a design is edited once it leaves its preset; a preset itself is not', () => {
    const preset = DESIGN_PRESETS.get(DEFAULT_DESIGN_ID)!;
    const designed = apply(start, { type: 'design-start', design: preset });
    expect(designHasEdits(designed.design!)).toBe(false);
    const moved = apply(designed, { type: 'design-choose', field: 'processNode', value: 'N3' });
    expect(moved.design).not.toEqual(designed.design);
    expect(designHasEdits(moved.design!)).toBe(true);
    expect(designHasEdits({ ...preset, id: 'not-a-preset' })).toBe(true);
  });
});
