// Plain-text rendering of a validation report (the `npm run validate` table). Pure.
import type { ErrorSummary } from './stats';
import type { RowResult, ValidationReport } from './validate';
import type { RowUse } from './fit-rows';
import { ACCURACY_MESSAGES as A } from '../messages/accuracy';
import { groupedInteger } from '../format/decimal';
import { formatPredicted } from '../format/units';

/**
 * `measured`: a published figure, written whole; a prediction is rounded to 3 significant figures
 * from 10,000 up, as the page writes modelled numbers (formatPredicted).
 */
export function formatNumber(v: number | null, measured = false): string {
  if (v === null || !Number.isFinite(v)) return '-';
  const a = Math.abs(v);
  if (a >= 1e4 && !measured) return formatPredicted(v);
  if (a >= 100) return groupedInteger(v);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function formatPercent(v: number | null, signed = true): string {
  if (v === null || !Number.isFinite(v)) return '-';
  // A value that rounds to zero is written 0.0% (toFixed writes -0.0 for small negatives).
  const rounded = Number((v * 100).toFixed(1)) || 0;
  const s = `${rounded.toFixed(1)}%`;
  return signed && rounded >= 0 ? `+${s}` : s;
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function lengths(r: RowResult): string {
  const w = r.plan.scenario.workload;
  if (r.plan.metric.kind === 'tco-usd-per-chip-hour') return '';
  return `${w.inputTokens}/${w.outputTokens}`;
}

function chips(r: RowResult): string {
  const c = r.plan.scenario.chips;
  return c === 'auto' ? `auto(${r.chipsUsed})` : String(c);
}

function rowCells(r: RowResult): string[] {
  return [
    `#${r.plan.row.index}`,
    r.plan.label.slice(0, 58),
    r.plan.hardwareId,
    chips(r),
    r.plan.modelId ?? '',
    lengths(r),
    formatNumber(r.predicted),
    formatNumber(r.plan.measured, true),
    r.plan.metric.unit,
    r.predicted === null && r.plan.metric.kind !== 'tco-usd-per-chip-hour' ? 'infeasible' : formatPercent(r.error),
    r.basis,
    USE_TEXT[r.use],
  ];
}

/** The Use column, in the Accuracy view's words. */
const USE_TEXT: Record<RowUse, string> = { fit: A.useFit, 'fit-fixed-cost': A.useFixedCostFit, 'held-out': A.useHeldOut, reported: A.useReported };

const ROW_HEADER = ['row', 'what', 'chip', 'chips', 'model', 'in/out', 'predicted', 'measured', 'unit', 'error', 'basis', 'use'];
const RIGHT = new Set([3, 6, 7, 9]);

function summaryLine(name: string, s: ErrorSummary): string[] {
  return [name, String(s.count), formatPercent(s.medianAbs, false), formatPercent(s.worstAbs, false), formatPercent(s.medianSigned), s.worstLabel.slice(0, 60)];
}

export function formatValidationReport(report: ValidationReport, source = 'reference/calibration.csv'): string {
  const out: string[] = [];
  out.push(`Validation against ${source} (efficiency mode: ${report.efficiencyMode}; error = predicted / measured - 1)`);
  const sections: [string, (r: RowResult) => boolean][] = [
    ['MLPerf Inference results (targets apply)', (r) => r.plan.group === 'mlperf'],
    ['Vendor benchmark tables with exact lengths (targets apply)', (r) => r.plan.group === 'vendor-table'],
    ['Third-party measurements (InferenceX per-MW throughput)', (r) => r.plan.group === 'inferencemax'],
    ['TCO per chip-hour (engine economics defaults vs SemiAnalysis)', (r) => r.plan.group === 'tco'],
    ['Vendor claims and third-party API speeds (reported; the SRAM-resident chips\' speeds not held out set their fixed cost per operator: use "fit (SRAM fixed cost)")', (r) => r.plan.claim],
  ];
  for (const [title, filter] of sections) {
    const rows = report.rows.filter(filter);
    if (rows.length === 0) continue;
    out.push('', `## ${title}`, table(ROW_HEADER, rows.map(rowCells), RIGHT));
  }

  const claims = report.rows.filter((r) => r.claim !== null);
  if (claims.length > 0) {
    out.push('', '## What the claims and third-party speeds imply');
    for (const r of claims) out.push(`#${r.plan.row.index} ${r.plan.label}: ${r.claim!.text}`);
  }

  const s = report.summary;
  out.push('', '## Summary (|error| statistics)');
  const sumRows = [
    summaryLine('HELD OUT (no fit ever sees these rows)', s.heldOut),
    ...s.heldOutByArchitecture.map((g) => summaryLine(`held out, ${g.key} models`, g.summary)),
    summaryLine('held out, no near-identical run in the fit', s.heldOutWithoutFitTwin),
    ...(s.crossValidated === null ? [] : [summaryLine('CROSS-VALIDATED (each submission left out)', s.crossValidated)]),
    ...(s.crossValidatedRelative === null ? [] : [summaryLine('cross-validated per-chip ratios', s.crossValidatedRelative)]),
    ...(s.crossValidatedLatencyLimited === null ? [] : [summaryLine('cross-validated, batch set by a latency limit', s.crossValidatedLatencyLimited)]),
    ...s.crossValidatedByWorkload.map((g) => summaryLine(`cross-validated, MLPerf ${g.key} (every chip)`, g.summary)),
    ...s.crossValidatedScenarioRatios.map((g) => summaryLine(`cross-validated, one system's MLPerf ${g.key}`, g.summary)),
    summaryLine('fit rows (in-sample, for reference)', s.fit),
    summaryLine('target set: MLPerf + vendor tables (fit + held out)', s.target),
    ...s.bySourceKind.map((g) => summaryLine(`source kind: ${g.key}`, g.summary)),
    ...s.byVendor.map((g) => summaryLine(`vendor (target set): ${g.key}`, g.summary)),
    summaryLine('MLPerf relative (per-chip ratios, fitted model, in-sample)', s.relative),
  ];
  out.push(table(['group', 'n', 'median |err|', 'worst |err|', 'median signed', 'worst row'], sumRows, new Set([1, 2, 3, 4])));
  if (s.coverage !== null) {
    const c = s.coverage;
    out.push(`Ranges: nominal ${formatPercent(c.nominal, false)} coverage, measured ${formatPercent(c.actual, false)} of ${c.count} cross-validated predictions `
      + `(90% interval ${formatPercent(c.interval90.low, false)}-${formatPercent(c.interval90.high, false)}: ${c.met ? 'consistent' : 'NOT consistent'} with the nominal); `
      + `held-out rows ${formatPercent(c.heldOut.actual, false)} of ${c.heldOut.count}; dense-model rows ${formatPercent(c.byArchitecture.dense.actual, false)} of ${c.byArchitecture.dense.count}, `
      + `mixture-of-experts rows ${formatPercent(c.byArchitecture.moe.actual, false)} of ${c.byArchitecture.moe.count}; `
      + `rows whose batch a latency limit set ${formatPercent(c.byBatchLimit.latencyLimited.actual, false)} of ${c.byBatchLimit.latencyLimited.count}, `
      + `the rest ${formatPercent(c.byBatchLimit.other.actual, false)} of ${c.byBatchLimit.other.count} (scaled ranges only: the app reruns a latency-bound result at the range's slow end, which widens its low end).`);
  }
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  // A target with nothing to measure it on (a --csv file without such rows) is said so, not "NOT met".
  const median = (e: ErrorSummary | null, limit: number, none: string) => (e === null ? 'not run'
    : e.count === 0 ? none : `${formatPercent(e.medianAbs, false)}: ${verdict(e.medianAbs <= limit)}`);
  out.push(`Targets: held-out median <= 10% (${median(s.heldOut, 0.10, 'no held-out rows')}); `
    + `cross-validated per-chip ratio median <= 8% (${median(s.crossValidatedRelative, 0.08, 'no chip pairs')}); `
    + `nominal coverage inside the 90% interval of the measured one (${s.coverage === null ? 'not run' : verdict(s.coverage.met)}).`);

  if (report.relative.length > 0) {
    out.push('', '## MLPerf relative accuracy: per-chip throughput ratio to the H100 row of the same benchmark and scenario');
    out.push(table(
      ['benchmark', 'scenario', 'pair', 'measured', 'predicted', 'error'],
      report.relative.map((e) => [e.benchmark, e.scenario, `${e.pair}${e.crossRound ? ' (cross-round)' : ''}`, e.measuredRatio.toFixed(3),
        e.predictedRatio.toFixed(3), formatPercent(e.error)]),
      new Set([3, 4, 5]),
    ));
  }

  const infeasible = report.rows.filter((r) => r.predicted === null && r.plan.metric.kind !== 'tco-usd-per-chip-hour');
  if (infeasible.length > 0) {
    out.push('', '## Rows the engine finds infeasible');
    for (const r of infeasible) out.push(`#${r.plan.row.index} ${r.plan.label}: ${r.reason ?? ''}`);
  }

  out.push('', `## Rows not modelled yet (${report.excluded.length}), with the reason`);
  for (const e of report.excluded) out.push(`#${e.row.index} [${e.row.sourceKind}] ${e.label.slice(0, 70)}: ${e.reason}`);

  if (report.problems.length > 0) out.push('', '## Problems', ...report.problems);
  out.push('', 'Assumptions per row: npm run validate -- --format json (rows[].plan.assumptions).');
  return `${out.join('\n')}\n`;
}
