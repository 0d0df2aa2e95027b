// npm run validate [-- --format json] [--efficiency spec|achieved] [--csv PATH]
// Runs the engine on every usable row of reference/calibration.csv and prints predicted vs
// measured, the error summary, MLPerf relative accuracy, vendor-claim implications and the rows
// that cannot be modelled yet (with reasons). Writes nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { runIfScript, type CliIO } from '../src/cli/report';
import { scriptArgs } from '../src/cli/script-args';
import { CLI } from '../src/messages/cli';
import { formatValidationReport } from '../src/validation/report';
import { runValidation } from '../src/validation/validate';
import { parseCalibrationCsv } from '../src/validation/calibration-rows';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const USAGE = `usage: npm run validate -- [--format table|json] [--efficiency achieved|spec] [--csv PATH]

Runs the engine on every usable row of the calibration data and compares it with the measurement:
rows the fit used, held-out rows, leave-one-submission-out cross-validation, chip-to-chip ratios and
the coverage of the ranges. Writes nothing.

  --format table|json          default table; json is the report the Accuracy view shows
  --efficiency achieved|spec   achieved (default): today's software, fitted factors; spec: the silicon limit
  --csv PATH                   the calibration rows to read (an input; default reference/calibration.csv)
  --help                       this text

Exit codes: 0 ok; 2 invalid input (an error line naming the flag, then the usage line).
`;

const USAGE_LINE = USAGE.split('\n')[0]!;

export function main(argv: readonly string[], io: CliIO): number {
  const args = scriptArgs(argv, {
    '--format': { value: true, choices: ['table', 'json'] },
    '--efficiency': { value: true, choices: ['achieved', 'spec'] },
    '--csv': { value: true },
  }, USAGE, io);
  if (typeof args === 'number') return args;
  const format = args.values.get('--format') ?? 'table';
  const mode = args.values.get('--efficiency') === 'spec' ? 'spec' : 'achieved';
  const csvPath = args.values.get('--csv') ?? `${ROOT}reference/calibration.csv`;
  let text: string;
  try {
    text = readFileSync(csvPath, 'utf8');
  } catch {
    io.stderr.write(`${CLI.error(CLI.cannotRead('--csv', csvPath))}\n${USAGE_LINE}\n`);
    return 2;
  }
  // A file without the calibration columns, or without a row, is not calibration data: refused,
  // not read as 0 rows. A bad row is reported with the report, and the other rows are run.
  const parsed = parseCalibrationCsv(text);
  const missing = parsed.errors.filter((e) => e.startsWith('header:') || e === 'the file is empty');
  if (missing.length > 0 || parsed.rows.length === 0) {
    io.stderr.write(`${CLI.error(CLI.notCalibrationCsv(csvPath, missing[0] ?? CLI.noCalibrationRows, Math.max(0, missing.length - 1)))}\n${USAGE_LINE}\n`);
    return 2;
  }
  const { catalog, problems } = loadCatalogFromDisk();
  for (const p of problems) io.stderr.write(`warning: catalog: ${p}\n`);
  const report = runValidation(text, catalog, { efficiencyMode: mode });
  if (format === 'json') io.stdout.write(`${JSON.stringify(report, jsonNumbers, 2)}\n`);
  else io.stdout.write(formatValidationReport(report, args.values.get('--csv') ?? 'reference/calibration.csv'));
  return 0;
}

/** NaN/Infinity are not JSON: write them as null. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

runIfScript(import.meta.url, async (argv, io) => main(argv, io));
