import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  emptyTimings,
  fitKernelTimings,
  modelMoeSeconds,
  type MoeTiming,
  fitLine,
  gemmBytes,
  modelAttentionSeconds,
  modelGemmSeconds,
  parseKernelTimings,
  type AttentionTiming,
  type GemmTiming,
  type KernelTimings,
} from '../../src/validation/kernel-fit';

const PEAK_BW = 4.8e12;
const PEAK = { bf16: 989.4e12, fp8: 1978.9e12 };

describe('fitLine', () => {
  it('recovers an exact line', () => {
    const xs = [1, 2, 3, 10];
    const f = fitLine(xs, xs.map((x) => 3 * x + 5));
    expect(f.slope).toBeCloseTo(3, 9);
    expect(f.intercept).toBeCloseTo(5, 9);
    expect(f.rmsRelative).toBeLessThan(1e-12);
  });
});

describe('fitKernelTimings on synthetic data made with the engine formulas', () => {
  // Truth: memoryEff 0.8, fp8 compute 0.6, bf16 0.7, 8 us per kernel; decode attention 12 us + bytes
  // at 0.85 x peak; prefill attention 0.6 of bf16; grouped GEMMs 50 us + touched weights at 0.6 x
  // peak, compute 0.4 x M / (M + 100) of fp8.
  const gemm: GemmTiming[] = [];
  for (const dtype of ['bf16', 'fp8'] as const) {
    for (const [k, n] of [[4096, 6144], [8192, 57344], [14336, 4096]] as const) {
      for (const m of [1, 4, 16, 64, 2048, 4096, 8192]) {
        const g: GemmTiming = { shape: 's', dtype, m, k, n, seconds: 0 };
        g.seconds = modelGemmSeconds(g, PEAK[dtype], dtype === 'fp8' ? 0.6 : 0.7, PEAK_BW, 0.8, 8e-6);
        gemm.push(g);
      }
    }
  }
  // The same bytes split over 1 or 32 sequences take the same time: the model has no sequence term.
  const attention: AttentionTiming[] = [[1, 32768], [8, 4096], [32, 1024], [1, 131072], [4, 65536]].map(([batch, context]) => {
    const a: AttentionTiming = { batch: batch!, context: context!, seconds: 0, kvBytes: batch! * context! * 8 * 128 * 4 };
    a.seconds = modelAttentionSeconds(a, PEAK_BW, 0.85, 12e-6);
    return a;
  });
  const prefillAttention = [8192, 32768].map((tokens) => {
    const flops = 2 * tokens * tokens * 32 * 128;
    return { tokens, flops, seconds: flops / (0.6 * PEAK.bf16) };
  });
  const moe: MoeTiming[] = [1, 16, 64, 256, 1024, 4096, 16384].map((tokens) => {
    const t: MoeTiming = { dtype: 'fp8', tokens, experts: 256, topK: 8, hidden: 7168, expertWidth: 2048, expertsTouched: Math.round(256 * (1 - (1 - 8 / 256) ** tokens)), seconds: 0 };
    t.seconds = modelMoeSeconds(t, PEAK.fp8, 0.4, 100, PEAK_BW, 0.6, 50e-6);
    return t;
  });
  const timings: KernelTimings = { ...emptyTimings(), gpu: 'synthetic', gemm, attention, prefillAttention, moe, copyBytesPerSecond: 4.3e12 };
  const fit = fitKernelTimings(timings, PEAK_BW, PEAK);

  it('recovers bandwidth and per-kernel overhead from the memory-bound GEMMs', () => {
    // Small-M GEMMs are memory-bound: bytes include the tiny activations, so the fit is exact.
    const small = gemm.filter((g) => g.m <= 64);
    expect(small.every((g) => g.seconds > gemmBytes(g) / (PEAK_BW * 0.8))).toBe(true);
    expect(fit.memoryEfficiency).toBeCloseTo(0.8, 6);
    expect(fit.kernelOverheadSeconds).toBeCloseTo(8e-6, 9);
  });

  it('recovers the compute share per precision, the attention cost by bytes and the prefill-attention share', () => {
    expect(fit.computeEfficiency.fp8).toBeCloseTo(0.6, 6);
    expect(fit.computeEfficiency.bf16).toBeCloseTo(0.7, 6);
    expect(fit.attentionMemoryEfficiency).toBeCloseTo(0.85, 6);
    expect(fit.attentionOverheadSeconds).toBeCloseTo(12e-6, 9);
    expect(fit.attentionComputeEfficiency).toBeCloseTo(0.6, 6);
    expect(fit.gemmRmsRelative).toBeLessThan(1e-6);
  });

  it('recovers the grouped-GEMM fixed cost, bandwidth and tokens-per-expert curve', () => {
    expect(fit.moeLayerOverheadSeconds).toBeCloseTo(50e-6, 8);
    expect(fit.moeMemoryEfficiency).toBeCloseTo(0.6, 4);
    expect(fit.moeComputeEfficiency).toBeCloseTo(0.4, 4);
    expect(fit.moeHalfTokensPerExpert).toBeCloseTo(100, 1);
    expect(fit.moeRmsRelative).toBeLessThan(1e-3);
  });
});

describe('the H200 kernel timings in reference/', () => {
  const t = parseKernelTimings(readFileSync(new URL('../../reference/h200-kernel-timings.jsonl', import.meta.url), 'utf8'));
  parseKernelTimings(readFileSync(new URL('../../reference/h200-kernel-timings-2.jsonl', import.meta.url), 'utf8'), t);

  it('parse completely (the first file\'s attn_decode rows are left out: a kernel limit, not a serving speed)', () => {
    expect(t.problems).toEqual([]);
    expect(t.gemm.length).toBeGreaterThan(150);
    expect(t.attention).toHaveLength(11);
    expect(t.prefillAttention).toHaveLength(4);
    expect(t.moe).toHaveLength(16);
    expect(t.copyBytesPerSecond).toBeCloseTo(4.28e12, -10);
  });

  it('give physically plausible Hopper factors (MODEL.md section 2)', () => {
    const fit = fitKernelTimings(t, PEAK_BW, PEAK);
    expect(fit.memoryEfficiency).toBeGreaterThan(0.7);
    expect(fit.memoryEfficiency).toBeLessThanOrEqual(fit.copyEfficiency!);
    expect(fit.kernelOverheadSeconds).toBeGreaterThan(3e-6);
    expect(fit.kernelOverheadSeconds).toBeLessThan(20e-6);
    expect(fit.computeEfficiency.fp8).toBeGreaterThan(0.55);
    expect(fit.computeEfficiency.fp8).toBeLessThan(0.75);
    expect(fit.computeEfficiency.bf16).toBeGreaterThan(0.6);
    expect(fit.gemmRmsRelative).toBeLessThan(0.15);
    // MODEL.md: decode attention t0 ~11-17 us and BW ~4.5 TB/s (over 90% of the datasheet on a plain LS fit).
    expect(fit.attentionOverheadSeconds).toBeGreaterThan(8e-6);
    expect(fit.attentionOverheadSeconds).toBeLessThan(20e-6);
    expect(fit.attentionMemoryEfficiency).toBeGreaterThan(0.8);
    expect(fit.attentionRmsRelative).toBeLessThan(0.15);
    expect(fit.attentionComputeEfficiency).toBeGreaterThan(0.55);
    expect(fit.moeRmsRelative).toBeLessThan(0.1);
  });
});
