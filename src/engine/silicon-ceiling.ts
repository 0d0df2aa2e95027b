// What no software can beat: the chosen deployment (layout and batch) run at every peak the
// datasheet states (all shares 1, links at full bandwidth) with no fixed costs. A range's fast end
// never lies beyond it (uncertainty.ts scales the point result and knows nothing of peaks: a vendor
// claim widened x2 reached 34 tokens/s per user where the same deployment at 100% of every peak
// serves less). Pure.

import { buildContext, type EngineContext } from './context';
import { evaluateBatch, prepareLayout } from './deployment';
import type { Candidate } from './search';
import type { EfficiencyProfile, Uncertainty } from './types';

export interface SiliconCeiling {
  outputTokensPerSecond: number;
  tokensPerSecondPerUser: number;
}

/** Every share at 1, every fixed cost at 0: the roofline at the datasheet's peaks. */
function peakEfficiency(e: EfficiencyProfile): EfficiencyProfile {
  const { claimed: _claimed, ...rest } = e;
  return {
    ...rest,
    computeEfficiency: 1, memoryEfficiency: 1, linkEfficiency: 1, allToAllEfficiency: 1,
    attentionMemoryEfficiency: 1, attentionComputeEfficiency: 1, moeComputeEfficiency: 1, moeMemoryEfficiency: 1,
    moeHalfTokensPerExpert: 0,
    kernelOverheadSeconds: 0, stepOverheadSeconds: 0, attentionOverheadSeconds: 0, moeLayerOverheadSeconds: 0,
    softwareStackFactor: 1, moeSoftwareFactor: { fineGrained: 1, coarse: 1 },
  };
}

/** The chosen layout at its chosen batch on the silicon's peaks (roofline terms only). */
export function siliconCeiling(ctx: EngineContext, best: Candidate): SiliconCeiling {
  const hw = ctx.scenario.hardware;
  const peak = buildContext({ ...ctx.scenario, efficiencyMode: 'spec', hardware: { ...hw, efficiency: peakEfficiency(hw.efficiency) } });
  const e = evaluateBatch(peak, prepareLayout(peak, best.prepared.layout), best.evaluation.batch, { full: false });
  return { outputTokensPerSecond: best.replicas * e.replicaOutputTokensPerSecond, tokensPerSecondPerUser: 1 / e.tpotSeconds };
}

/**
 * `u` with its fast ends held at the ceiling: throughput's and per-user speed's high ends, and $/M's
 * low end (the same chip-hours over the ceiling's tokens). Never inside the point value.
 */
export function cappedAtCeiling(u: Uncertainty, ceiling: SiliconCeiling,
  values: { outputTokensPerSecond: number; tokensPerSecondPerUser: number; usdPerMillionOutputTokens: number | null }): Uncertainty {
  const throughputCap = Math.max(values.outputTokensPerSecond, ceiling.outputTokensPerSecond);
  const perUserCap = Math.max(values.tokensPerSecondPerUser, ceiling.tokensPerSecondPerUser);
  const throughputBinds = u.outputTokensPerSecond.high > throughputCap;
  const perUserBinds = u.tokensPerSecondPerUser.high > perUserCap;
  if (!throughputBinds && !perUserBinds) return u;
  const usd = u.usdPerMillionOutputTokens;
  const usdFloor = values.usdPerMillionOutputTokens === null ? null : values.usdPerMillionOutputTokens * (values.outputTokensPerSecond / throughputCap);
  return {
    ...u,
    derivation: `${u.derivation}; fast ends held at the silicon ceiling (this layout and batch at every datasheet peak, no fixed costs): `
      + `${Math.round(ceiling.outputTokensPerSecond)} tokens/s, ${ceiling.tokensPerSecondPerUser.toPrecision(3)} tokens/s per user`,
    outputTokensPerSecond: { ...u.outputTokensPerSecond, high: Math.min(u.outputTokensPerSecond.high, throughputCap) },
    tokensPerSecondPerUser: { ...u.tokensPerSecondPerUser, high: Math.min(u.tokensPerSecondPerUser.high, perUserCap) },
    usdPerMillionOutputTokens: usd === null || usdFloor === null ? usd : { ...usd, low: Math.max(usd.low, usdFloor) },
  };
}
