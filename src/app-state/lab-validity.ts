// The chip lab's chip stays a profile the catalog parser accepts (so it can be saved, shared in a
// link and reopened). Edits that break a cross-field rule are completed where the intent is clear
// (no HBM -> no HBM bandwidth and weights in SRAM; HBM back -> a bandwidth; SRAM holds weights ->
// it needs a size and a bandwidth) and refused otherwise (labEditRefusal says why, beside the field).

import { parseHardwareProfile } from '../records/hardware-profile';
import { lowestShare } from '../engine/analysis/scale-parameter';
import type { HardwareProfile, RateClass } from '../engine/types';
import { MESSAGES } from '../messages/ui';
import { blankChip } from './blank-chip';
import type { LabParamDef } from './lab-params';

/**
 * SRAM filled in when weights move to SRAM and none is set: 230 MB at 80 TB/s, one Groq LPU
 * (groq-lpu.json), the smallest SRAM-only part in the catalog.
 */
const SRAM_CAPACITY_BYTES = 230e6;
const SRAM_BANDWIDTH_BYTES_PER_SECOND = 80e12;

/**
 * `next` (an edit of `previous`) made valid, or null when the edit cannot stand. HBM back brings
 * back `hbmBandwidth` (the bandwidth the chip had when its HBM was removed), else that of
 * `original`, the chip the lab started from, whose SRAM also comes back with its HBM.
 */
export function completeLabChip(next: HardwareProfile, previous: HardwareProfile, original?: HardwareProfile, hbmBandwidth?: number): HardwareProfile | null {
  let memory = next.memory;
  const hbmRemoved = memory.hbmCapacityBytes === 0 && previous.memory.hbmCapacityBytes > 0;
  const hbmAdded = memory.hbmCapacityBytes > 0 && previous.memory.hbmCapacityBytes === 0;
  if (hbmRemoved) memory = { ...memory, hbmBandwidthBytesPerSecond: 0 };
  if (hbmAdded && memory.hbmBandwidthBytesPerSecond === 0) {
    const was = hbmBandwidth ?? original?.memory.hbmBandwidthBytesPerSecond ?? 0;
    memory = { ...memory, hbmBandwidthBytesPerSecond: was > 0 ? was : blankChip().memory.hbmBandwidthBytesPerSecond };
  }
  // HBM back on a chip that kept its weights in HBM: undo what removing it filled in (SRAM fields
  // the user has since changed stay as they are).
  if (hbmAdded && original !== undefined && !original.memory.sramHoldsWeights && memory.sramHoldsWeights) {
    memory = {
      ...memory, sramHoldsWeights: false,
      sramCapacityBytes: memory.sramCapacityBytes === SRAM_CAPACITY_BYTES ? original.memory.sramCapacityBytes : memory.sramCapacityBytes,
      sramBandwidthBytesPerSecond: memory.sramBandwidthBytesPerSecond === SRAM_BANDWIDTH_BYTES_PER_SECOND ? original.memory.sramBandwidthBytesPerSecond : memory.sramBandwidthBytesPerSecond,
    };
  }
  if (memory.hbmCapacityBytes === 0 && !memory.sramHoldsWeights && previous.memory.sramHoldsWeights === memory.sramHoldsWeights) memory = { ...memory, sramHoldsWeights: true };
  if (memory.sramHoldsWeights && memory.sramCapacityBytes === 0) memory = { ...memory, sramCapacityBytes: SRAM_CAPACITY_BYTES };
  if (memory.sramHoldsWeights && memory.sramBandwidthBytesPerSecond === 0) memory = { ...memory, sramBandwidthBytesPerSecond: SRAM_BANDWIDTH_BYTES_PER_SECOND };
  const chip = memory === next.memory ? next : { ...next, memory };
  return parseHardwareProfile(chip).errors.length === 0 ? chip : null;
}

/**
 * Why setting `def` to `value` cannot stand on `chip` although the field's own bounds allow it (a
 * zero HBM bandwidth beside HBM capacity, a zero link in a scale-up domain), or null. The control
 * shows it beside the field: the update would otherwise keep the chip as it was without a word.
 */
export function labEditRefusal(def: LabParamDef, chip: HardwareProfile, value: number, rateClass: RateClass): string | null {
  const next = def.set(chip, value, rateClass);
  if (completeLabChip(next, chip) !== null) return null;
  const kind = def.id === 'computeEfficiency' ? 'compute' : def.id === 'memoryEfficiency' ? 'memory' : null;
  if (kind !== null) {
    // In percent to one decimal, rounded up so that the share named is one the chip takes.
    const percent = (share: number) => `${Math.ceil(share * 1000) / 10}%`;
    const lowest = lowestShare(chip, kind, def.limit.min);
    if (value < lowest) return MESSAGES.lab.shareFloor(def.label, percent(lowest), percent(def.limit.min));
  }
  if (def.id === 'hbmBandwidth' && chip.memory.hbmCapacityBytes === 0 && value > 0) return MESSAGES.lab.bandwidthWithoutHbm;
  const first = parseHardwareProfile(next).errors[0];
  return MESSAGES.lab.crossField[def.id] ?? MESSAGES.lab.notValid(def.label, first === undefined ? 'a cross-field rule' : first.message);
}
