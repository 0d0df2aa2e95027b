// Flags of `npm run market` -> a raw market-options object. Values are not checked here: the object
// goes through parseMarketOptions, the one parse step the app's links use too.

import { UsageError, count, fraction, limitMs, num, readFormat, sub, walkArgs } from './flags';

export interface MarketCliOptions {
  format: 'table' | 'json' | 'csv';
  help: boolean;
  raw: Record<string, unknown>;
  /** Which flag set each option path, as typed: refusals name the flag, not the field. */
  origins: Map<string, { flag: string; text: string }>;
}

const workload = (raw: Record<string, unknown>) => sub(raw, 'workload');

/** Each flag: the option path it sets (a refusal is reported under the flag) and how. */
const VALUE_FLAGS: Record<string, { path: string; apply: (raw: Record<string, unknown>, value: string) => void }> = {
  '--from': { path: 'fromDate', apply: (r, v) => { r.fromDate = v; } },
  '--to': { path: 'toDate', apply: (r, v) => { r.toDate = v; } },
  '--tier': { path: 'tier', apply: (r, v) => { r.tier = num(v); } },
  '--from-point': { path: 'fromPoint', apply: (r, v) => { r.fromPoint = v; } },
  '--to-point': { path: 'toPoint', apply: (r, v) => { r.toPoint = v; } },
  '--input-tokens': { path: 'workload.inputTokens', apply: (r, v) => { workload(r).inputTokens = count(v); } },
  '--output-tokens': { path: 'workload.outputTokens', apply: (r, v) => { workload(r).outputTokens = count(v); } },
  '--max-ttft-ms': { path: 'workload.maxTtftSeconds', apply: (r, v) => { workload(r).maxTtftSeconds = limitMs(v); } },
  '--max-tpot-ms': { path: 'workload.maxTpotSeconds', apply: (r, v) => { workload(r).maxTpotSeconds = limitMs(v); } },
  '--prefix-cache-hit-rate': { path: 'workload.prefixCacheHitRate', apply: (r, v) => { workload(r).prefixCacheHitRate = fraction(v); } },
};

export function parseMarketFlags(argv: readonly string[]): MarketCliOptions {
  const options: MarketCliOptions = { format: 'table', help: false, raw: {}, origins: new Map() };
  walkArgs(argv, (flag, value) => {
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--format') options.format = readFormat(value());
    else {
      const def = Object.prototype.hasOwnProperty.call(VALUE_FLAGS, flag) ? VALUE_FLAGS[flag] : undefined;
      if (def === undefined) throw new UsageError(`unknown option "${flag}" (see --help)`);
      const v = value();
      def.apply(options.raw, v);
      options.origins.set(def.path, { flag, text: v });
    }
  });
  return options;
}

export const MARKET_HELP = `market: how much of the fall in token prices do chips explain?

Usage: npm run --silent market -- [options]

For every public API price point (reference/api_prices.csv) the engine computes the cost floor of
serving the model (or an open stand-in of the same MMLU) on the best chip available at that date
(era table from reference/market_history.csv), then splits the fall in price between two points
into hardware, precision, model, serving and the market's margin.

Points
  --from DATE                  first date shown (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE                    last date shown
  --tier MMLU                  only points scoring at least MMLU (the sources' tiers: 43.9 GPT-3,
                               64.8 GPT-3.5, 68 GPT-3.5 Turbo, 86 GPT-4, 87 GPT-4 Turbo)

Decomposition (default: the cheapest price of the lowest tier in the first year shown, and the
cheapest at that capability in the whole window)
  --from-point ID / --to-point ID   two points by id (the "id" column of --format csv)

Workload of the floor (default 1000 in, 250 out, TTFT <= 2000 ms, TPOT <= 50 ms)
  --input-tokens N  --output-tokens N  --max-ttft-ms MS|none  --max-tpot-ms MS|none   (counts also read 2k)
  --prefix-cache-hit-rate X    share of prompt tokens served from a prefix cache once serving (56% or 0.56)
                               software had one (default 0.56, DeepSeek's production figure)

Output
  --format table|json|csv      default table; json: {points, workload, decomposition, ...};
                               csv: one row per point
  --help                       this text

Exit codes: 0 ok; 2 invalid input (a one-line message names the field and the accepted range).
`;
