import type { NumberRule } from '../parse/fields';
import { HARDWARE_LIMITS } from '../records/hardware-profile';

/**
 * One table of accepted ranges for every number a user can set: it drives parsing (CLI, files,
 * links), the workload fields and the UI's sliders, so all three agree. Caps keep any input
 * bounded in work.
 */
export const LIMITS = {
  chips: { min: 1, max: 100_000, integer: true, unit: 'chips' },
  inputTokens: { min: 1, max: 1_000_000, integer: true, unit: 'tokens' },
  outputTokens: { min: 1, max: 1_000_000, integer: true, unit: 'tokens' },
  prefixCacheHitRate: { min: 0, max: 0.99 },
  maxTtftSeconds: { min: 0.001, max: 3600, unit: 's' },
  maxTpotSeconds: { min: 0.0001, max: 60, unit: 's' },
  batch: { min: 1, max: 65_536, integer: true, unit: 'sequences' },
  maxSequences: { min: 1, max: 65_536, integer: true, unit: 'sequences' },
  maxTokensPerStep: { min: 1, max: 1_048_576, integer: true, unit: 'tokens' },
  prefillChunkTokens: { min: 16, max: 1_048_576, integer: true, unit: 'tokens' },
  parallelism: { min: 1, max: 4096, integer: true },
  // A free rental makes every chip's tokens free and the ranking meaningless; profiles have the same floor.
  rentalUsdPerChipHour: { min: 0.001, max: 100_000, unit: 'USD/chip-hour' },
  // The same range as a profile's list price, so the chip lab and the all-chips override accept the same prices.
  capexUsdPerChip: HARDWARE_LIMITS.listPriceUsd,
  capexOverheadMultiplier: { min: 1, max: 10 },
  depreciationYears: { min: 0.5, max: 20, unit: 'years' },
  costOfCapitalPerYear: { min: 0, max: 1, unit: 'per year' },
  loadFactor: { min: 0.01, max: 1 },
  pue: { min: 1, max: 3 },
  usdPerKwh: { min: 0, max: 2, unit: 'USD/kWh' },
  hostingUsdPerKwMonth: { min: 0, max: 5000, unit: 'USD/kW-month' },
  draftTokens: { min: 1, max: 16, integer: true, unit: 'tokens' },
  acceptanceRate: { min: 0, max: 0.99 },
} as const satisfies Record<string, NumberRule>;

export type LimitKey = keyof typeof LIMITS;
