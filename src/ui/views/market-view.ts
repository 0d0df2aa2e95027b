// Market (issue 14): API prices against the cost floor of serving them, over time, and the
// decomposition of the fall in price between two points. Both are computed in workers
// (market-channels.ts); this module only draws. Text only (textContent), never HTML.

import { formatNumber, formatUsd, priceFactorText } from '../../format/units';
import type { Snapshot } from '../../app/controller';
import { MARKET_FIELDS } from '../../app-state/market-fields';
import { marketPriceChart } from '../../charts/market-price-chart';
import { marketWaterfallChart } from '../../charts/market-waterfall-chart';
import type { Decomposition, Factor } from '../../market/decomposition';
import type { MarketPoint } from '../../market/points';
import type { MarketDecompositionReport, MarketPointsReport } from '../../market/report';
import { MARKET_VIEW as V } from '../../messages/market-view';
import { noPointsNote } from '../../messages/market-no-points';
import { ChartHost } from '../chart-host';
import { isoDate, labelFileName, limit, type ExportLabel } from '../../export/context';
import { selectField, settingsNumberField } from '../controls';
import { el, replaceChildren } from '../dom';
import { jumpButton } from '../jump';
import { fileExportButtons } from '../export-buttons';
import { marketCsv } from '../../export/market-csv';
import { MESSAGES } from '../../messages/ui';
import { stackedTable, td } from '../stacked-table';
import { chartLayout } from '../layout';
import type { MountView } from './view';
// The stacked-card tables of narrow screens are shared with the Accuracy view.
import '../accuracy.css';
import '../market.css';

const usd = (v: number | null) => (v === null ? '—' : formatUsd(v));
const ratio = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}x`);
const factor = (v: number | null) => (v === null ? '—' : priceFactorText(v));

function scenarioBlock(f: Factor): HTMLElement {
  const pre = (title: string, scenario: unknown, floor: number) => el('div', {}, [
    el('strong', { text: `${title}: ${usd(floor)} per request` }),
    el('pre', { class: 'scenario-json', text: JSON.stringify(scenario, null, 1) }),
  ]);
  return el('details', {}, [
    el('summary', { text: V.scenarios }),
    el('p', { class: 'sub', text: V.rerun }),
    pre(V.before, f.before.scenario, f.before.floorUsdPerRequest),
    pre(V.after, f.after.scenario, f.after.floorUsdPerRequest),
  ]);
}

function factorTable(d: Decomposition): HTMLElement {
  const rows = d.factors.map((f) => el('tr', { attrs: { 'data-factor': f.factor } }, [
    td(f.label, 'label-cell'),
    // As the waterfall chart writes them: what each factor does to the price.
    td(factor(f.ratio), 'n'),
    td(factor(f.shapleyRatio), 'n'),
    td(f.explanation, 'label-cell'),
    el('td', { class: 'assumptions' }, [f.factor === 'margin' ? null : scenarioBlock(f)]),
  ]));
  return stackedTable(V.factorsCaption, V.factorColumns, [el('tbody', {}, rows)], 'market-factors');
}

function pointsTable(points: readonly MarketPoint[], fromId: string | null, toId: string | null, pick: (which: 'from' | 'to', id: string) => void): HTMLElement {
  const rows = points.map((p) => {
    const alternatives = p.alternatives.map((a) => `${a.label}: ${a.floorUsdPerRequest === null ? V.noFloor : V.alternativeFloor(usd(a.floorUsdPerRequest), a.hardwareName)}`).join('; ');
    const button = (which: 'from' | 'to') => el('button', {
      class: `secondary small${(which === 'from' ? fromId : toId) === p.id ? ' active' : ''}`, text: which === 'from' ? V.from : V.to,
      attrs: { type: 'button', 'data-pick': which, 'aria-label': `${which === 'from' ? V.from : V.to}: ${p.model} (${p.dateText})` },
      on: { click: () => pick(which, p.id) },
    });
    return el('tr', { attrs: { 'data-point': p.id }, class: p.id === fromId || p.id === toId ? 'picked' : undefined }, [
      el('td', { class: 'pick-cell' }, [el('div', { text: p.dateText }), el('div', { class: 'pick-buttons' }, [button('from'), button('to')])]),
      el('td', { class: 'label-cell' }, [
        el('div', { text: p.model }),
        el('div', { class: 'sub', text: p.provider }),
        el('details', { class: 'sources' }, [el('summary', { text: V.sources }), el('ul', { class: 'plain-list' }, p.sources.map((x) => el('li', { text: x })))]),
      ]),
      td(p.capabilityScore === null ? '—' : String(p.capabilityScore), 'n', p.scoreBasis),
      el('td', { class: 'label-cell', title: p.servedBasis }, [
        el('div', { text: `${p.servedAsName}${p.weakerStandIn ? ` ${V.weakerStandInMark}` : p.standIn ? ` ${V.standInMark}` : ''}` }),
        alternatives === '' ? null : el('div', { class: 'sub', text: V.alternatives(alternatives) }),
      ]),
      el('td', { class: 'label-cell', title: [p.pricingBasis, p.serving].filter(Boolean).join(' · ') }, [
        el('div', { text: p.hardwareName ?? '—' }),
        el('div', { class: 'sub', text: [p.precision, p.pricing].filter(Boolean).join(', ') }),
      ]),
      td(usd(p.apiUsdPerRequest), 'n'),
      td(usd(p.floorUsdPerRequest), 'n', p.floorReason ?? undefined),
      td(ratio(p.marginRatio), `n${p.marginRatio !== null && p.marginRatio < 1 ? ' err-bad' : ''}`, p.notes.map((n) => n.text).join(' · ') || undefined),
    ]);
  });
  return stackedTable(V.pointsCaption, V.pointColumns, [el('tbody', {}, rows)], 'market-points');
}

function erasTable(report: MarketPointsReport): HTMLElement {
  const rows = report.eras.flatMap((e) => e.chips.map((c) => el('tr', {}, [td(e.label, 'label-cell'), td(c.short), td(c.availableFrom, 'n'), td(c.basis, 'label-cell')])));
  return stackedTable(V.erasTitle, V.eraColumns, [el('tbody', {}, rows)], 'market-eras');
}

export const mountMarketView: MountView = (ctx) => {
  const fields = MARKET_FIELDS.map((def) => settingsNumberField(def, (value) =>
    (value !== null || def.nullable) && ctx.dispatch({ type: 'market-set-field', field: def.id, value })));
  let tierKey = '';
  const tierSlot = el('div');
  let tier = selectField<string>(V.tier, [{ value: '', label: V.allTiers }], () => undefined, true);
  tierSlot.appendChild(tier.element);
  const fromText = el('span', { attrs: { 'data-market': 'from' }, text: V.unset });
  const toText = el('span', { attrs: { 'data-market': 'to' }, text: V.unset });
  const reset = el('button', { class: 'secondary small', text: V.defaultPair, attrs: { type: 'button', 'data-market': 'default-pair' }, on: { click: () => ctx.dispatch({ type: 'market-set-pair', from: null, to: null }) } });
  // Exports say which floor request and pair they show, and when.
  const label = (what: 'prices' | 'waterfall') => (): ExportLabel | null => {
    if (current === null) return null;
    const m = current.state.market;
    const w = m.workload;
    const pair = (current.results.get('market-decomposition')?.value as MarketDecompositionReport | undefined)?.decomposition ?? null;
    if (what === 'waterfall' && pair === null) return null;
    return {
      stem: [`${w.inputTokens}in-${w.outputTokens}out`], date: isoDate(new Date()),
      caption: [
        what === 'prices' ? V.pricesChart : V.exportPair(pair!.from.model, pair!.from.date, pair!.to.model, pair!.to.date),
        V.exportRequest(formatNumber(w.inputTokens, 6), formatNumber(w.outputTokens, 6), limit(w.maxTtftSeconds), limit(w.maxTpotSeconds), formatNumber(w.prefixCacheHitRate * 100)),
        ...(m.tier === null ? [] : [V.exportTier(m.tier)]),
        V.exportPricing,
      ],
    };
  };
  const prices = new ChartHost('market-prices', V.pricesChart, label('prices'));
  const waterfall = new ChartHost('market-waterfall', V.waterfallChart, label('waterfall'));
  prices.onDatumClick((datum) => {
    if (typeof datum.id === 'string') ctx.dispatch({ type: 'market-pick', id: datum.id });
  });
  const status = el('p', { class: 'marks-legend', attrs: { 'aria-live': 'polite', 'data-market': 'status' }, text: V.computing });
  const problems = el('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  const answer = el('section', { class: 'card market-answer', attrs: { 'data-market': 'answer', 'aria-live': 'polite' } });
  const factorsSlot = el('section', { class: 'card', attrs: { 'data-table': 'market-factors' } });
  const notesSlot = el('section', { class: 'card', attrs: { 'data-market': 'notes' } });
  const pointsSlot = el('section', { class: 'card', attrs: { 'data-table': 'market-points' } });
  const erasSlot = el('section', { class: 'card', attrs: { 'data-table': 'market-eras' } });
  // The points table and the pair as files: the CSV is the CLI's (`npm run market -- --format csv`).
  let exported: { points: MarketPointsReport; pair: MarketDecompositionReport | null } | null = null;
  const pointsExport = fileExportButtons({
    name: 'market-points',
    label: V.exportPoints,
    context: () => exported,
    fileName: ({ points }, kind) => labelFileName('market-points', { stem: [`${points.workload.inputTokens}in-${points.workload.outputTokens}out`], caption: [], date: isoDate(new Date()) }, kind),
    csv: ({ points }) => marketCsv(points.points),
    json: ({ points, pair }) => `${JSON.stringify({ workload: points.workload, tier: current?.state.market.tier ?? null, points: points.points, decomposition: pair?.decomposition ?? null }, null, 1)}\n`,
  });
  const pointsToolbar = el('div', { class: 'toolbar' }, [pointsExport]);
  for (const s of [answer, factorsSlot, notesSlot, pointsSlot, erasSlot]) s.hidden = true;

  // Narrow screens put the chart first: a way down to the controls, and back (as Compare has).
  const aside: HTMLElement = el('aside', { class: 'sidebar' }, [
    jumpButton(MESSAGES.toResults, 'link-button narrow-only', 'jump-results', () => prices.element),
    el('section', { class: 'panel', attrs: { 'aria-label': V.workload } }, [
      el('h2', { text: V.workload }),
      ...fields.map((f) => f.element),
      el('p', { class: 'panel-text', text: V.workloadHelp }),
    ]),
    el('section', { class: 'panel', attrs: { 'aria-label': V.pair } }, [
      el('h2', { text: V.pair }),
      tierSlot,
      el('p', { class: 'panel-text' }, [el('strong', { text: `${V.from}: ` }), fromText]),
      el('p', { class: 'panel-text' }, [el('strong', { text: `${V.to}: ` }), toText]),
      reset,
      el('p', { class: 'panel-text', text: V.pairHelp }),
    ]),
    el('section', { class: 'panel', attrs: { 'aria-label': V.readTitle } }, [
      el('h2', { text: V.readTitle }),
      el('ul', { class: 'plain-list panel-text' }, V.readItems.map((t) => el('li', { text: t }))),
    ]),
  ]);
  const element = el('div', { class: 'view', attrs: { 'data-view': 'market' } }, [
    aside,
    el('div', { class: 'content' }, [
      el('div', {}, [el('h1', { class: 'view-title', text: V.title }), el('p', { class: 'view-intro', text: V.intro }),
        jumpButton(V.toControls, 'link-button narrow-only', 'jump-controls', () => aside)]),
      // The price chart first: a click on it picks a pair, and the status, problems and answer that
      // change with the pick sit below it, so they never move the point the next click aims at.
      prices.element,
      status,
      problems,
      answer,
      waterfall.element,
      factorsSlot,
      notesSlot,
      pointsSlot,
      erasSlot,
    ]),
  ]);

  const pick = (which: 'from' | 'to', id: string, state: Snapshot['state']) => {
    const from = which === 'from' ? id : state.market.fromPoint;
    const to = which === 'to' ? id : state.market.toPoint;
    ctx.dispatch({ type: 'market-set-pair', from, to });
  };

  let drawn: unknown[] = [];
  let current: Snapshot | null = null;
  return {
    element,
    activate: () => {
      prices.resize();
      waterfall.resize();
    },
    update(snapshot) {
      current = snapshot;
      const { state } = snapshot;
      for (const f of fields) f.sync(state.market);
      const pointsBusy = snapshot.pending.has('market-points');
      const pairBusy = snapshot.pending.has('market-decomposition');
      prices.setStale(pointsBusy || pairBusy);
      waterfall.setStale(pairBusy);
      for (const s of [answer, factorsSlot, pointsSlot]) s.classList.toggle('stale', pointsBusy || pairBusy);
      const report = (snapshot.results.get('market-points')?.value as MarketPointsReport | undefined) ?? null;
      const pair = (snapshot.results.get('market-decomposition')?.value as MarketDecompositionReport | undefined) ?? null;
      status.textContent = report === null || pointsBusy ? V.computing : pair === null || pairBusy ? V.computingPair : '';
      status.hidden = status.textContent === '';

      if (report !== null) {
        // A threshold from a link that is none of the sources' tiers still filters: it gets an entry of its
        // own, as a linked chip count does, rather than a blank menu over a hidden filter.
        const own = state.market.tier !== null && !report.tiers.some((t) => t.threshold === state.market.tier) ? state.market.tier : null;
        const key = `${report.tiers.map((t) => t.threshold).join(',')}|${own ?? ''}`;
        if (key !== tierKey) {
          tierKey = key;
          const options = [{ value: '', label: V.allTiers }, ...report.tiers.map((t) => ({ value: String(t.threshold), label: V.tierOption(t.threshold, t.model) }))];
          if (own !== null) options.push({ value: String(own), label: V.tierOwn(own) });
          tier = selectField<string>(V.tier, options,
            (value) => ctx.dispatch({ type: 'market-set-tier', tier: value === '' ? null : Number(value) }), true);
          replaceChildren(tierSlot, [tier.element]);
        }
      }
      tier.sync(state.market.tier === null ? '' : String(state.market.tier));

      const layout = chartLayout();
      const inputs = [report, pair, layout.compact];
      if (inputs.every((x, i) => x === drawn[i])) return;
      drawn = inputs;
      const d = pair?.decomposition ?? null;
      const fromId = d?.from.id ?? null;
      const toId = d?.to.id ?? null;
      element.dataset.from = fromId ?? '';
      element.dataset.to = toId ?? '';
      // Without a decomposition (a reversed or repeated pair), the ends the user picked still show.
      const end = (shown: { model: string; date: string; provider: string } | undefined, id: string | null) => {
        const p = shown ?? (id === null ? undefined : report?.points.find((x) => x.id === id));
        return p === undefined ? V.unset : `${p.model} (${p.date}, ${p.provider})`;
      };
      fromText.textContent = end(d?.from, state.market.fromPoint);
      toText.textContent = end(d?.to, state.market.toPoint);
      replaceChildren(problems, [...(report?.problems ?? []), ...(pair?.problems ?? []).map((m) => m.text)].map((p) => el('li', { text: p })));
      if (report === null) return;

      const names = new Map<string, string>();
      for (const l of pair?.floorLines ?? []) names.set(l.modelId, ctx.catalog.models.get(l.modelId)?.name ?? l.modelId);
      // Why there are none, with where the data lies, in place of the chart (and not again in the notes).
      const noPoints = noPointsNote(report.notes);
      prices.show(report.points.length === 0 ? null : marketPriceChart({
        points: report.points, tiers: report.tiers, eras: report.eras, floorLines: pair?.floorLines ?? [], modelNames: names,
        workload: report.workload, fromId, toId, layout,
      }), noPoints?.text ?? V.noPoints);
      waterfall.show(d === null ? null : marketWaterfallChart(d, layout), V.noDecomposition);

      if (d !== null) {
        const marginFrom = d.from.apiUsdPerRequest / d.from.floorUsdPerRequest;
        const marginTo = d.to.apiUsdPerRequest / d.to.floorUsdPerRequest;
        replaceChildren(answer, [
          el('h2', { class: 'card-title', text: V.answerTitle }),
          el('p', { class: 'market-dominant', text: d.dominant.text }),
          el('p', { class: 'card-intro', text: V.headline(d.totalRatio, d.floorRatio, marginFrom, marginTo) }),
        ]);
        replaceChildren(factorsSlot, [factorTable(d)]);
      }
      answer.hidden = d === null;
      factorsSlot.hidden = d === null;
      const notes = [...report.notes.filter((n) => n !== noPoints), ...(d?.notes ?? [])];
      replaceChildren(notesSlot, [el('h2', { class: 'card-title', text: V.notesTitle }), el('ul', { class: 'plain-list' }, notes.map((n) => el('li', { text: n.text })))]);
      notesSlot.hidden = notes.length === 0;
      exported = { points: report, pair };
      replaceChildren(pointsSlot, [pointsToolbar, pointsTable(report.points, fromId, toId, (which, id) => { if (current !== null) pick(which, id, current.state); })]);
      replaceChildren(erasSlot, [erasTable(report)]);
      pointsSlot.hidden = false;
      erasSlot.hidden = false;
    },
  };
};
