// One validation run simulates the same scenario many times: the row evaluation, the base and
// probe passes of the fit's linearization and the cross-validation folds whose refit left a
// chip's factors where they were. The engine is a pure function of the resolved scenario, so the
// result of an identical scenario is reused. The memo runs the engine without the frontier, which
// no validation reads. The memo lives as long as the run that made it (no module state).

import { simulate } from '../engine/simulate';
import type { ResolvedScenario } from '../engine/scenario-types';
import type { SimulationResult } from '../engine/types';

export type Simulator = (scenario: ResolvedScenario) => SimulationResult;

/** JSON keeps every field; non-finite numbers and -0 are spelled out (JSON writes them as null and 0). */
function scenarioKey(scenario: ResolvedScenario): string {
  return JSON.stringify(scenario, (_key, value: unknown) =>
    typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? `number:${Object.is(value, -0) ? '-0' : String(value)}` : value);
}

export function memoizedSimulator(): Simulator {
  const results = new Map<string, SimulationResult>();
  return (scenario) => {
    const key = scenarioKey(scenario);
    let result = results.get(key);
    if (result === undefined) {
      result = simulate(scenario, { frontier: false });
      results.set(key, result);
    }
    return result;
  };
}
