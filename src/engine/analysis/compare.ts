// One workload on many chips, ranked (issue 5, "compare vendors").

import { simulate } from '../simulate';
import type { SimulationResult } from '../types';
import { rankResults, type RankKey, type RankedResult } from './rank';
import { withChip, type ChipChoice, type WorkloadScenario } from './workload';

export { RANK_KEYS, rankResults, type RankKey, type RankedResult } from './rank';

/** Runs the workload on every chip (in order) and returns the raw results. */
export function simulateChips(base: WorkloadScenario, chips: readonly ChipChoice[]): SimulationResult[] {
  return chips.map((chip) => simulate(withChip(base, chip)));
}

/** The whole comparison in one call (CLI, tests, main-thread fallback). */
export function compareChips(base: WorkloadScenario, chips: readonly ChipChoice[], key: RankKey = 'usdPerMillionOutputTokens'): RankedResult[] {
  return rankResults(simulateChips(base, chips), key);
}
