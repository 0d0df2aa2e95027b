// Everything the Market view derives from the two data files before the engine runs: price points,
// tiers, the era table, rental quotes per chip and the dated software steps. Pure and cheap.

import type { Catalog } from '../catalog/catalog';
import { parseApiPrices, type CapabilityTier } from './api-prices';
import { precisionSteps, servingSteps, type DatedStep } from './era-settings';
import { deriveEras, type Era } from './eras';
import { parseMarketHistory, type HistoryRow } from './market-history';
import { pricePoints, type PricePoint } from './price-points';
import { rentalQuotes, type RentalQuote } from './rental-prices';

export interface MarketData {
  points: PricePoint[];
  tiers: CapabilityTier[];
  eras: Era[];
  history: HistoryRow[];
  /** Rental quotes by hardware id (chips of the era table only). */
  rentals: ReadonlyMap<string, RentalQuote[]>;
  precisionSteps: DatedStep[];
  servingSteps: DatedStep[];
  /** Problems with the data (unparsable rows, unmapped models, missing rows, chips not in the catalog). */
  problems: string[];
}

export function buildMarketData(apiPricesCsv: string, marketHistoryCsv: string, catalog: Catalog): MarketData {
  const prices = parseApiPrices(apiPricesCsv);
  const history = parseMarketHistory(marketHistoryCsv);
  const points = pricePoints(prices.rows, history.rows, catalog);
  const eras = deriveEras(history.rows);
  const problems = [...prices.errors, ...history.errors, ...points.problems, ...eras.problems];
  const rentals = new Map<string, RentalQuote[]>();
  for (const era of eras.eras) {
    for (const chip of era.chips) {
      if (!catalog.hardware.has(chip.hardwareId)) problems.push(`era table: hardware profile "${chip.hardwareId}" is not in the catalog`);
      rentals.set(chip.hardwareId, rentalQuotes(history.rows, chip.rentalPrefix));
    }
  }
  const steps = { precision: precisionSteps(history.rows), serving: servingSteps(history.rows) };
  for (const s of [...steps.precision, ...steps.serving]) if (s.date === null) problems.push(s.cite);
  return {
    points: points.points,
    tiers: points.tiers,
    eras: eras.eras,
    history: history.rows,
    rentals,
    precisionSteps: steps.precision,
    servingSteps: steps.serving,
    problems,
  };
}
