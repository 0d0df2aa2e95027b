// The Accuracy view's tables as plain data (issue 16 item 5): what each row, summary line, claim,
// exclusion and chip family shows, with its classes and tooltips. The view only turns these into
// DOM. Pure.
import { sourceKindLabel } from '../charts/accuracy-chart';
import type { HardwareProfile } from '../engine/types';
import { formatNumber } from '../format/units';
import { ACCURACY_MESSAGES as A } from '../messages/accuracy';
import { EVIDENCE_MARK } from '../messages/evidence';
import { formatPercent } from '../validation/report';
import type { ErrorSummary, RatioEntry } from '../validation/stats';
import type { RowResult, ValidationReport } from '../validation/validate';
import type { RowUse } from '../validation/fit-rows';
import { compareText } from '../format/compare-text';

/** One row's |error| at or below this is shown as good, above BAD as bad (the chart's band is +-20%). */
const GOOD = 0.2;
const BAD = 0.4;

/** The targets for a median: row errors (held-out) and chip-to-chip ratios. */
export const MEDIAN_TARGET = { rows: 0.1, ratios: 0.08 } as const;

export function errorClass(error: number | null): string {
  if (error === null || !Number.isFinite(error)) return 'err-none';
  const a = Math.abs(error);
  return a <= GOOD ? 'err-good' : a <= BAD ? 'err-mid' : 'err-bad';
}

/** A median against its target: good within it, bad beyond twice it (the colours agree with the headline's verdicts). */
function medianClass(median: number, target: number): string {
  if (!Number.isFinite(median)) return 'err-none';
  return median <= target ? 'err-good' : median <= 2 * target ? 'err-mid' : 'err-bad';
}

export function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(v, 4);
}

export function pct(v: number | null | undefined, signed = true): string {
  return v === null || v === undefined ? '—' : formatPercent(v, signed);
}

/** A cell: text, class, tooltip. */
export interface CellModel {
  text: string;
  class?: string;
  title?: string;
}

export interface RowModel {
  index: number;
  label: string;
  source: string;
  modelledAs: string;
  /** The evidence mark of a chip that is not on its own fit (family, prior, claim). */
  mark: string | null;
  detail: CellModel | null;
  metric: CellModel;
  predicted: string;
  measured: string;
  error: CellModel;
  /** The error with the row's submission left out of the fit, and whether its 80% range held the measurement. */
  crossValidated: CellModel;
  inRange: string | null;
  /** What the row is to the fits: fit, fit (SRAM fixed cost), held out, or reported (never a fit candidate). */
  use: CellModel;
  /** Assumptions and facts of the run: [label or '', text]. */
  assumptions: [string, string][];
}

function chipsText(r: RowResult): string {
  const c = r.plan.scenario.chips;
  return c === 'auto' ? `auto (${r.chipsUsed})` : String(c);
}

/** The lengths the engine simulated ("Modelled as"): an MLPerf run's own mean output, not its benchmark's. */
function lengths(r: RowResult): CellModel | null {
  if (r.plan.metric.kind === 'tco-usd-per-chip-hour') return null;
  const w = r.plan.scenario.workload;
  const exact = r.plan.row.inputLen !== null && r.plan.row.outputLen !== null;
  return exact
    ? { text: A.tokens(String(w.inputTokens), String(w.outputTokens)) }
    : { text: A.tokens(`≈${w.inputTokens}`, `≈${w.outputTokens}`), title: A.assumedLengths };
}

/**
 * "MLPerf Inference v4.1" rather than "MLPerf Inference · MLPerf Inference v4.1", then the submitter
 * where the row names one: thirteen partners' runs of one system read alike without it.
 */
function sourceLine(kind: string, roundOrDate: string, submitter: string | undefined): string {
  const label = sourceKindLabel(kind);
  const line = roundOrDate === '' ? label : roundOrDate.toLowerCase().startsWith(label.toLowerCase()) ? roundOrDate : `${label} · ${roundOrDate}`;
  return submitter === undefined || submitter === '' ? line : `${line} · ${submitter}`;
}

export function markOf(r: RowResult): string | null {
  return r.basis === 'measured' ? null : EVIDENCE_MARK[r.basis];
}

type CrossValidatedEntry = NonNullable<ValidationReport['crossValidated']>['rows'][number];

function crossValidatedCell(c: CrossValidatedEntry | undefined): CellModel {
  if (c === undefined) return { text: '—', class: 'err-none', title: A.notCrossValidated };
  if (c.error === null) return { text: A.infeasible, class: 'err-bad' };
  return { text: pct(c.error), class: errorClass(c.error) };
}

export function rowModel(r: RowResult, cv?: CrossValidatedEntry): RowModel {
  const [short, long] = A.metric[r.plan.metric.kind] ?? [r.plan.metric.unit, r.plan.metric.unit];
  const len = lengths(r);
  const detail = [r.plan.modelId, len?.text].filter((x): x is string => x !== null && x !== undefined).join(' · ');
  const assumptions: [string, string][] = r.plan.assumptions.map((a) => ['', a]);
  if (r.deployment !== '') assumptions.push([`${A.deployment}: `, r.deployment]);
  if (r.plan.row.software !== '') assumptions.push([`${A.software}: `, r.plan.row.software]);
  for (const w of r.warnings) assumptions.push([`${A.warnings}: `, w.text]);
  if (r.plan.row.sourceRef !== '') assumptions.push([`${A.source}: `, r.plan.row.sourceRef]);
  const infeasible = r.predicted === null && r.plan.metric.kind !== 'tco-usd-per-chip-hour';
  return {
    index: r.plan.row.index,
    label: r.plan.label,
    source: sourceLine(r.plan.row.sourceKind, r.plan.row.roundOrDate, r.plan.row.noteFields.submitter),
    modelledAs: A.modelledAs(r.hardwareName, chipsText(r)),
    mark: markOf(r),
    detail: detail === '' ? null : { text: detail, title: len?.title },
    metric: { text: short, title: long },
    predicted: num(r.predicted),
    measured: num(r.plan.measured),
    error: infeasible ? { text: A.infeasible, class: 'err-bad', title: r.reason ?? undefined } : { text: pct(r.error), class: errorClass(r.error) },
    crossValidated: crossValidatedCell(cv),
    inRange: cv?.inRange == null ? null : cv.inRange ? A.insideRange : A.outsideRange,
    use: USE_CELL[r.use],
    assumptions,
  };
}

/** The Use column: what the row is to the fits (validation's rowUse). */
const USE_CELL: Record<RowUse, CellModel> = {
  fit: { text: A.useFit, class: 'use-fit', title: A.usedForFit },
  'fit-fixed-cost': { text: A.useFixedCostFit, class: 'use-fit', title: A.usedForFixedCost },
  'held-out': { text: A.useHeldOut, class: 'use-held', title: A.heldOut },
  reported: { text: A.useReported, class: 'use-reported', title: A.reported },
};

const SECTIONS: [string, (r: RowResult) => boolean][] = [
  [A.sections.mlperf, (r) => r.plan.group === 'mlperf'],
  [A.sections.vendorTable, (r) => r.plan.group === 'vendor-table'],
  [A.sections.inferencemax, (r) => r.plan.group === 'inferencemax'],
  [A.sections.tco, (r) => r.plan.group === 'tco'],
  [A.sections.claims, (r) => r.plan.claim],
];

/** The row table in sections by source; empty sections left out. */
export function rowSections(report: ValidationReport): { title: string; rows: RowModel[] }[] {
  const cv = new Map((report.crossValidated?.rows ?? []).map((c) => [c.index, c]));
  return SECTIONS.flatMap(([title, keep]) => {
    const rows = report.rows.filter(keep);
    return rows.length === 0 ? [] : [{ title: `${title} · ${A.rows(rows.length)}`, rows: rows.map((r) => rowModel(r, cv.get(r.plan.row.index))) }];
  });
}

export interface SummaryRow {
  name: string;
  cells: CellModel[];
}

function summaryRow(name: string, s: ErrorSummary, target: number = MEDIAN_TARGET.rows): SummaryRow {
  return {
    name,
    cells: [
      { text: String(s.count), class: 'n' },
      { text: pct(s.medianAbs, false), class: `n ${medianClass(s.medianAbs, target)}` },
      { text: pct(s.worstAbs, false), class: `n ${errorClass(s.worstAbs)}` },
      { text: pct(s.medianSigned), class: 'n' },
      { text: s.worstLabel, class: 'label-cell' },
    ],
  };
}

/** Held-out and cross-validated figures first; the blend of fitted and held-out rows last, for reference. */
export function summaryRows(report: ValidationReport): SummaryRow[] {
  const s = report.summary;
  // Spec and claim modes fit nothing: the rows are the ones achieved mode fits on.
  const achieved = report.efficiencyMode === 'achieved';
  return [
    summaryRow(A.groupHeldOut, s.heldOut),
    ...s.heldOutByArchitecture.map((g) => summaryRow(A.groupHeldOutKind(g.key), g.summary)),
    summaryRow(A.noTwinHeadline, s.heldOutWithoutFitTwin),
    ...(s.crossValidated === null ? [] : [summaryRow(A.groupCrossValidated, s.crossValidated)]),
    ...(s.crossValidatedRelative === null ? [] : [summaryRow(A.groupCrossValidatedRelative, s.crossValidatedRelative, MEDIAN_TARGET.ratios)]),
    ...(s.crossValidatedLatencyLimited === null ? [] : [summaryRow(A.groupLatencyLimited, s.crossValidatedLatencyLimited)]),
    ...s.crossValidatedByWorkload.map((g) => summaryRow(A.groupCrossValidatedWorkload(g.key), g.summary)),
    ...s.crossValidatedScenarioRatios.map((g) => summaryRow(A.groupScenarioRatio(g.key), g.summary)),
    summaryRow(achieved ? A.groupFit : A.groupFitOtherMode, s.fit),
    summaryRow(A.groupTarget, s.target),
    ...s.byVendor.map((g) => summaryRow(A.groupVendor(g.key), g.summary)),
    ...s.bySourceKind.map((g) => summaryRow(A.groupSource(sourceKindLabel(g.key)), g.summary)),
    summaryRow(achieved ? A.groupRelative : A.groupRelativeOtherMode, s.relative, MEDIAN_TARGET.ratios),
  ];
}

export function relativeRows(entries: readonly RatioEntry[]): CellModel[][] {
  return entries.map((e) => [
    { text: e.benchmark, class: 'n' },
    { text: e.scenario, class: 'n' },
    { text: e.label, class: 'label-cell', title: e.pair },
    { text: `${e.reference}${e.crossRound ? A.crossRound : ''}`, class: 'label-cell' },
    { text: e.measuredRatio.toFixed(3), class: 'n' },
    { text: e.predictedRatio.toFixed(3), class: 'n' },
    { text: pct(e.error), class: `n ${errorClass(e.error)}` },
  ]);
}

export interface ClaimModel {
  index: number;
  head: string;
  chip: string;
  mark: string | null;
  numbers: string;
  verdict: string;
  beyondCeiling: boolean;
  implies: string[];
}

export function claimModels(report: ValidationReport): ClaimModel[] {
  return report.rows.filter((r) => r.claim !== null).map((r) => {
    const c = r.claim!;
    return {
      index: r.plan.row.index,
      head: `#${r.plan.row.index} ${r.plan.label}`,
      chip: r.hardwareName,
      mark: markOf(r),
      numbers: A.claimNumbers(r.plan.group === 'third-party', `${num(r.plan.measured)} ${r.plan.metric.unit}`, num(r.predicted), num(c.idealPrediction)),
      verdict: c.idealPrediction === null ? A.noIdeal
        : c.beyondIdeal ? A.beyondCeiling((r.plan.measured / c.idealPrediction).toFixed(1)) : A.withinCeiling,
      beyondCeiling: c.beyondIdeal,
      implies: c.text.split('; '),
    };
  });
}

/** Excluded rows grouped by reason (many rows share one). */
export function excludedGroups(report: ValidationReport): { reason: string; kinds: string; rows: string[] }[] {
  const byReason = new Map<string, ValidationReport['excluded']>();
  for (const e of report.excluded) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e]);
  return [...byReason.entries()].map(([reason, rows]) => ({
    reason,
    kinds: [...new Set(rows.map((e) => sourceKindLabel(e.row.sourceKind)))].join(', '),
    rows: rows.map((e) => `#${e.row.index} ${e.label}`),
  }));
}

export function infeasibleLines(report: ValidationReport): string[] {
  return report.rows.filter((r) => r.predicted === null && r.plan.metric.kind !== 'tco-usd-per-chip-hour')
    .map((r) => `#${r.plan.row.index} ${r.plan.label}: ${r.reason ?? ''}`);
}

export interface FamilyModel {
  family: string;
  /** A chip of the family has its own fit rows. */
  fitted: boolean;
  basis: string;
  chips: string;
  note: string;
}

/** One line per chip family, fitted ones first; a fitted family lists each chip's own factor. */
export function calibrationFamilies(hardware: Iterable<HardwareProfile>): FamilyModel[] {
  const families = new Map<string, HardwareProfile[]>();
  for (const p of hardware) families.set(p.family, [...(families.get(p.family) ?? []), p]);
  return [...families.entries()].map(([family, chips]): FamilyModel => {
    const sorted = [...chips].sort((a, b) => compareText(a.name, b.name));
    const fitted = chips.some((c) => c.efficiency.evidence.basis === 'measured');
    const factor = sorted[0]!.efficiency.softwareStackFactor.toFixed(2);
    // A family of announced chips is on claims, as everywhere else they are named; achieved mode gives them the prior.
    const claims = chips.every((c) => c.efficiency.evidence.basis === 'claim');
    const marked = (c: HardwareProfile) => `${c.name} ${EVIDENCE_MARK[c.efficiency.evidence.basis]}`;
    return {
      family,
      fitted,
      basis: fitted ? A.fitted : claims ? A.claimsOnly(factor) : A.assumed(factor),
      chips: fitted
        ? sorted.map((c) => A.chipFactor(marked(c), c.efficiency.softwareStackFactor.toFixed(2))).join(', ')
        : sorted.map(marked).join(', '),
      note: sorted.map((c) => c.efficiency.note).join('\n'),
    };
  }).sort((a, b) => Number(b.fitted) - Number(a.fitted) || compareText(a.family, b.family));
}
