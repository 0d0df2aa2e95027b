// Shared look of every chart: fonts, sizes, number formats, legends. Pure data.

import type { TopLevelSpec } from 'vega-lite';
import { EVIDENCE_MARK } from '../messages/evidence';
import { ESTIMATE_MARK } from './chip-series';

type Config = NonNullable<TopLevelSpec['config']>;

/** One entry of a layer chart's `layer` array. */
export type LayerEntry = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

export const CHART_HEIGHT = 300;

export const CHART_CONFIG: Config = {
  // No per-mark ARIA descriptions: Vega-Lite would add an expression per mark item that Vega
  // re-evaluates on every data change, and the chart card is one role="img" with its own label,
  // whose children assistive technology never reads (chip lab, 3 charts redrawn per slider move,
  // 60 moves, 3 interleaved runs: p50 ~35 -> ~31 ms, p95 ~55 -> ~48 ms).
  aria: false,
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

/** Labels only ticks whose leading digit is 1, 2 or 5 (log axes draw a tick at every digit). */
export const LEADING_125 = "indexof([1, 2, 5], round(datum.value / pow(10, floor(log(datum.value) / LN10 + 1e-9)))) >= 0";

/**
 * Log-axis tick labels at 1-2-5 steps: SI prefixes from 1000 up (1k, 20k, 1M), plain decimals
 * below (0.1, not d3's "100m", which reads as millions), e-notation under 0.001 ('~g' wrote
 * 0.000001 beside 5e-7 on one axis, and cut the long decimals at the chart's edge).
 */
export const LOG_LABEL_EXPR = `${LEADING_125} ? (datum.value >= 1000 ? format(datum.value, '~s') : datum.value >= 0.001 ? format(datum.value, '~g') : format(datum.value, '~e')) : ''`;

/** The same labels at decades only (1, 10, 100, 1k): a narrow log axis over many decades has no room for 2 and 5. */
export const LOG_DECADE_LABEL_EXPR = `round(log(datum.value) / LN10 * 1e6) % 1e6 === 0 ? (datum.value >= 1000 ? format(datum.value, '~s') : format(datum.value, '~g')) : ''`;

/** Dollar amounts on a log axis: $0.1, $0.2, $0.5, $1, ... */
export const USD_LOG_LABEL_EXPR = `${LEADING_125} ? '$' + format(datum.value, ',~g') : ''`;

/** Parameter counts: 1B, 70B, 1.5T (d3's SI prefix G reads as giga, not billion). */
export const PARAMS_LABEL_EXPR = `${LEADING_125} ? (datum.value >= 1e12 ? format(datum.value / 1e12, '~g') + 'T' : datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + 'B' : format(datum.value / 1e6, '~g') + 'M') : ''`;

/** Layout hints from the page (not data): compact = narrow window, legends stacked below. */
export interface ChartLayout {
  compact: boolean;
}

export const WIDE: ChartLayout = { compact: false };

/**
 * The marks at the end of a chip label (chipLabel: estimate mark, a space, the evidence mark; then
 * uniqueLabels' " (2)"), as the source of a Vega string literal holding a regexp.
 */
const MARKS_AT_END = `'[${ESTIMATE_MARK}]*( [${Object.values(EVIDENCE_MARK).join('')}])?( \\\\(\\\\d+\\\\))?$'`;

/**
 * A Vega expression shortening the text `value` to `maxChars` characters without losing the
 * estimate and evidence marks at its end: "Etched Sohu (transformer ASIC, a…* ◇", never
 * "Etched Sohu (transformer ASIC, anno…" (a pixel labelLimit cuts the marks off).
 */
export function markedText(value: string, maxChars: number): string {
  const marks = `replace(${value}, regexp('^.*?(' + ${MARKS_AT_END} + ')'), '$1')`;
  return `length(${value}) <= ${maxChars} ? ${value} : truncate(slice(${value}, 0, length(${value}) - length(${marks})), ${maxChars} - length(${marks})) + ${marks}`;
}

/** Characters of a chip label shown in legends and on axes (wide pages / narrow pages). */
export const LABEL_CHARS = { wide: 36, compact: 52 } as const;

/** A pixel limit that never binds before the character limit (Vega's text-width estimate is 0.8 em per character). */
function pixelsFor(chars: number): number {
  return Math.ceil(chars * 9) + 10;
}

/** A colour legend: right of the plot on wide pages, one column below it on narrow ones; labels keep their marks. */
export function sideLegend(layout: ChartLayout, title: string | null = null) {
  return layout.compact
    ? { orient: 'bottom' as const, direction: 'vertical' as const, title, labelLimit: pixelsFor(LABEL_CHARS.compact), labelExpr: markedText('datum.label', LABEL_CHARS.compact) }
    : { orient: 'right' as const, title, labelLimit: pixelsFor(LABEL_CHARS.wide), labelExpr: markedText('datum.label', LABEL_CHARS.wide) };
}

/** A side legend whose symbols are line strokes, so that colour and dash read together (lines per chip). */
export function strokeLegend(layout: ChartLayout) {
  return { ...sideLegend(layout), symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 300 } as const;
}

/** Height of one entry of a side legend (11 px labels, the default symbols and row padding), measured in Vega. */
const LEGEND_ROW_PX = 17;

/**
 * The plot height that keeps a right-hand legend of `entries` rows inside the chart. With width
 * "container" (autosize fit-x) Vega clips whatever hangs below the plot: with every chip selected
 * the frontier's legend stopped after 19 of 30 chips. Narrow pages put the legend below the plot,
 * where the chart grows by itself.
 */
export function heightForLegend(heightPx: number, entries: number, layout: ChartLayout): number {
  return layout.compact ? heightPx : Math.max(heightPx, Math.ceil(entries * LEGEND_ROW_PX));
}

/** Height of a chart with `bands` horizontal bars of `step` pixels each (explicit: fit-x needs it). */
export function bandHeight(bands: number, step: number): number {
  return Math.max(2, bands) * step;
}

/**
 * "70.6B", "1.23T", "6.68B": for tooltips (precomputed; Vega formats cannot say billions). The
 * same rule names parametric models (engine/analysis/parametric-model.ts), so a name and its count
 * read alike: 2 decimals below 10, 1 below 100, none above; millions below 0.1B.
 */
export function paramsText(n: number): string {
  if (n < 1e8) return `${Number((n / 1e6).toPrecision(3))}M`;
  const [value, unit] = n >= 1e12 ? [n / 1e12, 'T'] : [n / 1e9, 'B'];
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))}${unit}`;
}

/**
 * Horizontal bar charts on narrow windows: category names go above their bar (full width) instead
 * of eating half the plot as axis labels. Returns the y axis, the bar/value-mark adjustments and
 * the label layer (empty when wide).
 */
export function bandLabels(layout: ChartLayout, field: string, labelLimit: number) {
  if (!layout.compact) {
    const chars = Math.round(labelLimit / 6.2);
    return { axis: { labelLimit: pixelsFor(chars), labelExpr: markedText('datum.label', chars) }, step: 24, barMark: {}, valueMark: {}, layers: [] as LayerEntry[] };
  }
  return {
    axis: { labels: false, ticks: false, domain: false },
    step: 40,
    barMark: { height: { band: 0.45 }, yOffset: 8 } as const,
    valueMark: { yOffset: 8 } as const,
    layers: [{
      mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, fontSize: 11, color: '#3c4043', limit: pixelsFor(LABEL_CHARS.compact + 8) },
      transform: [{ calculate: markedText(`datum[${JSON.stringify(field)}]`, LABEL_CHARS.compact + 8), as: '__label' }],
      encoding: { x: { datum: 0 }, text: { field: '__label' } },
    }] as LayerEntry[],
  };
}
