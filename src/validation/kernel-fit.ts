// Fits the silicon-level efficiency factors of a chip from micro-benchmark timings with the
// engine's own operator model (engine/roofline.ts). Two files measured on H200s:
// - reference/h200-kernel-timings.jsonl: GEMMs of Llama-3.1-8B/70B layer shapes for M = 1..8192,
//   device copy, peak GEMM. (Its attn_decode rows folded the query heads into the query axis and
//   show a kernel limit, not what serving stacks reach: they are not used.)
// - reference/h200-kernel-timings-2.jsonl: decode attention with the query heads grouped natively
//   (time follows the KV bytes, not the sequence count), causal prefill attention, and DeepSeek-V3
//   expert layers as grouped GEMMs (bf16 and fp8) from 1 to 32k routed tokens.
// Pure: text in, fitted values and their residuals out.

export interface GemmTiming {
  shape: string;
  dtype: 'bf16' | 'fp8';
  m: number;
  k: number;
  n: number;
  seconds: number;
}

/** Decode attention over `kvBytes` of KV cache (any split over sequences). */
export interface AttentionTiming {
  batch: number;
  context: number;
  seconds: number;
  kvBytes: number;
}

/** Causal prefill attention of one sequence of `tokens` (FlashAttention's causal FLOP count). */
export interface PrefillAttentionTiming {
  tokens: number;
  flops: number;
  seconds: number;
}

/** One MoE layer's routed experts as grouped GEMMs (gate+up, then down). */
export interface MoeTiming {
  dtype: 'bf16' | 'fp8';
  tokens: number;
  experts: number;
  topK: number;
  hidden: number;
  expertWidth: number;
  expertsTouched: number;
  seconds: number;
}

export interface KernelTimings {
  gpu: string;
  gemm: GemmTiming[];
  attention: AttentionTiming[];
  prefillAttention: PrefillAttentionTiming[];
  moe: MoeTiming[];
  copyBytesPerSecond: number | null;
  peakGemmFlopsPerSecond: Partial<Record<'bf16' | 'fp8', number>>;
  problems: string[];
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function emptyTimings(): KernelTimings {
  return { gpu: '', gemm: [], attention: [], prefillAttention: [], moe: [], copyBytesPerSecond: null, peakGemmFlopsPerSecond: {}, problems: [] };
}

/** Reads JSON-lines timings into `out` (one or more files); bad lines are reported and skipped. */
export function parseKernelTimings(text: string, out: KernelTimings = emptyTimings()): KernelTimings {
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
    const seconds = ms === null ? null : ms / 1e3;
    if (rec.section === 'env' && typeof rec.gpu === 'string') out.gpu = rec.gpu;
    else if (rec.section === 'ceilings') {
      if (rec.what === 'd2d_copy' && num(rec.tbs) !== null) out.copyBytesPerSecond = num(rec.tbs)! * 1e12;
      if (rec.what === 'gemm_bf16_8192' && num(rec.tflops) !== null) out.peakGemmFlopsPerSecond.bf16 = num(rec.tflops)! * 1e12;
      if (rec.what === 'gemm_fp8_8192' && num(rec.tflops) !== null) out.peakGemmFlopsPerSecond.fp8 = num(rec.tflops)! * 1e12;
    } else if (rec.section === 'gemm') {
      const [m, k, n] = [num(rec.m), num(rec.k), num(rec.n)];
      if (seconds === null || m === null || k === null || n === null || (rec.dtype !== 'bf16' && rec.dtype !== 'fp8')) {
        out.problems.push(`line ${i + 1}: incomplete gemm record`);
        return;
      }
      out.gemm.push({ shape: String(rec.shape), dtype: rec.dtype, m, k, n, seconds });
    } else if (rec.section === 'attn_decode_gqa') {
      const [b, s, mb] = [num(rec.b), num(rec.s), num(rec.kv_mb)];
      if (seconds === null || b === null || s === null || mb === null) {
        out.problems.push(`line ${i + 1}: incomplete attention record`);
        return;
      }
      out.attention.push({ batch: b, context: s, seconds, kvBytes: mb * 1e6 });
    } else if (rec.section === 'attn_prefill') {
      const [s, hq, d] = [num(rec.s), num(rec.hq), num(rec.d)];
      if (seconds === null || s === null || hq === null || d === null) {
        out.problems.push(`line ${i + 1}: incomplete prefill-attention record`);
        return;
      }
      // Causal: half of the 4 x S^2 x heads x headDim of full attention (FlashAttention's count).
      out.prefillAttention.push({ tokens: s, flops: 2 * s * s * hq * d, seconds });
    } else if (rec.section === 'moe_grouped' || rec.section === 'moe_grouped_fp8') {
      const [tokens, experts, topK, hidden, width, touched] = [num(rec.tokens), num(rec.experts), num(rec.topk), num(rec.hidden), num(rec.expert_inter), num(rec.experts_touched)];
      if (seconds === null || tokens === null || experts === null || topK === null || hidden === null || width === null || touched === null) {
        out.problems.push(`line ${i + 1}: incomplete MoE record`);
        return;
      }
      out.moe.push({ dtype: rec.section === 'moe_grouped_fp8' ? 'fp8' : 'bf16', tokens, experts, topK, hidden, expertWidth: width, expertsTouched: touched, seconds });
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

/** Weights of the experts a MoE layer touched (gate, up, down: 3 x hidden x width each). */
export function moeTouchedBytes(t: MoeTiming): number {
  return t.expertsTouched * 3 * t.hidden * t.expertWidth * BYTES[t.dtype];
}

export function moeFlops(t: MoeTiming): number {
  return 2 * t.tokens * t.topK * 3 * t.hidden * t.expertWidth;
}

/** Mean routed tokens per touched expert: the M of each grouped GEMM. */
export function moeTokensPerExpert(t: MoeTiming): number {
  return (t.tokens * t.topK) / t.expertsTouched;
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
  /** Decode attention: t = t0 + bytes / (peak x share). */
  attentionMemoryEfficiency: number;
  attentionOverheadSeconds: number;
  attentionFit: LinearFit;
  /** Prefill attention from 8k tokens: median share of the bf16 peak. */
  attentionComputeEfficiency: number;
  /** Grouped expert GEMMs (fp8, as served): weight bandwidth, fixed cost, and eff(M) = max x M / (M + half). */
  moeMemoryEfficiency: number;
  moeLayerOverheadSeconds: number;
  moeComputeEfficiency: number;
  moeHalfTokensPerExpert: number;
  /** RMS relative error of the engine's operator formulas over every timing, with the fitted values. */
  gemmRmsRelative: number;
  attentionRmsRelative: number;
  moeRmsRelative: number;
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

/** The engine's time for one decode-attention kernel: fixed cost plus the KV bytes at the achieved bandwidth. */
export function modelAttentionSeconds(a: AttentionTiming, peakBw: number, memoryEff: number, overhead: number): number {
  return overhead + a.kvBytes / (peakBw * memoryEff);
}

/** The engine's time for one MoE layer's grouped GEMMs (roofline.ts, kind moe-experts). */
export function modelMoeSeconds(t: MoeTiming, peakFlops: number, computeMax: number, half: number, peakBw: number, memoryEff: number, overhead: number): number {
  const m = moeTokensPerExpert(t);
  const compute = moeFlops(t) / (peakFlops * computeMax * (m / (m + half)));
  return overhead + Math.max(compute, moeTouchedBytes(t) / (peakBw * memoryEff));
}

/**
 * Fits the silicon factors in the order the data pins them: (1) memory-bound GEMMs (M <= 64)
 * give bandwidth (slope) and fixed cost per kernel (intercept); (2) large GEMMs (M >= 2048) give
 * the share of peak FLOP/s; (3) decode attention gives its own fixed cost and bandwidth (a line in
 * the KV bytes); (4) prefill attention from 8k tokens its share of peak; (5) fp8 grouped expert
 * GEMMs: the memory-bound ones (<= 256 tokens) a line in the touched weights, the compute-bound
 * ones (>= 4096 tokens) eff(M) = max x M / (M + half), a line in 1/M after linearising.
 */
export function fitKernelTimings(t: KernelTimings, peakBandwidthBytesPerSecond: number, peakFlopsPerSecond: Record<'bf16' | 'fp8', number>): KernelFit {
  const notes: string[] = [];
  const bw = peakBandwidthBytesPerSecond;
  const small = t.gemm.filter((g) => g.m <= 64);
  const line = fitLine(small.map(gemmBytes), small.map((g) => g.seconds));
  const memoryEfficiency = Math.min(1, 1 / line.slope / bw);
  const kernelOverheadSeconds = Math.max(0, line.intercept);
  notes.push(`memory-bound GEMMs (M <= 64, ${small.length} points): ${(1 / line.slope / 1e12).toFixed(2)} TB/s + ${(kernelOverheadSeconds * 1e6).toFixed(1)} us per kernel`);
  const computeEfficiency = { bf16: 0, fp8: 0 };
  for (const dtype of ['bf16', 'fp8'] as const) {
    const big = t.gemm.filter((g) => g.dtype === dtype && g.m >= 2048);
    const shares = big.map((g) => gemmFlops(g) / Math.max(1e-9, g.seconds - kernelOverheadSeconds) / peakFlopsPerSecond[dtype]);
    computeEfficiency[dtype] = Math.min(1, median(shares));
    notes.push(`${dtype} GEMMs with M >= 2048 (${big.length} points): median ${(computeEfficiency[dtype] * 100).toFixed(1)}% of ${(peakFlopsPerSecond[dtype] / 1e12).toFixed(0)} TFLOP/s`);
  }
  let gemmSq = 0;
  for (const g of t.gemm) {
    const m = modelGemmSeconds(g, peakFlopsPerSecond[g.dtype], computeEfficiency[g.dtype], bw, memoryEfficiency, kernelOverheadSeconds);
    gemmSq += (m / g.seconds - 1) ** 2;
  }

  const attentionFit = fitLine(t.attention.map((a) => a.kvBytes), t.attention.map((a) => a.seconds));
  const attentionMemoryEfficiency = Math.min(1, 1 / attentionFit.slope / bw);
  const attentionOverheadSeconds = Math.max(0, attentionFit.intercept);
  notes.push(`decode attention (${t.attention.length} points, time vs KV bytes whatever the sequence count): `
    + `${(attentionOverheadSeconds * 1e6).toFixed(1)} us + bytes at ${(1 / attentionFit.slope / 1e12).toFixed(2)} TB/s (${(attentionFit.rmsRelative * 100).toFixed(1)}% RMS)`);

  const longPrefill = t.prefillAttention.filter((p) => p.tokens >= 8192);
  const attentionComputeEfficiency = Math.min(1, median(longPrefill.map((p) => p.flops / p.seconds / peakFlopsPerSecond.bf16)));
  notes.push(`causal prefill attention from 8k tokens (${longPrefill.length} points): median ${(attentionComputeEfficiency * 100).toFixed(1)}% of the bf16 peak `
    + '(2k tokens reach less: too little work per head)');

  const moe = t.moe.filter((m) => m.dtype === 'fp8');
  const moeSmall = moe.filter((m) => m.tokens <= 256);
  const moeLine = fitLine(moeSmall.map(moeTouchedBytes), moeSmall.map((m) => m.seconds));
  const moeMemoryEfficiency = Math.min(1, 1 / moeLine.slope / bw);
  const moeLayerOverheadSeconds = Math.max(0, moeLine.intercept);
  // eff(M) = max M / (M + half)  <=>  1/eff = 1/max + (half/max) (1/M): a line in 1/M.
  const moeBig = moe.filter((m) => m.tokens >= 4096);
  const effLine = fitLine(moeBig.map((m) => 1 / moeTokensPerExpert(m)),
    moeBig.map((m) => peakFlopsPerSecond.fp8 / (moeFlops(m) / Math.max(1e-9, m.seconds - moeLayerOverheadSeconds))));
  const moeComputeEfficiency = Math.min(1, 1 / effLine.intercept);
  const moeHalfTokensPerExpert = Math.max(0, effLine.slope * moeComputeEfficiency);
  let moeSq = 0;
  for (const m of moe) {
    const p = modelMoeSeconds(m, peakFlopsPerSecond.fp8, moeComputeEfficiency, moeHalfTokensPerExpert, bw, moeMemoryEfficiency, moeLayerOverheadSeconds);
    moeSq += (p / m.seconds - 1) ** 2;
  }
  notes.push(`fp8 grouped expert GEMMs (${moe.length} points): ${(moeLayerOverheadSeconds * 1e6).toFixed(0)} us per layer + touched weights at `
    + `${(1 / moeLine.slope / 1e12).toFixed(2)} TB/s; compute ${(moeComputeEfficiency * 100).toFixed(1)}% of fp8 peak x M/(M + ${moeHalfTokensPerExpert.toFixed(0)}) `
    + `at M tokens per expert; ${(Math.sqrt(moeSq / Math.max(1, moe.length)) * 100).toFixed(1)}% RMS over all of them`);

  return {
    gpu: t.gpu,
    peakBandwidthBytesPerSecond: bw,
    peakFlopsPerSecond,
    memoryEfficiency,
    kernelOverheadSeconds,
    memoryBoundFit: line,
    computeEfficiency,
    copyEfficiency: t.copyBytesPerSecond === null ? null : t.copyBytesPerSecond / bw,
    attentionMemoryEfficiency,
    attentionOverheadSeconds,
    attentionFit,
    attentionComputeEfficiency,
    moeMemoryEfficiency,
    moeLayerOverheadSeconds,
    moeComputeEfficiency,
    moeHalfTokensPerExpert,
    gemmRmsRelative: Math.sqrt(gemmSq / Math.max(1, t.gemm.length)),
    attentionRmsRelative: attentionFit.rmsRelative,
    moeRmsRelative: Math.sqrt(moeSq / Math.max(1, moe.length)),
    notes,
  };
}
