// Which of a lab chip's figures differ from its original's (typed, or completed by the lab, as the
// SRAM bandwidth a chip holding its weights on-chip needs): the explain panel cites those as set in
// the chip lab, never the datasheet the chip started from. Links leave them out; decoding derives
// them again. Pure.
import { formatNumber } from '../format/units';
import type { HardwareProfile, RateClass } from '../engine/types';
import { displayQuantity } from './lab-display';
import { LAB_PARAMS, type LabParamDef } from './lab-params';

/**
 * The profile path a parameter's value lives at (the efficiency shares write no estimate path). The
 * matrix rate scales every format at once, so its entry is the rates' (independent of the precision).
 */
function pathOf(def: LabParamDef, rateClass: RateClass): string {
  if (def.id === 'compute') return 'compute.denseFlopsPerSecond';
  return def.writes(rateClass)[0] ?? `efficiency.${def.id}`;
}

/** What a set value replaced: the original's value, or for the matrix rates the factor on all of them. */
function replaced(def: LabParamDef, now: number | null, before: number | null, originalName: string): string {
  if (def.id === 'compute' && now !== null && before !== null && before > 0) {
    return `${def.label}: every format x${formatNumber(now / before)} of ${originalName}'s`;
  }
  return `${def.label}, replacing ${originalName}'s ${shown(def, before)}`;
}

/** A value as the lab's fields show it ("1,979 TFLOP/s", "$3.59/h"). */
function shown(def: LabParamDef, value: number | null): string {
  return value === null ? 'none' : displayQuantity(def, value);
}

/**
 * The chip with `entered` listing every lab parameter whose value differs from the original's,
 * each with the value it replaced (and the original's own entries); without `entered` when there
 * are none, so a chip typed back to its original is that chip. Without an original (the blank
 * chip marks every value as entered in its estimates and sources already) the chip is unchanged.
 */
export function withLabEntries(chip: HardwareProfile, original: HardwareProfile | undefined, rateClass: RateClass): HardwareProfile {
  if (original === undefined) return chip;
  // A chip saved from the lab keeps its own entries for the values not typed again.
  const entered: Record<string, string> = { ...original.entered };
  for (const def of LAB_PARAMS) {
    const before = def.get(original, rateClass);
    const now = def.get(chip, rateClass);
    if (now !== before) entered[pathOf(def, rateClass)] = replaced(def, now, before, original.name);
  }
  const { entered: _previous, ...rest } = chip;
  return Object.keys(entered).length === 0 ? rest : { ...rest, entered };
}
