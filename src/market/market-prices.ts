// The public API prices of a catalog model at a workload, per request (market/market-check.ts
// compares them with modelled costs). Pure; needs the market data (app-jobs.ts, the CLI).
import type { Catalog } from '../catalog/catalog';
import { MARKET_CHECK } from '../messages/market-check';
import { apiPricePointsFor } from './api-models';
import type { MarketPrice } from './market-check';
import { apiUsdPerRequest, requestFits } from './points';
import type { PricePoint } from './price-points';
import { compareText } from '../format/compare-text';

function priceText(p: PricePoint): string {
  const { inputUsdPerMillionTokens: i, outputUsdPerMillionTokens: o, blendedUsdPerMillionTokens: b } = p.row;
  // A blend fixes its own input:output weights ("Epoch: 3:1 input:output weighted"), which the
  // request's mix need not match: the text says which blend it is.
  return i !== null && o !== null ? MARKET_CHECK.split(i, o) : MARKET_CHECK.blended(b ?? 0, p.row.blendedNote.split(';')[0]!.trim());
}

/**
 * Every public price of the model (or its sibling) at this workload, newest first: the check picks
 * the chip vendor's own API when it has one, else the newest price. A price whose API model cannot
 * take the request (input + output beyond its context window) buys nothing at this workload.
 */
/**
 * The prices, and whether the model (or a sibling) has any public price at all: none at this
 * workload then means no priced API takes a request this long, not that the model is unpriced.
 */
export interface MarketPrices {
  prices: MarketPrice[];
  modelPriced: boolean;
}

export function marketPricesFor(modelId: string, workload: { inputTokens: number; outputTokens: number }, points: readonly PricePoint[],
  catalog: Catalog): MarketPrices {
  const match = apiPricePointsFor(modelId, points, catalog);
  if (match === null) return { prices: [], modelPriced: false };
  // The priced model's own rows and those of API models it serves as a sibling (Llama 3 70B for Llama 3.1 70B).
  const rows = points.filter((p) => p.apiModel.catalog?.modelId === match.pricedModelId || match.points.includes(p));
  const prices = rows
    .filter((p) => p.row.series === 'list_price' && requestFits(p, workload, catalog))
    .map((p): MarketPrice => ({
      match: match.match === 'exact' && p.apiModel.catalog?.kind === 'exact' ? 'exact' : 'sibling',
      pricedModelId: match.pricedModelId,
      provider: p.row.provider,
      apiModel: p.row.model,
      date: p.row.date,
      priceText: priceText(p),
      usdPerRequest: apiUsdPerRequest(p, workload),
      source: p.row.sourceRef,
    }))
    .sort((a, b) => compareText(b.date, a.date) || a.usdPerRequest - b.usdPerRequest);
  return { prices, modelPriced: rows.some((p) => p.row.series === 'list_price') };
}

