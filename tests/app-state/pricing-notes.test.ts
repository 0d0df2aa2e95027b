// The chip lab says which prices do not count under the current pricing mode, and when the
// break-even target's price is an estimated rental.

import { describe, expect, it } from 'vitest';
import { breakEvenBasisNote, labParamNote, pricingBasis } from '../../src/app-state/pricing-notes';
import { apply, catalog, fresh } from './helpers';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';
import { simulate } from '../../src/engine/simulate';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

describe('chip lab pricing notes', () => {
  it('under Rental the purchase price and power have no effect, and say so; the rental price counts', () => {
    const s = fresh();
    expect(s.settings.economics.pricing).toBe('rental');
    expect(labParamNote('listPrice', s)).toMatch(/^Not used now: Pricing is "Rental"/);
    expect(labParamNote('tdp', s)).toMatch(/No effect on cost now/);
    expect(labParamNote('rentalPrice', s)).toBeNull();
    expect(labParamNote('hbmBandwidth', s)).toBeNull();
  });

  it('a rental that would repay the purchase price within 1,000 hours is kept, with a note asking to check it', () => {
    const s = apply(fresh(), { type: 'lab-set', param: 'rentalPrice', value: 25_000 });
    expect(s.lab.chip.price.rentalUsdPerChipHour).toBe(25_000);
    expect(labParamNote('rentalPrice', s)).toBe('Check this value: at $25,000 per chip-hour, renting costs the chip\'s purchase price ($35,000) '
      + 'every 1.4 hours (market rentals take years). A purchase price typed as a rental?');
    // Every market rental of the catalog repays its chip in years, not hours: none of them is questioned.
    for (const id of ['nvidia-gb200-nvl72', 'google-tpu-v5e', 'nvidia-h200-sxm']) {
      expect(labParamNote('rentalPrice', apply(fresh(), { type: 'lab-start', baseId: id })), id).toBeNull();
    }
  });

  it('under TCO a purchase price the rental would repay within 1,000 hours is kept, with a note asking to check it', () => {
    const s = apply(fresh(), { type: 'set-pricing', pricing: 'tco' }, { type: 'lab-set', param: 'listPrice', value: 5 });
    expect(s.lab.chip.price.listPriceUsd).toBe(5);
    expect(labParamNote('listPrice', s)).toBe('Check this value: the chip\'s rental price ($3.59 per chip-hour) would repay a purchase price of $5 '
      + 'in 1.4 hours (market rentals take years). A rental typed as the purchase price, or the reverse?');
    expect(labParamNote('listPrice', apply(fresh(), { type: 'set-pricing', pricing: 'tco' }))).toBeNull();
  });

  it('a chip without a market rental says under Rental how it is priced meanwhile (an estimated rental)', () => {
    const s = apply(fresh(), { type: 'lab-start', baseId: 'groq-lpu' });
    expect(s.lab.chip.price.rentalUsdPerChipHour).toBeNull();
    expect(labParamNote('rentalPrice', s)).toMatch(/^No market rental price: under "Rental" this chip is priced at an estimated rental \(≈\), its owning cost \(TCO\) x \d\.\d\d, the median rental\/TCO ratio of the \d+ chips with both prices\./);
    expect(labParamNote('rentalPrice', apply(s, { type: 'set-pricing', pricing: 'tco' }))).toMatch(/^Not used now: Pricing is "Own it \(TCO\)"/);
  });

  it('under TCO the rental price has no effect; a price set for all chips overrides the lab\'s', () => {
    const tco = apply(fresh(), { type: 'set-pricing', pricing: 'tco' });
    expect(labParamNote('rentalPrice', tco)).toMatch(/Pricing is "Own it \(TCO\)"/);
    expect(labParamNote('listPrice', tco)).toBeNull();
    expect(labParamNote('tdp', tco)).toBeNull();
    expect(labParamNote('listPrice', apply(tco, { type: 'set-setting', field: 'capexUsdPerChip', value: 30_000 }))).toMatch(/one purchase price for all chips/);
    expect(labParamNote('rentalPrice', apply(fresh(), { type: 'set-setting', field: 'rentalUsdPerChipHour', value: 3 }))).toMatch(/one rental price for all chips/);
  });

  it('a lab chip without a rental price is priced by TCO even under Rental: then its purchase price counts', () => {
    const s = fresh();
    const chip = { ...s.lab.chip, price: { ...s.lab.chip.price, rentalUsdPerChipHour: null } };
    const noRental = { ...s, lab: { ...s.lab, chip } };
    expect(pricingBasis(chip, s.settings.economics)).toBe('tco');
    expect(labParamNote('listPrice', noRental)).toBeNull();
  });

  it('the efficiency mode note moved here from the parameter table', () => {
    // Below 100% the silicon limit and the claims ignore the factor; the lab's H200 starts above it.
    const below = apply(fresh(), { type: 'lab-set', param: 'softwareStackFactor', value: 0.8 });
    expect(labParamNote('softwareStackFactor', apply(below, { type: 'set-efficiency-mode', mode: 'spec' }))).toMatch(/Silicon limit/);
    expect(labParamNote('softwareStackFactor', below)).toBeNull();
    // Claim mode runs at software factor 1 too.
    expect(labParamNote('softwareStackFactor', apply(below, { type: 'set-efficiency-mode', mode: 'claim' }))).toMatch(/^Not applied now: Efficiency is set to "Vendors' claimed efficiencies"/);
    // Above 100% (stacks beating the timed kernels) every mode takes it: no note.
    expect(fresh().lab.chip.efficiency.softwareStackFactor).toBeGreaterThan(1);
    expect(labParamNote('softwareStackFactor', apply(fresh(), { type: 'set-efficiency-mode', mode: 'spec' }))).toBeNull();
  });

  it('break-even under Rental against a chip without a market rental says it is priced at the estimated rental the table shows', () => {
    const groq = catalog.hardware.get('groq-lpu')!;
    const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
    expect(groq.price.rentalUsdPerChipHour).toBeNull();
    const ratio = CALIBRATION_SUMMARY.rentalToTco.median.toFixed(2);
    expect(breakEvenBasisNote(fresh(), groq)).toMatch(new RegExp(`^Groq LPU.* has no market rental price, so it is priced at an estimated rental .*owning cost \\(TCO\\) x ${ratio.replace('.', '\\.')}`));
    // The engine prices it the same way: an estimated rental, never TCO under Rental.
    const groqUnderRental = resolveScenario({ ...defaultScenario(), hardware: 'groq-lpu', chips: 'auto' }, catalog).value!;
    expect(groqUnderRental.economics.pricing).toBe('rental');
    expect(simulate(groqUnderRental, { frontier: false }).pricing.rentalEstimated).toBe(true);
    expect(breakEvenBasisNote(fresh(), h200)).toBeNull();
    expect(breakEvenBasisNote(apply(fresh(), { type: 'set-pricing', pricing: 'tco' }), groq)).toBeNull();
  });
});
