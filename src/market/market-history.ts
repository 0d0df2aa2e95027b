// reference/market_history.csv (a copy of ../shared/reference/market_history.csv; how to read it:
// reference/market_history.md) as typed rows. Pure and never throwing.

import { csvTable } from '../parse/csv';
import { parseDateText, type DateSpan } from './dates';

export const MARKET_HISTORY_COLUMNS = ['kind', 'item', 'date', 'value', 'unit', 'low', 'high', 'source', 'notes'] as const;

export type HistoryKind = 'availability' | 'rental_price' | 'software_milestone' | 'model_estimate' | 'decline_analysis';

const KINDS: readonly HistoryKind[] = ['availability', 'rental_price', 'software_milestone', 'model_estimate', 'decline_analysis'];

export interface HistoryRow {
  /** 1-based data row (header excluded). */
  row: number;
  kind: HistoryKind;
  item: string;
  dateText: string;
  /** Null where the file gives no date (one milestone row). */
  date: DateSpan | null;
  /** The event name for availability rows; the number for the other kinds. */
  value: string;
  /** `value` as a number, only for rental_price, model_estimate and decline_analysis rows (the README's rule). */
  number: number | null;
  unit: string;
  low: number | null;
  high: number | null;
  source: string;
  notes: string;
}

function num(text: string): number | null {
  if (text === '') return null;
  const v = Number(text.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

export function parseMarketHistory(text: string): { rows: HistoryRow[]; errors: string[] } {
  const table = csvTable(text, MARKET_HISTORY_COLUMNS);
  const errors = [...table.errors];
  const rows: HistoryRow[] = [];
  table.rows.forEach((cells, i) => {
    const where = `market_history.csv row ${i + 1}`;
    const kind = KINDS.find((k) => k === cells.kind);
    if (kind === undefined) {
      errors.push(`${where}: unknown kind "${cells.kind}"`);
      return;
    }
    const date = cells.date === '' ? null : parseDateText(cells.date);
    if (cells.date !== '' && date === null) errors.push(`${where}: date "${cells.date}" is not a form market_history.md lists`);
    const numeric = kind === 'rental_price' || kind === 'model_estimate' || kind === 'decline_analysis';
    rows.push({
      row: i + 1,
      kind,
      item: cells.item,
      dateText: cells.date,
      date,
      value: cells.value,
      number: numeric ? num(cells.value) : null,
      unit: cells.unit,
      low: num(cells.low),
      high: num(cells.high),
      source: cells.source,
      notes: cells.notes,
    });
  });
  return { rows, errors };
}

/** "market_history.csv row 12 (NVIDIA H100 SXM, 2022-Q4: volume shipping)": how a row is cited. */
export function citeHistoryRow(r: HistoryRow): string {
  const what = r.kind === 'availability' || r.kind === 'software_milestone' ? r.value : `${r.value} ${r.unit}`.trim();
  return `market_history.csv row ${r.row} (${r.item}, ${r.dateText || 'undated'}: ${what})`;
}
