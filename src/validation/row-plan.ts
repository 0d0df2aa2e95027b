// What the validation makes of one calibration row: the scenario that reproduces its conditions,
// the engine output it is compared with, and every assumption on the way; or the reason it is not
// simulated. Shared by the planners of each source kind (plan-*.ts). Pure.
import type { LayoutPins, Objective, PrecisionConfig } from '../engine/types';
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
  /** "concurrency=N": output tokens/s of one serving instance with N requests in flight. */
  | 'instance-output-tokens-per-second'
  /** Per-user decode speed: SimulationResult.tokensPerSecondPerUser (1 / TPOT). */
  | 'tokens-per-second-per-user'
  /** Time to first token of one request (seconds; lower is better). */
  | 'ttft-seconds'
  /** Time per output token of one request (seconds; lower is better). */
  | 'tpot-seconds'
  /** Disaggregated serving, prefill pool measured alone: prompt tokens/s per prefill chip. */
  | 'prefill-pool-tokens-per-second-per-chip'
  /** Disaggregated serving, decode pool measured alone: output tokens/s per decode chip. */
  | 'decode-pool-tokens-per-second-per-chip'
  /** InferenceX: output tokens/s per chip x 1000 / all-in provisioned kW per chip. */
  | 'tokens-per-second-per-provisioned-mw'
  /** Owning cost per chip-hour from economics.tcoPerChipHour with the default economics. */
  | 'tco-usd-per-chip-hour';

/** Metrics where a smaller number is the faster system (their log-residuals flip sign). */
export const TIME_METRICS: ReadonlySet<MetricKind> = new Set(['ttft-seconds', 'tpot-seconds']);

/**
 * A row's error on the speed it measures, so that + always means the engine promises more than was
 * measured: predicted / measured - 1, or for a time measured / predicted - 1 (a TPOT predicted at
 * 11.9 ms against 19.8 ms measured is +67%, not -40%, which read as pessimistic).
 */
export function speedError(kind: MetricKind, predicted: number, measured: number): number {
  return TIME_METRICS.has(kind) ? measured / predicted - 1 : predicted / measured - 1;
}

export interface MetricSpec {
  kind: MetricKind;
  unit: string;
  /** Beam width (beam-search metric only). */
  beams?: number;
  /** All-in provisioned kW per chip (per-MW metric only). */
  provisionedKwPerChip?: number;
}

export interface MlperfInfo {
  /** MLPerf benchmark id, e.g. "llama2-70b". */
  benchmark: string;
  scenario: 'Offline' | 'Server' | 'Interactive';
  /** "v4.0", "v5.1", ... */
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
  /** The lengths the row states (benchmark means for MLPerf); the scenario may simulate others (plan-mlperf.ts). */
  statedLengths: { inputTokens: number; outputTokens: number };
  metric: MetricSpec;
  /** Measured (or claimed) value in metric.unit. */
  measured: number;
  /** Vendor claims and third-party API speeds: reported with what they imply, never fitted. */
  claim: boolean;
  /** Counts toward the accuracy targets (MLPerf and vendor benchmark tables). */
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

export function labelFor(row: CalibrationRow): string {
  const chips = row.accelCount === null ? '' : `${row.accelCount}x `;
  const model = row.model === '' ? '' : `${row.model.replace(/\s*\(.*\)\s*$/, '')} `;
  const scen = row.scenario === '' ? '' : ` ${row.scenario.split(',')[0]}`;
  return `${model}${chips}${row.accelerator.replace(/\s*\(.*$/, '')}${scen}`.trim().replace(/\s+/g, ' ');
}

export function exclude(row: CalibrationRow, reason: string): ExcludedRow {
  return { kind: 'excluded', row, label: labelFor(row), reason };
}

export interface ScenarioConditions {
  hardwareId: string;
  modelId: string;
  chips: number | 'auto';
  precision: PrecisionConfig;
  inputTokens: number;
  outputTokens: number;
  objective: Objective;
  slo?: Scenario['slo'];
  prefixCacheHitRate?: number;
  arrivals?: 'saturated' | 'poisson';
  layout?: LayoutPins;
  maxSequences?: number;
  maxTokensPerStep?: number;
  serving?: Scenario['serving'];
  overlap?: Scenario['engine']['overlap'];
  scheduler?: Scenario['engine']['scheduler'];
  meanDecodeContextTokens?: number;
}

export function scenarioFor(c: ScenarioConditions): Scenario {
  const base = defaultScenario();
  return {
    ...base,
    hardware: c.hardwareId,
    chips: c.chips,
    model: c.modelId,
    precision: c.precision,
    workload: { inputTokens: c.inputTokens, outputTokens: c.outputTokens, prefixCacheHitRate: c.prefixCacheHitRate ?? 0, arrivals: c.arrivals ?? 'saturated', ...(c.meanDecodeContextTokens === undefined ? {} : { meanDecodeContextTokens: c.meanDecodeContextTokens }) },
    slo: c.slo ?? { maxTtftSeconds: null, maxTpotSeconds: null },
    objective: c.objective,
    efficiencyMode: 'achieved',
    serving: c.serving ?? 'co-located',
    layout: c.layout ?? base.layout,
    engine: {
      ...base.engine,
      ...(c.maxSequences === undefined ? {} : { maxSequences: c.maxSequences }),
      ...(c.maxTokensPerStep === undefined ? {} : { maxTokensPerStep: c.maxTokensPerStep }),
      ...(c.overlap === undefined ? {} : { overlap: c.overlap }),
      ...(c.scheduler === undefined ? {} : { scheduler: c.scheduler }),
    },
  };
}

/** Positive integer of a note field ("tp=8", "max_batch=450 (table batch size)"), else null. */
export function noteInteger(row: CalibrationRow, key: string): number | null {
  const m = /^(\d+)\b/.exec(row.noteFields[key] ?? '');
  return m ? Number(m[1]) : null;
}

export interface LayoutFromNotes {
  pins: LayoutPins;
  /** Attention groups the serving system's per-rank batch cap (max_batch) applies to. */
  groups: number;
  text: string;
}

/**
 * The layout a row's notes state, in the engine's terms. Serving stacks write `tp` as the total of
 * chips per instance when experts are split within it (TensorRT-LLM "TP8, EP2" = experts TP4 x EP2)
 * and `dp_attention=on` as attention data-parallel over the expert ranks (DEP4 = 4 chips, attention
 * DP4, EP4). The engine counts chips as TP x EP x PP with attention TP = TP (DP on) or TP x EP.
 * Null when the notes state no layout, count TensorCores (TPU) rather than chips, or spread experts
 * over a rank count that is not a power of two (DeepSeek's EP72 with redundant experts).
 */
export function layoutFromNotes(row: CalibrationRow): LayoutFromNotes | null {
  if (/TensorCores/i.test(row.notes)) return null;
  const tp = noteInteger(row, 'tp');
  const ep = noteInteger(row, 'ep');
  const dp = /^on\b/i.test(row.noteFields.dp_attention ?? '');
  if (tp === null && ep === null) return null;
  if (ep !== null && (ep & (ep - 1)) !== 0) return null; // EP72 / EP48 need redundant experts the engine does not model
  if (dp) {
    const ranks = ep ?? tp ?? 1;
    const perInstance = Math.max(ranks, tp ?? 0);
    const attentionTp = Math.max(1, Math.round(perInstance / ranks));
    return {
      pins: { tensorParallel: attentionTp, pipelineParallel: 1, expertParallel: ranks, dataParallelAttention: 'on' },
      groups: ranks,
      text: `notes: attention data-parallel over ${ranks} expert ranks${attentionTp > 1 ? ` of TP${attentionTp}` : ''} (engine TP${attentionTp} EP${ranks} DP-attention)`,
    };
  }
  const total = tp ?? ep ?? 1;
  const experts = ep ?? 1;
  const engineTp = Math.max(1, Math.round(total / experts));
  return {
    pins: { tensorParallel: engineTp, pipelineParallel: 1, expertParallel: experts, dataParallelAttention: experts > 1 ? 'off' : 'auto' },
    groups: 1,
    text: `notes: tp=${total}${ep !== null ? `, ep=${ep}` : ''} (engine TP${engineTp}${experts > 1 ? ` EP${experts}, attention TP${engineTp * experts}` : ''})`,
  };
}

/**
 * The compute/communication overlap a row's notes state (`overlap=two-micro-batches`: SGLang's
 * --enable-two-batch-overlap, DeepSeek's dual micro-batches; `overlap=off`), else null (the default, off).
 */
export function overlapFromNotes(row: CalibrationRow): Scenario['engine']['overlap'] | null {
  const text = row.noteFields.overlap ?? '';
  if (/^two-micro-batches\b/.test(text)) return 'two-micro-batches';
  if (/^off\b/.test(text)) return 'off';
  return null;
}

/** Speculative decoding named in the notes (MTP or a draft model), else null. */
export function speculationInNotes(row: CalibrationRow): string | null {
  const mtp = row.noteFields.mtp ?? '';
  if (/^on\b/i.test(mtp)) return `MTP (${mtp})`;
  const spec = row.noteFields.spec_decode ?? '';
  if (spec !== '' && !/^off\b/i.test(spec)) return spec;
  return null;
}
