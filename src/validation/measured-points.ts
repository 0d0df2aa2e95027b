// Published measurements that match a workload, placed on the Pareto-frontier axes (tokens/s per
// user, output tokens/s per chip): the compare view overlays them on the modelled frontier. Pure:
// row plans and a query in, plain points out. Vendor claims are not measurements and never match.

import type { ModelledRow, RowGroup, RowPlan } from './row-to-scenario';

/** Relative tolerance on lengths that are benchmark means (MLPerf): +-25%. */
export const MEAN_LENGTH_TOLERANCE = 0.25;

export interface MeasuredQuery {
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  /** Chips of the comparison (catalog ids). */
  hardwareIds: readonly string[];
}

export interface MeasuredPoint {
  /** calibration.csv row (1-based, header excluded). */
  row: number;
  label: string;
  hardwareId: string;
  /** "MLPerf Inference v4.1 Server", "Vendor benchmark table", ... */
  source: string;
  sourceRef: string;
  /** Tokens/s seen by one user (1 / mean time per output token); null = not published. */
  tokensPerSecondPerUser: number | null;
  outputTokensPerSecondPerChip: number;
  chips: number;
  inputTokens: number;
  outputTokens: number;
  /** True when the row states its lengths exactly; false for benchmark means (MLPerf). */
  lengthsExact: boolean;
  precision: string;
  /** How both coordinates were read from the row. */
  how: string;
}

export interface MeasuredSuggestion {
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  hardwareIds: string[];
  /** Points that workload would show (with per-user speed). */
  count: number;
}

export interface MeasuredOverlay {
  query: MeasuredQuery;
  points: MeasuredPoint[];
  /** Measurement rows of the same model (any chip, any length). */
  sameModel: number;
  /** The workload with the most placeable measurements, for the "no match" note. */
  suggestion: MeasuredSuggestion | null;
}

const MEASUREMENT_GROUPS: ReadonlySet<RowGroup> = new Set(['mlperf', 'vendor-table', 'inferencemax']);

function isMeasurement(plan: RowPlan): plan is ModelledRow {
  return plan.kind === 'modelled' && !plan.claim && plan.modelId !== null && MEASUREMENT_GROUPS.has(plan.group);
}

function positive(text: string | undefined): number | null {
  if (text === undefined) return null;
  // "18.58 (=> ~54 tok/s/user)": the leading number.
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(text);
  const v = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : null;
}

function sourceName(plan: ModelledRow): string {
  if (plan.mlperf !== null) return `MLPerf Inference ${plan.mlperf.round} ${plan.mlperf.scenario}`;
  if (plan.group === 'vendor-table') return 'Vendor benchmark table';
  if (plan.group === 'inferencemax') return 'InferenceX (SemiAnalysis)';
  return plan.row.sourceKind;
}

/** Both frontier coordinates of a measurement row, or y alone (per-user speed not published). */
export function placeMeasurement(plan: ModelledRow): { perUser: number | null; perChip: number; how: string } | null {
  const chips = typeof plan.scenario.chips === 'number' ? plan.scenario.chips : null;
  if (chips === null || chips <= 0 || !(plan.measured > 0)) return null;
  const f = plan.row.noteFields;
  switch (plan.metric.kind) {
    case 'system-output-tokens-per-second':
    case 'beam-search-tokens-per-second': {
      const perChip = plan.measured / chips;
      const tpot = positive(f.mean_TPOT_ms);
      const system = plan.metric.kind === 'beam-search-tokens-per-second' ? 'samples/s x mean output tokens' : 'system output tokens/s';
      if (tpot !== null) return { perUser: 1000 / tpot, perChip, how: `${system} / ${chips} chips; per user = 1000 / mean TPOT ${tpot} ms` };
      return { perUser: null, perChip, how: `${system} / ${chips} chips; no per-user speed published (max-throughput run)` };
    }
    case 'instance-output-tokens-per-second': {
      const itl = positive(f.ITL_ms);
      const perChip = plan.measured / chips;
      if (itl !== null) return { perUser: 1000 / itl, perChip, how: `output tokens/s of all users / ${chips} chips; per user = 1000 / inter-token latency ${itl} ms` };
      return { perUser: null, perChip, how: `output tokens/s of all users / ${chips} chips; no inter-token latency published` };
    }
    case 'tokens-per-second-per-provisioned-mw': {
      const kw = plan.metric.provisionedKwPerChip;
      const tpot = plan.scenario.slo.maxTpotSeconds;
      if (kw === undefined || !(kw > 0)) return null;
      const perChip = (plan.measured * kw) / 1000;
      const perUser = tpot !== null && tpot > 0 ? 1 / tpot : null;
      return { perUser, perChip, how: `tokens/s per provisioned MW x ${kw} kW per chip / 1000; per user = the benchmark's interactivity target` };
    }
    default:
      return null;
  }
}

function lengthsMatch(plan: ModelledRow, inputTokens: number, outputTokens: number): boolean {
  const w = plan.statedLengths;
  const exact = plan.row.inputLen !== null && plan.row.outputLen !== null;
  if (exact) return w.inputTokens === inputTokens && w.outputTokens === outputTokens;
  // The workload's lengths within +-25% of the run's (means).
  const near = (run: number, asked: number) => run > 0 && Math.abs(asked / run - 1) <= MEAN_LENGTH_TOLERANCE;
  return near(w.inputTokens, inputTokens) && near(w.outputTokens, outputTokens);
}

function pointOf(plan: ModelledRow): MeasuredPoint | null {
  const placed = placeMeasurement(plan);
  if (placed === null) return null;
  const w = plan.statedLengths;
  return {
    row: plan.row.index,
    label: plan.label,
    hardwareId: plan.hardwareId,
    source: sourceName(plan),
    sourceRef: plan.row.sourceRef,
    tokensPerSecondPerUser: placed.perUser,
    outputTokensPerSecondPerChip: placed.perChip,
    chips: plan.scenario.chips as number,
    inputTokens: w.inputTokens,
    outputTokens: w.outputTokens,
    lengthsExact: plan.row.inputLen !== null && plan.row.outputLen !== null,
    precision: plan.row.precision || 'not stated',
    how: placed.how,
  };
}

/** The workload (model + lengths) with the most measurements that carry a per-user speed. */
function suggest(plans: readonly ModelledRow[]): MeasuredSuggestion | null {
  const groups = new Map<string, MeasuredSuggestion>();
  for (const plan of plans) {
    const placed = placeMeasurement(plan);
    if (placed === null || placed.perUser === null) continue;
    const w = plan.statedLengths;
    const key = `${plan.modelId}|${w.inputTokens}|${w.outputTokens}`;
    const g = groups.get(key) ?? { modelId: plan.modelId!, inputTokens: w.inputTokens, outputTokens: w.outputTokens, hardwareIds: [], count: 0 };
    g.count += 1;
    if (!g.hardwareIds.includes(plan.hardwareId)) g.hardwareIds.push(plan.hardwareId);
    groups.set(key, g);
  }
  let best: MeasuredSuggestion | null = null;
  for (const g of groups.values()) if (best === null || g.count > best.count) best = g;
  return best;
}

/**
 * Measurements matching the workload: same model, a compared chip, and the same lengths (exact when
 * the row states them, e.g. vendor tables; within +-25% when they are benchmark means, e.g. MLPerf).
 * Points without a published per-user speed keep tokensPerSecondPerUser = null.
 */
export function measuredPointsFor(plans: readonly RowPlan[], query: MeasuredQuery): MeasuredOverlay {
  const measurements = plans.filter(isMeasurement);
  const chips = new Set(query.hardwareIds);
  const sameModel = measurements.filter((p) => p.modelId === query.modelId);
  const points = sameModel
    .filter((p) => chips.has(p.hardwareId) && lengthsMatch(p, query.inputTokens, query.outputTokens))
    .map(pointOf)
    .filter((p): p is MeasuredPoint => p !== null)
    .sort((a, b) => a.row - b.row);
  return { query: { ...query, hardwareIds: [...query.hardwareIds] }, points, sameModel: sameModel.length, suggestion: suggest(measurements) };
}
