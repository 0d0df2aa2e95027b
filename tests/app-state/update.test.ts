import { describe, expect, it } from 'vitest';
import { labParam } from '../../src/app-state/lab-params';
import { MAX_PICKS, labRateClass } from '../../src/app-state/update';
import { LIMITS } from '../../src/scenario/limits';
import { linkPatch } from '../../src/url/link';
import { apply, catalog, fresh } from './helpers';

describe('update', () => {
  it('never mutates the state it is given', () => {
    const s = fresh();
    const copy = structuredClone(s);
    apply(s,
      { type: 'set-view', view: 'chip-lab' },
      { type: 'set-setting', field: 'inputTokens', value: 100 },
      { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 },
      { type: 'toggle-chip', id: 'nvidia-h200-sxm', on: false },
      { type: 'lab-save' },
    );
    expect(s).toEqual(copy);
  });

  it('a lab value set over an estimated spec is the user\'s, no longer an estimate (its "*" goes with the last one)', () => {
    const sohu = catalog.hardware.get('etched-sohu')!;
    const start = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: 'etched-sohu' });
    const rc = labRateClass(start);
    expect(Object.keys(start.lab.chip.estimates)).toEqual(Object.keys(sohu.estimates));
    const typed = apply(start, { type: 'lab-set', param: 'hbmBandwidth', value: 6e12 }, { type: 'lab-set', param: 'compute', value: 4e15 });
    const left = Object.keys(typed.lab.chip.estimates);
    expect(left).not.toContain('memory.hbmBandwidthBytesPerSecond');
    expect(left).not.toContain(`compute.denseFlopsPerSecond.${rc}`);
    // Untouched estimates stay, and a price or efficiency edit removes nothing else.
    expect(left).toContain('power.tdpWatts');
    expect(left.length).toBe(Object.keys(sohu.estimates).length - 2);
    expect(Object.keys(apply(typed, { type: 'lab-set', param: 'computeEfficiency', value: 0.5 }).lab.chip.estimates)).toEqual(left);
  });

  it('a lab value set back to the original chip\'s is its estimate again: the note returns and the chip equals the original', () => {
    const sohu = catalog.hardware.get('etched-sohu')!;
    const start = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: 'etched-sohu' });
    const back = apply(start,
      { type: 'lab-set', param: 'listPrice', value: sohu.price.listPriceUsd! * 2 },
      { type: 'lab-set', param: 'listPrice', value: sohu.price.listPriceUsd! });
    expect(back.lab.chip.estimates).toEqual(start.lab.chip.estimates);
    expect(back.lab.chip).toEqual(start.lab.chip);
    // The matrix rate too, whose edit rescales the chip's other precisions.
    const h200 = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: 'nvidia-h200-sxm' });
    const rc = labRateClass(h200);
    const rate = h200.lab.chip.compute.denseFlopsPerSecond[rc]!;
    expect(apply(h200, { type: 'lab-set', param: 'compute', value: rate * 1.1 }, { type: 'lab-set', param: 'compute', value: rate }).lab.chip).toEqual(h200.lab.chip);
  });

  it('a field with an estimate note typed back to its original: the same chip, evidence and link (the note keeps its place)', () => {
    for (const [id, param, away] of [['nvidia-h200-sxm', 'listPrice', 2], ['amd-mi355x', 'scaleUpBandwidth', 600e9]] as const) {
      const start = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: id });
      const def = labParam(param)!;
      const original = def.get(start.lab.chip, labRateClass(start))!;
      const moved = apply(start, { type: 'lab-set', param, value: away });
      const back = apply(moved, { type: 'lab-set', param, value: original });
      expect(Object.keys(back.lab.chip.estimates)).toEqual(Object.keys(start.lab.chip.estimates));
      expect(back.lab.chip.efficiency.evidence).toEqual(catalog.hardware.get(id)!.efficiency.evidence);
      expect(linkPatch(back, catalog)).toEqual(linkPatch(start, catalog));
    }
  });

  it('a new price or TDP in the lab keeps the chip\'s measured evidence; a new bandwidth makes it a relative of the chip', () => {
    const start = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: 'nvidia-h200-sxm' });
    const measured = catalog.hardware.get('nvidia-h200-sxm')!.efficiency.evidence;
    expect(apply(start, { type: 'lab-set', param: 'listPrice', value: 20000 }, { type: 'lab-set', param: 'tdp', value: 900 }).lab.chip.efficiency.evidence).toEqual(measured);
    expect(apply(start, { type: 'lab-set', param: 'hbmBandwidth', value: 6e12 }).lab.chip.efficiency.evidence.basis).toBe('family');
  });

  it('an imported chip shows the evidence the catalog backs, never more', () => {
    const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
    const added = (profile: typeof h200) => apply(fresh(), { type: 'add-custom-chip', profile }).customChips.at(-1)!.efficiency.evidence;
    // The catalog's own figures: its evidence. Edited figures: its fit, as a lab edit.
    expect(added(h200)).toEqual(h200.efficiency.evidence);
    expect(added({ ...h200, memory: { ...h200.memory, hbmBandwidthBytesPerSecond: 5e12 } })).toEqual({ basis: 'family', rows: h200.efficiency.evidence.rows, from: 'nvidia-h200-sxm' });
    // What it costs and draws is no performance figure: the rows still measured this chip.
    expect(added({ ...h200, power: { ...h200.power, tdpWatts: 800 }, price: { ...h200.price, listPriceUsd: 2 } })).toEqual(h200.efficiency.evidence);
    // A chip the catalog does not know: a "measured" in the file is only a claim here.
    expect(added({ ...h200, id: 'my-chip' })).toEqual({ basis: 'claim', rows: 0, from: null });
    const prior = { ...h200, id: 'my-chip', efficiency: { ...h200.efficiency, evidence: { basis: 'prior' as const, rows: 0, from: null } } };
    expect(added(prior)).toEqual(prior.efficiency.evidence);
    // The chip lab's export of a chip edited from the H200 (family, from it): it inherits the H200's
    // fit, as it did in the lab, while it carries that fit's factors; with other factors, a claim.
    const labExport = { ...h200, id: 'nvidia-h200-sxm-lab', name: 'MyChip X', memory: { ...h200.memory, hbmBandwidthBytesPerSecond: 9e12 },
      efficiency: { ...h200.efficiency, evidence: { basis: 'family' as const, rows: 1, from: 'nvidia-h200-sxm' } } };
    expect(added(labExport)).toEqual({ basis: 'family', rows: h200.efficiency.evidence.rows, from: 'nvidia-h200-sxm' });
    expect(added({ ...labExport, efficiency: { ...labExport.efficiency, softwareStackFactor: 0.5 } })).toEqual({ basis: 'claim', rows: 0, from: null });
    // Imported under a free id: never the lab chip's own (its name and figures would be shown instead).
    const s = apply(fresh(), { type: 'add-custom-chip', profile: labExport });
    expect(s.customChips.at(-1)!.id).not.toBe(s.lab.chip.id);
  });

  it('switches only to registered views and closes the explain panel', () => {
    const s = apply(fresh(), { type: 'open-explain', hardwareId: 'x', key: 'tpotSeconds' }, { type: 'set-view', view: 'chip-lab' });
    expect(s.view).toBe('chip-lab');
    expect(s.explain).toBeNull();
    expect(apply(s, { type: 'set-view', view: '__proto__' }).view).toBe('chip-lab');
  });

  it('refuses settings outside LIMITS (never clamps), keeps null where allowed and ignores NaN', () => {
    const s = fresh();
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: 1e12 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: LIMITS.inputTokens.max }).settings.workload.inputTokens).toBe(LIMITS.inputTokens.max);
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: 12.6 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: -5 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'outputTokens', value: 0 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'prefixCacheHitRate', value: 1.5 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'maxTpotSeconds', value: -0.005 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: Number.NaN })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: null })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'inputTokens', value: s.settings.workload.inputTokens })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'maxTpotSeconds', value: null }).settings.slo.maxTpotSeconds).toBeNull();
    expect(apply(s, { type: 'set-setting', field: 'pue', value: 0.5 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'rentalUsdPerChipHour', value: 2 }).settings.economics.rentalUsdPerChipHour).toBe(2);
  });

  it('sets one or all precisions, model only when known, pricing and efficiency mode', () => {
    let s = apply(fresh(), { type: 'set-precision', precision: 'bf16' });
    expect(s.settings.precision).toEqual({ weights: 'bf16', activations: 'bf16', kvCache: 'bf16' });
    s = apply(s, { type: 'set-precision', precision: 'fp8', part: 'kvCache' });
    expect(s.settings.precision.kvCache).toBe('fp8');
    expect(apply(s, { type: 'set-model', model: 'nope' }).settings.model).toBe('llama-3.1-70b');
    expect(apply(s, { type: 'set-model', model: 'llama-3.1-8b' }).settings.model).toBe('llama-3.1-8b');
    expect(apply(s, { type: 'set-pricing', pricing: 'tco' }).settings.economics.pricing).toBe('tco');
    expect(apply(s, { type: 'set-efficiency-mode', mode: 'spec' }).settings.efficiencyMode).toBe('spec');
  });

  it('toggles chips with their default count and sets counts (clamped, or auto)', () => {
    let s = apply(fresh(), { type: 'toggle-chip', id: 'nvidia-h200-sxm', on: false });
    expect(s.compare.picks.some((p) => p.id === 'nvidia-h200-sxm')).toBe(false);
    s = apply(s, { type: 'toggle-chip', id: 'nvidia-h200-sxm', on: true });
    expect(s.compare.picks.at(-1)).toEqual({ id: 'nvidia-h200-sxm', chips: 8 });
    expect(apply(s, { type: 'toggle-chip', id: 'unknown-chip', on: true })).toBe(s);
    s = apply(s, { type: 'set-chip-count', id: 'nvidia-h200-sxm', chips: 1e9 });
    expect(s.compare.picks.at(-1)?.chips).toBe(LIMITS.chips.max);
    s = apply(s, { type: 'set-chip-count', id: 'nvidia-h200-sxm', chips: 'auto' });
    expect(s.compare.picks.at(-1)?.chips).toBe('auto');
  });

  it('caps the number of compared chips', () => {
    let s = fresh();
    for (const id of catalog.hardware.keys()) s = apply(s, { type: 'toggle-chip', id, on: true });
    expect(s.compare.picks.length).toBeLessThanOrEqual(MAX_PICKS);
  });

  it('chip lab: an efficiency carries its attention and MoE shares along, and back again after a cap', () => {
    const start = apply(fresh(), { type: 'lab-start', baseId: 'nvidia-h200-sxm' });
    const e = start.lab.chip.efficiency;
    const low = apply(start, { type: 'lab-set', param: 'memoryEfficiency', value: e.memoryEfficiency / 2 });
    expect(low.lab.chip.efficiency.attentionMemoryEfficiency).toBeCloseTo(e.attentionMemoryEfficiency / 2, 12);
    // At 100% the attention share is capped at 1; back at the original value it is the original's.
    const top = apply(low, { type: 'lab-set', param: 'memoryEfficiency', value: 1 });
    expect(top.lab.chip.efficiency.attentionMemoryEfficiency).toBe(1);
    const back = apply(top, { type: 'lab-set', param: 'memoryEfficiency', value: e.memoryEfficiency },
      { type: 'lab-set', param: 'computeEfficiency', value: 1 }, { type: 'lab-set', param: 'computeEfficiency', value: e.computeEfficiency });
    for (const [k, v] of Object.entries(e)) if (typeof v === 'number') expect(back.lab.chip.efficiency[k as keyof typeof e], k).toBeCloseTo(v, 12);
  });

  it('chip lab: starts from a profile or blank, edits with clamping, saves as a custom chip', () => {
    let s = apply(fresh(), { type: 'lab-start', baseId: 'amd-mi300x' });
    expect(s.lab.baseId).toBe('amd-mi300x');
    expect(s.lab.chip.id).toBe('amd-mi300x-lab');
    s = apply(s, { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 });
    expect(s.lab.chip.memory.hbmBandwidthBytesPerSecond).toBe(9e12);
    s = apply(s, { type: 'lab-set', param: 'computeEfficiency', value: 7 });
    expect(s.lab.chip.efficiency.computeEfficiency).toBe(1);
    s = apply(s, { type: 'lab-set', param: 'domainSize', value: 7.6 });
    expect(s.lab.chip.scaleUp.domainSize).toBe(8);
    const rc = labRateClass(s);
    const before = s.lab.chip.compute.denseFlopsPerSecond;
    s = apply(s, { type: 'lab-set', param: 'compute', value: 2 * before[rc]! });
    expect(s.lab.chip.compute.denseFlopsPerSecond.bf16).toBeCloseTo(2 * before.bf16!, -3);
    expect(labParam('compute')!.get(s.lab.chip, rc)).toBeCloseTo(2 * before[rc]!, -3);
    s = apply(s, { type: 'lab-set-name', name: '  My <b>chip</b>  ' }, { type: 'lab-save' });
    // The same chip again adds nothing (it added an identical "(2)" row).
    expect(apply(s, { type: 'lab-save' })).toBe(s);
    // Another chip under the same name, or under a catalog chip's name, is added under a numbered name.
    s = apply(s, { type: 'lab-set', param: 'tdp', value: 900 }, { type: 'lab-save' },
      { type: 'lab-set-name', name: 'NVIDIA H100 SXM5 80GB' }, { type: 'lab-save' });
    // Saved copies never take the lab chip's own id (which names and figures are looked up by).
    expect(s.customChips.map((c) => c.id)).toEqual(['amd-mi300x-lab-2', 'amd-mi300x-lab-3', 'amd-mi300x-lab-4']);
    expect(s.customChips.map((c) => c.name)).toEqual(['My <b>chip</b>', 'My <b>chip</b> (2)', 'NVIDIA H100 SXM5 80GB (2)']);
    expect(s.compare.picks.slice(-3).map((p) => p.id)).toEqual(['amd-mi300x-lab-2', 'amd-mi300x-lab-3', 'amd-mi300x-lab-4']);
    const blank = apply(s, { type: 'lab-start', baseId: null });
    expect(blank.lab.baseId).toBeNull();
    expect(blank.lab.chip.name).toBe('Custom chip');
    expect(apply(s, { type: 'lab-start', baseId: 'nope' })).toBe(s);
  });

  it('imports custom chips and models under free ids, and removes them everywhere', () => {
    const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
    let s = apply(fresh(), { type: 'add-custom-chip', profile: h200 });
    expect(s.customChips[0]?.id).toBe('nvidia-h200-sxm-2');
    const m = catalog.models.get('llama-3.1-8b')!;
    s = apply(s, { type: 'add-custom-model', model: m });
    expect(s.settings.model).toBe('llama-3.1-8b-2');
    s = apply(s, { type: 'remove-custom-chip', id: 'nvidia-h200-sxm-2' }, { type: 'remove-custom-model', id: 'llama-3.1-8b-2' });
    expect(s.customChips).toEqual([]);
    expect(s.compare.picks.some((p) => p.id === 'nvidia-h200-sxm-2')).toBe(false);
    expect(catalog.models.has(s.settings.model)).toBe(true);
  });

  it('opens and closes explanations', () => {
    const s = apply(fresh(), { type: 'open-explain', hardwareId: 'nvidia-h200-sxm', key: 'tpotSeconds' });
    expect(s.explain).toEqual({ hardwareId: 'nvidia-h200-sxm', key: 'tpotSeconds' });
    expect(apply(s, { type: 'close-explain' }).explain).toBeNull();
  });

  it('bounds sweep sizes and family', () => {
    expect(apply(fresh(), { type: 'set-sweep-sizes', sizes: 1e6 }).modelSize.sizes).toBe(32);
    expect(apply(fresh(), { type: 'set-family', family: 'moe' }).modelSize.family).toBe('moe');
  });
});

describe('imported models', () => {
  it('can be renamed (trimmed, bounded, never empty) and removed', () => {
    const model = { ...structuredClone(catalog.models.get('llama-3.1-8b')!), id: 'imported-model', name: 'imported-model' };
    const s = apply(fresh(), { type: 'add-custom-model', model });
    const renamed = apply(s, { type: 'rename-custom-model', id: 'imported-model', name: '  My   8B  ' });
    expect(renamed.customModels[0]!.name).toBe('My 8B');
    expect(renamed.customModels[0]!.id).toBe('imported-model');
    expect(apply(renamed, { type: 'rename-custom-model', id: 'imported-model', name: '   ' })).toBe(renamed);
    expect(apply(renamed, { type: 'rename-custom-model', id: 'llama-3.1-8b', name: 'Not mine' })).toBe(renamed);
    expect(apply(renamed, { type: 'rename-custom-model', id: 'imported-model', name: 'x'.repeat(200) }).customModels[0]!.name).toHaveLength(80);
    const removed = apply(renamed, { type: 'remove-custom-model', id: 'imported-model' });
    expect(removed.customModels).toEqual([]);
    // Back to the default model, not the catalog's first by name (DeepSeek-R1).
    expect(removed.settings.model).toBe('llama-3.1-70b');
  });
});
