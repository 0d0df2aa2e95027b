// Numeric workload and pricing settings the user edits: one table of label, display unit and
// accessors, with ranges from the scenario's LIMITS (the same bounds the parser and CLI use).

import type { NumberRule } from '../parse/fields';
import { LIMITS } from '../scenario/limits';
import { DEFAULT_ECONOMICS } from '../scenario/scenario';
import { MESSAGES } from '../messages/ui';
import type { WorkloadSettings } from './app-state';

export type SettingsFieldId =
  | 'inputTokens' | 'outputTokens' | 'prefixCacheHitRate' | 'maxTtftSeconds' | 'maxTpotSeconds' | 'maxSequences'
  | 'rentalUsdPerChipHour' | 'capexUsdPerChip' | 'capexOverheadMultiplier' | 'depreciationYears' | 'costOfCapitalPerYear'
  | 'loadFactor' | 'pue' | 'usdPerKwh' | 'hostingUsdPerKwMonth'
  | 'draftTokens' | 'acceptanceRate' | 'fixedBatch';

export interface SettingsFieldDef {
  id: SettingsFieldId;
  label: string;
  /** Display unit; the input shows value / scale. */
  unit: string;
  scale: number;
  limit: NumberRule;
  /** Empty input means null ("no limit", "use the profile's price"). */
  nullable: boolean;
  /** What null means, for the placeholder. */
  nullText?: string;
  get(s: WorkloadSettings): number | null;
  /** The settings with the value; the same object when the field does not apply now (no speculation, no fixed batch). */
  set(s: WorkloadSettings, v: number | null): WorkloadSettings;
  /** Why the value is not used by the current settings (shown beside the field), or null when it is. */
  unusedNote?(s: WorkloadSettings): string | null;
}

const econ = (key: keyof WorkloadSettings['economics']) => ({
  get: (s: WorkloadSettings) => s.economics[key] as number | null,
  set: (s: WorkloadSettings, v: number | null) => ({ ...s, economics: { ...s.economics, [key]: v } }),
});

/**
 * An owning-cost assumption edited under Rental: the ranking reads rental prices, and the estimated
 * ones (≈) come from owning costs at the default assumptions, where the market's rental/TCO ratio
 * was measured (engine/economics.ts). Only the chip lab's owning-vs-renting chart reads the edit.
 */
const ownCostOnly = (key: keyof WorkloadSettings['economics']) => ({
  ...econ(key),
  unusedNote: (s: WorkloadSettings) => (s.economics.pricing === 'rental' && s.economics[key] !== DEFAULT_ECONOMICS[key] ? MESSAGES.controls.ownCostUnderRental : null),
});

export const SETTINGS_FIELDS: readonly SettingsFieldDef[] = [
  {
    id: 'inputTokens', label: 'Input tokens', unit: 'tokens', scale: 1, limit: LIMITS.inputTokens, nullable: false,
    get: (s) => s.workload.inputTokens, set: (s, v) => ({ ...s, workload: { ...s.workload, inputTokens: v ?? 1 } }),
  },
  {
    id: 'outputTokens', label: 'Output tokens', unit: 'tokens', scale: 1, limit: LIMITS.outputTokens, nullable: false,
    get: (s) => s.workload.outputTokens, set: (s, v) => ({ ...s, workload: { ...s.workload, outputTokens: v ?? 1 } }),
  },
  {
    id: 'prefixCacheHitRate', label: 'Prefix-cache hit rate', unit: '%', scale: 0.01, limit: LIMITS.prefixCacheHitRate, nullable: false,
    get: (s) => s.workload.prefixCacheHitRate, set: (s, v) => ({ ...s, workload: { ...s.workload, prefixCacheHitRate: v ?? 0 } }),
  },
  {
    id: 'maxTtftSeconds', label: 'Max time to first token', unit: 's', scale: 1, limit: LIMITS.maxTtftSeconds, nullable: true, nullText: 'no limit',
    get: (s) => s.slo.maxTtftSeconds, set: (s, v) => ({ ...s, slo: { ...s.slo, maxTtftSeconds: v } }),
  },
  {
    id: 'maxTpotSeconds', label: 'Max time per output token', unit: 'ms', scale: 1e-3, limit: LIMITS.maxTpotSeconds, nullable: true, nullText: 'no limit',
    get: (s) => s.slo.maxTpotSeconds, set: (s, v) => ({ ...s, slo: { ...s.slo, maxTpotSeconds: v } }),
  },
  {
    id: 'maxSequences', label: 'Max sequences per engine', unit: 'sequences', scale: 1, limit: LIMITS.maxSequences, nullable: false,
    get: (s) => s.engine.maxSequences, set: (s, v) => ({ ...s, engine: { ...s.engine, maxSequences: v ?? 1 } }),
  },
  {
    id: 'rentalUsdPerChipHour', label: 'Rental price (all chips)', unit: '$/chip-hour', scale: 1, limit: LIMITS.rentalUsdPerChipHour, nullable: true, nullText: "each chip's own",
    ...econ('rentalUsdPerChipHour'),
    // Under TCO nothing reads a rental price.
    unusedNote: (s) => (s.economics.pricing === 'tco' && s.economics.rentalUsdPerChipHour !== null ? MESSAGES.controls.rentalOverrideUnderTco : null),
  },
  { id: 'capexUsdPerChip', label: 'Purchase price (all chips)', unit: '$', scale: 1, limit: LIMITS.capexUsdPerChip, nullable: true, nullText: "each chip's own", ...ownCostOnly('capexUsdPerChip') },
  { id: 'capexOverheadMultiplier', label: 'Server/network overhead', unit: '× chip price', scale: 1, limit: LIMITS.capexOverheadMultiplier, nullable: true, nullText: "each chip's own", ...ownCostOnly('capexOverheadMultiplier') },
  { id: 'depreciationYears', label: 'Depreciation', unit: 'years', scale: 1, limit: LIMITS.depreciationYears, nullable: false, ...ownCostOnly('depreciationYears') },
  { id: 'costOfCapitalPerYear', label: 'Cost of capital', unit: '%/year', scale: 0.01, limit: LIMITS.costOfCapitalPerYear, nullable: false, ...ownCostOnly('costOfCapitalPerYear') },
  // Power draw and PUE also set the energy per token, under either pricing.
  { id: 'loadFactor', label: 'Power draw (share of TDP)', unit: '%', scale: 0.01, limit: LIMITS.loadFactor, nullable: false, ...econ('loadFactor') },
  { id: 'pue', label: 'PUE', unit: '×', scale: 1, limit: LIMITS.pue, nullable: false, ...econ('pue') },
  { id: 'usdPerKwh', label: 'Electricity', unit: '$/kWh', scale: 1, limit: LIMITS.usdPerKwh, nullable: false, ...ownCostOnly('usdPerKwh') },
  { id: 'hostingUsdPerKwMonth', label: 'Hosting', unit: '$/kW-month', scale: 1, limit: LIMITS.hostingUsdPerKwMonth, nullable: false, ...ownCostOnly('hostingUsdPerKwMonth') },
  // Serving options: they apply only while speculative decoding, or a fixed batch, is on.
  {
    id: 'draftTokens', label: 'Draft tokens per step', unit: 'tokens', scale: 1, limit: LIMITS.draftTokens, nullable: false,
    get: (s) => s.speculative?.draftTokens ?? null,
    set: (s, v) => (s.speculative === null || v === null ? s : { ...s, speculative: { ...s.speculative, draftTokens: v } }),
  },
  {
    id: 'acceptanceRate', label: 'Acceptance rate', unit: '%', scale: 0.01, limit: LIMITS.acceptanceRate, nullable: false,
    get: (s) => s.speculative?.acceptanceRate ?? null,
    set: (s, v) => (s.speculative === null || v === null ? s : { ...s, speculative: { ...s.speculative, acceptanceRate: v } }),
  },
  {
    id: 'fixedBatch', label: 'Batch per replica', unit: 'sequences', scale: 1, limit: LIMITS.batch, nullable: false,
    get: (s) => (typeof s.objective === 'object' ? s.objective.batch : null),
    set: (s, v) => (typeof s.objective !== 'object' || v === null ? s : { ...s, objective: { batch: v } }),
  },
];

const BY_ID: ReadonlyMap<string, SettingsFieldDef> = new Map(SETTINGS_FIELDS.map((f) => [f.id, f]));

export function settingsField(id: string): SettingsFieldDef | undefined {
  return BY_ID.get(id);
}
