import type { EngineContext } from './context';
import type { TcoPerChipHour } from './economics';
import type { Candidate } from './search';
import type { ExplainEntry, HardwareProfile, SimulationResult, SourceGroup } from './types';

function sourceOf(hw: HardwareProfile, group: SourceGroup, path?: string): string {
  const sources = hw.sources[group]?.join('; ') ?? 'no source';
  const estimate = path === undefined ? undefined : hw.estimates[path];
  return estimate === undefined ? sources : `ESTIMATE (${estimate}); ${sources}`;
}

/** For each headline number: the formula and the inputs that produced it (issue 2: "explain"). */
export function buildExplain(
  ctx: EngineContext,
  best: Candidate,
  result: SimulationResult,
  tco: TcoPerChipHour,
  rentalRate: number | null,
): ExplainEntry[] {
  const { hardware: hw, model, workload, economics } = ctx.scenario;
  const e = best.evaluation;
  const d = result.decodeStepBreakdownSeconds;
  const cfg = result.config;
  const flopsPath = `compute.denseFlopsPerSecond.${ctx.rate.rateClass}`;
  const perChipHour = result.pricingUsed === 'rental' && rentalRate !== null ? rentalRate : tco.totalUsdPerHour;
  return [
    {
      key: 'tpotSeconds', label: 'Time per output token', value: result.tpotSeconds, unit: 's',
      formula: 'TPOT = PP x stage time (decode of B/PP sequences + the prompt prefill of the iteration, which rides in one micro-batch) '
        + '+ per-step overhead, divided by the tokens a step yields (speculative decoding); '
        + 'each operator t = max(FLOPs / (peak x compute eff), bytes / (bandwidth x memory eff)) + kernels x kernel overhead',
      inputs: [
        { name: 'batch per replica B', value: cfg.batch, unit: 'sequences' },
        { name: 'tensor parallel', value: cfg.tensorParallel, unit: '' },
        { name: 'pipeline parallel', value: cfg.pipelineParallel, unit: '' },
        { name: 'decode step: compute-bound time', value: d.compute, unit: 's' },
        { name: 'decode step: memory-bound time', value: d.memory, unit: 's' },
        { name: 'decode step: communication', value: d.communication, unit: 's' },
        { name: 'decode step: fixed overheads', value: d.overhead, unit: 's' },
        { name: 'prompt-prefill share of each step', value: e.prefillShare, unit: '' },
        { name: `peak ${ctx.rate.rateClass} matrix rate`, value: ctx.rate.flopsPerSecond, unit: 'FLOP/s', source: sourceOf(hw, 'compute', flopsPath) },
        { name: 'compute efficiency (x software factor)', value: ctx.computeEfficiency, unit: '', source: `${hw.efficiency.basis}: ${hw.efficiency.note}` },
        { name: 'HBM bandwidth', value: hw.memory.hbmBandwidthBytesPerSecond, unit: 'B/s', source: sourceOf(hw, 'memory', 'memory.hbmBandwidthBytesPerSecond') },
        { name: 'memory efficiency (x software factor)', value: ctx.memoryEfficiency, unit: '', source: `${hw.efficiency.basis}: ${hw.efficiency.note}` },
        { name: 'kernel overhead', value: hw.efficiency.kernelOverheadSeconds, unit: 's', source: sourceOf(hw, 'efficiency') },
        { name: 'per-step overhead', value: hw.efficiency.stepOverheadSeconds, unit: 's', source: sourceOf(hw, 'efficiency') },
        { name: 'scale-up bandwidth per direction', value: hw.scaleUp.bandwidthBytesPerSecondPerDirection, unit: 'B/s', source: sourceOf(hw, 'scaleUp') },
        { name: 'mean decode context', value: ctx.meanDecodeContextTokens, unit: 'tokens' },
      ],
    },
    {
      key: 'tokensPerSecondPerUser', label: 'Tokens/s per user', value: result.tokensPerSecondPerUser, unit: 'tokens/s',
      formula: '1 / TPOT',
      inputs: [{ name: 'TPOT', value: result.tpotSeconds, unit: 's' }],
    },
    {
      key: 'ttftSeconds', label: 'Time to first token', value: result.ttftSeconds, unit: 's',
      formula: 'chunks x (PP x stage time of a step holding the running batch plus one prompt chunk + per-step overhead); '
        + 'prompt tokens served from the prefix cache skip compute but their KV is read',
      inputs: [
        { name: 'prompt tokens computed', value: ctx.newPromptTokens, unit: 'tokens' },
        { name: 'prompt tokens from prefix cache', value: ctx.cachedPromptTokens, unit: 'tokens' },
        { name: 'batch per replica', value: cfg.batch, unit: 'sequences' },
      ],
    },
    {
      key: 'outputTokensPerSecond', label: 'Output tokens/s (all replicas)', value: result.outputTokensPerSecond, unit: 'tokens/s',
      formula: workload.arrivals === 'poisson'
        ? 'replicas x L / TPOT, L = the mean concurrency whose 99th percentile fits the B slots under Poisson arrivals'
        : 'replicas x B / TPOT',
      inputs: [
        { name: 'replicas', value: cfg.replicas, unit: '' },
        { name: 'arrivals', value: workload.arrivals ?? 'saturated', unit: '' },
        { name: 'batch per replica B', value: cfg.batch, unit: 'sequences' },
        { name: 'TPOT', value: result.tpotSeconds, unit: 's' },
        { name: 'batch limited by', value: result.memory.batchLimitedBy, unit: '' },
      ],
    },
    {
      key: 'outputTokensPerSecondPerChip', label: 'Output tokens/s per chip', value: result.outputTokensPerSecondPerChip, unit: 'tokens/s',
      formula: 'output tokens/s / chips used',
      inputs: [
        { name: 'output tokens/s', value: result.outputTokensPerSecond, unit: 'tokens/s' },
        { name: 'chips used', value: cfg.chips, unit: 'chips' },
      ],
    },
    {
      key: 'memory.maxBatchThatFits', label: 'Largest batch that fits', value: result.memory.maxBatchThatFits, unit: 'sequences',
      formula: 'floor((capacity x (1 - reserve) - weights/(TP x PP)) / KV bytes per sequence per chip); KV per sequence = '
        + 'layers x KV values per token x (input + output tokens, capped at the window on windowed layers) x KV bytes / (TP x PP)',
      inputs: [
        { name: 'capacity per chip', value: result.memory.capacityBytesPerChip, unit: 'B', source: sourceOf(hw, 'memory', 'memory.hbmCapacityBytes') },
        { name: 'reserve fraction', value: hw.efficiency.memoryReserveFraction, unit: '' },
        { name: 'weights per chip', value: result.memory.weightsBytesPerChip, unit: 'B' },
        { name: 'total parameters', value: ctx.params.total, unit: 'params', source: model.source },
        { name: 'weight bytes per value', value: ctx.weightBytesPerValue, unit: 'B' },
        { name: 'KV bytes per sequence per chip', value: best.prepared.memory.kvBytesPerSequencePerChip, unit: 'B' },
        { name: 'context per sequence', value: ctx.maxContextTokens, unit: 'tokens' },
      ],
    },
    {
      key: 'costPerHourUsd', label: `Cost per hour (${result.pricingUsed})`, value: result.costPerHourUsd, unit: 'USD/h',
      formula: result.pricingUsed === 'rental' ? 'chips x rental $/chip-hour'
        : 'chips x [capex x overhead x CRF(r, n) / 8760 + TDP x server overhead x load x PUE x $/kWh + TDP x server overhead x hosting $/kW-month x 12 / 8760]',
      inputs: result.pricingUsed === 'rental'
        ? [
          { name: 'chips', value: cfg.chips, unit: 'chips' },
          { name: 'rental per chip-hour', value: perChipHour, unit: 'USD/h', source: economics.rentalUsdPerChipHour === null ? sourceOf(hw, 'price', 'price.rentalUsdPerChipHour') : 'user input' },
        ]
        : [
          { name: 'chips', value: cfg.chips, unit: 'chips' },
          { name: 'capex per chip incl. overhead', value: tco.capexUsdPerChip, unit: 'USD', source: economics.capexUsdPerChip === null ? sourceOf(hw, 'price', 'price.listPriceUsd') : 'user input' },
          { name: 'depreciation', value: economics.depreciationYears, unit: 'years' },
          { name: 'cost of capital', value: economics.costOfCapitalPerYear, unit: '/year' },
          { name: 'TDP', value: hw.power.tdpWatts, unit: 'W', source: sourceOf(hw, 'power', 'power.tdpWatts') },
          { name: 'load factor', value: economics.loadFactor, unit: '' },
          { name: 'PUE', value: economics.pue, unit: '' },
          { name: 'electricity', value: economics.usdPerKwh, unit: 'USD/kWh' },
          { name: 'hosting', value: economics.hostingUsdPerKwMonth, unit: 'USD/kW-month' },
          { name: 'capex per chip-hour', value: tco.capexUsdPerHour, unit: 'USD/h' },
          { name: 'power per chip-hour', value: tco.powerUsdPerHour, unit: 'USD/h' },
          { name: 'hosting per chip-hour', value: tco.hostingUsdPerHour, unit: 'USD/h' },
        ],
    },
    {
      key: 'usdPerMillionOutputTokens', label: '$ per million output tokens', value: result.usdPerMillionOutputTokens, unit: 'USD/Mtok',
      formula: 'cost per hour / (output tokens/s x 3600) x 1e6 (all serving cost, prefill included, charged to output tokens)',
      inputs: [
        { name: 'cost per hour', value: result.costPerHourUsd, unit: 'USD/h' },
        { name: 'output tokens/s', value: result.outputTokensPerSecond, unit: 'tokens/s' },
        { name: 'input tokens per request', value: workload.inputTokens, unit: 'tokens' },
        { name: 'output tokens per request', value: workload.outputTokens, unit: 'tokens' },
      ],
    },
    {
      key: 'outputTokensPerSecondPerDollarPerHour', label: 'Output tokens/s per $/hour', value: result.outputTokensPerSecondPerDollarPerHour, unit: 'tokens/s per USD/h',
      formula: 'output tokens/s / cost per hour (= tokens per dollar / 3600)',
      inputs: [
        { name: 'output tokens/s', value: result.outputTokensPerSecond, unit: 'tokens/s' },
        { name: 'cost per hour', value: result.costPerHourUsd, unit: 'USD/h' },
      ],
    },
  ];
}
