// `npm run --silent market -- --format json|csv|table [--from DATE --to DATE --tier MMLU]`: the
// Market view's points, floors and decomposition in a terminal, from the copies of the two data
// files in reference/.

import { readFileSync } from 'node:fs';
import { loadCatalogFromDisk } from '../catalog/load-node';
import { engineEvaluator } from '../market/evaluate';
import { buildMarketData } from '../market/market-data';
import { parseMarketOptions } from '../market/options';
import { marketReport } from '../market/report';
import { noPointsNote } from '../messages/market-no-points';
import { pairOrderProblem } from '../market/pair';
import { flagIssue, UsageError } from './flags';
import { MARKET_HELP, parseMarketFlags, type MarketCliOptions } from './market-flags';
import { marketCsv } from '../export/market-csv';
import { marketJson, marketTable } from './market-output';
import { Reporter, runIfScript, runReported, type CliIO } from './report';

function run(argv: readonly string[], io: CliIO, report: Reporter): void {
  const fail: (message: string) => never = (message) => report.fail(message);
  const read = (name: string): string => {
    try {
      return readFileSync(new URL(`../../reference/${name}`, import.meta.url), 'utf8');
    } catch {
      return fail(`cannot read reference/${name}`);
    }
  };
  let flags: MarketCliOptions;
  try {
    flags = parseMarketFlags([...argv]);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    throw e;
  }
  if (flags.help) {
    io.stdout.write(MARKET_HELP);
    return;
  }
  const parsed = parseMarketOptions(flags.raw);
  const first = parsed.errors[0];
  if (first !== undefined) fail(flagIssue(first, flags.origins));
  const options = parsed.value;
  const { catalog, problems } = loadCatalogFromDisk();
  for (const p of problems) report.warn(`catalog: ${p}`);
  const data = buildMarketData(read('api_prices.csv'), read('market_history.csv'), catalog);
  for (const [flag, id] of [['--from-point', options.fromPoint], ['--to-point', options.toPoint]] as const) {
    if (id !== null && !data.points.some((p) => p.id === id)) fail(`${flag}: "${id}" is not a price point (the id column of --format csv lists them)`);
  }
  // Two picked points that cannot make a decomposition are an input error, as a reversed window is.
  const from = data.points.find((p) => p.id === options.fromPoint);
  const to = data.points.find((p) => p.id === options.toPoint);
  const order = from === undefined || to === undefined ? null : pairOrderProblem(from, to, { from: true, to: true });
  if (order !== null) fail(`--from-point and --to-point: ${order.text}`);
  const result = marketReport(data, options, catalog, engineEvaluator(catalog));
  // CSV has no place for a note: with no rows, why goes to stderr (the table prints it instead of rows).
  const empty = noPointsNote(result.notes);
  if (flags.format === 'csv' && empty !== undefined) report.warn(empty.text);
  const out = flags.format === 'json' ? marketJson(result) : flags.format === 'csv' ? marketCsv(result.points) : marketTable(result);
  io.stdout.write(out);
}

/** Runs the CLI; returns the exit code (0 ok, 2 invalid input). */
export function main(argv: readonly string[], io: CliIO): Promise<number> {
  return runReported(run, argv, io);
}

runIfScript(import.meta.url, main);
