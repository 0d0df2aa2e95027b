import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fitKernelTimings,
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

describe('fitKernelTimings on synthetic data made with the engine formula', () => {
  // Truth: memoryEff 0.8, fp8 compute 0.6, bf16 0.7, 8 us per kernel, attention saturating at 12 sequences.
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
  const attention: AttentionTiming[] = [1, 4, 8, 16, 64, 256].map((batch) => {
    const a: AttentionTiming = { batch, context: 4096, kvHeads: 8, headDim: 128, seconds: 0, kvBytes: batch * 4096 * 8 * 128 * 4 };
    a.seconds = modelAttentionSeconds(a, PEAK_BW, 0.8, 12, 8e-6);
    return a;
  });
  const timings: KernelTimings = { gpu: 'synthetic', gemm, attention, copyBytesPerSecond: 4.3e12, peakGemmFlopsPerSecond: {}, problems: [] };
  const fit = fitKernelTimings(timings, PEAK_BW, PEAK);

  it('recovers bandwidth and per-kernel overhead from the memory-bound GEMMs', () => {
    // Small-M GEMMs are memory-bound: bytes include the tiny activations, so the fit is exact.
    const small = gemm.filter((g) => g.m <= 64);
    expect(small.every((g) => g.seconds > gemmBytes(g) / (PEAK_BW * 0.8))).toBe(true);
    expect(fit.memoryEfficiency).toBeCloseTo(0.8, 6);
    expect(fit.kernelOverheadSeconds).toBeCloseTo(8e-6, 9);
  });

  it('recovers the compute share per precision and the attention saturation batch', () => {
    expect(fit.computeEfficiency.fp8).toBeCloseTo(0.6, 6);
    expect(fit.computeEfficiency.bf16).toBeCloseTo(0.7, 6);
    expect(fit.attentionSaturationBatch).toBe(12);
    expect(fit.gemmRmsRelative).toBeLessThan(1e-6);
  });
});

describe('the H200 kernel timings in reference/', () => {
  const t = parseKernelTimings(readFileSync(new URL('../../reference/h200-kernel-timings.jsonl', import.meta.url), 'utf8'));

  it('parse completely', () => {
    expect(t.problems).toEqual([]);
    expect(t.gemm.length).toBeGreaterThan(150);
    expect(t.attention.length).toBeGreaterThan(10);
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
    expect(fit.attentionSaturationBatch).toBeGreaterThan(4);
    expect(fit.attentionSaturationBatch).toBeLessThan(32);
    expect(fit.gemmRmsRelative).toBeLessThan(0.15);
  });
});
