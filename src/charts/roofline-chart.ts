// Roofline of the current workload on one chip: each operator (decode and prefill) as a point at
// its arithmetic intensity and achieved FLOP/s, under the chip's compute and memory roofs
// (effective = with the engine's efficiencies; peak = the rated figures, a datasheet's or the lab's). A ghost chip's roofs for comparison.

import type { TopLevelSpec } from 'vega-lite';
import type { Roofs } from '../engine/analysis/roofline-roofs';
import type { OperatorTiming } from '../engine/types';
import { CHART_CONFIG, CHART_HEIGHT, FORMAT, LOG_DECADE_LABEL_EXPR, LOG_LABEL_EXPR, WIDE, type ChartLayout } from './chart-theme';
import type { ChipSeries } from './chip-series';
import { GHOST_COLOR } from './vendor-colors';

export interface RooflineInput {
  chip: ChipSeries;
  roofs: Roofs;
  operators: readonly OperatorTiming[];
  ghost: { chip: ChipSeries; roofs: Roofs } | null;
  layout?: ChartLayout;
}

export interface RoofRow {
  series: string;
  intensity: number;
  flopsPerSecond: number;
}

export interface OperatorRow {
  operator: string;
  phase: string;
  bound: string;
  count: number;
  flops: number;
  bytes: number;
  microseconds: number;
  intensity: number;
  flopsPerSecond: number;
}

/** Short roof names (the chip is in the title; the ghost is the original chip). */
export const ROOF_NAMES = {
  hbm: 'HBM slope, compute ceiling (effective)',
  sram: 'SRAM slope, compute ceiling (effective)',
  peak: 'Peak (rated figures, 100%)',
  ghost: 'Original chip (effective)',
} as const;

const MIN_INTENSITY = 0.1;
const MAX_INTENSITY = 1e5;

export function operatorRows(operators: readonly OperatorTiming[]): OperatorRow[] {
  return operators
    .filter((o) => o.flops > 0 && o.bytes > 0 && o.seconds > 0)
    .map((o) => ({
      operator: o.name, phase: o.phase, bound: o.bound, count: o.count, flops: o.flops, bytes: o.bytes,
      microseconds: o.seconds * 1e6, intensity: o.arithmeticIntensity, flopsPerSecond: o.flops / o.seconds,
    }));
}

/** Decades spanning the operators (and the ridge points), clamped to a sane range. */
export function intensityRange(ops: readonly OperatorRow[], ridges: readonly number[]): [number, number] {
  const values = [...ops.map((o) => o.intensity), ...ridges].filter((v) => v > 0 && Number.isFinite(v));
  if (values.length === 0) return [1, 1e4];
  const lo = Math.max(MIN_INTENSITY, 10 ** Math.floor(Math.log10(Math.min(...values) / 2)));
  const hi = Math.min(MAX_INTENSITY, 10 ** Math.ceil(Math.log10(Math.max(...values) * 2)));
  return hi > lo ? [lo, hi] : [lo, lo * 10];
}

function roofLine(series: string, flops: number, bandwidth: number, range: [number, number]): RoofRow[] {
  if (!(flops > 0) || !(bandwidth > 0)) return [];
  const ridge = flops / bandwidth;
  const xs = [range[0], ...(ridge > range[0] && ridge < range[1] ? [ridge] : []), range[1]];
  return xs.map((x) => ({ series, intensity: x, flopsPerSecond: Math.min(flops, bandwidth * x) }));
}

export function rooflineRows(input: RooflineInput): { roofs: RoofRow[]; operators: OperatorRow[]; series: { name: string; color: string; dash: number[] }[] } {
  const ops = operatorRows(input.operators);
  const r = input.roofs;
  const ridges = [r.effectiveFlopsPerSecond / r.effectiveHbmBytesPerSecond, r.peakFlopsPerSecond / r.peakHbmBytesPerSecond];
  const range = intensityRange(ops, ridges);
  const series: { name: string; color: string; dash: number[] }[] = [];
  const roofs: RoofRow[] = [];
  const add = (name: string, color: string, dash: number[], flops: number, bandwidth: number) => {
    const rows = roofLine(name, flops, bandwidth, range);
    if (rows.length === 0) return;
    series.push({ name, color, dash });
    roofs.push(...rows);
  };
  add(ROOF_NAMES.hbm, input.chip.color, [1, 0], r.effectiveFlopsPerSecond, r.effectiveHbmBytesPerSecond);
  add(ROOF_NAMES.sram, input.chip.color, [2, 2], r.effectiveFlopsPerSecond, r.effectiveSramBytesPerSecond);
  add(ROOF_NAMES.peak, input.chip.color, [6, 3], r.peakFlopsPerSecond, Math.max(r.peakHbmBytesPerSecond, r.peakSramBytesPerSecond));
  if (input.ghost !== null) {
    const g = input.ghost.roofs;
    add(ROOF_NAMES.ghost, GHOST_COLOR, [4, 4], g.effectiveFlopsPerSecond, Math.max(g.effectiveHbmBytesPerSecond, g.effectiveSramBytesPerSecond));
  }
  return { roofs, operators: ops, series };
}

const BOUND_COLORS: readonly { bound: string; color: string }[] = [
  { bound: 'compute', color: '#c2410c' },
  { bound: 'memory', color: '#1d4ed8' },
  { bound: 'overhead', color: '#6b7280' },
  { bound: 'communication', color: '#047857' },
];

export function rooflineChart(input: RooflineInput): TopLevelSpec {
  const { roofs, operators, series } = rooflineRows(input);
  // Operators are never communication-bound today: that entry appears only if one is (a fixed
  // domain otherwise, so dragging a slider streams data instead of rebuilding the chart).
  const communication = operators.some((o) => o.bound === 'communication');
  const bounds = BOUND_COLORS.filter((b) => b.bound !== 'communication' || communication);
  const compact = (input.layout ?? WIDE).compact;
  const legend = (title: string) => (compact ? { orient: 'bottom' as const, direction: 'vertical' as const, title } : { orient: 'right' as const, title });
  // A phone-width axis over six decades has room for the decades only ("500" ran into "1k").
  const x = { field: 'intensity', type: 'quantitative', title: 'Arithmetic intensity (FLOP per byte, log)', scale: { type: 'log' }, axis: { labelExpr: compact ? LOG_DECADE_LABEL_EXPR : LOG_LABEL_EXPR } } as const;
  const y = { field: 'flopsPerSecond', type: 'quantitative', title: 'FLOP/s (log)', scale: { type: 'log' }, axis: { labelExpr: LOG_LABEL_EXPR } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      // Narrow pages: the chip's name goes to its own subtitle line (a title is not wrapped).
      text: compact ? 'Roofline' : `Roofline: ${input.chip.label}, ${input.roofs.rateClass} matrix rate`,
      subtitle: compact
        ? [`${input.chip.label}, ${input.roofs.rateClass} matrix rate.`, 'Points: one instance of each operator. ● decode, ■ prefill;', 'orange: compute-bound, blue: memory-bound, grey: overhead.']
        : ['Points: one instance of each operator of the chosen deployment.', 'Effective roofs include the efficiencies the engine applies.'],
    },
    width: 'container',
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    datasets: { roofs, operators },
    resolve: { scale: { color: 'independent', strokeDash: 'independent' }, legend: { color: 'independent' } },
    layer: [
      {
        data: { name: 'roofs' },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x, y,
          color: { field: 'series', type: 'nominal', scale: { domain: series.map((s) => s.name), range: series.map((s) => s.color) }, legend: legend('Roofs') },
          strokeDash: { field: 'series', type: 'nominal', scale: { domain: series.map((s) => s.name), range: series.map((s) => s.dash) }, legend: legend('Roofs') },
          order: { field: 'intensity', type: 'quantitative' },
          tooltip: [
            { field: 'series', title: 'Roof' },
            { field: 'intensity', title: 'FLOP per byte', format: FORMAT.tooltip },
            { field: 'flopsPerSecond', title: 'FLOP/s', format: ',.4~s' },
          ],
        },
      },
      {
        data: { name: 'operators' },
        mark: { type: 'point', filled: true, size: 55, opacity: 0.85 },
        encoding: {
          x, y,
          color: { field: 'bound', type: 'nominal', scale: { domain: bounds.map((b) => b.bound), range: bounds.map((b) => b.color) }, legend: compact ? null : legend('Operator bound by') },
          shape: { field: 'phase', type: 'nominal', scale: { domain: ['decode', 'prefill'], range: ['circle', 'square'] }, legend: compact ? null : legend('Phase') },
          tooltip: [
            { field: 'operator', title: 'Operator' },
            { field: 'phase', title: 'Phase' },
            { field: 'bound', title: 'Bound by' },
            { field: 'count', title: 'Instances per step', format: FORMAT.tooltip },
            { field: 'flops', title: 'FLOPs per instance', format: ',.4~s' },
            { field: 'bytes', title: 'Bytes per instance', format: ',.4~s' },
            { field: 'microseconds', title: 'Time per instance (µs)', format: FORMAT.tooltip },
            { field: 'intensity', title: 'FLOP per byte', format: FORMAT.tooltip },
            { field: 'flopsPerSecond', title: 'Achieved FLOP/s', format: ',.4~s' },
          ],
        },
      },
    ],
  };
}
