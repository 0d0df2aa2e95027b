// One CSV row per Market price point: what `npm run market -- --format csv` prints and the Market
// view's "Export points" button downloads (one definition for both).

import type { MarketPoint } from '../market/points';
import { toCsv } from './csv';

export const MARKET_CSV_COLUMNS = [
  'id', 'date', 'provider', 'model', 'capabilityScore', 'tier', 'apiUsdPerMillionInputTokens', 'apiUsdPerMillionOutputTokens',
  'apiUsdPerMillionBlended', 'servedAsModelId', 'standIn', 'weakerStandIn', 'reasoning', 'hardwareId', 'era', 'precision', 'pricing', 'serving',
  'apiUsdPerRequest', 'floorUsdPerRequest', 'floorUsdPerRequestLow', 'floorUsdPerRequestHigh', 'marginRatio', 'notes',
] as const;

export function marketCsv(points: readonly MarketPoint[]): string {
  const value = (p: MarketPoint, c: (typeof MARKET_CSV_COLUMNS)[number]): string | number | boolean => {
    if (c === 'notes') return p.notes.map((n) => n.text).join('; ');
    if (c === 'floorUsdPerRequestLow') return p.uncertainty?.floorUsdPerRequest.low ?? '';
    if (c === 'floorUsdPerRequestHigh') return p.uncertainty?.floorUsdPerRequest.high ?? '';
    const v = p[c];
    return v === null ? '' : v;
  };
  // The compare exports' framing (RFC 4180 line ends); no points: the header alone, no blank row.
  return toCsv(MARKET_CSV_COLUMNS, points.map((p) => MARKET_CSV_COLUMNS.map((c) => value(p, c))));
}
