// $ per million output tokens per chip, best first: the comparison's bottom line at a glance.

import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../engine/types';
import { CHART_CONFIG, FORMAT, USD_LOG_LABEL_EXPR, WIDE, bandHeight, bandLabels, type ChartLayout, type LayerEntry } from './chart-theme';
import { EVIDENCE_LABEL } from '../messages/evidence';
import type { ChipSeries } from './chip-series';
import { formatUsd } from '../format/units';
import { readableMark } from '../records/estimated-specs';

export interface CostBarsInput {
  /** Any order (the chart sorts cheapest first); infeasible results are left out. */
  series: readonly { chip: ChipSeries; result: SimulationResult }[];
  layout?: ChartLayout;
}

export interface CostBarRow {
  chip: string;
  /** The chip's colour (drawn as is: the rows carry the colours, not the spec). */
  color: string;
  usdPerMillion: number;
  /** The value label, as the table writes it: "≈" marks a rental price estimated from TCO. */
  valueText: string;
  /** The range of $/M (evidence-based uncertainty); equal to the value when the result has none. */
  low: number;
  high: number;
  rangeText: string;
  tokensPerSecondPerDollarPerHour: number | null;
  evidence: string;
  pricing: string;
  chips: number;
  estimates: string;
}

/** "80% range", or for a silicon limit (no coverage claimed) "modelling spread". */
function rangeName(coverage: number | null): string {
  return coverage === null ? 'modelling spread' : `${Math.round(coverage * 100)}% range`;
}

/** $/M as the table and the bars write it: "≈" marks a rental price estimated from TCO. */
export function usdPerMillionText(result: Pick<SimulationResult, 'pricing'>, usd: number): string {
  return `${result.pricing.rentalEstimated ? '≈' : ''}${formatUsd(usd)}`;
}

/** How $/M prices its chip-hours, for tooltips: "≈" marks a rental estimated from TCO. */
export function pricingWords(pricingUsed: SimulationResult['pricingUsed'], rentalEstimated: boolean): string {
  return pricingUsed === 'rental' ? (rentalEstimated ? 'rental (≈ estimated from TCO)' : 'rental') : 'TCO (owned)';
}

/** pricingWords of a result. */
export function pricingText(result: Pick<SimulationResult, 'pricingUsed' | 'pricing'>): string {
  return pricingWords(result.pricingUsed, result.pricing.rentalEstimated);
}

export function costBarRows(input: CostBarsInput): CostBarRow[] {
  const rows: CostBarRow[] = [];
  for (const { chip, result } of input.series) {
    const usd = result.usdPerMillionOutputTokens;
    if (!result.feasible || usd === null || !Number.isFinite(usd) || !(usd > 0)) continue;
    const range = result.uncertainty?.usdPerMillionOutputTokens ?? null;
    rows.push({
      chip: chip.label,
      color: chip.color,
      usdPerMillion: usd,
      valueText: usdPerMillionText(result, usd),
      low: range?.low ?? usd,
      high: range?.high ?? usd,
      rangeText: range === null ? 'no range' : `${rangeName(result.uncertainty?.coverage ?? null)} ${formatUsd(range.low)}–${formatUsd(range.high)}`,
      tokensPerSecondPerDollarPerHour: result.outputTokensPerSecondPerDollarPerHour,
      evidence: EVIDENCE_LABEL[result.evidence.basis],
      pricing: pricingText(result),
      chips: result.config.chips,
      estimates: result.estimateMarks.length > 0 ? result.estimateMarks.map(readableMark).join('; ') : 'none',
    });
  }
  return rows.sort((a, b) => a.usdPerMillion - b.usdPerMillion);
}

/** Above this max/min ratio the chart switches to a log scale (dots on stems instead of bars). */
export const LOG_SPREAD = 10;

/** What decides the chart's structure: one precompiled Vega spec per variant (cost-bars-compiled.ts). */
export interface CostBarsVariant {
  log: boolean;
  compact: boolean;
}

/** The numbers of the spec that follow the data: the plot height and the x domain. */
export interface CostBarsScale {
  heightPx: number;
  /** Log: the domain's low end and the dots' stem base. */
  domainLow: number;
  /** Log: the domain's high end; linear: the domain's maximum (room for the value labels). */
  domainHigh: number;
}

/** The chart as variant, scale and rows: costBarsSpec(...parts) is the Vega-Lite spec. */
export function costBarsParts(input: CostBarsInput): { variant: CostBarsVariant; scale: CostBarsScale; rows: CostBarRow[] } {
  const rows = costBarRows(input);
  const layout = input.layout ?? WIDE;
  const lo = rows.length > 0 ? Math.min(...rows.map((r) => r.low)) : 1;
  const hi = rows.length > 0 ? Math.max(...rows.map((r) => r.high)) : 1;
  const log = hi / lo > LOG_SPREAD;
  const band = bandLabels(layout, 'chip', 220);
  return {
    variant: { log, compact: layout.compact },
    scale: { heightPx: bandHeight(rows.length, band.step), domainLow: lo / 1.5, domainHigh: log ? hi * 2 : hi * 1.18 },
    rows,
  };
}

export function costBarsChart(input: CostBarsInput): TopLevelSpec {
  const { variant, scale, rows } = costBarsParts(input);
  return costBarsSpec(variant, scale, rows);
}

/**
 * The spec's structure depends on the variant only; the scale's numbers appear as values, and the
 * colours come from the rows (`color`, unscaled), so that a precompiled Vega spec serves any data.
 */
export function costBarsSpec(variant: CostBarsVariant, scale: CostBarsScale, rows: readonly CostBarRow[]): TopLevelSpec {
  const { log, compact } = variant;
  const band = bandLabels({ compact }, 'chip', 220);
  const tooltip = [
    { field: 'chip', title: 'Chip' },
    { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
    { field: 'rangeText', title: 'Range' },
    { field: 'evidence', title: 'Evidence' },
    { field: 'tokensPerSecondPerDollarPerHour', title: 'Output tokens/s per $/h', format: FORMAT.tooltip },
    { field: 'chips', title: 'Chips used' },
    { field: 'pricing', title: 'Pricing' },
    { field: 'estimates', title: 'Estimates' },
  ] as const;
  const color = { field: 'color', type: 'nominal', scale: null, legend: null } as const;
  const base = scale.domainLow;
  // Room for the value labels right of the largest value.
  const x = log
    ? { field: 'usdPerMillion', type: 'quantitative' as const, title: '$/M output tokens (log)', scale: { type: 'log' as const, domain: [base, scale.domainHigh], nice: false }, axis: { labelExpr: USD_LOG_LABEL_EXPR, labelOverlap: 'greedy' as const } }
    : { field: 'usdPerMillion', type: 'quantitative' as const, title: '$/M output tokens', axis: { format: FORMAT.usd, tickCount: 6 }, scale: { domainMax: scale.domainHigh, nice: false } };
  const marks: LayerEntry[] = log
    ? [
      { mark: { type: 'rule', strokeWidth: 2, ...band.valueMark }, encoding: { x: { datum: base }, x2: { field: 'usdPerMillion' }, color, tooltip: [...tooltip] } },
      { mark: { type: 'point', filled: true, size: 90, opacity: 1, ...band.valueMark }, encoding: { color, tooltip: [...tooltip] } },
    ]
    : [{ mark: { type: 'bar', cornerRadiusEnd: 2, ...band.barMark }, encoding: { color, tooltip: [...tooltip] } }];
  // The evidence range of each chip: a thin dark whisker from low to high over the bar or dot.
  const whisker: LayerEntry = {
    mark: { type: 'rule', strokeWidth: 1.5, color: '#202124', opacity: 0.75, ...band.valueMark },
    encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip: [...tooltip] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: '$ per million output tokens',
      // Narrow pages: two lines (one is cut off at 420 px).
      subtitle: compact
        ? ['Best deployment per chip under the SLO;', `${log ? 'further left' : 'shorter'} is cheaper; whiskers: the table's (low–high) ranges.`]
        : `Best deployment per chip under the SLO; ${log ? 'further left' : 'shorter'} is cheaper; whiskers: the table's (low–high) ranges.`,
    },
    width: 'container',
    height: scale.heightPx,
    config: CHART_CONFIG,
    datasets: { bars: [...rows] },
    data: { name: 'bars' },
    encoding: {
      y: { field: 'chip', type: 'nominal', title: null, sort: null, axis: band.axis },
      x,
    },
    layer: [
      ...marks,
      whisker,
      {
        mark: { type: 'text', align: 'left', dx: log ? 7 : 3, fontSize: 10, color: '#3c4043', ...band.valueMark },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'valueText' } },
      },
      ...band.layers.map((layer): LayerEntry => (log ? { ...layer, encoding: { ...(layer as { encoding: object }).encoding, x: { datum: base } } } as LayerEntry : layer)),
    ],
  };
}
