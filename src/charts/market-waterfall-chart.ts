// The decomposition as a waterfall (issue 14): from the first point's API price per request, each
// factor in one order (hardware, precision, model, serving, then the market's margin) divides the
// price by its ratio, ending at the second point's price. Log x, so every bar's length is its
// factor. Each bar also states the factor's Shapley average over all orders.

import { formatUsd, priceFactorText } from '../format/units';
import type { TopLevelSpec } from 'vega-lite';
import type { Decomposition } from '../market/decomposition';
import { CHART_CONFIG, FORMAT, WIDE, bandLabels, type ChartLayout } from './chart-theme';

/** Dollar labels at powers of ten only: the axis spans several decades. */
const DECADE_USD_LABEL_EXPR = "abs(log(datum.value) / LN10 - round(log(datum.value) / LN10)) < 1e-6 ? '$' + format(datum.value, '~g') : ''";

export interface WaterfallRow {
  order: number;
  step: string;
  kind: 'price' | 'fall' | 'rise';
  lo: number;
  hi: number;
  /** Where the bar ends after this step (the level the next step starts from). */
  level: number;
  text: string;
  ratio: number | null;
  shapleyRatio: number | null;
  explanation: string;
}

const money = formatUsd;

export function waterfallRows(d: Decomposition): WaterfallRow[] {
  const levels = [d.from.apiUsdPerRequest];
  for (const f of d.factors) levels.push(levels[levels.length - 1]! / f.ratio);
  const base = Math.min(...levels) / 4;
  const rows: WaterfallRow[] = [{
    order: 0, step: `API price: ${d.from.model} (${d.from.date})`, kind: 'price', lo: base, hi: d.from.apiUsdPerRequest, level: d.from.apiUsdPerRequest,
    text: money(d.from.apiUsdPerRequest), ratio: null, shapleyRatio: null, explanation: `${d.from.provider}; floor ${money(d.from.floorUsdPerRequest)} on ${d.from.hardwareId} (${d.from.precision}, ${d.from.serving})`,
  }];
  d.factors.forEach((f, i) => {
    const [before, after] = [levels[i]!, levels[i + 1]!];
    rows.push({
      order: i + 1, step: f.label, kind: f.ratio >= 1 ? 'fall' : 'rise', lo: Math.min(before, after), hi: Math.max(before, after), level: after,
      text: `${priceFactorText(f.ratio)} (Shapley ${priceFactorText(f.shapleyRatio)})`, ratio: f.ratio, shapleyRatio: f.shapleyRatio, explanation: f.explanation,
    });
  });
  rows.push({
    order: d.factors.length + 1, step: `API price: ${d.to.model} (${d.to.date})`, kind: 'price', lo: base, hi: d.to.apiUsdPerRequest, level: d.to.apiUsdPerRequest,
    text: money(d.to.apiUsdPerRequest), ratio: null, shapleyRatio: null, explanation: `${d.to.provider}; floor ${money(d.to.floorUsdPerRequest)} on ${d.to.hardwareId} (${d.to.precision}, ${d.to.serving})`,
  });
  return rows;
}

export function marketWaterfallChart(d: Decomposition, layout: ChartLayout = WIDE): TopLevelSpec {
  const rows = waterfallRows(d);
  const lo = Math.min(...rows.map((r) => r.lo));
  const hi = Math.max(...rows.map((r) => r.hi)) * (layout.compact ? 300 : 20);
  const labels = bandLabels(layout, 'step', 300);
  const y = { field: 'step', type: 'nominal' as const, title: null, sort: { field: 'order' }, axis: labels.axis };
  const x = {
    field: 'lo', type: 'quantitative' as const, title: '$ per request (log)',
    scale: { type: 'log' as const, domain: [lo, hi], nice: false }, axis: { labelExpr: DECADE_USD_LABEL_EXPR, gridOpacity: { condition: { test: 'abs(log(datum.value) / LN10 - round(log(datum.value) / LN10)) < 1e-6', value: 1 }, value: 0.25 } },
  };
  const total = priceFactorText(d.totalRatio);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: layout.compact ? [`${d.from.model} →`, `${d.to.model}: ${total} per request`] : `${d.from.model} → ${d.to.model}: ${total} per request`,
      subtitle: layout.compact
        ? ['One order of the factors; Shapley = average over all orders.']
        : ['Waterfall in one order (hardware, precision, model, serving, margin); in brackets each factor\'s Shapley average over all orders.', 'Green: the factor lowered the price; red: it raised it. The factors multiply to the whole change.'],
    },
    width: 'container',
    height: rows.length * labels.step,
    config: CHART_CONFIG,
    datasets: { steps: rows as unknown as Record<string, unknown>[] },
    data: { name: 'steps' },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', ...labels.barMark },
        encoding: {
          x, x2: { field: 'hi' },
          color: { field: 'kind', type: 'nominal', scale: { domain: ['price', 'fall', 'rise'], range: ['#5f6368', '#1e8e3e', '#d93025'] }, legend: null },
          tooltip: [
            { field: 'step', title: 'Step' },
            { field: 'text', title: 'Price or factor' },
            { field: 'level', title: '$ per request after it', format: FORMAT.tooltip },
            { field: 'explanation', title: 'What changes' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#202124', ...labels.valueMark },
        encoding: { x: { ...x, field: 'hi' }, text: { field: 'text' } },
      },
      // Narrow pages: step names above their bars (bandLabels' own label layer sits at x = 0, off a log axis).
      ...(layout.compact ? [{
        mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dy: -3, fontSize: 11, color: '#3c4043', limit: 400 },
        encoding: { x: { datum: lo, type: 'quantitative' as const, scale: x.scale }, text: { field: 'step' } },
      }] : []),
    ],
  } as TopLevelSpec;
}
