// Ranking of results (no engine runs here, so the page can rank without loading the engine).

import type { SimulationResult } from '../types';

/** Metrics a comparison can be ranked by, with the direction that is better. */
export const RANK_KEYS = {
  usdPerMillionOutputTokens: 'ascending',
  outputTokensPerSecondPerDollarPerHour: 'descending',
  outputTokensPerSecondPerChip: 'descending',
  tokensPerSecondPerUser: 'descending',
  ttftSeconds: 'ascending',
  tpotSeconds: 'ascending',
} as const satisfies Record<string, 'ascending' | 'descending'>;

export type RankKey = keyof typeof RANK_KEYS;

/** What the frontier's y axis shows: throughput per chip or cost per token. */
export type FrontierMetric = 'perChip' | 'usdPerMillion';

export interface RankedResult {
  /** 1-based rank among feasible results; null when the workload cannot run on the chip. */
  rank: number | null;
  result: SimulationResult;
}

/**
 * Feasible results first, best first by `key`; ties keep input order. Infeasible results follow
 * in input order, unranked. Pure: the input array is not reordered.
 */
export function rankResults(results: readonly SimulationResult[], key: RankKey = 'usdPerMillionOutputTokens'): RankedResult[] {
  const sign = RANK_KEYS[key] === 'ascending' ? 1 : -1;
  const indexed = results.map((result, index) => ({ result, index }));
  const feasible = indexed.filter((r) => r.result.feasible && Number.isFinite(r.result[key]));
  const rest = indexed.filter((r) => !(r.result.feasible && Number.isFinite(r.result[key])));
  feasible.sort((a, b) => sign * (a.result[key] - b.result[key]) || a.index - b.index);
  return [
    ...feasible.map((r, i) => ({ rank: i + 1, result: r.result })),
    ...rest.map((r) => ({ rank: null, result: r.result })),
  ];
}
