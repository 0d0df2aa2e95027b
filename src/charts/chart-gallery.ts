// Build-time only (npm run charts:compile and the chart tests): the charts the page draws as it
// redraws them on every edit (Compare, Model size, Chip lab), in each layout and variant, from
// engine results for one workload. `npm run charts:compile` precompiles every expression of these
// charts (vega-expressions.ts); a chart the gallery does not hold still draws, through Vega's
// interpreter. The page never imports this module.

import type { TopLevelSpec } from 'vega-lite';
import type { Catalog } from '../catalog/catalog';
import { rooflineRoofs } from '../engine/analysis/roofline-roofs';
import { sensitivity } from '../engine/analysis/sensitivity';
import { sweepChip } from '../engine/analysis/model-size-sweep';
import { sweepSizes } from '../engine/analysis/sweep-sizes';
import { simulate } from '../engine/simulate';
import type { HardwareProfile, ResolvedScenario } from '../engine/types';
import { MESSAGES } from '../messages/ui';
import { DEFAULT_ECONOMICS, DEFAULT_ENGINE, DEFAULT_LAYOUT } from '../scenario/scenario';
import { WIDE, type ChartLayout } from './chart-theme';
import { chipSeries } from './chip-series';
import { compileTemplates } from './compile-templates';
import { costBreakdownChart } from './cost-breakdown-chart';
import { frontierChart } from './frontier-chart';
import { modelSizeChart } from './model-size-chart';
import { rooflineChart } from './roofline-chart';
import { sensitivityChart } from './sensitivity-chart';
import { chipColors } from './vendor-colors';

/** A chart of the gallery: Vega-Lite (compiled by the caller) or an already compiled Vega spec. */
export type GalleryChart = { name: string; vegaLite: TopLevelSpec } | { name: string; vega: object };

const CHIPS = ['nvidia-h200-sxm', 'amd-mi300x'] as const;
const LAYOUTS: readonly ChartLayout[] = [WIDE, { compact: true }];
/** One catalog model of each family beside the parametric sizes (the chart draws them differently). */
const SWEEP_MODELS = ['llama-3.1-8b', 'mixtral-8x7b'];

function workload(hardware: HardwareProfile, catalog: Catalog, pricing: 'rental' | 'tco'): ResolvedScenario {
  return {
    hardware,
    chips: 8,
    model: catalog.models.get('llama-3.1-70b')!,
    precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' },
    workload: { inputTokens: 2048, outputTokens: 512, prefixCacheHitRate: 0, arrivals: 'saturated' },
    slo: { maxTtftSeconds: 2, maxTpotSeconds: 0.05 },
    objective: 'max-throughput',
    economics: { ...DEFAULT_ECONOMICS, pricing },
    efficiencyMode: 'achieved',
    serving: 'co-located',
    layout: { ...DEFAULT_LAYOUT },
    engine: { ...DEFAULT_ENGINE },
    speculative: null,
  };
}

/** Every gallery chart for the catalog's H200 and MI300X (the lab's ghost is the H200 itself). */
export function chartGallery(catalog: Catalog): GalleryChart[] {
  const profiles = CHIPS.map((id) => catalog.hardware.get(id)).filter((p): p is HardwareProfile => p !== undefined);
  const colors = chipColors(profiles);
  const charts: GalleryChart[] = Object.entries(compileTemplates().variants).map(([key, vega]) => ({ name: `cost-bars ${key}`, vega }));
  for (const pricing of ['rental', 'tco'] as const) {
    const series = profiles.map((p) => ({ chip: chipSeries(p, colors), result: simulate(workload(p, catalog, pricing)) }));
    const ghost = { chip: chipSeries(profiles[0]!, colors, { ghost: true, suffix: ' (original)' }), result: series[0]!.result };
    const scenario = workload(profiles[0]!, catalog, pricing);
    const roofs = rooflineRoofs(scenario);
    const { hardware: _h, chips: _c, ...base } = scenario;
    const sensitivities = sensitivity(scenario);
    const sweeps = (['dense', 'moe'] as const).map((family) => ({
      family, points: profiles.flatMap((p) => sweepChip(base, { hardware: p, chips: 'auto' }, family, sweepSizes(3), SWEEP_MODELS.flatMap((id) => catalog.models.get(id) ?? []))),
    }));
    for (const layout of LAYOUTS) {
      const tag = `${pricing} ${layout.compact ? 'compact' : 'wide'}`;
      for (const metric of ['perChip', 'usdPerMillion'] as const) {
        charts.push({ name: `frontier ${metric} ${tag}`, vegaLite: frontierChart({ series, metric, maxTpotSeconds: 0.05, layout, measured: { points: [], note: [] } }) });
        charts.push({ name: `lab frontier ${metric} ${tag}`, vegaLite: frontierChart({
          series: [series[0]!, ghost], metric, maxTpotSeconds: 0.05, layout,
          title: layout.compact ? MESSAGES.views.chipLab.frontierTitleShort : MESSAGES.views.chipLab.frontierTitle,
        }) });
      }
      charts.push({ name: `cost breakdown ${tag}`, vegaLite: costBreakdownChart({ series: [series[0]!, ghost], layout }) });
      charts.push({ name: `roofline ${tag}`, vegaLite: rooflineChart({ chip: series[0]!.chip, roofs, operators: series[0]!.result.operators, ghost: { chip: ghost.chip, roofs }, layout }) });
      charts.push({ name: `sensitivity ${tag}`, vegaLite: sensitivityChart(sensitivities, layout) });
      for (const { family, points } of sweeps) {
        charts.push({ name: `model size ${family} ${tag}`, vegaLite: modelSizeChart({ chips: series.map((s) => s.chip), points, family, pricing, layout }) });
      }
    }
  }
  return charts;
}
