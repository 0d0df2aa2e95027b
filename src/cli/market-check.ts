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

/** Checks per hardware id (only results whose model has a public price). */
export function marketChecks(catalog: Catalog, results: readonly { result: SimulationResult; hardware: HardwareProfile }[],
  workload: { inputTokens: number; outputTokens: number }): Map<string, MarketCheck> {
  const out = new Map<string, MarketCheck>();
  const first = results[0];
  if (first === undefined) return out;
  const data = buildMarketData(readFileSync(`${ROOT}reference/api_prices.csv`, 'utf8'), readFileSync(`${ROOT}reference/market_history.csv`, 'utf8'), catalog);
  const prices = marketPricesFor(first.result.modelId, workload, data.points, catalog);
  for (const { result, hardware } of results) {
    const price = priceFor(hardware, prices);
    if (price !== null) out.set(result.hardwareId, checkAgainstMarket(result, hardware, workload.outputTokens, price));
  }
  return out;
}

/** "market: Groq Llama 3 70B (2024-04-18): ... = $0.0025 per request; modelled cost 8.6x the market price" and what must hold. */
export function formatMarketCheck(c: MarketCheck | undefined, modelName: string): string {
  if (c === undefined) return `market: ${MARKET_CHECK.unpriced(modelName)}\n`;
  const p = c.price;
  const lines = [`market: ${MARKET_CHECK.line(p.provider, p.apiModel, p.date, p.priceText, formatUsd(p.usdPerRequest), p.match === 'sibling' ? MARKET_CHECK.sibling(p.pricedModelId) : '')}`];
  if (c.modelledUsdPerRequest !== null && c.ratio !== null) {
    lines.push(`market: modelled ${formatUsd(c.modelledUsdPerRequest)} per request: ${MARKET_CHECK.ratio(c.ratio)}`);
  }
  for (const m of c.mustHold) lines.push(`to match the market: ${m}`);
  return `${lines.join('\n')}\n`;
}
