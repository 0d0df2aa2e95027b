// en-US decimal text (digit grouping with commas, no trailing zeros) without Intl: the first
// Intl.NumberFormat a page or worker builds loads ICU's number data, 35-140 ms here, on the way to
// the first result. Same text as Intl.NumberFormat('en-US', ...) (tests/format/decimal.test.ts):
// V8 starts from the shortest round-trip digits of the double and rounds half away from zero
// (ECMA-402's default roundingMode, "halfExpand").

interface Digits {
  /** Significant digits without leading zeros: 12345 for 1.2345e3. */
  digits: string;
  /** Power of ten of the first digit. */
  exponent: number;
}

/** The shortest round-trip decimal digits of |x| (x finite and non-zero). */
function shortestDigits(x: number): Digits {
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
}

/** Keeps `keep` digits, rounding half away from zero; may carry into a new leading digit. */
function roundHalfExpand({ digits, exponent }: Digits, keep: number): Digits {
  if (digits.length <= keep) return { digits, exponent };
  if (keep < 0) return { digits: '0', exponent };
  const head = digits.slice(0, keep);
  if (digits.charCodeAt(keep) - 48 < 5) return keep === 0 ? { digits: '0', exponent } : { digits: head, exponent };
  // Add one at the last kept digit.
  const incremented = (BigInt(head === '' ? '0' : head) + 1n).toString();
  const carried = incremented.length > Math.max(head.length, 1) || head === '';
  return { digits: incremented, exponent: carried ? exponent + 1 : exponent };
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Renders digits × 10^exponent (sign apart) as grouped decimal text. */
function render({ digits, exponent }: Digits, negative: boolean): string {
  const trimmed = digits.replace(/0+$/, '');
  if (trimmed === '') return negative ? '-0' : '0';
  let integer: string;
  let fraction: string;
  if (exponent >= 0) {
    const padded = trimmed.padEnd(exponent + 1, '0');
    integer = padded.slice(0, exponent + 1);
    fraction = padded.slice(exponent + 1);
  } else {
    integer = '0';
    fraction = '0'.repeat(-exponent - 1) + trimmed;
  }
  return `${negative ? '-' : ''}${groupThousands(integer)}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Intl.NumberFormat('en-US', { maximumSignificantDigits }) for a finite x. */
export function decimalSignificant(x: number, maximumSignificantDigits: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  return render(roundHalfExpand(shortestDigits(x), maximumSignificantDigits), x < 0);
}

/** Intl.NumberFormat('en-US', { maximumFractionDigits }) for a finite x (default 3, as Intl). */
export function decimalFixed(x: number, maximumFractionDigits = 3): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const d = shortestDigits(x);
  return render(roundHalfExpand(d, d.exponent + 1 + maximumFractionDigits), x < 0);
}

/** Intl.NumberFormat('en-US') of a whole number: 1234567 -> "1,234,567". */
export function groupedInteger(n: number): string {
  const rounded = Math.round(n);
  // Below 1e21 String() writes every digit (the explain trace formats thousands of these).
  if (Math.abs(rounded) < 1e21 && !Object.is(rounded, -0)) return rounded < 0 ? `-${groupThousands(String(-rounded))}` : groupThousands(String(rounded));
  return decimalFixed(rounded, 0);
}
