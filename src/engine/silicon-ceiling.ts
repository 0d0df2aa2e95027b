// What no software can beat: the chosen deployment (layout and batch) run at every peak the
// profile rates (all shares 1, links at full bandwidth) with no fixed costs. A range's fast end
// never lies beyond it (uncertainty.ts scales the point result and knows nothing of peaks: a vendor
// claim widened x2 reached 34 tokens/s per user where the same deployment at 100% of every peak
// serves 25.6). Pure.

import { buildContext, type EngineContext } from './context';
import { evaluateBatch, prepareLayout } from './deployment';
import type { Candidate } from './search';
import type { EfficiencyProfile } from './types';
import type { SpeedCeiling } from './uncertainty';

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
export function siliconCeiling(ctx: EngineContext, best: Candidate): SpeedCeiling {
  const hw = ctx.scenario.hardware;
  const peak = buildContext({ ...ctx.scenario, efficiencyMode: 'spec', hardware: { ...hw, efficiency: peakEfficiency(hw.efficiency) } });
  const e = evaluateBatch(peak, prepareLayout(peak, best.prepared.layout), best.evaluation.batch, { full: false });
  return { outputTokensPerSecond: best.replicas * e.replicaOutputTokensPerSecond, tokensPerSecondPerUser: 1 / e.tpotSeconds, chips: best.chips };
}
