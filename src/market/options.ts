// What the user chooses in the Market view, `npm run market` and links: the workload the floor is
// computed at, the capability tier, the date window and the two points of the decomposition. One
// parse step for all three; it never throws and names each bad field.

import { IssueLog, describeValue, isRecord, joinPath, own, readNullableNumber, readNumber, readRecord, validNumber, type NumberRule, type ParseOutcome } from '../parse/fields';
import { LIMITS } from '../scenario/limits';
import { parseDateText } from './dates';

export interface MarketWorkload {
  inputTokens: number;
  outputTokens: number;
  /** null: no limit (as in the Compare view's latency limits). */
  maxTtftSeconds: number | null;
  maxTpotSeconds: number | null;
  /** Share of prompt tokens a prefix cache serves, from the date serving software had one. */
  prefixCacheHitRate: number;
}

/** The state the view keeps (and links carry). */
export interface MarketSelection {
  workload: MarketWorkload;
  /** MMLU threshold: only points at or above it (and the default pair within them); null = all points. */
  tier: number | null;
  /** Ids of the decomposition's points; null = the default pair. */
  fromPoint: string | null;
  toPoint: string | null;
}

export interface MarketOptions extends MarketSelection {
  /** Window of dates shown (ISO days, inclusive); null = open. */
  fromDate: string | null;
  toDate: string | null;
}

/**
 * Issue 14's workload: 1,000 input and 250 output tokens, TTFT <= 2 s, TPOT <= 50 ms. The prefix
 * cache share once serving stacks had one: DeepSeek's production figure, 56% of input tokens served
 * from the KV cache (DeepSeek open-infra disclosure, Mar 2025; reference/market_history.md).
 */
export const DEFAULT_MARKET_WORKLOAD: Readonly<MarketWorkload> = {
  inputTokens: 1000, outputTokens: 250, maxTtftSeconds: 2, maxTpotSeconds: 0.05, prefixCacheHitRate: 0.56,
};

export function defaultMarketSelection(): MarketSelection {
  return { workload: { ...DEFAULT_MARKET_WORKLOAD }, tier: null, fromPoint: null, toPoint: null };
}

export function defaultMarketOptions(): MarketOptions {
  return { ...defaultMarketSelection(), fromDate: null, toDate: null };
}

export const MARKET_LIMITS = {
  tier: { min: 0, max: 100, unit: 'MMLU %' },
} as const satisfies Record<string, NumberRule>;

export const POINT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

const KNOWN = ['workload', 'tier', 'fromPoint', 'toPoint', 'fromDate', 'toDate'];
const AMOUNT_KEYS = ['inputTokens', 'outputTokens', 'prefixCacheHitRate'] as const;
/** Latency limits: null is no limit. */
export const LIMIT_KEYS = ['maxTtftSeconds', 'maxTpotSeconds'] as const;
const WORKLOAD_KEYS: readonly string[] = [...AMOUNT_KEYS, ...LIMIT_KEYS];

function readPointId(log: IssueLog, raw: Record<string, unknown>, key: string, fallback: string | null): string | null {
  const v = own(raw, key);
  if (v === undefined) return fallback;
  if (v === null) return null;
  if (typeof v === 'string' && POINT_ID.test(v)) return v;
  log.error(key, `must be a point id (lowercase letters, digits and '-', as in "2021-11-20-openai-gpt-3-175b-davinci") or null, got ${describeValue(v)}`);
  return fallback;
}

function readDate(log: IssueLog, raw: Record<string, unknown>, key: string, edge: 'start' | 'end', fallback: string | null): string | null {
  const v = own(raw, key);
  if (v === undefined) return fallback;
  if (v === null) return null;
  const span = typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? parseDateText(v) : null;
  if (span !== null) return span[edge];
  log.error(key, `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${describeValue(v)}`);
  return fallback;
}

/** Reads market options from a link, the CLI's flags or a test; absent fields keep `base`. */
export function parseMarketOptions(raw: unknown, base: MarketOptions = defaultMarketOptions()): ParseOutcome<MarketOptions> & { value: MarketOptions } {
  const log = new IssueLog();
  const out: MarketOptions = structuredClone(base);
  if (!isRecord(raw)) {
    log.error('', `market options must be an object, got ${describeValue(raw)}`);
    return { value: out, errors: log.errors, warnings: log.warnings };
  }
  for (const key of Object.keys(raw)) if (!KNOWN.includes(key)) log.warn(key, 'is not a market option and was ignored');
  if (own(raw, 'workload') !== undefined) {
    const w = readRecord(log, raw, 'workload', '');
    for (const key of Object.keys(w)) if (!WORKLOAD_KEYS.includes(key)) log.warn(joinPath('workload', key), 'is not a workload field and was ignored');
    for (const key of AMOUNT_KEYS) out.workload[key] = readNumber(log, w, key, 'workload', LIMITS[key], out.workload[key], true);
    for (const key of LIMIT_KEYS) out.workload[key] = readNullableNumber(log, w, key, 'workload', LIMITS[key], out.workload[key]);
  }
  const tier = own(raw, 'tier');
  if (tier === null) out.tier = null;
  else if (tier !== undefined) out.tier = validNumber(log, tier, 'tier', MARKET_LIMITS.tier) ?? out.tier;
  out.fromPoint = readPointId(log, raw, 'fromPoint', out.fromPoint);
  out.toPoint = readPointId(log, raw, 'toPoint', out.toPoint);
  out.fromDate = readDate(log, raw, 'fromDate', 'start', out.fromDate);
  out.toDate = readDate(log, raw, 'toDate', 'end', out.toDate);
  if (out.fromDate !== null && out.toDate !== null && out.fromDate > out.toDate) {
    log.error('toDate', `must not be before the start date (${out.fromDate}), got ${out.toDate}`);
    out.toDate = base.toDate;
  }
  return { value: out, errors: log.errors, warnings: log.warnings };
}

/** Reads the view's selection (a link's market part); absent fields keep `base`. */
export function parseMarketSelection(raw: unknown, base: MarketSelection): ParseOutcome<MarketSelection> & { value: MarketSelection } {
  const parsed = parseMarketOptions(raw, { ...structuredClone(base), fromDate: null, toDate: null });
  const { fromDate: _f, toDate: _t, ...value } = parsed.value;
  return { ...parsed, value };
}

/** The selection's fields that differ from the default (what a link needs to carry); undefined when none. */
export function selectionPatch(selection: MarketSelection): Partial<MarketSelection> | undefined {
  const d = defaultMarketSelection();
  const patch: Record<string, unknown> = {};
  for (const key of ['workload', 'tier', 'fromPoint', 'toPoint'] as const) {
    if (JSON.stringify(selection[key]) !== JSON.stringify(d[key])) patch[key] = selection[key];
  }
  return Object.keys(patch).length === 0 ? undefined : patch as Partial<MarketSelection>;
}
