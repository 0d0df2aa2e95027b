// Display formats the UI needs beyond src/format/units.ts.

import { formatNumber } from '../format/units';

/** 70.6e9 -> "70.6B"; 1.2e12 -> "1.2T". */
export function formatParams(n: number): string {
  if (n >= 1e12) return `${formatNumber(n / 1e12)}T`;
  if (n >= 1e9) return `${formatNumber(n / 1e9)}B`;
  if (n >= 1e6) return `${formatNumber(n / 1e6)}M`;
  return formatNumber(n);
}

export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}
