// The end-to-end factors fitted on the calibration rows:
// - one software-stack factor per chip with rows to fit: what today's serving stacks reach of the
//   silicon shares on that chip. A chip without rows takes its family's (the median of the family's
//   fitted chips: one kernel target shares kernels), else the prior (the median of the families).
//   One factor per family was too rigid once chips had many rows: MI300X (750 W) and MI325X
//   (1,000 W) share a kernel target but not clocks, and B200's DeepSeek-R1 rows set GB200's factor;
// - one MoE factor per MoE class, shared by all chips: what stacks reach on expert layers
//   relative to the grouped-GEMM kernel timings (fine-grained MoE pays routing and all-to-all
//   costs the kernels do not);
// - one software trend shared by all: how much less a row measured t years before the newest row
//   got from the same silicon (stacks improve release by release; MLPerf resubmissions of one
//   system gain 1.2-1.5x a year). Predictions use the newest software (trend factor 1).
// Fitting is a weighted median of linearized log errors; no per-row special case. Pure.
import type { Catalog } from '../catalog/catalog';
import type { EfficiencyProfile } from '../engine/types';
import { HARDWARE_LIMITS } from '../records/hardware-profile';
import { isLatencyLimit } from '../engine/result-types';
import { evaluateRow } from './evaluate-row';
import { speedLogRatio } from './fit-rows';
import type { ModelledRow } from './row-plan';
import { median, weightedMedian } from './stats';
import type { Simulator } from './simulation-memo';

export type MoeClass = 'fineGrained' | 'coarse';
export const MOE_CLASSES: readonly MoeClass[] = ['fineGrained', 'coarse'];

export interface StackFactors {
  /** softwareStackFactor of each chip (hardware id) that has rows to fit (newest software). */
  software: Record<string, number>;
  /** moeSoftwareFactor of every chip, per MoE class. */
  moe: Record<MoeClass, number>;
  /** Software trend: a row measured t years before the newest runs at exp(-trend x t) of the chip's factor. */
  trendPerYear: number;
}

/**
 * Bounds: both factors may exceed 1 where stacks beat the timed kernels (bounded at 1 the software
 * factor held H200 at 1 while its memory- and latency-bound rows ran 5-10% faster than predicted),
 * but the shares they multiply stay <= 1 (engine/context.ts); the trend is between none and e-fold
 * per year.
 */
export const FACTOR_BOUNDS = {
  software: { min: 0.05, max: HARDWARE_LIMITS.softwareStackFactor.max },
  moe: { min: 0.05, max: 3 },
  trendPerYear: { min: 0, max: 1 },
} as const;

/** Each fitted family's factor: the median of its fitted chips' factors. */
export function familyFactors(factors: StackFactors, catalog: Catalog): Record<string, number> {
  const byFamily = new Map<string, number[]>();
  for (const [id, v] of Object.entries(factors.software)) {
    const family = catalog.hardware.get(id)?.family ?? id;
    (byFamily.get(family) ?? byFamily.set(family, []).get(family)!).push(v);
  }
  return Object.fromEntries([...byFamily].map(([f, vs]) => [f, median(vs)]));
}

/** The prior software factor: the median of the fitted families (each family counts once). */
export function priorSoftwareFactor(factors: StackFactors, catalog: Catalog): number {
  return medianOr1(Object.values(familyFactors(factors, catalog)));
}

function medianOr1(values: readonly number[]): number {
  return values.length === 0 ? 1 : median(values);
}

/** Every catalog chip's factor: its own fit, else its family's (its fitted siblings), else the prior. */
export function chipSoftwareFactors(factors: StackFactors, catalog: Catalog): ReadonlyMap<string, number> {
  const families = familyFactors(factors, catalog);
  const prior = medianOr1(Object.values(families));
  return new Map([...catalog.hardware.values()].map((hw) => [hw.id, factors.software[hw.id] ?? families[hw.family] ?? prior]));
}

/**
 * Catalog with `silicon` (per family) and the factors applied, for software `yearsBefore` the
 * newest; chips without a fit get their family's, else the prior.
 */
export function catalogWithFactors(catalog: Catalog, factors: StackFactors,
  silicon: Readonly<Record<string, Partial<EfficiencyProfile>>> = {}, yearsBefore = 0): Catalog {
  const age = Math.exp(-factors.trendPerYear * yearsBefore);
  const software = chipSoftwareFactors(factors, catalog);
  const hardware = new Map([...catalog.hardware].map(([id, hw]) => [id, {
    ...hw,
    efficiency: { ...hw.efficiency, ...silicon[hw.family], softwareStackFactor: software.get(id)! * age, moeSoftwareFactor: { ...factors.moe } },
  }]));
  return { hardware, models: catalog.models };
}

/** The catalog as the software of `yearsBefore` the newest row ran it: every software factor x exp(-trend x t). */
export function catalogAtAge(catalog: Catalog, yearsBefore: number, trendPerYear: number): Catalog {
  if (yearsBefore <= 0 || trendPerYear <= 0) return catalog;
  const age = Math.exp(-trendPerYear * yearsBefore);
  const hardware = new Map([...catalog.hardware].map(([id, hw]) => [id, { ...hw, efficiency: { ...hw.efficiency, softwareStackFactor: hw.efficiency.softwareStackFactor * age } }]));
  return { hardware, models: catalog.models };
}

export interface FitContext {
  catalog: Catalog;
  silicon: Readonly<Record<string, Partial<EfficiencyProfile>>>;
  /** The chip family of a row's hardware (cross-validation's fallback basis). */
  familyOf: (plan: ModelledRow) => string;
  moeClass: (plan: ModelledRow) => MoeClass | null;
  /** Years between the row's measurement and the newest row (>= 0). */
  yearsBefore: (plan: ModelledRow) => number;
  /** The engine, or a memo of it shared with the rest of a validation run. */
  simulate?: Simulator;
}

/** ln(predicted / measured speed) of each row at `factors` (null when infeasible). */
export function logRatios(rows: readonly ModelledRow[], ctx: FitContext, factors: StackFactors): (number | null)[] {
  return rowPredictions(rows, ctx, factors).map((p) => p.logRatio);
}

/** Each row at `factors`: its log error and whether a latency limit set the batch of its deployment. */
export function rowPredictions(rows: readonly ModelledRow[], ctx: FitContext, factors: StackFactors): { logRatio: number | null; latencyLimited: boolean }[] {
  const catalogs = new Map<number, Catalog>();
  return rows.map((plan) => {
    const age = ctx.yearsBefore(plan);
    let catalog = catalogs.get(age);
    if (catalog === undefined) {
      catalog = catalogWithFactors(ctx.catalog, factors, ctx.silicon, age);
      catalogs.set(age, catalog);
    }
    const r = evaluateRow(plan, catalog, { skipClaims: true, simulate: ctx.simulate });
    return { logRatio: speedLogRatio(plan, r.predicted), latencyLimited: isLatencyLimit(r.batchLimitedBy) };
  });
}

/** One row's log error at the factors and how it moves with each factor it depends on. */
export interface Linearization {
  plan: ModelledRow;
  /** The chip whose factor the row informs (its hardware id). */
  chip: string;
  moe: MoeClass | null;
  yearsBefore: number;
  /** ln(predicted / measured speed) at the factors; null when infeasible. */
  logRatio: number | null;
  /** d logRatio / d ln(softwareStackFactor) and d / d ln(moeSoftwareFactor) (0 when it does not depend). */
  softwareElasticity: number;
  moeElasticity: number;
}

/** Step of the finite difference in ln(factor): downward, where no share is held at its peak. */
const PROBE = Math.log(0.9);

/** Log errors and elasticities of `rows` at `factors` (three engine runs per MoE row, two otherwise). */
export function linearize(rows: readonly ModelledRow[], ctx: FitContext, factors: StackFactors): Linearization[] {
  const base = logRatios(rows, ctx, factors);
  const out: Linearization[] = rows.map((plan, i) => ({
    plan, chip: plan.hardwareId, moe: ctx.moeClass(plan), yearsBefore: ctx.yearsBefore(plan),
    logRatio: base[i]!, softwareElasticity: 0, moeElasticity: 0,
  }));
  const probe = (subset: readonly ModelledRow[], probed: StackFactors, set: (l: Linearization, e: number) => void) => {
    const values = logRatios(subset, ctx, probed);
    subset.forEach((plan, j) => {
      const l = out[rows.indexOf(plan)]!;
      if (l.logRatio !== null && values[j] !== null) set(l, (values[j]! - l.logRatio) / PROBE);
    });
  };
  // Each row depends on its own chip's factor only, so lowering every chip's at once probes them all.
  probe(rows.filter((p) => factors.software[p.hardwareId] !== undefined), {
    ...factors, software: Object.fromEntries(Object.entries(factors.software).map(([c, v]) => [c, v * Math.exp(PROBE)])),
  }, (l, e) => { l.softwareElasticity = e; });
  probe(rows.filter((p) => ctx.moeClass(p) !== null), {
    ...factors, moe: { fineGrained: factors.moe.fineGrained * Math.exp(PROBE), coarse: factors.moe.coarse * Math.exp(PROBE) },
  }, (l, e) => { l.moeElasticity = e; });
  return out;
}

/** Rows whose error barely moves with a factor cannot inform it. */
const MIN_ELASTICITY = 0.05;

/**
 * The step x minimizing sum |logRatio + elasticity x| over the rows (a weighted median, L1 in log
 * space: robust to a few rows the engine cannot reproduce). NaN when no row informs it.
 */
export function medianStep(rows: readonly { logRatio: number | null; elasticity: number }[]): number {
  return weightedMedian(rows.filter((r) => r.logRatio !== null && Math.abs(r.elasticity) >= MIN_ELASTICITY)
    .map((r) => ({ value: -r.logRatio! / r.elasticity, weight: Math.abs(r.elasticity) })));
}

function clamp(v: number, bounds: { min: number; max: number }): number {
  return Math.min(bounds.max, Math.max(bounds.min, v));
}

function finiteOr0(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

/**
 * Candidate trends tried per update (per year); L1 coordinate steps stall at kinks, so the trend is
 * profiled. The L1 loss is nearly flat in the trend: on a 0.05 grid one row's change flipped it
 * between neighbours (0.10 -> 0.05, Hopper's factor 0.95 -> 0.89), so the grid steps by 0.01.
 */
const TREND_GRID = Array.from({ length: 101 }, (_, i) => (i * FACTOR_BOUNDS.trendPerYear.max) / 100);

/**
 * Factors after one linearized update on `lin`: for each candidate trend, the chips' and then the
 * MoE classes' weighted-median steps given that trend; the candidate with the smallest total
 * |log error| wins. Chips absent from `only` keep their value; a chip of `only` with no rows in
 * `lin` leaves the fit (it takes its family's factor, else the prior).
 */
export function updatedFactors(lin: readonly Linearization[], factors: StackFactors, only?: ReadonlySet<string>): StackFactors {
  let best: { loss: number; factors: StackFactors } | null = null;
  const trends = only === undefined ? TREND_GRID : [factors.trendPerYear];
  for (const trend of trends) {
    const dTrend = trend - factors.trendPerYear;
    // d logRatio / d trend = softwareElasticity x (-yearsBefore).
    const shifted = (l: Linearization) => (l.logRatio === null ? null : l.logRatio - l.softwareElasticity * l.yearsBefore * dTrend);
    const candidate = stepsGivenTrend(lin, factors, only, shifted);
    const loss = lin.reduce((s, l) => {
      const r = shifted(l);
      if (r === null) return s;
      const chip = candidate.steps[l.chip] ?? 0;
      const moe = l.moe === null ? 0 : candidate.moeSteps[l.moe];
      return s + Math.abs(r + l.softwareElasticity * chip + l.moeElasticity * moe);
    }, 0);
    if (best === null || loss < best.loss - 1e-12) best = { loss, factors: { ...candidate.factors, trendPerYear: trend } };
  }
  return best!.factors;
}

function stepsGivenTrend(lin: readonly Linearization[], factors: StackFactors, only: ReadonlySet<string> | undefined,
  logRatio: (l: Linearization) => number | null) {
  const software: Record<string, number> = { ...factors.software };
  const steps: Record<string, number> = {};
  for (const chip of Object.keys(factors.software)) {
    if (only !== undefined && !only.has(chip)) continue;
    const rows = lin.filter((l) => l.chip === chip);
    if (rows.length === 0) {
      delete software[chip];
      continue;
    }
    const step = finiteOr0(medianStep(rows.map((l) => ({ logRatio: logRatio(l), elasticity: l.softwareElasticity }))));
    software[chip] = clamp(factors.software[chip]! * Math.exp(step), FACTOR_BOUNDS.software);
    steps[chip] = Math.log(software[chip]! / factors.software[chip]!);
  }
  const after = (l: Linearization) => {
    const r = logRatio(l);
    return r === null ? null : r + l.softwareElasticity * (steps[l.chip] ?? 0);
  };
  const moe = { ...factors.moe };
  const moeSteps = { fineGrained: 0, coarse: 0 } as Record<MoeClass, number>;
  for (const cls of MOE_CLASSES) {
    const step = finiteOr0(medianStep(lin.filter((l) => l.moe === cls).map((l) => ({ logRatio: after(l), elasticity: l.moeElasticity }))));
    moe[cls] = clamp(factors.moe[cls] * Math.exp(step), FACTOR_BOUNDS.moe);
    moeSteps[cls] = Math.log(moe[cls] / factors.moe[cls]);
  }
  return { factors: { software, moe, trendPerYear: factors.trendPerYear }, steps, moeSteps };
}

export interface FactorFit {
  factors: StackFactors;
  rounds: number;
  /** Linearization at the final factors (what cross-validation refits from). */
  linearization: Linearization[];
}

function largestMove(a: StackFactors, b: StackFactors): number {
  return Math.max(
    Math.abs(a.trendPerYear - b.trendPerYear),
    ...MOE_CLASSES.map((c) => Math.abs(Math.log(a.moe[c] / b.moe[c]))),
    ...Object.keys(a.software).map((c) => Math.abs(Math.log(a.software[c]! / (b.software[c] ?? a.software[c]!)))),
  );
}

/**
 * Fits the factors on `rows` from `start`, alternating linearized weighted-median updates and fresh
 * engine runs until no factor moves by more than 0.3%.
 */
export function fitStackFactors(rows: readonly ModelledRow[], ctx: FitContext, start: StackFactors, maxRounds = 8): FactorFit {
  let factors = start;
  let lin = linearize(rows, ctx, factors);
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    const next = updatedFactors(lin, factors);
    const moved = largestMove(next, factors);
    factors = next;
    lin = linearize(rows, ctx, factors);
    if (moved < 0.003) break;
  }
  return { factors, rounds: rounds + 1, linearization: lin };
}
