// Chip lab: edit a chip's parameters and watch results, roofline, costs, sensitivity and the
// break-even price follow, with the original chip as a ghost.

import type { BreakEvenResult } from '../../engine/analysis/break-even';
import type { ResourceLimit } from '../../engine/analysis/resource-limit';
import type { SensitivityResult } from '../../engine/analysis/sensitivity';
import { labPricedState, labPricingHeld } from '../../app-state/lab-pricing';
import { labParamNote } from '../../app-state/pricing-notes';
import { labRequest } from '../../app-state/requests';
import { LAB_PARAMS } from '../../app-state/lab-params';
import { allChips } from '../../app-state/lookup';
import { labRateClass } from '../../app-state/update';
import { chipNames, exportContext, labLimits, labResults, labSeries, problemsOf } from '../../app/selectors';
import { saveLabChip } from '../lab-save';
import type { Snapshot } from '../../app/controller';
import { MARK_LEGEND } from '../../charts/chip-series';
import { costBreakdownChart, costPartRows, costPartTitle } from '../../charts/cost-breakdown-chart';
import { frontierChart } from '../../charts/frontier-chart';
import { operatorRows, rooflineChart } from '../../charts/roofline-chart';
import { sensitivityChart, sensitivityRows } from '../../charts/sensitivity-chart';
import { compareCsv, resultsJson } from '../../export/csv';
import { withReportedResult } from '../../export/reported-result';
import { mountBreakEvenPanel } from '../break-even-panel';
import { ChartHost } from '../chart-host';
import { mountChartTable } from '../chart-table';
import { formatNumber, formatSeconds, formatSi, formatUsdCents, formatUsdSignificant } from '../../format/units';
import { formatPercent } from '../format';
import { el, replaceChildren, showFieldMessage, showTree, syncValue, uid } from '../dom';
import { exportButtons } from '../export-buttons';
import { jumpButton } from '../jump';
import { labParamControl } from '../lab-param-control';
import { mountLabUndo } from '../lab-undo';
import { MESSAGES, chipsText } from '../../messages/ui';
import { RESULTS_TABLE_KEYS, renderResultsTable } from '../results-table';
import { chartLayout } from '../layout';
import { mountWorkloadPanel } from '../workload-panel';
import type { MountView } from './view';
import { mountDesignPanel } from './chip-lab-design';

const V = MESSAGES.views.chipLab;
const C = MESSAGES.controls;
const COUNTS = ['auto', '1', '2', '4', '8', '16', '32', '64', '72', '128', '256'];

export const mountChipLabView: MountView = (ctx) => {
  const { dispatch } = ctx;
  const workload = mountWorkloadPanel(ctx);
  const breakEven = mountBreakEvenPanel(ctx);
  let current: Snapshot | null = null;
  const undo = mountLabUndo(ctx);
  const design = mountDesignPanel(ctx, (action, near) => undo.replace(action, near));
  const context = () => (current === null || current.pending.has('lab') ? null : exportContext(labPricedState(current.state), ctx.catalog, null, new Date(), MESSAGES.lab.exportSubject(current.state.lab.chip.name)));
  const frontier = new ChartHost('lab-frontier', 'Pareto frontier of the edited chip and the original', context, 'canvas');
  const roofline = new ChartHost('lab-roofline', 'Roofline of the edited chip with the operators of the workload', context, 'canvas');
  const costs = new ChartHost('lab-cost-breakdown', 'Cost per million tokens split into capex, power and hosting', context, 'canvas');
  const sensitivity = new ChartHost('lab-sensitivity', 'Sensitivity of cost per million tokens to each chip parameter', context, 'canvas');
  // Canvas charts have no text inside: each has its numbers as a table.
  const rooflineTable = mountChartTable(MESSAGES.lab.chartTable, 'lab-roofline');
  const costTable = mountChartTable(MESSAGES.lab.chartTable, 'lab-cost-breakdown');
  const sensitivityTable = mountChartTable(MESSAGES.lab.chartTable, 'lab-sensitivity');
  const tableSlot = el('section', { class: 'card', attrs: { 'data-table': 'lab', 'data-results': '' } });
  const problems = el('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  const status = el('p', { class: 'marks-legend', attrs: { 'aria-live': 'polite', 'data-lab-saved': '' } });

  const startLab = (baseId: string | null, near: HTMLElement) => undo.replace({ type: 'lab-start', baseId }, near);
  const startId = uid('start');
  const start = el('select', { id: startId, attrs: { 'data-control': 'lab-start' }, on: { change: () => startLab(start.value === '' ? null : start.value, startField) } });
  let startKey = '';
  const nameId = uid('name');
  const nameError = el('div', { class: 'error', id: `${nameId}-error`, attrs: { 'aria-live': 'polite', 'data-field-error': 'lab-name' } });
  // An emptied name is refused beside the field (the chip keeps its name), the typed text kept
  // until the user fixes it or the chip changes from elsewhere (Reset, another start chip).
  let nameRefusedFor: string | null = null;
  const setNameRefusal = (inUse: string | null) => {
    nameRefusedFor = inUse;
    showFieldMessage(name, nameError, inUse === null ? '' : C.nameNeeded(inUse));
  };
  const name = el('input', {
    id: nameId, attrs: { type: 'text', maxlength: 80, 'data-control': 'lab-name', 'aria-describedby': `${nameId}-error` },
    on: {
      change: () => {
        if (current === null) return;
        if (name.value.trim() === '') {
          setNameRefusal(current.state.lab.chip.name);
          return;
        }
        setNameRefusal(null);
        dispatch({ type: 'lab-set-name', name: name.value });
      },
    },
  });
  const countId = uid('count');
  const count = el('select', {
    id: countId, attrs: { 'data-control': 'lab-chips' },
    on: { change: () => dispatch({ type: 'lab-set-chips', chips: count.value === 'auto' ? 'auto' : Number(count.value) }) },
  }, COUNTS.map((c) => el('option', { text: c === 'auto' ? C.auto : chipsText(Number(c)), attrs: { value: c } })));
  const sramId = uid('sram');
  const sram = el('input', { id: sramId, attrs: { type: 'checkbox', 'data-control': 'lab-sram' }, on: { change: () => dispatch({ type: 'lab-set-sram-weights', on: sram.checked }) } });
  const save = el('button', { class: 'primary', text: C.addToComparison, attrs: { type: 'button', 'data-control': 'lab-save' } });
  const reset = el('button', { class: 'secondary', text: C.reset, attrs: { type: 'button', 'data-control': 'lab-reset' } });
  save.addEventListener('click', () => {
    status.textContent = saveLabChip(ctx, element);
  });
  reset.addEventListener('click', () => {
    if (current === null) return;
    for (const p of params) p.control.dropRefusal();
    setNameRefusal(null);
    name.value = current.state.lab.chip.name;
    startLab(current.state.lab.baseId, toolbar);
  });
  const startField = el('div', { class: 'field-wide' }, [el('label', { text: C.startFrom, attrs: { for: startId } }), start]);
  const toolbar = el('div', { class: 'toolbar' }, [save, reset]);
  const params = LAB_PARAMS.map((def) => ({ def, control: labParamControl(def, (value) => dispatch({ type: 'lab-set', param: def.id, value })) }));

  const chipPanel = el('section', { class: 'panel', attrs: { 'aria-label': V.chipPanel } }, [
    el('h2', { text: V.chipPanel }),
    // Narrow screens keep the controls first here (drag, then look): a way down to the results.
    jumpButton(MESSAGES.toResultsBelow, 'link-button narrow-only', 'jump-results', () => tableSlot),
    startField,
    undo.element,
    el('div', { class: 'field-wide' }, [el('label', { text: C.chipName, attrs: { for: nameId } }), name, nameError]),
    el('div', { class: 'field' }, [el('label', { text: C.chipCount, attrs: { for: countId } }), count]),
    el('div', { class: 'field' }, [el('label', { text: C.sramHoldsWeights, attrs: { for: sramId } }), sram]),
    el('div', { class: 'lab-params' }, params.map((p) => p.control.element)),
    toolbar,
    status,
  ]);

  let lab: ReturnType<typeof labResults> = null;
  /** The lab chip's limiting resource in the table (null until the sensitivity runs are in). */
  let shownLimits: Map<string, ResourceLimit> | null = null;
  const exporter = exportButtons({
    name: 'chip-lab',
    context: () => (lab === null ? null : context()),
    csv: (c) => {
      if (current === null || lab === null) return null;
      const rows = [lab.main, lab.ghost].flatMap((o) => (o === null ? [] : [{ rank: null, distinguishable: null, result: o.result }]));
      return compareCsv(rows, chipNames(current.state, ctx.catalog), c, shownLimits);
    },
    json: (c) => (current === null || lab === null ? null : resultsJson('chip-lab', { chip: current.state.lab.chip, settings: current.state.settings,
      main: lab.main === null ? null : withReportedResult(lab.main), ghost: lab.ghost === null ? null : withReportedResult(lab.ghost) }, c)),
  });

  const intro = el('p', { class: 'view-intro', text: V.intro });
  const element = el('div', { class: 'view controls-first', attrs: { 'data-view': 'chip-lab' } }, [
    el('aside', { class: 'sidebar' }, [design.controls, chipPanel, workload.element]),
    el('div', { class: 'content' }, [
      el('div', {}, [el('h1', { class: 'view-title', text: V.title }), intro]),
      problems,
      design.results,
      el('div', { class: 'toolbar' }, [exporter]),
      tableSlot,
      el('div', { class: 'grid-2' }, [frontier.element, el('div', {}, [roofline.element, rooflineTable.element])]),
      el('div', { class: 'grid-2' }, [el('div', {}, [costs.element, costTable.element]), el('div', {}, [sensitivity.element, sensitivityTable.element])]),
      breakEven.element,
      el('p', { class: 'marks-legend', text: MARK_LEGEND }),
    ]),
  ]);

  let drawn: unknown[] = [];
  let restoresSeen = 0;
  let drawnTable: unknown[] = [];
  let drawnSensitivity: unknown[] = [];
  return {
    element,
    activate() {
      for (const c of [frontier, roofline, costs, sensitivity, design]) c.resize();
    },
    update(snapshot) {
      current = snapshot;
      const { state } = snapshot;
      // Back/Forward or an opened link replaced the state: text a field refused belongs to the state left behind.
      if (snapshot.restores !== restoresSeen) {
        restoresSeen = snapshot.restores;
        for (const p of params) p.control.dropRefusal();
      }
      undo.sync(state);
      // Design mode prices the lab by TCO without touching the Pricing setting (lab-pricing.ts).
      const priced = labPricedState(state);
      workload.sync(priced, labPricingHeld(state) ? MESSAGES.pricingNotes.designHoldsTco(state.settings.economics.pricing) : null);
      design.sync(snapshot);
      // Design mode: the chip is derived from the design, so the hand-edit panel steps aside.
      chipPanel.hidden = state.design !== null;
      // Design mode has sliders and choices only: its chip is derived, not typed.
      intro.textContent = state.design === null ? V.intro : V.introDesign;
      const chips = allChips(state, ctx.catalog);
      const k = chips.map((c) => c.id).join(',');
      if (k !== startKey) {
        startKey = k;
        start.replaceChildren(el('option', { text: C.blank, attrs: { value: '' } }), ...chips.map((c) => el('option', { text: c.name, attrs: { value: c.id } })));
      }
      syncValue(start, state.lab.baseId ?? '');
      if (nameRefusedFor !== null && nameRefusedFor !== state.lab.chip.name) setNameRefusal(null);
      if (nameRefusedFor === null) syncValue(name, state.lab.chip.name);
      syncValue(count, String(state.lab.chips));
      sram.checked = state.lab.chip.memory.sramHoldsWeights;
      const request = labRequest(state, ctx.catalog);
      const rateClass = labRateClass(state);
      for (const p of params) {
        p.control.sync(state.lab.chip, request.original, rateClass, labParamNote(p.def.id, priced));
        // SRAM only matters when weights may live there (GPU caches do not hold weights).
        if (p.def.id === 'sramBandwidth' || p.def.id === 'sramCapacity') p.control.element.hidden = !state.lab.chip.memory.sramHoldsWeights;
      }

      const labResult = snapshot.results.get('lab');
      const ghostResult = snapshot.results.get('lab-ghost');
      const sens = snapshot.results.get('sensitivity');
      const be = snapshot.results.get('break-even');
      breakEven.sync(priced, (be?.value as BreakEvenResult | null | undefined) ?? null);
      breakEven.element.classList.toggle('stale', snapshot.pending.has('break-even'));
      sensitivity.setStale(snapshot.pending.has('sensitivity'));
      const layout = chartLayout();
      // Two groups, each redrawn only when its own inputs change: the sensitivity result arrives
      // after the lab's and must not stream the same data into the other charts again.
      const sensitivityInputs = [sens, layout.compact];
      if (!sensitivityInputs.every((x, i) => x === drawnSensitivity[i])) {
        drawnSensitivity = sensitivityInputs;
        const s = (sens?.value as SensitivityResult | null | undefined) ?? null;
        const empty = sens === undefined ? MESSAGES.lab.computing : MESSAGES.lab.sensitivityEmpty;
        sensitivity.show(s === null || !s.feasible || s.rows.length === 0 ? null : sensitivityChart(s, layout), empty);
        const T = MESSAGES.lab.sensitivityTable;
        sensitivityTable.show(T.caption(Math.round((s?.delta ?? 0) * 100)), T.columns, s === null || !s.feasible ? []
          : sensitivityRows(s).map((r) => [r.parameter, r.direction, formatUsdSignificant(r.usdPerMillion), `${r.change > 0 ? '+' : r.change < 0 ? '−' : ''}${formatPercent(Math.abs(r.change))}`]));
      }
      // The table's "most sensitive to" comes from the sensitivity runs, which trail the lab's result.
      const limits = labLimits(snapshot);
      const tableInputs = [labResult, ghostResult, limits === null ? null : sens, state.customChips];
      const tableChanged = !tableInputs.every((x, i) => x === drawnTable[i]);
      drawnTable = tableInputs;
      const inputs = [labResult, ghostResult, state.compare.frontierMetric, state.customChips, layout.compact];
      const chartsChanged = !inputs.every((x, i) => x === drawn[i]);
      drawn = inputs;
      if (!tableChanged && !chartsChanged) return;
      replaceChildren(problems, problemsOf(snapshot, 'lab').map((p) => el('li', { text: p })));
      lab = labResults(snapshot);
      shownLimits = limits;
      if (lab === null || lab.main === null) return;
      const series = labSeries(state, ctx.catalog, request.original);
      const rows = [{ rank: null, distinguishable: null, chip: series.chip, result: lab.main.result }];
      if (lab.ghost !== null) rows.push({ rank: null, distinguishable: null, chip: series.ghost, result: lab.ghost.result });
      if (tableChanged) {
        showTree(tableSlot, renderResultsTable(rows, {
          caption: `${state.lab.chip.name} vs ${request.original.name}`,
          rankBy: null,
          limits: limits ?? undefined,
          onExplain: (hardwareId, key) => dispatch({ type: 'open-explain', hardwareId, key }),
        }), RESULTS_TABLE_KEYS);
      }
      if (!chartsChanged) return;
      const feasible = rows.filter((r) => r.result.feasible);
      const noFeasible = MESSAGES.status.noFeasible(rows.map((r) => r.result.reason));
      const traced = rows.filter((r) => r.result.frontier.length > 0);
      frontier.show(traced.length === 0 ? null : frontierChart({
        series: traced, metric: state.compare.frontierMetric, maxTpotSeconds: state.settings.slo.maxTpotSeconds,
        title: layout.compact ? V.frontierTitleShort : V.frontierTitle, layout,
      }), noFeasible);
      roofline.show(lab.main.result.operators.length === 0 ? null : rooflineChart({
        chip: series.chip, roofs: lab.main.roofs, operators: lab.main.result.operators,
        ghost: lab.ghost === null ? null : { chip: series.ghost, roofs: lab.ghost.roofs }, layout,
      }), MESSAGES.lab.rooflineEmpty);
      costs.show(feasible.length === 0 ? null : costBreakdownChart({ series: feasible, layout }), noFeasible);
      const R = MESSAGES.lab.rooflineTable;
      rooflineTable.show(R.caption(series.chip.label), R.columns, operatorRows(lab.main.result.operators).map((o) => [
        `${o.operator} (${o.phase})`, formatNumber(o.count), o.bound, formatNumber(o.intensity), formatSi(o.flopsPerSecond, 'FLOP/s'), formatSeconds(o.microseconds / 1e6),
      ]));
      costTable.show(MESSAGES.lab.costTable.caption, MESSAGES.lab.costTable.columns, costPartRows({ series: feasible }).map((r) => [
        r.bar, costPartTitle(r.part), formatUsdSignificant(r.usdPerMillion), formatUsdCents(r.usdPerHour),
      ]));
    },
  };
};
