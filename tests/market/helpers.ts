// Shared fixtures of the market tests: the bundled data files, the catalog, and one report of the
// default options (the engine runs once per test file).

import { readFileSync } from 'node:fs';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { engineEvaluator } from '../../src/market/evaluate';
import { buildMarketData, type MarketData } from '../../src/market/market-data';
import { defaultMarketOptions } from '../../src/market/options';
import { marketReport, type MarketReport } from '../../src/market/report';

export const API_CSV = readFileSync(new URL('../../reference/api_prices.csv', import.meta.url), 'utf8');
export const HISTORY_CSV = readFileSync(new URL('../../reference/market_history.csv', import.meta.url), 'utf8');
export const { catalog } = loadCatalogFromDisk();

let data: MarketData | null = null;
export function marketData(): MarketData {
  data ??= buildMarketData(API_CSV, HISTORY_CSV, catalog);
  return data;
}

let report: MarketReport | null = null;
export function defaultReport(): MarketReport {
  report ??= marketReport(marketData(), defaultMarketOptions(), catalog, engineEvaluator(catalog));
  return report;
}
