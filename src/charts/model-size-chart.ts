// The headline chart: output tokens/s per dollar-per-hour against model size, one line per chip
// over the parametric family, catalog models of the same family as labelled points.

import type { TopLevelSpec } from 'vega-lite';
import type { SizePoint } from '../engine/analysis/model-size-sweep';
import { CHART_CONFIG, FORMAT, LOG_LABEL_EXPR, PARAMS_LABEL_EXPR, WIDE, heightForLegend, paramsText, strokeLegend, type ChartLayout, type LayerEntry } from './chart-theme';
import { colorScale, type ChipSeries } from './chip-series';
import { chipDashes } from './vendor-colors';
import { pricingWords } from './cost-bars-chart';

export interface ModelSizeInput {
  chips: readonly ChipSeries[];
  points: readonly SizePoint[];
  family: 'dense' | 'moe';
  pricing: 'rental' | 'tco';
  layout?: ChartLayout;
}

export interface SizeRow {
  chip: string;
  model: string;
  source: 'parametric' | 'catalog';
  totalParams: number;
  activeParams: number;
  totalText: string;
  activeText: string;
  value: number;
  usdPerMillion: number;
  chipsUsed: number;
  pricing: string;
}

export interface SizeLabel {
  text: string;
  /** All models of the group, for the tooltip. */
  models: string;
  totalParams: number;
  value: number;
}

/** Catalog models whose sizes are within this ratio share one label (e.g. Llama 3.1 / 3.3 70B). */
const LABEL_MERGE_RATIO = 1.4;

export function modelSizeRows(input: ModelSizeInput): { lines: SizeRow[]; models: SizeRow[]; labels: SizeLabel[] } {
  const labelOf = new Map(input.chips.map((c) => [c.id, c.label]));
  const lines: SizeRow[] = [];
  const models: SizeRow[] = [];
  for (const p of input.points) {
    const chip = labelOf.get(p.hardwareId);
    const value = p.outputTokensPerSecondPerDollarPerHour;
    if (chip === undefined || !p.feasible || value === null || !(value > 0) || !Number.isFinite(value)) continue;
    const row: SizeRow = {
      chip, model: p.modelName, source: p.source, totalParams: p.totalParams, activeParams: p.activeParams,
      totalText: paramsText(p.totalParams), activeText: paramsText(p.activeParams),
      value, usdPerMillion: p.usdPerMillionOutputTokens ?? Number.NaN, chipsUsed: p.chips,
      pricing: pricingWords(p.pricingUsed, p.rentalEstimated),
    };
    (p.source === 'parametric' ? lines : models).push(row);
  }
  // One label per group of near-equal sizes, led to the best chip's point.
  const best = new Map<string, SizeRow>();
  for (const m of models) {
    const current = best.get(m.model);
    if (current === undefined || m.value > current.value) best.set(m.model, m);
  }
  const sorted = [...best.values()].sort((a, b) => a.totalParams - b.totalParams);
  const labels: SizeLabel[] = [];
  let group: SizeRow[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const top = group.reduce((a, b) => (b.value > a.value ? b : a));
    const names = group.map((g) => g.model);
    labels.push({
      text: names.length === 1 ? names[0]! : `${names[0]} +${names.length - 1}`, models: names.join(', '),
      totalParams: top.totalParams, value: top.value,
    });
    group = [];
  };
  for (const m of sorted) {
    if (group.length > 0 && m.totalParams / group[0]!.totalParams > LABEL_MERGE_RATIO) flush();
    group.push(m);
  }
  flush();
  return { lines, models, labels };
}

export function modelSizeChart(input: ModelSizeInput): TopLevelSpec {
  const { lines, models, labels } = modelSizeRows(input);
  const compact = (input.layout ?? WIDE).compact;
  const sizes = [...lines, ...models].map((r) => r.totalParams);
  const domain = sizes.length === 0 ? [1e9, 2e12] : [Math.min(...sizes) / 1.25, Math.max(...sizes) * 1.25];
  // Colour and dash pattern together (one legend): chips of one vendor share a hue but not a dash.
  const legend = strokeLegend(input.layout ?? WIDE);
  const color = { field: 'chip', type: 'nominal', scale: colorScale(input.chips), legend } as const;
  const strokeDash = { field: 'chip', type: 'nominal', scale: chipDashes(input.chips), legend } as const;
  const x = {
    field: 'totalParams', type: 'quantitative', title: 'Model size: total parameters (log)',
    scale: { type: 'log', domain, nice: false }, axis: { labelExpr: PARAMS_LABEL_EXPR },
  } as const;
  const y = {
    field: 'value', type: 'quantitative', scale: { type: 'log' }, axis: { labelExpr: LOG_LABEL_EXPR },
    title: `Output tokens/s per $/hour (${input.pricing === 'rental' ? 'rental' : 'TCO'}, log)`,
  } as const;
  const tooltip = [
    { field: 'chip', title: 'Chip' },
    { field: 'model', title: 'Model' },
    { field: 'totalText', title: 'Total parameters' },
    { field: 'activeText', title: 'Active parameters' },
    { field: 'value', title: 'Output tokens/s per $/h', format: FORMAT.tooltip },
    { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
    { field: 'chipsUsed', title: 'Chips used' },
    { field: 'pricing', title: 'Pricing' },
  ] as const;
  // Catalog model names sit above the plot, rotated, each with a dotted leader down to the best
  // chip's dot: readable where dozens of models crowd 3B-70B, unlike labels next to the dots.
  const labelLayers: LayerEntry[] = [
    {
      data: { name: 'labels' },
      mark: { type: 'rule', strokeDash: [2, 3], color: '#9aa0a6', opacity: 0.8 },
      encoding: { x, y, y2: { value: 0 } },
    },
    {
      data: { name: 'labels' },
      mark: { type: 'text', angle: 320, align: 'left', baseline: 'middle', dx: 2, dy: -6, fontSize: 10, color: '#3c4043', limit: 150 },
      encoding: { x, y: { value: 0 }, text: { field: 'text' }, tooltip: [{ field: 'models', title: 'Catalog models' }] },
    },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      // Room above the plot for the rotated model names.
      offset: compact ? 4 : 64,
      text: 'Tokens/s per $/hour vs model size',
      // Short lines on narrow pages (a subtitle is not wrapped by Vega).
      subtitle: compact
        ? [`${input.family === 'dense' ? 'Dense' : 'Mixture-of-experts'} models. Lines: a parametric family;`, 'dots: catalog models. Higher is cheaper.',
          'Chips per point: the count picked for the chip,', 'else the fewest within 1% of the most tokens/s per chip.']
        : [
          `${input.family === 'dense' ? 'Dense' : 'Mixture-of-experts'} models. Lines: a parametric family; dots: catalog models. Higher is cheaper.`,
          'Chips per point: the count picked for the chip, else the fewest within 1% of the most tokens/s per chip (the table lists them).',
        ],
    },
    width: 'container',
    height: heightForLegend(440, input.chips.length, input.layout ?? WIDE),
    config: CHART_CONFIG,
    datasets: compact ? { lines, models } : { lines, models, labels },
    layer: [
      {
        data: { name: 'lines' },
        mark: { type: 'line', point: { size: 18 }, interpolate: 'linear', strokeWidth: 2 },
        encoding: { x, y, color, strokeDash, order: { field: 'totalParams', type: 'quantitative' }, tooltip: [...tooltip] },
      },
      {
        data: { name: 'models' },
        mark: { type: 'point', filled: true, size: 60, stroke: '#ffffff', strokeWidth: 1 },
        encoding: { x, y, color, tooltip: [...tooltip] },
      },
      // Narrow windows: names only in tooltips (labels would cover the lines).
      ...(compact ? [] : labelLayers),
    ],
  };
}
