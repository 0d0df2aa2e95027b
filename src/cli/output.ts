import { CHIP_PARAMETER_LABELS } from '../engine/analysis/scale-parameter';
import type { ResourceLimit } from '../engine/analysis/limiting-resource';
import { RANK_KEYS, rankRange, type RankKey, type RankedResult } from '../engine/analysis/rank';
import type { HardwareProfile, Range, SimulationResult } from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import { oneLine } from '../messages/cli';
import { ratioText } from '../messages/market-check';
import { formatBytes, formatNumber, formatPredicted, formatSeconds, formatUnitRange, formatUsd } from '../format/units';
import { batchLimitText, chipsText } from '../messages/ui';
import { latencyBoundPrediction, latencyLimitedNote } from '../validation/latency-limited-accuracy';
import { estimatedSpecs, isSpecMark } from '../records/estimated-specs';
import { csvCell } from '../export/csv';
import { reportedResult } from '../export/reported-result';
import { objectiveText } from '../export/context';

const EVIDENCE_MARK: Record<SimulationResult['evidence']['basis'], string> = { measured: '', family: '~', prior: '?', claim: '!' };

function usd(v: number | null): string {
  return v === null ? 'no price on this basis' : formatUsd(v);
}

function range(r: Range | null | undefined, format: (v: number) => string): string {
  return r === null || r === undefined ? '' : ` (${format(r.low)}-${format(r.high)})`;
}

function secondsRange(r: Range | null): string {
  return r === null ? '' : ` (${formatUnitRange(r.low, r.high, formatSeconds, '-')})`;
}

function evidenceText(r: SimulationResult): string {
  const e = r.evidence;
  if (e.basis === 'measured') return `measured (${e.rows} calibration rows of this chip)`;
  if (e.basis === 'family') return `family (fit of ${e.from ?? 'a sibling'}, ${e.rows} rows)`;
  return e.basis === 'prior' ? 'prior (no software factor fitted to its own measurements: medians of the measured families)' : 'claim (announced or vendor-claimed figures only; efficiencies on the prior)';
}

/** TPxPPxEP of the deployment; under disaggregated serving both pools, prefill then decode ("P 1x1x1 + D 2x1x1"). */
function layoutCell(r: SimulationResult): string {
  const shape = (p: { tensorParallel: number; pipelineParallel: number; expertParallel: number }) => `${p.tensorParallel}x${p.pipelineParallel}x${p.expertParallel}`;
  const d = r.disaggregation;
  return d === null ? shape(r.config) : `P ${d.prefill.replicas}*${shape(d.prefill)} + D ${d.decode.replicas}*${shape(d.decode)}`;
}

/** One-deployment report: a two-column table a person can read in a terminal. */
export function formatResultTable(r: SimulationResult, hardware: Pick<HardwareProfile, 'name' | 'estimates'>, modelName: string, limit: ResourceLimit | null = null): string {
  const rows: [string, string][] = [];
  rows.push(['hardware', `${hardware.name} (${r.hardwareId})`]);
  rows.push(['model', `${modelName} (${r.modelId})`]);
  if (!r.feasible) {
    rows.push(['feasible', `no: ${r.reason?.text ?? 'unknown reason'}`]);
    return table(rows) + notes(r, hardware);
  }
  const c = r.config;
  const dis = r.disaggregation;
  const pool = (p: { replicas: number; tensorParallel: number; pipelineParallel: number; expertParallel: number }) =>
    `${p.replicas} replica(s) x TP ${p.tensorParallel} x PP ${p.pipelineParallel} x EP ${p.expertParallel}`;
  const chips = `${chipsText(c.chips)}${c.paidChips > c.chips ? ` (${c.paidChips} paid: $/M charges the idle ones too)` : ''}`;
  rows.push(['deployment', dis === null
    ? `${chips} = ${pool(c)}${c.expertParallel > 1 ? (c.dataParallelAttention ? ' (attention data-parallel over the EP groups)'
      : ` (attention tensor-parallel over all TP x EP = ${c.tensorParallel * c.expertParallel} chips)`) : ''}; batch ${c.batch} per replica`
    : `${chips} = prefill pool ${pool(dis.prefill)} + decode pool ${pool(dis.decode)}; decode batch ${dis.decode.batch} per replica`]);
  const u = r.uncertainty;
  rows.push(['evidence', evidenceText(r)]);
  // Modelled numbers as the page writes them: 3 significant figures at every size, ranges too.
  rows.push(['output tokens/s (total)', formatPredicted(r.outputTokensPerSecond) + range(u?.outputTokensPerSecond, formatPredicted)]);
  rows.push(['output tokens/s per chip', formatPredicted(r.outputTokensPerSecondPerChip)
    + (c.paidChips > c.chips ? ` (${formatPredicted(r.outputTokensPerSecond / c.paidChips)} per paid chip)` : '')]);
  rows.push(['tokens/s per user', formatPredicted(r.tokensPerSecondPerUser) + range(u?.tokensPerSecondPerUser, formatPredicted)]);
  rows.push(['TTFT', formatSeconds(r.ttftSeconds) + secondsRange(rankRange(r, 'ttftSeconds'))]);
  rows.push(['TPOT', formatSeconds(r.tpotSeconds) + secondsRange(rankRange(r, 'tpotSeconds'))]);
  rows.push(['memory per chip', `${formatBytes(r.memory.weightsBytesPerChip)} weights + ${formatBytes(r.memory.kvCacheBytesPerChip)} KV + ${formatBytes(r.memory.reserveBytesPerChip)} reserve of ${formatBytes(r.memory.capacityBytesPerChip)}${r.memory.weightsInSram ? ' (weights in SRAM)' : ''}`]);
  const belowBound = r.memory.batchLimitedBy === 'memory' && r.config.batch < r.memory.maxBatchThatFits
    ? `; batch ${r.config.batch} is within 1% of the throughput at the bound, at lower latency` : '';
  rows.push(['batch limited by', `${batchLimitText(r.memory.batchLimitedBy)} (memory fits ${formatNumber(r.memory.maxBatchThatFits)}${belowBound})`]);
  if (limit !== null) rows.push(['$/M most sensitive to', resourceText(limit)]);
  const b = r.decodeStepBreakdownSeconds;
  // The split is of the decode work alone; the TPOT above also carries the prompt chunks of each step.
  const prompts = dis === null ? `prompt chunks take ${formatNumber(r.prefillShareOfStep * 100)}% of each step` : 'prompts run in the prefill pool';
  // Each operator's time goes to what bounds it: "compute-bound 0 µs" says no operator waits on the matrix units.
  rows.push(['decode step bottleneck', `${r.bottleneck} (time in operators bound by: compute ${formatSeconds(b.compute)}, memory ${formatSeconds(b.memory)}, communication ${formatSeconds(b.communication)}; fixed overheads ${formatSeconds(b.overhead)}; ${prompts})`]);
  if (dis !== null) {
    // Output is the slower pool's: decode slots wait when prompts arrive slower than they free up.
    const decodeCapacity = dis.decode.replicas * dis.decode.outputTokensPerSecondPerChip * dis.decode.chipsPerReplica;
    if (r.outputTokensPerSecond < decodeCapacity * (1 - 1e-9)) rows.push(['pools', `prefill-bound: the decode pool could emit ${formatNumber(decodeCapacity)} tokens/s, the prefill pool feeds ${formatNumber(r.outputTokensPerSecond)}`]);
    // The best co-located deployment within the same budget may use other chips than the pools: both
    // are compared on the chips paid (the whole budget of a fixed count), which is what $/M charges.
    const co = dis.colocated;
    rows.push(['co-located instead (best in the budget)', co === null ? 'infeasible'
      : `${formatNumber(co.outputTokensPerSecond)} tokens/s, TTFT ${formatSeconds(co.ttftSeconds)}, TPOT ${formatSeconds(co.tpotSeconds)} on ${chipsText(co.chips)}`
        + (co.chips === r.config.chips ? '' : `; per paid chip ${formatNumber(co.outputTokensPerSecond / Math.max(co.chips, c.paidChips))} against `
          + `${formatNumber(r.outputTokensPerSecond / c.paidChips)} disaggregated (${formatNumber(r.outputTokensPerSecond)} tokens/s on ${chipsText(r.config.chips)}, ${c.paidChips} paid)`)]);
  }
  if (r.tokensPerTargetStep > 1) rows.push(['speculative decoding', `${formatNumber(r.tokensPerTargetStep)} tokens per target step`]);
  rows.push(['pricing used', `${r.pricingUsed}${r.pricing.rentalEstimated ? ' (≈ estimated rental)' : ''}`]);
  rows.push(['$/hour', usd(r.costPerHourUsd)]);
  rows.push(['$ per million output tokens', usd(r.usdPerMillionOutputTokens) + range(u?.usdPerMillionOutputTokens, formatUsd)]);
  rows.push(['output tokens/s per $/hour', perDollar(r)]);
  if (r.energy) rows.push(['energy', `${formatNumber(r.energy.joulesPerOutputToken)} J per output token, ${formatNumber(r.energy.kwhPerMillionOutputTokens)} kWh per million`]);
  if (r.rankExcludedReason !== null) rows.push(['left out of price rankings', r.rankExcludedReason]);
  if (r.rental) rows.push([r.pricing.rentalEstimated ? 'rental (≈ estimated)' : 'rental', `${formatUsd(r.rental.costPerHourUsd)}/h, ${formatUsd(r.rental.usdPerMillionOutputTokens)}/M output tokens`]);
  if (r.tco) {
    rows.push(['TCO', `${formatUsd(r.tco.costPerHourUsd)}/h (capex ${formatUsd(r.tco.capexUsdPerHour ?? 0)}, power ${formatUsd(r.tco.powerUsdPerHour ?? 0)}, hosting ${formatUsd(r.tco.hostingUsdPerHour ?? 0)}), ${formatUsd(r.tco.usdPerMillionOutputTokens)}/M output tokens`]);
  }
  return table(rows) + notes(r, hardware);
}

/** Tokens/s per $/h: unbounded for a free chip, absent without a price on the basis. */
function perDollar(r: SimulationResult): string {
  if (r.costPerHourUsd === 0) return 'unbounded (free chip)';
  return r.outputTokensPerSecondPerDollarPerHour === null ? '-' : formatNumber(r.outputTokensPerSecondPerDollarPerHour);
}

function notes(r: SimulationResult, hardware: Pick<HardwareProfile, 'estimates'>): string {
  const lines: string[] = [];
  if (r.pricing.rentalEstimateNote !== null) lines.push(`note: ${oneLine(r.pricing.rentalEstimateNote)}`);
  if (r.uncertainty !== null) lines.push(`range: ${oneLine(r.uncertainty.derivation)}`);
  if (latencyBoundPrediction(r)) lines.push(latencyLimitedNote());
  for (const w of r.warnings) lines.push(`warning: ${oneLine(w.text)}`);
  // As the page's tooltip: the chip's estimated specs (its "*"), then the other estimates this result
  // uses (prices and link latencies are estimated for most chips).
  for (const path of estimatedSpecs(hardware)) lines.push(`* estimated spec: ${oneLine(`${path}: ${hardware.estimates[path]}`)}`);
  for (const m of r.estimateMarks.filter((x) => !isSpecMark(x))) lines.push(`other estimate used: ${oneLine(m)}`);
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

/** Chips in use, and those paid where the layout leaves some of a fixed count idle ("64 (72 paid)", as the page's table). */
function chipsCell(used: number, paid: number): string {
  return paid > used ? `${used} (${paid} paid)` : String(used);
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${oneLine(v)}`).join('\n') + '\n';
}

export const CSV_COLUMNS = [
  'hardwareId', 'modelId', 'feasible', 'reason', 'evidenceBasis', 'chips', 'paidChips', 'replicas', 'tensorParallel', 'pipelineParallel', 'expertParallel',
  'batch',
  // Disaggregated serving: replicas to batch above are the decode pool's; the prefill pool's here (empty when co-located).
  'prefillReplicas', 'prefillTensorParallel', 'prefillPipelineParallel', 'prefillExpertParallel',
  'outputTokensPerSecond', 'outputTokensPerSecondLow', 'outputTokensPerSecondHigh', 'outputTokensPerSecondPerChip',
  'tokensPerSecondPerUser', 'tokensPerSecondPerUserLow', 'tokensPerSecondPerUserHigh', 'ttftSeconds', 'ttftSecondsLow', 'ttftSecondsHigh',
  'tpotSeconds', 'tpotSecondsLow', 'tpotSecondsHigh',
  'costPerHourUsd', 'usdPerMillionOutputTokens', 'usdPerMillionOutputTokensLow', 'usdPerMillionOutputTokensHigh', 'rangeCoverage',
  'outputTokensPerSecondPerDollarPerHour', 'pricingUsed', 'rentalEstimated', 'rank', 'rankedBy', 'notDistinguishableFromLeader', 'joulesPerOutputToken', 'kwhPerMillionOutputTokens',
  'bottleneck', 'batchLimitedBy', 'mostSensitiveResource', 'weightsBytesPerChip', 'kvCacheBytesPerChip', 'estimates', 'warnings',
  // The scenario each row answers, so a saved file says what it is about.
  'chipBudget', 'precision', 'inputTokens', 'outputTokens', 'prefixCacheHitRate', 'maxTtftSeconds', 'maxTpotSeconds', 'objective',
  'arrivals', 'pricingMode', 'efficiencyMode', 'serving', 'speculative', 'layoutPins', 'engineSettings',
] as const;

/** The scenario's cells of a CSV row (the last columns of CSV_COLUMNS). */
function scenarioCells(s: Scenario): (string | number | null)[] {
  const p = s.precision;
  const spec = s.speculative;
  const l = s.layout;
  const e = s.engine;
  return [
    s.chips, `${p.weights}/${p.activations}/${p.kvCache}`, s.workload.inputTokens, s.workload.outputTokens, s.workload.prefixCacheHitRate,
    s.slo.maxTtftSeconds, s.slo.maxTpotSeconds, objectiveText(s),
    s.workload.arrivals, s.economics.pricing, s.efficiencyMode, s.serving,
    spec === null ? 'none' : `${spec.method === 'mtp' ? 'mtp' : `draft ${typeof spec.draftModel === 'string' ? spec.draftModel : spec.draftModel.id}`}; ${spec.draftTokens} tokens; acceptance ${spec.acceptanceRate}`,
    `TP ${l.tensorParallel}; PP ${l.pipelineParallel}; EP ${l.expertParallel}; DP attention ${l.dataParallelAttention}`,
    `max sequences ${e.maxSequences}; max tokens per step ${e.maxTokensPerStep}; prefill chunk ${e.prefillChunkTokens}; overlap ${e.overlap}; scheduler ${e.scheduler}`,
  ];
}

/** "matrix FLOP/s (+20% lowers $/M by 14%)": the resource a result's $/M depends on most. */
function resourceText(limit: ResourceLimit): string {
  if (limit.resource === null) return 'no single resource (+20% of any moves $/M by under 1%)';
  const e = limit.elasticities[limit.resource]!;
  return `${CHIP_PARAMETER_LABELS[limit.resource]} (+20% changes $/M by ${((Math.pow(1.2, e) - 1) * 100).toFixed(0)}%)`;
}

/** `ranked`: the row's place in the comparison's ranking (rank and the "=1" mark), null when not ranked. */
export function csvRow(result: SimulationResult, limit: ResourceLimit | null, scenario: Scenario, ranked: Omit<RankedResult, 'result'> | null = null,
  rankBy: RankKey | null = null): string {
  // An infeasible row's deployment cells are empty, not the engine's zeros.
  const r = reportedResult(result);
  const c = r.config;
  const u = r.uncertainty;
  const pre = result.feasible ? result.disaggregation?.prefill ?? null : null;
  const ttft = r.feasible ? rankRange(result, 'ttftSeconds') : null;
  const tpot = r.feasible ? rankRange(result, 'tpotSeconds') : null;
  const values: (string | number | boolean | null)[] = [
    r.hardwareId, r.modelId, r.feasible, r.reason?.text ?? '', r.evidence.basis, c.chips, c.paidChips, c.replicas, c.tensorParallel, c.pipelineParallel, c.expertParallel,
    c.batch, pre?.replicas ?? null, pre?.tensorParallel ?? null, pre?.pipelineParallel ?? null, pre?.expertParallel ?? null,
    r.outputTokensPerSecond, u?.outputTokensPerSecond?.low ?? null, u?.outputTokensPerSecond?.high ?? null, r.outputTokensPerSecondPerChip,
    r.tokensPerSecondPerUser, u?.tokensPerSecondPerUser?.low ?? null, u?.tokensPerSecondPerUser?.high ?? null,
    r.ttftSeconds, ttft?.low ?? null, ttft?.high ?? null, r.tpotSeconds, tpot?.low ?? null, tpot?.high ?? null,
    r.costPerHourUsd, r.usdPerMillionOutputTokens, u?.usdPerMillionOutputTokens?.low ?? null, u?.usdPerMillionOutputTokens?.high ?? null, u?.coverage ?? null,
    r.outputTokensPerSecondPerDollarPerHour, r.pricingUsed, r.pricing.rentalEstimated, ranked?.rank ?? null, ranked === null || ranked.rank === null ? null : rankBy, ranked === null || ranked.rank === null ? null : ranked.distinguishable === false, r.energy?.joulesPerOutputToken ?? null, r.energy?.kwhPerMillionOutputTokens ?? null,
    r.bottleneck, r.memory.batchLimitedBy, limit?.resource ?? null, r.memory.weightsBytesPerChip, r.memory.kvCacheBytesPerChip, r.estimateMarks.length, r.warnings.map((w) => w.text).join(' | '),
    ...scenarioCells(scenario),
  ];
  return values.map(csvCell).join(',');
}

/** Each ranking metric as the comparison table's column names it. */
const RANK_KEY_LABELS: Readonly<Record<RankKey, string>> = {
  usdPerMillionOutputTokens: '$/M out', outputTokensPerSecondPerDollarPerHour: 'tok/s per $/h',
  outputTokensPerSecondPerChip: 'tok/s/chip', tokensPerSecondPerUser: 'tok/s/user', ttftSeconds: 'TTFT', tpotSeconds: 'TPOT',
  outputTokensPerSecondPerKw: 'output tok/s per kW',
};

/** Multi-chip comparison table, best first. */
export function formatComparisonTable(results: SimulationResult[], context: {
  /** Each result's place in the ranking: "2 =1" when its range overlaps the leader's, as on the page. */
  ranks: ReadonlyMap<SimulationResult, Omit<RankedResult, 'result'> | null>;
  vsMarket: ReadonlyMap<string, number | null>;
  limits: ReadonlyMap<string, ResourceLimit>;
  /** Chips whose profile has an estimated spec: their "*", as on the page (records/estimated-specs.ts). */
  specEstimated: ReadonlySet<string>;
  /** The metric the ranking orders by (null: not ranked, e.g. a link's chips in the link's order). */
  rankBy: RankKey | null;
}): string {
  const { vsMarket, limits, specEstimated, ranks } = context;
  const place = (r: SimulationResult) => {
    const p = ranks.get(r);
    return p === undefined || p === null || p.rank === null ? '-' : `${p.rank}${p.distinguishable === false ? ' =1' : ''}`;
  };
  const bound = (r: SimulationResult) => {
    const resource = limits.get(r.hardwareId)?.resource;
    const limit = batchLimitText(r.memory.batchLimitedBy);
    return resource === undefined || resource === null ? limit : `${limit}; ${CHIP_PARAMETER_LABELS[resource]}`;
  };
  const header = ['#', 'hardware', 'evidence', 'chips', 'TPxPPxEP', 'batch', 'tok/s/chip', 'tok/s/user', 'TTFT', 'TPOT', '$/M out (range)', 'tok/s per $/h', 'pricing', 'vs API', 'bound by'];
  const market = (r: SimulationResult) => {
    const ratio = vsMarket.get(r.hardwareId);
    return ratio === undefined || ratio === null ? '-' : ratioText(ratio);
  };
  const name = (r: SimulationResult) => r.hardwareId + (specEstimated.has(r.hardwareId) ? '*' : '') + EVIDENCE_MARK[r.evidence.basis];
  const rows = results.map((r) => r.feasible
    ? [
      place(r), name(r), r.evidence.basis, chipsCell(r.config.chips, r.config.paidChips),
      layoutCell(r), String(r.config.batch),
      formatPredicted(r.outputTokensPerSecondPerChip), formatPredicted(r.tokensPerSecondPerUser), formatSeconds(r.ttftSeconds),
      formatSeconds(r.tpotSeconds), r.usdPerMillionOutputTokens === null ? '-' : formatUsd(r.usdPerMillionOutputTokens) + range(r.uncertainty?.usdPerMillionOutputTokens, formatUsd),
      perDollar(r), `${r.pricingUsed}${r.pricing.rentalEstimated ? ' ≈' : ''}`, market(r), bound(r),
    ]
    // The budget when one was given; an "auto" search that found none has no count (never a 0).
    : [place(r), name(r), r.evidence.basis, r.config.chips > 0 ? String(r.config.chips) : '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', `infeasible: ${r.reason?.text ?? ''}`]);
  for (const row of rows) row.forEach((cell, i) => { row[i] = oneLine(cell); });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const ranking = context.rankBy === null ? [] : [`ranked by ${RANK_KEY_LABELS[context.rankBy]} (${RANK_KEYS[context.rankBy] === 'ascending' ? 'lowest' : 'highest'} first)`];
  // Each chip's warnings, as one chip's table prints them (an ignored setting changes what a row means).
  const warnings = results.flatMap((r) => r.warnings.map((w) => `warning: ${r.hardwareId}: ${oneLine(w.text)}`));
  return [...ranking, line(header), ...rows.map(line), ...(warnings.length === 0 ? [] : ['', ...warnings]), '',
    '* a spec of the chip (compute, memory, power or interconnect bandwidth) is estimated, not published (--format json: estimatedSpecs; estimateMarks lists every estimate a result uses); evidence: ~ family fit, ? prior (no software fit of its own), ! claims only; ≈ estimated rental;',
    'vs API: modelled cost of a request / the public API price of the model per request at this workload (see --format json: marketCheck);',
    'bound by: what limits the batch; the resource whose +20% lowers $/M most (see --format json: limitingResource);',
    '=1: not distinguishable from the leader at this evidence (the ranges overlap)',
    ...(results.some(latencyBoundPrediction) ? [latencyLimitedNote()] : []),
  ].join('\n') + '\n';
}
