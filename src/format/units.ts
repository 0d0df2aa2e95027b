// Display formatting at the edges: the engine stays in SI units.

import { decimalSignificant, groupedInteger } from './decimal';

/** Display text of a number: up to 4 significant digits, no exponent for everyday values. */
export function displayNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(4));
  return Math.abs(rounded) >= 1e-4 || rounded === 0 ? String(rounded) : rounded.toExponential();
}

export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4) return groupedInteger(value);
  return decimalSignificant(Number(value.toPrecision(digits)), digits);
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds >= 1) return `${formatNumber(seconds)} s`;
  if (seconds >= 1e-3) return `${formatNumber(seconds * 1e3)} ms`;
  if (seconds >= 1e-6 || seconds === 0) return `${formatNumber(seconds * 1e6)} µs`;
  // A vanishing share of a step (an SRAM chip's memory time) in ns, not "0.0000225 µs".
  return seconds >= 1e-9 ? `${formatNumber(seconds * 1e9)} ns` : '< 1 ns';
}

/** "36.6–60.1 ms": a range of values with a unit, the unit written once where both ends share it. */
export function formatUnitRange(low: number, high: number, format: (v: number) => string, dash = '–'): string {
  const lowText = format(low);
  const highText = format(high);
  const unit = / \S+$/.exec(highText)?.[0];
  return `${unit !== undefined && lowText.endsWith(unit) ? lowText.slice(0, -unit.length) : lowText}${dash}${highText}`;
}

const BYTE_UNITS: [number, string][] = [[1e15, 'PB'], [1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];

export function formatBytes(bytes: number): string {
  for (const [scale, unit] of BYTE_UNITS) if (Math.abs(bytes) >= scale) return `${formatNumber(bytes / scale)} ${unit}`;
  return `${formatNumber(bytes)} B`;
}

export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (Math.abs(usd) >= 100) return `$${groupedInteger(usd)}`;
  return `$${formatNumber(usd)}`;
}

/** Money to 3 significant figures with its trailing zeros ($2.00 beside $2.02, $0.290): amounts that are compared side by side. */
export function formatUsdSignificant(usd: number): string {
  return Number.isFinite(usd) && Math.abs(usd) < 100 ? `$${usd.toPrecision(3)}` : formatUsd(usd);
}

/** A modelled number: 3 significant figures at every size (14,397 -> "14,400"; a prediction is not known to the token). */
export function formatPredicted(value: number): string {
  return Number.isFinite(value) && Math.abs(value) >= 1e4 ? groupedInteger(Number(value.toPrecision(3))) : formatNumber(value);
}

/**
 * Digits of an amount of money with its cents: "2.5" -> "2.50", "7" -> "7.00" (whole dollars below
 * 1,000, so "$1.00" stands beside "$3.90" as one kind of number); others unchanged.
 */
export function withCents(digits: string): string {
  return digits.replace(/^-?\d+\.\d$/, (oneDecimal) => `${oneDecimal}0`).replace(/^-?\d{1,3}$/, (whole) => `${whole}.00`);
}

/**
 * A price as money is written: with its cents from $1 to $1,000 ("$2.50", "$38.85", "$7.00": the
 * cents are the value's, not padding of a rounded one); "$0.778" and "$1,200" as formatUsd.
 */
export function formatUsdCents(usd: number): string {
  return Number.isFinite(usd) && Math.abs(usd) >= 1 && Math.abs(usd) < 1000 ? `$${usd.toFixed(2)}` : formatUsd(usd).replace(/[\d.,-]+$/, withCents);
}

const SI: [number, string][] = [[1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];

/** Rate units written with an SI prefix (formatSi): bandwidths and matrix rates. */
export const SI_PREFIXED_UNITS: ReadonlySet<string> = new Set(['B/s', 'FLOP/s', 'OP/s']);

/** 4.8e12 B/s -> "4.8 TB/s"; 989e12 FLOP/s -> "989 TFLOP/s". */
export function formatSi(value: number, unit: string): string {
  for (const [scale, prefix] of SI) if (Math.abs(value) >= scale) return `${formatNumber(value / scale)} ${prefix}${unit}`;
  return `${formatNumber(value)} ${unit}`;
}

/** A before ÷ after ratio as a direction and a factor above 1: 4.53 fell by 4.53, 0.64 rose by 1.56. */
export function priceChange(ratio: number): { verb: 'fell' | 'rose'; factor: number } {
  return ratio >= 1 ? { verb: 'fell', factor: ratio } : { verb: 'rose', factor: 1 / ratio };
}

/** A before ÷ after ratio as a factor of the price: "÷4.53" for a fall, "×1.56" for a rise. */
export function priceFactorText(ratio: number): string {
  const { verb, factor } = priceChange(ratio);
  return `${verb === 'fell' ? '÷' : '×'}${formatNumber(factor)}`;
}

/** A before ÷ after ratio in words: "fell 4.53x" for a fall, "rose 1.56x" for a rise. */
export function priceChangeText(ratio: number): string {
  const { verb, factor } = priceChange(ratio);
  return `${verb} ${formatNumber(factor)}x`;
}
