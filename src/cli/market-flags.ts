// Flags of `npm run market` -> a raw market-options object. Values are not checked here: the object
// goes through parseMarketOptions, the one parse step the app's links use too.

import { UsageError, num, readFormat, scaled, sub, walkArgs } from './flags';

export interface MarketCliOptions {
  format: 'table' | 'json' | 'csv';
  help: boolean;
  raw: Record<string, unknown>;
}

const workload = (raw: Record<string, unknown>) => sub(raw, 'workload');

const VALUE_FLAGS: Record<string, (raw: Record<string, unknown>, value: string) => void> = {
  '--from': (r, v) => { r.fromDate = v; },
  '--to': (r, v) => { r.toDate = v; },
  '--tier': (r, v) => { r.tier = num(v); },
  '--from-point': (r, v) => { r.fromPoint = v; },
  '--to-point': (r, v) => { r.toPoint = v; },
  '--input-tokens': (r, v) => { workload(r).inputTokens = num(v); },
  '--output-tokens': (r, v) => { workload(r).outputTokens = num(v); },
  '--max-ttft-ms': (r, v) => { workload(r).maxTtftSeconds = scaled(v, 1e-3); },
  '--max-tpot-ms': (r, v) => { workload(r).maxTpotSeconds = scaled(v, 1e-3); },
  '--prefix-cache-hit-rate': (r, v) => { workload(r).prefixCacheHitRate = num(v); },
};

export function parseMarketFlags(argv: readonly string[]): MarketCliOptions {
  const options: MarketCliOptions = { format: 'table', help: false, raw: {} };
  walkArgs(argv, (flag, value) => {
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--format') options.format = readFormat(value());
    else {
      const apply = Object.prototype.hasOwnProperty.call(VALUE_FLAGS, flag) ? VALUE_FLAGS[flag] : undefined;
      if (apply === undefined) throw new UsageError(`unknown option "${flag}" (see --help)`);
      apply(options.raw, value());
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
  --input-tokens N  --output-tokens N  --max-ttft-ms MS  --max-tpot-ms MS
  --prefix-cache-hit-rate X    share of prompt tokens served from a prefix cache once serving
                               software had one (default 0.56, DeepSeek's production figure)

Output
  --format table|json|csv      default table; json: {points, workload, decomposition, ...};
                               csv: one row per point
  --help                       this text

Exit codes: 0 ok; 2 invalid input (a one-line message names the field and the accepted range).
`;
