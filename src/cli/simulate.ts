// The headless CLI: `main(argv, io)` parses flags (and a scenario file or a page link), runs the
// engine and writes the result; it returns the exit code (0, or 2 for invalid input). Run as a
// script (`npm run simulate`), it is called with process.argv and the process's streams.

import { readFileSync } from 'node:fs';
import { loadCatalogFromDisk } from '../catalog/load-node';
import type { Catalog } from '../catalog/catalog';
import { evidenceBackedBy } from '../catalog/chip-evidence';
import { evidenceNotBacked } from '../messages/evidence';
import { rankResults, type RankKey, type RankedResult } from '../engine/analysis/rank';
import { simulate } from '../engine/simulate';
import type { HardwareProfile, SimulationResult } from '../engine/types';
import { CLI, oneLine } from '../messages/cli';
import { formatIssue, isRecord } from '../parse/fields';
import { readJsonText } from '../parse/json-text';
import { parseScenario } from '../scenario/parse-scenario';
import { resolveScenario } from '../scenario/resolve';
import { SCENARIO_VERSION, defaultScenario, type Scenario } from '../scenario/scenario';
import { HELP, UsageError, flagIssue, parseFlags, speculativeOnlyFlag, type CliOptions } from './flags';
import { scenariosFromLink, type LinkScenarios } from './link';
import { CSV_COLUMNS, csvRow, formatComparisonTable, formatResultTable } from './output';
import { estimatedSpecs } from '../records/estimated-specs';
import { formatPublished, publishedFigures, type PublishedFigure } from './published';
import { formatMarketCheck, marketChecks } from './market-check';
import { limitingResource, type ResourceLimit } from '../engine/analysis/limiting-resource';
import { usdPerMillionOfResult } from '../engine/analysis/sensitivity';
import type { MarketCheck } from '../market/market-check';
import { MARKET_CHECK } from '../messages/market-check';
import { Reporter, runIfScript, runReported, type CliIO } from './report';
import { reportedResult } from '../export/reported-result';
import { hardwareFromDesignFile } from './design-file';

export type { CliIO };

/** A UTF-8 byte order mark some editors write at the start of a file. */
const BOM = /^\uFEFF/;

async function loadLink(options: CliOptions, catalog: Catalog, report: Reporter): Promise<LinkScenarios | null> {
  if (options.url === null) return null;
  const fromLink = await scenariosFromLink(options.url, catalog);
  if (fromLink.value === null) report.fail(`--url: ${fromLink.error ?? CLI.urlUnreadable}`);
  for (const w of fromLink.value.warnings) report.warn(`--url: ${w}`);
  return fromLink.value;
}

function readScenarioFile(path: string, report: Reporter): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    report.fail(CLI.cannotRead('--scenario', path));
  }
  const read = readJsonText(text.replace(BOM, ''));
  if (read.ok) return read.value;
  report.fail(read.kind === 'syntax' ? CLI.notJson('--scenario', path, read.error) : CLI.ambiguousJson('--scenario', path, read.error));
}

/** `where`: what the problems were read from ("scenario"), or null for flags, whose problems name the flag. */
function check(outcome: ReturnType<typeof parseScenario>, where: string | null, report: Reporter, describe = formatIssue): Scenario {
  const prefix = where === null ? '' : `${where}: `;
  const first = outcome.errors[0];
  if (first !== undefined) report.fail(`${prefix}${describe(first)}`);
  for (const w of outcome.warnings) report.warn(`${prefix}${describe(w)}`);
  return outcome.value;
}

/**
 * A chip the scenario file defines, with the evidence the catalog backs rather than the evidence
 * the file states (a file cannot make its chip "measured"); the change is reported.
 */
function withBackedEvidence(scenario: Scenario, raw: unknown, catalog: Catalog, report: Reporter): Scenario {
  if (typeof scenario.hardware === 'string' || !isRecord(raw) || !isRecord(raw.hardware)) return scenario;
  const { profile, claimed, priorFactor } = evidenceBackedBy(scenario.hardware, catalog);
  if (claimed !== null) report.warn(`scenario file: ${evidenceNotBacked(profile.id, catalog.hardware.has(profile.id), claimed, profile.efficiency.evidence, priorFactor)}`);
  return { ...scenario, hardware: profile };
}

/**
 * The flags applied to a base scenario. --draft-tokens and --acceptance-rate tune the speculative
 * decoding the base (or --speculative) turns on; alone they are a usage error.
 */
function withFlags(options: CliOptions, base: Scenario, report: Reporter): Scenario {
  const overlay = structuredClone(options.overlay);
  const spec = overlay.speculative;
  if (isRecord(spec) && spec.method === undefined) {
    if (base.speculative === null) report.fail(CLI.speculativeNeeded(speculativeOnlyFlag(options) ?? '--draft-tokens'));
    spec.method = base.speculative.method;
    if (base.speculative.method === 'draft-model') spec.draftModel = base.speculative.draftModel;
  }
  const outcome = parseScenario(overlay, base);
  // A --hardware-design file's warnings were reported under its path (run): not again as hardware.design.*.
  const warnings = options.hardwareDesign === null ? outcome.warnings : outcome.warnings.filter((w) => !w.path.startsWith('hardware.design'));
  return check({ ...outcome, warnings }, null, report, (issue) => flagIssue(issue, options.origins));
}

interface Row {
  /** The scenario that produced it: JSON output carries it, so a saved result says what it answers. */
  scenario: Scenario;
  result: SimulationResult;
  /** The resource its $/M depends on most (three extra searches). */
  limit: ResourceLimit;
  hardware: HardwareProfile;
  modelName: string;
  /** Its place in a ranking (a comparison: --hardware, or a link's chips), as the page ranks: null otherwise. */
  ranked: Omit<RankedResult, 'result'> | null;
}

async function run(argv: readonly string[], io: CliIO, report: Reporter): Promise<void> {
  let options: CliOptions;
  try {
    options = parseFlags(argv);
  } catch (e) {
    if (e instanceof UsageError) report.fail(e.message);
    throw e;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return;
  }
  if (options.hardwareDesign !== null) {
    const hardware = hardwareFromDesignFile(options.hardwareDesign);
    if ('errors' in hardware) {
      for (const line of hardware.errors.slice(1)) io.stderr.write(`error: ${oneLine(line)}\n`);
      report.fail(hardware.errors[0] ?? 'the design could not be read');
    }
    for (const w of hardware.warnings) report.warn(w);
    options.overlay.hardware = hardware.hardware;
  }
  const { catalog, problems } = loadCatalogFromDisk();
  for (const p of problems) report.warn(`catalog: ${p}`);
  // A link gives one scenario per chip the page shows (each with its own chip count).
  const link = await loadLink(options, catalog, report);
  const file = options.scenarioFile === null ? null : { raw: readScenarioFile(options.scenarioFile, report) };
  // A file says which format it is written in: read as today's, an older file would change meaning.
  if (file !== null && isRecord(file.raw) && !('version' in file.raw)) {
    // A saved --format json result carries its scenario inside: say where, not "add a version".
    if ('scenario' in file.raw || 'results' in file.raw) report.fail(CLI.scenarioIsResult(options.scenarioFile!));
    report.fail(CLI.scenarioVersionMissing(options.scenarioFile!, SCENARIO_VERSION));
  }
  const fileBase = (base: Scenario): Scenario => (file === null ? base
    : withBackedEvidence(check(parseScenario(file.raw, base), 'scenario file', report), file.raw, catalog, report));
  const bases = (link?.scenarios ?? [defaultScenario()]).map((b) => withFlags(options, fileBase(b), report));
  const scenario = bases[0]!;

  const hardwareIds = options.hardwareList === null ? null
    : options.hardwareList.length === 0 ? [...catalog.hardware.keys()] : options.hardwareList;
  // With a link, --hardware may name the link's own chips (imported, saved from the lab) as the page lists them.
  const linkChips = new Map([...(link?.scenarios ?? []), ...(link === null ? [] : [link.lab])]
    .flatMap((s) => (typeof s.hardware === 'string' ? [] : [[s.hardware.id, s.hardware] as const])));
  const scenarios: Scenario[] = hardwareIds === null ? bases : hardwareIds.map((id) => ({ ...scenario, hardware: linkChips.get(id) ?? id }));
  const results: Row[] = [];
  for (const s of scenarios) {
    const resolved = resolveScenario(s, catalog);
    const first = resolved.errors[0];
    // Under the flag that set the field when one did (--tp 3, not layout.tensorParallel).
    if (resolved.value === null || first !== undefined) report.fail(first ? flagIssue(first, options.origins) : CLI.unresolved);
    // The frontier is traced only when printed (--frontier).
    const result = simulate(resolved.value, { frontier: options.frontier });
    results.push({
      scenario: s, result, hardware: resolved.value.hardware, modelName: resolved.value.model.name,
      limit: limitingResource(resolved.value, usdPerMillionOfResult(result)),
      ranked: null,
    });
  }
  const many = hardwareIds !== null || results.length > 1;
  // --hardware: cheapest tokens first on the chosen pricing basis; a link: the page's order, by the
  // link's metric. Chips without a value (no price on the basis, infeasible) last, unranked.
  const rankBy = hardwareIds !== null ? 'usdPerMillionOutputTokens' : many ? link?.rankBy ?? undefined : undefined;
  if (rankBy !== undefined) {
    const rowOf = new Map(results.map((r) => [r.result, r]));
    const ranked = rankResults(results.map((r) => r.result), rankBy)
      .map(({ result, rank, distinguishable }) => ({ ...rowOf.get(result)!, ranked: { rank, distinguishable } }));
    results.splice(0, results.length, ...ranked);
  }
  // One chip: also show what has been published for it on this model (MLPerf, vendor tables, claims).
  const single = many ? null : results[0]!.result;
  const published = single === null ? [] : publishedFigures(catalog, single.hardwareId, single.modelId, scenario.efficiencyMode);
  const market = marketChecks(catalog, results.map((r) => ({ result: r.result, hardware: r.hardware })), scenario.workload, results[0]?.modelName ?? '');
  io.stdout.write(render(options, results, published, many, market, rankBy ?? null));
}

/** Runs the CLI; returns the exit code (0 ok, 2 invalid input). */
export function main(argv: readonly string[], io: CliIO): Promise<number> {
  return runReported(run, argv, io);
}

function render(options: CliOptions, results: Row[], published: PublishedFigure[], many: boolean, market: { checks: ReadonlyMap<string, MarketCheck>; note: string },
  rankBy: RankKey | null): string {
  const { checks } = market;
  if (options.format === 'json') {
    // Each result with the scenario it answers: `--scenario` reads that object back.
    // An infeasible result's deployment numbers are null, not the engine's zeros (reported-result.ts).
    const strip = (x: Row) => ({
      ...(x.ranked === null ? {} : { rank: x.ranked.rank, notDistinguishableFromLeader: x.ranked.distinguishable === false }),
      ...reportedResult(x.result), ...(options.frontier ? {} : { frontier: undefined }),
      // What the table's "*" stands for: the chip's estimated specs, used by this result or not (estimateMarks: those it uses).
      estimatedSpecs: estimatedSpecs(x.hardware).map((path) => `${path}: ${x.hardware.estimates[path]}`),
      limitingResource: x.limit,
      marketCheck: checks.get(x.result.hardwareId) ?? null,
      // Why there is none: the model (or a sibling of its architecture) has no public API price, or none that takes a request this long.
      marketCheckNote: checks.has(x.result.hardwareId) ? null : market.note,
      scenario: x.scenario,
    });
    return `${JSON.stringify(many ? { ...(rankBy === null ? {} : { rankedBy: rankBy }), results: results.map(strip) } : { ...strip(results[0]!), published }, null, 2)}\n`;
  }
  if (options.format === 'csv') return `${CSV_COLUMNS.join(',')}\n${results.map((x) => csvRow(x.result, x.limit, x.scenario, x.ranked, rankBy)).join('\n')}\n`;
  let text = many ? formatComparisonTable(results.map((x) => x.result), {
    ranks: new Map(results.map((x) => [x.result, x.ranked])),
    vsMarket: new Map([...checks].map(([id, c]) => [id, c.ratio])),
    limits: new Map(results.map((x) => [x.result.hardwareId, x.limit])),
    specEstimated: new Set(results.filter((x) => estimatedSpecs(x.hardware).length > 0).map((x) => x.result.hardwareId)),
    rankBy,
  })
    : formatResultTable(results[0]!.result, results[0]!.hardware, results[0]!.modelName, results[0]!.limit) + formatMarketCheck(checks.get(results[0]!.result.hardwareId), market.note)
      + formatPublished(published);
  if (options.frontier) {
    for (const { result } of results) {
      text += `\nPareto frontier for ${result.hardwareId} (per replica, no SLO applied):\n`;
      text += 'tok/s/user  tok/s/chip  $/M out  chips  TPxPPxEP  batch\n';
      for (const p of result.frontier) {
        text += `${p.tokensPerSecondPerUser.toFixed(1).padStart(10)}  ${p.outputTokensPerSecondPerChip.toFixed(1).padStart(10)}  ${p.usdPerMillionOutputTokens.toFixed(3).padStart(7)}  ${String(p.chips).padStart(5)}  ${`${p.tensorParallel}x${p.pipelineParallel}x${p.expertParallel}`.padEnd(8)}  ${p.batch}\n`;
      }
    }
  }
  // Names and reasons may come from a stranger's file or link: no escape codes reach the terminal.
  return text.split('\n').map(oneLine).join('\n');
}

runIfScript(import.meta.url, main);
