// `npm run design`: a design file -> its derived hardware profile and derivation (issue 15), the
// calibration against the chip it approximates, or the matrix-share sweep for a workload.

import { loadCatalogFromDisk } from '../catalog/load-node';
import { calibrationRows } from '../design/calibration';
import { deriveDesign } from '../design/derive';
import { designLabel } from '../design/label';
import { nearLowestRange, optimumEdge, optimumOf, sweepShares } from '../design/matrix-share';
import { sweepMatrixShare } from '../design/matrix-share-sweep';
import { formatIssue } from '../parse/fields';
import { parseScenario } from '../scenario/parse-scenario';
import { resolveScenario } from '../scenario/resolve';
import { defaultScenario } from '../scenario/scenario';
import { DESIGN_HELP, parseDesignFlags, type DesignCliOptions } from './design-flags';
import { designWithSets, loadDesignFile } from './design-file';
import { scenariosFromLink } from './link';
import type { ChipDesign } from '../records/chip-design';
import type { Scenario } from '../scenario/scenario';
import { formatCalibrationTable, formatDerivationTable, formatSweepTable } from './design-output';
import { flagIssue, UsageError } from './flags';
import { CLI, oneLine } from '../messages/cli';
import { chipsText } from '../messages/ui';
import { formatUsd } from '../format/units';
import { objectiveText } from '../export/context';
import { Reporter, runIfScript, runReported, type CliIO } from './report';

async function run(argv: readonly string[], io: CliIO, report: Reporter): Promise<void> {
  const fail: (lines: readonly string[]) => never = (lines) => {
    for (const line of lines.slice(0, -1)) io.stderr.write(`${CLI.error(line)}\n`);
    return report.fail(lines[lines.length - 1] ?? 'invalid input');
  };
  let options: DesignCliOptions;
  try {
    options = parseDesignFlags([...argv]);
  } catch (e) {
    if (e instanceof UsageError) fail([e.message]);
    throw e;
  }
  if (options.help) {
    io.stdout.write(DESIGN_HELP);
    return;
  }
  if (options.file === null && options.url === null) fail(['--file DESIGN.json or --url LINK is required (see --help)']);
  const link = options.url === null ? null : await designLink(options.url, report);
  const loaded = link === null ? loadDesignFile(options.file!, '--file', options.sets) : designWithSets(link.design, options.sets, 'the link\'s design');
  if ('errors' in loaded) fail(loaded.errors);
  for (const w of loaded.warnings) io.stderr.write(`note: ${oneLine(w)}\n`);
  const { design } = loaded;
  const outcome = deriveDesign(design);
  const json = options.format === 'json';
  // The design's name comes from a file or --set: no newline or escape code reaches the terminal.
  const label = oneLine(designLabel(design));
  const table = (text: string) => text.split('\n').map(oneLine).join('\n');

  if (options.calibration) {
    const { catalog } = loadCatalogFromDisk();
    const published = design.approximates === undefined ? undefined : catalog.hardware.get(design.approximates);
    const rows = calibrationRows(outcome, published);
    io.stdout.write(json ? `${JSON.stringify({ design: design.id, approximates: design.approximates ?? null, rows }, null, 2)}\n`
      : table(formatCalibrationTable(`${label} vs ${published?.name ?? 'no published chip'}`, rows)));
    return;
  }

  if (options.sweep) {
    const { catalog, problems } = loadCatalogFromDisk();
    for (const p of problems) report.warn(`catalog: ${p}`);
    const parsed = parseScenario({ ...options.overlay, hardware: outcome.profile }, link?.scenario ?? defaultScenario());
    const first = parsed.errors[0];
    if (first !== undefined) fail([flagIssue(first, options.origins)]);
    const resolved = resolveScenario(parsed.value, catalog);
    // Under the flag that set the field (--model nope), as simulate says it.
    if (resolved.value === null) fail(resolved.errors.map((e) => flagIssue(e, options.origins)));
    const { hardware: _h, chips, ...base } = resolved.value;
    const shares = sweepShares(design, options.points ?? undefined);
    const points = sweepMatrixShare(base, chips, design, shares);
    const optimum = optimumOf(points);
    const near = nearLowestRange(points);
    const w = base.workload;
    const slo = base.slo;
    const setPrice = base.economics.capexUsdPerChip;
    const pricing = setPrice === null ? 'tco at the derived price' : `tco at the set price of ${formatUsd(setPrice)} per chip`;
    const title = `Matrix-share sweep: ${label}, ${chips === 'auto' ? 'auto chips' : chipsText(chips)}, ${oneLine(base.model.name)} ${base.precision.weights}, ${w.inputTokens} in / ${w.outputTokens} out`
      + `${slo.maxTpotSeconds === null ? '' : `, TPOT <= ${slo.maxTpotSeconds * 1000} ms`}${slo.maxTtftSeconds === null ? '' : `, TTFT <= ${slo.maxTtftSeconds} s`}`
      + `${sweepSettingsText(parsed.value)}; ${pricing.replace('tco', 'TCO')}`;
    io.stdout.write(json
      // "lowest": the cheapest point swept; lowestAtRangeEdge says when an end of the range set it.
      ? `${JSON.stringify({
        design: design.id, model: base.model.id, precision: base.precision, efficiencyMode: base.efficiencyMode, pricing,
        chips, workload: w, slo, objective: base.objective, serving: base.serving, speculative: parsed.value.speculative,
        layout: base.layout, engine: base.engine, economics: base.economics, points,
        lowest: optimum, lowestAtRangeEdge: optimumEdge(points, optimum),
        withinOnePercent: near === null ? null : { fromMatrixShare: near.from.matrixShare, toMatrixShare: near.to.matrixShare },
      }, null, 2)}\n`
      : table(formatSweepTable(title, points, optimum, near, design.areaShares.matrix)));
    return;
  }

  io.stdout.write(json ? `${JSON.stringify({ profile: outcome.profile, derivation: outcome.derivation }, null, 2)}\n`
    : table(formatDerivationTable(`${label}: derived from silicon area`, outcome.derivation, outcome.warnings.map(formatIssue))));
}

/** The settings of a sweep that differ from the defaults, for its title (", spec mode, disaggregated"). */
function sweepSettingsText(s: Scenario): string {
  const d = defaultScenario();
  const parts: string[] = [];
  if (s.efficiencyMode !== d.efficiencyMode) parts.push(`${s.efficiencyMode} mode`);
  if (s.serving !== d.serving) parts.push(`${s.serving} serving`);
  if (s.workload.arrivals !== d.workload.arrivals) parts.push(`${s.workload.arrivals} arrivals`);
  if (s.workload.prefixCacheHitRate !== 0) parts.push(`${Math.round(s.workload.prefixCacheHitRate * 100)}% prefix-cache hits`);
  if (s.objective !== d.objective) parts.push(`objective ${objectiveText(s)}`);
  const spec = s.speculative;
  if (spec !== null) parts.push(`speculative ${spec.method === 'mtp' ? 'MTP' : `draft ${typeof spec.draftModel === 'string' ? spec.draftModel : spec.draftModel.id}`}`);
  const l = s.layout;
  const pins = (['tensorParallel', 'pipelineParallel', 'expertParallel', 'dataParallelAttention'] as const).filter((k) => l[k] !== 'auto').map((k) => `${k} ${l[k]}`);
  if (pins.length > 0) parts.push(`pinned ${pins.join(', ')}`);
  return parts.map((p) => `, ${oneLine(p)}`).join('');
}

/** The design and the lab's scenario of a link copied in the chip lab's design mode. */
async function designLink(url: string, report: Reporter): Promise<{ design: ChipDesign; scenario: Scenario }> {
  const { catalog } = loadCatalogFromDisk();
  const fromLink = await scenariosFromLink(url, catalog);
  if (fromLink.value === null) report.fail(`--url: ${fromLink.error ?? CLI.urlUnreadable}`);
  for (const w of fromLink.value.warnings) report.warn(`--url: ${w}`);
  const { design, lab } = fromLink.value;
  if (design === null) report.fail('--url: the link holds no chip design; open "Design from silicon" in the chip lab and copy the link from there');
  return { design, scenario: lab };
}

/** Runs the CLI; returns the exit code (0 ok, 2 invalid input). */
export function main(argv: readonly string[], io: CliIO): Promise<number> {
  return runReported(run, argv, io);
}

runIfScript(import.meta.url, main);
