// Ranking of results (no engine runs here, so the page can rank without loading the engine).

import type { Range, SimulationResult } from '../types';

/** Metrics a comparison can be ranked by, with the direction that is better. */
export const RANK_KEYS = {
  usdPerMillionOutputTokens: 'ascending',
  outputTokensPerSecondPerDollarPerHour: 'descending',
  outputTokensPerSecondPerChip: 'descending',
  tokensPerSecondPerUser: 'descending',
  ttftSeconds: 'ascending',
  tpotSeconds: 'ascending',
  outputTokensPerSecondPerKw: 'descending',
} as const satisfies Record<string, 'ascending' | 'descending'>;

export type RankKey = keyof typeof RANK_KEYS;

/** What the frontier's y axis shows: throughput per chip or cost per token. */
export type FrontierMetric = 'perChip' | 'usdPerMillion';

/**
 * The value a result is ranked by; null when it has none (infeasible, or no price on the chosen
 * basis). A free chip's tokens per dollar are unbounded: it ranks first, never last.
 */
export function rankValue(r: SimulationResult, key: RankKey): number | null {
  const value = rawRankValue(r, key);
  // Only a free chip's unbounded tokens per dollar is a meaningful infinity; other non-finite values rank nowhere.
  if (value === null || Number.isNaN(value)) return null;
  if (!Number.isFinite(value) && !(key === 'outputTokensPerSecondPerDollarPerHour' && value > 0)) return null;
  return value;
}

function rawRankValue(r: SimulationResult, key: RankKey): number | null {
  if (!r.feasible) return null;
  switch (key) {
    case 'outputTokensPerSecondPerDollarPerHour':
      if (r.costPerHourUsd === null) return null;
      return r.costPerHourUsd === 0 ? Number.POSITIVE_INFINITY : r.outputTokensPerSecondPerDollarPerHour;
    case 'outputTokensPerSecondPerKw':
      return r.energy?.outputTokensPerSecondPerKw ?? null;
    case 'usdPerMillionOutputTokens':
      return r.usdPerMillionOutputTokens;
    default:
      return r[key];
  }
}

/**
 * The uncertainty range of a ranked value, where the result carries one. Tokens/s per $/h is
 * 1e6 / 3600 / ($/M), TPOT 1 / (tokens/s per user), tokens/s per kW throughput / power: each
 * inherits the range of the number it is derived from. TTFT takes the speed quantiles, inverted.
 */
export function rankRange(r: SimulationResult, key: RankKey): Range | null {
  const u = r.uncertainty ?? null;
  if (u === null) return null;
  const scaled = (value: number) => {
    const scale = r.outputTokensPerSecond > 0 ? value / r.outputTokensPerSecond : 0;
    return { low: u.outputTokensPerSecond.low * scale, high: u.outputTokensPerSecond.high * scale };
  };
  const inverse = (range: Range, k: number): Range | null => (range.low > 0 ? { low: k / range.high, high: k / range.low } : null);
  switch (key) {
    case 'usdPerMillionOutputTokens': return u.usdPerMillionOutputTokens;
    case 'tokensPerSecondPerUser': return u.tokensPerSecondPerUser;
    case 'outputTokensPerSecondPerChip': return scaled(r.outputTokensPerSecondPerChip);
    case 'outputTokensPerSecondPerDollarPerHour': return u.usdPerMillionOutputTokens === null ? null : inverse(u.usdPerMillionOutputTokens, 1e6 / 3600);
    case 'tpotSeconds': return inverse(u.tokensPerSecondPerUser, 1);
    // No calibration row measures TTFT: it takes the speed quantiles, inverted (uncertainty.ts).
    case 'ttftSeconds': return u.ttftSeconds ?? null;
    case 'outputTokensPerSecondPerKw': return r.energy === null ? null : scaled(r.energy.outputTokensPerSecondPerKw);
    default: return null;
  }
}

export { ENERGY_KEY } from '../explain-keys';

/** Joules per output token = 1,000 W / (output tokens/s per kW): its range inverts that one's (null without energy). */
export function joulesPerTokenRange(r: SimulationResult): Range | null {
  const perKw = rankRange(r, 'outputTokensPerSecondPerKw');
  return perKw === null || !(perKw.low > 0) ? null : { low: 1000 / perKw.high, high: 1000 / perKw.low };
}

export interface RankedResult {
  /** 1-based rank among results with a value; null when the workload cannot run or has no price on the basis. */
  rank: number | null;
  result: SimulationResult;
  /**
   * false when this result's range overlaps the leader's: "not distinguishable at this evidence".
   * The leader itself and metrics without ranges are true; unranked results are null.
   */
  distinguishable: boolean | null;
}

/**
 * Results with a value first, best first by `key`; ties keep input order. The rest follow in
 * input order, unranked (infeasible, or left out of a price ranking with their reason). Pure.
 */
export function rankResults(results: readonly SimulationResult[], key: RankKey = 'usdPerMillionOutputTokens'): RankedResult[] {
  const sign = RANK_KEYS[key] === 'ascending' ? 1 : -1;
  const indexed = results.map((result, index) => ({ result, index, value: rankValue(result, key) }));
  const ranked = indexed.filter((r) => r.value !== null);
  const rest = indexed.filter((r) => r.value === null);
  ranked.sort((a, b) => {
    const va = a.value!;
    const vb = b.value!;
    if (va === vb) return a.index - b.index;
    return sign * (va < vb ? -1 : 1);
  });
  const leaderRange = ranked.length > 0 ? rankRange(ranked[0]!.result, key) : null;
  return [
    ...ranked.map((r, i) => {
      const range = rankRange(r.result, key);
      const overlaps = i > 0 && leaderRange !== null && range !== null && range.low <= leaderRange.high && range.high >= leaderRange.low;
      return { rank: i + 1, result: r.result, distinguishable: !overlaps };
    }),
    ...rest.map((r) => ({ rank: null, result: r.result, distinguishable: null })),
  ];
}
