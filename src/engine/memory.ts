import { kvValuesPerTokenPerLayer, layerWindow } from './architecture';
import { kvShare } from './operators';
import type { HardwareProfile, ModelArchitecture } from './types';

/** KV-cache bytes one sequence of `contextTokens` needs on one chip (windowed layers cap at the window). */
export function kvBytesPerSequencePerChip(
  model: ModelArchitecture,
  contextTokens: number,
  kvBytesPerValue: number,
  tensorParallel: number,
  pipelineParallel: number,
): number {
  const perLayer = kvValuesPerTokenPerLayer(model) * kvShare(model, tensorParallel) * kvBytesPerValue;
  let tokens = 0;
  for (let i = 0; i < model.numLayers; i++) {
    const window = layerWindow(model, i);
    tokens += window === null ? contextTokens : Math.min(contextTokens, window);
  }
  return (perLayer * tokens) / pipelineParallel;
}

/** SRAM that may hold weights and KV: scratchpads of ASICs, never GPU caches. */
function weightSramBytes(hardware: HardwareProfile): number {
  return hardware.memory.sramHoldsWeights ? hardware.memory.sramCapacityBytes : 0;
}

/**
 * A chip that keeps weights in on-chip SRAM (Cerebras, Groq, d-Matrix, MatX): statically scheduled
 * dataflow, whose fixed costs and spread of measured speeds differ from the GPUs' (validation's
 * dataflow-overhead.ts fits them; uncertainty.ts widens their ranges).
 */
export function isDataflowChip(hardware: HardwareProfile): boolean {
  return hardware.memory.sramHoldsWeights;
}

/** Memory that can hold weights and KV on one chip (HBM/DRAM plus weight-holding SRAM). */
export function capacityBytesPerChip(hardware: HardwareProfile): number {
  return hardware.memory.hbmCapacityBytes + weightSramBytes(hardware);
}

/** Capacity less the reserve kept for activations, runtime and fragmentation. */
export function usableBytesPerChip(hardware: HardwareProfile): number {
  return capacityBytesPerChip(hardware) * (1 - hardware.efficiency.memoryReserveFraction);
}

/** The fewest chips whose usable memory holds `bytes` (the engine's "needs at least N chips" and the market check's). */
export function chipsToHold(bytes: number, hardware: HardwareProfile): number {
  return Math.ceil(bytes / usableBytesPerChip(hardware));
}

export interface MemoryPlan {
  capacityBytesPerChip: number;
  usableBytesPerChip: number;
  reserveBytesPerChip: number;
  weightsBytesPerChip: number;
  kvBytesPerSequencePerChip: number;
  /** Largest number of concurrent sequences per replica whose KV fits next to the weights (0 = weights alone do not fit). */
  maxSequences: number;
  weightSramFraction: number;
  /** SRAM left after the weights that KV may use, per chip (0 on chips whose SRAM cannot hold weights). */
  kvSramCapacityBytes: number;
}

/**
 * weights/(TP*PP) + KV(B, S)/(TP*PP) + reserve <= capacity (MODEL.md section 4). The reserve
 * fraction covers activations, runtime and fragmentation. SRAM counts as capacity only on chips
 * whose scratchpad can hold weights (Groq, Cerebras, ...), not on GPU caches. Weights take the
 * SRAM first; the KV bytes that fit in what is left are read at SRAM speed, the rest from HBM.
 */
export function planMemory(
  hardware: HardwareProfile,
  weightsBytesPerChip: number,
  kvBytesPerSequencePerChip: number,
  attentionGroups = 1,
): MemoryPlan {
  const sram = weightSramBytes(hardware);
  const capacity = capacityBytesPerChip(hardware);
  const usable = usableBytesPerChip(hardware);
  const reserve = capacity - usable;
  const free = usable - weightsBytesPerChip;
  // Under DP attention each attention group holds the KV of its share of sequences.
  const perGroup = free <= 0 ? 0 : kvBytesPerSequencePerChip > 0 ? Math.floor(free / kvBytesPerSequencePerChip) : 1e9;
  const maxSequences = perGroup * attentionGroups;
  const sramUsable = sram * (1 - hardware.efficiency.memoryReserveFraction);
  const weightSramFraction = sram > 0 && weightsBytesPerChip > 0 ? Math.min(1, sramUsable / weightsBytesPerChip) : 0;
  return {
    capacityBytesPerChip: capacity,
    usableBytesPerChip: usable,
    reserveBytesPerChip: reserve,
    weightsBytesPerChip,
    kvBytesPerSequencePerChip,
    maxSequences,
    weightSramFraction,
    kvSramCapacityBytes: sram > 0 ? Math.max(0, sramUsable - weightsBytesPerChip) : 0,
  };
}

/** Share of the resident KV cache (sequences per attention group on this chip) that SRAM holds. */
export function kvSramFraction(plan: MemoryPlan, residentSequencesPerGroup: number): number {
  const kv = residentSequencesPerGroup * plan.kvBytesPerSequencePerChip;
  return kv > 0 ? Math.min(1, plan.kvSramCapacityBytes / kv) : 0;
}
