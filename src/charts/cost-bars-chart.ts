// $ per million output tokens per chip, best first: the comparison's bottom line at a glance.

import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../engine/types';
import { CHART_CONFIG, FORMAT, USD_LOG_LABEL_EXPR, WIDE, bandHeight, bandLabels, type ChartLayout, type LayerEntry } from './chart-theme';
import { colorScale, type ChipSeries } from './chip-series';

export interface CostBarsInput {
  /** Any order (the chart sorts cheapest first); infeasible results are left out. */
  series: readonly { chip: ChipSeries; result: SimulationResult }[];
  layout?: ChartLayout;
}

export interface CostBarRow {
  chip: string;
  usdPerMillion: number;
  tokensPerSecondPerDollarPerHour: number;
  pricing: string;
  chips: number;
  estimates: string;
}

export function costBarRows(input: CostBarsInput): CostBarRow[] {
  return input.series
    .filter(({ result }) => result.feasible && Number.isFinite(result.usdPerMillionOutputTokens) && result.usdPerMillionOutputTokens > 0)
    .map(({ chip, result }) => ({
      chip: chip.label,
      usdPerMillion: result.usdPerMillionOutputTokens,
      tokensPerSecondPerDollarPerHour: result.outputTokensPerSecondPerDollarPerHour,
      pricing: result.pricingUsed === 'rental' ? 'rental' : 'TCO (owned)',
      chips: result.config.chips,
      estimates: result.estimateMarks.length > 0 ? result.estimateMarks.join('; ') : 'none',
    }))
    .sort((a, b) => a.usdPerMillion - b.usdPerMillion);
}

/** Above this max/min ratio the chart switches to a log scale (dots on stems instead of bars). */
export const LOG_SPREAD = 10;

export function costBarsChart(input: CostBarsInput): TopLevelSpec {
  const rows = costBarRows(input);
  const chips = input.series.map((s) => s.chip);
  const band = bandLabels(input.layout ?? WIDE, 'chip', 220);
  const values = rows.map((r) => r.usdPerMillion);
  const lo = values.length > 0 ? Math.min(...values) : 1;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const log = hi / lo > LOG_SPREAD;
  const tooltip = [
    { field: 'chip', title: 'Chip' },
    { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
    { field: 'tokensPerSecondPerDollarPerHour', title: 'Output tokens/s per $/h', format: FORMAT.tooltip },
    { field: 'chips', title: 'Chips used' },
    { field: 'pricing', title: 'Pricing' },
    { field: 'estimates', title: 'Estimates' },
  ] as const;
  const color = { field: 'chip', type: 'nominal', scale: colorScale(chips), legend: null } as const;
  const base = lo / 1.5;
  // Room for the value labels right of the largest value.
  const x = log
    ? { field: 'usdPerMillion', type: 'quantitative' as const, title: '$/M output tokens (log)', scale: { type: 'log' as const, domain: [base, hi * 2], nice: false }, axis: { labelExpr: USD_LOG_LABEL_EXPR } }
    : { field: 'usdPerMillion', type: 'quantitative' as const, title: '$/M output tokens', axis: { format: FORMAT.usd, tickCount: 6 }, scale: { domainMax: hi * 1.18, nice: false } };
  const marks: LayerEntry[] = log
    ? [
      { mark: { type: 'rule', strokeWidth: 2, ...band.valueMark }, encoding: { x: { datum: base }, x2: { field: 'usdPerMillion' }, color, tooltip: [...tooltip] } },
      { mark: { type: 'point', filled: true, size: 90, opacity: 1, ...band.valueMark }, encoding: { color, tooltip: [...tooltip] } },
    ]
    : [{ mark: { type: 'bar', cornerRadiusEnd: 2, ...band.barMark }, encoding: { color, tooltip: [...tooltip] } }];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: '$ per million output tokens', subtitle: `Best deployment per chip under the SLO; ${log ? 'further left' : 'shorter'} is cheaper.` },
    width: 'container',
    height: bandHeight(rows.length, band.step),
    config: CHART_CONFIG,
    datasets: { bars: rows },
    data: { name: 'bars' },
    encoding: {
      y: { field: 'chip', type: 'nominal', title: null, sort: null, axis: band.axis },
      x,
    },
    layer: [
      ...marks,
      {
        mark: { type: 'text', align: 'left', dx: log ? 7 : 3, fontSize: 10, color: '#3c4043', ...band.valueMark },
        encoding: { text: { field: 'usdPerMillion', type: 'quantitative', format: FORMAT.usd } },
      },
      ...band.layers.map((layer): LayerEntry => (log ? { ...layer, encoding: { ...(layer as { encoding: object }).encoding, x: { datum: base } } } as LayerEntry : layer)),
    ],
  };
}
