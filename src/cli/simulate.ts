import { readFileSync } from 'node:fs';
import { loadCatalogFromDisk } from '../catalog/load-node';
import { simulate } from '../engine/simulate';
import type { SimulationResult } from '../engine/types';
import { formatIssue } from '../parse/fields';
import { parseScenario } from '../scenario/parse-scenario';
import { resolveScenario } from '../scenario/resolve';
import { defaultScenario, type Scenario } from '../scenario/scenario';
import { HELP, UsageError, parseFlags, type CliOptions } from './flags';
import { CSV_COLUMNS, csvRow, formatComparisonTable, formatResultTable } from './output';
import { scenariosFromLink, type LinkScenarios } from './link';
import { rankResults } from '../engine/analysis/rank';
import type { Catalog } from '../catalog/catalog';
import { formatPublished, publishedFigures, type PublishedFigure } from './published';
import { hardwareFromDesignFile } from './design-file';

/** Exit code 2 with one line on stderr: user errors never print a stack trace. */
function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

async function loadLink(options: CliOptions, catalog: Catalog): Promise<LinkScenarios | null> {
  if (options.url === null) return null;
  const fromLink = await scenariosFromLink(options.url, catalog);
  if (fromLink.value === null) fail(`--url: ${fromLink.error ?? 'the link could not be read'}`);
  for (const w of fromLink.value.warnings) process.stderr.write(`warning: --url: ${w}\n`);
  return fromLink.value;
}

function loadBase(options: CliOptions, base: Scenario = defaultScenario()): Scenario {
  if (options.scenarioFile !== null) {
    let text: string;
    try {
      text = readFileSync(options.scenarioFile, 'utf8');
    } catch {
      fail(`--scenario: cannot read file "${options.scenarioFile}"`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      fail(`--scenario: "${options.scenarioFile}" is not valid JSON (${(e as Error).message})`);
    }
    base = check(parseScenario(raw, base), 'scenario file');
  }
  return base;
}

function check(outcome: ReturnType<typeof parseScenario>, where: string): Scenario {
  const first = outcome.errors[0];
  if (first !== undefined) fail(`${where}: ${formatIssue(first)}`);
  for (const w of outcome.warnings) process.stderr.write(`warning: ${where}: ${formatIssue(w)}\n`);
  return outcome.value;
}

async function main(argv: string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseFlags(argv);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message);
    throw e;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  if (options.hardwareDesign !== null) {
    const hardware = hardwareFromDesignFile(options.hardwareDesign);
    if ('errors' in hardware) {
      for (const line of hardware.errors.slice(1)) process.stderr.write(`error: ${line}\n`);
      fail(hardware.errors[0] ?? 'the design could not be read');
    }
    options.overlay.hardware = hardware.profile;
  }
  const { catalog, problems } = loadCatalogFromDisk();
  for (const p of problems) process.stderr.write(`warning: catalog: ${p}\n`);
  // A link gives one scenario per chip the page shows (each with its own chip count).
  const link = await loadLink(options, catalog);
  const bases = (link?.scenarios ?? [defaultScenario()]).map((b) => check(parseScenario(options.overlay, loadBase(options, b)), 'flags'));
  const scenario = bases[0]!;

  const hardwareIds = options.hardwareList === null ? null
    : options.hardwareList.length === 0 ? [...catalog.hardware.keys()] : options.hardwareList;
  const scenarios: Scenario[] = hardwareIds === null ? bases : hardwareIds.map((id) => ({ ...scenario, hardware: id }));
  const results: { result: SimulationResult; hardwareName: string; modelName: string }[] = [];
  for (const s of scenarios) {
    const resolved = resolveScenario(s, catalog);
    const first = resolved.errors[0];
    if (resolved.value === null || first !== undefined) fail(first ? formatIssue(first) : 'scenario could not be resolved');
    results.push({ result: simulate(resolved.value), hardwareName: resolved.value.hardware.name, modelName: resolved.value.model.name });
  }
  const many = hardwareIds !== null || results.length > 1;
  if (hardwareIds !== null) results.sort((a, b) => rank(b.result) - rank(a.result));
  else if (many && link?.rankBy) {
    // The page's order: ranked by the link's metric, infeasible chips last.
    const order = rankResults(results.map((r) => r.result), link.rankBy).map((r) => r.result);
    results.sort((a, b) => order.indexOf(a.result) - order.indexOf(b.result));
  }
  // One chip: also show what has been published for it on this model (MLPerf, vendor tables, claims).
  const single = many ? null : results[0]!.result;
  const published = single === null ? [] : publishedFigures(catalog, single.hardwareId, single.modelId, scenario.efficiencyMode);
  process.stdout.write(render(options, results, published, many));
}

function rank(r: SimulationResult): number {
  return r.feasible ? r.outputTokensPerSecondPerDollarPerHour : -1;
}

function render(
  options: CliOptions,
  results: { result: SimulationResult; hardwareName: string; modelName: string }[],
  published: PublishedFigure[],
  many: boolean,
): string {
  if (options.format === 'json') {
    const strip = (r: SimulationResult) => (options.frontier ? r : { ...r, frontier: undefined });
    return `${JSON.stringify(many ? { results: results.map((x) => strip(x.result)) } : { ...strip(results[0]!.result), published }, null, 2)}\n`;
  }
  if (options.format === 'csv') return `${CSV_COLUMNS.join(',')}\n${results.map((x) => csvRow(x.result)).join('\n')}\n`;
  let text = many ? formatComparisonTable(results.map((x) => x.result))
    : formatResultTable(results[0]!.result, results[0]!.hardwareName, results[0]!.modelName) + formatPublished(published);
  if (options.frontier) {
    for (const { result } of results) {
      text += `\nPareto frontier for ${result.hardwareId} (per replica, no SLO applied):\n`;
      text += 'tok/s/user  tok/s/chip  $/M out  chips  TPxPPxEP  batch\n';
      for (const p of result.frontier) {
        text += `${p.tokensPerSecondPerUser.toFixed(1).padStart(10)}  ${p.outputTokensPerSecondPerChip.toFixed(1).padStart(10)}  ${p.usdPerMillionOutputTokens.toFixed(3).padStart(7)}  ${String(p.chips).padStart(5)}  ${`${p.tensorParallel}x${p.pipelineParallel}x${p.expertParallel}`.padEnd(8)}  ${p.batch}\n`;
      }
    }
  }
  return text;
}

void main(process.argv.slice(2));
