import { layerGroups, type LayerGroup } from './architecture';
import { tallyParameters, type ParameterTally } from './parameters';
import { BYTES_PER_VALUE, collectiveBytesPerValue, computePrecision, matrixRate, type MatrixRate } from './precision';
import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import type { ResolvedScenario } from './types';

/**
 * Everything that depends on the scenario but not on the deployment being tried: computed once
 * per simulation so the search only pays for what changes (issue 8: precompute).
 */
export interface EngineContext {
  scenario: ResolvedScenario;
  groups: LayerGroup[];
  params: ParameterTally;
  rate: MatrixRate;
  weightBytesPerValue: number;
  activationBytesPerValue: number;
  kvBytesPerValue: number;
  collectiveBytesPerValue: number;
  /** Efficiency multiplier for the chosen mode: 1 for spec sheet, the stack factor for achieved. */
  softwareFactor: number;
  computeEfficiency: number;
  memoryEfficiency: number;
  /** Prompt tokens that must be computed per request (the rest come from the prefix cache). */
  newPromptTokens: number;
  cachedPromptTokens: number;
  /** Mean context while decoding: input + output/2 (MODEL.md section 5). */
  meanDecodeContextTokens: number;
  /** Context each sequence's KV must hold at its end. */
  maxContextTokens: number;
  speculation: Speculation | null;
  warnings: Message[];
}

export interface Speculation {
  method: 'mtp' | 'draft-model';
  draftTokens: number;
  acceptanceRate: number;
  /** Expected tokens per target step: (1 - a^(g+1)) / (1 - a) (Leviathan et al. 2023, eq. 1). */
  expectedTokensPerStep: number;
  /** The draft model's own context (draft-model method only). */
  draft: EngineContext | null;
}

export function expectedTokensPerStep(draftTokens: number, acceptanceRate: number): number {
  if (acceptanceRate >= 1) return draftTokens + 1;
  return (1 - Math.pow(acceptanceRate, draftTokens + 1)) / (1 - acceptanceRate);
}

/** Largest prompt chunk one step computes (vLLM max_num_batched_tokens / TRT-LLM chunk size order). */
export const PREFILL_CHUNK_TOKENS = 8192;

export function buildContext(scenario: ResolvedScenario): EngineContext {
  const { hardware, model, precision, workload } = scenario;
  const warnings: Message[] = [];
  const compute = computePrecision(precision);
  const rate = matrixRate(hardware, compute);
  if (rate.fellBack) {
    warnings.push(ENGINE.rateFallback(hardware.name, compute, rate.rateClass));
  }
  const factor = scenario.efficiencyMode === 'achieved' ? Math.min(1, hardware.efficiency.softwareStackFactor) : 1;
  const cached = Math.round(workload.inputTokens * workload.prefixCacheHitRate);
  const maxContext = workload.inputTokens + workload.outputTokens;
  const spec = scenario.speculative ?? null;
  let speculation: Speculation | null = null;
  if (spec !== null) {
    const draft = spec.method === 'draft-model' && spec.draftModel !== null
      ? buildContext({ ...scenario, model: spec.draftModel, speculative: null, serving: 'co-located' })
      : null;
    if (spec.method === 'draft-model' && spec.draftModel === null) warnings.push(ENGINE.draftModelMissing());
    else {
      speculation = {
        method: spec.method,
        draftTokens: spec.draftTokens,
        acceptanceRate: spec.acceptanceRate,
        expectedTokensPerStep: expectedTokensPerStep(spec.draftTokens, spec.acceptanceRate),
        draft,
      };
    }
  }
  return {
    scenario,
    groups: layerGroups(model),
    params: tallyParameters(model),
    rate,
    weightBytesPerValue: BYTES_PER_VALUE[precision.weights],
    activationBytesPerValue: BYTES_PER_VALUE[precision.activations],
    kvBytesPerValue: BYTES_PER_VALUE[precision.kvCache],
    collectiveBytesPerValue: collectiveBytesPerValue(precision),
    softwareFactor: factor,
    computeEfficiency: hardware.efficiency.computeEfficiency * factor,
    memoryEfficiency: hardware.efficiency.memoryEfficiency * factor,
    newPromptTokens: workload.inputTokens - cached,
    cachedPromptTokens: cached,
    meanDecodeContextTokens: workload.inputTokens + workload.outputTokens / 2,
    maxContextTokens: maxContext,
    speculation,
    warnings,
  };
}
