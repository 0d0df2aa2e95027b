import type { RawOperator } from './operators';
import type { Bottleneck } from './types';

/** Everything about one chip that the roofline needs, already multiplied by efficiencies. */
export interface ChipRates {
  /** Peak matrix FLOP/s x compute efficiency (x software factor in "achieved" mode). */
  matrixFlopsPerSecond: number;
  /** Peak HBM bytes/s x memory efficiency; 0 when the chip has no HBM. */
  hbmBytesPerSecond: number;
  /** Peak SRAM bytes/s x memory efficiency; 0 when weights never live in SRAM. */
  sramBytesPerSecond: number;
  /** Share of this chip's weight bytes held in SRAM (0..1). */
  weightSramFraction: number;
  kvInSram: boolean;
  kernelOverheadSeconds: number;
  /** Decode attention reaches full bandwidth from this many sequences per chip (H200 measurement). */
  attentionSaturationBatch: number;
}

export interface TimedOperator {
  op: RawOperator;
  computeSeconds: number;
  memorySeconds: number;
  overheadSeconds: number;
  /** Time of one instance. */
  seconds: number;
  bound: Bottleneck;
}

function transferSeconds(hbmBytes: number, sramBytes: number, rates: ChipRates): number {
  // Split placement: the two tiers stream in parallel, so the slower one sets the time (MODEL.md 2).
  const hbm = hbmBytes > 0 ? hbmBytes / rates.hbmBytesPerSecond : 0;
  const sram = sramBytes > 0 ? sramBytes / rates.sramBytesPerSecond : 0;
  return Math.max(hbm, sram);
}

/**
 * t = max(FLOPs / (peak x eff), bytes / (bandwidth x eff)) + kernels x overhead (MODEL.md section 2).
 * Decode attention with few sequences cannot fill the chip: its bandwidth scales with
 * min(1, sequences / saturation) (H200: 0.35 TB/s at one sequence vs 3.8-4.2 TB/s from 16).
 */
export function timeOperator(op: RawOperator, rates: ChipRates, decodeSequences: number): TimedOperator {
  const computeSeconds = op.flops / rates.matrixFlopsPerSecond;
  const sramWeights = op.weightBytes * rates.weightSramFraction;
  const hbmWeights = op.weightBytes - sramWeights;
  const onChipOnly = rates.hbmBytesPerSecond === 0;
  const kvSram = rates.kvInSram || onChipOnly ? op.kvBytes : 0;
  const activationSram = onChipOnly ? op.activationBytes : 0;
  let memorySeconds = transferSeconds(
    hbmWeights + (op.kvBytes - kvSram) + (op.activationBytes - activationSram),
    sramWeights + kvSram + activationSram,
    rates,
  );
  if (op.kind === 'attention-decode') {
    memorySeconds /= Math.min(1, decodeSequences / rates.attentionSaturationBatch);
  }
  const overheadSeconds = op.kernels * rates.kernelOverheadSeconds;
  const busy = Math.max(computeSeconds, memorySeconds);
  const bound: Bottleneck = overheadSeconds > busy ? 'overhead' : computeSeconds >= memorySeconds ? 'compute' : 'memory';
  return { op, computeSeconds, memorySeconds, overheadSeconds, seconds: busy + overheadSeconds, bound };
}
