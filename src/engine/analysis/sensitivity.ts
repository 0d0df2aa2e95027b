// Which chip parameter moves $/M output tokens most (issue 5, chip lab): each relevant parameter
// is scaled down and up by `delta` (default 20%) with everything else fixed, and the full engine
// (including the deployment search) is rerun.

import { simulate } from '../simulate';
import type { SimulationResult } from '../result-types';
import type { ResolvedScenario } from '../types';
import { relevantParameters, scaleParameter, type ChipParameter } from './scale-parameter';
import { SENSITIVITY_DEFAULT_DELTA, assembleSensitivity, clampDelta, type ParameterValues, type SensitivityResult } from './sensitivity-assemble';

export {
  SENSITIVITY_DEFAULT_DELTA, assembleSensitivity, clampDelta, type ParameterValues, type SensitivityResult, type SensitivityRow,
} from './sensitivity-assemble';

/** $/M output tokens of a result; null when infeasible (or unpriced). */
export function usdPerMillionOfResult(r: SimulationResult): number | null {
  return r.feasible && Number.isFinite(r.usdPerMillionOutputTokens) ? r.usdPerMillionOutputTokens : null;
}

/** $/M output tokens of a scenario; null when infeasible. */
export function usdPerMillionOf(s: ResolvedScenario): number | null {
  return usdPerMillionOfResult(simulate(s, { frontier: false, ranges: false }));
}

/** $/M with one parameter at (1 - delta) and (1 + delta): the unit of work the app spreads over workers. */
export function parameterValues(scenario: ResolvedScenario, parameter: ChipParameter, delta: number = SENSITIVITY_DEFAULT_DELTA): ParameterValues {
  const d = clampDelta(delta);
  return {
    parameter,
    lowUsdPerMillion: usdPerMillionOf({ ...scenario, hardware: scaleParameter(scenario.hardware, parameter, 1 - d) }),
    highUsdPerMillion: usdPerMillionOf({ ...scenario, hardware: scaleParameter(scenario.hardware, parameter, 1 + d) }),
  };
}

/** Sensitivity of $/M output tokens to +-delta on each parameter relevant to `scenario`. */
export function sensitivity(scenario: ResolvedScenario, delta: number = SENSITIVITY_DEFAULT_DELTA): SensitivityResult {
  const base = usdPerMillionOf(scenario);
  if (base === null) return assembleSensitivity(null, [], delta);
  return assembleSensitivity(base, relevantParameters(scenario).map((p) => parameterValues(scenario, p, delta)), delta);
}
