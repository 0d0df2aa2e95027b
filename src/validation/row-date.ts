// When a calibration row was measured, as a fractional year, from its round_or_date column: an
// explicit year-month, an MLPerf round's publication month, or a year with "early"/"late". Null when
// the text names no date (the software trend then counts the row as of the newest software). Pure.
import type { CalibrationRow } from './calibration-rows';

/** MLPerf Inference publication months (mlcommons.org results pages). */
const MLPERF_ROUNDS: Readonly<Record<string, number>> = {
  '4.0': 2024 + 2.5 / 12, '4.1': 2024 + 7.5 / 12, '5.0': 2025 + 3.5 / 12, '5.1': 2025 + 8.5 / 12, '6.0': 2026 + 3.5 / 12,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function rowYear(row: Pick<CalibrationRow, 'roundOrDate'>): number | null {
  const text = row.roundOrDate.toLowerCase();
  const ym = /\b(20\d\d)-(\d\d)\b/.exec(text);
  if (ym) return Number(ym[1]) + (Number(ym[2]) - 0.5) / 12;
  const round = /mlperf inference v(\d+\.\d+)/.exec(text);
  if (round && MLPERF_ROUNDS[round[1]!] !== undefined) return MLPERF_ROUNDS[round[1]!]!;
  const monthYear = /\b([a-z]{3})[a-z]*[- ](20\d\d)\b/.exec(text);
  if (monthYear && MONTHS.includes(monthYear[1]!)) return Number(monthYear[2]) + (MONTHS.indexOf(monthYear[1]!) + 0.5) / 12;
  const year = /\b(20\d\d)\b/.exec(text);
  if (!year) return null;
  const y = Number(year[1]);
  if (new RegExp(`early ${y}`).test(text)) return y + 2 / 12;
  if (new RegExp(`late ${y}`).test(text)) return y + 10 / 12;
  return y + 0.5;
}

/** Years from the row's measurement to `newest` (0 for undated rows and rows at or after it). */
export function yearsBefore(row: Pick<CalibrationRow, 'roundOrDate'>, newest: number): number {
  const y = rowYear(row);
  return y === null ? 0 : Math.max(0, Math.round((newest - y) * 100) / 100);
}
