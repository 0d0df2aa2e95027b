import type { RawOperator } from './operators';
import type { Bottleneck } from './types';

/** Everything about one chip that the roofline needs, already multiplied by efficiencies. */
export interface ChipRates {
  /** Peak matrix FLOP/s x compute share (x software factor in "achieved" mode). */
  matrixFlopsPerSecond: number;
  /** Peak FLOP/s of the attention format x the flash-attention share. */
  attentionFlopsPerSecond: number;
  /** Peak FLOP/s of the LM head's format (16-bit in quantized checkpoints) x compute share. */
  headFlopsPerSecond: number;
  /** Peak matrix FLOP/s x the grouped-GEMM share reached at many tokens per expert. */
  moeFlopsPerSecond: number;
  /** Tokens per expert at which grouped GEMMs reach half of `moeFlopsPerSecond`. */
  moeHalfTokensPerExpert: number;
  /** Peak HBM bytes/s x the share each kind of operator reaches; 0 when the chip has no HBM. */
  hbmBytesPerSecond: number;
  attentionHbmBytesPerSecond: number;
  moeHbmBytesPerSecond: number;
  /** Peak SRAM bytes/s x memory share; 0 when weights never live in SRAM. */
  sramBytesPerSecond: number;
  /** Share of this chip's weight bytes held in SRAM (0..1). */
  weightSramFraction: number;
  kernelOverheadSeconds: number;
  attentionOverheadSeconds: number;
  moeLayerOverheadSeconds: number;
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

function transferSeconds(hbmBytes: number, hbmRate: number, sramBytes: number, sramRate: number): number {
  // Split placement: the two tiers stream in parallel, so the slower one sets the time (MODEL.md 2).
  const hbm = hbmBytes > 0 ? hbmBytes / hbmRate : 0;
  const sram = sramBytes > 0 ? sramBytes / sramRate : 0;
  return Math.max(hbm, sram);
}

/** The peak FLOP/s an operator's kind reaches (grouped expert GEMMs by tokens per expert). */
function flopsRateOf(op: RawOperator, rates: ChipRates): number {
  if (op.kind === 'attention-decode' || op.kind === 'attention-prefill') return rates.attentionFlopsPerSecond;
  if (op.inHeadFormat === true) return rates.headFlopsPerSecond;
  if (op.kind === 'moe-experts') {
    const m = op.tokensPerExpert ?? 0;
    return rates.moeFlopsPerSecond * (m > 0 ? m / (m + rates.moeHalfTokensPerExpert) : 1);
  }
  return rates.matrixFlopsPerSecond;
}

function hbmRateOf(op: RawOperator, rates: ChipRates): number {
  if (op.kind === 'attention-decode' || op.kind === 'attention-prefill') return rates.attentionHbmBytesPerSecond;
  if (op.kind === 'moe-experts') return rates.moeHbmBytesPerSecond;
  return rates.hbmBytesPerSecond;
}

function overheadSecondsOf(op: RawOperator, rates: ChipRates): number {
  if (op.kind === 'attention-decode' || op.kind === 'attention-prefill') return op.kernels * rates.attentionOverheadSeconds;
  if (op.kind === 'moe-experts') return rates.moeLayerOverheadSeconds;
  return op.kernels * rates.kernelOverheadSeconds;
}

function computeSecondsOf(op: RawOperator, rates: ChipRates): number {
  return op.flops > 0 ? op.flops / flopsRateOf(op, rates) : 0;
}

function memorySecondsOf(op: RawOperator, rates: ChipRates, kvSramFraction: number): number {
  const onChipOnly = rates.hbmBytesPerSecond === 0;
  const sramWeights = onChipOnly ? op.weightBytes : op.weightBytes * rates.weightSramFraction;
  const kvSram = onChipOnly ? op.kvBytes : op.kvBytes * kvSramFraction;
  const activationSram = onChipOnly ? op.activationBytes : 0;
  return transferSeconds(
    op.weightBytes - sramWeights + (op.kvBytes - kvSram) + (op.activationBytes - activationSram), hbmRateOf(op, rates),
    sramWeights + kvSram + activationSram, rates.sramBytesPerSecond,
  );
}

/**
 * t = max(FLOPs / (peak x share), bytes / (bandwidth x share)) + fixed cost (MODEL.md section 2),
 * with the share and the fixed cost of the operator's kind:
 * - decode attention: t0 + KV bytes / BW, whatever the number of sequences (H200 timings-2,
 *   attn_decode_gqa: one 32k sequence takes as long as eight of 4k, both 134 MB);
 * - prefill attention: the flash-attention share of peak (attn_prefill: 590-615 TFLOP/s bf16 from 8k);
 * - grouped expert GEMMs: share x M/(M + M_half) at M tokens per expert (tile and wave
 *   quantization; moe_grouped*), a fixed cost per layer, and their own weight-streaming share.
 * `kvSramFraction` is the share of the resident KV cache held in SRAM at this batch (memory.ts).
 */
export function timeOperator(op: RawOperator, rates: ChipRates, kvSramFraction: number): TimedOperator {
  const computeSeconds = computeSecondsOf(op, rates);
  const memorySeconds = memorySecondsOf(op, rates, kvSramFraction);
  const overheadSeconds = overheadSecondsOf(op, rates);
  const busy = Math.max(computeSeconds, memorySeconds);
  const bound: Bottleneck = overheadSeconds > busy ? 'overhead' : computeSeconds >= memorySeconds ? 'compute' : 'memory';
  return { op, computeSeconds, memorySeconds, overheadSeconds, seconds: busy + overheadSeconds, bound };
}

/** timeOperator's `seconds` alone, without building the record: the deployment search's hot path. */
export function operatorSeconds(op: RawOperator, rates: ChipRates, kvSramFraction: number): number {
  return Math.max(computeSecondsOf(op, rates), memorySecondsOf(op, rates, kvSramFraction)) + overheadSecondsOf(op, rates);
}
