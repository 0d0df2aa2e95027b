// The floor's uncertainty range, read from the engine's result once issue 11 adds one
// (SimulationResult.uncertainty). Nothing here invents a range: without one from the engine there
// is no band. The reader expects a low/high pair of the headline $ per million output tokens,
// `{ usdPerMillionOutputTokens: { low, high } }`, and ignores any other shape, so a point simply
// shows no band until the shapes agree.

import { isRecord, own } from '../parse/fields';

export interface FloorBand {
  lowUsdPerRequest: number;
  highUsdPerRequest: number;
}

export function floorBand(uncertainty: unknown, outputTokens: number): FloorBand | null {
  if (!isRecord(uncertainty)) return null;
  const range = own(uncertainty, 'usdPerMillionOutputTokens');
  if (!isRecord(range)) return null;
  const low = own(range, 'low');
  const high = own(range, 'high');
  if (typeof low !== 'number' || typeof high !== 'number' || !Number.isFinite(low) || !Number.isFinite(high) || low <= 0 || high < low) return null;
  return { lowUsdPerRequest: (low * outputTokens) / 1e6, highUsdPerRequest: (high * outputTokens) / 1e6 };
}
