// Command-line flags -> a raw scenario overlay. Values are not validated here: the overlay goes
// through parseScenario, the one parse step, so the CLI, files and links report problems alike.

export interface CliOptions {
  scenarioFile: string | null;
  url: string | null;
  /** --hardware-design FILE: a chip design file, derived into the scenario's hardware. */
  hardwareDesign: string | null;
  hardwareList: string[] | null;
  format: 'table' | 'json' | 'csv';
  frontier: boolean;
  help: boolean;
  overlay: Record<string, unknown>;
}

export class UsageError extends Error {}

/** Flags that take a value, with where the value goes in the scenario. */
const VALUE_FLAGS: Record<string, (overlay: Record<string, unknown>, value: string) => void> = {
  '--chips': (o, v) => { o.chips = v === 'auto' ? 'auto' : num(v); },
  '--model': (o, v) => { o.model = v; },
  '--precision': (o, v) => { sub(o, 'precision').weights = v; sub(o, 'precision').activations = v; sub(o, 'precision').kvCache = v; },
  '--weights': (o, v) => { sub(o, 'precision').weights = v; },
  '--activations': (o, v) => { sub(o, 'precision').activations = v; },
  '--kv-cache': (o, v) => { sub(o, 'precision').kvCache = v; },
  '--input-tokens': (o, v) => { sub(o, 'workload').inputTokens = num(v); },
  '--output-tokens': (o, v) => { sub(o, 'workload').outputTokens = num(v); },
  '--prefix-cache-hit-rate': (o, v) => { sub(o, 'workload').prefixCacheHitRate = num(v); },
  '--arrivals': (o, v) => { sub(o, 'workload').arrivals = v; },
  '--max-ttft-ms': (o, v) => { sub(o, 'slo').maxTtftSeconds = scaled(v, 1e-3); },
  '--max-tpot-ms': (o, v) => { sub(o, 'slo').maxTpotSeconds = scaled(v, 1e-3); },
  '--objective': (o, v) => { o.objective = v; },
  '--batch': (o, v) => { o.objective = { batch: num(v) }; },
  '--pricing': (o, v) => { sub(o, 'economics').pricing = v; },
  '--rental-usd-per-chip-hour': (o, v) => { sub(o, 'economics').rentalUsdPerChipHour = num(v); },
  '--capex-usd-per-chip': (o, v) => { sub(o, 'economics').capexUsdPerChip = num(v); },
  '--capex-overhead': (o, v) => { sub(o, 'economics').capexOverheadMultiplier = num(v); },
  '--depreciation-years': (o, v) => { sub(o, 'economics').depreciationYears = num(v); },
  '--cost-of-capital': (o, v) => { sub(o, 'economics').costOfCapitalPerYear = num(v); },
  '--load-factor': (o, v) => { sub(o, 'economics').loadFactor = num(v); },
  '--pue': (o, v) => { sub(o, 'economics').pue = num(v); },
  '--usd-per-kwh': (o, v) => { sub(o, 'economics').usdPerKwh = num(v); },
  '--hosting-usd-per-kw-month': (o, v) => { sub(o, 'economics').hostingUsdPerKwMonth = num(v); },
  '--efficiency': (o, v) => { o.efficiencyMode = v; },
  '--max-batch': (o, v) => { o.maxBatchPerReplica = num(v); },
  '--serving': (o, v) => { o.serving = v; },
  '--speculative': (o, v) => {
    const spec = sub(o, 'speculative');
    if (v === 'mtp') spec.method = 'mtp';
    else { spec.method = 'draft-model'; spec.draftModel = v; }
  },
  '--draft-tokens': (o, v) => { sub(o, 'speculative').draftTokens = num(v); },
  '--acceptance-rate': (o, v) => { sub(o, 'speculative').acceptanceRate = num(v); },
};

/** A number when the text is one, else the text itself so the parser can name it in its message. */
function num(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const n = Number(trimmed);
  return Number.isNaN(n) && trimmed !== 'NaN' ? text : n;
}

function scaled(text: string, factor: number): number | string {
  const n = num(text);
  return typeof n === 'number' ? n * factor : n;
}

function sub(overlay: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = overlay[key];
  if (typeof existing === 'object' && existing !== null) return existing as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  overlay[key] = fresh;
  return fresh;
}

export function parseFlags(argv: string[]): CliOptions {
  const options: CliOptions = {
    scenarioFile: null, url: null, hardwareDesign: null, hardwareList: null, format: 'table', frontier: false, help: false, overlay: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--frontier') options.frontier = true;
    else if (flag === '--scenario') options.scenarioFile = value();
    else if (flag === '--url') options.url = value();
    else if (flag === '--hardware-design') options.hardwareDesign = value();
    else if (flag === '--format') {
      const f = value();
      if (f !== 'table' && f !== 'json' && f !== 'csv') throw new UsageError(`--format must be table, json or csv, got "${f}"`);
      options.format = f;
    } else if (flag === '--hardware') {
      const v = value();
      if (v === 'all' || v.includes(',')) options.hardwareList = v === 'all' ? [] : v.split(',').map((s) => s.trim()).filter(Boolean);
      else options.overlay.hardware = v;
    } else {
      const apply = VALUE_FLAGS[flag];
      if (apply === undefined || !Object.prototype.hasOwnProperty.call(VALUE_FLAGS, flag)) {
        throw new UsageError(`unknown option "${flag}" (see --help)`);
      }
      apply(options.overlay, value());
    }
  }
  return options;
}

export const HELP = `simulate: what does a token cost on this chip?

Usage: npm run --silent simulate -- [options]

Scenario
  --scenario FILE.json          scenario file (version 1); flags below override its fields
  --url LINK                    a link copied from the app (…#s=…): the chips it compares, each with its
                                chip count (or the chip lab's chip) on its workload; flags override it
  --hardware ID|all|ID,ID       chip profile id (see hardware-profiles/), "all", or a comma list
  --hardware-design FILE        a chip design (hardware-profiles/designs/): its derived profile is the
                                hardware (a scenario may also give "hardware": {"design": {...}})
  --chips N|auto                chips available (1-100000) or auto (fewest/cheapest that serve the SLO)
  --model ID                    model id (see models/)
  --precision P                 weights, activations and KV cache format:
                                bf16 fp16 fp8 fp6 fp4 mxfp4 nvfp4 int8 int4 fp32
  --weights P / --activations P / --kv-cache P   set one of them
  --input-tokens N              prompt tokens per request (1-1000000)
  --output-tokens N             generated tokens per request (1-1000000)
  --prefix-cache-hit-rate X     share of prompt tokens served from cache (0-0.99)
  --arrivals saturated|poisson  offline (every batch slot busy, default) or online random arrivals
                                (mean load kept where p99 concurrency fits the batch)
  --max-ttft-ms MS              latency limit on time to first token
  --max-tpot-ms MS              latency limit on time per output token
  --objective max-throughput|min-latency
  --batch N                     fixed batch per replica instead of an objective
  --max-batch N                 largest batch per replica the search may use (default 1024)
  --efficiency spec|achieved    spec-sheet silicon or today's software stacks (default achieved)
  --serving co-located|disaggregated   disaggregated: separate prefill and decode pools, KV over
                                the network (also reports the co-located result for comparison)
  --speculative mtp|MODEL_ID    speculative decoding with multi-token-prediction heads or a draft model
  --draft-tokens N (3)          --acceptance-rate X (0.7)

Economics
  --pricing rental|tco          headline price (both are reported when known; default rental)
  --rental-usd-per-chip-hour X  override the profile's rental price
  --capex-usd-per-chip X        override the chip price;  --capex-overhead X  server/network multiplier
  --depreciation-years X (4)    --cost-of-capital X (0.06)   --load-factor X (0.7)
  --pue X (1.2)                 --usd-per-kwh X (0.08)       --hosting-usd-per-kw-month X (150)

Output
  --format table|json|csv       default table; json prints one object (or {"results": [...]})
  --frontier                    also print the Pareto frontier (tokens/s per user vs per chip)
  --help                        this text

Exit codes: 0 ok (an infeasible deployment is a result with feasible=false and a reason);
2 invalid input (a one-line message names the field and the accepted range).
`;
