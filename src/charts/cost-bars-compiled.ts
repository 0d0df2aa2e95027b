// The $/M bars as a precompiled chart (compiled-chart.ts): the landing page's first chart, drawn
// without Vega-Lite's compiler. templates: src/charts/compiled/cost-bars.json (npm run charts:compile).

import type { CompiledChart } from './compiled-chart';
import { fillTemplate } from './compiled-chart';
import { costBarsParts, type CostBarsInput, type CostBarsScale, type CostBarsVariant } from './cost-bars-chart';
import templates from './compiled/cost-bars.json';

/** Stand-ins for the scale's numbers in the templates: values no chart of this kind holds otherwise. */
export const COST_BARS_SENTINELS: CostBarsScale = { heightPx: 271828.5, domainLow: 314159.25, domainHigh: 161803.75 };

export const COST_BARS_VARIANTS: readonly CostBarsVariant[] = [
  { log: false, compact: false }, { log: false, compact: true }, { log: true, compact: false }, { log: true, compact: true },
];

export function costBarsVariantKey(variant: CostBarsVariant): string {
  return `${variant.log ? 'log' : 'linear'}-${variant.compact ? 'compact' : 'wide'}`;
}

export function costBarsCompiled(input: CostBarsInput): CompiledChart {
  const { variant, scale, rows } = costBarsParts(input);
  const key = costBarsVariantKey(variant);
  const template = (templates.variants as Record<string, object>)[key]!;
  const values = new Map((Object.keys(scale) as (keyof CostBarsScale)[]).map((k) => [COST_BARS_SENTINELS[k], scale[k]]));
  const datasets = { bars: rows };
  return { vega: fillTemplate(template, values, datasets), structureKey: `cost-bars:${key}:${JSON.stringify(scale)}`, datasets };
}
