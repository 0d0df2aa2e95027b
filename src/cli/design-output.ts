// Text tables of the design CLI: the derivation, the calibration rows and the matrix-share sweep.

import type { CalibrationRow } from '../design/calibration';
import type { DerivationEntry } from '../design/derivation';
import { optimumEdge, type MatrixSharePoint } from '../design/matrix-share';
import { SWEEP_EDGE, rateHeader } from '../messages/design-ui';
import { formatBytes, formatNumber, formatSi, SI_PREFIXED_UNITS, formatUsd, formatUsdSignificant } from '../format/units';

export function formatQuantity(value: number, unit: string): string {
  if (unit === 'B') return formatBytes(value);
  if (SI_PREFIXED_UNITS.has(unit)) return formatSi(value, unit);
  if (unit === 'USD') return formatUsd(value);
  if (unit === '') return formatNumber(value, 3);
  return `${formatNumber(value, 4)} ${unit}`;
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function formatDerivationTable(title: string, entries: readonly DerivationEntry[], warnings: readonly string[]): string {
  const rows = [['derived', 'value', 'range (constants)', 'formula']];
  for (const e of entries) {
    rows.push([e.label, formatQuantity(e.value, e.unit), `${formatQuantity(e.low, e.unit)} to ${formatQuantity(e.high, e.unit)}`, e.formula]);
  }
  const notes = warnings.map((w) => `note: ${w}`);
  return `${title}\n${pad(rows)}\n${notes.length > 0 ? `${notes.join('\n')}\n` : ''}Inputs and sources of every line: --format json (derivation[].inputs).\n`;
}

export function formatCalibrationTable(title: string, rows: readonly CalibrationRow[]): string {
  const out = [['quantity', 'derived', 'range (constants)', 'published', 'error', 'published by']];
  for (const r of rows) {
    out.push([
      r.quantity, formatQuantity(r.derived, r.unit), `${formatQuantity(r.low, r.unit)} to ${formatQuantity(r.high, r.unit)}`,
      r.published === null ? '-' : formatQuantity(r.published, r.unit),
      r.error === null ? '-' : `${r.error >= 0 ? '+' : ''}${(r.error * 100).toFixed(0)}%`, r.source,
    ]);
  }
  return `${title}\n${pad(out)}\n`;
}

export function formatSweepTable(title: string, points: readonly MatrixSharePoint[], optimum: MatrixSharePoint | null,
  near: { from: MatrixSharePoint; to: MatrixSharePoint } | null, current: number): string {
  const rows = [['matrix share', rateHeader(points[0]?.flopsFormat ?? 'bf16'), 'power W', 'price', '$/M output', 'tok/s/user', '']];
  for (const p of points) {
    const mark = [p === optimum ? 'lowest $/M' : '', p.matrixShare === current ? 'design' : ''].filter(Boolean).join(', ');
    rows.push([
      p.matrixShare.toFixed(3), formatNumber(p.flopsPerSecond / 1e12, 4), formatNumber(p.powerWatts, 4), formatUsd(p.priceUsd),
      p.usdPerMillionOutputTokens === null ? 'infeasible' : formatUsdSignificant(p.usdPerMillionOutputTokens),
      p.tokensPerSecondPerUser === null ? '-' : formatNumber(p.tokensPerSecondPerUser, 3), mark,
    ]);
  }
  const here = points.find((p) => p.matrixShare === current);
  const summary = optimum === null
    ? 'No matrix share serves this workload.'
    : `Lowest $/M: matrix share ${optimum.matrixShare.toFixed(3)} at ${formatUsdSignificant(optimum.usdPerMillionOutputTokens ?? 0)} per million output tokens${SWEEP_EDGE[optimumEdge(points, optimum) ?? 'none']}`
      + (here?.usdPerMillionOutputTokens == null ? '' : ` (the design's ${current.toFixed(3)}: ${formatUsdSignificant(here.usdPerMillionOutputTokens)})`)
      + (near === null || near.from === near.to ? '' : `; every share from ${near.from.matrixShare.toFixed(3)} to ${near.to.matrixShare.toFixed(3)} is within 1% of it`);
  const reasons = [...new Set(points.filter((p) => p.reason !== null).map((p) => `${p.matrixShare.toFixed(3)}: ${p.reason}`))].slice(0, 3);
  return `${title}\n${pad(rows)}\n${summary}\n${reasons.map((r) => `infeasible at ${r}`).join('\n')}${reasons.length > 0 ? '\n' : ''}`;
}
