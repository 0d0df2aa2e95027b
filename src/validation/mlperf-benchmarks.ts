// MLPerf Inference datacenter LLM benchmarks as the validation runs them: dataset lengths, latency
// limits and decoding. Lengths are dataset facts (reference/README.md, "Dataset lengths behind the
// MLPerf rows"), never solved from a measurement. Pure.
import type { CalibrationRow } from './calibration-rows';

export interface MlperfBenchmark {
  id: string;
  modelId: string;
  dataset: string;
  /** Mean input tokens per sample and where the figure comes from. */
  meanInputTokens: number;
  inputSource: string;
  /**
   * Length spread from the per-sample counts (same source as the input mean): the token-weighted
   * input E[in x out] / E[out] and the size bias E[out^2] / E[out]^2 of the outputs. A sequence is
   * resident for as many steps as it has output tokens, so the KV the decode batch holds is that of
   * the token-weighted sequence, not of the mean one.
   */
  tokenWeightedInputTokens: number;
  outputSizeBias: number;
  /** Mean output tokens per sample (accuracy reference) when a row does not state its own. */
  meanOutputTokens: number;
  outputSource: string;
  /** p99 limits per latency-bound scenario, seconds (null = no limit on that quantity). */
  limits: Record<'Server' | 'Interactive', { ttftSeconds: number | null; tpotSeconds: number | null } | null>;
  limitsSource: string;
  /** Beam width (GPT-J uses beam search 4); 1 = greedy. */
  beams: number;
}

const PSAP = 'mean of the per-sample token counts of the official dataset pickle (openshift-psap/performance-dashboard@71007029 mlperf-data/summaries; reference/README.md)';

export const MLPERF_BENCHMARKS: Readonly<Record<string, MlperfBenchmark>> = {
  'llama2-70b': {
    id: 'llama2-70b',
    tokenWeightedInputTokens: 199.5,
    outputSizeBias: 1.62,
    modelId: 'llama-2-70b',
    dataset: 'OpenOrca (24,576 samples)',
    meanInputTokens: 222,
    inputSource: `222.3 tokens: ${PSAP}`,
    meanOutputTokens: 294,
    outputSource: 'MLPerf reference: 294.45 tokens per sample',
    limits: { Server: { ttftSeconds: 2, tpotSeconds: 0.2 }, Interactive: { ttftSeconds: 0.45, tpotSeconds: 0.04 } },
    limitsSource: 'mlperf.conf: Server p99 TTFT 2000 ms / TPOT 200 ms; Interactive 450 ms / 40 ms',
    beams: 1,
  },
  'mixtral-8x7b': {
    id: 'mixtral-8x7b',
    tokenWeightedInputTokens: 438.6,
    outputSizeBias: 1.606,
    modelId: 'mixtral-8x7b',
    dataset: 'OpenOrca + GSM8K + MBXP (15,000 samples)',
    meanInputTokens: 427,
    inputSource: `427.4 tokens: ${PSAP}`,
    meanOutputTokens: 145,
    outputSource: 'MLPerf reference: 144.84 tokens per sample',
    limits: { Server: { ttftSeconds: 2, tpotSeconds: 0.2 }, Interactive: null },
    limitsSource: 'mlperf.conf: Server p99 TTFT 2000 ms / TPOT 200 ms',
    beams: 1,
  },
  gptj: {
    id: 'gptj',
    tokenWeightedInputTokens: 900,
    outputSizeBias: 1,
    modelId: 'gpt-j-6b',
    dataset: 'CNN/DailyMail (13,368 samples)',
    meanInputTokens: 900,
    inputSource: 'ESTIMATE 900 tokens (no per-sample counts published for the GPT-J prompt): CNN/DailyMail articles average ~780 words '
      + '(See et al. 2017), ~1.2 GPT-J BPE tokens per word plus the instruction, truncated at 1,919 tokens; the same articles '
      + 'with the Llama-3 tokenizer average 870.7 tokens (llama3.1-8b)',
    meanOutputTokens: 64,
    outputSource: 'mean output ~64 tokens: MLPerf GPT-J gen_len = 3,615,191 characters for 13,368 samples = 270 characters, '
      + '~64 BPE tokens at ~4.2 characters per token',
    limits: { Server: { ttftSeconds: null, tpotSeconds: 20 / 128 }, Interactive: null },
    limitsSource: 'GPT-J Server limit is end-to-end latency p99 <= 20 s; mapped to TPOT <= 20 s / 128 tokens (the output cap)',
    beams: 4,
  },
  'llama3.1-8b': {
    id: 'llama3.1-8b',
    tokenWeightedInputTokens: 916.6,
    outputSizeBias: 1.107,
    modelId: 'llama-3.1-8b',
    dataset: 'CNN/DailyMail (13,368 samples)',
    meanInputTokens: 871,
    inputSource: `870.7 tokens: ${PSAP}`,
    meanOutputTokens: 128,
    outputSource: 'output capped at 128 tokens (rules: max_new_tokens 128)',
    limits: { Server: { ttftSeconds: 2, tpotSeconds: 0.1 }, Interactive: null },
    limitsSource: 'mlperf.conf: Server p99 TTFT 2000 ms / TPOT 100 ms (Interactive: the row\'s own log states its limits)',
    beams: 1,
  },
  'llama3.1-405b': {
    id: 'llama3.1-405b',
    tokenWeightedInputTokens: 9193.1,
    outputSizeBias: 1.145,
    modelId: 'llama-3.1-405b',
    dataset: 'LongBench, LongDataCollections, Ruler, GovReport subset (8,313 samples)',
    meanInputTokens: 9429,
    inputSource: `9,428.6 tokens: ${PSAP}`,
    meanOutputTokens: 685,
    outputSource: 'MLPerf reference: 684.68 tokens per sample',
    limits: { Server: { ttftSeconds: 6, tpotSeconds: 0.175 }, Interactive: { ttftSeconds: 4.5, tpotSeconds: 0.08 } },
    limitsSource: 'mlperf.conf: Server p99 TTFT 6000 ms / TPOT 175 ms; Interactive 4500 ms / 80 ms',
    beams: 1,
  },
  'deepseek-r1': {
    id: 'deepseek-r1',
    tokenWeightedInputTokens: 625.2,
    outputSizeBias: 2.241,
    modelId: 'deepseek-r1',
    dataset: 'MLPerf deepseek-r1 (4,388 samples)',
    meanInputTokens: 804,
    inputSource: `803.8 tokens: ${PSAP}`,
    meanOutputTokens: 3886,
    outputSource: 'MLPerf reference: mean-output-tok-len 3,886.2 tokens',
    limits: { Server: { ttftSeconds: 2, tpotSeconds: 0.08 }, Interactive: { ttftSeconds: 1.5, tpotSeconds: 0.015 } },
    limitsSource: 'mlperf.conf: Server p99 TTFT 2000 ms / TPOT 80 ms; Interactive 1500 ms / 15 ms',
    beams: 1,
  },
};

/** The benchmark a row's model name runs, or null (gpt-oss-120b: its dataset lengths are unpublished). */
export function mlperfBenchmarkFor(modelId: string | null): MlperfBenchmark | null {
  for (const b of Object.values(MLPERF_BENCHMARKS)) if (b.modelId === modelId) return b;
  return null;
}

/**
 * The decode batch's mean context per sequence at the dataset's length spread: the token-weighted
 * input plus half the size-biased output (a sequence is resident for as many steps as it has output
 * tokens, so long outputs hold the batch longer than their share of requests).
 */
export function meanDecodeContextTokens(bench: MlperfBenchmark, meanOutput: number): number {
  return bench.tokenWeightedInputTokens + (bench.outputSizeBias * meanOutput) / 2;
}

/** The mean output a row's own log implies (tokens/s / samples/s, written "mean~301"), else null. */
export function rowMeanOutputTokens(row: CalibrationRow): number | null {
  const m = /mean~\s*(\d+(?:\.\d+)?)/.exec(row.outputLenText);
  return m ? Number(m[1]) : null;
}

/** The p99 limits a row's log states ("constraint TTFT<=450ms TPOT<=40ms"), else null. */
export function rowLatencyLimits(row: CalibrationRow): { ttftSeconds: number | null; tpotSeconds: number | null } | null {
  const ttft = /TTFT<=\s*(\d+(?:\.\d+)?)\s*ms/.exec(row.notes);
  const tpot = /TPOT<=\s*(\d+(?:\.\d+)?)\s*ms/.exec(row.notes);
  if (!ttft && !tpot) return null;
  return { ttftSeconds: ttft ? Number(ttft[1]) / 1000 : null, tpotSeconds: tpot ? Number(tpot[1]) / 1000 : null };
}

/**
 * MLPerf limits are on p99 TTFT/TPOT; the engine predicts steady-state means. The rows' own logs
 * give both (mean_TPOT_ms, p99_TPOT_ms): the median mean/p99 ratio turns a p99 limit into the mean
 * the engine must meet. Taken from rows that may enter a fit only (held-out rows stay unseen).
 */
export interface LatencyShape {
  tpotMeanOverP99: number;
  ttftMeanOverP99: number;
  rows: number;
}

export function latencyShape(rows: readonly CalibrationRow[]): LatencyShape {
  const tpot: number[] = [];
  const ttft: number[] = [];
  for (const r of rows) {
    if (r.sourceKind !== 'mlperf_inference_result' || r.holdout) continue;
    const f = r.noteFields;
    const ratio = (mean: string | undefined, p99: string | undefined) => {
      const m = Number(mean);
      const p = Number(p99);
      return mean !== undefined && p99 !== undefined && m > 0 && p > 0 ? Math.min(1, m / p) : null;
    };
    const a = ratio(f.mean_TPOT_ms, f.p99_TPOT_ms);
    const b = ratio(f.mean_TTFT_ms, f.p99_TTFT_ms);
    if (a !== null) tpot.push(a);
    if (b !== null) ttft.push(b);
  }
  const med = (v: number[]) => {
    if (v.length === 0) return 1;
    const s = [...v].sort((x, y) => x - y);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  return { tpotMeanOverP99: med(tpot), ttftMeanOverP99: med(ttft), rows: Math.max(tpot.length, ttft.length) };
}
