// Fits the silicon-level efficiency factors of a chip from micro-benchmark timings
// (reference/h200-kernel-timings.jsonl: GEMMs of Llama-3.1-8B/70B layer shapes for M = 1..8192,
// decode attention for batch x context, device copy, peak GEMM), using the engine's own operator
// model: t = max(FLOPs / (peak x computeEff), bytes / (bandwidth x memoryEff)) + kernelOverhead, and
// decode attention at bandwidth x memoryEff x min(1, batch / attentionSaturationBatch). Pure.

export interface GemmTiming {
  shape: string;
  dtype: 'bf16' | 'fp8';
  m: number;
  k: number;
  n: number;
  seconds: number;
}

export interface AttentionTiming {
  batch: number;
  context: number;
  kvHeads: number;
  headDim: number;
  seconds: number;
  /** KV bytes read (K and V, 16-bit): batch x context x kvHeads x headDim x 2 x 2. */
  kvBytes: number;
}

export interface KernelTimings {
  gpu: string;
  gemm: GemmTiming[];
  attention: AttentionTiming[];
  copyBytesPerSecond: number | null;
  peakGemmFlopsPerSecond: Partial<Record<'bf16' | 'fp8', number>>;
  problems: string[];
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Reads the JSON-lines file; bad lines are reported and skipped. */
export function parseKernelTimings(text: string): KernelTimings {
  const out: KernelTimings = { gpu: '', gemm: [], attention: [], copyBytesPerSecond: null, peakGemmFlopsPerSecond: {}, problems: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch {
      out.problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const ms = num(rec.ms);
    if (rec.section === 'env' && typeof rec.gpu === 'string') out.gpu = rec.gpu;
    else if (rec.section === 'ceilings') {
      if (rec.what === 'd2d_copy' && num(rec.tbs) !== null) out.copyBytesPerSecond = num(rec.tbs)! * 1e12;
      if (rec.what === 'gemm_bf16_8192' && num(rec.tflops) !== null) out.peakGemmFlopsPerSecond.bf16 = num(rec.tflops)! * 1e12;
      if (rec.what === 'gemm_fp8_8192' && num(rec.tflops) !== null) out.peakGemmFlopsPerSecond.fp8 = num(rec.tflops)! * 1e12;
    } else if (rec.section === 'gemm') {
      const m = num(rec.m);
      const k = num(rec.k);
      const n = num(rec.n);
      if (ms === null || m === null || k === null || n === null || (rec.dtype !== 'bf16' && rec.dtype !== 'fp8')) {
        out.problems.push(`line ${i + 1}: incomplete gemm record`);
        return;
      }
      out.gemm.push({ shape: String(rec.shape), dtype: rec.dtype, m, k, n, seconds: ms / 1e3 });
    } else if (rec.section === 'attn_decode') {
      const b = num(rec.b);
      const s = num(rec.s);
      const hkv = num(rec.hkv);
      const d = num(rec.d);
      if (ms === null || b === null || s === null || hkv === null || d === null) {
        out.problems.push(`line ${i + 1}: incomplete attention record`);
        return;
      }
      out.attention.push({ batch: b, context: s, kvHeads: hkv, headDim: d, seconds: ms / 1e3, kvBytes: b * s * hkv * d * 2 * 2 });
    }
  });
  return out;
}

const BYTES: Record<'bf16' | 'fp8', number> = { bf16: 2, fp8: 1 };

/** Weight + activation bytes a GEMM moves (fp8 GEMMs take fp8 inputs and write bf16). */
export function gemmBytes(g: GemmTiming): number {
  const b = BYTES[g.dtype];
  return g.k * g.n * b + g.m * g.k * b + g.m * g.n * 2;
}

export function gemmFlops(g: GemmTiming): number {
  return 2 * g.m * g.k * g.n;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Root mean square of the relative residuals. */
  rmsRelative: number;
  points: number;
}

/** Least-squares line y = slope x + intercept, weighted by 1/y^2 (relative errors). */
export function fitLine(xs: readonly number[], ys: readonly number[]): LinearFit {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = 1 / (ys[i]! * ys[i]!);
    sw += w;
    sx += w * xs[i]!;
    sy += w * ys[i]!;
    sxx += w * xs[i]! * xs[i]!;
    sxy += w * xs[i]! * ys[i]!;
  }
  const det = sw * sxx - sx * sx;
  const slope = det === 0 ? 0 : (sw * sxy - sx * sy) / det;
  const intercept = (sy - slope * sx) / sw;
  let sq = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = (slope * xs[i]! + intercept) / ys[i]! - 1;
    sq += r * r;
  }
  return { slope, intercept, rmsRelative: Math.sqrt(sq / Math.max(1, xs.length)), points: xs.length };
}

export interface KernelFit {
  gpu: string;
  peakBandwidthBytesPerSecond: number;
  peakFlopsPerSecond: Record<'bf16' | 'fp8', number>;
  /** Streaming bandwidth of memory-bound GEMMs (M <= 64) / peak. */
  memoryEfficiency: number;
  /** Fixed time per kernel (intercept of the memory-bound GEMM line), seconds. */
  kernelOverheadSeconds: number;
  memoryBoundFit: LinearFit;
  /** Share of peak reached by GEMMs with M >= 2048 (median), per precision, with the fitted overhead removed. */
  computeEfficiency: Record<'bf16' | 'fp8', number>;
  /** Device-to-device copy / peak (an upper reference, not used by the engine). */
  copyEfficiency: number | null;
  attentionSaturationBatch: number;
  /** RMS relative error of the engine's operator formula over every GEMM, with the fitted values. */
  gemmRmsRelative: number;
  attentionRmsRelative: number;
  notes: string[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The engine's time for one GEMM (roofline.ts timeOperator, one kernel). */
export function modelGemmSeconds(g: GemmTiming, peakFlops: number, computeEff: number, peakBw: number, memoryEff: number, overhead: number): number {
  return Math.max(gemmFlops(g) / (peakFlops * computeEff), gemmBytes(g) / (peakBw * memoryEff)) + overhead;
}

/** The engine's time for one decode-attention kernel. */
export function modelAttentionSeconds(a: AttentionTiming, peakBw: number, memoryEff: number, saturation: number, overhead: number): number {
  return a.kvBytes / (peakBw * memoryEff * Math.min(1, a.batch / saturation)) + overhead;
}

/**
 * Fits the silicon factors in the order the data pins them: (1) memory-bound GEMMs (M <= 64)
 * give bandwidth (slope) and fixed cost per kernel (intercept); (2) large GEMMs (M >= 2048) give
 * the share of peak FLOP/s; (3) decode attention gives the saturation batch (grid over 1..64).
 */
export function fitKernelTimings(t: KernelTimings, peakBandwidthBytesPerSecond: number, peakFlopsPerSecond: Record<'bf16' | 'fp8', number>): KernelFit {
  const notes: string[] = [];
  const small = t.gemm.filter((g) => g.m <= 64);
  const line = fitLine(small.map(gemmBytes), small.map((g) => g.seconds));
  const bandwidth = 1 / line.slope;
  const memoryEfficiency = Math.min(1, bandwidth / peakBandwidthBytesPerSecond);
  const kernelOverheadSeconds = Math.max(0, line.intercept);
  notes.push(`memory-bound GEMMs (M <= 64, ${small.length} points): ${(bandwidth / 1e12).toFixed(2)} TB/s + ${(kernelOverheadSeconds * 1e6).toFixed(1)} us per kernel`);
  const computeEfficiency = { bf16: 0, fp8: 0 };
  for (const dtype of ['bf16', 'fp8'] as const) {
    const big = t.gemm.filter((g) => g.dtype === dtype && g.m >= 2048);
    const shares = big.map((g) => gemmFlops(g) / Math.max(1e-9, g.seconds - kernelOverheadSeconds) / peakFlopsPerSecond[dtype]);
    computeEfficiency[dtype] = Math.min(1, median(shares));
    notes.push(`${dtype} GEMMs with M >= 2048 (${big.length} points): median ${(computeEfficiency[dtype] * 100).toFixed(1)}% of ${(peakFlopsPerSecond[dtype] / 1e12).toFixed(0)} TFLOP/s`);
  }
  let gemmSq = 0;
  for (const g of t.gemm) {
    const m = modelGemmSeconds(g, peakFlopsPerSecond[g.dtype], computeEfficiency[g.dtype], peakBandwidthBytesPerSecond, memoryEfficiency, kernelOverheadSeconds);
    gemmSq += (m / g.seconds - 1) ** 2;
  }
  let bestSat = 1;
  let bestErr = Number.POSITIVE_INFINITY;
  for (let sat = 1; sat <= 64; sat += 0.5) {
    let sq = 0;
    for (const a of t.attention) {
      const m = modelAttentionSeconds(a, peakBandwidthBytesPerSecond, memoryEfficiency, sat, kernelOverheadSeconds);
      sq += Math.log(m / a.seconds) ** 2;
    }
    if (sq < bestErr) {
      bestErr = sq;
      bestSat = sat;
    }
  }
  let attSq = 0;
  for (const a of t.attention) {
    attSq += (modelAttentionSeconds(a, peakBandwidthBytesPerSecond, memoryEfficiency, bestSat, kernelOverheadSeconds) / a.seconds - 1) ** 2;
  }
  notes.push(`decode attention (${t.attention.length} points): full bandwidth from ${bestSat} sequences`);
  return {
    gpu: t.gpu,
    peakBandwidthBytesPerSecond,
    peakFlopsPerSecond,
    memoryEfficiency,
    kernelOverheadSeconds,
    memoryBoundFit: line,
    computeEfficiency,
    copyEfficiency: t.copyBytesPerSecond === null ? null : t.copyBytesPerSecond / peakBandwidthBytesPerSecond,
    attentionSaturationBatch: bestSat,
    gemmRmsRelative: Math.sqrt(gemmSq / Math.max(1, t.gemm.length)),
    attentionRmsRelative: Math.sqrt(attSq / Math.max(1, t.attention.length)),
    notes,
  };
}
