// What the chip lab says about fields that do not count now: a purchase price under Rental, a
// rental price under TCO, a price the Pricing panel overrides for all chips, power under Rental,
// HBM bandwidth without HBM; and whether the break-even target's price is an estimated rental.

import { rentalPerChipHour } from '../engine/economics';
import { CALIBRATION_SUMMARY } from '../engine/calibration-summary';
import type { EconomicsInput, HardwareProfile } from '../engine/types';
import { MESSAGES } from '../messages/ui';
import { formatNumber, formatUsd } from '../format/units';
import type { AppState } from './app-state';
import type { LabParamId } from './lab-params';

const N = MESSAGES.pricingNotes;

export type PricingBasis = 'rental' | 'tco';

/** How the engine prices `hardware`: its rental rate under Rental when one is known, else by TCO. */
export function pricingBasis(hardware: HardwareProfile, economics: EconomicsInput): PricingBasis {
  return economics.pricing === 'rental' && rentalPerChipHour(hardware, economics) !== null ? 'rental' : 'tco';
}

/** Why editing `param` changes nothing now (null when it counts). */
export function labParamNote(param: LabParamId, state: AppState): string | null {
  const e = state.settings.economics;
  const basis = pricingBasis(state.lab.chip, e);
  switch (param) {
    case 'listPrice':
      if (basis === 'rental') return N.purchaseUnderRental;
      return e.capexUsdPerChip !== null ? N.purchaseOverridden : implausiblePurchase(state.lab.chip);
    case 'rentalPrice':
      if (e.pricing === 'tco') return N.rentalUnderTco;
      if (e.rentalUsdPerChipHour !== null) return N.rentalOverridden;
      return state.lab.chip.price.rentalUsdPerChipHour === null ? estimatedRentalNote() : implausibleRental(state.lab.chip);
    case 'tdp':
      return basis === 'rental' ? N.powerUnderRental : null;
    case 'softwareStackFactor':
      // Spec and claim modes run at software factor 1, or at the factor where it exceeds 1 (engine/context.ts effectiveEfficiency).
      if (state.lab.chip.efficiency.softwareStackFactor > 1) return null;
      return state.settings.efficiencyMode === 'spec' ? N.stackFactorInSpec : state.settings.efficiencyMode === 'claim' ? N.stackFactorInClaim : null;
    case 'hbmBandwidth':
      return state.lab.chip.memory.hbmCapacityBytes === 0 ? N.noHbm(state.lab.hbmBandwidthBeforeRemoval ?? null) : null;
    default:
      return null;
  }
}

/**
 * Renting pays for the chip in this many hours at most before a rental reads as a typing slip: the
 * catalog's 16 market rentals repay their purchase prices in 3,968 (GB200) to 26,846 (GH200) hours.
 */
const MIN_PLAUSIBLE_PAYBACK_HOURS = 1000;

/** The market's rental/TCO ratio an estimated rental uses, as notes quote it; null when none is known. */
function quotedRentalRatio(): { median: string; n: number } | null {
  const ratio = CALIBRATION_SUMMARY.rentalToTco;
  return ratio.n > 0 && ratio.median > 0 ? { median: ratio.median.toFixed(2), n: ratio.n } : null;
}

/** A blank rental field under Rental: how the chip is priced meanwhile (the compare table's "≈"). */
function estimatedRentalNote(): string | null {
  const ratio = quotedRentalRatio();
  return ratio === null ? null : N.rentalEstimated(ratio.median, ratio.n);
}

/** Hours the chip's rental takes to repay its purchase price, when both are set and it is implausibly few. */
function implausiblePaybackHours(chip: HardwareProfile): number | null {
  const rental = chip.price.rentalUsdPerChipHour;
  const purchase = chip.price.listPriceUsd;
  if (rental === null || !(rental > 0) || !(purchase > 0) || rental * MIN_PLAUSIBLE_PAYBACK_HOURS <= purchase) return null;
  return purchase / rental;
}

/** A rental that would repay the chip's purchase price within hours: accepted, but said (a "$25k" meant for the purchase price). */
function implausibleRental(chip: HardwareProfile): string | null {
  const hours = implausiblePaybackHours(chip);
  return hours === null ? null : N.rentalPaysPurchase(formatUsd(chip.price.rentalUsdPerChipHour!), formatUsd(chip.price.listPriceUsd), formatNumber(hours, 2));
}

/** The same check seen from the purchase price (a "$5" meant for the rental), where the purchase price counts. */
function implausiblePurchase(chip: HardwareProfile): string | null {
  const hours = implausiblePaybackHours(chip);
  return hours === null ? null : N.purchaseRepaidByRental(formatUsd(chip.price.listPriceUsd), formatUsd(chip.price.rentalUsdPerChipHour!), formatNumber(hours, 2));
}

/**
 * A note when the break-even target is not priced as the edited chip is: under Rental, a target
 * without a market rental price is priced at an estimated rental (its TCO x the market's median
 * rental/TCO ratio), as the compare table's "≈" says. Under TCO both are owning costs (null).
 */
export function breakEvenBasisNote(state: AppState, target: HardwareProfile): string | null {
  const e = state.settings.economics;
  if (e.pricing !== 'rental' || rentalPerChipHour(target, e) !== null) return null;
  const ratio = quotedRentalRatio();
  return ratio === null ? N.targetUnpriced(target.name) : N.targetEstimatedRental(target.name, ratio.median, ratio.n);
}
