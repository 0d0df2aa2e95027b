import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import { layerGroups, type LayerGroup } from './architecture';
import { countParameters, tallyParameters, type ParameterTally } from './parameters';
import { BYTES_PER_VALUE, attentionPrecision, collectiveBytesPerValue, computePrecision, headPrecision, matrixRate, type MatrixRate } from './precision';
import type { EfficiencyMode, HardwareProfile, ModelArchitecture, RateClass, ResolvedScenario } from './types';
import { CALIBRATION_SUMMARY } from './calibration-summary';

/**
 * The shares of peak the engine uses for this scenario: the profile's silicon shares, times the
 * software-stack factor in "achieved" mode, or the vendor's claimed shares in "claim" mode.
 */
export interface EffectiveEfficiency {
  mode: EfficiencyMode;
  /** The profile's softwareStackFactor in achieved mode; in spec and claim modes 1, or that factor where it exceeds 1. */
  softwareFactor: number;
  /** 1 in spec and claim modes, the profile's moeSoftwareFactor of the model's MoE class in achieved mode. */
  moeSoftwareFactor: number;
  /** Whether the vendor-claimed shares replaced the profile's (claim mode on a chip with claims). */
  usesClaim: boolean;
  compute: number;
  /** The GEMM share at the LM head's rate (16-bit in quantized checkpoints). */
  headCompute: number;
  memory: number;
  attentionCompute: number;
  attentionMemory: number;
  moeCompute: number;
  moeMemory: number;
  moeHalfTokensPerExpert: number;
  link: number;
  allToAll: number;
  kernelOverheadSeconds: number;
  attentionOverheadSeconds: number;
  moeLayerOverheadSeconds: number;
  stepOverheadSeconds: number;
}

/**
 * Today's serving software spends a fixed time on every step besides the kernels: scheduling,
 * sampling, output processing (vLLM's profile of Llama 3 8B on one H100 found the GPU busy 38% of
 * the time; vLLM blog, 2024-09-05). Achieved mode adds the calibrated cost to every kernel-launched
 * chip; statically scheduled SRAM-dataflow chips have their fixed costs fitted to their own speeds,
 * and spec and claim modes assume serving software that hides it.
 */
export function servingStepSeconds(hardware: HardwareProfile, mode: EfficiencyMode): number {
  if (mode !== 'achieved' || hardware.memory.sramHoldsWeights) return 0;
  return CALIBRATION_SUMMARY.servingStep?.seconds ?? 0;
}

/** Experts per MoE layer from which a model counts as fine-grained (DeepSeekMoE, Dai et al. 2024: many small experts). */
export const FINE_GRAINED_MIN_EXPERTS = 32;

export function moeClassOf(model: ModelArchitecture): 'fineGrained' | 'coarse' | null {
  if (model.moe === null) return null;
  return model.moe.numExperts >= FINE_GRAINED_MIN_EXPERTS ? 'fineGrained' : 'coarse';
}

/**
 * The GEMM share of peak at the matrix rate in use: the profile's computeEfficiency is its share
 * of the fp8 peak, and 16-bit GEMMs reach a larger share of theirs (H200 kernel timings: 70.1% of
 * the bf16 peak against 64.6% of the fp8 peak; calibration-summary sixteenBitCompute). A vendor's
 * claimed share is taken as stated, whatever the format.
 */
function gemmShare(computeEfficiency: number, rateClass: RateClass | null, claimed: boolean): number {
  const sixteenBit = rateClass === 'bf16' || rateClass === 'fp16';
  return sixteenBit && !claimed ? Math.min(1, computeEfficiency * CALIBRATION_SUMMARY.sixteenBitCompute.ratio) : computeEfficiency;
}

/**
 * `rateClass`: the matrix rate the GEMMs run at (null: as the profile states, the fp8 share);
 * `headRateClass`: the LM head's.
 */
export function effectiveEfficiency(hardware: HardwareProfile, mode: EfficiencyMode, model: ModelArchitecture | null = null,
  rateClass: RateClass | null = null, headRateClass: RateClass | null = rateClass): EffectiveEfficiency {
  const e = hardware.efficiency;
  const claimed = mode === 'claim' ? e.claimed : undefined;
  // Where stacks beat the timed kernels (a fitted factor above 1: H200 1.05; coarse MoE 1.3, where
  // Mixtral achieved 10,770 tok/s/chip against spec 9,077 before spec took it), the timed kernels were
  // not the silicon's limit either: spec and claim take the factor too, so achieved never beats them.
  const inMode = (fitted: number) => (mode === 'achieved' ? fitted : Math.max(1, fitted));
  const factor = inMode(e.softwareStackFactor);
  const moeClass = model === null ? null : moeClassOf(model);
  const moeFactor = inMode(moeClass === null ? 1 : e.moeSoftwareFactor[moeClass]);
  // A claim replaces the silicon shares it states; the shares it is silent on keep the profile's.
  const stated = claimed?.computeEfficiency ?? e.computeEfficiency;
  const compute = gemmShare(stated, rateClass, claimed?.computeEfficiency !== undefined);
  const memory = claimed?.memoryEfficiency ?? e.memoryEfficiency;
  // The attention and expert shares follow a claim, not the GEMMs' format (each was timed on its own).
  const scaleC = stated / e.computeEfficiency;
  const scaleM = memory / e.memoryEfficiency;
  return {
    mode,
    softwareFactor: factor,
    moeSoftwareFactor: moeFactor,
    usesClaim: claimed !== undefined,
    // No share exceeds its peak, whatever the factor.
    compute: Math.min(1, compute * factor),
    headCompute: Math.min(1, gemmShare(stated, headRateClass, claimed?.computeEfficiency !== undefined) * factor),
    memory: Math.min(1, memory * factor),
    attentionCompute: Math.min(1, e.attentionComputeEfficiency * scaleC * factor),
    attentionMemory: Math.min(1, e.attentionMemoryEfficiency * scaleM * factor),
    moeCompute: Math.min(1, Math.min(1, e.moeComputeEfficiency * scaleC) * factor * moeFactor),
    moeMemory: Math.min(1, Math.min(1, e.moeMemoryEfficiency * scaleM) * factor * moeFactor),
    moeHalfTokensPerExpert: e.moeHalfTokensPerExpert,
    link: e.linkEfficiency,
    allToAll: e.allToAllEfficiency,
    kernelOverheadSeconds: claimed?.kernelOverheadSeconds ?? e.kernelOverheadSeconds,
    attentionOverheadSeconds: claimed === undefined ? e.attentionOverheadSeconds
      : e.attentionOverheadSeconds * (claimed.kernelOverheadSeconds / Math.max(e.kernelOverheadSeconds, 1e-12)),
    moeLayerOverheadSeconds: claimed === undefined ? e.moeLayerOverheadSeconds
      : e.moeLayerOverheadSeconds * (claimed.kernelOverheadSeconds / Math.max(e.kernelOverheadSeconds, 1e-12)),
    stepOverheadSeconds: e.stepOverheadSeconds + servingStepSeconds(hardware, mode),
  };
}

/**
 * Everything that depends on the scenario but not on the deployment being tried: computed once
 * per simulation so the search only pays for what changes.
 */
export interface EngineContext {
  scenario: ResolvedScenario;
  groups: LayerGroup[];
  params: ParameterTally;
  /** Rate of the matrix engine for the GEMMs (the wider of weight and activation formats). */
  rate: MatrixRate;
  /** Rate of the attention math (the wider of activation and KV-cache formats). */
  attentionRate: MatrixRate;
  /** Rate of the LM head GEMM, which stays 16-bit in quantized checkpoints (precision.ts headPrecision). */
  headRate: MatrixRate;
  efficiency: EffectiveEfficiency;
  weightBytesPerValue: number;
  /** Bytes per value of the embedding and LM head (headPrecision). */
  headBytesPerValue: number;
  /** Weight bytes of everything but the routed experts: sharded like attention. */
  sharedWeightBytes: number;
  /** Weight bytes of the routed experts: spread over the expert ranks. */
  expertWeightBytes: number;
  activationBytesPerValue: number;
  kvBytesPerValue: number;
  collectiveBytesPerValue: number;
  /** Expert-parallel dispatch sends activations in their own format (FP8 dispatch, DeepEP). */
  dispatchBytesPerValue: number;
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

export function buildContext(scenario: ResolvedScenario): EngineContext {
  const { hardware, model, precision, workload } = scenario;
  const warnings: Message[] = [];
  const compute = computePrecision(precision);
  const rate = matrixRate(hardware, compute);
  if (rate.fellBack) warnings.push(ENGINE.rateFallback(hardware.name, compute, rate.rateClass));
  if (scenario.efficiencyMode === 'claim' && hardware.efficiency.claimed === undefined) warnings.push(ENGINE.noVendorClaim(hardware.name));
  // The overlap hides expert all-to-alls (deployment.ts overlappedHalf): a dense model has none.
  if (scenario.engine.overlap === 'two-micro-batches' && model.moe === null) warnings.push(ENGINE.overlapWithoutExperts(model.name));
  const cached = Math.round(workload.inputTokens * workload.prefixCacheHitRate);
  const spec = scenario.speculative;
  const requestTokens = workload.inputTokens + workload.outputTokens;
  let speculation: Speculation | null = null;
  if (spec !== null) {
    if (spec.method === 'draft-model' && spec.draftModel === null) warnings.push(ENGINE.draftModelMissing());
    else if (spec.method === 'mtp' && (model.mtpModules ?? 0) < 1) warnings.push(ENGINE.mtpModulesMissing(model.name));
    // The draft reads the whole context to propose the next tokens: past its window it cannot.
    else if (spec.method === 'draft-model' && spec.draftModel !== null && requestTokens > spec.draftModel.maxContextTokens) {
      warnings.push(ENGINE.draftContextWindow(spec.draftModel.name, spec.draftModel.maxContextTokens, requestTokens));
    } else {
      const draftModel = spec.method === 'draft-model' ? spec.draftModel : null;
      // Leviathan et al. 2023 assume a draft much cheaper than the target (cost ratio c << 1): said,
      // then computed as asked. (A draft of another vocabulary cannot be verified: simulate refuses it.)
      if (draftModel !== null && countParameters(draftModel).totalParams >= countParameters(model).totalParams) {
        warnings.push(ENGINE.draftNotSmaller(draftModel.name, model.name));
      }
      speculation = {
        method: spec.method,
        draftTokens: spec.draftTokens,
        acceptanceRate: spec.acceptanceRate,
        expectedTokensPerStep: expectedTokensPerStep(spec.draftTokens, spec.acceptanceRate),
        draft: draftModel === null ? null : buildContext({ ...scenario, model: draftModel, speculative: null, serving: 'co-located' }),
      };
    }
  }
  const params = tallyParameters(model);
  const weightBytesPerValue = BYTES_PER_VALUE[precision.weights];
  const headFormat = headPrecision(precision);
  const headBytesPerValue = BYTES_PER_VALUE[headFormat];
  const vocabParams = params.embedding + params.lmHead;
  const headRate = matrixRate(hardware, computePrecision({ ...precision, weights: headFormat }));
  return {
    scenario,
    groups: layerGroups(model),
    params,
    rate,
    attentionRate: matrixRate(hardware, attentionPrecision(precision)),
    headRate,
    efficiency: effectiveEfficiency(hardware, scenario.efficiencyMode, scenario.model, rate.rateClass, headRate.rateClass),
    weightBytesPerValue,
    headBytesPerValue,
    sharedWeightBytes: (params.total - params.routedExperts - vocabParams) * weightBytesPerValue + vocabParams * headBytesPerValue,
    expertWeightBytes: params.routedExperts * weightBytesPerValue,
    activationBytesPerValue: BYTES_PER_VALUE[precision.activations],
    kvBytesPerValue: BYTES_PER_VALUE[precision.kvCache],
    collectiveBytesPerValue: collectiveBytesPerValue(precision),
    dispatchBytesPerValue: Math.min(2, BYTES_PER_VALUE[precision.activations]),
    newPromptTokens: workload.inputTokens - cached,
    cachedPromptTokens: cached,
    meanDecodeContextTokens: workload.meanDecodeContextTokens ?? workload.inputTokens + workload.outputTokens / 2,
    maxContextTokens: requestTokens,
    speculation,
    warnings,
  };
}
