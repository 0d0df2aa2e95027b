import type { CostBreakdown, EconomicsInput, EnergyUse, HardwareProfile } from './types';

const HOURS_PER_YEAR = 8760;

/** Capital recovery factor: yearly payment that repays 1 USD over n years at rate r (annuity). */
export function capitalRecoveryFactor(ratePerYear: number, years: number): number {
  if (ratePerYear <= 0) return 1 / years;
  return ratePerYear / (1 - Math.pow(1 + ratePerYear, -years));
}

export interface TcoPerChipHour {
  capexUsdPerHour: number;
  powerUsdPerHour: number;
  hostingUsdPerHour: number;
  totalUsdPerHour: number;
  capexUsdPerChip: number;
  facilityKwPerChip: number;
}

/**
 * Owning cost per chip-hour (MODEL.md section 6; hardware.md section 6):
 * capex x overhead x CRF(r, n) / 8760 + IT kW x load x PUE x $/kWh + IT kW x hosting $/kW-month x 12 / 8760,
 * where IT kW = TDP x server overhead (host CPUs, NICs, fans: ~1.3x for 8-GPU servers, aiinframap).
 */
export function tcoPerChipHour(hardware: HardwareProfile, economics: EconomicsInput): TcoPerChipHour {
  const capexUsdPerChip = (economics.capexUsdPerChip ?? hardware.price.listPriceUsd)
    * (economics.capexOverheadMultiplier ?? hardware.packaging.capexOverheadMultiplier);
  const capexUsdPerHour = (capexUsdPerChip * capitalRecoveryFactor(economics.costOfCapitalPerYear, economics.depreciationYears)) / HOURS_PER_YEAR;
  const itKw = (hardware.power.tdpWatts / 1000) * hardware.packaging.serverPowerOverheadMultiplier;
  const powerUsdPerHour = itKw * economics.loadFactor * economics.pue * economics.usdPerKwh;
  const hostingUsdPerHour = (itKw * economics.hostingUsdPerKwMonth * 12) / HOURS_PER_YEAR;
  return {
    capexUsdPerHour,
    powerUsdPerHour,
    hostingUsdPerHour,
    totalUsdPerHour: capexUsdPerHour + powerUsdPerHour + hostingUsdPerHour,
    capexUsdPerChip,
    facilityKwPerChip: itKw * economics.pue,
  };
}

/** The market rental of the chip (the user's override first); null when the market has none. */
export function rentalPerChipHour(hardware: HardwareProfile, economics: EconomicsInput): number | null {
  return economics.rentalUsdPerChipHour ?? hardware.price.rentalUsdPerChipHour;
}

/**
 * The market's rental-to-owning-cost ratio over chips that have both prices (written by
 * `npm run calibrate -- --write` into engine/data/calibration-summary.json): median, quartiles and 10th/90th percentiles,
 * at the economics it was computed with, so an estimate depends on the chip and not on the
 * user's electricity or depreciation edits.
 */
export interface RentalToTcoRatio {
  median: number;
  q1: number;
  q3: number;
  /** 10th and 90th percentiles: the band an 80% range carries (the quartiles hold only half the chips). */
  p10: number;
  p90: number;
  n: number;
  economics: EconomicsInput;
}

/** A chip without a market rental: its owning cost x the market's median rental/TCO ratio (shown "≈"). */
export function estimatedRentalPerChipHour(hardware: HardwareProfile, ratio: RentalToTcoRatio): number {
  return tcoPerChipHour(hardware, ratio.economics).totalUsdPerHour * ratio.median;
}

/**
 * Energy per output token with the TCO power line's terms: TDP x server overhead x load factor x
 * PUE, divided by output tokens/s per chip; 1 kWh = 3.6 MJ.
 */
export function energyUse(hardware: HardwareProfile, economics: EconomicsInput, outputTokensPerSecondPerChip: number): EnergyUse | null {
  if (!(outputTokensPerSecondPerChip > 0)) return null;
  const watts = hardware.power.tdpWatts * hardware.packaging.serverPowerOverheadMultiplier * economics.loadFactor * economics.pue;
  const joulesPerOutputToken = watts / outputTokensPerSecondPerChip;
  return {
    joulesPerOutputToken,
    kwhPerMillionOutputTokens: joulesPerOutputToken / 3.6,
    outputTokensPerSecondPerKw: 1000 / joulesPerOutputToken,
  };
}

/** Chips the cost counts: a fixed chip count is paid whole (an NVL72 rack is rented or bought as one), idle chips too. */
export function paidChips(budget: number | 'auto', used: number): number {
  return budget === 'auto' ? used : Math.max(used, budget);
}

/** Prices a deployment: $/hour, $/M output tokens, $/M input tokens (prefill share of time), tokens/s per $/h. */
export function priceDeployment(
  usdPerChipHour: number,
  chips: number,
  outputTokensPerSecond: number,
  inputTokensPerSecond: number,
  prefillShare: number,
): CostBreakdown {
  const costPerHourUsd = usdPerChipHour * chips;
  const outputPerHour = outputTokensPerSecond * 3600;
  const inputPerHour = inputTokensPerSecond * 3600;
  return {
    costPerHourUsd,
    usdPerMillionOutputTokens: outputPerHour > 0 ? (costPerHourUsd / outputPerHour) * 1e6 : Infinity,
    usdPerMillionInputTokens: inputPerHour > 0 ? ((costPerHourUsd * prefillShare) / inputPerHour) * 1e6 : 0,
    // A free chip's tokens per dollar are unbounded: null, not 0 (which would rank it last).
    outputTokensPerSecondPerDollarPerHour: costPerHourUsd > 0 ? outputTokensPerSecond / costPerHourUsd : null,
  };
}
