// The Market view's workload fields (issue 14): label, display unit and range (the scenario's
// LIMITS, the same bounds parseMarketOptions and `npm run market` use), and the pick of two points.

import type { MarketSelection, MarketWorkload } from '../market/options';
import { POINT_ID } from '../market/options';
import type { NumberRule } from '../parse/fields';
import { LIMITS } from '../scenario/limits';

export type MarketFieldId = keyof MarketWorkload;

export interface MarketFieldDef {
  id: MarketFieldId;
  label: string;
  unit: string;
  /** The input shows value / scale. */
  scale: number;
  limit: NumberRule;
  /** An empty field means no limit (the latency limits, as in the Compare view). */
  nullable: boolean;
  nullText?: string;
  get(s: MarketSelection): number | null;
}

const field = (id: MarketFieldId, label: string, unit: string, scale: number): MarketFieldDef =>
  ({ id, label, unit, scale, limit: LIMITS[id], nullable: false, get: (s) => s.workload[id] });
const limitField = (id: MarketFieldId, label: string, unit: string, scale: number): MarketFieldDef =>
  ({ ...field(id, label, unit, scale), nullable: true, nullText: 'no limit' });

export const MARKET_FIELDS: readonly MarketFieldDef[] = [
  field('inputTokens', 'Input tokens', 'tokens', 1),
  field('outputTokens', 'Output tokens', 'tokens', 1),
  limitField('maxTtftSeconds', 'Max time to first token', 's', 1),
  limitField('maxTpotSeconds', 'Max time per output token', 'ms', 1e-3),
  field('prefixCacheHitRate', 'Prefix-cache hits once caches exist', '%', 0.01),
];

/** A workload value clamped to its range (integers rounded); undefined rejects NaN, and null where the field cannot be empty. */
export function clampMarketField(id: MarketFieldId, value: number | null): number | null | undefined {
  if (value === null) return MARKET_FIELDS.find((f) => f.id === id)?.nullable === true ? null : undefined;
  if (!Number.isFinite(value)) return undefined;
  const limit: NumberRule = LIMITS[id];
  const v = Math.min(limit.max, Math.max(limit.min, value));
  return limit.integer ? Math.round(v) : v;
}

/** The date an id starts with ("2024-05-13-openai-…" -> "2024-05-13"). */
function idDate(id: string): string {
  return /^\d{4}(?:-\d{2}){0,2}/.exec(id)?.[0] ?? '';
}

/**
 * Clicking points picks the pair: the first click sets the "from" point (the "to" point falls back
 * to the default until a second click), the second the other end, a third starts a new pair. The
 * earlier of the two is "from" whichever was clicked first: the fall runs forward in time.
 */
export function pickPoint(selection: MarketSelection, id: string): MarketSelection {
  if (!POINT_ID.test(id)) return selection;
  const from = selection.fromPoint;
  if (from !== null && selection.toPoint === null) {
    if (id === from) return selection;
    return idDate(id) < idDate(from) ? { ...selection, fromPoint: id, toPoint: from } : { ...selection, toPoint: id };
  }
  return { ...selection, fromPoint: id, toPoint: null };
}
