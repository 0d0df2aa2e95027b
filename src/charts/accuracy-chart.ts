// Predicted vs measured for every calibration row the engine can model (parity plot, log-log): the
// y = x line, a +-20% band, points coloured by vendor and shaped by where the measurement comes from.

import { EVIDENCE_LABEL, EVIDENCE_MARK } from '../messages/evidence';
import type { TopLevelSpec } from 'vega-lite';
import { TIME_METRICS } from '../validation/row-plan';
import type { RowResult } from '../validation/validate';
import type { EfficiencyMode } from '../engine/types';
import { CHART_CONFIG, CHART_HEIGHT, FORMAT, WIDE, type ChartLayout } from './chart-theme';
import { vendorColor } from './vendor-colors';

/** Readable names of calibration.csv source kinds, in legend order. */
export const SOURCE_KIND_LABELS: ReadonlyMap<string, string> = new Map([
  ['mlperf_inference_result', 'MLPerf Inference'],
  ['vendor_benchmark_doc', 'Vendor benchmark table'],
  ['semianalysis_inferencemax', 'InferenceX (SemiAnalysis)'],
  ['third_party_api_benchmark', 'Third-party API speed'],
  ['vendor_claim', 'Vendor claim'],
  ['tco_assumption', 'TCO estimate (SemiAnalysis)'],
  ['cloud_price', 'Cloud rental price'],
  ['api_price_history', 'API price history'],
]);

const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'wedge', 'arrow'];

export function sourceKindLabel(kind: string): string {
  return SOURCE_KIND_LABELS.get(kind) ?? kind;
}

/** Vega expression: the tick is a power of ten. */
const DECADE_TEST = 'abs(log(datum.value) / LN10 - round(log(datum.value) / LN10)) < 1e-6';

/** Labels at powers of ten only (1, 10, 100, 1k, ...): the axes span up to seven decades. */
const DECADE_LABEL_EXPR = `${DECADE_TEST} ? (datum.value >= 1000 ? format(datum.value, '~s') : format(datum.value, '~g')) : ''`;

/** The band drawn around y = x. */
export const BAND = 0.2;

export interface AccuracyChartInput {
  rows: readonly RowResult[];
  /** Efficiency mode the report was computed in. */
  mode: EfficiencyMode;
  layout?: ChartLayout;
}

export interface AccuracyPoint {
  row: string;
  chip: string;
  vendor: string;
  source: string;
  measured: number;
  predicted: number;
  unit: string;
  /**
   * Where the point sits: the measured and predicted speeds; a time (TTFT, TPOT) is plotted as its
   * inverse, so that above the line means optimistic for every row, as the error's sign does.
   */
  measuredPlotted: number;
  predictedPlotted: number;
  /** How a time row is plotted ('' for the rest). */
  plottedAs: string;
  /** The row's error on its speed: predicted / measured - 1, for a time measured / predicted - 1. */
  error: number;
  targetSet: string;
}

export interface ParityRow {
  x: number;
  y: number;
  lo: number;
  hi: number;
}

const MODE_TEXT: Record<EfficiencyMode, { sentence: string; title: string }> = {
  achieved: { sentence: "Achieved with today's software.", title: "achieved with today's software" },
  spec: { sentence: 'Silicon limit (kernel benchmarks).', title: 'silicon limit, kernel benchmarks' },
  claim: { sentence: "Vendors' claimed efficiencies.", title: "vendors' claimed efficiencies" },
};

/** One point per row with a positive prediction and measurement (infeasible rows are left out). */
export function accuracyPoints(rows: readonly RowResult[]): AccuracyPoint[] {
  return rows
    .filter((r) => r.predicted !== null && r.predicted > 0 && r.plan.measured > 0 && r.error !== null)
    .map((r) => {
      const time = TIME_METRICS.has(r.plan.metric.kind);
      const plotted = (v: number) => (time ? 1 / v : v);
      return {
      row: `#${r.plan.row.index} ${r.plan.label}`,
      chip: r.basis === 'measured' ? r.hardwareName : `${r.hardwareName} ${EVIDENCE_MARK[r.basis]} (${EVIDENCE_LABEL[r.basis]})`,
      vendor: r.vendor,
      source: sourceKindLabel(r.plan.row.sourceKind),
      measured: r.plan.measured,
      predicted: r.predicted!,
      unit: r.plan.metric.unit,
      measuredPlotted: plotted(r.plan.measured),
      predictedPlotted: plotted(r.predicted!),
      plottedAs: time ? `1 / time (per s): a shorter ${r.plan.metric.kind === 'ttft-seconds' ? 'TTFT' : 'TPOT'} plots higher` : '',
      error: r.error!,
      targetSet: r.plan.inTargetSet ? 'yes (MLPerf or vendor table)' : r.plan.claim ? 'no (claim, reported only)' : 'no',
      };
    });
}

/** The y = x line and its band, spanning all points with some margin. */
export function parityRows(points: readonly AccuracyPoint[]): ParityRow[] {
  const values = points.flatMap((p) => [p.measuredPlotted, p.predictedPlotted]);
  const lo = values.length > 0 ? Math.min(...values) / 1.5 : 1;
  const hi = values.length > 0 ? Math.max(...values) * 1.5 : 10;
  return [lo, hi].map((v) => ({ x: v, y: v, lo: v * (1 - BAND), hi: v * (1 + BAND) }));
}

function orderedKinds(points: readonly AccuracyPoint[]): string[] {
  const known = [...SOURCE_KIND_LABELS.values()];
  const present = new Set(points.map((p) => p.source));
  return [...known.filter((k) => present.has(k)), ...[...present].filter((k) => !known.includes(k)).sort()];
}

export function accuracyChart(input: AccuracyChartInput): TopLevelSpec {
  const points = accuracyPoints(input.rows);
  const parity = parityRows(points);
  const layout = input.layout ?? WIDE;
  const vendors = [...new Set(points.map((p) => p.vendor))].sort();
  const kinds = orderedKinds(points);
  const [lo, hi] = [parity[0]!.x, parity[1]!.x];
  const scale = { type: 'log' as const, domain: [lo, hi], nice: false };
  // Seven decades of log ticks: full grid lines at powers of ten only, faint ones between.
  const axis = { labelExpr: DECADE_LABEL_EXPR, gridOpacity: { condition: { test: DECADE_TEST, value: 1 }, value: 0.3 } };
  const x = { field: 'x', type: 'quantitative', title: 'Measured (log, each row in its own unit)', scale, axis } as const;
  const y = { field: 'y', type: 'quantitative', title: 'Predicted by the engine (log)', scale, axis } as const;
  const legend = (title: string) => (layout.compact
    ? { orient: 'bottom' as const, direction: 'vertical' as const, title }
    : { orient: 'right' as const, title });
  const left = input.rows.length - points.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: layout.compact
      ? {
        text: 'Predicted vs measured',
        subtitle: [
          MODE_TEXT[input.mode].sentence,
          'One point per calibration row.',
          'Above the dashed line = engine optimistic',
          '(a time is plotted as 1 / time).',
          `Grey band: within ±${BAND * 100}%.`,
          ...(left > 0 ? [`${left} infeasible row${left === 1 ? '' : 's'}: table only.`] : []),
        ],
      }
      : {
        text: `Predicted vs measured (${MODE_TEXT[input.mode].title})`,
        subtitle: [
          'One point per calibration row; above the line = the engine is optimistic (a time is plotted as 1 / time).',
          `Dashed: prediction = measurement; grey band: within ±${BAND * 100}%.`,
          ...(left > 0 ? [`${left} row${left === 1 ? '' : 's'} without a feasible prediction ${left === 1 ? 'is' : 'are'} listed in the table only.`] : []),
        ],
      },
    width: 'container',
    height: layout.compact ? 340 : CHART_HEIGHT + 140,
    config: CHART_CONFIG,
    datasets: { parity, points },
    layer: [
      {
        data: { name: 'parity' },
        mark: { type: 'area', color: '#9aa0a6', opacity: 0.18 },
        encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
      },
      {
        data: { name: 'parity' },
        mark: { type: 'line', color: '#5f6368', strokeDash: [5, 4], strokeWidth: 1.2 },
        encoding: { x, y },
      },
      {
        data: { name: 'points' },
        mark: { type: 'point', filled: true, size: 70, opacity: 0.85, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: { ...x, field: 'measuredPlotted' },
          y: { ...y, field: 'predictedPlotted' },
          color: { field: 'vendor', type: 'nominal', scale: { domain: vendors, range: vendors.map(vendorColor) }, legend: legend('Vendor') },
          shape: { field: 'source', type: 'nominal', scale: { domain: kinds, range: SHAPES.slice(0, Math.max(1, kinds.length)) }, legend: legend('Source') },
          tooltip: [
            { field: 'row', title: 'Row' },
            { field: 'chip', title: 'Chip' },
            { field: 'source', title: 'Source' },
            { field: 'measured', title: 'Measured', format: FORMAT.tooltip },
            { field: 'predicted', title: 'Predicted', format: FORMAT.tooltip },
            { field: 'unit', title: 'Unit' },
            { field: 'plottedAs', title: 'Plotted as' },
            { field: 'error', title: 'Error (predicted / measured − 1)', format: FORMAT.percent },
            { field: 'targetSet', title: 'Counts toward the targets' },
          ],
        },
      },
    ],
  };
}
