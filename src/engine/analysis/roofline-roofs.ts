// The roofs of the roofline chart for one scenario: the matrix rate at the workload's compute
// precision and the memory tiers' bandwidths, both at datasheet peak and at the efficiencies the
// engine applies (so operator points sit under the "effective" roofs).

import { buildContext } from '../context';
import type { RateClass, ResolvedScenario } from '../types';

export interface Roofs {
  hardwareId: string;
  rateClass: RateClass;
  peakFlopsPerSecond: number;
  effectiveFlopsPerSecond: number;
  /** Main memory (HBM); 0 when the chip has none. */
  peakHbmBytesPerSecond: number;
  effectiveHbmBytesPerSecond: number;
  /** SRAM tier holding weights (Groq, Cerebras, ...); 0 when weights never live in SRAM. */
  peakSramBytesPerSecond: number;
  effectiveSramBytesPerSecond: number;
}

export function rooflineRoofs(scenario: ResolvedScenario): Roofs {
  const ctx = buildContext(scenario);
  const m = scenario.hardware.memory;
  const sram = m.sramHoldsWeights ? m.sramBandwidthBytesPerSecond : 0;
  return {
    hardwareId: scenario.hardware.id,
    rateClass: ctx.rate.rateClass,
    peakFlopsPerSecond: ctx.rate.flopsPerSecond,
    effectiveFlopsPerSecond: ctx.rate.flopsPerSecond * ctx.efficiency.compute,
    peakHbmBytesPerSecond: m.hbmBandwidthBytesPerSecond,
    effectiveHbmBytesPerSecond: m.hbmBandwidthBytesPerSecond * ctx.efficiency.memory,
    peakSramBytesPerSecond: sram,
    effectiveSramBytesPerSecond: sram * ctx.efficiency.memory,
  };
}
