// Pareto frontier: tokens/s per user (interactivity) against tokens/s per chip or $/M output tokens
// (cost), one line per chip, the deployment chosen under the SLO as a diamond, the TPOT limit as a rule.

import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../engine/types';
import { CHART_CONFIG, CHART_HEIGHT, FORMAT, LOG_LABEL_EXPR, WIDE, sideLegend, type ChartLayout } from './chart-theme';
import { colorScale, type ChipSeries } from './chip-series';

export type FrontierMetric = 'perChip' | 'usdPerMillion';

export interface FrontierInput {
  series: readonly { chip: ChipSeries; result: SimulationResult }[];
  metric: FrontierMetric;
  maxTpotSeconds: number | null;
  title?: string;
  layout?: ChartLayout;
}

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
}

const Y_TITLE: Record<FrontierMetric, string> = {
  perChip: 'Output tokens/s per chip (log)',
  usdPerMillion: '$ per million output tokens (log)',
};

/** The engine's price of a frontier point when it gives one; else the result's price per chip-hour spread over the point's tokens. */
function usdPerMillion(result: SimulationResult, tokensPerSecondPerChip: number, given?: number): number | null {
  if (given !== undefined && Number.isFinite(given) && given > 0) return given;
  if (result.config.chips <= 0 || tokensPerSecondPerChip <= 0) return null;
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
    chips: p.chips, tpotMs: p.tpotSeconds * 1e3, ttftMs: p.ttftSeconds * 1e3,
  };
}

/** Chart rows: every frontier point, and the chosen deployment per chip. */
export function frontierRows(input: FrontierInput): { frontier: FrontierRow[]; chosen: FrontierRow[] } {
  const frontier: FrontierRow[] = [];
  const chosen: FrontierRow[] = [];
  for (const { chip, result } of input.series) {
    if (!result.feasible) continue;
    for (const p of result.frontier) {
      const r = row(chip, result, input.metric, p);
      if (r !== null) frontier.push(r);
    }
    const c = row(chip, result, input.metric, {
      ...result.config, tokensPerSecondPerUser: result.tokensPerSecondPerUser,
      outputTokensPerSecondPerChip: result.outputTokensPerSecondPerChip, chips: result.config.chips,
      tpotSeconds: result.tpotSeconds, ttftSeconds: result.ttftSeconds, usdPerMillionOutputTokens: result.usdPerMillionOutputTokens,
    });
    if (c !== null) chosen.push(c);
  }
  frontier.sort((a, b) => a.chip.localeCompare(b.chip) || a.tokensPerSecondPerUser - b.tokensPerSecondPerUser);
  return { frontier, chosen };
}

export function frontierChart(input: FrontierInput): TopLevelSpec {
  const { frontier, chosen } = frontierRows(input);
  const chips = input.series.map((s) => s.chip);
  const color = { field: 'chip', type: 'nominal', scale: colorScale(chips), legend: sideLegend(input.layout ?? WIDE) } as const;
  const x = { field: 'tokensPerSecondPerUser', type: 'quantitative', title: 'Tokens/s per user (log) → more interactive', scale: { type: 'log' }, axis: { labelExpr: LOG_LABEL_EXPR } } as const;
  const y = {
    field: 'y', type: 'quantitative', title: Y_TITLE[input.metric], scale: { type: 'log' },
    axis: input.metric === 'perChip' ? { labelExpr: LOG_LABEL_EXPR } : { format: FORMAT.usd },
  } as const;
  const tooltip = [
    { field: 'chip', title: 'Chip' },
    { field: 'tokensPerSecondPerUser', title: 'Tokens/s per user', format: FORMAT.tooltip },
    { field: 'outputTokensPerSecondPerChip', title: 'Output tokens/s per chip', format: FORMAT.tooltip },
    { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
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
      text: input.title ?? 'Throughput vs interactivity (Pareto frontier)',
      subtitle: ['Each line: the best layouts and batches of one chip (no latency limit).', '◆ = the deployment chosen under the SLO.'],
    },
    width: 'container',
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    datasets: { frontier, chosen, slo },
    layer: [
      {
        data: { name: 'frontier' },
        mark: { type: 'line', point: { filled: true, size: 20 }, interpolate: 'linear' },
        encoding: {
          x, y, color,
          strokeDash: { field: 'style', type: 'nominal', scale: { domain: ['solid', 'ghost'], range: [[1, 0], [6, 4]] }, legend: null },
          order: { field: 'tokensPerSecondPerUser', type: 'quantitative' },
          tooltip: [...tooltip],
        },
      },
      {
        data: { name: 'chosen' },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 150, stroke: '#202124', strokeWidth: 1 },
        encoding: { x, y, color, tooltip: [{ field: 'chip', title: 'Chosen deployment on' }, ...tooltip.slice(1)] },
      },
      {
        data: { name: 'slo' },
        layer: [
          { mark: { type: 'rule', strokeDash: [3, 3], color: '#5f6368' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', dx: 4, baseline: 'top', color: '#5f6368', fontSize: 10 },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 2 }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
  return spec;
}
