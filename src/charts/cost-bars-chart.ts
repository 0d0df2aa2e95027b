// $ per million output tokens per chip, best first: the comparison's bottom line at a glance.

import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../engine/types';
import { CHART_CONFIG, FORMAT, WIDE, bandHeight, bandLabels, type ChartLayout } from './chart-theme';
import { colorScale, type ChipSeries } from './chip-series';

export interface CostBarsInput {
  /** In rank order; infeasible results are left out of the chart. */
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
    }));
}

export function costBarsChart(input: CostBarsInput): TopLevelSpec {
  const rows = costBarRows(input);
  const chips = input.series.map((s) => s.chip);
  const band = bandLabels(input.layout ?? WIDE, 'chip', 220);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: '$ per million output tokens', subtitle: 'Best deployment per chip under the SLO; shorter is cheaper.' },
    width: 'container',
    height: bandHeight(rows.length, band.step),
    config: CHART_CONFIG,
    datasets: { bars: rows },
    data: { name: 'bars' },
    encoding: {
      y: { field: 'chip', type: 'nominal', title: null, sort: null, axis: band.axis },
      // Room for the value labels right of the longest bar.
      x: { field: 'usdPerMillion', type: 'quantitative', title: '$/M output tokens', axis: { format: FORMAT.usd, tickCount: 6 }, scale: { domainMax: Math.max(0, ...rows.map((r) => r.usdPerMillion)) * 1.18, nice: false } },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2, ...band.barMark },
        encoding: {
          color: { field: 'chip', type: 'nominal', scale: colorScale(chips), legend: null },
          tooltip: [
            { field: 'chip', title: 'Chip' },
            { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
            { field: 'tokensPerSecondPerDollarPerHour', title: 'Output tokens/s per $/h', format: FORMAT.tooltip },
            { field: 'chips', title: 'Chips used' },
            { field: 'pricing', title: 'Pricing' },
            { field: 'estimates', title: 'Estimates' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#3c4043', ...band.valueMark },
        encoding: { text: { field: 'usdPerMillion', type: 'quantitative', format: FORMAT.usd } },
      },
      ...band.layers,
    ],
  };
}
