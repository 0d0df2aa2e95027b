// The headline chart: tokens/s per dollar-per-hour against model size, per chip.

import { chipColorMap, chipNames, exportContext, problemsOf } from '../../app/selectors';
import type { Snapshot } from '../../app/controller';
import { findChip } from '../../app-state/lookup';
import { MARK_LEGEND, chipSeries, uniqueLabels } from '../../charts/chip-series';
import { modelSizeChart } from '../../charts/model-size-chart';
import type { ModelFamily, SizePoint } from '../../engine/analysis/model-size-sweep';
import { resultsJson, sweepCsv } from '../../export/csv';
import { isFree, sizeTable, type SizeTable } from '../../app/size-table';
import { formatPredicted } from '../../format/units';
import { paramsText } from '../../charts/chart-theme';
import { ChartHost } from '../chart-host';
import { mountChipPicker } from '../chip-picker';
import { segmented } from '../controls';
import { el, replaceChildren } from '../dom';
import { exportButtons } from '../export-buttons';
import { jumpButton } from '../jump';
import { MESSAGES } from '../../messages/ui';
import { chartLayout } from '../layout';
import { mountWorkloadPanel } from '../workload-panel';
import type { MountView } from './view';

const V = MESSAGES.views.modelSize;
const C = MESSAGES.controls;

/** `family`: a mixture-of-experts table also gives each model's active parameters (its share falls with size). */
function renderSizeTable(t: SizeTable, labels: readonly string[], pricing: 'rental' | 'tco', family: ModelFamily): HTMLElement {
  const moe = family === 'moe';
  return el('table', { class: 'results' }, [
    // In a span: the caption wraps within the visible box and stays in view when the table scrolls (styles.css).
    el('caption', {}, [el('span', { text: V.tableCaption(pricing === 'rental' ? C.rental : C.tco, pricing === 'rental') })]),
    el('thead', {}, [el('tr', {}, [el('th', { text: V.tableModel, attrs: { scope: 'col' } }), el('th', { text: V.tableSize, attrs: { scope: 'col' } }),
      moe ? el('th', { text: V.tableActive, attrs: { scope: 'col' } }) : null,
      ...labels.map((l) => el('th', { text: l, attrs: { scope: 'col' } }))])]),
    el('tbody', {}, t.rows.map((r) => el('tr', {}, [
      el('th', { text: r.model, attrs: { scope: 'row' } }),
      el('td', { text: paramsText(r.totalParams) }),
      moe ? el('td', { attrs: { 'data-active-params': '' }, text: paramsText(r.activeParams) }) : null,
      ...r.cells.map((c) => {
        // The chips each point deploys, under its number (the chart's subtitle points here for them).
        const chips = c.chips === null ? null : el('div', { class: 'sub', attrs: { 'data-size-chips': '' }, text: V.tableChips(c.chips) });
        if (c.unbounded) return el('td', {}, [MESSAGES.table.unbounded, chips]);
        if (c.value === null) return el('td', { title: c.reason ?? '' }, ['—', c.reason === null ? null : el('span', { class: 'sr-only', text: ` ${c.reason}` })]);
        // Predicted numbers: three significant figures at every size (16,300 beside 9,170, not 16,302).
        return el('td', { title: c.estimated ? V.estimatedRental : undefined }, [el('span', { attrs: { 'data-size-value': '' }, text: `${c.estimated ? '≈' : ''}${formatPredicted(c.value)}` }), chips]);
      }),
    ]))),
  ]);
}

export const mountModelSizeView: MountView = (ctx) => {
  const workload = mountWorkloadPanel(ctx, { modelUnused: V.modelUnused });
  const picker = mountChipPicker(ctx, { showCounts: false });
  let last: Snapshot | null = null;
  let points: SizePoint[] | null = null;
  // The chart is about the swept family of parametric models, not the workload's model: exports say so.
  const context = () => (last === null || points === null || last.pending.has('sweep') ? null : {
    ...exportContext(last.state, ctx.catalog, null),
    modelId: `parametric-${last.state.modelSize.family}`, modelName: V.familyName(last.state.modelSize.family),
  });
  const chart = new ChartHost('tokens-per-dollar-vs-model-size', 'Output tokens per second per dollar-per-hour against model size, one line per chip', context);
  const problems = el('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  // The chart's numbers as a table: tooltips need a mouse, a table does not.
  const tableSlot = el('div', { class: 'table-wrap' });
  const table = el('details', { class: 'card size-table', attrs: { 'data-size-table': '' } }, [el('summary', { text: V.tableSummary }), tableSlot]);
  const family = segmented<ModelFamily>(C.family, [{ value: 'dense', label: C.dense }, { value: 'moe', label: C.moe }], (f) => ctx.dispatch({ type: 'set-family', family: f }));
  const pricing = segmented(C.pricing, [{ value: 'rental', label: C.rental }, { value: 'tco', label: C.tco }], (p) => ctx.dispatch({ type: 'set-pricing', pricing: p }));
  const exporter = exportButtons({
    name: 'model-size',
    context,
    csv: (c) => (points === null || last === null ? null : sweepCsv(points, chipNames(last.state, ctx.catalog), c)),
    json: (c) => (points === null || last === null ? null : resultsJson('model-size-sweep', { settings: last.state.settings, family: last.state.modelSize.family, points }, c)),
  });
  chart.element.setAttribute('data-results', '');
  const aside = el('aside', { class: 'sidebar', attrs: { 'aria-label': MESSAGES.views.compare.controls } });
  const content = el('div', { class: 'content' }, [
    el('div', {}, [el('h1', { class: 'view-title', text: V.title }), el('p', { class: 'view-intro', text: V.intro }),
      jumpButton(MESSAGES.toControls, 'link-button narrow-only', 'jump-controls', () => aside)]),
    problems,
    el('div', { class: 'toolbar' }, [family.element, pricing.element, exporter]),
    chart.element,
    table,
    el('p', { class: 'marks-legend', text: `${V.note} ${MARK_LEGEND}` }),
  ]);
  aside.append(jumpButton(MESSAGES.toResults, 'link-button narrow-only', 'jump-results', () => chart.element), workload.element, picker.element);
  const element = el('div', { class: 'view', attrs: { 'data-view': 'model-size' } }, [aside, content]);
  let drawn: unknown[] = [];
  return {
    element,
    activate: () => chart.resize(),
    update(snapshot) {
      last = snapshot;
      const { state } = snapshot;
      workload.sync(state);
      picker.sync(state);
      family.sync(state.modelSize.family);
      pricing.sync(state.settings.economics.pricing);
      // The table shows the chart's numbers: while they are recomputed it is as stale as the chart.
      const busy = snapshot.pending.has('sweep');
      chart.setStale(busy);
      table.classList.toggle('stale', busy);
      table.setAttribute('aria-busy', String(busy));
      const result = snapshot.results.get('sweep');
      const layout = chartLayout();
      const inputs = [result, state.compare.picks, state.customChips, layout.compact];
      if (inputs.every((x, i) => x === drawn[i])) return;
      drawn = inputs;
      replaceChildren(problems, problemsOf(snapshot, 'sweep').map((p) => el('li', { text: p })));
      if (result === undefined) return;
      points = result.value as SizePoint[];
      const colors = chipColorMap(state, ctx.catalog);
      const chips = uniqueLabels(state.compare.picks.flatMap((p) => {
        const profile = findChip(state, ctx.catalog, p.id);
        return profile === undefined ? [] : [chipSeries(profile, colors)];
      }));
      // Points to draw: served, at a price (free points have no tokens per dollar to plot).
      const any = points.some((p) => p.feasible && !isFree(p));
      const free = points.some((p) => isFree(p));
      // Family and pricing of the drawn points (the state may already ask for the next sweep);
      // under rental, chips without a rental price are at an estimated rental (≈ in the table and tooltips).
      const drawnFamily = points[0]?.family ?? state.modelSize.family;
      const drawnPricing = points.some((p) => p.pricingUsed === 'rental') ? 'rental' : 'tco';
      const empty = chips.length === 0 ? MESSAGES.status.noChips : free ? V.free : V.noneFeasible;
      chart.show(any ? modelSizeChart({ chips, points, family: drawnFamily, pricing: drawnPricing, layout }) : null, empty);
      replaceChildren(tableSlot, [renderSizeTable(sizeTable(points, chips.map((c) => c.id)), chips.map((c) => c.label), drawnPricing, drawnFamily)]);
    },
  };
};
