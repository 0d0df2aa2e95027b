// Command-line flags -> a raw scenario overlay. Values are not validated here: the overlay goes
// through parseScenario, the one parse step, so the CLI, files and links report problems alike.
// Each flag records the scenario path it sets, so a problem found there is reported under the
// flag's own name and unit (flagIssue).

import { CLI, quoted } from '../messages/cli';
import type { FieldIssue, NumberRule } from '../parse/fields';
import { formatIssue, messageNumber } from '../parse/fields';
import { separatorReadings, thousandsPointReadings, ungroupDigits } from '../parse/digit-groups';
import { FIELD_MESSAGES } from '../messages/fields';
import { defaultSettings } from '../app-state/defaults';
import { LIMITS } from '../scenario/limits';
import { groupedInteger } from '../format/decimal';

export interface CliOptions {
  scenarioFile: string | null;
  url: string | null;
  /** --hardware-design FILE: a chip design file, derived into the scenario's hardware. */
  hardwareDesign: string | null;
  /** null: one chip (or the link's); []: every catalog chip; else these ids, without repeats. */
  hardwareList: string[] | null;
  format: 'table' | 'json' | 'csv';
  frontier: boolean;
  help: boolean;
  overlay: Record<string, unknown>;
  /** Scenario path -> the flag that set it, with what was typed. */
  origins: Map<string, { flag: string; text: string }>;
}

export class UsageError extends Error {}

interface ValueFlag {
  /** Scenario path the value lands on. */
  path: string;
  apply(overlay: Record<string, unknown>, value: string): void;
  /** Flags typed in another unit than the scenario's: the rule and the factor to the scenario's unit. */
  scaled?: { rule: NumberRule; factor: number; unit: string };
  /** Other scenario paths the value may land on, so their problems are named under this flag. */
  alsoSets?: readonly string[];
  /** A latency limit: "none" removes it (over a --scenario file's or a --url link's limit). */
  noneIsNoLimit?: boolean;
  /** A share (0-1), also read as a percentage ("56%"). */
  share?: boolean;
}

function at(path: string, convert: (v: string) => unknown = num): ValueFlag {
  const keys = path.split('.');
  return {
    path,
    apply(o, v) {
      let target = o;
      for (const k of keys.slice(0, -1)) target = sub(target, k);
      target[keys[keys.length - 1]!] = convert(v);
    },
  };
}

/** A share flag: "0.56" or "56%". */
function share(path: string): ValueFlag {
  return { ...at(path, fraction), share: true };
}

function latencyLimit(path: string, rule: NumberRule): ValueFlag {
  return { ...at(path, limitMs), scaled: { rule, factor: 1e-3, unit: 'ms' }, noneIsNoLimit: true };
}

/** A latency limit typed in ms, or "none" for no limit (null). */
export const limitMs = (v: string): unknown => (v.trim().toLowerCase() === 'none' ? null : scaled(v, 1e-3));

const text = (v: string) => v;
/** A keyword flag value ("auto", "fp8", "rental"): read whatever its case, as "none" is. */
const word = (v: string) => v.trim().toLowerCase();

/** Shares as the page shows them too: "56%" = 0.56; a bare number is the fraction itself. */
export function fraction(v: string): number | string {
  const m = /^\s*(.+?)\s*%\s*$/.exec(v);
  if (m === null) return num(v);
  const n = num(m[1]!);
  return typeof n === 'number' ? Number((n / 100).toPrecision(12)) : v;
}

/** Token counts as the page reads them too: "2k" = 2,000, "0.5m" = 500,000, "2,048" (settings-input.ts). */
export function count(v: string): number | string {
  // A misplaced comma ("4,8") stays in the text, and the scenario parser refuses it.
  const grouped = ungroupDigits(v) ?? v;
  // "1.000" stays text too: 1000 or 1 is a guess (flagIssue says which to type).
  if (thousandsPointReadings(grouped) !== null) return v;
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([kKmM])\s*$/.exec(grouped);
  if (m === null) return num(grouped);
  // To 12 significant digits: 1.1 x 1000 is 1100.0000000000002 in binary floating point.
  return Number((Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : 1e6)).toPrecision(12));
}
const autoOrNum = (v: string) => (word(v) === 'auto' ? 'auto' : num(v));

/** Flags that take a value, with where the value goes in the scenario. */
const VALUE_FLAGS: ReadonlyMap<string, ValueFlag> = new Map<string, ValueFlag>([
  ['--chips', at('chips', (v) => (word(v) === 'auto' ? 'auto' : count(v)))],
  ['--model', at('model', word)],
  ['--precision', {
    path: 'precision',
    // --weights, --activations and --kv-cache win over it, in any order.
    apply: (o, v) => {
      const p = sub(o, 'precision');
      for (const key of ['weights', 'activations', 'kvCache']) p[key] ??= word(v);
    },
  }],
  ['--weights', at('precision.weights', word)],
  ['--activations', at('precision.activations', word)],
  ['--kv-cache', at('precision.kvCache', word)],
  ['--input-tokens', at('workload.inputTokens', count)],
  ['--output-tokens', at('workload.outputTokens', count)],
  ['--prefix-cache-hit-rate', share('workload.prefixCacheHitRate')],
  ['--arrivals', at('workload.arrivals', word)],
  ['--max-ttft-ms', latencyLimit('slo.maxTtftSeconds', LIMITS.maxTtftSeconds)],
  ['--max-tpot-ms', latencyLimit('slo.maxTpotSeconds', LIMITS.maxTpotSeconds)],
  ['--objective', {
    path: 'objective',
    // The scenario's third form, {"batch": N}, is the --batch flag here.
    apply: (o, v) => {
      const w = word(v);
      if (w !== 'max-throughput' && w !== 'min-latency') throw new UsageError(CLI.badChoice('--objective', ['max-throughput', 'min-latency (for a fixed batch, --batch N)'], v));
      o.objective = w;
    },
  }],
  ['--batch', { path: 'objective.batch', apply: (o, v) => { o.objective = { batch: count(v) }; } }],
  ['--pricing', at('economics.pricing', word)],
  ['--rental-usd-per-chip-hour', at('economics.rentalUsdPerChipHour')],
  ['--capex-usd-per-chip', at('economics.capexUsdPerChip')],
  ['--capex-overhead', at('economics.capexOverheadMultiplier')],
  ['--depreciation-years', at('economics.depreciationYears')],
  ['--cost-of-capital', share('economics.costOfCapitalPerYear')],
  ['--load-factor', share('economics.loadFactor')],
  ['--pue', at('economics.pue')],
  ['--usd-per-kwh', at('economics.usdPerKwh')],
  ['--hosting-usd-per-kw-month', at('economics.hostingUsdPerKwMonth')],
  ['--efficiency', at('efficiencyMode', word)],
  ['--max-sequences', at('engine.maxSequences', count)],
  ['--max-batch', at('engine.maxSequences', count)],
  ['--max-tokens-per-step', at('engine.maxTokensPerStep', (v) => (word(v) === 'auto' ? 'auto' : count(v)))],
  ['--prefill-chunk', at('engine.prefillChunkTokens', count)],
  ['--overlap', at('engine.overlap', word)],
  ['--scheduler', at('engine.scheduler', word)],
  ['--tp', at('layout.tensorParallel', autoOrNum)],
  ['--pp', at('layout.pipelineParallel', autoOrNum)],
  ['--ep', at('layout.expertParallel', autoOrNum)],
  ['--dp-attention', at('layout.dataParallelAttention', word)],
  ['--serving', at('serving', word)],
  ['--speculative', {
    path: 'speculative.method',
    alsoSets: ['speculative.draftModel'],
    apply: (o, v) => {
      const spec = sub(o, 'speculative');
      if (v === 'mtp') spec.method = 'mtp';
      else Object.assign(spec, { method: 'draft-model', draftModel: v });
    },
  }],
  ['--draft-tokens', at('speculative.draftTokens')],
  ['--acceptance-rate', share('speculative.acceptanceRate')],
]);

/** Decimal notation only: Number() would also read "0x32" as 50, "0b1" as 1 and "Infinity". */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number when the text is one written in decimal, else the text itself so the parser can name it in its message. */
export function num(text: string): number | string {
  // Commas that group thousands ("25,000"), as every field of the page reads them (settings-input.ts).
  const trimmed = ungroupDigits(text.trim()) ?? text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : text;
}

export function scaled(text: string, factor: number): number | string {
  const n = num(text);
  return typeof n === 'number' ? n * factor : n;
}

export function sub(overlay: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = overlay[key];
  if (typeof existing === 'object' && existing !== null) return existing as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  overlay[key] = fresh;
  return fresh;
}

function hardwareIds(value: string): string[] {
  // Catalog ids are lower case: an id typed in capitals names the same chip.
  const items = value.split(',').map((s) => s.trim().toLowerCase());
  if (items.every((s) => s === '')) throw new UsageError(CLI.noHardware(value));
  // "a," or "a,,b": an id was left out, not a list to read around it.
  if (items.some((s) => s === '')) throw new UsageError(CLI.emptyHardwareItem(value));
  // Like a flag given twice: dropping the repeat silently would hide a typo for another chip.
  const twice = items.find((id, i) => items.indexOf(id) !== i);
  if (twice !== undefined) throw new UsageError(CLI.repeatedHardwareItem(twice, value));
  return items;
}

/**
 * Walks `--flag value` and `--flag=value` arguments: `visit` gets each flag and a reader of its
 * value (called only by flags that take one). Throws UsageError when a value is missing (or is the
 * next flag), when a switch is given a value ("--frontier=no"), and when a flag other than --help
 * comes twice: the second value would silently replace the first.
 */
export function walkArgs(argv: readonly string[], visit: (flag: string, value: () => string) => void): void {
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag !== '--help' && flag !== '-h' && seen.has(flag)) throw new UsageError(CLI.givenTwice(flag));
    seen.add(flag);
    let read = false;
    visit(flag, () => {
      read = true;
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(CLI.needsValue(flag));
      // "--input-tokens --output-tokens 5": the next flag is not this one's value (no value starts with "--").
      if (/^--[a-z]/i.test(next)) throw new UsageError(CLI.needsValueBefore(flag, next));
      i += 1;
      return next;
    });
    // "--frontier=no" would turn the frontier on: a switch takes no value.
    if (inline !== undefined && !read) throw new UsageError(CLI.takesNoValue(flag, inline));
  }
}

/** --format's value, checked. */
export function readFormat(value: string): 'table' | 'json' | 'csv' {
  // Case-blind, as every other choice flag is (--pricing TCO, --precision FP8).
  const v = value.trim().toLowerCase();
  if (v !== 'table' && v !== 'json' && v !== 'csv') throw new UsageError(CLI.badChoice('--format', ['table', 'json', 'csv'], value));
  return v;
}

export function parseFlags(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    scenarioFile: null, url: null, hardwareDesign: null, hardwareList: null, format: 'table', frontier: false, help: false, overlay: {}, origins: new Map(),
  };
  const seen = new Set<string>();
  walkArgs(argv, (flag, value) => {
    seen.add(flag);
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--frontier') options.frontier = true;
    else if (flag === '--scenario') options.scenarioFile = value();
    else if (flag === '--url') options.url = value();
    else if (flag === '--hardware-design') options.hardwareDesign = value();
    else if (flag === '--format') options.format = readFormat(value());
    else if (flag === '--hardware') {
      const v = value();
      if (v.trim().toLowerCase() === 'all') options.hardwareList = [];
      else {
        const ids = hardwareIds(v);
        // A problem with any id of the list is named under the flag, as for a single id.
        options.origins.set('hardware', { flag, text: v });
        if (ids.length === 1 && !v.includes(',')) {
          options.overlay.hardware = ids[0];
          options.hardwareList = null;
        } else options.hardwareList = ids;
      }
    } else {
      const def = VALUE_FLAGS.get(flag);
      if (def === undefined) throw new UsageError(CLI.unknownOption(flag));
      // Two names of one field (--max-batch, --max-sequences): the later would win without a word.
      const same = options.origins.get(def.path);
      if (same !== undefined) throw new UsageError(CLI.flagsConflict(same.flag, flag, `both set ${def.path}; give one`));
      const v = value();
      def.apply(options.overlay, v);
      for (const path of [def.path, ...(def.alsoSets ?? [])]) options.origins.set(path, { flag, text: v });
    }
  });
  // Flags that set the same thing: whichever came last would win without a word.
  if (seen.has('--batch') && seen.has('--objective')) {
    throw new UsageError(CLI.flagsConflict('--batch', '--objective', '--batch fixes the batch, --objective chooses it; give one'));
  }
  if (options.frontier && options.format === 'csv') {
    throw new UsageError(CLI.flagsConflict('--frontier', '--format csv', 'CSV has one row per result; the frontier prints in table and json'));
  }
  if (options.url !== null && options.scenarioFile !== null) {
    throw new UsageError(CLI.flagsConflict('--url', '--scenario', 'each is a whole scenario; give one (flags override either)'));
  }
  // With a link, --hardware names the chips to run on the link's workload, as "all" or a list does:
  // set on each of the link's chips, one id would repeat one row per chip the link compares.
  if (options.url !== null && typeof options.overlay.hardware === 'string') {
    options.hardwareList = [options.overlay.hardware];
    delete options.overlay.hardware;
  }
  if (options.hardwareDesign !== null) {
    for (const other of ['--hardware', '--url'] as const) {
      if (seen.has(other)) throw new UsageError(CLI.flagsConflict('--hardware-design', other, 'the design file is the hardware; give one'));
    }
  }
  return options;
}

function describeRange(rule: NumberRule, factor: number, unit: string): string {
  // Thousands grouped as the page writes them ("1,000,000 tokens"; the flags accept that form too).
  const show = (x: number) => {
    const v = Number((x / factor).toPrecision(12));
    return Number.isInteger(v) && Math.abs(v) >= 1e4 && Math.abs(v) < 1e15 ? groupedInteger(v) : String(v);
  };
  return `${rule.integer ? 'an integer' : 'a number'} from ${show(rule.min)} to ${show(rule.max)} ${unit}`;
}

/**
 * A scenario problem as the user should read it: under the flag that set the field (in the flag's
 * own unit), else as the parser wrote it.
 */
export function flagIssue(issue: FieldIssue, origins: CliOptions['origins']): string {
  // The flag that set the field, the group it belongs to (--precision for precision.weights), or
  // one that set a field inside it (--tp for a rule on the whole layout).
  const origin = origins.get(issue.path) ?? origins.get(issue.path.split('.')[0]!)
    ?? [...origins].find(([path]) => path.startsWith(`${issue.path}.`))?.[1];
  if (origin === undefined) return formatIssue(issue);
  const def = VALUE_FLAGS.get(origin.flag);
  // What the page says of the same text: a separator that groups nothing ("4,8" is not 48, "1.000"
  // in a count is 1000 or 1), or a percentage typed without its sign in a share flag ("70" meant as 70 %).
  const typed = origin.text.trim();
  const exact = origins.get(issue.path) === origin;
  const integer = /integer/.test(issue.message);
  // A separator refused as the page refuses it, then what the flag accepts in its own unit.
  const refused = (reason: string) => {
    const range = flagRangeText(issue, def, exact);
    return CLI.flagIssue(origin.flag, `${reason}; ${range === null ? issue.message.replace(/, got .*$/, '') : `must be ${range}`}`);
  };
  if (typed.includes(',') && ungroupDigits(typed) === null) {
    return refused(FIELD_MESSAGES.commaNotGrouping(typed, separatorReadings(typed), integer));
  }
  const pointed = integer ? thousandsPointReadings(typed) : null;
  if (pointed !== null) return refused(FIELD_MESSAGES.pointNotGrouping(typed, pointed));
  const message = flagMessage(issue, origin, def, exact);
  const percent = Number(typed);
  return def?.share === true && /^\d+(\.\d+)?$/.test(typed) && percent > 1 && percent <= 100
    ? CLI.sharePercentHint(message, typed) : message;
}

/**
 * What the flag accepts, in its own unit ("a number from 0.1 to 60000 ms (or "none": no limit)"),
 * or null when the issue is not about its range. A flag cannot be typed as null: leaving it out
 * keeps the default. `exact`: the flag set this very field (not its group, nor a field inside it).
 */
function flagRangeText(issue: FieldIssue, def: ValueFlag | undefined, exact: boolean): string | null {
  if (def?.scaled !== undefined) {
    const range = describeRange(def.scaled.rule, def.scaled.factor, def.scaled.unit);
    return def.noneIsNoLimit === true ? `${range} (or "none": no limit)` : range;
  }
  const range = /^must be (.*?)(?: or null)?, got .*$/.exec(issue.message);
  if (range === null || !exact) return null;
  // A share flag takes percentages too: say the bounds both ways ("from 0 to 0.99 (0% to 99%)").
  const bounds = def?.share === true ? /from ([\d.]+) to ([\d.]+)$/.exec(range[1]!) : null;
  const pct = (x: string) => `${Number((Number(x) * 100).toPrecision(12))}%`;
  if (bounds !== null) return `${range[1]!} (${pct(bounds[1]!)} to ${pct(bounds[2]!)})`;
  return range[1]!.replace(/(?<![\d.])\d{5,15}(?![\d.])/g, (n) => groupedInteger(Number(n)));
}

function flagMessage(issue: FieldIssue, origin: { flag: string; text: string }, def: ValueFlag | undefined, exact: boolean): string {
  // The value as typed ("1e99"), not as the parser re-printed the number ("1e+99").
  const range = flagRangeText(issue, def, exact);
  if (range !== null) return CLI.flagRange(origin.flag, range, origin.text);
  // In the flag's own terms: the field path is the flag's business, not the user's.
  return CLI.flagIssue(origin.flag, issue.message.replace(/, got .*$/, `, got ${quoted(origin.text)}`));
}

/** Flags that only make sense with speculative decoding on, as typed. */
export function speculativeOnlyFlag(options: CliOptions): string | null {
  for (const path of ['speculative.draftTokens', 'speculative.acceptanceRate']) {
    const origin = options.origins.get(path);
    if (origin !== undefined) return origin.flag;
  }
  return null;
}

/** The page's starting latency limits, which the CLI does not apply unless asked (the help says so). */
const PAGE_SLO = defaultSettings().slo;

/** A flag's accepted range as messages write numbers ("1 to 1,000,000"), in the flag's unit (`scale` per SI unit). */
function span(rule: NumberRule, scale = 1): string {
  return `${messageNumber(rule.min * scale)} to ${messageNumber(rule.max * scale)}`;
}

export const HELP = `simulate: what does a token cost on this chip?

Usage: npm run --silent simulate -- [options]

Scenario
  --scenario FILE.json          scenario file (version 2; version 1 files are upgraded); flags override its fields
  --url LINK                    a link copied from the app (…#s=…): the chips it compares, each with its
                                chip count (or the chip lab's chip) on its workload; flags override it,
                                and --hardware runs the chips it names instead, on the link's workload
  --hardware ID|all|ID,ID       chip profile id (see hardware-profiles/), "all", or a comma list
                                (default nvidia-h200-sxm)
  --hardware-design FILE        a chip design (hardware-profiles/designs/): its derived profile is the
                                hardware (a scenario may also give "hardware": {"design": {...}})
  --chips N|auto                chips available (${span(LIMITS.chips)}; default 8) or auto (the fewest chips within 1% of the most tokens/s per chip
                                under the SLO; with --objective min-latency, within 1% of the lowest request latency)
  --model ID                    model id (see models/; default llama-3.1-70b)
  --precision P                 weights, activations and KV cache format (default fp8):
                                bf16 fp16 fp8 fp6 fp4 mxfp4 nvfp4 int8 int4 fp32
  --weights P / --activations P / --kv-cache P   set one of them (over --precision, in any order)
  --input-tokens N              prompt tokens per request (${span(LIMITS.inputTokens)}; default 2048; 2k = 2000, 1m = 1000000)
  --output-tokens N             generated tokens per request (${span(LIMITS.outputTokens)}; default 256, the page's is 512)
  --prefix-cache-hit-rate X     share of prompt tokens served from cache (0-0.99, or 0%-99%)
  --arrivals saturated|poisson  offline (every batch slot busy, default) or online random arrivals
                                (mean load kept where p99 concurrency fits the batch)
  --max-ttft-ms MS|none         latency limit on time to first token (${span(LIMITS.maxTtftSeconds, 1e3)}; default none,
                                the page starts at ${messageNumber(PAGE_SLO.maxTtftSeconds! * 1e3)})
  --max-tpot-ms MS|none         latency limit on time per output token (${span(LIMITS.maxTpotSeconds, 1e3)}; default none,
                                the page starts at ${messageNumber(PAGE_SLO.maxTpotSeconds! * 1e3)})
  --objective max-throughput|min-latency   max-throughput (default): the smallest batch within 1% of
                                the best throughput the limits allow (lower latency for <= 1% fewer tokens);
                                min-latency: batch 1
  --batch N                     fixed batch per replica instead of an objective
  --efficiency achieved|spec|claim   today's software stacks (default), the silicon limit (the
                                kernel-measured shares of peak, software factor 1 or a fitted one above
                                it), or the vendor's
                                claimed efficiencies where a profile states them (they may exceed it)

Layout and engine caps (replay a published deployment; "auto" leaves it to the search)
  --tp N  --pp N  --ep N        pin tensor, pipeline and expert parallelism
  --dp-attention on|off|auto    attention data-parallel over the EP groups (SGLang DP attention)
  --max-sequences N             concurrent sequences per serving engine (max_num_seqs; default 1024);
                                --max-batch N is the same flag
  --max-tokens-per-step N|auto  tokens one step may hold, per micro-batch under PP (max_num_batched_tokens; default auto)
  --prefill-chunk N             prompt tokens computed per step for one prompt (default 8192)
  --overlap off|two-micro-batches   hide all-to-alls under compute with two micro-batches (default off)
  --scheduler per-micro-batch|per-replica   under PP with --arrivals poisson, burst headroom per micro-batch
                                (vLLM's virtual engines; default) or pooled per replica (TensorRT-LLM)
  --serving co-located|disaggregated   disaggregated: separate prefill and decode pools, KV over
                                the network (also reports the co-located result for comparison)
  --speculative mtp|MODEL_ID    speculative decoding with multi-token-prediction heads or a draft model
  --draft-tokens N (3)          --acceptance-rate X (0.7)   (with --speculative)

Economics
  --pricing rental|tco          headline price (both are reported when known; default rental)
  --rental-usd-per-chip-hour X  override the profile's rental price
  --capex-usd-per-chip X        override the chip price;  --capex-overhead X  server/network multiplier
  --depreciation-years X (4)    --cost-of-capital X (0.06)   --load-factor X (0.7: power draw, share of TDP)
  --pue X (1.2)                 --usd-per-kwh X (0.08)       --hosting-usd-per-kw-month X (150)

Token counts also read 2,048, 2k and 0.5m; shares (cache hit rate, cost of capital, load factor,
acceptance rate) also read percentages: 56% = 0.56.

Output
  --format table|json|csv       default table; json prints one object (or {"results": [...]})
  --frontier                    also print the Pareto frontier (tokens/s per user vs per chip)
  --help                        this text

Exit codes: 0 ok (an infeasible deployment is a result with feasible=false and a reason);
2 invalid input (a one-line message names the flag or field and the accepted range).
`;
