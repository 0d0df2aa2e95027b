// The chip lab's parameters: one table drives its sliders, typed-value parsing, clamping and
// labels. Validity bounds come from the profile parser's HARDWARE_LIMITS, so a lab chip is always
// a profile the catalog would accept; slider ranges are only the comfortable dragging range.

import { HARDWARE_LIMITS } from '../records/hardware-profile';
import { estimatedValue } from '../records/estimated-specs';
import { scaleParameter, withEfficiencyShare } from '../engine/analysis/scale-parameter';
import type { HardwareProfile, RateClass } from '../engine/types';
import type { NumberRule } from '../parse/fields';
import type { QuantityKind } from '../scenario/parse-quantity';
import type { SliderRange } from './slider-scale';
import { boundsRefusal } from './settings-input';

export type LabParamId =
  | 'compute' | 'hbmCapacity' | 'hbmBandwidth' | 'sramCapacity' | 'sramBandwidth' | 'scaleUpBandwidth'
  | 'domainSize' | 'tdp' | 'listPrice' | 'rentalPrice' | 'computeEfficiency' | 'memoryEfficiency' | 'softwareStackFactor';

export interface LabParamDef {
  id: LabParamId;
  label: string;
  /** Unit shown next to the value; numbers typed without a unit are read in it. */
  unit: string;
  /** SI value of one display unit (TB/s -> 1e12). */
  scale: number;
  quantity: QuantityKind;
  slider: SliderRange;
  /** Hard validity bounds in SI units. */
  limit: NumberRule;
  /** Current SI value; null when the profile has none (no rental price). */
  get(p: HardwareProfile, rateClass: RateClass): number | null;
  /** `reference`: the lab's original chip, for values derived from it (the efficiency shares). */
  set(p: HardwareProfile, value: number, rateClass: RateClass, reference?: HardwareProfile): HardwareProfile;
  /** The profile fields (`estimates` paths) a set value replaces: the user's value is no estimate. */
  writes(rateClass: RateClass): string[];
  /** What the parameter means, shown under its slider. */
  help?: string;
}

const EFFICIENCY: NumberRule = { min: 0.01, max: 1 };
/**
 * The software factor may pass 100% (stacks beating the timed kernels). From 5%, not 1%: a bare
 * number above 1 reads as a percent, so "1.2" would have set 1.2%; below 5% it is refused instead.
 */
const SOFTWARE_FACTOR: NumberRule = { min: 0.05, max: HARDWARE_LIMITS.softwareStackFactor.max };

/** Whether two sets of matrix rates hold the same formats in the same ratios (one a scaled copy of the other). */
function proportional(a: Readonly<Record<string, number | undefined>>, b: Readonly<Record<string, number | undefined>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const ratio = (k: string) => (a[k] ?? Number.NaN) / (b[k] ?? Number.NaN);
  const r0 = ratio(keys[0] ?? '');
  return keys.every((k) => Math.abs(ratio(k) - r0) <= 1e-9 * Math.abs(r0));
}

export const LAB_PARAMS: readonly LabParamDef[] = [
  {
    id: 'compute', label: 'Dense matrix rate', unit: 'TFLOP/s', scale: 1e12, quantity: 'flops-per-second',
    slider: { min: 10e12, max: 40e15, log: true }, limit: HARDWARE_LIMITS.flopsPerSecond,
    get: (p, rc) => p.compute.denseFlopsPerSecond[rc] ?? null,
    set: (p, v, rc, reference) => {
      const current = p.compute.denseFlopsPerSecond[rc];
      // Back at the original's rate: its own rates, without the float drift of scaling there and back.
      const original = reference?.compute.denseFlopsPerSecond;
      if (current !== undefined && original !== undefined && original[rc] === v && proportional(p.compute.denseFlopsPerSecond, original)) {
        return { ...p, compute: { ...p.compute, denseFlopsPerSecond: { ...original } } };
      }
      if (current !== undefined && current > 0) return scaleParameter(p, 'compute', v / current);
      return { ...p, compute: { ...p.compute, denseFlopsPerSecond: { ...p.compute.denseFlopsPerSecond, [rc]: v } } };
    },
    writes: (rc) => [`compute.denseFlopsPerSecond.${rc}`],
  },
  {
    id: 'hbmCapacity', label: 'HBM capacity', unit: 'GB', scale: 1e9, quantity: 'bytes',
    slider: { min: 0, max: 1000e9, log: false }, limit: HARDWARE_LIMITS.capacityBytes,
    get: (p) => p.memory.hbmCapacityBytes,
    set: (p, v) => ({ ...p, memory: { ...p.memory, hbmCapacityBytes: v } }),
    writes: () => ['memory.hbmCapacityBytes'],
  },
  {
    id: 'hbmBandwidth', label: 'HBM bandwidth', unit: 'TB/s', scale: 1e12, quantity: 'bytes-per-second',
    // Above 0: a chip with HBM needs its bandwidth (0 comes with HBM capacity 0, set there).
    slider: { min: 0.1e12, max: 20e12, log: false }, limit: HARDWARE_LIMITS.bandwidthBytesPerSecond,
    get: (p) => p.memory.hbmBandwidthBytesPerSecond,
    set: (p, v) => ({ ...p, memory: { ...p.memory, hbmBandwidthBytesPerSecond: v } }),
    writes: () => ['memory.hbmBandwidthBytesPerSecond'],
  },
  {
    id: 'sramCapacity', label: 'On-chip SRAM', unit: 'MB', scale: 1e6, quantity: 'bytes',
    slider: { min: 1e6, max: 100e9, log: true }, limit: HARDWARE_LIMITS.capacityBytes,
    get: (p) => p.memory.sramCapacityBytes,
    set: (p, v) => ({ ...p, memory: { ...p.memory, sramCapacityBytes: v } }),
    writes: () => ['memory.sramCapacityBytes'],
  },
  {
    id: 'sramBandwidth', label: 'SRAM bandwidth', unit: 'TB/s', scale: 1e12, quantity: 'bytes-per-second',
    slider: { min: 1e12, max: 100e15, log: true }, limit: HARDWARE_LIMITS.bandwidthBytesPerSecond,
    get: (p) => p.memory.sramBandwidthBytesPerSecond,
    set: (p, v) => ({ ...p, memory: { ...p.memory, sramBandwidthBytesPerSecond: v } }),
    writes: () => ['memory.sramBandwidthBytesPerSecond'],
  },
  {
    id: 'scaleUpBandwidth', label: 'Scale-up link, per direction', unit: 'GB/s', scale: 1e9, quantity: 'bytes-per-second',
    slider: { min: 10e9, max: 5e12, log: true }, limit: HARDWARE_LIMITS.bandwidthBytesPerSecond,
    get: (p) => p.scaleUp.bandwidthBytesPerSecondPerDirection,
    set: (p, v) => ({ ...p, scaleUp: { ...p.scaleUp, bandwidthBytesPerSecondPerDirection: v } }),
    writes: () => ['scaleUp.bandwidthBytesPerSecondPerDirection'],
  },
  {
    id: 'domainSize', label: 'Scale-up domain', unit: 'chips', scale: 1, quantity: 'count',
    slider: { min: 1, max: 1024, log: true }, limit: HARDWARE_LIMITS.domainSize,
    get: (p) => p.scaleUp.domainSize,
    set: (p, v) => ({ ...p, scaleUp: { ...p.scaleUp, domainSize: Math.round(v) } }),
    writes: () => ['scaleUp.domainSize'],
  },
  {
    id: 'tdp', label: 'Power (TDP)', unit: 'W', scale: 1, quantity: 'watts',
    slider: { min: 50, max: 30_000, log: true }, limit: HARDWARE_LIMITS.tdpWatts,
    get: (p) => p.power.tdpWatts,
    set: (p, v) => ({ ...p, power: { ...p.power, tdpWatts: v } }),
    writes: () => ['power.tdpWatts'],
  },
  {
    id: 'listPrice', label: 'Purchase price per chip', unit: '$', scale: 1, quantity: 'usd',
    slider: { min: 1_000, max: 5_000_000, log: true }, limit: HARDWARE_LIMITS.listPriceUsd,
    get: (p) => p.price.listPriceUsd,
    set: (p, v) => ({ ...p, price: { ...p.price, listPriceUsd: v } }),
    writes: () => ['price.listPriceUsd'],
  },
  {
    id: 'rentalPrice', label: 'Rental price', unit: '$/chip-hour', scale: 1, quantity: 'usd-per-hour',
    slider: { min: 0.1, max: 1000, log: true }, limit: HARDWARE_LIMITS.rentalUsdPerChipHour,
    get: (p) => p.price.rentalUsdPerChipHour,
    set: (p, v) => ({ ...p, price: { ...p.price, rentalUsdPerChipHour: v } }),
    writes: () => ['price.rentalUsdPerChipHour'],
  },
  {
    id: 'computeEfficiency', label: 'Compute efficiency', unit: '%', scale: 0.01, quantity: 'fraction',
    slider: { min: 0.05, max: 1, log: false }, limit: EFFICIENCY,
    get: (p) => p.efficiency.computeEfficiency,
    set: (p, v, _rc, reference) => withEfficiencyShare(p, 'compute', v, reference),
    writes: () => [],
    help: "Share of the matrix rate the chip's kernels reach. Attention and MoE layers, whose own shares were measured apart, move in proportion.",
  },
  {
    id: 'memoryEfficiency', label: 'Memory efficiency', unit: '%', scale: 0.01, quantity: 'fraction',
    slider: { min: 0.05, max: 1, log: false }, limit: EFFICIENCY,
    get: (p) => p.efficiency.memoryEfficiency,
    set: (p, v, _rc, reference) => withEfficiencyShare(p, 'memory', v, reference),
    writes: () => [],
    help: 'Share of the memory bandwidth the kernels reach. Attention (KV-cache reads) and MoE layers, whose own shares were measured apart, move in proportion.',
  },
  {
    id: 'softwareStackFactor', label: 'Software-stack factor', unit: '%', scale: 0.01, quantity: 'fraction',
    // The slider spans the whole accepted range: ending at 100%, it sat at its end for a fitted 105%
    // (H200) and a touch of it set 100%, a slower chip.
    slider: { min: SOFTWARE_FACTOR.min, max: SOFTWARE_FACTOR.max, log: false }, limit: SOFTWARE_FACTOR,
    get: (p) => p.efficiency.softwareStackFactor,
    set: (p, v) => ({ ...p, efficiency: { ...p.efficiency, softwareStackFactor: v } }),
    writes: () => [],
    help: "Share of the silicon's efficiencies that today's software reaches, fitted per chip on published runs (a chip without runs takes its family's; Accuracy view). "
      + 'It scales compute and memory efficiency in "Achieved with today\'s software" mode only. 100% is the shares the kernels reached when timed alone: '
      + 'drag a chip below it up to 100% to ask what if this vendor\'s software closed the gap. Above 100%, the stack beats the timed kernels (no share passes 100% of peak).',
  },
];

/**
 * `next` without the estimate notes of the fields `def` just set (the chip's "*" goes with its last
 * estimated spec): the user's value is no estimate. A field set back to `original`'s value (the
 * chip the lab started from, if any) gets its note back, since the value is again the estimate it was.
 */
export function withoutReplacedEstimates(next: HardwareProfile, def: LabParamDef, rateClass: RateClass, original?: HardwareProfile): HardwareProfile {
  const estimates = { ...next.estimates };
  let changed = false;
  for (const path of def.writes(rateClass)) {
    const note = original !== undefined && estimatedValue(next, path) === estimatedValue(original, path) ? original.estimates[path] : undefined;
    if (note === estimates[path]) continue;
    if (note === undefined) delete estimates[path];
    else estimates[path] = note;
    changed = true;
  }
  if (!changed) return next;
  // The original's notes in the original's order: a chip typed back to its original is that chip.
  const order = original === undefined ? [] : Object.keys(original.estimates).filter((k) => Object.hasOwn(estimates, k));
  const keys = [...order, ...Object.keys(estimates).filter((k) => !order.includes(k))];
  return { ...next, estimates: Object.fromEntries(keys.map((k) => [k, estimates[k]!])) };
}

const BY_ID: ReadonlyMap<string, LabParamDef> = new Map(LAB_PARAMS.map((d) => [d.id, d]));

export function labParam(id: string): LabParamDef | undefined {
  return BY_ID.get(id);
}

/**
 * Why a typed lab value is refused, or null when it is taken as it is: outside the profile's
 * validity bounds it is refused with a message beside the box, never clamped into another value
 * (nothing typed changes silently; the slider only reaches valid values). `typed`: the user's text.
 */
export function labValueRefusal(def: LabParamDef, value: number, typed: string): string | null {
  return value === 0 && def.limit.allowZero === true ? null : boundsRefusal(def, value, typed.trim());
}

/** Clamps to the validity bounds (0 allowed where the profile allows it), integer where required. */
export function clampLabValue(def: LabParamDef, value: number): number | null {
  if (!Number.isFinite(value)) return null;
  if (value === 0 && def.limit.allowZero) return 0;
  const v = Math.min(def.limit.max, Math.max(def.limit.min, value));
  return def.limit.integer ? Math.round(v) : v;
}
