// Accuracy: how far to trust the numbers. The validation report (computed in a worker from the
// bundled calibration data) as a summary, a predicted-vs-measured chart, the full row table with
// assumptions on demand, MLPerf chip-to-chip ratios, what vendor claims imply, and the rows that
// cannot be modelled yet with their reasons. Text only (textContent), never HTML.

import type { Snapshot } from '../../app/controller';
import { accuracyChart, sourceKindLabel } from '../../charts/accuracy-chart';
import { EVIDENCE_MARK } from '../../messages/evidence';
import type { EfficiencyMode, HardwareProfile } from '../../engine/types';
import { formatNumber } from '../../format/units';
import { formatPercent } from '../../validation/report';
import type { ErrorSummary, RatioEntry } from '../../validation/stats';
import type { CoverageCheck } from '../../validation/uncertainty-fit';
import type { RowResult, ValidationReport } from '../../validation/validate';
import { ACCURACY_MESSAGES as A } from '../../messages/accuracy';
import { ChartHost } from '../chart-host';
import { segmented } from '../controls';
import { el, replaceChildren } from '../dom';
import { stackedTable as table, td } from '../stacked-table';
import { chartLayout } from '../layout';
import { MESSAGES } from '../../messages/ui';
import type { MountView } from './view';
import '../accuracy.css';

/** |error| at or below this is shown as good, above BAD as bad (the chart's band is +-20%). */
const GOOD = 0.2;
const BAD = 0.4;

function errorClass(error: number | null): string {
  if (error === null || !Number.isFinite(error)) return 'err-none';
  const a = Math.abs(error);
  return a <= GOOD ? 'err-good' : a <= BAD ? 'err-mid' : 'err-bad';
}

function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(v, 4);
}

function pct(v: number | null | undefined, signed = true): string {
  return v === null || v === undefined ? '—' : formatPercent(v, signed);
}

function chipsText(r: RowResult): string {
  const c = r.plan.scenario.chips;
  return c === 'auto' ? `auto (${r.chipsUsed})` : String(c);
}

function lengthsText(r: RowResult): { text: string; title: string | undefined } | null {
  if (r.plan.metric.kind === 'tco-usd-per-chip-hour') return null;
  const w = r.plan.scenario.workload;
  const exact = r.plan.row.inputLen !== null && r.plan.row.outputLen !== null;
  return exact
    ? { text: A.tokens(String(w.inputTokens), String(w.outputTokens)), title: undefined }
    : { text: A.tokens(`≈${w.inputTokens}`, `≈${w.outputTokens}`), title: A.assumedLengths };
}

function assumedMark(r: RowResult): HTMLElement | null {
  return r.basis === 'measured' ? null : el('span', { class: 'mark', text: ` ${EVIDENCE_MARK[r.basis]}`, title: A.assumedMark });
}

/** Which catalog chip, count, model and lengths the row was mapped to. */
function modelledCell(r: RowResult): HTMLElement {
  const lengths = lengthsText(r);
  const second = [r.plan.modelId, lengths?.text].filter((x): x is string => x !== null && x !== undefined).join(' · ');
  return el('td', { class: 'label-cell' }, [
    el('div', {}, [A.modelledAs(r.hardwareName, chipsText(r)), assumedMark(r)]),
    second === '' ? null : el('div', { class: 'sub', text: second, title: lengths?.title }),
  ]);
}

function errorCell(r: RowResult): HTMLElement {
  if (r.predicted === null && r.plan.metric.kind !== 'tco-usd-per-chip-hour') return td(A.infeasible, 'n err-bad', r.reason ?? undefined);
  return td(pct(r.error), `n ${errorClass(r.error)}`);
}

function assumptionsCell(r: RowResult): HTMLElement {
  const items: [string, string][] = r.plan.assumptions.map((a) => ['', a]);
  if (r.deployment !== '') items.push([`${A.deployment}: `, r.deployment]);
  if (r.plan.row.software !== '') items.push([`${A.software}: `, r.plan.row.software]);
  for (const w of r.warnings) items.push([`${A.warnings}: `, w.text]);
  if (r.plan.row.sourceRef !== '') items.push([`${A.source}: `, r.plan.row.sourceRef]);
  return el('td', { class: 'assumptions' }, [el('details', {}, [
    el('summary', { text: A.showAssumptions(items.length) }),
    el('ul', {}, items.map(([k, v]) => el('li', {}, [k === '' ? null : el('strong', { text: k }), v]))),
  ])]);
}

/** "MLPerf Inference v4.1" rather than "MLPerf Inference · MLPerf Inference v4.1". */
function sourceLine(kind: string, roundOrDate: string): string {
  const label = sourceKindLabel(kind);
  if (roundOrDate === '') return label;
  return roundOrDate.toLowerCase().startsWith(label.toLowerCase()) ? roundOrDate : `${label} · ${roundOrDate}`;
}

function rowLine(r: RowResult): HTMLElement {
  const [short, long] = A.metric[r.plan.metric.kind] ?? [r.plan.metric.unit, r.plan.metric.unit];
  return el('tr', { attrs: { 'data-row': r.plan.row.index } }, [
    td(`#${r.plan.row.index}`),
    el('td', { class: 'label-cell' }, [
      el('div', { text: r.plan.label }),
      el('div', { class: 'sub', text: sourceLine(r.plan.row.sourceKind, r.plan.row.roundOrDate) }),
    ]),
    modelledCell(r),
    td(short, 'metric-cell', long),
    td(num(r.predicted), 'n'),
    td(num(r.plan.measured), 'n'),
    errorCell(r),
    assumptionsCell(r),
  ]);
}

const SECTIONS: [string, (r: RowResult) => boolean][] = [
  [A.sections.mlperf, (r) => r.plan.group === 'mlperf'],
  [A.sections.vendorTable, (r) => r.plan.group === 'vendor-table'],
  [A.sections.inferencemax, (r) => r.plan.group === 'inferencemax'],
  [A.sections.tco, (r) => r.plan.group === 'tco'],
  [A.sections.claims, (r) => r.plan.claim],
];

function rowsTable(report: ValidationReport): HTMLElement {
  const bodies = SECTIONS.flatMap(([title, keep]) => {
    const rows = report.rows.filter(keep);
    if (rows.length === 0) return [];
    return [el('tbody', {}, [
      el('tr', { class: 'section' }, [el('th', { text: `${title} · ${A.rows(rows.length)}`, attrs: { colspan: A.rowColumns.length, scope: 'colgroup' } })]),
      ...rows.map(rowLine),
    ])];
  });
  return table(A.rowsCaption, A.rowColumns, bodies, 'accuracy-rows');
}

function summaryLine(name: string, s: ErrorSummary): HTMLElement {
  return el('tr', {}, [
    td(name),
    td(String(s.count), 'n'),
    td(pct(s.medianAbs, false), `n ${errorClass(s.medianAbs)}`),
    td(pct(s.worstAbs, false), `n ${errorClass(s.worstAbs)}`),
    td(pct(s.medianSigned), 'n'),
    td(s.worstLabel, 'label-cell'),
  ]);
}

function summaryTable(report: ValidationReport): HTMLElement {
  const s = report.summary;
  const rows = [
    summaryLine(A.groupHeldOut, s.heldOut),
    ...s.heldOutByArchitecture.map((g) => summaryLine(A.groupHeldOutKind(g.key), g.summary)),
    ...(s.crossValidated === null ? [] : [summaryLine(A.groupCrossValidated, s.crossValidated)]),
    ...(s.crossValidatedRelative === null ? [] : [summaryLine(A.groupCrossValidatedRelative, s.crossValidatedRelative)]),
    summaryLine(A.groupFit, s.fit),
    summaryLine(A.groupTarget, s.target),
    ...s.byVendor.map((g) => summaryLine(A.groupVendor(g.key), g.summary)),
    ...s.bySourceKind.map((g) => summaryLine(A.groupSource(sourceKindLabel(g.key)), g.summary)),
    summaryLine(A.groupRelative, s.relative),
  ];
  return table(A.summaryCaption, A.summaryColumns, [el('tbody', {}, rows)], 'accuracy-summary');
}

function stat(title: string, s: ErrorSummary, medianTarget: number, worstTarget: number | null, unit: string): HTMLElement {
  const ok = s.medianAbs <= medianTarget && (worstTarget === null || s.worstAbs <= worstTarget);
  return el('div', { class: 'stat' }, [
    el('div', { class: 'stat-title', text: title }),
    el('div', { class: 'stat-value' }, [
      el('strong', { text: pct(s.medianAbs, false) }), ` ${A.median}`,
    ]),
    el('div', { class: 'stat-sub', text: `${A.worst} ${pct(s.worstAbs, false)} · ${s.count} ${unit}` }),
    el('div', { class: `badge ${ok ? 'ok' : 'bad'}`, text: ok ? A.met : A.missed }),
  ]);
}

function coverageStat(c: CoverageCheck): HTMLElement {
  return el('div', { class: 'stat', attrs: { 'data-accuracy': 'coverage' } }, [
    el('div', { class: 'stat-title', text: A.coverageHeadline }),
    el('div', { class: 'stat-value' }, [el('strong', { text: A.coverageValue(pct(c.actual, false), pct(c.nominal, false)) })]),
    el('div', { class: 'stat-sub', text: A.coverageSub(c.count, pct(c.interval90.low, false), pct(c.interval90.high, false)) }),
    el('div', { class: `badge ${c.met ? 'ok' : 'bad'}`, text: c.met ? A.met : A.missed }),
  ]);
}

function relativeTable(entries: readonly RatioEntry[]): HTMLElement {
  return table(A.relativeCaption, A.relativeColumns, [el('tbody', {}, entries.map((e) => el('tr', {}, [
    td(e.benchmark, 'n'),
    td(e.scenario, 'n'),
    td(e.label, 'label-cell', e.pair),
    td(`${e.reference}${e.crossRound ? A.crossRound : ''}`, 'label-cell'),
    td(e.measuredRatio.toFixed(3), 'n'),
    td(e.predictedRatio.toFixed(3), 'n'),
    td(pct(e.error), `n ${errorClass(e.error)}`),
  ])))], 'accuracy-relative');
}

function claimsList(report: ValidationReport): HTMLElement | null {
  const claims = report.rows.filter((r) => r.claim !== null);
  if (claims.length === 0) return null;
  const items = claims.map((r) => {
    const c = r.claim!;
    const verdict = c.idealPrediction === null ? A.noIdeal
      : c.beyondIdeal ? A.beyondCeiling((r.plan.measured / c.idealPrediction).toFixed(1)) : A.withinCeiling;
    const unit = r.plan.metric.unit;
    return el('li', { class: 'claim', attrs: { 'data-row': r.plan.row.index } }, [
      el('div', { class: 'claim-head' }, [
        el('strong', { text: `#${r.plan.row.index} ${r.plan.label}` }),
        ' · ', r.hardwareName, assumedMark(r),
      ]),
      el('div', { class: 'claim-numbers' }, [
        A.claimNumbers(`${num(r.plan.measured)} ${unit}`, num(r.predicted), num(c.idealPrediction)),
        ' → ', el('strong', { class: c.beyondIdeal ? 'err-bad-text' : undefined, text: verdict }),
      ]),
      el('ul', { class: 'implies-text' }, c.text.split('; ').map((t) => el('li', { text: t }))),
    ]);
  });
  return el('div', { attrs: { 'data-table': 'accuracy-claims-list' } }, [
    el('h2', { class: 'card-title', text: A.claimsTitle }),
    el('p', { class: 'card-intro', text: A.claimsIntro }),
    el('ul', { class: 'claims' }, items),
  ]);
}

/** Excluded rows grouped by reason (many rows share one), collapsed by default. */
function excludedBlock(report: ValidationReport): HTMLElement {
  const byReason = new Map<string, ValidationReport['excluded']>();
  for (const e of report.excluded) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e]);
  const body = [...byReason.entries()].map(([reason, rows]) => el('tr', {}, [
    td(reason, 'reason-cell'),
    td([...new Set(rows.map((e) => sourceKindLabel(e.row.sourceKind)))].join(', ')),
    el('td', { class: 'label-cell' }, [el('ul', { class: 'plain-list' }, rows.map((e) => el('li', { text: `#${e.row.index} ${e.label}` })))]),
  ]));
  return el('details', { attrs: { 'data-accuracy': 'excluded' } }, [
    el('summary', { text: A.excluded(report.excluded.length) }),
    table(null, A.excludedColumns, [el('tbody', {}, body)], 'accuracy-excluded'),
  ]);
}

function infeasibleBlock(report: ValidationReport): HTMLElement | null {
  const rows = report.rows.filter((r) => r.predicted === null && r.plan.metric.kind !== 'tco-usd-per-chip-hour');
  if (rows.length === 0) return null;
  return el('div', {}, [
    el('h2', { class: 'card-title', text: A.infeasibleTitle }),
    el('ul', { class: 'plain-list' }, rows.map((r) => el('li', { text: `#${r.plan.row.index} ${r.plan.label}: ${r.reason ?? ''}` }))),
  ]);
}

/** One line per chip family: fitted (with its software-stack factor) or assumed (uncalibrated). */
function calibrationPanel(hardware: Iterable<HardwareProfile>): HTMLElement {
  const families = new Map<string, HardwareProfile[]>();
  for (const p of hardware) families.set(p.family, [...(families.get(p.family) ?? []), p]);
  const entries = [...families.entries()].sort(([a, pa], [b, pb]) => {
    const fa = pa[0]!.efficiency.evidence.basis === 'measured' ? 0 : 1;
    const fb = pb[0]!.efficiency.evidence.basis === 'measured' ? 0 : 1;
    return fa - fb || a.localeCompare(b);
  });
  return el('section', { class: 'panel', attrs: { 'aria-label': A.calibrationTitle, 'data-accuracy': 'calibration' } }, [
    el('h2', { text: A.calibrationTitle }),
    el('p', { class: 'panel-text', text: A.calibrationIntro }),
    el('ul', { class: 'family-list' }, entries.map(([family, chips]) => {
      const e = chips[0]!.efficiency;
      const fitted = chips.some((c) => c.efficiency.evidence.basis === 'measured');
      return el('li', { class: fitted ? 'fitted' : 'assumed', title: e.note }, [
        el('strong', { text: family }),
        el('span', { class: 'family-basis', text: fitted ? A.fitted(e.softwareStackFactor.toFixed(2)) : A.assumed(e.softwareStackFactor.toFixed(2)) }),
        el('span', { class: 'family-chips', text: chips.map((c) => c.name).sort().join(', ') }),
      ]);
    })),
  ]);
}

export const mountAccuracyView: MountView = (ctx) => {
  const C = MESSAGES.controls;
  const mode = segmented<EfficiencyMode>(A.mode, [
    { value: 'achieved', label: C.achieved },
    { value: 'spec', label: C.spec },
  ], (m) => ctx.dispatch({ type: 'set-efficiency-mode', mode: m }));
  const chart = new ChartHost('accuracy', 'Predicted against measured value of every calibration row, log-log, with the y = x line and a ±20% band');
  const status = el('p', { class: 'marks-legend', attrs: { 'aria-live': 'polite', 'data-accuracy': 'status' }, text: A.computing });
  const problems = el('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  const headline = el('div', { class: 'stats', attrs: { 'data-accuracy': 'headline' } });
  const summarySlot = el('section', { class: 'card', attrs: { 'data-table': 'accuracy-summary', 'data-results': '' } });
  const rowsSlot = el('section', { class: 'card', attrs: { 'data-table': 'accuracy-rows' } });
  const relativeSlot = el('section', { class: 'card', attrs: { 'data-table': 'accuracy-relative' } });
  const claimsSlot = el('section', { class: 'card', attrs: { 'data-table': 'accuracy-claims' } });
  const excludedSlot = el('section', { class: 'card', attrs: { 'data-table': 'accuracy-excluded' } });
  const slots = [headline, summarySlot, rowsSlot, relativeSlot, claimsSlot, excludedSlot];
  for (const s of slots) s.hidden = true;

  const read = el('section', { class: 'panel', attrs: { 'aria-label': A.readTitle } }, [
    el('h2', { text: A.readTitle }),
    el('ul', { class: 'plain-list panel-text' }, A.readItems.map((t) => el('li', { text: t }))),
  ]);

  const element = el('div', { class: 'view', attrs: { 'data-view': 'accuracy' } }, [
    el('aside', { class: 'sidebar' }, [read, calibrationPanel(ctx.catalog.hardware.values())]),
    el('div', { class: 'content' }, [
      el('div', {}, [el('h1', { class: 'view-title', text: A.title }), el('p', { class: 'view-intro', text: A.intro })]),
      el('div', { class: 'toolbar' }, [mode.element]),
      el('p', { class: 'marks-legend', text: A.modeHelp }),
      status,
      problems,
      headline,
      chart.element,
      summarySlot,
      rowsSlot,
      relativeSlot,
      claimsSlot,
      excludedSlot,
    ]),
  ]);

  let drawn: unknown[] = [];
  return {
    element,
    activate: () => chart.resize(),
    update(snapshot: Snapshot) {
      const { state } = snapshot;
      mode.sync(state.settings.efficiencyMode);
      const busy = snapshot.pending.has('accuracy');
      chart.setStale(busy);
      for (const s of slots) s.classList.toggle('stale', busy);
      const result = snapshot.results.get('accuracy');
      const report = (result?.value as ValidationReport | undefined) ?? null;
      status.textContent = report === null || busy ? A.computing : '';
      status.hidden = status.textContent === '';
      const layout = chartLayout();
      const inputs = [report, layout.compact];
      if (inputs.every((x, i) => x === drawn[i])) return;
      drawn = inputs;
      if (report === null) return;
      replaceChildren(problems, report.problems.map((p) => el('li', { text: p })));
      const s = report.summary;
      replaceChildren(headline, [
        stat(A.headline, s.heldOut, 0.1, null, 'rows'),
        ...(s.crossValidated === null ? [] : [stat(A.crossValidatedHeadline, s.crossValidated, 0.1, null, 'rows')]),
        ...(s.crossValidatedRelative === null ? [] : [stat(A.relativeHeadline, s.crossValidatedRelative, 0.08, null, 'ratios')]),
        ...(s.coverage === null ? [] : [coverageStat(s.coverage)]),
        el('p', { class: 'marks-legend stats-note', text: A.targets }),
      ]);
      chart.show(accuracyChart({ rows: report.rows, mode: report.efficiencyMode, layout }), MESSAGES.status.noFeasible);
      replaceChildren(summarySlot, [summaryTable(report)]);
      replaceChildren(rowsSlot, [rowsTable(report)]);
      replaceChildren(relativeSlot, [relativeTable(report.relative)]);
      const claims = claimsList(report);
      replaceChildren(claimsSlot, [claims, infeasibleBlock(report)]);
      replaceChildren(excludedSlot, [excludedBlock(report)]);
      for (const slot of slots) slot.hidden = false;
      claimsSlot.hidden = claims === null && infeasibleBlock(report) === null;
    },
  };
};
