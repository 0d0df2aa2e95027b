// The Market view's computations as the app's workers run them: the two data files inlined by Vite
// as text (reference/api_prices.csv, reference/market_history.csv), read once per worker; engine
// results kept per scenario across jobs. Only imported dynamically (worker-api.ts), so neither the
// data nor this code is in the initial bundle.

import apiPricesCsv from '../../reference/api_prices.csv?raw';
import marketHistoryCsv from '../../reference/market_history.csv?raw';
import type { Catalog } from '../catalog/catalog';
import { engineEvaluator, type Evaluator } from './evaluate';
import { buildMarketData, type MarketData } from './market-data';
import { marketPricesFor, type MarketPrices } from './market-prices';
import type { MarketOptions } from './options';
import { marketDecompositionReport, marketPointsReport, type MarketDecompositionReport, type MarketPointsReport } from './report';

// The app passes its bundled catalog, the same for the whole session (custom chips and models do
// not enter the Market view): data and results are kept for it.
let prepared: { catalog: Catalog; data: MarketData; evaluate: Evaluator } | null = null;

function prepare(catalog: Catalog): { data: MarketData; evaluate: Evaluator } {
  const sameCatalog = prepared !== null && prepared.catalog.models.size === catalog.models.size && prepared.catalog.hardware.size === catalog.hardware.size;
  if (!sameCatalog) prepared = { catalog, data: buildMarketData(apiPricesCsv, marketHistoryCsv, catalog), evaluate: engineEvaluator(catalog) };
  return prepared!;
}

/** Same as the points part of `npm run market -- --format json`. */
export function marketPointsBundled(catalog: Catalog, options: MarketOptions): MarketPointsReport {
  const { data, evaluate } = prepare(catalog);
  return marketPointsReport(data, options, catalog, evaluate);
}

/** Same as the decomposition part of `npm run market -- --format json`. */
export function marketDecompositionBundled(catalog: Catalog, options: MarketOptions): MarketDecompositionReport {
  const { data, evaluate } = prepare(catalog);
  return marketDecompositionReport(data, options, catalog, evaluate);
}

/** Public API prices of a model at a workload, per request (the compare view's market check). */
export function marketPricesBundled(catalog: Catalog, modelId: string, workload: { inputTokens: number; outputTokens: number }): MarketPrices {
  return marketPricesFor(modelId, workload, prepare(catalog).data.points, catalog);
}
