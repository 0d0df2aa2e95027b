// CSV and JSON exports of results. Pure: data in, text out. Numbers are written in SI units with
// full precision; text cells are quoted when needed and guarded against spreadsheet formulas.

import type { RankedResult } from '../engine/analysis/compare';
import { joulesPerTokenRange, rankRange, type RankKey } from '../engine/analysis/rank';
import type { Range } from '../engine/types';
import { SIZE_RANGE_KEYS, type SizePoint } from '../engine/analysis/sweep-sizes';
import type { ResourceLimit } from '../engine/analysis/limiting-resource';
import { contextCells, contextHeader, contextJson, type ExportContext } from './context';
import { reportedResult } from './reported-result';

export type Cell = string | number | boolean | null;

/** One CSV cell: numbers as-is (empty when not finite), text quoted if needed, formulas defused. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => row.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}

export const COMPARE_CSV_HEADER = [
  'rank', 'hardware_id', 'chip', 'feasible', 'reason', 'chips_used', 'chips_paid', 'batch_per_replica', 'tensor_parallel', 'pipeline_parallel',
  'expert_parallel', 'replicas',
  // Disaggregated serving: the layout columns before are the decode pool's; the prefill pool's here (empty when co-located).
  'prefill_replicas', 'prefill_tensor_parallel', 'prefill_pipeline_parallel', 'prefill_expert_parallel', 'output_tokens_per_s', 'output_tokens_per_s_per_chip', 'tokens_per_s_per_user', 'ttft_s', 'tpot_s',
  'cost_per_hour_usd', 'usd_per_million_output_tokens', 'output_tokens_per_s_per_usd_per_hour', 'pricing', 'bottleneck', 'estimates', 'warnings',
  'evidence', 'evidence_rows', 'rental_estimated', 'not_distinguishable_from_leader', 'range_coverage',
  'usd_per_million_output_tokens_low', 'usd_per_million_output_tokens_high', 'output_tokens_per_s_low', 'output_tokens_per_s_high',
  'tokens_per_s_per_user_low', 'tokens_per_s_per_user_high', 'output_tokens_per_s_per_kw',
  // The table's other columns and ranges: what limits the batch ("what bounds it"), energy per token, and
  // the per-chip, per-$/h, TPOT, TTFT and energy ranges its "=1" marks test.
  'batch_limited_by', 'joules_per_output_token', 'joules_per_output_token_low', 'joules_per_output_token_high',
  'output_tokens_per_s_per_chip_low', 'output_tokens_per_s_per_chip_high',
  'output_tokens_per_s_per_usd_per_hour_low', 'output_tokens_per_s_per_usd_per_hour_high', 'tpot_s_low', 'tpot_s_high',
  'ttft_s_low', 'ttft_s_high',
  // The second half of "what bounds it": the resource whose +20% lowers $/M most, and by what fraction of $/M (-0.14 = 14% lower; empty until computed).
  'most_sensitive_resource', 'most_sensitive_usd_per_million_fraction_change_at_plus_20_percent',
] as const;

/** The CSV column of each ranking and its direction: what a ranked export says it ranks by. */
export const RANKED_BY: Readonly<Record<RankKey, string>> = {
  usdPerMillionOutputTokens: 'usd_per_million_output_tokens (lowest first)',
  outputTokensPerSecondPerDollarPerHour: 'output_tokens_per_s_per_usd_per_hour (highest first)',
  outputTokensPerSecondPerChip: 'output_tokens_per_s_per_chip (highest first)',
  tokensPerSecondPerUser: 'tokens_per_s_per_user (highest first)',
  ttftSeconds: 'ttft_s (lowest first)',
  tpotSeconds: 'tpot_s (lowest first)',
  outputTokensPerSecondPerKw: 'output_tokens_per_s_per_kw (highest first)',
};

function lowHigh(range: Range | null): [number | null, number | null] {
  return range === null ? [null, null] : [range.low, range.high];
}

/** One row per result; with a context, its columns (model, tokens, SLO, pricing, ranking) close every row. */
export function compareCsv(ranked: readonly RankedResult[], names: ReadonlyMap<string, string>, context: ExportContext | null = null,
  limits: ReadonlyMap<string, ResourceLimit> | null = null): string {
  // An infeasible row's deployment cells are empty, not the engine's zeros (reported-result.ts).
  const rows = ranked.map(({ rank, distinguishable, result }): Cell[] => {
    const r = reportedResult(result);
    const pre = result.feasible ? result.disaggregation?.prefill ?? null : null;
    return [
    rank, r.hardwareId, names.get(r.hardwareId) ?? r.hardwareId, r.feasible, r.reason?.text ?? null, r.config.chips, r.config.paidChips, r.config.batch,
    r.config.tensorParallel, r.config.pipelineParallel, r.config.expertParallel, r.config.replicas,
    pre?.replicas ?? null, pre?.tensorParallel ?? null, pre?.pipelineParallel ?? null, pre?.expertParallel ?? null, r.outputTokensPerSecond,
    r.outputTokensPerSecondPerChip, r.tokensPerSecondPerUser, r.ttftSeconds, r.tpotSeconds, r.costPerHourUsd,
    r.usdPerMillionOutputTokens, r.outputTokensPerSecondPerDollarPerHour, r.pricingUsed, r.bottleneck,
    r.estimateMarks.join('; '), r.warnings.map((w) => w.text).join('; '),
    r.evidence.basis, r.evidence.rows, r.pricing.rentalEstimated, distinguishable === false,
    r.uncertainty?.coverage ?? null,
    r.uncertainty?.usdPerMillionOutputTokens?.low ?? null, r.uncertainty?.usdPerMillionOutputTokens?.high ?? null,
    r.uncertainty?.outputTokensPerSecond?.low ?? null, r.uncertainty?.outputTokensPerSecond?.high ?? null,
    r.uncertainty?.tokensPerSecondPerUser?.low ?? null, r.uncertainty?.tokensPerSecondPerUser?.high ?? null,
    r.energy?.outputTokensPerSecondPerKw ?? null,
    r.feasible ? r.memory.batchLimitedBy : null, r.energy?.joulesPerOutputToken ?? null,
    // An infeasible row has no ranges (its cells empty, as its deployment's).
    ...(result.feasible ? [joulesPerTokenRange(result), rankRange(result, 'outputTokensPerSecondPerChip'),
      rankRange(result, 'outputTokensPerSecondPerDollarPerHour'), rankRange(result, 'tpotSeconds'), rankRange(result, 'ttftSeconds')]
      : [null, null, null, null, null]).flatMap(lowHigh),
    ...sensitivityCells(limits?.get(r.hardwareId)),
    ...(context === null ? [] : contextCells(context)),
    ];
  });
  return toCsv([...COMPARE_CSV_HEADER, ...(context === null ? [] : contextHeader())], rows);
}

/** The resource and the change in $/M its +20% makes (the table's "most sensitive to"). */
function sensitivityCells(limit: ResourceLimit | undefined): Cell[] {
  const resource = limit?.resource ?? null;
  if (limit === undefined || resource === null) return [null, null];
  return [resource, Math.pow(1.2, limit.elasticities[resource]!) - 1];
}

export const SWEEP_CSV_HEADER = [
  'hardware_id', 'chip', 'model_id', 'model', 'source', 'family', 'total_params', 'active_params', 'feasible', 'reason', 'chips_used',
  'output_tokens_per_s_per_usd_per_hour', 'usd_per_million_output_tokens', 'output_tokens_per_s_per_chip', 'tokens_per_s_per_user', 'pricing',
  'rental_estimated', 'evidence',
  'output_tokens_per_s_per_usd_per_hour_low', 'output_tokens_per_s_per_usd_per_hour_high', 'usd_per_million_output_tokens_low',
  'usd_per_million_output_tokens_high', 'output_tokens_per_s_per_chip_low', 'output_tokens_per_s_per_chip_high',
  'tokens_per_s_per_user_low', 'tokens_per_s_per_user_high',
] as const;

/** One row per chip and size; the context columns leave out the workload's own model (each row names its model). */
export function sweepCsv(points: readonly SizePoint[], names: ReadonlyMap<string, string>, context: ExportContext | null = null): string {
  const rows = points.map((p): Cell[] => [
    p.hardwareId, names.get(p.hardwareId) ?? p.hardwareId, p.modelId, p.modelName, p.source, p.family, p.totalParams, p.activeParams,
    p.feasible, p.reason, p.chips, p.outputTokensPerSecondPerDollarPerHour, p.usdPerMillionOutputTokens, p.outputTokensPerSecondPerChip,
    p.tokensPerSecondPerUser, p.pricingUsed, p.rentalEstimated, p.evidence,
    ...SIZE_RANGE_KEYS.flatMap((k) => [p.ranges[k]?.low ?? null, p.ranges[k]?.high ?? null]),
    ...(context === null ? [] : contextCells(context, false)),
  ]);
  return toCsv([...SWEEP_CSV_HEADER, ...(context === null ? [] : contextHeader(false))], rows);
}

/** Pretty JSON with a small header saying what it is and what it was computed for, for reproducibility. */
export function resultsJson(kind: string, payload: unknown, context: ExportContext | null = null): string {
  const head = context === null ? {} : { context: contextJson(context) };
  return `${JSON.stringify({ kind, generatedBy: 'tokencost', ...head, data: payload }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
