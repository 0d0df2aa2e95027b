// The market check for CLI results: public API prices from reference/api_prices.csv (and the
// mapping of src/market), compared per request at the scenario's workload.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile, SimulationResult } from '../engine/types';
import { checkAgainstMarket, priceFor, type MarketCheck } from '../market/market-check';
import { marketPricesFor } from '../market/market-prices';
import { buildMarketData } from '../market/market-data';
import { MARKET_CHECK } from '../messages/market-check';
import { formatUsd } from '../format/units';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Checks per hardware id (only results whose model has a public price at this workload), and why a
 * result has none: the model is unpriced, or no priced API takes a request this long.
 */
export function marketChecks(catalog: Catalog, results: readonly { result: SimulationResult; hardware: HardwareProfile }[],
  workload: { inputTokens: number; outputTokens: number }, modelName: string): { checks: Map<string, MarketCheck>; note: string } {
  const checks = new Map<string, MarketCheck>();
  const first = results[0];
  const data = buildMarketData(readFileSync(`${ROOT}reference/api_prices.csv`, 'utf8'), readFileSync(`${ROOT}reference/market_history.csv`, 'utf8'), catalog);
  const { prices, modelPriced } = first === undefined ? { prices: [], modelPriced: false } : marketPricesFor(first.result.modelId, workload, data.points, catalog);
  for (const { result, hardware } of results) {
    const price = priceFor(hardware, prices);
    if (price !== null) checks.set(result.hardwareId, checkAgainstMarket(result, hardware, workload.outputTokens, price));
  }
  const note = modelPriced ? MARKET_CHECK.tooLong(modelName, workload.inputTokens + workload.outputTokens) : MARKET_CHECK.unpriced(modelName);
  return { checks, note };
}

/** "market: Groq Llama 3 70B (2024-04-18): ... = $0.0025 per request; modelled cost 8.6x the market price" and what must hold. */
export function formatMarketCheck(c: MarketCheck | undefined, note: string): string {
  if (c === undefined) return `market: ${note}\n`;
  const p = c.price;
  const lines = [`market: ${MARKET_CHECK.line(p.provider, p.apiModel, p.date, p.priceText, formatUsd(p.usdPerRequest), p.match === 'sibling' ? MARKET_CHECK.sibling(p.pricedModelId) : '')}`];
  if (c.modelledUsdPerRequest !== null && c.ratio !== null) {
    lines.push(`market: modelled ${formatUsd(c.modelledUsdPerRequest)} per request: ${MARKET_CHECK.ratio(c.ratio)}`);
  }
  for (const m of c.mustHold) lines.push(`to match the market: ${m}`);
  return `${lines.join('\n')}\n`;
}
