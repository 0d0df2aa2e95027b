// Runs a version-1 scenario through the engine, the same path as `simulate --scenario`
// (parseScenario -> resolveScenario -> simulate), and reads the cost of one request from it.
// Results are kept per scenario (as JSON), since the floors of many points share a scenario.

import type { Catalog } from '../catalog/catalog';
import { simulate } from '../engine/simulate';
import type { SimulationResult } from '../engine/types';
import { formatIssue } from '../parse/fields';
import { parseScenario } from '../scenario/parse-scenario';
import { resolveScenario } from '../scenario/resolve';
import type { Scenario } from '../scenario/scenario';
import { usdPerRequestAt } from './per-request';

export interface FloorEvaluation {
  /** USD per request at the scenario's workload; null when the engine finds no deployment. */
  floorUsdPerRequest: number | null;
  result: SimulationResult | null;
  /** Why there is no floor (infeasible, or the scenario did not resolve). */
  reason: string | null;
}

export type Evaluator = (scenario: Scenario) => FloorEvaluation;

/** Cost of one request at the result's $/M (per-request.ts); null without a price. */
export function usdPerRequest(result: SimulationResult, outputTokens: number): number | null {
  return result.usdPerMillionOutputTokens === null ? null : usdPerRequestAt(result.usdPerMillionOutputTokens, outputTokens);
}

/** An evaluator with a bounded cache (oldest entries dropped first). */
export function engineEvaluator(catalog: Catalog, maxEntries = 4000): Evaluator {
  const cache = new Map<string, FloorEvaluation>();
  return (scenario) => {
    const key = JSON.stringify(scenario);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = evaluateOnce(scenario, catalog);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
}

function evaluateOnce(scenario: Scenario, catalog: Catalog): FloorEvaluation {
  // Parsed like a file given to `simulate --scenario`, so what the CLI reruns is what was computed.
  const parsed = parseScenario(scenario);
  const parseError = parsed.errors[0];
  if (parseError !== undefined) return { floorUsdPerRequest: null, result: null, reason: formatIssue(parseError) };
  const resolved = resolveScenario(parsed.value, catalog);
  const resolveError = resolved.errors[0];
  if (resolved.value === null || resolveError !== undefined) {
    return { floorUsdPerRequest: null, result: null, reason: resolveError ? formatIssue(resolveError) : 'the scenario could not be resolved' };
  }
  const result = simulate(resolved.value, { frontier: false });
  if (!result.feasible) return { floorUsdPerRequest: null, result, reason: result.reason?.text ?? 'infeasible' };
  const usd = usdPerRequest(result, resolved.value.workload.outputTokens);
  if (usd === null) return { floorUsdPerRequest: null, result, reason: result.rankExcludedReason ?? 'no price on this basis' };
  return { floorUsdPerRequest: usd, result, reason: null };
}
