// Dates as the market data writes them (api_prices.csv, market_history.csv): "YYYY-MM-DD" where the
// source gives a day, otherwise "YYYY-MM", "YYYY-Qn", "YYYY-mid", "YYYY" or a span "YYYY/YYYY"
// (market_history.md, "Columns"). Inside, a date is an ISO day string ("2023-07-01"): such strings
// sort and compare as text in date order.

export type DatePrecision = 'day' | 'month' | 'quarter' | 'mid-year' | 'year' | 'span';

export interface DateSpan {
  /** First day the text can mean. */
  start: string;
  /** Last day the text can mean. */
  end: string;
  precision: DatePrecision;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO day of a UTC date. */
export function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function lastDayOfMonth(year: number, month: number): string {
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The span a date text means, or null when it is not one of the forms above. */
export function parseDateText(text: string): DateSpan | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { start: t, end: t, precision: 'day' } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? { start: `${m[1]}-${m[2]}-01`, end: lastDayOfMonth(y, mo), precision: 'month' } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { start: `${y}-${pad(3 * q - 2)}-01`, end: lastDayOfMonth(y, 3 * q), precision: 'quarter' };
  }
  // "mid-2025": the sources say no more than that; read as the turn of June and July.
  m = /^(\d{4})-mid$/.exec(t);
  if (m) return { start: `${m[1]}-07-01`, end: `${m[1]}-07-01`, precision: 'mid-year' };
  m = /^(\d{4})$/.exec(t);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  m = /^(\d{4})\/(\d{4})$/.exec(t);
  if (m && m[1]! <= m[2]!) return { start: `${m[1]}-01-01`, end: `${m[2]}-12-31`, precision: 'span' };
  return null;
}

/** First day of the calendar quarter after the one `day` falls in. */
export function nextQuarterStart(day: string): string {
  const y = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const q = Math.floor((month - 1) / 3) + 1;
  return q === 4 ? `${y + 1}-01-01` : `${y}-${pad(3 * q + 1)}-01`;
}

/** Whole days from a to b (b later = positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
