import { buildContext, type EngineContext } from './context';
import { evaluateBatch, stageTime, type StepTiming } from './deployment';
import { priceDeployment, rentalPerChipHour, tcoPerChipHour } from './economics';
import { buildExplain } from './explain';
import { searchDeployments, type Candidate } from './search';
import { searchDisaggregated } from './disaggregation';
import { capacityBytesPerChip } from './memory';
import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import type { Bottleneck, CostBreakdown, DisaggregationSummary, OperatorTiming, ResolvedScenario, SimulationResult } from './types';

/**
 * The engine's entry point: finds the best deployment of the scenario's model on its chips and
 * prices it. Pure: same input, same output; the input is never mutated.
 */
export function simulate(scenario: ResolvedScenario): SimulationResult {
  const ctx = buildContext(scenario);
  const { model, workload } = scenario;
  const contextTokens = workload.inputTokens + workload.outputTokens;
  if (contextTokens > model.maxContextTokens) {
    return infeasible(ctx, ENGINE.contextWindow(contextTokens, model.name, model.maxContextTokens), 0);
  }
  const outcome = searchDeployments(ctx);
  if (scenario.serving === 'disaggregated') {
    const disaggregated = searchDisaggregated(ctx);
    if ('code' in disaggregated) return infeasible(ctx, disaggregated, outcome.layoutsTried);
    const co = outcome.best;
    const summary: DisaggregationSummary = {
      ...disaggregated.summary,
      colocated: co === null ? null : {
        outputTokensPerSecond: co.outputTokensPerSecond, ttftSeconds: co.evaluation.ttftSeconds,
        tpotSeconds: co.evaluation.tpotSeconds, chips: co.chips,
      },
    };
    return assemble(ctx, disaggregated.best, outcome.frontier, outcome.layoutsTried, summary);
  }
  if (outcome.best === null) return infeasible(ctx, outcome.reason, outcome.layoutsTried);
  return assemble(ctx, outcome.best, outcome.frontier, outcome.layoutsTried, null);
}

function assemble(
  ctx: EngineContext,
  best: Candidate,
  frontier: SimulationResult['frontier'],
  layoutsTried: number,
  disaggregation: DisaggregationSummary | null,
): SimulationResult {
  const { hardware, model, workload, economics } = ctx.scenario;
  const e = best.evaluation;
  const warnings = [...ctx.warnings];
  if (ctx.scenario.chips !== null && best.chips < ctx.scenario.chips) {
    warnings.push(ENGINE.idleChips(ctx.scenario.chips - best.chips, ctx.scenario.chips, best.prepared.chipsPerReplica));
  }
  const outputTokensPerSecond = best.outputTokensPerSecond;
  const inputTokensPerSecond = (outputTokensPerSecond / workload.outputTokens) * workload.inputTokens;

  const rentalRate = rentalPerChipHour(hardware, economics);
  const tcoRate = tcoPerChipHour(hardware, economics);
  const rental = rentalRate === null ? null
    : priceDeployment(rentalRate, best.chips, outputTokensPerSecond, inputTokensPerSecond, e.prefillShare);
  const tcoBase = priceDeployment(tcoRate.totalUsdPerHour, best.chips, outputTokensPerSecond, inputTokensPerSecond, e.prefillShare);
  const tco: CostBreakdown = {
    ...tcoBase,
    capexUsdPerHour: tcoRate.capexUsdPerHour * best.chips,
    powerUsdPerHour: tcoRate.powerUsdPerHour * best.chips,
    hostingUsdPerHour: tcoRate.hostingUsdPerHour * best.chips,
  };
  let pricingUsed = economics.pricing;
  if (pricingUsed === 'rental' && rental === null) {
    pricingUsed = 'tco';
    warnings.push(ENGINE.noRentalPrice(hardware.name));
  }
  const headline = pricingUsed === 'rental' && rental !== null ? rental : tco;
  const usdPerChipHour = headline.costPerHourUsd / best.chips;
  const pricedFrontier = frontier.map((p) => ({ ...p, usdPerMillionOutputTokens: (usdPerChipHour / (p.outputTokensPerSecondPerChip * 3600)) * 1e6 }));
  const decode = e.decodeStep ?? evaluateBatch(ctx, best.prepared, e.batch).decodeStep!;
  const prefill = stageTime(ctx, best.prepared, {
    decodeSequences: 0,
    decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: Math.max(1, ctx.newPromptTokens),
    prefillPrompts: 1,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
  });
  const result: SimulationResult = {
    feasible: true,
    hardwareId: hardware.id,
    modelId: model.id,
    outputTokensPerSecond,
    outputTokensPerSecondPerChip: outputTokensPerSecond / best.chips,
    tokensPerSecondPerUser: 1 / e.tpotSeconds,
    ttftSeconds: e.ttftSeconds,
    tpotSeconds: e.tpotSeconds,
    costPerHourUsd: headline.costPerHourUsd,
    usdPerMillionOutputTokens: headline.usdPerMillionOutputTokens,
    outputTokensPerSecondPerDollarPerHour: headline.outputTokensPerSecondPerDollarPerHour,
    pricingUsed,
    rental,
    tco,
    config: {
      batch: e.batch,
      tensorParallel: best.prepared.layout.tensorParallel,
      pipelineParallel: best.prepared.layout.pipelineParallel,
      expertParallel: best.prepared.layout.expertParallel,
      replicas: best.replicas,
      chips: best.chips,
    },
    memory: {
      capacityBytesPerChip: best.prepared.memory.capacityBytesPerChip,
      weightsBytesPerChip: best.prepared.memory.weightsBytesPerChip,
      kvCacheBytesPerChip: best.prepared.memory.kvBytesPerSequencePerChip * e.batch,
      reserveBytesPerChip: best.prepared.memory.reserveBytesPerChip,
      weightsInSram: best.prepared.memory.weightSramFraction >= 1,
      maxBatchThatFits: best.prepared.memory.maxSequences,
      batchLimitedBy: best.batchLimitedBy,
    },
    bottleneck: dominant(decode.breakdown),
    decodeStepBreakdownSeconds: decode.breakdown,
    operators: [...operatorTimings(decode, 'decode'), ...operatorTimings(prefill, 'prefill')],
    frontier: pricedFrontier,
    layoutsTried,
    tokensPerTargetStep: ctx.speculation?.expectedTokensPerStep ?? 1,
    disaggregation,
    warnings,
    explain: [],
    estimateMarks: estimateMarks(ctx, best, pricingUsed),
  };
  result.explain = buildExplain(ctx, best, result, tcoRate, rentalRate);
  return result;
}

function dominant(breakdown: Record<Bottleneck, number>): Bottleneck {
  let best: Bottleneck = 'memory';
  for (const key of ['compute', 'memory', 'communication', 'overhead'] as const) {
    if (breakdown[key] > breakdown[best]) best = key;
  }
  return best;
}

function operatorTimings(step: StepTiming, phase: 'prefill' | 'decode'): OperatorTiming[] {
  return step.operators.map((t) => {
    const bytes = t.op.weightBytes + t.op.kvBytes + t.op.activationBytes;
    return {
      name: t.op.name,
      phase,
      count: t.op.count,
      flops: t.op.flops,
      bytes,
      seconds: t.seconds,
      bound: t.bound,
      arithmeticIntensity: bytes > 0 ? t.op.flops / bytes : 0,
    };
  });
}

/** Estimate marks of the profile fields this result depends on, as "path: basis". */
function estimateMarks(ctx: EngineContext, best: Candidate, pricing: 'rental' | 'tco'): string[] {
  const hw = ctx.scenario.hardware;
  const used = (path: string): boolean => {
    if (path.startsWith('compute.')) return path === `compute.denseFlopsPerSecond.${ctx.rate.rateClass}` || path === 'compute';
    if (path.startsWith('price.rental')) return pricing === 'rental';
    if (path.startsWith('price.') || path.startsWith('power.') || path.startsWith('packaging.')) return true;
    if (path.startsWith('scaleUp.')) return best.prepared.chipsPerReplica > 1;
    if (path.startsWith('scaleOut.')) return best.prepared.chipsPerReplica > hw.scaleUp.domainSize;
    return true;
  };
  return Object.entries(hw.estimates).filter(([path]) => used(path)).map(([path, basis]) => `${path}: ${basis}`);
}

function infeasible(ctx: EngineContext, reason: Message, layoutsTried: number): SimulationResult {
  const { hardware, model } = ctx.scenario;
  const zero: Record<Bottleneck, number> = { compute: 0, memory: 0, communication: 0, overhead: 0 };
  return {
    feasible: false,
    reason,
    hardwareId: hardware.id,
    modelId: model.id,
    outputTokensPerSecond: 0,
    outputTokensPerSecondPerChip: 0,
    tokensPerSecondPerUser: 0,
    ttftSeconds: 0,
    tpotSeconds: 0,
    costPerHourUsd: 0,
    usdPerMillionOutputTokens: 0,
    outputTokensPerSecondPerDollarPerHour: 0,
    pricingUsed: ctx.scenario.economics.pricing,
    rental: null,
    tco: null,
    config: { batch: 0, tensorParallel: 0, pipelineParallel: 0, expertParallel: 0, replicas: 0, chips: ctx.scenario.chips ?? 0 },
    memory: {
      capacityBytesPerChip: capacityBytesPerChip(hardware),
      weightsBytesPerChip: 0,
      kvCacheBytesPerChip: 0,
      reserveBytesPerChip: 0,
      weightsInSram: false,
      maxBatchThatFits: 0,
      batchLimitedBy: 'memory',
    },
    bottleneck: 'memory',
    decodeStepBreakdownSeconds: zero,
    operators: [],
    frontier: [],
    layoutsTried,
    tokensPerTargetStep: ctx.speculation?.expectedTokensPerStep ?? 1,
    disaggregation: null,
    warnings: [...ctx.warnings],
    explain: [],
    estimateMarks: [],
  };
}
