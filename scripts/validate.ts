// npm run validate [-- --format json] [--efficiency spec|achieved] [--csv PATH]
// Runs the engine on every usable row of reference/calibration.csv and prints predicted vs
// measured, the error summary, MLPerf relative accuracy, vendor-claim implications and the rows
// that cannot be modelled yet (with reasons). Writes nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogFromDisk } from '../src/catalog/load-node';
import { formatValidationReport } from '../src/validation/report';
import { runValidation } from '../src/validation/validate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function usage(message: string): never {
  process.stderr.write(`error: ${message}\nusage: npm run validate -- [--format table|json] [--efficiency achieved|spec] [--csv PATH]\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let format: 'table' | 'json' = 'table';
  let mode: 'achieved' | 'spec' = 'achieved';
  let csvPath = `${ROOT}reference/calibration.csv`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--format') {
      const v = value();
      if (v !== 'table' && v !== 'json') usage(`--format must be table or json, got "${v}"`);
      format = v;
    } else if (a === '--efficiency') {
      const v = value();
      if (v !== 'achieved' && v !== 'spec') usage(`--efficiency must be achieved or spec, got "${v}"`);
      mode = v;
    } else if (a === '--csv') csvPath = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write('npm run validate -- [--format table|json] [--efficiency achieved|spec] [--csv PATH]\n');
      return;
    } else usage(`unknown option "${a}"`);
  }
  let text: string;
  try {
    text = readFileSync(csvPath, 'utf8');
  } catch {
    usage(`cannot read "${csvPath}"`);
  }
  const { catalog, problems } = loadCatalogFromDisk();
  for (const p of problems) process.stderr.write(`warning: catalog: ${p}\n`);
  const report = runValidation(text, catalog, { efficiencyMode: mode });
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, jsonNumbers, 2)}\n`);
  else process.stdout.write(formatValidationReport(report));
}

/** NaN/Infinity are not JSON: write them as null. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

main(process.argv.slice(2));
