import type { HardwareProfile, Precision, PrecisionConfig, RateClass } from './types';

/**
 * Storage bytes per value. Block-scaled formats carry their scales: MXFP4 = 4-bit values plus one
 * 8-bit scale per 32 (OCP MX spec v1.0); NVFP4 = one FP8 scale per 16 (NVIDIA Blackwell docs);
 * INT4 = group-wise (128) fp16 scale as in AWQ/GPTQ checkpoints.
 */
export const BYTES_PER_VALUE: Readonly<Record<Precision, number>> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  fp6: 0.75,
  fp4: 0.5,
  mxfp4: 0.5 + 1 / 32,
  nvfp4: 0.5 + 1 / 16,
  int8: 1,
  int4: 0.5 + 2 / 128,
};

const BITS: Readonly<Record<Precision, number>> = {
  fp32: 32, bf16: 16, fp16: 16, fp8: 8, fp6: 6, fp4: 4, mxfp4: 4, nvfp4: 4, int8: 8, int4: 4,
};

const RATE_CLASS: Readonly<Record<Precision, RateClass>> = {
  fp32: 'fp32', bf16: 'bf16', fp16: 'fp16', fp8: 'fp8', fp6: 'fp6', fp4: 'fp4', mxfp4: 'fp4', nvfp4: 'fp4',
  int8: 'int8', int4: 'int4',
};

/** Where a rate a chip lacks falls back to (next wider format the matrix engine runs). */
const FALLBACK: Readonly<Record<RateClass, RateClass[]>> = {
  fp4: ['fp6', 'fp8', 'int8', 'bf16', 'fp16'],
  fp6: ['fp8', 'int8', 'bf16', 'fp16'],
  int4: ['int8', 'fp8', 'bf16', 'fp16'],
  fp8: ['int8', 'bf16', 'fp16'],
  int8: ['fp8', 'bf16', 'fp16'],
  bf16: ['fp16', 'fp8'],
  fp16: ['bf16', 'fp8'],
  tf32: ['bf16', 'fp16'],
  fp32: ['tf32', 'bf16', 'fp16'],
};

/**
 * The matrix rate a GEMM runs at: the wider of weight and activation formats, since a W4A16
 * kernel dequantizes to 16-bit and computes there (MODEL.md section 1).
 */
export function computePrecision(precision: PrecisionConfig): Precision {
  return BITS[precision.weights] >= BITS[precision.activations] ? precision.weights : precision.activations;
}

/**
 * The format attention math runs in: the wider of activations and KV cache (FP8 KV with FP8
 * activations runs FP8 attention, e.g. TensorRT-LLM's FP8 context FMHA; a 16-bit side makes it 16-bit).
 */
export function attentionPrecision(precision: PrecisionConfig): Precision {
  return BITS[precision.activations] >= BITS[precision.kvCache] ? precision.activations : precision.kvCache;
}

export interface MatrixRate {
  flopsPerSecond: number;
  rateClass: RateClass;
  fellBack: boolean;
}

export function matrixRate(hardware: HardwareProfile, precision: Precision): MatrixRate {
  const wanted = RATE_CLASS[precision];
  const rates = hardware.compute.denseFlopsPerSecond;
  const direct = rates[wanted];
  if (direct !== undefined && direct > 0) return { flopsPerSecond: direct, rateClass: wanted, fellBack: false };
  for (const candidate of FALLBACK[wanted]) {
    const rate = rates[candidate];
    if (rate !== undefined && rate > 0) return { flopsPerSecond: rate, rateClass: candidate, fellBack: true };
  }
  const any = Object.entries(rates).find(([, v]) => v !== undefined && v > 0);
  return { flopsPerSecond: any?.[1] ?? 0, rateClass: (any?.[0] as RateClass | undefined) ?? wanted, fellBack: true };
}

/**
 * The format of the embedding and LM head: quantized checkpoints leave them 16-bit (NVIDIA ModelOpt
 * and llm-compressor exclude "lm_head" by default; AMD Quark's recipes do too), so only models run
 * wider than 16 bits keep their own format there.
 */
export function headPrecision(precision: PrecisionConfig): Precision {
  return BITS[precision.weights] >= 16 ? precision.weights : 'bf16';
}

/** Collectives move activations in 16-bit unless the model runs wider (NCCL/RCCL practice). */
export function collectiveBytesPerValue(precision: PrecisionConfig): number {
  return Math.max(2, BYTES_PER_VALUE[precision.activations]);
}
