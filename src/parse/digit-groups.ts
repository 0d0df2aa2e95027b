// The one rule for digit-group separators in typed numbers, shared by the workload fields, the
// chip lab and the CLI: the app writes thousands grouped with commas ("1,979 TFLOP/s", "2,048"),
// so those read back; a comma anywhere else between digits ("4,8", "12345,678", "0.123,456") is
// refused, because reading it as 48 or 4.8 would be a guess. In a whole-number field a point before
// exactly three digits ("1.000") is refused too: many locales group thousands with it.

/** A whole part grouped in threes ("1,979", "1_000_000"), not after a digit, separator or decimal point. */
const GROUPED = /(^|[^\d.,_])(\d{1,3}(?:[,_]\d{3})+)(?=$|[^\d,_])/g;

/** `text` with its digit-group separators removed, or null when a comma or underscore between digits is not one. */
export function ungroupDigits(text: string): string | null {
  const plain = text.replace(GROUPED, (_, before: string, digits: string) => before + digits.replace(/[,_]/g, ''));
  return /\d[,_]+\d/.test(plain) ? null : plain;
}

/** What the first misplaced separator in `text` could have meant. */
export interface SeparatorReadings {
  /** The number with its separators dropped ("4,8" -> "48"). */
  whole: string;
  /** The separator read as a decimal point ("4,8" -> "4.8"); null when the number has more than one. */
  decimal: string | null;
}

/** The readings of the number holding a separator that groups no thousands, for the message that refuses it; null if none. */
export function separatorReadings(text: string): SeparatorReadings | null {
  const numbers = [...text.matchAll(/(?:\d+\.)?\d[\d,_]*[,_]\d[\d,_]*(?:\.\d+)?/g)].map((m) => m[0]);
  const number = numbers.find((n) => ungroupDigits(n) === null);
  if (number === undefined) return null;
  const separators = number.match(/[,_]/g)!.length;
  return {
    // "0,5" read as grouped digits is 5, not "05".
    whole: number.replace(/[,_]/g, '').replace(/^0+(?=\d)/, ''),
    decimal: separators === 1 && !number.includes('.') ? number.replace(/[,_]/, '.') : null,
  };
}

/**
 * A whole-number field's text whose point sits before exactly three digits ("1.000", "2.048"), with
 * its two readings: the point grouping thousands (1000) or a decimal point (1). Null otherwise; a
 * suffix ("1.500k") or a longer whole part ("1024.000") makes the point a decimal one.
 */
export function thousandsPointReadings(text: string): { whole: string; decimal: string } | null {
  const m = /^(\d{1,3})\.(\d{3})$/.exec(text.trim());
  if (m === null) return null;
  return { whole: String(Number(m[1]! + m[2]!)), decimal: String(Number(text.trim())) };
}
