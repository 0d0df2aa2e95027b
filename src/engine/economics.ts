import type { CostBreakdown, EconomicsInput, HardwareProfile } from './types';

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

export function rentalPerChipHour(hardware: HardwareProfile, economics: EconomicsInput): number | null {
  return economics.rentalUsdPerChipHour ?? hardware.price.rentalUsdPerChipHour;
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
    outputTokensPerSecondPerDollarPerHour: costPerHourUsd > 0 ? outputTokensPerSecond / costPerHourUsd : 0,
  };
}
