// The compare view's market check: each compared chip's modelled cost per request next to the
// public API price of the shown model (market/market-check.ts), once both are computed for the
// workload shown.
import type { Catalog } from '../catalog/catalog';
import type { RankedResult } from '../engine/analysis/rank';
import { checkAgainstMarket, priceFor, type MarketCheck } from '../market/market-check';
import type { MarketPrices } from '../market/market-prices';
import type { Snapshot } from './controller';
import { marketPriceQuery } from './market-channels';
import { profileOf } from './selectors';
import { chipLabel } from '../charts/chip-series';

export interface MarketCheckRow {
  hardwareId: string;
  chip: string;
  check: MarketCheck;
  /** The modelled cost rests on an estimated rental (≈), as in the results table. */
  estimatedRental: boolean;
}

export interface MarketCheckView {
  modelId: string;
  /** No public price for the model or a sibling. */
  unpriced: boolean;
  /** The model is priced, but no priced API takes a request this long (its context window). */
  tooLong: boolean;
  rows: MarketCheckRow[];
}

export function marketCheckView(snapshot: Snapshot, ranked: readonly RankedResult[], catalog: Catalog): MarketCheckView | null {
  const computed = snapshot.results.get('market-price');
  const query = marketPriceQuery(snapshot.state);
  if (computed === undefined || computed.key !== JSON.stringify(query)) return null;
  const { prices, modelPriced } = computed.value as MarketPrices;
  const rows: MarketCheckRow[] = [];
  for (const { result } of ranked) {
    const hw = profileOf(snapshot.state, catalog, result.hardwareId);
    const price = hw === undefined ? null : priceFor(hw, prices);
    if (hw === undefined || price === null || !result.feasible || result.modelId !== query.modelId) continue;
    // The chip as every other table names it: with its estimate and evidence marks.
    rows.push({ hardwareId: hw.id, chip: chipLabel(hw), check: checkAgainstMarket(result, hw, query.workload.outputTokens, price),
      estimatedRental: result.pricingUsed === 'rental' && result.pricing.rentalEstimated });
  }
  return { modelId: query.modelId, unpriced: !modelPriced, tooLong: modelPriced && prices.length === 0, rows };
}
