// Landing view: one workload on many chips, ranked table, Pareto frontier and cost bars.

import { chipNames, exportContext, problemsOf, rankedCompare, seriesFor } from '../../app/selectors';
import type { Snapshot } from '../../app/controller';
import { MARK_LEGEND } from '../../charts/chip-series';
import { costBarsCompiled } from '../../charts/cost-bars-compiled';
import { frontierChart, measuredNote, type FrontierMeasured, type FrontierMetric } from '../../charts/frontier-chart';
import { measuredKey, measuredQuery } from '../../app/accuracy-channels';
import type { MeasuredOverlay } from '../../validation/measured-points';
import type { RankedResult } from '../../engine/analysis/compare';
import { RANKED_BY, compareCsv, resultsJson } from '../../export/csv';
import { withReportedResult } from '../../export/reported-result';
import { ChartHost } from '../chart-host';
import { mountChipPicker } from '../chip-picker';
import { segmented } from '../controls';
import { el, replaceChildren, showTree } from '../dom';
import { exportButtons } from '../export-buttons';
import { jumpButton } from '../jump';
import { MESSAGES } from '../../messages/ui';
import { chartLayout } from '../layout';
import { RESULTS_TABLE_KEYS, renderResultsTable } from '../results-table';
import { mountWorkloadPanel } from '../workload-panel';
import type { MountView } from './view';
import type { ResourceLimit } from '../../engine/analysis/limiting-resource';
import { marketCheckView, type MarketCheckRow, type MarketCheckView } from '../../app/market-check-view';
import { formatUsd } from '../../format/units';
import { MARKET_CHECK as MC } from '../../messages/market-check';
import { labelCells } from '../stacked-table';

const V = MESSAGES.views.compare;

function renderMarketCheck(slot: HTMLElement, view: MarketCheckView | null, state: Snapshot['state'], modelName: (id: string) => string): void {
  const w = state.settings.workload;
  const head = [el('h2', { text: MC.title }), el('p', { class: 'panel-text', text: MC.intro(w.inputTokens, w.outputTokens) })];
  if (view === null) {
    replaceChildren(slot, [...head, el('p', { class: 'marks-legend', text: MC.computing })]);
    return;
  }
  if (state.compare.picks.length === 0 || view.unpriced || view.tooLong || view.rows.length === 0) {
    const text = state.compare.picks.length === 0 ? MESSAGES.status.noChips : view.unpriced ? MC.unpriced(modelName(view.modelId))
      : view.tooLong ? MC.tooLong(modelName(view.modelId), w.inputTokens + w.outputTokens) : MC.noServingChip;
    replaceChildren(slot, [...head, el('p', { text })]);
    return;
  }
  const priceCell = (r: MarketCheckRow) => {
    const p = r.check.price;
    return `${p.provider} ${p.apiModel} (${p.date}${p.match === 'sibling' ? MC.sibling(p.pricedModelId) : ''}): ${p.priceText} = ${formatUsd(p.usdPerRequest)}`;
  };
  const rows = view.rows.map((r) => el('tr', {}, [
    el('td', { text: r.chip }),
    el('td', { class: 'label-cell', text: priceCell(r) }),
    el('td', { class: 'n', text: r.check.modelledUsdPerRequest === null ? '—' : `${r.estimatedRental ? '≈' : ''}${formatUsd(r.check.modelledUsdPerRequest)}` }),
    el('td', { class: 'n', text: r.check.ratio === null ? '—' : MC.ratio(r.check.ratio) }),
  ]));
  const body = el('tbody', {}, rows);
  // Narrow screens stack each row as "column: value" lines (styles.css): the price column wrapped
  // a word a line at 420 px (a 3,000 px table).
  labelCells(MC.columns, [body]);
  const mustHold = view.rows.filter((r) => r.check.mustHold.length > 0).map((r) => el('div', { attrs: { 'data-must-hold': r.hardwareId } }, [
    el('h3', { text: MC.mustHoldTitle(r.chip) }),
    el('ul', {}, r.check.mustHold.map((m) => el('li', { text: m }))),
  ]));
  replaceChildren(slot, [...head, el('div', { class: 'table-scroll' }, [el('table', { class: 'data stack-narrow' }, [
    el('thead', {}, [el('tr', {}, MC.columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })))]),
    body,
  ])]), ...mustHold]);
}

/** What each chip's $/M depends on most: only once computed for what the table shows (the limits channel trails the comparison). */
function shownLimits(snapshot: Snapshot): Map<string, ResourceLimit> | null {
  const limits = snapshot.results.get('limits');
  return limits !== undefined && !snapshot.pending.has('limits') ? limits.value as Map<string, ResourceLimit> : null;
}

export const mountCompareView: MountView = (ctx) => {
  const workload = mountWorkloadPanel(ctx);
  const picker = mountChipPicker(ctx, { showCounts: true });
  let last: Snapshot | null = null;
  let ranked: RankedResult[] | null = null;
  // The workload of what is shown; none while a newer result is being computed (its export would mislabel it).
  const context = () => (last === null || ranked === null || last.pending.has('compare') ? null
    : exportContext(last.state, ctx.catalog, RANKED_BY[last.state.compare.rankBy]));
  const frontier = new ChartHost('frontier', 'Pareto frontier: tokens per second per user against throughput per chip or cost', context);
  const bars = new ChartHost('cost-per-million', 'Cost per million output tokens per chip', context);
  const tableSlot = el('section', { class: 'card', attrs: { 'data-table': 'compare' } });
  const marketSlot = el('section', { class: 'card market-check', attrs: { 'data-market-check': '' } });
  const problems = el('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  const metric = segmented<FrontierMetric>(MESSAGES.controls.frontierMetric, [
    { value: 'perChip', label: MESSAGES.controls.perChip },
    { value: 'usdPerMillion', label: MESSAGES.controls.usdPerMillion },
  ], (m) => ctx.dispatch({ type: 'set-frontier-metric', metric: m }));

  const exporter = exportButtons({
    name: 'compare',
    context,
    csv: (c) => (ranked === null || last === null ? null : compareCsv(ranked, chipNames(last.state, ctx.catalog), c, shownLimits(last))),
    json: (c) => (ranked === null || last === null ? null : resultsJson('compare', {
      settings: last.state.settings, picks: last.state.compare.picks, rankBy: last.state.compare.rankBy, ranked: ranked.map(withReportedResult),
      limitingResources: Object.fromEntries(shownLimits(last) ?? []),
    }, c)),
  });

  tableSlot.setAttribute('data-results', '');
  const aside = el('aside', { class: 'sidebar', attrs: { 'aria-label': V.controls } });
  const content = el('div', { class: 'content' }, [
    el('div', {}, [el('h1', { class: 'view-title', text: V.title }), el('p', { class: 'view-intro', text: V.intro }),
      // Narrow screens put the results first: a way down to the controls, and back.
      jumpButton(MESSAGES.toControls, 'link-button narrow-only', 'jump-controls', () => aside)]),
    problems,
    el('div', { class: 'toolbar' }, [metric.element, exporter]),
    tableSlot,
    marketSlot,
    el('div', { class: 'grid-2' }, [bars.element, frontier.element]),
    el('p', { class: 'marks-legend', text: MARK_LEGEND }),
  ]);
  aside.append(jumpButton(MESSAGES.toResults, 'link-button narrow-only', 'jump-results', () => tableSlot), workload.element, picker.element);
  const element = el('div', { class: 'view', attrs: { 'data-view': 'compare' } }, [aside, content]);

  let drawn: unknown[] = [];
  // Subtitle of the last overlay that matched the workload: kept while a newer one is computed, so
  // the chart's structure (and its streaming updates) does not flip on every edit.
  let measuredLines: string[] | null = null;
  const modelName = (id: string) => ctx.catalog.models.get(id)?.name ?? id;
  return {
    element,
    activate() {
      frontier.resize();
      bars.resize();
    },
    update(snapshot) {
      last = snapshot;
      const { state } = snapshot;
      workload.sync(state);
      picker.sync(state);
      metric.sync(state.compare.frontierMetric);
      const busy = snapshot.pending.has('compare');
      frontier.setStale(busy);
      bars.setStale(busy);
      tableSlot.classList.toggle('stale', busy);
      const result = snapshot.results.get('compare');
      const layout = chartLayout();
      const measuredResult = snapshot.results.get('measured');
      const marketResult = snapshot.results.get('market-price');
      const limitsResult = snapshot.results.get('limits');
      const inputs = [result, state.compare, state.settings.slo, state.customChips, state.lab.chip, layout.compact, measuredResult, marketResult, limitsResult];
      if (inputs.every((x, i) => x === drawn[i])) return;
      drawn = inputs;
      const list = [...problemsOf(snapshot, 'compare')];
      if (state.compare.picks.length === 0) list.push(MESSAGES.status.noChips);
      ranked = rankedCompare(snapshot);
      if (ranked === null) {
        replaceChildren(problems, list.map((p) => el('li', { text: p })));
        return;
      }
      if (ranked.length > 0 && ranked.every((r) => !r.result.feasible)) list.push(MESSAGES.status.noFeasible(ranked.map((r) => r.result.reason)));
      replaceChildren(problems, list.map((p) => el('li', { text: p })));
      const series = seriesFor(state, ctx.catalog, ranked.map((r) => r.result));
      // Nothing selected: say so where the results would be, not that no chip meets the limits.
      const empty = state.compare.picks.length === 0 ? MESSAGES.status.noChips : MESSAGES.status.noFeasible();
      if (ranked.length === 0) replaceChildren(tableSlot, [el('p', { class: 'chart-empty', text: empty })]);
      else showTree(tableSlot, renderResultsTable(ranked.map((r, i) => ({ rank: r.rank, distinguishable: r.distinguishable, ...series[i]! })), {
        caption: MESSAGES.table.caption,
        rankBy: state.compare.rankBy,
        onSort: (key) => ctx.dispatch({ type: 'set-rank-by', key }),
        onExplain: (hardwareId, key) => ctx.dispatch({ type: 'open-explain', hardwareId, key }),
        limits: shownLimits(snapshot) ?? undefined,
        loadKey: MESSAGES.table.loadKey(state.settings.workload.arrivals ?? 'saturated'),
      }), RESULTS_TABLE_KEYS);
      renderMarketCheck(marketSlot, marketCheckView(snapshot, ranked, ctx.catalog), state, modelName);
      const feasible = series.filter((s) => s.result.feasible);
      // Published measurements matching this workload (only once computed for exactly this query).
      const query = measuredQuery(state);
      const overlay = measuredResult?.value as MeasuredOverlay | undefined;
      let measured: FrontierMeasured | null = null;
      if (overlay !== undefined && query !== null && measuredResult!.key === measuredKey(query)) {
        measuredLines = measuredNote(overlay, modelName, layout);
        measured = { points: overlay.points, note: measuredLines };
      } else if (measuredLines !== null) measured = { points: [], note: measuredLines };
      // In page order: chart builds run one at a time (chart-host.ts), the first on the page first.
      bars.show(feasible.length === 0 ? null : costBarsCompiled({ series, layout }), empty);
      // Chips that miss the limits keep their lines (how close they come), without a chosen point.
      const traced = series.filter((s) => s.result.frontier.length > 0);
      frontier.show(traced.length === 0 ? null : frontierChart({ series: traced, metric: state.compare.frontierMetric, maxTpotSeconds: state.settings.slo.maxTpotSeconds, disaggregated: traced.some((t) => t.result.disaggregation !== null), layout, measured }), empty);
    },
  };
};
