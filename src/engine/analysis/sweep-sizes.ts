// Model-size sweep: sizes and result shape (no engine runs here, so the page can use them without
// loading the engine).

import { PARAMETRIC_MAX_PARAMS, PARAMETRIC_MIN_PARAMS } from './parametric-model';
import type { EvidenceBasis } from '../../records/hardware-profile';
import type { Range } from '../types';

export type ModelFamily = 'dense' | 'moe';

/** Bounded work: a sweep never evaluates more sizes than this per chip. */
export const SWEEP_MAX_SIZES = 32;
export const SWEEP_DEFAULT_SIZES = 13;
export const SWEEP_MIN_PARAMS = 1e9;
export const SWEEP_MAX_PARAMS = PARAMETRIC_MAX_PARAMS;

export interface SizePoint {
  hardwareId: string;
  modelId: string;
  modelName: string;
  source: 'parametric' | 'catalog';
  family: ModelFamily;
  totalParams: number;
  /** Active parameters per token (MoE); equals totalParams for dense models. */
  activeParams: number;
  feasible: boolean;
  reason: string | null;
  chips: number;
  outputTokensPerSecondPerDollarPerHour: number | null;
  usdPerMillionOutputTokens: number | null;
  outputTokensPerSecondPerChip: number;
  tokensPerSecondPerUser: number;
  pricingUsed: 'rental' | 'tco';
  /** Priced at an estimated rental (its TCO x the market's rental/TCO ratio: the compare table's "≈"). */
  rentalEstimated: boolean;
  /** The chip's evidence basis, and the 80% range of each number (null when infeasible or unpriced). */
  evidence: EvidenceBasis;
  ranges: Record<SizeRangeKey, Range | null>;
}

/** The numbers of a size point that carry a range (the CSV's *_low/*_high columns, in this order). */
export const SIZE_RANGE_KEYS = ['outputTokensPerSecondPerDollarPerHour', 'usdPerMillionOutputTokens', 'outputTokensPerSecondPerChip', 'tokensPerSecondPerUser'] as const;
export type SizeRangeKey = typeof SIZE_RANGE_KEYS[number];

/** `count` sizes spaced evenly on a log scale from min to max (both included), capped in count and range. */
export function sweepSizes(count: number = SWEEP_DEFAULT_SIZES, min = SWEEP_MIN_PARAMS, max = SWEEP_MAX_PARAMS): number[] {
  const n = Math.max(2, Math.min(SWEEP_MAX_SIZES, Math.round(Number.isFinite(count) ? count : SWEEP_DEFAULT_SIZES)));
  const lo = Math.max(PARAMETRIC_MIN_PARAMS, Math.min(min, max));
  const hi = Math.min(PARAMETRIC_MAX_PARAMS, Math.max(min, max));
  const step = Math.log(hi / lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => lo * Math.exp(step * i));
}
