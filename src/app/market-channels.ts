// Channels of the Market view (issue 14): the points with their floors (rerun when the workload or
// tier changes) and the decomposition of the picked pair (rerun when the pair changes too), each
// one job on the worker pool.

import type { AppState } from '../app-state/app-state';
import type { MarketPrices } from '../market/market-prices';
import type { MarketOptions } from '../market/options';
import type { MarketDecompositionReport, MarketPointsReport } from '../market/report';
import { singleJobPlan, type ChannelDef } from './channels';

/** The view shows the whole date range: its options are its selection with an open window. */
export function marketOptions(state: AppState): MarketOptions {
  return { ...state.market, fromDate: null, toDate: null };
}

export const marketPointsChannel: ChannelDef<MarketPointsReport> = {
  name: 'market-points',
  debounceMs: 150,
  priority: 0,
  plan(state, catalog) {
    const { workload, tier } = state.market;
    const options: MarketOptions = { ...marketOptions(state), fromPoint: null, toPoint: null };
    return singleJobPlan<MarketPointsReport>(JSON.stringify({ workload, tier }), { method: 'marketPoints', args: [catalog, options] });
  },
};

export const marketDecompositionChannel: ChannelDef<MarketDecompositionReport> = {
  name: 'market-decomposition',
  debounceMs: 150,
  priority: 0,
  plan(state, catalog) {
    const options = marketOptions(state);
    return singleJobPlan<MarketDecompositionReport>(JSON.stringify(state.market), { method: 'marketDecomposition', args: [catalog, options] });
  },
};

/** The compare view's market check: the public API prices of the shown model at the shown lengths. */
export function marketPriceQuery(state: AppState): { modelId: string; workload: { inputTokens: number; outputTokens: number } } {
  const w = state.settings.workload;
  return { modelId: state.settings.model, workload: { inputTokens: w.inputTokens, outputTokens: w.outputTokens } };
}

export const marketPriceChannel: ChannelDef<MarketPrices> = {
  name: 'market-price',
  // Secondary to the comparison: it waits for a pause (the price data loads with the Market code).
  debounceMs: 300,
  priority: 2,
  plan(state, catalog) {
    const q = marketPriceQuery(state);
    return singleJobPlan<MarketPrices>(JSON.stringify(q), { method: 'marketPrices', args: [catalog, q.modelId, q.workload] });
  },
};
