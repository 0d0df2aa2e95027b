// The headline chart: output tokens/s per dollar-per-hour against model size, one line per chip
// over the parametric family, catalog models of the same family as labelled points.

import type { TopLevelSpec } from 'vega-lite';
import type { SizePoint } from '../engine/analysis/model-size-sweep';
import { CHART_CONFIG, FORMAT } from './chart-theme';
import { colorScale, type ChipSeries } from './chip-series';

export interface ModelSizeInput {
  chips: readonly ChipSeries[];
  points: readonly SizePoint[];
  family: 'dense' | 'moe';
  pricing: 'rental' | 'tco';
}

export interface SizeRow {
  chip: string;
  model: string;
  source: 'parametric' | 'catalog';
  totalParams: number;
  activeParams: number;
  value: number;
  usdPerMillion: number;
  chipsUsed: number;
  pricing: string;
}

export interface SizeLabel {
  text: string;
  totalParams: number;
  value: number;
}

/** Catalog models whose sizes are within this ratio share one label (e.g. Llama 3.1 / 3.3 70B). */
const LABEL_MERGE_RATIO = 1.12;

export function modelSizeRows(input: ModelSizeInput): { lines: SizeRow[]; models: SizeRow[]; labels: SizeLabel[] } {
  const labelOf = new Map(input.chips.map((c) => [c.id, c.label]));
  const lines: SizeRow[] = [];
  const models: SizeRow[] = [];
  for (const p of input.points) {
    const chip = labelOf.get(p.hardwareId);
    if (chip === undefined || !p.feasible || !(p.outputTokensPerSecondPerDollarPerHour > 0)) continue;
    const row: SizeRow = {
      chip, model: p.modelName, source: p.source, totalParams: p.totalParams, activeParams: p.activeParams,
      value: p.outputTokensPerSecondPerDollarPerHour, usdPerMillion: p.usdPerMillionOutputTokens, chipsUsed: p.chips,
      pricing: p.pricingUsed === 'rental' ? 'rental' : 'TCO',
    };
    (p.source === 'parametric' ? lines : models).push(row);
  }
  // One label per group of near-equal sizes, placed above the best chip's point.
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
    labels.push({ text: group.map((g) => g.model).join(' · '), totalParams: top.totalParams, value: top.value });
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
  const color = { field: 'chip', type: 'nominal', title: 'Chip', scale: colorScale(input.chips), legend: { orient: 'bottom', columns: 2 } } as const;
  const x = { field: 'totalParams', type: 'quantitative', title: 'Model size: total parameters (log)', scale: { type: 'log' }, axis: { format: FORMAT.si } } as const;
  const y = {
    field: 'value', type: 'quantitative', scale: { type: 'log' }, axis: { format: FORMAT.si },
    title: `Output tokens/s per $/hour (${input.pricing === 'rental' ? 'rental' : 'TCO'}, log)`,
  } as const;
  const tooltip = [
    { field: 'chip', title: 'Chip' },
    { field: 'model', title: 'Model' },
    { field: 'totalParams', title: 'Total parameters', format: ',.4~s' },
    { field: 'activeParams', title: 'Active parameters', format: ',.4~s' },
    { field: 'value', title: 'Output tokens/s per $/h', format: FORMAT.tooltip },
    { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
    { field: 'chipsUsed', title: 'Chips used' },
    { field: 'pricing', title: 'Pricing' },
  ] as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Tokens/s per dollar vs model size (${input.family === 'dense' ? 'dense' : 'mixture-of-experts'} models)`,
      subtitle: 'Lines: a parametric family of architectures; dots: catalog models. Higher is cheaper. Each point uses as many chips as the model needs.',
    },
    width: 'container',
    height: 380,
    config: CHART_CONFIG,
    datasets: { lines, models, labels },
    layer: [
      {
        data: { name: 'lines' },
        mark: { type: 'line', point: { size: 18 }, interpolate: 'monotone' },
        encoding: { x, y, color, order: { field: 'totalParams', type: 'quantitative' }, tooltip: [...tooltip] },
      },
      {
        data: { name: 'models' },
        mark: { type: 'point', filled: true, size: 60, stroke: '#ffffff', strokeWidth: 1 },
        encoding: { x, y, color, tooltip: [...tooltip] },
      },
      {
        data: { name: 'labels' },
        mark: { type: 'text', angle: 0, align: 'left', dx: 4, dy: -8, fontSize: 10, color: '#3c4043', limit: 160 },
        encoding: { x, y, text: { field: 'text' } },
      },
    ],
  };
}
