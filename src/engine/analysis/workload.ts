// Shared shapes of the analysis functions: a workload without its chip, and one chip to run it on.

import type { HardwareProfile, ResolvedScenario } from '../types';

/** Everything of a resolved scenario except the chip and how many of them. */
export type WorkloadScenario = Omit<ResolvedScenario, 'hardware' | 'chips'>;

export interface ChipChoice {
  hardware: HardwareProfile;
  /** Chips available, or 'auto' = as many as the workload needs. */
  chips: number | 'auto';
}

export function withChip(base: WorkloadScenario, chip: ChipChoice): ResolvedScenario {
  return { ...base, hardware: chip.hardware, chips: chip.chips };
}
