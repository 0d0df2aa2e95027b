// A value set in the chip lab is cited as the lab's, never as the datasheet's (explain panel).
import { describe, expect, it } from 'vitest';
import { labRateClass } from '../../src/app-state/update';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';
import type { HardwareProfile } from '../../src/engine/types';
import { apply, catalog, fresh } from './helpers';

const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
const inLab = () => apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'lab-start', baseId: 'nvidia-h200-sxm' });

function explainSource(chip: HardwareProfile, input: string): string {
  const r = simulate(resolveScenario({ ...defaultScenario(), hardware: chip, chips: 8 }, catalog).value!, { frontier: false });
  const found = r.explain.flatMap((e) => e.inputs).find((i) => i.name === input);
  expect(found, input).toBeDefined();
  return found!.source ?? '';
}

describe('lab entries', () => {
  it('a typed HBM bandwidth is cited as entered, naming the value it replaced; untouched values keep their sources', () => {
    const chip = apply(inLab(), { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 }).lab.chip;
    expect(chip.entered).toEqual({ 'memory.hbmBandwidthBytesPerSecond': `HBM bandwidth, replacing ${h200.name}'s 4.8 TB/s` });
    expect(explainSource(chip, 'HBM bandwidth'))
      .toBe(`set in the chip lab: HBM bandwidth, replacing ${h200.name}'s 4.8 TB/s; the sources give the replaced value: ${h200.sources.memory!.join('; ')}`);
    expect(explainSource(chip, 'capacity per chip')).not.toContain('set in the chip lab');
    expect(explainSource(h200, 'HBM bandwidth')).toBe(h200.sources.memory!.join('; '));
    // Provenance is part of the profile: it survives the parse step every saved or linked chip goes through.
    expect(parseHardwareProfile(structuredClone(chip)).value!.entered).toEqual(chip.entered);
  });

  it('one entry per edited value; typed back, the entries go and the chip is the original again', () => {
    const start = inLab();
    const rate = start.lab.chip.compute.denseFlopsPerSecond[labRateClass(start)]!;
    const edited = apply(start,
      { type: 'lab-set', param: 'compute', value: rate * 2 },
      { type: 'lab-set', param: 'tdp', value: 1000 },
      { type: 'lab-set', param: 'tdp', value: 1200 });
    expect(Object.keys(edited.lab.chip.entered!)).toEqual(['compute.denseFlopsPerSecond', 'power.tdpWatts']);
    expect(edited.lab.chip.entered!['compute.denseFlopsPerSecond']).toBe(`Dense matrix rate: every format x2 of ${h200.name}'s`);
    expect(edited.lab.chip.entered!['power.tdpWatts']).toBe(`Power (TDP), replacing ${h200.name}'s 700 W`);
    // The replaced value in the words of the lab's own field ("$3.59/h").
    expect(apply(start, { type: 'lab-set', param: 'rentalPrice', value: 5 }).lab.chip.entered!['price.rentalUsdPerChipHour'])
      .toBe(`Rental price, replacing ${h200.name}'s $3.59/h`);
    const back = apply(edited, { type: 'lab-set', param: 'compute', value: rate }, { type: 'lab-set', param: 'tdp', value: h200.power.tdpWatts });
    expect(back.lab.chip.entered).toBeUndefined();
    expect(back.lab.chip).toEqual(start.lab.chip);
  });

  it('a typed software factor is cited as entered ahead of the evidence it started from', () => {
    const chip = apply(inLab(), { type: 'lab-set', param: 'softwareStackFactor', value: 0.5 }).lab.chip;
    expect(explainSource(chip, 'weight-streaming share in use'))
      .toMatch(new RegExp(`^set in the chip lab: Software-stack factor, replacing ${h200.name}'s ${String(Number((h200.efficiency.softwareStackFactor * 100).toFixed(1))).replace('.', '\\.')}%; evidence "family"`));
  });

  it('a chip saved from the lab keeps its entries when edited again', () => {
    const saved = apply(inLab(), { type: 'lab-set', param: 'hbmBandwidth', value: 9e12 }, { type: 'lab-save' });
    const custom = saved.customChips[saved.customChips.length - 1]!;
    const again = apply(saved, { type: 'lab-start', baseId: custom.id }, { type: 'lab-set', param: 'tdp', value: 900 });
    expect(Object.keys(again.lab.chip.entered!)).toEqual(['memory.hbmBandwidthBytesPerSecond', 'power.tdpWatts']);
    expect(again.lab.chip.entered!['power.tdpWatts']).toBe(`Power (TDP), replacing ${custom.name}'s 700 W`);
  });
});
