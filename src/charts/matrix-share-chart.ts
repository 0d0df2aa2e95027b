// $/M output tokens and tokens/s per user against the share of the die given to matrix math, for
// the chip lab's design and workload (issue 15): where the design sits and where the optimum is.

import type { TopLevelSpec } from 'vega-lite';
import type { MatrixSharePoint } from '../design/matrix-share';
import { CHART_CONFIG, CHART_HEIGHT, FORMAT, USD_LOG_LABEL_EXPR, type ChartLayout, WIDE } from './chart-theme';
import { rateHeader } from '../messages/design-ui';

export interface MatrixShareChartInput {
  points: readonly MatrixSharePoint[];
  /** The design's own matrix share. */
  current: number;
  optimum: MatrixSharePoint | null;
  layout?: ChartLayout;
}

export interface MatrixShareRow {
  share: number;
  usdPerMillion: number;
  tokensPerUser: number;
  tflops: number;
  priceUsd: number;
  powerWatts: number;
}

const COST = '#1f6fb5';
const SPEED = '#c2571a';

/** Feasible points only: an infeasible share has no $/M to draw (the panel says why). */
export function matrixShareRows(points: readonly MatrixSharePoint[]): MatrixShareRow[] {
  return points.flatMap((p) => (p.usdPerMillionOutputTokens === null || p.tokensPerSecondPerUser === null ? [] : [{
    share: p.matrixShare, usdPerMillion: p.usdPerMillionOutputTokens, tokensPerUser: p.tokensPerSecondPerUser,
    tflops: p.flopsPerSecond / 1e12, priceUsd: p.priceUsd, powerWatts: p.powerWatts,
  }]));
}

export function matrixShareChart(input: MatrixShareChartInput): TopLevelSpec {
  const layout = input.layout ?? WIDE;
  const x = { field: 'share', type: 'quantitative' as const, title: 'Share of the die given to matrix math', axis: { format: '.0%' }, scale: { zero: false } };
  const tooltip = [
    { field: 'share', title: 'Matrix share', format: '.1%' },
    { field: 'usdPerMillion', title: '$ per million output tokens', format: FORMAT.tooltipUsd },
    { field: 'tokensPerUser', title: 'Tokens/s per user', format: FORMAT.tooltip },
    { field: 'tflops', title: `Dense ${rateHeader(input.points[0]?.flopsFormat ?? 'bf16')}`, format: FORMAT.tooltip },
    { field: 'priceUsd', title: 'Derived price', format: '$,.0f' },
    { field: 'powerWatts', title: 'Power (W)', format: ',.0f' },
  ];
  const opt = input.optimum;
  // The label sits on the side of the optimum that has room (it is often at the right end).
  const shares = input.points.map((p) => p.matrixShare);
  const rightHalf = opt !== null && shares.length > 0 && opt.matrixShare > (Math.min(...shares) + Math.max(...shares)) / 2;
  // One decimal, as the summary under the chart writes the share (29.9%, not 30%).
  const optimumRows = opt === null || opt.usdPerMillionOutputTokens === null ? [] : [{ share: opt.matrixShare, usdPerMillion: opt.usdPerMillionOutputTokens, label: `lowest $/M ${Math.round(opt.matrixShare * 1000) / 10}%` }];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      // Narrow pages: two lines (one was cut off at 420 px).
      text: layout.compact ? ['Cost and speed vs the die area', 'given to matrix math'] : 'Cost and speed vs the die area given to matrix math',
      subtitle: layout.compact
        ? ['Area taken from SRAM and vector/control; I/O fixed.', 'Solid: $/M (left). Dashed: tokens/s per user (right).']
        : ['Area taken from SRAM and vector/control in proportion, I/O fixed; every point re-derived and re-deployed.', 'Solid: $ per million output tokens (left axis). Dashed: tokens/s per user (right axis).'],
    },
    width: 'container',
    height: layout.compact ? 240 : CHART_HEIGHT,
    config: CHART_CONFIG,
    datasets: { sweep: matrixShareRows(input.points), optimum: optimumRows },
    data: { name: 'sweep' },
    layer: [
      {
        layer: [
          {
            mark: { type: 'line', point: true, color: COST },
            encoding: {
              x,
              // Log: the cost falls by 10x from a starved die to the optimum; the region near the optimum stays readable.
              // Padding: room under the optimum (the lowest point) for its label, which sat on the x-axis.
              y: { field: 'usdPerMillion', type: 'quantitative', title: '$ per million output tokens (log)', scale: { type: 'log', padding: 24 }, axis: { labelExpr: USD_LOG_LABEL_EXPR, titleColor: COST } },
              tooltip,
            },
          },
          {
            data: { name: 'optimum' },
            mark: { type: 'point', shape: 'diamond', size: 220, filled: true, color: '#188038' },
            encoding: { x: { field: 'share', type: 'quantitative' }, y: { field: 'usdPerMillion', type: 'quantitative', scale: { type: 'log', padding: 24 } } },
          },
          {
            data: { name: 'optimum' },
            // Below the point: the optimum is the lowest cost, so nothing is drawn under it.
            mark: { type: 'text', align: rightHalf ? 'right' : 'left', baseline: 'top', dx: rightHalf ? -4 : 4, dy: 10, fontSize: 11, fontWeight: 600, color: '#188038' },
            encoding: { x: { field: 'share', type: 'quantitative' }, y: { field: 'usdPerMillion', type: 'quantitative', scale: { type: 'log', padding: 24 } }, text: { field: 'label' } },
          },
        ],
      },
      {
        mark: { type: 'line', point: { filled: false }, strokeDash: [5, 3], color: SPEED },
        encoding: {
          x,
          // From zero: under a TPOT limit the speed per user barely moves, and the axis should say so.
          y: { field: 'tokensPerUser', type: 'quantitative', title: 'Tokens/s per user', scale: { zero: true }, axis: { orient: 'right', titleColor: SPEED } },
          tooltip,
        },
      },
      {
        data: { values: [{ share: input.current, label: 'this design' }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [2, 2], color: '#5f6368' }, encoding: { x: { field: 'share', type: 'quantitative' } } },
          // Half-way down: the speed line runs along the top (it barely moves) and the cost line falls to the bottom.
          { mark: { type: 'text', align: 'left', dx: 4, y: { expr: 'height / 2' }, fontSize: 11, color: '#5f6368' }, encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
