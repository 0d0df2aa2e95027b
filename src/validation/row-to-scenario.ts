// Maps each calibration row to the scenario that reproduces its conditions (chips, model, precision,
// lengths, latency limits, objective) and to the engine output it is compared with. A row that
// cannot be modelled yet gets a reason and stays in the report. Pure: no file system, no engine run.
import type { Objective, PrecisionConfig } from '../engine/types';
import { defaultScenario, type Scenario } from '../scenario/scenario';
import type { CalibrationRow } from './calibration-rows';

/** Where a row comes from; the accuracy targets apply to 'mlperf' and 'vendor-table'. */
export type RowGroup = 'mlperf' | 'vendor-table' | 'vendor-claim' | 'third-party' | 'inferencemax' | 'tco';

/** Which engine output a row's measurement is compared with. */
export type MetricKind =
  /** Output tokens/s of the whole system (all `chips`): SimulationResult.outputTokensPerSecond. */
  | 'system-output-tokens-per-second'
  /** GPT-J beam search: measured samples/s x output length vs engine tokens/s / beams. */
  | 'beam-search-tokens-per-second'
  /** NIM "concurrency=N": output tokens/s of one serving instance with N requests in flight. */
  | 'instance-output-tokens-per-second'
  /** Per-user decode speed: SimulationResult.tokensPerSecondPerUser (1 / TPOT). */
  | 'tokens-per-second-per-user'
  /** InferenceX: output tokens/s per chip x 1000 / all-in provisioned kW per chip. */
  | 'tokens-per-second-per-provisioned-mw'
  /** Owning cost per chip-hour from economics.tcoPerChipHour with the default economics. */
  | 'tco-usd-per-chip-hour';

export interface MetricSpec {
  kind: MetricKind;
  unit: string;
  /** Beam width (beam-search metric only). */
  beams?: number;
  /** All-in provisioned kW per chip (per-MW metric only) and where it comes from. */
  provisionedKwPerChip?: number;
}

export interface MlperfInfo {
  /** MLPerf benchmark id, e.g. "llama2-70b". */
  benchmark: string;
  scenario: 'Offline' | 'Server';
  /** "v4.0" / "v4.1". */
  round: string;
  submitter: string;
}

export interface ModelledRow {
  kind: 'modelled';
  row: CalibrationRow;
  label: string;
  group: RowGroup;
  hardwareId: string;
  modelId: string | null;
  /** The scenario the engine runs (TCO rows: only hardware and economics matter). */
  scenario: Scenario;
  metric: MetricSpec;
  /** Measured (or claimed) value in metric.unit. */
  measured: number;
  /** Vendor claims are reported with what they imply and never fitted. */
  claim: boolean;
  /** Counts toward the targets (MLPerf and vendor benchmark tables). */
  inTargetSet: boolean;
  mlperf: MlperfInfo | null;
  /** Every assumption the mapping made, with where it comes from. */
  assumptions: string[];
}

export interface ExcludedRow {
  kind: 'excluded';
  row: CalibrationRow;
  label: string;
  reason: string;
}

export type RowPlan = ModelledRow | ExcludedRow;

// ---------------------------------------------------------------------------------------------
// MLPerf benchmark conditions (../shared/reference/README.md, "Reading calibration.csv").

export interface MlperfBenchmark {
  id: string;
  modelId: string;
  dataset: string;
  /** Mean output tokens per sample (reference value from the README), rounded to an integer. */
  meanOutputTokens: number;
  outputSource: string;
  /** Mean input tokens: NOT published by MLPerf; an assumption, with its basis. */
  assumedMeanInputTokens: number;
  inputAssumption: string;
  /** p99 limits of the Server scenario, seconds (null = no limit on that quantity). */
  serverTtftSeconds: number | null;
  serverTpotSeconds: number | null;
  serverSloSource: string;
  /** Beam width (GPT-J uses beam search 4); 1 = greedy. */
  beams: number;
}

export const MLPERF_BENCHMARKS: Readonly<Record<string, MlperfBenchmark>> = {
  'llama2-70b': {
    id: 'llama2-70b',
    modelId: 'llama-2-70b',
    dataset: 'OpenOrca (24,576 samples)',
    meanOutputTokens: 294,
    outputSource: 'reference README: mean output 294.45 tokens per sample',
    assumedMeanInputTokens: 270,
    inputAssumption: 'mean input ASSUMED 270 tokens. MLPerf does not publish it (the dataset only keeps prompts under 1,024 tokens). '
      + 'Rule used for every benchmark with an unknown input length: the input at which the best Hopper Offline result '
      + '(H200 x8, v4.1: 3,913 output tok/s per chip) costs the share of fp8 peak that TensorRT-LLM reaches on the '
      + 'prefill-dominated row of its own table (row 33: Llama-3.3-70B 2048/128 on H200 = 52%): 2 x 68.4e9 non-embedding params '
      + 'x (1 + in/294.45) x 3,913 = 0.52 x 1.979e15 gives in = 270. That H200 row is thus an anchor of the workload, not a test; '
      + 'chip-to-chip ratios barely depend on the assumption.',
    serverTtftSeconds: 2,
    serverTpotSeconds: 0.2,
    serverSloSource: 'README: llama2-70b Server p99 TTFT 2000 ms / TPOT 200 ms (engine TTFT/TPOT are steady-state means)',
    beams: 1,
  },
  'mixtral-8x7b': {
    id: 'mixtral-8x7b',
    modelId: 'mixtral-8x7b',
    dataset: 'OpenOrca + GSM8K + MBXP (15,000 samples)',
    meanOutputTokens: 145,
    outputSource: 'reference README: mean output 144.84 tokens per sample',
    assumedMeanInputTokens: 660,
    inputAssumption: 'mean input ASSUMED 660 tokens (inputs up to 2,048 per README; mean not published). Same rule as llama2-70b: '
      + 'H200 x8 v4.1 Offline 7,378 output tok/s per chip x 2 x 12.6e9 active non-embedding params x (1 + in/144.84) = 52% of '
      + 'fp8 peak gives in = 660. Caveat: if TensorRT-LLM\'s MoE kernels reach a lower share of peak than dense GEMMs, the real '
      + 'input is shorter and this assumption hides an engine optimism on MoE.',
    serverTtftSeconds: 2,
    serverTpotSeconds: 0.2,
    serverSloSource: 'README: mixtral-8x7b Server p99 TTFT 2000 ms / TPOT 200 ms',
    beams: 1,
  },
  gptj: {
    id: 'gptj',
    modelId: 'gpt-j-6b',
    dataset: 'CNN/DailyMail (13,368 samples)',
    meanOutputTokens: 64,
    outputSource: 'mean output ~64 tokens: the README gives only the cap (128); the MLPerf GPT-J accuracy targets list '
      + 'gen_len = 3,615,191 characters of generated summaries for the 13,368 samples = 270 characters per sample, '
      + '~64 GPT-J BPE tokens at ~4.2 characters per token of English news text',
    assumedMeanInputTokens: 900,
    inputAssumption: 'mean input ASSUMED 900 tokens: CNN/DailyMail articles average ~780 words (See et al. 2017), ~1.2 GPT-J '
      + 'BPE tokens per word plus the instruction, truncated at 1,919 tokens by the benchmark.',
    serverTtftSeconds: null,
    serverTpotSeconds: 20 / 128,
    serverSloSource: 'row note: GPT-J Server limit is end-to-end latency p99 <= 20 s; mapped to TPOT <= 20 s / 128 tokens (the output cap)',
    beams: 4,
  },
  'llama3.1-8b': {
    id: 'llama3.1-8b',
    modelId: 'llama-3.1-8b',
    dataset: 'CNN/DailyMail',
    meanOutputTokens: 128,
    outputSource: 'reference README: output capped at 128 tokens',
    assumedMeanInputTokens: 900,
    inputAssumption: 'mean input ASSUMED 900 tokens (long CNN/DailyMail articles, as for GPT-J)',
    serverTtftSeconds: 2,
    serverTpotSeconds: 0.1,
    serverSloSource: 'README: llama3.1-8b Server p99 TTFT 2000 ms / TPOT 100 ms',
    beams: 1,
  },
};

// ---------------------------------------------------------------------------------------------
// Name mappings.

/** Catalog model id for a model name as calibration.csv writes it, or null. */
export function modelIdFor(name: string): string | null {
  const n = name.toLowerCase().replace(/[\s_]+/g, '-');
  if (/llama-?2-70b/.test(n)) return 'llama-2-70b';
  if (/llama-?3\.3-70b/.test(n)) return 'llama-3.3-70b';
  if (/llama-?3(\.1|\.x)?-70b/.test(n)) return 'llama-3.1-70b';
  if (/llama-?3\.1-8b/.test(n)) return 'llama-3.1-8b';
  if (/llama-?3\.1-405b/.test(n)) return 'llama-3.1-405b';
  if (/mixtral-8x7b/.test(n)) return 'mixtral-8x7b';
  if (/gpt-j/.test(n)) return 'gpt-j-6b';
  if (/deepseek-r1/.test(n)) return 'deepseek-r1';
  if (/gpt-oss-120b/.test(n)) return 'gpt-oss-120b';
  return null;
}

/** Catalog hardware id for an accelerator as calibration.csv writes it, or null (no profile). */
export function hardwareIdFor(accelerator: string): string | null {
  const a = accelerator.toLowerCase();
  if (/\bvs\b/.test(a) || /unspecified|unknown/.test(a)) return null;
  if (/gh200/.test(a)) return 'nvidia-gh200';
  if (/gb300/.test(a)) return 'nvidia-gb300-nvl72';
  if (/gb200/.test(a)) return 'nvidia-gb200-nvl72';
  if (/\bb300\b/.test(a)) return 'nvidia-b300';
  if (/\bb200\b/.test(a)) return 'nvidia-b200';
  if (/\bh200\b/.test(a)) return 'nvidia-h200-sxm';
  if (/\bh100\b/.test(a)) return /pcie/.test(a) ? 'nvidia-h100-pcie' : 'nvidia-h100-sxm';
  if (/\ba100\b/.test(a)) return 'nvidia-a100-sxm';
  if (/\bl40s\b/.test(a)) return 'nvidia-l40s';
  if (/mi355x/.test(a)) return 'amd-mi355x';
  if (/mi325x/.test(a)) return 'amd-mi325x';
  if (/mi300x/.test(a)) return 'amd-mi300x';
  if (/gaudi\s*2/.test(a)) return 'intel-gaudi2';
  if (/gaudi\s*3/.test(a)) return 'intel-gaudi3';
  if (/tpu v5e/.test(a) && !/v5p/.test(a)) return 'google-tpu-v5e';
  if (/sohu/.test(a)) return 'etched-sohu';
  if (/cerebras|wse-3/.test(a)) return 'cerebras-cs3';
  if (/groq/.test(a)) return 'groq-lpu';
  if (/sn40l|sambanova/.test(a)) return 'sambanova-sn40l';
  return null;
}

export function mlperfBenchmarkFor(model: string): MlperfBenchmark | null {
  const id = modelIdFor(model);
  for (const b of Object.values(MLPERF_BENCHMARKS)) if (b.modelId === id) return b;
  return null;
}

function uniform(p: PrecisionConfig['weights'], kv: PrecisionConfig['kvCache'] = p): PrecisionConfig {
  return { weights: p, activations: p, kvCache: kv };
}

/**
 * Precision a row ran at, with the basis. MLPerf v4.x files often state only "fp16 weights +
 * quantization"; the reference README says Hopper and MI300X ran fp8 in these rounds.
 */
export function precisionFor(row: CalibrationRow, hardwareId: string): { precision: PrecisionConfig; basis: string } {
  const p = row.precision.toLowerCase();
  if (/mx4|fp4 weights/.test(p)) {
    return { precision: { weights: 'mxfp4', activations: 'bf16', kvCache: 'bf16' }, basis: `"${row.precision}": MXFP4 weights, bf16 activations and KV cache (vLLM)` };
  }
  if (/^fp8\b|^fp8,/.test(p) || p === 'fp8') return { precision: uniform('fp8'), basis: `"${row.precision}": fp8 weights, activations and KV cache` };
  if (p === '16-bit') return { precision: uniform('bf16'), basis: '"16-bit": bf16' };
  if (p === '8-bit') {
    return { precision: { weights: 'int8', activations: 'fp16', kvCache: 'fp16' }, basis: '"8-bit": 8-bit weights, 16-bit activations and KV cache (assumed)' };
  }
  // Not stated: by chip, per the reference README and the submitters' announcements.
  if (hardwareId === 'nvidia-b200') {
    return {
      precision: { weights: 'nvfp4', activations: 'nvfp4', kvCache: 'fp8' },
      basis: 'not stated in the files; ASSUMED FP4 (NVIDIA announced its v4.1 B200 preview result with FP4 Tensor Cores), fp8 KV cache',
    };
  }
  if (hardwareId === 'google-tpu-v5e') {
    return {
      precision: { weights: 'int8', activations: 'bf16', kvCache: 'bf16' },
      basis: 'not stated in the files; ASSUMED int8 weights with bf16 compute (Saxml weight quantization)',
    };
  }
  if (hardwareId === 'groq-lpu') {
    return {
      precision: { weights: 'int8', activations: 'fp16', kvCache: 'fp16' },
      basis: 'not stated; ASSUMED 8-bit weights: ~576 chips x 230 MB = 132 GB cannot hold 69B 16-bit weights (138 GB)',
    };
  }
  if (hardwareId === 'sambanova-sn40l') {
    return { precision: uniform('bf16'), basis: 'not stated; ASSUMED bf16 (the SN40L has no 8-bit matrix rate in its profile)' };
  }
  if (hardwareId === 'intel-gaudi2') {
    return { precision: uniform('fp8'), basis: 'not stated in the files; ASSUMED fp8 (Intel announced FP8 for its v4.0 Gaudi 2 Llama 2 70B result)' };
  }
  if (hardwareId === 'nvidia-l40s') {
    return { precision: uniform('fp8'), basis: 'not stated in the files; ASSUMED fp8 with TensorRT-LLM, as on Hopper (Ada has fp8 tensor cores)' };
  }
  return { precision: uniform('fp8'), basis: `"${row.precision || 'not stated'}": fp8 weights, activations and KV cache (README: Hopper and MI300X run fp8 in these rounds)` };
}

function labelFor(row: CalibrationRow): string {
  const chips = row.accelCount === null ? '' : `${row.accelCount}x `;
  const model = row.model === '' ? '' : `${row.model.replace(/\s*\(.*\)\s*$/, '')} `;
  const scen = row.scenario === '' ? '' : ` ${row.scenario.split(',')[0]}`;
  return `${model}${chips}${row.accelerator.replace(/\s*\(.*$/, '')}${scen}`.trim().replace(/\s+/g, ' ');
}

function exclude(row: CalibrationRow, reason: string): ExcludedRow {
  return { kind: 'excluded', row, label: labelFor(row), reason };
}

function scenarioFor(
  hardwareId: string,
  modelId: string,
  chips: number | 'auto',
  precision: PrecisionConfig,
  inputTokens: number,
  outputTokens: number,
  objective: Objective,
  slo: Scenario['slo'] = { maxTtftSeconds: null, maxTpotSeconds: null },
  prefixCacheHitRate = 0,
  arrivals: 'saturated' | 'poisson' = 'saturated',
): Scenario {
  const base = defaultScenario();
  return {
    ...base,
    hardware: hardwareId,
    chips,
    model: modelId,
    precision,
    workload: { inputTokens, outputTokens, prefixCacheHitRate, arrivals },
    slo,
    objective,
    efficiencyMode: 'achieved',
  };
}

/** All-in provisioned kW per GPU from the InferenceX TCO constants rows ("power=1.73 (...)"). */
export function provisionedKwByHardware(rows: readonly CalibrationRow[]): Map<string, { kw: number; row: number }> {
  const out = new Map<string, { kw: number; row: number }>();
  for (const row of rows) {
    if (row.sourceKind !== 'tco_assumption') continue;
    const id = hardwareIdFor(row.accelerator);
    const m = /power=([\d.]+)/.exec(row.notes);
    if (id !== null && m && !out.has(id)) out.set(id, { kw: Number(m[1]), row: row.index });
  }
  return out;
}

/**
 * MLPerf Server limits are on p99 TTFT/TPOT; the engine predicts steady-state means. The Server
 * rows' own logs give both (mean_TPOT_ms, p99_TPOT_ms, ...): the median mean/p99 ratio over those
 * rows turns a p99 limit into the mean the engine must meet. Measured distribution shape, not fitted.
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
    if (r.sourceKind !== 'mlperf_inference_result') continue;
    const f = r.noteFields;
    const ratio = (mean: string | undefined, p99: string | undefined) => {
      const m = Number(mean);
      const p = Number(p99);
      return mean !== undefined && p99 !== undefined && m > 0 && p > 0 ? m / p : null;
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

function planMlperf(row: CalibrationRow, shape: LatencyShape): RowPlan {
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null) return exclude(row, `no hardware profile matches "${row.accelerator}"`);
  const bench = mlperfBenchmarkFor(row.model);
  if (bench === null) return exclude(row, `no MLPerf benchmark conditions known for "${row.model}"`);
  const scenario = row.scenario === 'Server' ? 'Server' : row.scenario === 'Offline' ? 'Offline' : null;
  if (scenario === null) return exclude(row, `MLPerf scenario "${row.scenario}" is not modelled (only Offline and Server)`);
  if (row.value === null || row.accelCount === null) return exclude(row, 'no numeric value or accelerator count');
  const { precision, basis } = precisionFor(row, hardwareId);
  const assumptions = [
    `precision: ${basis}`,
    `output ${bench.meanOutputTokens} tokens: ${bench.outputSource}`,
    `input ${bench.assumedMeanInputTokens} tokens: ${bench.inputAssumption}`,
  ];
  let slo: Scenario['slo'] = { maxTtftSeconds: null, maxTpotSeconds: null };
  if (scenario === 'Server') {
    const scale = (v: number | null, k: number) => (v === null ? null : v * k);
    slo = {
      maxTtftSeconds: scale(bench.serverTtftSeconds, shape.ttftMeanOverP99),
      maxTpotSeconds: scale(bench.serverTpotSeconds, shape.tpotMeanOverP99),
    };
    assumptions.push(`objective: max throughput under ${bench.serverSloSource}; the p99 limits become limits on the engine's `
      + `mean TPOT x ${shape.tpotMeanOverP99.toFixed(2)} and mean TTFT x ${shape.ttftMeanOverP99.toFixed(2)} (median mean/p99 ratios `
      + `logged by the ${shape.rows} Server rows of calibration.csv)`);
    assumptions.push('arrivals: Poisson (MLPerf Server LoadGen); mean load = the concurrency whose p99 fits the batch');
  } else {
    assumptions.push('objective: max throughput, no latency limit (MLPerf Offline)');
  }
  let metric: MetricSpec = { kind: 'system-output-tokens-per-second', unit: 'tokens/s' };
  let measured = row.value;
  let prefixCacheHitRate = 0;
  if (bench.beams > 1) {
    // Beam search: B beams share one prompt. Modelled as B sequences per sample whose prompt is
    // computed once (the other B-1 find its KV in the prefix cache: hit rate (B-1)/B).
    prefixCacheHitRate = (bench.beams - 1) / bench.beams;
    metric = { kind: 'beam-search-tokens-per-second', unit: 'tokens/s', beams: bench.beams };
    if (row.unit.startsWith('samples')) measured = row.value * bench.meanOutputTokens;
    assumptions.push(`beam search ${bench.beams}: ${bench.beams} sequences per sample, prompt computed once (prefix-cache hit rate ${prefixCacheHitRate}); `
      + `measured samples/s x ${bench.meanOutputTokens} tokens vs engine output tokens/s / ${bench.beams}`);
  }
  const round = /v(\d+\.\d+)/.exec(row.roundOrDate)?.[0] ?? row.roundOrDate;
  return {
    kind: 'modelled',
    row,
    label: labelFor(row),
    group: 'mlperf',
    hardwareId,
    modelId: bench.modelId,
    scenario: scenarioFor(hardwareId, bench.modelId, row.accelCount, precision, bench.assumedMeanInputTokens, bench.meanOutputTokens,
      'max-throughput', slo, prefixCacheHitRate, scenario === 'Server' ? 'poisson' : 'saturated'),
    metric,
    measured,
    claim: false,
    inTargetSet: true,
    mlperf: { benchmark: bench.id, scenario, round, submitter: row.noteFields.submitter ?? '' },
    assumptions,
  };
}

function planVendorTable(row: CalibrationRow): RowPlan {
  const hardwareId = hardwareIdFor(row.accelerator);
  const modelId = modelIdFor(row.model);
  if (hardwareId === null || modelId === null) return exclude(row, 'no matching hardware profile or model');
  if (row.value === null || row.accelCount === null || row.inputLen === null || row.outputLen === null) {
    return exclude(row, 'the table row lacks exact lengths, a chip count or a value');
  }
  const { precision, basis } = precisionFor(row, hardwareId);
  const assumptions = [`precision: ${basis}`, `lengths exact: ${row.inputLen} in / ${row.outputLen} out`];
  const concurrency = /concurrency\s*=\s*(\d+)/i.exec(row.scenario);
  let scenario: Scenario;
  let metric: MetricSpec;
  if (concurrency) {
    const n = Number(concurrency[1]);
    // One user in flight: the engine's min-latency objective (the fastest layout of these chips).
    // N users: a server admits at most N sequences (max_num_seqs = N) and queues what its memory
    // cannot hold (NIM's 8 s TTFT at N=100 is that queue), i.e. max throughput with a batch cap of N.
    const objective: Objective = n === 1 ? 'min-latency' : 'max-throughput';
    assumptions.push(n === 1
      ? 'concurrency=1: min-latency objective (one request in flight on the fastest layout of these chips)'
      : `concurrency=${n}: max throughput with at most ${n} sequences per serving instance (memory may hold fewer; the rest queue)`);
    assumptions.push('compared: output tokens/s of one serving instance (TPOT includes the prefill of arriving prompts, so TTFT is not added again)');
    scenario = scenarioFor(hardwareId, modelId, row.accelCount, precision, row.inputLen, row.outputLen, objective);
    scenario.engine = { ...scenario.engine, maxSequences: n };
    metric = { kind: 'instance-output-tokens-per-second', unit: 'tokens/s' };
  } else {
    assumptions.push('objective: max throughput on the stated chips (infinite request rate)');
    scenario = scenarioFor(hardwareId, modelId, row.accelCount, precision, row.inputLen, row.outputLen, 'max-throughput');
    metric = { kind: 'system-output-tokens-per-second', unit: 'tokens/s' };
  }
  return {
    kind: 'modelled',
    row,
    label: labelFor(row),
    group: 'vendor-table',
    hardwareId,
    modelId,
    scenario,
    metric,
    measured: row.value,
    claim: false,
    inTargetSet: true,
    mlperf: null,
    assumptions,
  };
}

function planClaim(row: CalibrationRow): RowPlan {
  if (row.metric === 'claim_qualitative' || row.value === null) return exclude(row, 'qualitative claim with no number to compare');
  if (row.metric.startsWith('relative_')) return exclude(row, 'relative claim (a ratio against another system or generation) with no absolute conditions to simulate');
  if (/estimate/i.test(row.notes) && /not a measurement/i.test(row.notes)) return exclude(row, 'an estimate by a third party, not a measurement or a vendor claim about its own product');
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null) return exclude(row, `hardware not disclosed or no profile ("${row.accelerator}")`);
  const modelId = modelIdFor(row.model);
  if (modelId === null) return exclude(row, `no catalog model for "${row.model}"`);
  const { precision, basis } = precisionFor(row, hardwareId);
  const assumptions = [`precision: ${basis}`];
  if (/llama-3 70b/i.test(row.model) || /3\.x/i.test(row.model)) {
    assumptions.push(`model: "${row.model}" mapped to llama-3.1-70b (same architecture; 3.x differ in context length only)`);
  }
  const chips: number | 'auto' = row.accelCount ?? 'auto';
  if (chips === 'auto') assumptions.push('chip count not disclosed: chips = auto (the engine picks the count)');
  else if (row.accelCountText !== String(row.accelCount)) assumptions.push(`chip count "${row.accelCountText}" read as ${chips}`);
  const group: RowGroup = row.sourceKind === 'vendor_claim' ? 'vendor-claim' : 'third-party';
  if (row.metric === 'output_tokens_per_s_per_user') {
    // Per-user speed: one request decoding alone on the fastest layout; mean context input + output/2.
    const input = row.inputLen ?? 1000;
    const output = row.outputLen ?? 500;
    if (row.inputLen === null) assumptions.push('lengths not stated: ASSUMED 1,000 in / 500 out (decode speed depends on them only through the KV read)');
    assumptions.push('objective: min latency (one user); compared with the engine tokens/s per user (1 / TPOT)');
    return {
      kind: 'modelled',
      row,
      label: labelFor(row),
      group,
      hardwareId,
      modelId,
      scenario: scenarioFor(hardwareId, modelId, chips, precision, input, output, 'min-latency'),
      metric: { kind: 'tokens-per-second-per-user', unit: 'tokens/s/user' },
      measured: row.value,
      claim: true,
      inTargetSet: false,
      mlperf: null,
      assumptions,
    };
  }
  if (row.metric === 'output_tokens_per_s' && row.inputLen !== null && row.outputLen !== null) {
    assumptions.push('objective: max throughput on the stated chips; compared with the engine output tokens/s of the system');
    return {
      kind: 'modelled',
      row,
      label: labelFor(row),
      group,
      hardwareId,
      modelId,
      scenario: scenarioFor(hardwareId, modelId, chips, precision, row.inputLen, row.outputLen, 'max-throughput'),
      metric: { kind: 'system-output-tokens-per-second', unit: 'tokens/s' },
      measured: row.value,
      claim: true,
      inTargetSet: false,
      mlperf: null,
      assumptions,
    };
  }
  return exclude(row, `metric "${row.metric}" without the conditions needed to simulate it`);
}

function planInferenceMax(row: CalibrationRow, kw: Map<string, { kw: number; row: number }>): RowPlan {
  if (row.metric === 'cost_or_price_per_million_tokens') {
    return exclude(row, 'a $/M-token figure from SemiAnalysis\' own TCO model and a deployment (disaggregated, wide EP, lengths or GPU often unstated) that the row does not give; not a throughput to simulate');
  }
  if (row.metric === 'capex_per_rack') return exclude(row, 'a capex figure: an input of the economics (profile list price x capex multiplier), not an engine prediction');
  if (row.metric.startsWith('relative_')) return exclude(row, 'relative claim (a ratio against another system) with no absolute conditions to simulate');
  if (row.metric !== 'output_tokens_per_s_per_provisioned_MW') return exclude(row, `metric "${row.metric}" is not modelled`);
  const hardwareId = hardwareIdFor(row.accelerator);
  const modelId = modelIdFor(row.model);
  if (hardwareId === null || modelId === null || row.value === null || row.inputLen === null || row.outputLen === null) {
    return exclude(row, 'missing hardware profile, model or exact lengths');
  }
  const power = kw.get(hardwareId);
  if (power === undefined) return exclude(row, 'no all-in provisioned kW per chip for this chip in the InferenceX TCO rows');
  const speed = /(\d+)\s*tok\/s\/user/.exec(row.scenario);
  const perUser = speed ? Number(speed[1]) : null;
  if (perUser === null) return exclude(row, 'no interactivity (tok/s/user) stated');
  const { precision, basis } = precisionFor(row, hardwareId);
  return {
    kind: 'modelled',
    row,
    label: labelFor(row),
    group: 'inferencemax',
    hardwareId,
    modelId,
    scenario: scenarioFor(hardwareId, modelId, 8, precision, row.inputLen, row.outputLen, 'max-throughput',
      { maxTtftSeconds: null, maxTpotSeconds: 1 / perUser }),
    metric: { kind: 'tokens-per-second-per-provisioned-mw', unit: 'tokens/s per MW', provisionedKwPerChip: power.kw },
    measured: row.value,
    claim: false,
    inTargetSet: false,
    mlperf: null,
    assumptions: [
      `precision: ${basis}`,
      `interactivity ${perUser} tok/s/user: max throughput with TPOT <= 1/${perUser} s on one 8-GPU node (ASSUMED: InferenceMAX v1 ran single-node vLLM configs)`,
      `all-in provisioned power ${power.kw} kW per chip from the InferenceX TCO constants (calibration row ${power.row})`,
    ],
  };
}

function planTco(row: CalibrationRow): RowPlan {
  const hardwareId = hardwareIdFor(row.accelerator);
  if (hardwareId === null || row.value === null) return exclude(row, `no hardware profile for "${row.accelerator}"`);
  const base = defaultScenario();
  return {
    kind: 'modelled',
    row,
    label: `TCO ${row.accelerator}`,
    group: 'tco',
    hardwareId,
    modelId: null,
    scenario: { ...base, hardware: hardwareId, chips: 1 },
    metric: { kind: 'tco-usd-per-chip-hour', unit: 'USD/chip-hour' },
    measured: row.value,
    claim: false,
    inTargetSet: false,
    mlperf: null,
    assumptions: [
      'engine TCO with the default economics (4-year life, 6% cost of capital, 70% load, PUE 1.2, $0.08/kWh, $150/kW-month) vs '
        + 'SemiAnalysis "owning, hyperscaler" $/GPU-hour',
    ],
  };
}

/** The plan for one row; `all` supplies cross-row facts (all-in kW per chip from the TCO rows). */
export function planRow(row: CalibrationRow, all: readonly CalibrationRow[] = [row]): RowPlan {
  switch (row.sourceKind) {
    case 'mlperf_inference_result':
      return planMlperf(row, latencyShape(all));
    case 'vendor_benchmark_doc':
      return planVendorTable(row);
    case 'vendor_claim':
    case 'third_party_api_benchmark':
      return planClaim(row);
    case 'semianalysis_inferencemax':
      return planInferenceMax(row, provisionedKwByHardware(all));
    case 'tco_assumption':
      return planTco(row);
    case 'cloud_price':
      return exclude(row, 'rental price: an input of the economics (profile price.rentalUsdPerChipHour, user-editable), not an engine prediction');
    case 'api_price_history':
      return exclude(row, 'API list-price history of hosted models: a market price series, not a hardware/serving quantity the engine predicts');
    default:
      return exclude(row, `source kind "${row.sourceKind}" is not modelled`);
  }
}

export function planRows(rows: readonly CalibrationRow[]): RowPlan[] {
  return rows.map((row) => planRow(row, rows));
}
