// Chip parameters that sensitivity analysis and the chip lab scale, each as a pure function
// profile -> new profile (inputs are never mutated).

import type { HardwareProfile, RateClass, ResolvedScenario } from '../types';

export type ChipParameter =
  | 'compute'
  | 'hbmBandwidth'
  | 'hbmCapacity'
  | 'sramBandwidth'
  | 'sramCapacity'
  | 'scaleUpBandwidth'
  | 'computeEfficiency'
  | 'memoryEfficiency'
  | 'tdp'
  | 'listPrice'
  | 'rentalPrice';

export const CHIP_PARAMETER_LABELS: Readonly<Record<ChipParameter, string>> = {
  compute: 'Matrix FLOP/s (all precisions)',
  hbmBandwidth: 'HBM bandwidth',
  hbmCapacity: 'HBM capacity',
  sramBandwidth: 'SRAM bandwidth',
  sramCapacity: 'SRAM capacity',
  scaleUpBandwidth: 'Scale-up link bandwidth',
  computeEfficiency: 'Compute efficiency',
  memoryEfficiency: 'Memory efficiency',
  tdp: 'Power (TDP)',
  listPrice: 'Purchase price',
  rentalPrice: 'Rental price',
};

function scaleRates(rates: HardwareProfile['compute']['denseFlopsPerSecond'], factor: number): HardwareProfile['compute']['denseFlopsPerSecond'] {
  const out: Partial<Record<RateClass, number>> = {};
  for (const [key, value] of Object.entries(rates) as [RateClass, number | undefined][]) {
    if (value !== undefined) out[key] = value * factor;
  }
  return out;
}

/** The dense share a slider names, then the attention and MoE shares measured beside it. */
const SHARE_GROUPS = {
  compute: ['computeEfficiency', 'attentionComputeEfficiency', 'moeComputeEfficiency'],
  memory: ['memoryEfficiency', 'attentionMemoryEfficiency', 'moeMemoryEfficiency'],
} as const;

/**
 * The profile with its dense `kind` share at `value`, and the attention and MoE shares of
 * `reference` scaled by the same ratio (capped at 1), as claim mode scales them (context.ts). One
 * "memory efficiency" then moves every memory-bound kernel, KV-cache reads included, not the weight
 * stream alone. Scaling from a fixed reference (the chip lab's original) keeps an edit reversible
 * after a cap.
 */
export function withEfficiencyShare(p: HardwareProfile, kind: keyof typeof SHARE_GROUPS, value: number, reference: HardwareProfile = p): HardwareProfile {
  const [main, ...siblings] = SHARE_GROUPS[kind];
  const from = reference.efficiency[main] > 0 ? reference : p;
  const ratio = from.efficiency[main] > 0 ? value / from.efficiency[main] : 1;
  const efficiency = { ...p.efficiency, [main]: value };
  for (const share of siblings) efficiency[share] = Math.min(1, from.efficiency[share] * ratio);
  return { ...p, efficiency };
}

/**
 * The lowest dense `kind` share withEfficiencyShare can set on `p` while its attention and MoE
 * shares, which move in proportion, stay at or above `floor` (a profile's smallest share).
 */
export function lowestShare(p: HardwareProfile, kind: keyof typeof SHARE_GROUPS, floor: number): number {
  const [main, ...siblings] = SHARE_GROUPS[kind];
  const smallest = Math.min(...siblings.map((share) => p.efficiency[share]));
  return p.efficiency[main] > 0 && smallest > 0 ? Math.max(floor, (floor * p.efficiency[main]) / smallest) : floor;
}

/** The profile with one parameter multiplied by `factor` (efficiencies capped at 1). */
export function scaleParameter(p: HardwareProfile, parameter: ChipParameter, factor: number): HardwareProfile {
  switch (parameter) {
    case 'compute':
      return { ...p, compute: { ...p.compute, denseFlopsPerSecond: scaleRates(p.compute.denseFlopsPerSecond, factor) } };
    case 'hbmBandwidth':
      return { ...p, memory: { ...p.memory, hbmBandwidthBytesPerSecond: p.memory.hbmBandwidthBytesPerSecond * factor } };
    case 'hbmCapacity':
      return { ...p, memory: { ...p.memory, hbmCapacityBytes: p.memory.hbmCapacityBytes * factor } };
    case 'sramBandwidth':
      return { ...p, memory: { ...p.memory, sramBandwidthBytesPerSecond: p.memory.sramBandwidthBytesPerSecond * factor } };
    case 'sramCapacity':
      return { ...p, memory: { ...p.memory, sramCapacityBytes: p.memory.sramCapacityBytes * factor } };
    case 'scaleUpBandwidth':
      return { ...p, scaleUp: { ...p.scaleUp, bandwidthBytesPerSecondPerDirection: p.scaleUp.bandwidthBytesPerSecondPerDirection * factor } };
    case 'computeEfficiency':
      return withEfficiencyShare(p, 'compute', Math.min(1, p.efficiency.computeEfficiency * factor));
    case 'memoryEfficiency':
      return withEfficiencyShare(p, 'memory', Math.min(1, p.efficiency.memoryEfficiency * factor));
    case 'tdp':
      return { ...p, power: { ...p.power, tdpWatts: p.power.tdpWatts * factor } };
    case 'listPrice':
      return { ...p, price: { ...p.price, listPriceUsd: p.price.listPriceUsd * factor } };
    case 'rentalPrice':
      return {
        ...p,
        price: { ...p.price, rentalUsdPerChipHour: p.price.rentalUsdPerChipHour === null ? null : p.price.rentalUsdPerChipHour * factor },
      };
  }
}

/**
 * Parameters that can change this scenario's cost: memory tiers the chip has, the price model in
 * use (rental price under rental; purchase price and power under TCO). User price overrides in the
 * economics inputs win over the profile, so a price the user fixed is not a chip parameter here.
 */
export function relevantParameters(s: ResolvedScenario): ChipParameter[] {
  const p = s.hardware;
  const out: ChipParameter[] = ['compute'];
  if (p.memory.hbmCapacityBytes > 0) out.push('hbmBandwidth', 'hbmCapacity');
  if (p.memory.sramHoldsWeights && p.memory.sramCapacityBytes > 0) out.push('sramBandwidth', 'sramCapacity');
  out.push('scaleUpBandwidth', 'computeEfficiency', 'memoryEfficiency');
  const rental = s.economics.pricing === 'rental' && (s.economics.rentalUsdPerChipHour ?? p.price.rentalUsdPerChipHour) !== null;
  if (rental) {
    if (s.economics.rentalUsdPerChipHour === null) out.push('rentalPrice');
  } else {
    out.push('tdp');
    if (s.economics.capexUsdPerChip === null) out.push('listPrice');
  }
  return out;
}
