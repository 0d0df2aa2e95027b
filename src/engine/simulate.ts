import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import { CALIBRATION_SUMMARY } from './calibration-summary';
import { buildContext, type EngineContext } from './context';
import { evaluateBatch, stageTime, type StepTiming } from './deployment';
import { energyUse, estimatedRentalPerChipHour, paidChips, priceDeployment, rentalPerChipHour, tcoPerChipHour } from './economics';
import { buildExplain } from './explain';
import { siliconCeiling } from './silicon-ceiling';
import { kvSramFraction } from './memory';
import { describeLayout, searchDeployments, type Candidate } from './search';
import { searchDisaggregated } from './disaggregation';
import { capacityBytesPerChip } from './memory';
import { infeasibleUncertainty, rangeQuantiles, uncertaintyOf, unpredictedKind, type PriceBand } from './uncertainty';
import { contextWindowProblem } from './context-window';
import { isDataflowChip } from './memory';
import { slowEndAtLimit, widenedToSlowEnd } from './latency-cliff';
import type {
  Bottleneck, CostBreakdown, DisaggregationSummary, LayoutAlternative, OperatorTiming, PricingBasis, ResolvedScenario, SimulationResult,
} from './types';
import { isLatencyLimit } from './result-types';

/** A slow end this many times below the scaled one is said beside the result, not only in its range's derivation. */
const CLIFF_WARNING_TIMES = 2;

export interface SimulateOptions {
  /**
   * Trace the Pareto frontier over every layout's batches (the charts' frontier line; default
   * true). Callers that read only the chosen deployment skip it: the result's frontier is then
   * empty and every other field is the same.
   */
  frontier?: boolean;
  /**
   * Put ranges on the result (default true): the uncertainty, with its latency-cliff rerun and
   * silicon ceiling. Callers that read only point values (sensitivity, break-even: many runs per
   * answer) skip them: uncertainty is then null, and the range warnings absent.
   */
  ranges?: boolean;
}

/**
 * The engine's entry point: finds the best deployment of the scenario's model on its chips and
 * prices it. Pure: same input, same output; the input is never mutated.
 */
export function simulate(scenario: ResolvedScenario, options: SimulateOptions = {}): SimulationResult {
  const ctx = buildContext(scenario);
  const { model, workload } = scenario;
  const window = contextWindowProblem(model, workload.inputTokens, workload.outputTokens);
  if (window !== null) return infeasible(ctx, window, 0);
  // The target verifies the draft's tokens, so both must share one vocabulary (Leviathan et al. 2023).
  const draft = scenario.speculative?.method === 'draft-model' ? scenario.speculative.draftModel : null;
  if (draft !== null && draft.vocabSize !== model.vocabSize) {
    return infeasible(ctx, ENGINE.draftVocabulary(draft.name, draft.vocabSize, model.name, model.vocabSize), 0);
  }
  const outcome = searchDeployments(ctx, options.frontier ?? true);
  if (scenario.serving === 'disaggregated') {
    const disaggregated = searchDisaggregated(ctx);
    if ('code' in disaggregated) return infeasible(ctx, disaggregated, outcome.layoutsTried, pricedFrontier(ctx, outcome.frontier));
    const co = outcome.best;
    const summary: DisaggregationSummary = {
      ...disaggregated.summary,
      colocated: co === null ? null : {
        outputTokensPerSecond: co.outputTokensPerSecond, ttftSeconds: co.evaluation.ttftSeconds,
        tpotSeconds: co.evaluation.tpotSeconds, chips: co.chips,
      },
    };
    const result = assemble(ctx, disaggregated.best, outcome.frontier, outcome.layoutsTried, disaggregatedAlternatives(disaggregated.best, summary, outcome.alternatives), summary,
      options.ranges ?? true);
    // Disaggregation is what was asked for; that co-located serving does better on these chips is said, not hidden.
    const coPerChip = co === null ? 0 : co.outputTokensPerSecond / co.chips;
    if (coPerChip > 1.01 * result.outputTokensPerSecondPerChip) result.warnings.push(ENGINE.colocatedBetter(coPerChip, result.outputTokensPerSecondPerChip));
    return result;
  }
  // Missing the limits is no reason to hide how close the chip comes: its frontier stays.
  if (outcome.best === null) return infeasible(ctx, outcome.reason, outcome.layoutsTried, pricedFrontier(ctx, outcome.frontier));
  return assemble(ctx, outcome.best, outcome.frontier, outcome.layoutsTried, outcome.alternatives, null, options.ranges ?? true);
}

/**
 * Under disaggregated serving the deployment is the two pools together; the co-located search's
 * layouts of the same chips follow for comparison, none of them chosen.
 */
function disaggregatedAlternatives(best: Candidate, summary: DisaggregationSummary, colocated: readonly LayoutAlternative[]): LayoutAlternative[] {
  const pools: LayoutAlternative = {
    layout: `disaggregated: prefill ${summary.prefill.replicas} x ${describeLayout(summary.prefill)}, decode ${summary.decode.replicas} x ${describeLayout(summary.decode)}`,
    chosen: true, chips: best.chips, batch: best.evaluation.batch,
    outputTokensPerSecondPerChip: best.outputTokensPerSecond / best.chips,
    tokensPerSecondPerUser: 1 / best.evaluation.tpotSeconds, tpotSeconds: best.evaluation.tpotSeconds,
    usdPerMillionOutputTokens: null, reason: null,
  };
  return [pools, ...colocated.map((a) => ({ ...a, chosen: false, layout: `co-located ${a.layout}` }))];
}

/** The headline price on the chosen basis: a market rental, an estimated one ("≈"), or TCO. */
interface Headline {
  usdPerChipHour: number | null;
  pricing: PricingBasis;
  band: PriceBand | null;
  excludedReason: string | null;
}

function headlinePrice(ctx: EngineContext, tcoUsdPerChipHour: number): Headline {
  const { hardware, economics } = ctx.scenario;
  if (economics.pricing === 'tco') {
    return { usdPerChipHour: tcoUsdPerChipHour, pricing: { rentalEstimated: false, rentalEstimateNote: null }, band: null, excludedReason: null };
  }
  const market = rentalPerChipHour(hardware, economics);
  if (market !== null) {
    return { usdPerChipHour: market, pricing: { rentalEstimated: false, rentalEstimateNote: null }, band: null, excludedReason: null };
  }
  const ratio = CALIBRATION_SUMMARY.rentalToTco;
  if (!(ratio.n > 0 && ratio.median > 0)) {
    return {
      usdPerChipHour: null, pricing: { rentalEstimated: false, rentalEstimateNote: null }, band: null,
      excludedReason: `${hardware.name} has no market rental price and no market ratio is known to estimate one`,
    };
  }
  const note = `≈ rental estimated: owning cost (TCO at default economics) x ${ratio.median.toFixed(2)}, the median rental/TCO ratio `
    + `of ${ratio.n} chips with both prices (interquartile ${ratio.q1.toFixed(2)}-${ratio.q3.toFixed(2)})`;
  return {
    usdPerChipHour: estimatedRentalPerChipHour(hardware, ratio),
    pricing: { rentalEstimated: true, rentalEstimateNote: note },
    // The 80% range carries the ratio's 10th-90th percentile band, not its quartiles (half the chips).
    band: { lowRatio: ratio.p10 / ratio.median, highRatio: ratio.p90 / ratio.median, note: `rental estimate band ${ratio.p10.toFixed(2)}-${ratio.p90.toFixed(2)} x TCO (10th-90th percentile of the ${ratio.n} ratios)` },
    excludedReason: null,
  };
}

/** Frontier points priced at the chip-hour price of the chosen basis (0 where the chip has none on it). */
function pricedFrontier(ctx: EngineContext, frontier: SimulationResult['frontier'],
  headline: Headline = headlinePrice(ctx, tcoPerChipHour(ctx.scenario.hardware, ctx.scenario.economics).totalUsdPerHour)): SimulationResult['frontier'] {
  const usdPerChipHour = headline.usdPerChipHour ?? 0;
  return frontier.map((p) => ({ ...p, usdPerMillionOutputTokens: (usdPerChipHour / (p.outputTokensPerSecondPerChip * 3600)) * 1e6 }));
}

function assemble(
  ctx: EngineContext,
  best: Candidate,
  frontier: SimulationResult['frontier'],
  layoutsTried: number,
  alternatives: LayoutAlternative[],
  disaggregation: DisaggregationSummary | null,
  ranges: boolean,
): SimulationResult {
  const { hardware, model, workload, economics } = ctx.scenario;
  const e = best.evaluation;
  const warnings = [...ctx.warnings];
  if (ctx.scenario.chips !== 'auto' && best.chips < ctx.scenario.chips) {
    warnings.push(disaggregation === null ? ENGINE.idleChips(ctx.scenario.chips - best.chips, ctx.scenario.chips, best.prepared.chipsPerReplica)
      : ENGINE.idlePoolChips(ctx.scenario.chips - best.chips, ctx.scenario.chips, best.chips));
  }
  const paid = paidChips(ctx.scenario.chips, best.chips);
  const outputTokensPerSecond = best.outputTokensPerSecond;
  // A zero or vanishing rate anywhere shows up here: such a deployment does not serve the workload.
  for (const [what, value] of [['throughput', outputTokensPerSecond], ['TPOT', e.tpotSeconds], ['TTFT', e.ttftSeconds]] as const) {
    if (!Number.isFinite(value) || (what === 'throughput' && !(value > 0))) return infeasible(ctx, ENGINE.nonFiniteResult(what), layoutsTried);
  }
  const inputTokensPerSecond = (outputTokensPerSecond / workload.outputTokens) * workload.inputTokens;
  const tcoRate = tcoPerChipHour(hardware, economics);
  const headline = headlinePrice(ctx, tcoRate.totalUsdPerHour);
  const market = rentalPerChipHour(hardware, economics);
  const rentalRate = market ?? (headline.pricing.rentalEstimated ? headline.usdPerChipHour : null);
  const rental = rentalRate === null ? null
    : priceDeployment(rentalRate, paid, outputTokensPerSecond, inputTokensPerSecond, e.prefillShare);
  const tcoBase = priceDeployment(tcoRate.totalUsdPerHour, paid, outputTokensPerSecond, inputTokensPerSecond, e.prefillShare);
  const tco: CostBreakdown = {
    ...tcoBase,
    capexUsdPerHour: tcoRate.capexUsdPerHour * paid,
    powerUsdPerHour: tcoRate.powerUsdPerHour * paid,
    hostingUsdPerHour: tcoRate.hostingUsdPerHour * paid,
  };
  const priced: CostBreakdown | null = headline.usdPerChipHour === null ? null : economics.pricing === 'tco' ? tco : rental;
  const decode = e.decodeStep ?? evaluateBatch(ctx, best.prepared, e.batch).decodeStep!;
  const prefill = stageTime(ctx, best.prepared, {
    decodeSequences: 0,
    decodeContextTokens: ctx.meanDecodeContextTokens,
    prefillTokens: Math.max(1, ctx.newPromptTokens),
    prefillPrompts: 1,
    cachedTokensPerPrompt: ctx.cachedPromptTokens,
  }, e.batch);
  const perChip = outputTokensPerSecond / best.chips;
  const evidence = { ...hardware.efficiency.evidence };
  const usdPerMillion = priced?.usdPerMillionOutputTokens ?? null;
  const result: SimulationResult = {
    feasible: true,
    hardwareId: hardware.id,
    modelId: model.id,
    outputTokensPerSecond,
    outputTokensPerSecondPerChip: perChip,
    tokensPerSecondPerUser: 1 / e.tpotSeconds,
    ttftSeconds: e.ttftSeconds,
    tpotSeconds: e.tpotSeconds,
    costPerHourUsd: priced?.costPerHourUsd ?? null,
    usdPerMillionOutputTokens: usdPerMillion,
    outputTokensPerSecondPerDollarPerHour: priced?.outputTokensPerSecondPerDollarPerHour ?? null,
    pricingUsed: economics.pricing,
    pricing: headline.pricing,
    rankExcluded: headline.excludedReason !== null,
    rankExcludedReason: headline.excludedReason,
    rental,
    tco,
    energy: energyUse(hardware, economics, perChip),
    config: {
      batch: e.batch,
      tensorParallel: best.prepared.layout.tensorParallel,
      pipelineParallel: best.prepared.layout.pipelineParallel,
      expertParallel: best.prepared.layout.expertParallel,
      dataParallelAttention: best.prepared.layout.dataParallelAttention,
      replicas: best.replicas,
      chips: best.chips,
      paidChips: paid,
    },
    memory: {
      capacityBytesPerChip: best.prepared.memory.capacityBytesPerChip,
      weightsBytesPerChip: best.prepared.memory.weightsBytesPerChip,
      kvCacheBytesPerChip: best.prepared.memory.kvBytesPerSequencePerChip * (e.batch / best.prepared.shard.attentionGroups),
      reserveBytesPerChip: best.prepared.memory.reserveBytesPerChip,
      weightsInSram: best.prepared.memory.weightSramFraction >= 1,
      kvSramFraction: kvSramFraction(best.prepared.memory, e.batch / best.prepared.shard.attentionGroups),
      maxBatchThatFits: best.prepared.memory.maxSequences,
      batchLimitedBy: best.batchLimitedBy,
    },
    bottleneck: dominant(decode.breakdown),
    decodeStepBreakdownSeconds: decode.breakdown,
    prefillShareOfStep: e.prefillShare,
    operators: [...operatorTimings(decode, 'decode'), ...operatorTimings(prefill, 'prefill')],
    frontier: pricedFrontier(ctx, frontier, headline),
    layoutsTried,
    // $/M of each layout at the headline price: price per chip-hour / output tokens per chip-hour.
    alternatives: alternatives.map((a) => ({
      ...a,
      usdPerMillionOutputTokens: headline.usdPerChipHour === null || !(a.outputTokensPerSecondPerChip > 0) ? null
        : (headline.usdPerChipHour / (a.outputTokensPerSecondPerChip * 3600)) * 1e6,
    })),
    tokensPerTargetStep: ctx.speculation?.expectedTokensPerStep ?? 1,
    disaggregation,
    evidence,
    uncertainty: null,
    warnings,
    explain: [],
    estimateMarks: estimateMarks(ctx, best, economics.pricing, headline.pricing.rentalEstimated),
  };
  const model0 = CALIBRATION_SUMMARY.uncertainty;
  if (ranges && model0.count > 0) {
    const unpredicted = unpredictedKind(ctx.scenario.efficiencyMode, ctx.efficiency.usesClaim);
    // The SRAM chips' wider floor is the spread of their single-stream speeds, i.e. of their fitted
    // fixed cost per operator: it applies where the weights sit in SRAM or fixed costs are the largest
    // part of the step. A deployment bound by streaming weights from HBM or DRAM is bandwidth-bound as
    // a GPU is (MatX One with Llama-3.1-8B on one chip reached a high end of 1,168 tokens/s per user,
    // beyond 6 TB/s / 8 GB); but MatX One serving Llama-3.1-70B from HBM over 128 chips spends 85% of
    // its step on fixed costs, and took the narrow GPU range for the same prediction as over 256 chips.
    const dataflowChip = isDataflowChip(ctx.scenario.hardware) && (result.memory.weightsInSram || result.bottleneck === 'overhead');
    const moe = ctx.scenario.model.moe !== null;
    // A batch a latency limit set takes the residuals of such predictions (uncertainty.ts).
    const latencyLimited = isLatencyLimit(best.batchLimitedBy);
    // The scaled fast ends know no peaks; the same deployment on the rated peaks bounds them.
    const ceiling = disaggregation === null ? siliconCeiling(ctx, best) : null;
    result.uncertainty = uncertaintyOf(model0, evidence.basis, {
      outputTokensPerSecond, tokensPerSecondPerUser: result.tokensPerSecondPerUser, usdPerMillionOutputTokens: usdPerMillion, ttftSeconds: e.ttftSeconds,
    }, headline.band, unpredicted, dataflowChip, moe, ceiling, latencyLimited);
    // A latency limit that sets the batch is a cliff the scaled range cannot see (latency-cliff.ts).
    // The rerun slows the chip by the speed quantile of its architecture: the latency-bound quantiles
    // are of throughput under a limit, which already holds such cliffs.
    const speedFactor = Math.exp(rangeQuantiles(model0, evidence.basis, dataflowChip, moe).low);
    const slow = unpredicted === null && disaggregation === null ? slowEndAtLimit(ctx, best, speedFactor, 1 / result.uncertainty.tokensPerSecondPerUser.low) : null;
    const limit = best.batchLimitedBy === 'ttft-limit' ? 'TTFT' : 'TPOT';
    if (slow === 'misses-limit') warnings.push(ENGINE.cliffMissesLimit(limit, Math.round((1 - speedFactor) * 100)));
    else if (slow !== null) {
      const scaledLow = result.uncertainty.outputTokensPerSecond.low;
      result.uncertainty = widenedToSlowEnd(result.uncertainty, slow, limit, result.tokensPerSecondPerUser);
      // Shown beside the row where the cliff, not the evidence, sets most of the width (Etched at TPOT 50 ms: $/M's high end 100+ times the value).
      const times = scaledLow / slow.outputTokensPerSecond;
      if (times >= CLIFF_WARNING_TIMES) warnings.push(ENGINE.cliffWidensRange(limit, Math.round((1 - speedFactor) * 100), slow.batch, times));
    }
    // Where the slow end is not rerun (disaggregated pools; spec and claim modes, which have no software
    // factor to slow), say where that end breaks the TPOT limit: the scaled range cannot cut the batch.
    const maxTpot = ctx.scenario.slo.maxTpotSeconds;
    const slowTpot = 1 / result.uncertainty.tokensPerSecondPerUser.low;
    if ((disaggregation !== null || unpredicted !== null) && maxTpot !== null && slowTpot > maxTpot) {
      const ms = (s: number) => `${Number((s * 1000).toPrecision(3))} ms`;
      const note = ENGINE.slowEndNotRerun(disaggregation !== null ? 'disaggregated' : 'unpredicted', ms(maxTpot), ms(slowTpot));
      // A silicon limit's range is a modelling spread, not a prediction: said in its derivation only.
      if (disaggregation !== null) warnings.push(note);
      result.uncertainty = { ...result.uncertainty, derivation: `${result.uncertainty.derivation}; ${note.text.charAt(0).toLowerCase()}${note.text.slice(1)}` };
    }
    // A catalog chip whose own rows the pooled range rarely held (calibration's check): said, as the range cannot show it.
    const misfit = unpredicted === null ? model0.undercovered?.find((u) => u.hardwareId === ctx.scenario.hardware.id) : undefined;
    if (misfit !== undefined) {
      warnings.push(ENGINE.rangeUndercovers(ctx.scenario.hardware.name, misfit.inside, misfit.rows, Math.round(model0.coverage * 100), Math.round(misfit.medianError * 100)));
    }
  }
  result.explain = buildExplain(ctx, best, result, tcoRate, headline.usdPerChipHour);
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
function estimateMarks(ctx: EngineContext, best: Candidate, pricing: 'rental' | 'tco', rentalEstimated: boolean): string[] {
  const hw = ctx.scenario.hardware;
  const { economics } = ctx.scenario;
  const used = (path: string): boolean => {
    if (path.startsWith('compute.')) return path === `compute.denseFlopsPerSecond.${ctx.rate.rateClass}` || path === 'compute';
    // A price the scenario sets replaces the profile's estimate (economics.ts reads the override first).
    if (path.startsWith('price.rental')) return pricing === 'rental' && !rentalEstimated && economics.rentalUsdPerChipHour === null;
    // The purchase price prices a token only on the owning-cost basis, or through an estimated rental.
    if (path === 'price.listPriceUsd') return economics.capexUsdPerChip === null && (pricing === 'tco' || rentalEstimated);
    if (path.startsWith('price.') || path.startsWith('power.') || path.startsWith('packaging.')) return true;
    if (path.startsWith('scaleUp.')) return best.prepared.chipsPerReplica > 1;
    if (path.startsWith('scaleOut.')) return best.prepared.chipsPerReplica > hw.scaleUp.domainSize;
    return true;
  };
  const marks = Object.entries(hw.estimates).filter(([path]) => used(path)).map(([path, basis]) => `${path}: ${basis}`);
  if (rentalEstimated) marks.push('price.rentalUsdPerChipHour: ≈ estimated from the owning cost and the market rental/TCO ratio');
  return marks;
}

function infeasible(ctx: EngineContext, reason: Message, layoutsTried: number, frontier: SimulationResult['frontier'] = []): SimulationResult {
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
    costPerHourUsd: null,
    usdPerMillionOutputTokens: null,
    outputTokensPerSecondPerDollarPerHour: null,
    pricingUsed: ctx.scenario.economics.pricing,
    pricing: { rentalEstimated: false, rentalEstimateNote: null },
    rankExcluded: false,
    rankExcludedReason: null,
    rental: null,
    tco: null,
    energy: null,
    config: {
      batch: 0, tensorParallel: 0, pipelineParallel: 0, expertParallel: 0, dataParallelAttention: false, replicas: 0,
      chips: ctx.scenario.chips === 'auto' ? 0 : ctx.scenario.chips,
      paidChips: 0,
    },
    memory: {
      capacityBytesPerChip: capacityBytesPerChip(hardware),
      weightsBytesPerChip: 0,
      kvCacheBytesPerChip: 0,
      reserveBytesPerChip: 0,
      weightsInSram: false,
      kvSramFraction: 0,
      maxBatchThatFits: 0,
      batchLimitedBy: 'memory',
    },
    bottleneck: 'memory',
    decodeStepBreakdownSeconds: zero,
    prefillShareOfStep: 0,
    operators: [],
    frontier,
    layoutsTried,
    alternatives: [],
    tokensPerTargetStep: ctx.speculation?.expectedTokensPerStep ?? 1,
    disaggregation: null,
    evidence: { ...hardware.efficiency.evidence },
    uncertainty: infeasibleUncertainty(hardware.efficiency.evidence.basis),
    warnings: [...ctx.warnings],
    explain: [],
    estimateMarks: [],
  };
}
