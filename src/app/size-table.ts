// The model-size chart as a table (its keyboard- and screen-reader-friendly alternative): one row
// per model, smallest first, one column per chip; a cell holds the chart's value or why there is none.

import type { SizePoint } from '../engine/analysis/sweep-sizes';
import { compareText } from '../format/compare-text';

export interface SizeTableCell {
  /** Output tokens/s per $/hour; null when the chip cannot serve the model, or serves it for free. */
  value: number | null;
  reason: string | null;
  /** Served at $0 per chip-hour: tokens per dollar without bound (the compare table's "unbounded (free)"). */
  unbounded: boolean;
  /** Priced at an estimated rental: shown with "≈", as in the compare table. */
  estimated: boolean;
  /** Chips the point deploys (the count picked, else the fewest within 1% of the best per chip); null without a result. */
  chips: number | null;
}

export interface SizeTableRow {
  model: string;
  parametric: boolean;
  totalParams: number;
  /** Parameters one token runs through (the total for a dense model). */
  activeParams: number;
  cells: SizeTableCell[];
}

export interface SizeTable {
  /** Chip ids, in the order of the columns. */
  chips: string[];
  rows: SizeTableRow[];
}

/** A point the chip serves at no cost per hour ($0 rental): its tokens per dollar have no bound. */
export function isFree(p: SizePoint): boolean {
  return p.feasible && p.usdPerMillionOutputTokens === 0;
}

export function sizeTable(points: readonly SizePoint[], chipIds: readonly string[]): SizeTable {
  const rows = new Map<string, SizeTableRow>();
  const column = new Map(chipIds.map((id, i) => [id, i]));
  for (const p of points) {
    const i = column.get(p.hardwareId);
    if (i === undefined) continue;
    let row = rows.get(p.modelId);
    if (row === undefined) {
      row = { model: p.modelName, parametric: p.source === 'parametric', totalParams: p.totalParams, activeParams: p.activeParams, cells: chipIds.map(() => ({ value: null, reason: null, unbounded: false, estimated: false, chips: null })) };
      rows.set(p.modelId, row);
    }
    row.cells[i] = p.feasible && p.outputTokensPerSecondPerDollarPerHour !== null && p.outputTokensPerSecondPerDollarPerHour > 0
      ? { value: p.outputTokensPerSecondPerDollarPerHour, reason: null, unbounded: false, estimated: p.rentalEstimated, chips: p.chips }
      : { value: null, reason: p.reason ?? null, unbounded: isFree(p), estimated: false, chips: isFree(p) ? p.chips : null };
  }
  return { chips: [...chipIds], rows: [...rows.values()].sort((a, b) => a.totalParams - b.totalParams || compareText(a.model, b.model)) };
}
