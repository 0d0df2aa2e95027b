// Accuracy: how far to trust the numbers. The validation report (computed in a worker from the
// bundled calibration data) as a summary, a predicted-vs-measured chart, the full row table with
// assumptions on demand, MLPerf chip-to-chip ratios, what vendor claims imply, and the rows that
// cannot be modelled yet with their reasons. Text only (textContent), never HTML.

import type { Snapshot } from '../../app/controller';
import {
  MEDIAN_TARGET, calibrationFamilies, claimModels, excludedGroups, infeasibleLines, pct, relativeRows, rowSections, summaryRows,
  type CellModel, type RowModel,
} from '../../app/accuracy-tables';
import { accuracyChart } from '../../charts/accuracy-chart';
import type { EfficiencyMode, HardwareProfile } from '../../engine/types';
import type { ErrorSummary } from '../../validation/stats';
import type { CoverageCheck } from '../../validation/uncertainty-fit';
import type { ValidationReport } from '../../validation/validate';
import { ACCURACY_MESSAGES as A } from '../../messages/accuracy';
import { ChartHost } from '../chart-host';
import { EFFICIENCY_CAPTION, MARKS_CAPTION, isoDate, type ExportLabel } from '../../export/context';
import { segmented } from '../controls';
import { el, replaceChildren } from '../dom';
import { labelCells, stackedTable as table, td } from '../stacked-table';
import { chartLayout } from '../layout';
import { MESSAGES } from '../../messages/ui';
import type { MountView } from './view';
import '../accuracy.css';

function cell(c: CellModel): HTMLElement {
  return td(c.text, c.class, c.title);
}

function markSpan(mark: string | null): HTMLElement | null {
  return mark === null ? null : el('span', { class: 'mark', text: ` ${mark}`, title: A.assumedMark });
}

function rowLine(r: RowModel): HTMLElement {
  return el('tr', { attrs: { 'data-row': r.index } }, [
    td(`#${r.index}`),
    cell(r.use),
    el('td', { class: 'label-cell' }, [el('div', { text: r.label }), el('div', { class: 'sub', text: r.source })]),
    el('td', { class: 'label-cell' }, [
      el('div', {}, [r.modelledAs, markSpan(r.mark)]),
      r.detail === null ? null : el('div', { class: 'sub', text: r.detail.text, title: r.detail.title }),
    ]),
    td(r.metric.text, 'metric-cell', r.metric.title),
    td(r.predicted, 'n'),
    td(r.measured, 'n'),
    // The full fit's error, and under it the error with the row's submission left out and its range's verdict.
    el('td', { class: 'n' }, [
      el('div', { class: r.error.class, text: r.error.text, title: r.error.title }),
      el('div', { class: 'sub', attrs: { 'data-cross-validated': '' }, title: r.crossValidated.title, text: A.leftOut(r.crossValidated.text, r.inRange) }),
    ]),
    assumptionsCell(r.assumptions, r.label),
  ]);
}

/**
 * A row's assumptions behind a disclosure button, the list built on first opening. Not <details>:
 * 435 of them (a shadow tree each) and their lists made drawing the view take 0.7 s longer.
 */
function assumptionsCell(assumptions: RowModel['assumptions'], rowLabel: string): HTMLElement {
  const cell = el('td', { class: 'assumptions' });
  let list: HTMLElement | null = null;
  const button = el('button', {
    class: 'disclosure', text: A.showAssumptions(assumptions.length),
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-label': A.assumptionsOf(assumptions.length, rowLabel) },
    on: {
      click: () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? A.hideAssumptions : A.showAssumptions(assumptions.length);
        list ??= cell.appendChild(el('ul', {}, assumptions.map(([k, v]) => el('li', {}, [k === '' ? null : el('strong', { text: k }), v]))));
        list.hidden = !open;
      },
    },
  });
  cell.append(button);
  return cell;
}

/**
 * Rows shown per table section before "Show the other N rows": all 435 rows and 181 ratios made the
 * view ~55,000 px tall. The rest are built when asked for.
 */
const FIRST_ROWS = 25;

/** A tbody of `head` and the first FIRST_ROWS of `items`, the others behind a button. */
function firstRowsBody<T>(head: HTMLElement[], items: readonly T[], line: (item: T) => HTMLElement, columns: readonly string[]): HTMLElement {
  const rest = items.slice(FIRST_ROWS);
  if (rest.length === 0) return el('tbody', {}, [...head, ...items.map(line)]);
  const more: HTMLElement = el('tr', { class: 'more-rows' }, [el('td', { attrs: { colspan: columns.length } }, [
    el('button', {
      class: 'disclosure', text: A.showMoreRows(rest.length), attrs: { type: 'button', 'data-show-rows': '' },
      on: {
        click: () => {
          const lines = rest.map(line);
          const tbody = more.parentElement!;
          more.replaceWith(...lines);
          // Revealed cells need their column names too: a narrow screen shows each before its value.
          labelCells(columns, [tbody]);
          // Keyboard focus goes on to the first row it revealed, not back to the top of the page.
          lines[0]!.tabIndex = -1;
          lines[0]!.focus();
        },
      },
    }),
  ])]);
  return el('tbody', {}, [...head, ...items.slice(0, FIRST_ROWS).map(line), more]);
}

function rowsTable(report: ValidationReport): HTMLElement {
  const bodies = rowSections(report).map((s) => firstRowsBody(
    [el('tr', { class: 'section' }, [el('th', { text: s.title, attrs: { colspan: A.rowColumns.length, scope: 'colgroup' } })])],
    s.rows, rowLine, A.rowColumns,
  ));
  return table(A.rowsCaption, A.rowColumns, bodies, 'accuracy-rows');
}

function summaryTable(report: ValidationReport): HTMLElement {
  const rows = summaryRows(report).map((r) => el('tr', {}, [td(r.name), ...r.cells.map(cell)]));
  return table(A.summaryCaption, A.summaryColumns, [el('tbody', {}, rows)], 'accuracy-summary');
}

/**
 * A headline figure with its verdict; `medianTarget` null: the issue sets no target for it, so no
 * verdict; 'other-mode': the targets are achieved mode's (spec and claim modes are not judged by them).
 */
function stat(title: string, s: ErrorSummary, medianTarget: number | null | 'other-mode', unit: string, help?: string): HTMLElement {
  const ok = typeof medianTarget === 'number' && s.medianAbs <= medianTarget;
  const badge = medianTarget === null ? el('div', { class: 'badge', text: A.noTarget })
    : medianTarget === 'other-mode' ? el('div', { class: 'badge', text: A.targetsAchievedOnly })
      : el('div', { class: `badge ${ok ? 'ok' : 'bad'}`, text: ok ? A.met : A.missed });
  return el('div', { class: 'stat', attrs: help === undefined ? {} : { title: help } }, [
    el('div', { class: 'stat-title', text: title }),
    el('div', { class: 'stat-value' }, [el('strong', { text: pct(s.medianAbs, false) }), ` ${A.median}`]),
    el('div', { class: 'stat-sub', text: `${A.worst} ${pct(s.worstAbs, false)} · ${s.count} ${unit}` }),
    badge,
  ]);
}

function coverageStat(c: CoverageCheck): HTMLElement {
  return el('div', { class: 'stat', attrs: { 'data-accuracy': 'coverage' } }, [
    el('div', { class: 'stat-title', text: A.coverageHeadline }),
    el('div', { class: 'stat-value' }, [el('strong', { text: A.coverageValue(pct(c.actual, false), pct(c.nominal, false)) })]),
    el('div', { class: 'stat-sub', text: A.coverageSub(c.count, pct(c.interval90.low, false), pct(c.interval90.high, false)) }),
    el('div', { class: 'stat-sub', attrs: { 'data-accuracy': 'coverage-split' }, text: A.coverageSplit(
      pct(c.byArchitecture.dense.actual, false), c.byArchitecture.dense.count, pct(c.byArchitecture.moe.actual, false), c.byArchitecture.moe.count,
      pct(c.heldOut.actual, false), c.heldOut.count) }),
    el('div', { class: 'stat-sub', attrs: { 'data-accuracy': 'coverage-latency' }, text: A.coverageLatencySplit(
      pct(c.byBatchLimit.latencyLimited.actual, false), c.byBatchLimit.latencyLimited.count, pct(c.byBatchLimit.other.actual, false), c.byBatchLimit.other.count) }),
    el('div', { class: `badge ${c.met ? 'ok' : 'bad'}`, text: c.met ? A.met : A.missed }),
  ]);
}

/** The ratios the headline quotes: cross-validated where the report has them (achieved mode). */
function relativeTable(report: ValidationReport): HTMLElement {
  const cv = report.relativeCrossValidated;
  const body = firstRowsBody([], relativeRows(cv ?? report.relative), (r) => el('tr', {}, r.map(cell)), A.relativeColumns);
  return table(cv === null ? A.relativeCaption : A.relativeCaptionCrossValidated, A.relativeColumns, [body], 'accuracy-relative');
}

function claimsList(report: ValidationReport): HTMLElement | null {
  const claims = claimModels(report);
  if (claims.length === 0) return null;
  return el('div', { attrs: { 'data-table': 'accuracy-claims-list' } }, [
    el('h2', { class: 'card-title', text: A.claimsTitle }),
    el('p', { class: 'card-intro', text: A.claimsIntro }),
    el('ul', { class: 'claims' }, claims.map((c) => el('li', { class: 'claim', attrs: { 'data-row': c.index } }, [
      el('div', { class: 'claim-head' }, [el('strong', { text: c.head }), ' · ', c.chip, markSpan(c.mark)]),
      el('div', { class: 'claim-numbers' }, [c.numbers, ' → ', el('strong', { class: c.beyondCeiling ? 'err-bad-text' : undefined, text: c.verdict })]),
      el('ul', { class: 'implies-text' }, c.implies.map((x) => el('li', { text: x }))),
    ]))),
  ]);
}

/** Excluded rows grouped by reason, collapsed by default. */
function excludedBlock(report: ValidationReport): HTMLElement {
  const body = excludedGroups(report).map((g) => el('tr', {}, [
    td(g.reason, 'reason-cell'),
    td(g.kinds),
    el('td', { class: 'label-cell' }, [el('ul', { class: 'plain-list' }, g.rows.map((x) => el('li', { text: x })))]),
  ]));
  return el('details', { attrs: { 'data-accuracy': 'excluded' } }, [
    el('summary', { text: A.excluded(report.excluded.length) }),
    table(null, A.excludedColumns, [el('tbody', {}, body)], 'accuracy-excluded'),
  ]);
}

function infeasibleBlock(report: ValidationReport): HTMLElement | null {
  const lines = infeasibleLines(report);
  if (lines.length === 0) return null;
  return el('div', {}, [
    el('h2', { class: 'card-title', text: A.infeasibleTitle }),
    el('ul', { class: 'plain-list' }, lines.map((x) => el('li', { text: x }))),
  ]);
}

function calibrationPanel(hardware: Iterable<HardwareProfile>): HTMLElement {
  return el('section', { class: 'panel', attrs: { 'aria-label': A.calibrationTitle, 'data-accuracy': 'calibration' } }, [
    el('h2', { text: A.calibrationTitle }),
    el('p', { class: 'panel-text', text: A.calibrationIntro }),
    el('ul', { class: 'family-list' }, calibrationFamilies(hardware).map((f) => el('li', { class: f.fitted ? 'fitted' : 'assumed', title: f.note }, [
      el('strong', { text: f.family }),
      el('span', { class: 'family-basis', text: f.basis }),
      el('span', { class: 'family-chips', text: f.chips }),
    ]))),
  ]);
}

export const mountAccuracyView: MountView = (ctx) => {
  const C = MESSAGES.controls;
  const mode = segmented<EfficiencyMode>(A.mode, [
    { value: 'achieved', label: C.achieved },
    { value: 'spec', label: C.spec },
    { value: 'claim', label: C.claim },
  ], (m) => ctx.dispatch({ type: 'set-efficiency-mode', mode: m }));
  let shownMode: EfficiencyMode | null = null;
  const label = (): ExportLabel | null => (shownMode === null ? null : {
    stem: [shownMode], date: isoDate(new Date()),
    caption: [A.exportCaption, `efficiency: ${EFFICIENCY_CAPTION[shownMode]}`, MARKS_CAPTION],
  });
  const chart = new ChartHost('accuracy', 'Predicted against measured value of every calibration row, log-log, with the y = x line and a ±20% band', label);
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
      const rowTarget = report.efficiencyMode === 'achieved' ? MEDIAN_TARGET.rows : 'other-mode';
      replaceChildren(headline, [
        stat(report.efficiencyMode === 'achieved' ? A.headline : A.headlineOtherMode, s.heldOut, rowTarget, 'rows'),
        // The harder test beside it: held-out rows whose system and round no fit row repeats. No
        // target is set on this subset (the Targets line names none), so none is judged. Only achieved
        // mode fits anything for a row to repeat.
        ...(report.efficiencyMode === 'achieved' ? [stat(A.noTwinHeadline, s.heldOutWithoutFitTwin, null, 'rows', A.noTwinNote)] : []),
        ...(s.crossValidated === null ? [] : [stat(A.crossValidatedHeadline, s.crossValidated, null, 'rows')]),
        ...(s.crossValidatedRelative === null ? [] : [stat(A.relativeHeadline, s.crossValidatedRelative, MEDIAN_TARGET.ratios, 'ratios')]),
        ...(s.coverage === null ? [] : [coverageStat(s.coverage)]),
        // Spec and claim modes have no fitted factor: nothing to leave out, so no cross-validation and no ranges.
        ...(report.efficiencyMode === 'spec' ? [el('p', { class: 'marks-legend stats-note', text: A.specHasNoFit })] : []),
        ...(report.efficiencyMode === 'claim' ? [el('p', { class: 'marks-legend stats-note', text: A.claimHasNoFit })] : []),
        el('p', { class: 'marks-legend stats-note', text: A.targets }),
      ]);
      shownMode = report.efficiencyMode;
      chart.show(accuracyChart({ rows: report.rows, mode: report.efficiencyMode, layout }), MESSAGES.status.noFeasible());
      replaceChildren(summarySlot, [summaryTable(report)]);
      replaceChildren(rowsSlot, [rowsTable(report)]);
      replaceChildren(relativeSlot, [relativeTable(report)]);
      const claims = claimsList(report);
      replaceChildren(claimsSlot, [claims, infeasibleBlock(report)]);
      replaceChildren(excludedSlot, [excludedBlock(report)]);
      for (const slot of slots) slot.hidden = false;
      claimsSlot.hidden = claims === null && infeasibleBlock(report) === null;
    },
  };
};
