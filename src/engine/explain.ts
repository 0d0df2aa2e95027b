import { CALIBRATION_SUMMARY } from './calibration-summary';
import { ENERGY_KEY } from './explain-keys';
import { formatNumber, formatSeconds } from '../format/units';
import { servingStepSeconds, type EngineContext } from './context';
import { paidChips, type TcoPerChipHour } from './economics';
import type { Candidate } from './search';
import { unpredictedKind } from './uncertainty';
import type { ExplainEntry, ExplainInput, HardwareProfile, LayoutAlternative, Objective, SimulationResult, SourceGroup } from './types';
import { BATCH_LIMIT_WORDS, labSetText } from '../messages/engine';

/** The profile's per-step cost, and in achieved mode the serving step cost added to it. */
function stepCostSource(ctx: EngineContext): string {
  const hw = ctx.scenario.hardware;
  const serving = servingStepSeconds(hw, ctx.scenario.efficiencyMode);
  if (serving === 0) return sourceOf(hw, 'efficiency');
  return `${formatSeconds(hw.efficiency.stepOverheadSeconds)} from ${sourceOf(hw, 'efficiency')}, plus the serving step cost of today's software, `
    + `${formatSeconds(serving)} (${CALIBRATION_SUMMARY.servingStep?.note ?? ''})`;
}

function sourceOf(hw: HardwareProfile, group: SourceGroup, path?: string): string {
  const sources = hw.sources[group]?.join('; ') ?? 'no source';
  const entry = path === undefined ? undefined : enteredAt(hw, path);
  // A value set in the chip lab is nobody's datasheet: the sources are for the value it replaced.
  if (entry !== undefined) return `${labSetText(entry)}; the sources give the replaced value: ${sources}`;
  const estimate = path === undefined ? undefined : hw.estimates[path];
  return estimate === undefined ? sources : `ESTIMATE (${estimate}); ${sources}`;
}

/** The chip lab's entry for a field or for a group of fields holding it ("compute.denseFlopsPerSecond"). */
function enteredAt(hw: HardwareProfile, path: string): string | undefined {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const entry = hw.entered?.[p];
    if (entry !== undefined) return entry;
  }
  return undefined;
}

const EVIDENCE_TEXT = {
  measured: 'fitted to this chip\'s own calibration rows',
  family: 'fitted to a sibling chip\'s rows (same silicon generation and software stack)',
  prior: 'no software factor fitted to this chip\'s own measurements: the prior, i.e. the kernel-measured silicon shares and the median software factor of the fitted families (never better than measured chips because a fit is missing)',
  claim: 'announced or vendor-claimed figures only; achieved mode uses the prior, the "vendor claim" setting the vendor\'s shares',
} as const;

/** The GEMM share's source: 16-bit matrix math runs at the measured 16-bit/fp8 ratio of the profile's fp8 share. */
function gemmSource(ctx: EngineContext, effSource: string): string {
  const sixteenBit = (ctx.rate.rateClass === 'bf16' || ctx.rate.rateClass === 'fp16') && !ctx.efficiency.usesClaim;
  return sixteenBit ? `${effSource}; ${ctx.rate.rateClass}: x${CALIBRATION_SUMMARY.sixteenBitCompute.ratio} of the profile's fp8 share (${CALIBRATION_SUMMARY.sixteenBitCompute.note})` : effSource;
}

/** Where the efficiencies in use come from, in one line (shown once, not per input). */
function efficiencySource(ctx: EngineContext): string {
  const hw = ctx.scenario.hardware;
  const ev = hw.efficiency.evidence;
  const rows = ev.basis === 'measured' ? ` (${ev.rows} rows)` : ev.basis === 'family' ? ` (${ev.from ?? 'sibling'}, ${ev.rows} rows)` : '';
  const mode = ctx.efficiency.mode === 'achieved' ? `x software-stack factor ${ctx.efficiency.softwareFactor.toFixed(3)}`
    : `${ctx.efficiency.usesClaim ? 'vendor-claimed shares' : 'silicon limit'}, software factor ${ctx.efficiency.softwareFactor === 1 ? '1'
      : `${ctx.efficiency.softwareFactor.toFixed(3)} (today's stacks beat the timed kernels)`}`;
  // A share or factor set in the chip lab is the user's, whatever the evidence it started from.
  const entered = Object.entries(hw.entered ?? {}).filter(([path]) => path.startsWith('efficiency.'))
    .map(([, entry]) => labSetText(entry));
  return [...entered, `evidence "${ev.basis}"${rows}: ${EVIDENCE_TEXT[ev.basis]}; ${mode}`].join('; ');
}

/**
 * For each headline number: the formula, the inputs that move it most first (`primaryInputs` of
 * them; the rest are detail), and where each comes from. Also why the layout won, with the numbers
 * of the layouts it beat.
 */
export function buildExplain(
  ctx: EngineContext,
  best: Candidate,
  result: SimulationResult,
  tco: TcoPerChipHour,
  usdPerChipHour: number | null,
): ExplainEntry[] {
  const { hardware: hw, model, workload, economics } = ctx.scenario;
  const d = result.decodeStepBreakdownSeconds;
  const cfg = result.config;
  const e = ctx.efficiency;
  const flopsPath = `compute.denseFlopsPerSecond.${ctx.rate.rateClass}`;
  const effSource = efficiencySource(ctx);
  const entries: ExplainEntry[] = [
    {
      key: 'tpotSeconds', label: 'Time per output token', value: result.tpotSeconds, unit: 's',
      formula: 'TPOT = decode step + (B - 1)/B x other users\' prompt work per step, over the tokens a step yields; '
        + 'decode step = PP x stage time + per-step overhead; each operator t = max(FLOPs / (peak x share), bytes / (bandwidth x share)) + fixed cost',
      primaryInputs: 5,
      inputs: [
        { name: 'batch per replica B', value: cfg.batch, unit: 'sequences' },
        { name: 'decode step: time in memory-bound operators', value: d.memory, unit: 's' },
        { name: 'decode step: time in compute-bound operators', value: d.compute, unit: 's' },
        { name: 'decode step: communication', value: d.communication, unit: 's' },
        { name: result.disaggregation === null ? 'share of each step spent on prompts' : 'prefill pool\'s share of the chips', value: result.prefillShareOfStep, unit: '' },
        { name: 'decode step: fixed overheads', value: d.overhead, unit: 's' },
        { name: `peak ${ctx.rate.rateClass} matrix rate`, value: ctx.rate.flopsPerSecond, unit: 'FLOP/s', source: sourceOf(hw, 'compute', flopsPath) },
        { name: 'HBM bandwidth', value: hw.memory.hbmBandwidthBytesPerSecond, unit: 'B/s', source: sourceOf(hw, 'memory', 'memory.hbmBandwidthBytesPerSecond') },
        { name: 'GEMM compute share in use', value: e.compute, unit: '', source: gemmSource(ctx, effSource) },
        { name: 'weight-streaming share in use', value: e.memory, unit: '', source: effSource },
        { name: 'decode attention: fixed cost + KV bytes at this share', value: e.attentionMemory, unit: '', source: 'h200-kernel-timings-2.jsonl attn_decode_gqa (bytes, not sequences, set the time)' },
        { name: 'KV cache held in SRAM', value: result.memory.kvSramFraction, unit: '' },
        { name: 'kernel fixed cost', value: e.kernelOverheadSeconds, unit: 's', source: sourceOf(hw, 'efficiency') },
        { name: 'per-step fixed cost', value: e.stepOverheadSeconds, unit: 's', source: stepCostSource(ctx) },
        { name: 'scale-up bandwidth per direction', value: hw.scaleUp.bandwidthBytesPerSecondPerDirection, unit: 'B/s', source: sourceOf(hw, 'scaleUp', 'scaleUp.bandwidthBytesPerSecondPerDirection') },
        { name: 'mean decode context', value: ctx.meanDecodeContextTokens, unit: 'tokens' },
      ],
    },
    {
      key: 'tokensPerSecondPerUser', label: 'Tokens/s per user', value: result.tokensPerSecondPerUser, unit: 'tokens/s',
      formula: '1 / TPOT', primaryInputs: 1,
      inputs: [{ name: 'TPOT', value: result.tpotSeconds, unit: 's' }],
    },
    result.disaggregation !== null ? {
      key: 'ttftSeconds', label: 'Time to first token', value: result.ttftSeconds, unit: 's',
      formula: 'one prefill step at the prefill pool\'s load (the fewest prompts per step that keep up with the prompts it receives) + the KV cache sent to the decode pool',
      primaryInputs: 2,
      inputs: [
        { name: 'prefill step at load', value: result.disaggregation.prefill.stepSecondsAtLoad, unit: 's' },
        { name: 'KV transfer', value: result.disaggregation.kvTransferSeconds, unit: 's' },
        { name: 'prompt tokens computed', value: ctx.newPromptTokens, unit: 'tokens' },
        { name: 'KV bytes per prompt', value: result.disaggregation.kvBytesPerPrompt, unit: 'B' },
      ],
    } : {
      key: 'ttftSeconds', label: 'Time to first token', value: result.ttftSeconds, unit: 's',
      formula: 'chunks x (PP x stage time of a step holding the running batch plus one prompt chunk + per-step overhead); '
        + 'chunk i attends to the i chunks before it (causal attention over the whole prompt); cached prompt tokens skip compute but are read',
      primaryInputs: 3,
      inputs: [
        { name: 'prompt tokens computed', value: ctx.newPromptTokens, unit: 'tokens' },
        { name: 'prefill chunk', value: ctx.scenario.engine.prefillChunkTokens, unit: 'tokens' },
        { name: 'flash-attention compute share in use', value: e.attentionCompute, unit: '', source: 'h200-kernel-timings-2.jsonl attn_prefill; ' + effSource },
        { name: 'prompt tokens from prefix cache', value: ctx.cachedPromptTokens, unit: 'tokens' },
        { name: 'batch per replica', value: cfg.batch, unit: 'sequences' },
      ],
    },
    {
      key: 'outputTokensPerSecond', label: 'Output tokens/s (all replicas)', value: result.outputTokensPerSecond, unit: 'tokens/s',
      formula: workload.arrivals !== 'poisson'
        ? 'replicas x B / (full step / tokens per step); the full step holds every prompt\'s work'
        : cfg.pipelineParallel > 1 && ctx.scenario.engine.scheduler === 'per-micro-batch'
          ? 'replicas x L / (full step / tokens per step), L = PP x the mean concurrency whose 99th percentile fits one micro-batch\'s B / PP slots under Poisson arrivals (one scheduler per micro-batch)'
          : 'replicas x L / (full step / tokens per step), L = the mean concurrency whose 99th percentile fits the B slots under Poisson arrivals',
      primaryInputs: 3,
      inputs: [
        { name: 'replicas', value: cfg.replicas, unit: '' },
        { name: 'batch per replica B', value: cfg.batch, unit: 'sequences' },
        { name: 'batch limited by', value: BATCH_LIMIT_WORDS[result.memory.batchLimitedBy] ?? result.memory.batchLimitedBy, unit: '' },
        { name: 'arrivals', value: workload.arrivals, unit: '' },
        { name: 'scheduler', value: ctx.scenario.engine.scheduler, unit: '' },
        { name: 'TPOT (a user\'s)', value: result.tpotSeconds, unit: 's' },
      ],
    },
    {
      key: 'outputTokensPerSecondPerChip', label: 'Output tokens/s per chip', value: result.outputTokensPerSecondPerChip, unit: 'tokens/s',
      formula: 'output tokens/s of all replicas / chips used (prefill chips included)',
      primaryInputs: 2,
      inputs: [
        { name: 'output tokens/s (all replicas)', value: result.outputTokensPerSecond, unit: 'tokens/s' },
        { name: 'chips used', value: cfg.chips, unit: 'chips' },
      ],
    },
    deploymentEntry(result, ctx.scenario.objective),
    {
      key: 'memory.maxBatchThatFits', label: 'Largest batch that fits', value: result.memory.maxBatchThatFits, unit: 'sequences',
      formula: 'floor((capacity x (1 - reserve) - weights per chip) / KV bytes per sequence per chip) x attention groups; KV per sequence = '
        + 'layers x KV values per token x (input + output tokens, capped at the window on windowed layers) x KV bytes / (attention TP x PP)',
      primaryInputs: 3,
      inputs: [
        { name: 'capacity per chip', value: result.memory.capacityBytesPerChip, unit: 'B', source: sourceOf(hw, 'memory', 'memory.hbmCapacityBytes') },
        { name: 'weights per chip', value: result.memory.weightsBytesPerChip, unit: 'B' },
        { name: 'KV bytes per sequence per chip', value: best.prepared.memory.kvBytesPerSequencePerChip, unit: 'B' },
        { name: 'reserve fraction', value: hw.efficiency.memoryReserveFraction, unit: '' },
        { name: 'total parameters', value: ctx.params.total, unit: 'params', source: model.source },
        { name: 'context per sequence', value: ctx.maxContextTokens, unit: 'tokens' },
      ],
    },
  ];
  if (usdPerChipHour !== null && result.costPerHourUsd !== null) {
    entries.push(costEntry(ctx, result, tco, usdPerChipHour));
    entries.push({
      key: 'usdPerMillionOutputTokens', label: '$ per million output tokens', value: result.usdPerMillionOutputTokens ?? 0, unit: 'USD/Mtok',
      formula: 'cost per hour / (output tokens/s x 3600) x 1e6 (all serving cost, prefill included, charged to output tokens)',
      primaryInputs: 2,
      inputs: [
        { name: 'cost per hour', value: result.costPerHourUsd, unit: 'USD/h' },
        { name: 'output tokens/s', value: result.outputTokensPerSecond, unit: 'tokens/s' },
        { name: 'input tokens per request', value: workload.inputTokens, unit: 'tokens' },
        { name: 'output tokens per request', value: workload.outputTokens, unit: 'tokens' },
      ],
    });
    if (result.outputTokensPerSecondPerDollarPerHour !== null) {
      entries.push({
        key: 'outputTokensPerSecondPerDollarPerHour', label: 'Output tokens/s per $/h', value: result.outputTokensPerSecondPerDollarPerHour, unit: 'tokens/s per USD/h',
        formula: 'output tokens/s / cost per hour: the same ranking as $ per million output tokens, inverted (1e6 / 3600 / this = $/M)',
        primaryInputs: 2,
        inputs: [
          { name: 'output tokens/s', value: result.outputTokensPerSecond, unit: 'tokens/s' },
          { name: 'cost per hour', value: result.costPerHourUsd, unit: 'USD/h' },
        ],
      });
    }
  }
  if (result.energy !== null) {
    entries.push({
      key: ENERGY_KEY, label: 'Energy per output token', value: result.energy.joulesPerOutputToken, unit: 'J',
      formula: 'TDP x server power overhead x power draw (share of TDP) x PUE / output tokens/s per chip (the TCO power line\'s terms); kWh per million = J / 3.6',
      primaryInputs: 2,
      inputs: [
        { name: 'TDP', value: hw.power.tdpWatts, unit: 'W', source: sourceOf(hw, 'power', 'power.tdpWatts') },
        { name: 'output tokens/s per chip', value: result.outputTokensPerSecondPerChip, unit: 'tokens/s' },
        { name: 'server power overhead', value: hw.packaging.serverPowerOverheadMultiplier, unit: 'x' },
        { name: 'power draw (share of TDP)', value: economics.loadFactor, unit: '' },
        { name: 'PUE', value: economics.pue, unit: '' },
      ],
    });
  }
  if (result.uncertainty !== null) {
    entries.push({
      key: 'uncertainty', label: 'Range and evidence',
      ...(result.uncertainty.coverage === null
        ? { value: unpredictedKind(ctx.scenario.efficiencyMode, ctx.efficiency.usesClaim) === 'vendor-claim' ? 'none (vendor claim)' : 'none (silicon limit)', unit: '' }
        // Said as the range is: "80% range", not "0.8 coverage".
        : { value: `${Math.round(result.uncertainty.coverage * 100)}% range`, unit: '' }),
      formula: result.uncertainty.derivation, primaryInputs: 1,
      inputs: [
        { name: 'evidence basis', value: result.evidence.basis, unit: '', source: effSource },
        { name: 'calibration rows behind the software factor', value: result.evidence.rows, unit: 'rows' },
      ],
    });
  }
  return entries;
}

/** Why this layout: its numbers next to the layouts it beat (the search's own alternatives). */

/** Why the winner beat the runner-up, by the objective's measure, with enough digits to tell them apart (or saying they tie). */
export function layoutComparison(winner: LayoutAlternative, runner: LayoutAlternative, objective: Objective = 'max-throughput'): string {
  // min-latency ranks by a user's speed; the other objectives by throughput per chip.
  const perUser = objective === 'min-latency';
  const of = (x: LayoutAlternative) => (perUser ? x.tokensPerSecondPerUser : x.outputTokensPerSecondPerChip);
  const unit = perUser ? 'tok/s per user' : 'tok/s per chip';
  const a = of(winner);
  const b = of(runner);
  let digits = 3;
  while (digits < 6 && formatNumber(a, digits) === formatNumber(b, digits)) digits += 1;
  if (formatNumber(a, digits) === formatNumber(b, digits)) {
    return `${winner.layout} and ${runner.layout} tie at ${formatNumber(a)} ${unit} (the search keeps the one it tried first)`;
  }
  return `${winner.layout} gives ${formatNumber(a, digits)} ${unit} against ${formatNumber(b, digits)} for ${runner.layout}`;
}

/** What the search keeps, per objective (search.ts `better`). */
const KEEPS: Readonly<Record<'max-throughput' | 'min-latency' | 'fixed', string>> = {
  'max-throughput': 'the search keeps the layout with the most output tokens/s on the chips given (per chip when chips are "auto"), each at its best batch under the latency limits',
  'min-latency': 'the search keeps the layout with the lowest latency (TTFT + output tokens x TPOT) at batch 1',
  fixed: 'the search keeps the layout with the most output tokens/s at the fixed batch',
};

/** Disaggregated serving is asked for, not chosen: what the search does within it. */
const DISAGGREGATED_KEEPS = 'separate prefill and decode pools, as the scenario asks: each pool keeps its best layout and the chips '
  + 'are split between them to serve the most output tokens/s; the co-located layouts of the same chips are listed for comparison';

function deploymentEntry(result: SimulationResult, objective: Objective): ExplainEntry {
  const cfg = result.config;
  const inputs: ExplainInput[] = result.alternatives.map((a) => ({
    name: a.layout,
    value: a.reason === null
      ? `${formatNumber(a.outputTokensPerSecondPerChip)} tok/s per chip at batch ${a.batch}, ${a.tokensPerSecondPerUser.toFixed(1)} tok/s per user`
      : `cannot serve: ${a.reason}`,
    unit: '',
  }));
  const winner = result.alternatives[0];
  const runner = result.alternatives.find((a, i) => i > 0 && a.reason === null);
  const why = winner === undefined ? 'the only layout tried'
    : runner === undefined ? `${winner.layout}: the only layout that serves the workload`
      : layoutComparison(winner, runner, objective);
  const keeps = result.disaggregation !== null ? DISAGGREGATED_KEEPS : KEEPS[typeof objective === 'object' ? 'fixed' : objective];
  const limit = BATCH_LIMIT_WORDS[result.memory.batchLimitedBy] ?? result.memory.batchLimitedBy;
  return {
    key: 'config', label: 'Why this deployment', value: cfg.chips, unit: 'chips',
    formula: `${why}; ${keeps} (batch limited by ${limit}; TTFT ${formatSeconds(result.ttftSeconds)})`,
    primaryInputs: Math.min(5, inputs.length),
    inputs,
  };
}

function costEntry(ctx: EngineContext, result: SimulationResult, tco: TcoPerChipHour, usdPerChipHour: number): ExplainEntry {
  const { hardware: hw, economics } = ctx.scenario;
  const paid = paidChips(ctx.scenario.chips, result.config.chips);
  const chips: ExplainInput = {
    name: 'chips paid for', value: paid, unit: 'chips',
    ...(paid > result.config.chips ? { source: `${result.config.chips} in use; a fixed chip count is paid whole, idle chips too` } : {}),
  };
  if (result.pricingUsed === 'rental') {
    return {
      key: 'costPerHourUsd', label: `Cost per hour (rental${result.pricing.rentalEstimated ? ', estimated ≈' : ''})`, value: result.costPerHourUsd ?? 0, unit: 'USD/h',
      formula: result.pricing.rentalEstimated ? `chips x estimated rental per chip-hour; ${result.pricing.rentalEstimateNote ?? ''}` : 'chips x rental $/chip-hour',
      primaryInputs: 2,
      inputs: [
        chips,
        {
          name: 'rental per chip-hour', value: usdPerChipHour, unit: 'USD/h',
          source: economics.rentalUsdPerChipHour !== null ? 'user input'
            : result.pricing.rentalEstimated ? (result.pricing.rentalEstimateNote ?? '') : sourceOf(hw, 'price', 'price.rentalUsdPerChipHour'),
        },
      ],
    };
  }
  return {
    key: 'costPerHourUsd', label: 'Cost per hour (TCO)', value: result.costPerHourUsd ?? 0, unit: 'USD/h',
    formula: 'chips x [capex x overhead x CRF(r, n) / 8760 + TDP x server overhead x power draw (share of TDP) x PUE x $/kWh + TDP x server overhead x hosting $/kW-month x 12 / 8760]',
    primaryInputs: 6,
    inputs: [
      chips,
      { name: 'capex per chip incl. overhead', value: tco.capexUsdPerChip, unit: 'USD', source: 'purchase price x capex overhead (server, network, rack share)' },
      { name: 'purchase price per chip', value: economics.capexUsdPerChip ?? hw.price.listPriceUsd, unit: 'USD',
        source: economics.capexUsdPerChip === null ? sourceOf(hw, 'price', 'price.listPriceUsd') : 'user input' },
      { name: 'capex overhead', value: economics.capexOverheadMultiplier ?? hw.packaging.capexOverheadMultiplier, unit: 'x',
        source: economics.capexOverheadMultiplier === null ? sourceOf(hw, 'packaging') : 'user input' },
      { name: 'capex per chip-hour', value: tco.capexUsdPerHour, unit: 'USD/h' },
      { name: 'power per chip-hour', value: tco.powerUsdPerHour, unit: 'USD/h' },
      { name: 'hosting per chip-hour', value: tco.hostingUsdPerHour, unit: 'USD/h' },
      { name: 'depreciation', value: economics.depreciationYears, unit: 'years' },
      { name: 'cost of capital', value: economics.costOfCapitalPerYear, unit: '/year' },
      { name: 'TDP', value: hw.power.tdpWatts, unit: 'W', source: sourceOf(hw, 'power', 'power.tdpWatts') },
      { name: 'power draw (share of TDP)', value: economics.loadFactor, unit: '' },
      { name: 'PUE', value: economics.pue, unit: '' },
      { name: 'electricity', value: economics.usdPerKwh, unit: 'USD/kWh' },
      { name: 'hosting', value: economics.hostingUsdPerKwMonth, unit: 'USD/kW-month' },
    ],
  };
}
