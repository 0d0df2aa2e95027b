// Pareto frontier: tokens/s per user (interactivity) against tokens/s per chip or $/M output tokens
// (cost), one line per chip, the deployment chosen under the SLO as a diamond, the TPOT limit as a rule.

import { groupedInteger } from '../format/decimal';
import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../engine/types';
import type { MeasuredOverlay, MeasuredPoint } from '../validation/measured-points';
import { CHART_CONFIG, CHART_HEIGHT, FORMAT, LOG_LABEL_EXPR, USD_LOG_LABEL_EXPR, WIDE, heightForLegend, sideLegend, strokeLegend, type ChartLayout, type LayerEntry } from './chart-theme';
import { colorScale, type ChipSeries } from './chip-series';
import { chipDashes } from './vendor-colors';
import { pricingText } from './cost-bars-chart';

export type { FrontierMetric } from '../engine/analysis/rank';
import type { FrontierMetric } from '../engine/analysis/rank';
import { compareText } from '../format/compare-text';

export interface FrontierInput {
  series: readonly { chip: ChipSeries; result: SimulationResult }[];
  metric: FrontierMetric;
  maxTpotSeconds: number | null;
  /** Disaggregated serving: the lines stay the co-located frontier (the engine traces no other), and say so. */
  disaggregated?: boolean;
  title?: string;
  layout?: ChartLayout;
  /** Published measurements to overlay (compare view); absent = no overlay, no note. */
  measured?: FrontierMeasured | null;
}

/** Measurements to draw and the subtitle line that explains them (see measuredNote). */
export interface FrontierMeasured {
  points: readonly MeasuredPoint[];
  note: string[];
}

export interface MeasuredFrontierRow {
  chip: string;
  marker: string;
  /** null: no per-user speed published (drawn as a horizontal line at y). */
  tokensPerSecondPerUser: number | null;
  outputTokensPerSecondPerChip: number;
  usdPerMillion: number | null;
  y: number;
  row: string;
  source: string;
  lengths: string;
  chips: number;
  precision: string;
  how: string;
  ref: string;
}

/** Legend entries of the measured marks. */
export const MEASURED_MARKER = 'measured (published run)';
export const MEASURED_MAX_MARKER = 'measured max throughput';

export interface FrontierRow {
  chip: string;
  style: 'solid' | 'ghost';
  tokensPerSecondPerUser: number;
  outputTokensPerSecondPerChip: number;
  usdPerMillion: number | null;
  y: number;
  batch: number;
  tensorParallel: number;
  pipelineParallel: number;
  chips: number;
  tpotMs: number;
  ttftMs: number;
  /** How $/M prices the chip-hours, as the cost bars say it ("≈" marks a rental estimated from TCO). */
  pricing: string;
}

const Y_TITLE: Record<FrontierMetric, string> = {
  perChip: 'Output tokens/s per chip (log)',
  usdPerMillion: '$ per million output tokens (log)',
};

/** The title says which trade-off the y axis shows. */
const FRONTIER_TITLE: Readonly<Record<FrontierMetric, string>> = {
  perChip: 'Throughput vs interactivity (Pareto frontier)',
  usdPerMillion: 'Cost per token vs interactivity (Pareto frontier)',
};

/** The engine's price of a frontier point when it gives one; else the result's price per chip-hour spread over the point's tokens. */
function usdPerMillion(result: SimulationResult, tokensPerSecondPerChip: number, given?: number): number | null {
  if (given !== undefined && Number.isFinite(given) && given > 0) return given;
  if (result.config.chips <= 0 || tokensPerSecondPerChip <= 0) return null;
  if (result.costPerHourUsd === null) return null;
  const usdPerChipHour = result.costPerHourUsd / result.config.chips;
  return (usdPerChipHour / (tokensPerSecondPerChip * 3600)) * 1e6;
}

function row(chip: ChipSeries, result: SimulationResult, metric: FrontierMetric, p: {
  tokensPerSecondPerUser: number; outputTokensPerSecondPerChip: number; batch: number; tensorParallel: number;
  pipelineParallel: number; chips: number; tpotSeconds: number; ttftSeconds: number; usdPerMillionOutputTokens?: number;
}): FrontierRow | null {
  const usd = usdPerMillion(result, p.outputTokensPerSecondPerChip, p.usdPerMillionOutputTokens);
  const y = metric === 'perChip' ? p.outputTokensPerSecondPerChip : usd;
  if (y === null || !(y > 0) || !(p.tokensPerSecondPerUser > 0) || !Number.isFinite(y)) return null;
  return {
    chip: chip.label, style: chip.ghost ? 'ghost' : 'solid',
    tokensPerSecondPerUser: p.tokensPerSecondPerUser, outputTokensPerSecondPerChip: p.outputTokensPerSecondPerChip,
    usdPerMillion: usd, y, batch: p.batch, tensorParallel: p.tensorParallel, pipelineParallel: p.pipelineParallel,
    chips: p.chips, tpotMs: p.tpotSeconds * 1e3, ttftMs: p.ttftSeconds * 1e3, pricing: pricingText(result),
  };
}

/**
 * Chart rows: every frontier point, and the chosen deployment per chip. A chip that cannot meet the
 * limits keeps its line (how close it comes) and has no chosen point.
 */
export function frontierRows(input: FrontierInput): { frontier: FrontierRow[]; chosen: FrontierRow[] } {
  const frontier: FrontierRow[] = [];
  const chosen: FrontierRow[] = [];
  for (const { chip, result } of input.series) {
    for (const p of result.frontier) {
      const r = row(chip, result, input.metric, p);
      if (r !== null) frontier.push(r);
    }
    if (!result.feasible) continue;
    const c = row(chip, result, input.metric, {
      ...result.config, tokensPerSecondPerUser: result.tokensPerSecondPerUser,
      outputTokensPerSecondPerChip: result.outputTokensPerSecondPerChip, chips: result.config.chips,
      tpotSeconds: result.tpotSeconds, ttftSeconds: result.ttftSeconds, usdPerMillionOutputTokens: result.usdPerMillionOutputTokens ?? undefined,
    });
    if (c !== null) chosen.push(c);
  }
  frontier.sort((a, b) => compareText(a.chip, b.chip) || a.tokensPerSecondPerUser - b.tokensPerSecondPerUser);
  return { frontier, chosen };
}

/**
 * Measured points on the chart's axes, coloured like their chip. $/M prices a measured throughput at
 * the comparison's $/chip-hour for that chip. Points of chips not drawn are left out.
 */
export function measuredFrontierRows(input: FrontierInput): { points: MeasuredFrontierRow[]; lines: MeasuredFrontierRow[] } {
  const points: MeasuredFrontierRow[] = [];
  const lines: MeasuredFrontierRow[] = [];
  for (const m of input.measured?.points ?? []) {
    const s = input.series.find((x) => x.chip.id === m.hardwareId && !x.chip.ghost && x.result.feasible);
    if (s === undefined) continue;
    const usd = usdPerMillion(s.result, m.outputTokensPerSecondPerChip);
    const y = input.metric === 'perChip' ? m.outputTokensPerSecondPerChip : usd;
    if (y === null || !(y > 0) || !Number.isFinite(y)) continue;
    const row: MeasuredFrontierRow = {
      chip: s.chip.label, marker: MEASURED_MARKER, tokensPerSecondPerUser: m.tokensPerSecondPerUser,
      outputTokensPerSecondPerChip: m.outputTokensPerSecondPerChip, usdPerMillion: usd, y,
      row: `#${m.row} ${m.label}`, source: m.source,
      lengths: `${groupedInteger(m.inputTokens)} in / ${groupedInteger(m.outputTokens)} out${m.lengthsExact ? '' : ' (benchmark means; input assumed)'}`,
      chips: m.chips, precision: m.precision, how: m.how, ref: m.sourceRef,
    };
    if (m.tokensPerSecondPerUser !== null && m.tokensPerSecondPerUser > 0) points.push(row);
    else lines.push({ ...row, marker: MEASURED_MAX_MARKER });
  }
  return { points, lines };
}

/** The subtitle lines of the overlay: what the marks are, or why there are none (short lines on narrow pages). */
export function measuredNote(overlay: MeasuredOverlay, modelName: (id: string) => string = (id) => id, layout: ChartLayout = WIDE): string[] {
  const compact = layout.compact;
  if (overlay.points.length === 0) {
    const s = overlay.suggestion;
    const head = compact
      ? ['No published measurement matches', 'this workload (model, lengths, chips).']
      : ['No published measurement matches this workload (model, lengths, chips).'];
    if (s === null) return [...head, 'The Accuracy view lists every measurement.'];
    return [...head, compact
      ? `Measured: e.g. ${modelName(s.modelId)}, ${s.inputTokens}/${s.outputTokens} tokens.`
      : `Measured points appear e.g. for ${modelName(s.modelId)} at ${groupedInteger(s.inputTokens)} in / ${groupedInteger(s.outputTokens)} out (MLPerf).`];
  }
  const out = [compact ? '□ = measured run (hover for the source).' : '□ = measured: a published run of this model and lengths on the chip (hover).'];
  if (overlay.points.some((p) => p.tokensPerSecondPerUser === null)) {
    out.push(compact ? '▷ on the left edge = measured max throughput.' : '▷ at the left edge = measured max throughput (no per-user speed published).');
  }
  return out;
}

export function frontierChart(input: FrontierInput): TopLevelSpec {
  const { frontier, chosen } = frontierRows(input);
  const measured = input.measured ?? null;
  const overlay = measured === null ? null : measuredFrontierRows(input);
  const chips = input.series.map((s) => s.chip);
  // With a ghost (chip lab: the edited chip and its original) the dash tells them apart; otherwise
  // each chip of a vendor gets its own dash as well as its shade (one legend, as in the model-size
  // chart): eleven NVIDIA greens alone cannot be told apart once every chip is selected.
  const ghosts = chips.some((c) => c.ghost);
  const legend = ghosts ? sideLegend(input.layout ?? WIDE) : strokeLegend(input.layout ?? WIDE);
  const color = { field: 'chip', type: 'nominal', scale: colorScale(chips), legend } as const;
  const strokeDash = ghosts
    ? { field: 'style', type: 'nominal', scale: { domain: ['solid', 'ghost'], range: [[1, 0], [6, 4]] }, legend: null } as const
    : { field: 'chip', type: 'nominal', scale: chipDashes(chips), legend } as const;
  const x = { field: 'tokensPerSecondPerUser', type: 'quantitative', title: 'Tokens/s per user (log) → more interactive', scale: { type: 'log' }, axis: { labelExpr: LOG_LABEL_EXPR } } as const;
  const y = {
    field: 'y', type: 'quantitative', title: Y_TITLE[input.metric], scale: { type: 'log' },
    // Labels at 1, 2 and 5 of each decade, as the cost bars' log axis ($0.5 and $5 were skipped).
    axis: { labelExpr: input.metric === 'perChip' ? LOG_LABEL_EXPR : USD_LOG_LABEL_EXPR },
  } as const;
  const tooltip = [
    { field: 'chip', title: 'Chip' },
    { field: 'tokensPerSecondPerUser', title: 'Tokens/s per user', format: FORMAT.tooltip },
    { field: 'outputTokensPerSecondPerChip', title: 'Output tokens/s per chip', format: FORMAT.tooltip },
    { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
    { field: 'pricing', title: 'Pricing' },
    { field: 'batch', title: 'Batch per replica' },
    { field: 'tensorParallel', title: 'Tensor parallel' },
    { field: 'pipelineParallel', title: 'Pipeline parallel' },
    { field: 'tpotMs', title: 'TPOT (ms)', format: FORMAT.tooltip },
    { field: 'ttftMs', title: 'TTFT (ms)', format: FORMAT.tooltip },
  ] as const;
  const slo = input.maxTpotSeconds !== null && input.maxTpotSeconds > 0
    ? [{ x: 1 / input.maxTpotSeconds, label: `TPOT limit ${Math.round(input.maxTpotSeconds * 1e4) / 10} ms` }]
    : [];
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: input.title ?? FRONTIER_TITLE[input.metric],
      subtitle: [
        ...(input.disaggregated === true
          ? ((input.layout ?? WIDE).compact
            ? ['Lines: co-located serving, any latency (for comparison).', '◆ = disaggregated pools chosen under the SLO.']
            : ['Each line: one chip serving co-located (prefill and decode on the same chips) at any latency, for comparison.',
              '◆ = the disaggregated pools chosen under the SLO, off the co-located line; a chip without one cannot serve disaggregated.'])
          : (input.layout ?? WIDE).compact
            ? ['Lines: best layouts per chip, any latency.', '◆ = chosen under the SLO (none: it misses the SLO).']
            : ['Each line: the best layouts and batches of one chip at any latency.', '◆ = the deployment chosen under the SLO; a line without one misses the SLO.']),
        ...(measured?.note ?? []),
      ],
    },
    width: 'container',
    // The chips' legend, and below it the measured marks' (one row each and a gap).
    height: heightForLegend(CHART_HEIGHT, chips.length + (overlay === null ? 0 : measuredLegendRows(overlay)), input.layout ?? WIDE),
    config: CHART_CONFIG,
    // Only the datasets a layer draws: the page streams new data into each by name (view.data).
    datasets: {
      frontier, chosen,
      ...(slo.length === 0 ? {} : { slo }),
      ...(overlay === null || overlay.points.length === 0 ? {} : { measuredPoints: overlay.points }),
      ...(overlay === null || overlay.lines.length === 0 ? {} : { measuredLines: overlay.lines }),
    },
    layer: [
      {
        data: { name: 'frontier' },
        mark: { type: 'line', point: { filled: true, size: 20 }, interpolate: 'linear' },
        encoding: {
          x, y, color,
          strokeDash,
          order: { field: 'tokensPerSecondPerUser', type: 'quantitative' },
          tooltip: [...tooltip],
        },
      },
      {
        data: { name: 'chosen' },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 150, stroke: '#202124', strokeWidth: 1 },
        encoding: { x, y, color, tooltip: [{ field: 'chip', title: 'Chosen deployment on' }, ...tooltip.slice(1)] },
      },
      ...(overlay === null ? [] : measuredLayers(x, y, color, input.metric, input.layout ?? WIDE, overlay)),
      // The TPOT limit, when there is one (an empty layer would give the x scale an infinite extent).
      // Drawn last, its label on a white halo: the chosen deployments crowd the limit, and at 420 px
      // a marker covered the label.
      ...(slo.length === 0 ? [] : [{
        data: { name: 'slo' },
        layer: [
          { mark: { type: 'rule', strokeDash: [3, 3], color: '#5f6368' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          ...[{ stroke: '#fff', strokeWidth: 3, strokeJoin: 'round' }, {}].map((halo) => ({
            mark: { type: 'text', align: 'left', dx: 4, baseline: 'top', color: '#5f6368', fontSize: 10, ...halo },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 2 }, text: { field: 'label' } },
          })),
        ],
      } as LayerEntry]),
    ],
  };
  return spec;
}

type MeasuredRows = { points: readonly MeasuredFrontierRow[]; lines: readonly MeasuredFrontierRow[] };

/** The kinds of measured mark drawn (legend entry, shape), each only when it has rows. */
function measuredMarkers(overlay: MeasuredRows): (readonly [string, string])[] {
  const kinds = [[MEASURED_MARKER, 'square', overlay.points], [MEASURED_MAX_MARKER, 'triangle-right', overlay.lines]] as const;
  return kinds.filter(([, , rows]) => rows.length > 0).map(([marker, shape]) => [marker, shape] as const);
}

/** Rows the measured marks' legend takes on wide pages: one per kind of mark drawn, and a gap above. */
function measuredLegendRows(overlay: MeasuredRows): number {
  const kinds = measuredMarkers(overlay).length;
  return kinds === 0 ? 0 : kinds + 1;
}

function measuredLayers(x: object, y: object, color: object, metric: FrontierMetric, layout: ChartLayout, overlay: MeasuredRows): LayerEntry[] {
  const tooltip = [
    { field: 'row', title: 'Measured (calibration row)' },
    { field: 'chip', title: 'Chip' },
    { field: 'source', title: 'Source' },
    { field: 'tokensPerSecondPerUser', title: 'Tokens/s per user', format: FORMAT.tooltip },
    { field: 'outputTokensPerSecondPerChip', title: 'Output tokens/s per chip', format: FORMAT.tooltip },
    ...(metric === 'usdPerMillion' ? [{ field: 'usdPerMillion', title: "$/M at this comparison's $/chip-hour", format: FORMAT.tooltipUsd }] : []),
    { field: 'lengths', title: 'Tokens' },
    { field: 'chips', title: 'Chips in the run' },
    { field: 'precision', title: 'Precision' },
    { field: 'how', title: 'Read as' },
    { field: 'ref', title: 'Reference' },
  ];
  // One legend entry per kind of mark drawn (none while nothing is drawn).
  const present = measuredMarkers(overlay);
  const shape = {
    field: 'marker', type: 'nominal',
    scale: { domain: present.map(([k]) => k), range: present.map(([, s]) => s) },
    // Narrow pages: the subtitle explains the marks (a second legend below the chips would be cut off).
    legend: layout.compact ? null : { ...sideLegend(layout), title: null },
  } as const;
  // Only layers with rows: an empty dataset on a log scale has an infinite extent (Vega warns).
  return [
    ...(overlay.lines.length === 0 ? [] : [{
      // Throughput without a per-user speed: a marker on the left edge at the measured level.
      data: { name: 'measuredLines' },
      mark: { type: 'point', filled: false, size: 120, strokeWidth: 2.5, opacity: 1 },
      encoding: { x: { value: 6 }, y, color, shape, tooltip: tooltip.filter((t) => t.field !== 'tokensPerSecondPerUser') },
    } as LayerEntry]),
    ...(overlay.points.length === 0 ? [] : [{
      data: { name: 'measuredPoints' },
      mark: { type: 'point', filled: false, size: 110, strokeWidth: 2.5, opacity: 1 },
      encoding: { x, y, color, shape, tooltip },
    } as LayerEntry]),
  ];
}
