// Tornado chart: how much $/M output tokens changes when each chip parameter moves by +-delta.

import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../engine/analysis/sensitivity';
import { CHART_CONFIG, WIDE, bandHeight, FORMAT, type ChartLayout } from './chart-theme';

export interface SensitivityRowOut {
  parameter: string;
  direction: string;
  change: number;
  usdPerMillion: number;
  order: number;
}

export function sensitivityRows(result: SensitivityResult): SensitivityRowOut[] {
  const pct = Math.round(result.delta * 100);
  const out: SensitivityRowOut[] = [];
  result.rows.forEach((row, order) => {
    if (row.lowChange !== null && row.lowUsdPerMillion !== null) {
      out.push({ parameter: row.label, direction: `−${pct}%`, change: row.lowChange, usdPerMillion: row.lowUsdPerMillion, order });
    }
    if (row.highChange !== null && row.highUsdPerMillion !== null) {
      out.push({ parameter: row.label, direction: `+${pct}%`, change: row.highChange, usdPerMillion: row.highUsdPerMillion, order });
    }
  });
  return out;
}

export function sensitivityChart(result: SensitivityResult, layout: ChartLayout = WIDE): TopLevelSpec {
  const pct = Math.round(result.delta * 100);
  const compact = layout.compact;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: compact
      ? { text: `Sensitivity to ±${pct}%`, subtitle: [`Change in $/M output tokens per parameter;`, 'largest effect first; negative = cheaper.', 'The deployment is re-optimised at every point.'] }
      : { text: `Sensitivity of $/M output tokens to ±${pct}% per parameter`, subtitle: ['Largest effect first; negative = cheaper.', 'The deployment is re-optimised at every point.'] },
    width: 'container',
    height: bandHeight(result.rows.length, 34),
    config: CHART_CONFIG,
    datasets: { sensitivity: sensitivityRows(result) },
    data: { name: 'sensitivity' },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'parameter', type: 'nominal', title: null, sort: { field: 'order', op: 'min', order: 'ascending' }, axis: { labelLimit: compact ? 165 : 200 } },
          yOffset: { field: 'direction', type: 'nominal', sort: [`−${pct}%`, `+${pct}%`] },
          x: {
            field: 'change', type: 'quantitative', title: compact ? 'Change in $/M' : 'Change in $ per million output tokens',
            // No sign on zero ("+0%" reads as a rounded gain).
            // Narrow: labels that would touch ("−20%−10%") give way, one in two.
            axis: { labelExpr: "datum.value === 0 ? '0%' : format(datum.value, '+.0%')", tickCount: compact ? 4 : undefined, ...(compact ? { labelOverlap: 'parity' as const, labelSeparation: 6 } : {}) },
          },
          color: { field: 'direction', type: 'nominal', title: 'Parameter moved by', scale: { domain: [`−${pct}%`, `+${pct}%`], range: ['#7aa6d6', '#d98c5f'] }, legend: { orient: 'bottom', direction: 'horizontal' } },
          tooltip: [
            { field: 'parameter', title: 'Parameter' },
            { field: 'direction', title: 'Moved by' },
            { field: 'change', title: 'Change in $/M', format: FORMAT.percent },
            { field: 'usdPerMillion', title: 'New $/M output tokens', format: FORMAT.tooltipUsd },
          ],
        },
      },
      { mark: { type: 'rule', color: '#5f6368' }, encoding: { x: { datum: 0 } } },
    ],
  };
}
