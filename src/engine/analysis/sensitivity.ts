// Which chip parameter moves $/M output tokens most (issue 5, chip lab): each relevant parameter
// is scaled down and up by `delta` (default 20%) with everything else fixed, and the full engine
// (including the deployment search) is rerun.

import { simulate } from '../simulate';
import type { ResolvedScenario } from '../types';
import { CHIP_PARAMETER_LABELS, relevantParameters, scaleParameter, type ChipParameter } from './scale-parameter';

export const SENSITIVITY_DEFAULT_DELTA = 0.2;

export interface SensitivityRow {
  parameter: ChipParameter;
  label: string;
  baseUsdPerMillion: number;
  /** $/M output tokens with the parameter at (1 - delta) and (1 + delta); null when infeasible there. */
  lowUsdPerMillion: number | null;
  highUsdPerMillion: number | null;
  /** Relative change of $/M against the base, e.g. -0.12 = 12% cheaper; null when infeasible. */
  lowChange: number | null;
  highChange: number | null;
}

export interface SensitivityResult {
  feasible: boolean;
  delta: number;
  baseUsdPerMillion: number;
  /** Largest absolute change first. */
  rows: SensitivityRow[];
}

/** $/M output tokens of a scenario; null when infeasible. */
export function usdPerMillionOf(s: ResolvedScenario): number | null {
  const r = simulate(s);
  return r.feasible && Number.isFinite(r.usdPerMillionOutputTokens) ? r.usdPerMillionOutputTokens : null;
}

function change(value: number | null, base: number): number | null {
  return value === null ? null : value / base - 1;
}

function magnitude(row: SensitivityRow): number {
  return Math.max(Math.abs(row.lowChange ?? 0), Math.abs(row.highChange ?? 0));
}

export function clampDelta(delta: number): number {
  return Number.isFinite(delta) ? Math.min(0.9, Math.max(0.01, delta)) : SENSITIVITY_DEFAULT_DELTA;
}

export interface ParameterValues {
  parameter: ChipParameter;
  lowUsdPerMillion: number | null;
  highUsdPerMillion: number | null;
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

/** Relative changes against the base, largest effect first. */
export function assembleSensitivity(base: number | null, values: readonly ParameterValues[], delta: number = SENSITIVITY_DEFAULT_DELTA): SensitivityResult {
  const d = clampDelta(delta);
  if (base === null || base <= 0) return { feasible: false, delta: d, baseUsdPerMillion: 0, rows: [] };
  const rows = values.map((v): SensitivityRow => ({
    parameter: v.parameter,
    label: CHIP_PARAMETER_LABELS[v.parameter],
    baseUsdPerMillion: base,
    lowUsdPerMillion: v.lowUsdPerMillion,
    highUsdPerMillion: v.highUsdPerMillion,
    lowChange: change(v.lowUsdPerMillion, base),
    highChange: change(v.highUsdPerMillion, base),
  }));
  rows.sort((a, b) => magnitude(b) - magnitude(a));
  return { feasible: true, delta: d, baseUsdPerMillion: base, rows };
}

/** Sensitivity of $/M output tokens to +-delta on each parameter relevant to `scenario`. */
export function sensitivity(scenario: ResolvedScenario, delta: number = SENSITIVITY_DEFAULT_DELTA): SensitivityResult {
  const base = usdPerMillionOf(scenario);
  if (base === null) return assembleSensitivity(null, [], delta);
  return assembleSensitivity(base, relevantParameters(scenario).map((p) => parameterValues(scenario, p, delta)), delta);
}
