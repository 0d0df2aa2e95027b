// Flags of `npm run design`: the design's own (--file, --format, --set, --sweep-matrix-share,
// --points, --calibration) are read here; the rest are the simulate CLI's workload flags, read by
// its parser into a scenario overlay (the sweep's workload).

import { defaultSettings } from '../app-state/defaults';
import { num, parseFlags, UsageError, type CliOptions } from './flags';
import { CLI } from '../messages/cli';

export interface DesignCliOptions {
  file: string | null;
  /** A link copied from the page in design mode: its design and the lab's workload and chips. */
  url: string | null;
  format: 'table' | 'json';
  sets: string[];
  sweep: boolean;
  points: number | null;
  calibration: boolean;
  help: boolean;
  overlay: Record<string, unknown>;
  /** Which workload flag set each scenario path, as typed (refusals name the flag). */
  origins: CliOptions['origins'];
}

/** Flags that take no value: "--calibration=no" would turn the output on. */
const SWITCHES: readonly string[] = ['--help', '-h', '--sweep-matrix-share', '--calibration'];
/** The design command's own flags that may be given once (the workload flags' parser refuses its own repeats). */
const OWN_FLAGS: readonly string[] = ['--file', '--url', '--sweep-matrix-share', '--calibration', '--points', '--format'];

export function parseDesignFlags(argv: string[]): DesignCliOptions {
  const options: DesignCliOptions = { file: null, url: null, format: 'table', sets: [], sweep: false, points: null, calibration: false, help: false, overlay: {}, origins: new Map() };
  const rest: string[] = [];
  // Each of the design's own flags once (--set repeats): the second --file was taken silently.
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (OWN_FLAGS.includes(flag)) {
      if (seen.has(flag)) throw new UsageError(CLI.givenTwice(flag));
      seen.add(flag);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    if (inline !== undefined && SWITCHES.includes(flag)) throw new UsageError(CLI.takesNoValue(flag, inline));
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--file') options.file = value();
    else if (flag === '--url') options.url = value();
    else if (flag === '--set') options.sets.push(value());
    else if (flag === '--sweep-matrix-share') options.sweep = true;
    else if (flag === '--calibration') options.calibration = true;
    else if (flag === '--points') {
      const v = value();
      const n = num(v);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 3 || n > 61) throw new UsageError(`--points must be an integer from 3 to 61, got "${v}"`);
      options.points = n;
    } else if (flag === '--format') {
      const typed = value();
      const f = typed.trim().toLowerCase();
      if (f !== 'table' && f !== 'json') throw new UsageError(`--format must be table or json, got "${typed}"`);
      options.format = f;
    } else if (flag === '--hardware' || flag === '--hardware-design' || flag === '--scenario' || flag === '--frontier') {
      throw new UsageError(`${flag} does not apply to a design (the design file is the hardware; see --help)`);
    } else {
      rest.push(arg);
      if (inline === undefined && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) rest.push(argv[++i]!);
    }
  }
  const workload = parseFlags(rest);
  options.overlay = workload.overlay;
  options.origins = workload.origins;
  if (options.file !== null && options.url !== null) throw new UsageError('--file and --url cannot go together: each gives the design; give one');
  // Flags an output does not read would be dropped without a word.
  if (options.calibration && options.sweep) throw new UsageError('--calibration and --sweep-matrix-share cannot go together: one output at a time');
  if (!options.sweep) {
    if (options.points !== null) throw new UsageError('--points applies to --sweep-matrix-share only');
    const workloadFlag = rest.find((a) => a.startsWith('--'));
    if (workloadFlag !== undefined) throw new UsageError(`${workloadFlag.split('=')[0]} is a workload flag: it applies to --sweep-matrix-share only`);
  }
  const economics = options.overlay.economics as Record<string, unknown> | undefined;
  if (economics?.pricing === 'rental' || economics?.rentalUsdPerChipHour !== undefined) {
    throw new UsageError('the sweep prices by TCO at the derived price (a design has no rental market): --pricing rental and --rental-usd-per-chip-hour do not apply');
  }
  return options;
}

/** The page's starting workload, which the design CLI does not apply (the help says so). */
const PAGE = defaultSettings();

export const DESIGN_HELP = `design: from silicon area to a hardware profile (and to tokens per dollar)

Usage: npm run --silent design -- --file DESIGN.json | --url LINK [options]

  --file FILE                  a design file (hardware-profiles/designs/*.json; schemaVersion 1)
  --url LINK                   instead of --file: a link copied from the chip lab in "Design from
                               silicon" mode: its design, and for the sweep the lab's workload and
                               chip count (workload flags override them), so the sweep is the page's
  --format table|json          json prints {"profile": <hardware profile>, "derivation": [...]}; with
                               --calibration {"rows"}; with --sweep-matrix-share the points, the
                               lowest $/M and what the sweep answers (model, precision, pricing ...)
  --set PATH=VALUE             override one field before checking, e.g. --set areaShares.matrix=0.6
                               --set dieAreaMm2=800 (VALUE is read as JSON, else as text); repeatable
  --calibration                derived vs published specs of the chip the design approximates
  --sweep-matrix-share         $/M output tokens and tokens/s per user against the matrix-area share
                               (area taken from SRAM and vector/control in proportion, I/O fixed),
                               priced by TCO at the derived price, with the lowest $/M marked
  --points N                   sweep points (3-61, default 21)
  workload flags of simulate (--model, --precision, --chips, --input-tokens, --output-tokens,
  --max-ttft-ms, --max-tpot-ms, --efficiency, economics ...): the sweep's workload (defaults as
  simulate: llama-3.1-70b fp8, 8 chips, 2048 in / 256 out, no latency limits; the page's lab
  sweeps under its own workload, which starts at ${PAGE.workload.inputTokens} in / ${PAGE.workload.outputTokens} out, TTFT <= ${PAGE.slo.maxTtftSeconds! * 1e3} ms
  and TPOT <= ${PAGE.slo.maxTpotSeconds! * 1e3} ms)

Simulate a design: npm run --silent simulate -- --hardware-design DESIGN.json --chips 8 ...

Exit codes: 0 ok; 2 invalid input (a message names the field and its limit).
`;
