// Runs the engine on every modelled calibration row and compares it with the measurement: rows the
// fit used, rows held out, and every row again under leave-one-submission-out cross-validation.
// Pure: the catalog and the CSV text come in as arguments (the CLI script and the app load them).
import type { Catalog } from '../catalog/catalog';
import type { EfficiencyMode } from '../engine/types';
import { parseCalibrationCsv, type CalibrationRow } from './calibration-rows';
import { evaluateRow, type RowResult } from './evaluate-row';
import { planRows, type ExcludedRow, type ModelledRow, type RowPlan } from './row-to-scenario';
import { CALIBRATION_SUMMARY } from '../engine/calibration-summary';
import { moeClassOf } from '../engine/context';
import { yearsBefore } from './row-date';
import { crossValidate, type CrossValidatedRow } from './cross-validate';
import { inTargetSet, rowUse, usedForFit } from './fit-rows';
import { catalogAtAge, linearize, type FitContext, type StackFactors } from './stack-factors';
import { relativeAccuracy, summarize, summarizeBy, type ErrorSummary, type MlperfPoint, type RatioEntry } from './stats';
import { NOMINAL_COVERAGE, checkCoverage, rangeChecks, type CoverageCheck } from './uncertainty-fit';
import { memoizedSimulator, type Simulator } from './simulation-memo';
import { dataflowRows } from './dataflow-overhead';
import { scenarioRatios } from './scenario-ratios';

export { evaluateRow, type ClaimImplication, type RowResult } from './evaluate-row';

export interface ValidationSummary {
  /** MLPerf + vendor benchmark tables, fit and held-out rows together (reference only). */
  target: ErrorSummary;
  /** Target rows the fit used (calibration.csv holdout = no). */
  fit: ErrorSummary;
  /** Target rows no fit ever sees (holdout = yes): the accuracy figure to quote. */
  heldOut: ErrorSummary;
  /** Held-out rows by model kind. */
  heldOutByArchitecture: { key: string; summary: ErrorSummary }[];
  /**
   * Held-out rows with no near-identical run among the fit rows (hasFitTwin): the hold-out rule keys on
   * the submission, so another partner's run of the same system and round can sit in the fit.
   */
  heldOutWithoutFitTwin: ErrorSummary;
  /** Every target row scored by a fit without its submission (null when not run). */
  crossValidated: ErrorSummary | null;
  /** MLPerf per-chip ratios to H100 from the cross-validated predictions. */
  crossValidatedRelative: ErrorSummary | null;
  /**
   * Cross-validated MLPerf rows per benchmark and scenario ("llama3.1-8b Offline"), every chip
   * together: where the engine errs the same way whatever the chip (empty when not run).
   */
  crossValidatedByWorkload: { key: string; summary: ErrorSummary }[];
  /**
   * One MLPerf system's Server and Interactive throughput over its own Offline throughput, predicted
   * against measured, cross-validated ("Server / Offline"): the chip's factor cancels, so this is the
   * engine's model of latency limits and online arrivals (empty when not run).
   */
  crossValidatedScenarioRatios: { key: string; summary: ErrorSummary }[];
  /**
   * Cross-validated rows where a latency limit (TPOT or TTFT) set the batch of the deployment behind
   * the prediction: what such a result's speed has been worth (null when not run).
   */
  crossValidatedLatencyLimited: ErrorSummary | null;
  /** Ranges checked on cross-validated predictions the quantiles did not see. */
  coverage: CoverageCheck | null;
  bySourceKind: { key: string; summary: ErrorSummary }[];
  /** Target-set rows per hardware vendor. */
  byVendor: { key: string; summary: ErrorSummary }[];
  relative: ErrorSummary;
}

export interface ValidationReport {
  efficiencyMode: EfficiencyMode;
  rows: RowResult[];
  /** Leave-one-submission-out predictions (achieved mode only). */
  crossValidated: CrossValidationReport | null;
  excluded: ExcludedRow[];
  /** MLPerf chip-to-chip ratios of the predictions of the rows (the fit saw the fitted rows). */
  relative: RatioEntry[];
  /** The same ratios from the cross-validated predictions (summary.crossValidatedRelative); achieved mode only. */
  relativeCrossValidated: RatioEntry[] | null;
  summary: ValidationSummary;
  /** Problems reading the CSV or resolving scenarios. */
  problems: string[];
}

export interface ValidationOptions {
  efficiencyMode?: EfficiencyMode;
  /** Only run rows for which this holds (a subset, e.g. one chip's rows). */
  only?: (plan: ModelledRow) => boolean;
  /** Skip the claim analysis (two extra engine runs per claim). */
  skipClaims?: boolean;
  /** Leave-one-submission-out cross-validation (achieved mode; default on). */
  crossValidate?: boolean;
}

export interface CrossValidationReport {
  /** The factors of the profiles the refits start from. */
  factors: StackFactors;
  rows: {
    index: number; submission: string; usedForFit: boolean; basis: string; predicted: number | null; error: number | null; logResidual: number | null;
    /** Whether the measurement fell inside the 80% range, its quantiles set without the row's submission (null: no prediction). */
    inRange: boolean | null;
    /** A TPOT or TTFT limit set the batch of the deployment behind this prediction. */
    latencyLimited: boolean;
  }[];
}


function mlperfPoints(rows: readonly RowResult[]): MlperfPoint[] {
  const out: MlperfPoint[] = [];
  for (const r of rows) {
    const m = r.plan.mlperf;
    if (m === null || r.predictedPerChip === null || r.measuredPerChip === null) continue;
    out.push({
      label: `#${r.plan.row.index} ${r.plan.label}`,
      benchmark: m.benchmark,
      scenario: m.scenario,
      round: m.round,
      hardwareId: r.plan.hardwareId,
      submitter: m.submitter,
      chips: typeof r.plan.scenario.chips === 'number' ? r.plan.scenario.chips : 0,
      measuredPerChip: r.measuredPerChip,
      predictedPerChip: r.predictedPerChip,
    });
  }
  return out;
}

/** Entries with an error (claims excluded unless asked). */
function errorEntries(rows: readonly RowResult[], filter: (r: RowResult) => boolean) {
  return rows.filter((r) => r.error !== null && filter(r)).map((r) => ({ label: `#${r.plan.row.index} ${r.plan.label}`, error: r.error!, r }));
}

function summarizeRatios(entries: readonly RatioEntry[]): ErrorSummary {
  return summarize(entries.map((e) => ({ label: `${e.label} vs ${e.reference}`, error: e.error })));
}

/** Within this share of each other, two runs of one system, model, scenario, round and chip count are one measurement twice. */
const TWIN_TOLERANCE = 0.05;

function twinKey(r: RowResult): string {
  const p = r.plan;
  return JSON.stringify([p.hardwareId, p.modelId, p.metric.kind, p.mlperf?.scenario ?? null, p.mlperf?.round ?? p.row.roundOrDate, p.scenario.chips]);
}

/**
 * Whether a held-out row repeats a fit row: the same chip, model, metric, scenario, round and chip
 * count, measured within 5% (partners submit the same configuration: 135 of 277 held-out rows do).
 */
function hasFitTwin(r: RowResult, fitByKey: ReadonlyMap<string, readonly RowResult[]>): boolean {
  return (fitByKey.get(twinKey(r)) ?? []).some((f) => Math.abs(f.plan.measured / r.plan.measured - 1) < TWIN_TOLERANCE);
}

export function summarizeRows(rows: readonly RowResult[], relative: readonly RatioEntry[], cv: readonly CrossValidatedRow[] | null = null,
  relativeCv: readonly RatioEntry[] | null = null, catalog: Catalog | null = null, inRange: readonly (boolean | null)[] | null = null): ValidationSummary {
  const target = errorEntries(rows, (r) => r.plan.inTargetSet && !r.plan.claim);
  const held = target.filter((e) => !e.r.usedForFit);
  const fitByKey = new Map<string, RowResult[]>();
  for (const e of target) {
    if (!e.r.usedForFit) continue;
    const k = twinKey(e.r);
    const list = fitByKey.get(k);
    if (list === undefined) fitByKey.set(k, [e.r]);
    else list.push(e.r);
  }
  const isMoe = (r: RowResult) => catalog?.models.get(r.plan.modelId ?? '')?.moe != null;
  const cvEntries = cv?.filter((c) => c.error !== null).map((c) => ({ label: `#${c.plan.row.index} ${c.plan.label}`, error: c.error!, plan: c.plan, latencyLimited: c.latencyLimited })) ?? null;
  return {
    target: summarize(target),
    fit: summarize(target.filter((e) => e.r.usedForFit)),
    heldOut: summarize(held),
    heldOutByArchitecture: summarizeBy(held, (e) => (isMoe(e.r) ? 'moe' : 'dense')),
    heldOutWithoutFitTwin: summarize(held.filter((e) => !hasFitTwin(e.r, fitByKey))),
    crossValidated: cvEntries === null ? null : summarize(cvEntries),
    crossValidatedRelative: relativeCv === null ? null : summarizeRatios(relativeCv),
    crossValidatedLatencyLimited: cvEntries === null ? null : summarize(cvEntries.filter((e) => e.latencyLimited)),
    crossValidatedScenarioRatios: cv === null ? [] : summarizeBy(scenarioRatios(cv), (e) => e.key),
    crossValidatedByWorkload: cvEntries === null ? []
      : summarizeBy(cvEntries.filter((e) => e.plan.mlperf !== null), (e) => `${e.plan.mlperf!.benchmark} ${e.plan.mlperf!.scenario}`),
    // No cross-validated prediction (a file without rows to fit): nothing to check the ranges on.
    coverage: cv === null || cv.length === 0 ? null : checkCoverage(cv, NOMINAL_COVERAGE, inRange ?? undefined),
    bySourceKind: summarizeBy(errorEntries(rows, () => true), (e) => e.r.plan.row.sourceKind),
    byVendor: summarizeBy(target, (e) => e.r.vendor),
    relative: summarizeRatios(relative),
  };
}

/**
 * The catalog each row runs on: in achieved mode with the software of the row's date (the fitted
 * trend), so a published figure is read against the engine as validate scores it; spec mode has no software.
 */
export function rowDateCatalogs(catalog: Catalog, mode: EfficiencyMode): (plan: ModelledRow) => Catalog {
  const trend = mode === 'achieved' ? CALIBRATION_SUMMARY.softwareTrend : null;
  const aged = new Map<number, Catalog>();
  return (plan) => {
    if (trend === null) return catalog;
    const age = yearsBefore(plan.row, trend.newestYear);
    if (!aged.has(age)) aged.set(age, catalogAtAge(catalog, age, trend.perYear));
    return aged.get(age)!;
  };
}

/** Validation of already planned rows against a catalog. */
export function validatePlans(plans: readonly RowPlan[], catalog: Catalog, options: ValidationOptions = {}): ValidationReport {
  const rows: RowResult[] = [];
  const excluded: ExcludedRow[] = [];
  const problems: string[] = [];
  // Rows, fit probes and cross-validation folds repeat many engine runs: one memo for the whole run.
  const simulate = memoizedSimulator();
  const catalogForRow = rowDateCatalogs(catalog, options.efficiencyMode ?? 'achieved');
  const overheadRows = new Set<RowPlan>(dataflowRows(plans, catalog));
  const overheadCandidates = new Set<RowPlan>(dataflowRows(plans, catalog, true));
  for (const plan of plans) {
    if (plan.kind === 'excluded') {
      excluded.push(plan);
      continue;
    }
    if (options.only && !options.only(plan)) continue;
    const r = evaluateRow(plan, catalogForRow(plan), { ...options, simulate });
    if (r.reason !== null && r.predicted === null && r.deployment === '') problems.push(`row ${plan.row.index}: ${r.reason}`);
    // The single-stream speeds that set the SRAM chips' fixed cost per operator are in a fit too
    // (dataflow-overhead.ts), though not in the accuracy targets: they say so.
    const used = r.usedForFit || overheadRows.has(plan);
    rows.push({ ...r, usedForFit: used, use: rowUse(plan, used, overheadCandidates.has(plan)) });
  }
  const relative = relativeAccuracy(mlperfPoints(rows));
  const mode = options.efficiencyMode ?? 'achieved';
  const cv = mode === 'achieved' && options.crossValidate !== false && options.only === undefined ? crossValidation(plans, catalog, simulate) : null;
  const relativeCrossValidated = cv === null ? null : relativeAccuracy(cvPoints(rows, cv.rows));
  const inRange = cv === null ? null : rangeChecks(cv.rows);
  return {
    efficiencyMode: mode,
    rows,
    crossValidated: cv === null ? null : {
      factors: cv.factors,
      rows: cv.rows.map((c, i) => ({ index: c.plan.row.index, submission: c.submission, usedForFit: c.usedForFit, basis: c.basis,
        predicted: c.predicted, error: c.error, logResidual: c.logResidual, inRange: inRange![i] ?? null, latencyLimited: c.latencyLimited })),
    },
    excluded,
    relative,
    relativeCrossValidated,
    summary: summarizeRows(rows, relative, cv?.rows ?? null, relativeCrossValidated, catalog, inRange),
    problems,
  };
}

/** The profiles' fitted factors, read back from the catalog (every chip with fit rows carries its own). */
export function factorsOfCatalog(catalog: Catalog, fitRows: readonly ModelledRow[]): StackFactors {
  const software: Record<string, number> = {};
  let moe: StackFactors['moe'] = { fineGrained: 1, coarse: 1 };
  for (const plan of fitRows) {
    const hw = catalog.hardware.get(plan.hardwareId);
    if (hw !== undefined) software[hw.id] = hw.efficiency.softwareStackFactor;
  }
  const any = catalog.hardware.values().next().value;
  if (any !== undefined) moe = { ...any.efficiency.moeSoftwareFactor };
  return { software, moe, trendPerYear: CALIBRATION_SUMMARY.softwareTrend.perYear };
}

export function fitContextOf(catalog: Catalog, simulate?: Simulator): FitContext {
  return {
    catalog,
    simulate,
    silicon: {},
    familyOf: (p) => catalog.hardware.get(p.hardwareId)?.family ?? p.hardwareId,
    moeClass: (p) => {
      const model = catalog.models.get(p.modelId ?? '');
      return model === undefined ? null : moeClassOf(model);
    },
    yearsBefore: (p) => yearsBefore(p.row, CALIBRATION_SUMMARY.softwareTrend.newestYear),
  };
}

/** Leave-one-submission-out cross-validation of the target rows around the profiles' factors. */
export function crossValidation(plans: readonly RowPlan[], catalog: Catalog, simulate?: Simulator): { factors: StackFactors; rows: CrossValidatedRow[] } {
  const target = plans.filter(inTargetSet);
  const fitRows = target.filter(usedForFit);
  const ctx = fitContextOf(catalog, simulate);
  const factors = factorsOfCatalog(catalog, fitRows);
  const lin = linearize(fitRows, ctx, factors);
  return { factors, rows: crossValidate(target, lin, factors, ctx) };
}

/** MLPerf points with the cross-validated predictions in place of the full fit's. */
function cvPoints(rows: readonly RowResult[], cv: readonly CrossValidatedRow[]): MlperfPoint[] {
  const byIndex = new Map(cv.map((c) => [c.plan.row.index, c]));
  return mlperfPoints(rows.map((r) => {
    const c = byIndex.get(r.plan.row.index);
    if (c === undefined || r.measuredPerChip === null) return r;
    const chips = typeof r.plan.scenario.chips === 'number' ? r.plan.scenario.chips : r.chipsUsed;
    const perChip = c.predicted === null ? null : (r.plan.metric.kind === 'beam-search-tokens-per-second' || r.plan.metric.kind === 'system-output-tokens-per-second' ? c.predicted / chips : null);
    return { ...r, predictedPerChip: perChip };
  }));
}

/** The whole validation from the CSV text: parse, plan, run, summarize. */
export function runValidation(csvText: string, catalog: Catalog, options: ValidationOptions = {}): ValidationReport {
  const parsed = parseCalibrationCsv(csvText);
  const report = validatePlans(planRows(parsed.rows), catalog, options);
  report.problems.unshift(...parsed.errors);
  return report;
}

export type { CalibrationRow };
