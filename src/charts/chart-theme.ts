// Shared look of every chart: fonts, sizes, number formats. Pure data.

import type { TopLevelSpec } from 'vega-lite';

type Config = NonNullable<TopLevelSpec['config']>;

export const CHART_HEIGHT = 300;

export const CHART_CONFIG: Config = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, gridColor: '#e6e8eb', labelColor: '#3c4043', titleColor: '#202124' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260, symbolSize: 80 },
  title: { fontSize: 14, fontWeight: 600, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#5f6368' },
  view: { stroke: null },
  point: { size: 50 },
};

/** d3 formats: SI for log axes, 4 significant digits in tooltips (exact enough to compare). */
export const FORMAT = {
  si: '~s',
  usd: '$,.3~r',
  tooltip: ',.4~r',
  tooltipUsd: '$,.4~r',
  percent: '+.1%',
} as const;

export const WIDTH_CONTAINER = 'container' as const;

/** Height of a chart with `bands` horizontal bars of `step` pixels each (explicit: fit-x needs it). */
export function bandHeight(bands: number, step: number): number {
  return Math.max(2, bands) * step;
}
