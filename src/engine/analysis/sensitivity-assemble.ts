// Sensitivity results: their shape and how per-parameter values become the chart's rows. No engine
// runs here, so the page can assemble results computed by the workers without loading the engine.

import { CHIP_PARAMETER_LABELS, type ChipParameter } from './scale-parameter';

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

export interface ParameterValues {
  parameter: ChipParameter;
  lowUsdPerMillion: number | null;
  highUsdPerMillion: number | null;
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
