// End-to-end calibration of per-family efficiency factors against the calibration rows.
// Pure: plans, catalog and candidate values in; fitted values and errors out (scripts/calibrate.ts
// does the file work). Simple, bounded search: coordinate descent, each coordinate a coarse grid
// followed by a golden-section refinement; no per-row special cases.
import type { Catalog } from '../catalog/catalog';
import type { EfficiencyProfile } from '../engine/types';
import type { ModelledRow, RowPlan } from './row-to-scenario';
import { summarize, type ErrorSummary } from './stats';
import { evaluateRow, withEfficiencyOverrides, type RowResult } from './validate';

export type NumericEfficiencyKey = Exclude<keyof EfficiencyProfile, 'evidence' | 'claimed' | 'note'>;

export interface ParamSpec {
  key: NumericEfficiencyKey;
  min: number;
  max: number;
  /** Search in log space (overheads spanning decades). */
  log: boolean;
}

/** Physical bounds from the issue: efficiencies in (0, 1], overheads of microseconds. */
export const BOUNDS = {
  efficiency: { min: 0.05, max: 1 },
  overheadSeconds: { min: 1e-6, max: 1e-3 },
} as const;

export interface FamilyFit {
  family: string;
  /** Values written into the family's profiles (fitted and pinned ones). */
  values: Partial<Record<NumericEfficiencyKey, number>>;
  /** Which keys were fitted end to end (the rest: pinned by kernel data or kept as assumed). */
  fittedKeys: NumericEfficiencyKey[];
  fitRows: RowResult[];
  heldOutRows: RowResult[];
  fit: ErrorSummary;
  heldOut: ErrorSummary;
  /** Objective: mean |ln(predicted / measured)| over the fit rows. */
  objective: number;
  evaluations: number;
}

/** Penalty of a row the engine finds infeasible (as if 10x off). */
const INFEASIBLE_PENALTY = Math.log(10);

function rowLoss(r: RowResult): number {
  if (r.predicted === null || r.predicted <= 0) return INFEASIBLE_PENALTY;
  return Math.abs(Math.log(r.predicted / r.plan.measured));
}

function entries(rows: readonly RowResult[]) {
  return rows.filter((r) => r.error !== null).map((r) => ({ label: `#${r.plan.row.index} ${r.plan.label}`, error: r.error! }));
}

export interface FitOptions {
  family: string;
  /** Values held fixed during the fit (e.g. kernel-derived silicon factors). */
  fixed: Partial<Record<NumericEfficiencyKey, number>>;
  params: ParamSpec[];
  /** Starting values of the fitted parameters. */
  start: Partial<Record<NumericEfficiencyKey, number>>;
  /** Rows the fit uses; the family's other rows are the held-out check. */
  useForFit: (plan: ModelledRow) => boolean;
  rounds?: number;
  gridPoints?: number;
}

/** Rows of one hardware family that are measurements (no claims), modelled. */
export function familyRows(plans: readonly RowPlan[], catalog: Catalog, family: string): ModelledRow[] {
  return plans.filter((p): p is ModelledRow => p.kind === 'modelled' && !p.claim && p.metric.kind !== 'tco-usd-per-chip-hour'
    && catalog.hardware.get(p.hardwareId)?.family === family);
}

export function fitFamily(plans: readonly RowPlan[], catalog: Catalog, options: FitOptions): FamilyFit {
  const rows = familyRows(plans, catalog, options.family);
  const fitPlans = rows.filter(options.useForFit);
  const heldPlans = rows.filter((p) => !options.useForFit(p));
  let evaluations = 0;
  const values: Partial<Record<NumericEfficiencyKey, number>> = { ...options.fixed, ...options.start };
  const run = (v: Partial<Record<NumericEfficiencyKey, number>>, list: readonly ModelledRow[]) => {
    const cat = withEfficiencyOverrides(catalog, { [options.family]: v });
    return list.map((p) => evaluateRow(p, cat, { skipClaims: true }));
  };
  const objective = (v: Partial<Record<NumericEfficiencyKey, number>>): number => {
    evaluations += 1;
    const results = run(v, fitPlans);
    return results.reduce((s, r) => s + rowLoss(r), 0) / Math.max(1, results.length);
  };
  if (fitPlans.length > 0 && options.params.length > 0) {
    const rounds = options.rounds ?? 3;
    const gridPoints = options.gridPoints ?? 9;
    let current = objective(values);
    for (let round = 0; round < rounds; round++) {
      const before = current;
      for (const p of options.params) {
        const to = (x: number) => (p.log ? Math.exp(x) : x);
        const lo0 = p.log ? Math.log(p.min) : p.min;
        const hi0 = p.log ? Math.log(p.max) : p.max;
        const at = (x: number) => objective({ ...values, [p.key]: to(x) });
        // Coarse grid, then golden section inside the best cell's neighbours.
        let bestX = p.log ? Math.log(values[p.key] ?? p.min) : values[p.key] ?? p.min;
        let bestF = current;
        const step = (hi0 - lo0) / (gridPoints - 1);
        for (let i = 0; i < gridPoints; i++) {
          const x = lo0 + i * step;
          const f = at(x);
          if (f < bestF) {
            bestF = f;
            bestX = x;
          }
        }
        let a = Math.max(lo0, bestX - step);
        let b = Math.min(hi0, bestX + step);
        const g = (Math.sqrt(5) - 1) / 2;
        let c = b - g * (b - a);
        let d = a + g * (b - a);
        let fc = at(c);
        let fd = at(d);
        for (let it = 0; it < 10; it++) {
          if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = at(c);
          } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = at(d);
          }
        }
        for (const [x, f] of [[c, fc], [d, fd]] as const) {
          if (f < bestF) {
            bestF = f;
            bestX = x;
          }
        }
        values[p.key] = to(bestX);
        current = bestF;
      }
      if (before - current < 1e-4) break;
    }
  }
  const fitRows = run(values, fitPlans);
  const heldOutRows = run(values, heldPlans);
  return {
    family: options.family,
    values,
    fittedKeys: options.params.map((p) => p.key),
    fitRows,
    heldOutRows,
    fit: summarize(entries(fitRows)),
    heldOut: summarize(entries(heldOutRows)),
    objective: fitRows.reduce((s, r) => s + rowLoss(r), 0) / Math.max(1, fitRows.length),
    evaluations,
  };
}

/** Key order of the efficiency block as written into profiles (schema order). */
export const EFFICIENCY_KEY_ORDER: readonly (keyof EfficiencyProfile)[] = [
  'computeEfficiency', 'memoryEfficiency', 'linkEfficiency', 'allToAllEfficiency', 'kernelOverheadSeconds',
  'stepOverheadSeconds', 'attentionMemoryEfficiency', 'attentionOverheadSeconds', 'attentionComputeEfficiency',
  'moeComputeEfficiency', 'moeHalfTokensPerExpert', 'moeMemoryEfficiency', 'moeLayerOverheadSeconds',
  'softwareStackFactor', 'memoryReserveFraction', 'evidence', 'claimed', 'note',
];

/**
 * Replaces the "efficiency" object of a hardware-profile JSON text, leaving every other byte as
 * it was (the profiles are hand-formatted). Throws if the block cannot be found unambiguously.
 */
export function replaceEfficiencyBlock(jsonText: string, efficiency: EfficiencyProfile): string {
  const re = /\n(\s*)"efficiency":\s*\{/g;
  const matches = [...jsonText.matchAll(re)];
  if (matches.length !== 1) throw new Error(`expected one "efficiency" object, found ${matches.length}`);
  const m = matches[0]!;
  const indent = m[1]!;
  const open = m.index! + m[0].length - 1;
  let depth = 0;
  let inString = false;
  let close = -1;
  for (let i = open; i < jsonText.length; i++) {
    const ch = jsonText[i]!;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) throw new Error('unterminated "efficiency" object');
  const inner = `${indent}  `;
  const lines = EFFICIENCY_KEY_ORDER.filter((k) => efficiency[k] !== undefined)
    .map((k) => `${inner}"${k}": ${formatJsonValue(efficiency[k])}`);
  const block = `{\n${lines.join(',\n')}\n${indent}}`;
  return jsonText.slice(0, open) + block + jsonText.slice(close + 1);
}

function formatJsonValue(v: unknown): string {
  if (typeof v === 'object' && v !== null) {
    return `{ ${Object.entries(v).map(([k, x]) => `"${k}": ${formatJsonValue(x)}`).join(', ')} }`;
  }
  if (typeof v === 'number') {
    if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential().replace(/e-0*/, 'e-').replace(/\.?0+e/, 'e');
    return String(v);
  }
  return JSON.stringify(v);
}

/** Rounds a fitted value to a sensible number of significant digits for the profile. */
export function roundValue(v: number, digits = 3): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}
