// $ per million output tokens split into what pays for it: capital (chip and its share of server,
// network and rack), power and hosting under TCO; a single rental bar when a rental price is known.

import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../engine/types';
import { CHART_CONFIG, FORMAT, WIDE, bandHeight, bandLabels, type ChartLayout, type LayerEntry } from './chart-theme';
import type { ChipSeries } from './chip-series';

export interface CostBreakdownInput {
  series: readonly { chip: ChipSeries; result: SimulationResult }[];
  layout?: ChartLayout;
}

export interface CostPartRow {
  bar: string;
  part: 'capex' | 'power' | 'hosting' | 'rental';
  usdPerMillion: number;
  usdPerHour: number;
  order: number;
}

const PARTS = ['capex', 'power', 'hosting', 'rental'] as const;
const PART_TITLES = ['Capex', 'Power', 'Hosting', 'Rental'];

/** The legend's name of a part (its table says the same). */
export function costPartTitle(part: CostPartRow['part']): string {
  return PART_TITLES[PARTS.indexOf(part)]!;
}
const PART_COLORS = ['#3b5b92', '#e8a33d', '#8fb9a8', '#9c6ade'];

export function costPartRows(input: CostBreakdownInput): CostPartRow[] {
  const rows: CostPartRow[] = [];
  for (const { chip, result } of input.series) {
    if (!result.feasible || !(result.outputTokensPerSecond > 0)) continue;
    const perMillion = (usdPerHour: number) => (usdPerHour / (result.outputTokensPerSecond * 3600)) * 1e6;
    const tco = result.tco;
    if (tco !== null) {
      // The basis leads the label: a long chip name is shortened before it, never the basis.
      const bar = `TCO · ${chip.label}`;
      const parts: [CostPartRow['part'], number | undefined][] = [['capex', tco.capexUsdPerHour], ['power', tco.powerUsdPerHour], ['hosting', tco.hostingUsdPerHour]];
      parts.forEach(([part, usdPerHour], order) => {
        if (usdPerHour !== undefined) rows.push({ bar, part, usdPerHour, usdPerMillion: perMillion(usdPerHour), order });
      });
    }
    if (result.rental !== null) {
      rows.push({ bar: `Rental · ${chip.label}`, part: 'rental', usdPerHour: result.rental.costPerHourUsd, usdPerMillion: result.rental.usdPerMillionOutputTokens, order: 3 });
    }
  }
  return rows;
}

export function costBreakdownChart(input: CostBreakdownInput): TopLevelSpec {
  const rows = costPartRows(input);
  const band = bandLabels(input.layout ?? WIDE, 'bar', 290);
  // Label rows once (first part of each bar) when names sit above the bars.
  const labels = rows.filter((r, i) => rows.findIndex((x) => x.bar === r.bar) === i);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Where the money goes',
      // Short lines on narrow pages (a subtitle is not wrapped).
      subtitle: (input.layout ?? WIDE).compact
        ? ['$ per million output tokens, owning (TCO)', 'vs renting. Capex: chip plus its share of', 'server, network and rack, as an annuity;', 'hosting: space and cooling.']
        : ['$ per million output tokens, owning (TCO) vs renting.', 'Capex: chip plus its share of server, network and rack, as an annuity; hosting: space and cooling.'],
    },
    width: 'container',
    height: bandHeight(labels.length, band.step),
    config: CHART_CONFIG,
    // The labels dataset exists only when a layer draws it (every dataset must be used).
    datasets: band.layers.length > 0 ? { parts: rows, labels } : { parts: rows },
    encoding: {
      y: { field: 'bar', type: 'nominal', title: null, sort: null, axis: band.axis },
    },
    layer: [
      {
        data: { name: 'parts' },
        mark: { type: 'bar', ...band.barMark },
        encoding: {
          x: { field: 'usdPerMillion', type: 'quantitative', stack: 'zero', title: '$ per million output tokens', axis: { format: FORMAT.usd, tickCount: (input.layout ?? WIDE).compact ? 4 : 6 } },
          color: {
            field: 'part', type: 'nominal', title: 'Cost',
            scale: { domain: [...PARTS], range: PART_COLORS },
            legend: { orient: 'bottom', direction: 'horizontal', labelExpr: `[${PART_TITLES.map((t) => `'${t}'`).join(',')}][indexof([${PARTS.map((p) => `'${p}'`).join(',')}], datum.label)]` },
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'bar', title: 'Bar' },
            { field: 'part', title: 'Part' },
            { field: 'usdPerMillion', title: '$/M output tokens', format: FORMAT.tooltipUsd },
            { field: 'usdPerHour', title: '$/hour (deployment)', format: FORMAT.tooltipUsd },
          ],
        },
      },
      ...band.layers.map((layer): LayerEntry => ({ ...layer, data: { name: 'labels' } } as LayerEntry)),
    ],
  };
}
