// Which resource a result's $/M depends on most (issue 13 item 4): the search reruns with each of
// matrix FLOP/s, the memory that holds the weights (HBM or SRAM bandwidth) and scale-up bandwidth
// raised by 20%, everything else fixed; the resource whose gain lowers $/M most is the one that
// limits this deployment. The binding constraint of the batch (TTFT or TPOT limit, memory, cap) is
// the result's `memory.batchLimitedBy`; the split of the step time is its decode breakdown.
import type { ResolvedScenario } from '../types';
import { scaleParameter, type ChipParameter } from './scale-parameter';
import { usdPerMillionOf } from './sensitivity';

export const LIMIT_STEP = 0.2;

export type LimitingResource = Extract<ChipParameter, 'compute' | 'hbmBandwidth' | 'sramBandwidth' | 'scaleUpBandwidth'>;

export interface ResourceLimit {
  /** The resource whose +20% lowers $/M most; null when none moves it (or the result is infeasible). */
  resource: LimitingResource | null;
  /** d ln($/M) / d ln(resource), negative: -1 = $/M falls in proportion (per resource tried). */
  elasticities: Partial<Record<LimitingResource, number>>;
}

/** `base`: the scenario's own $/M when the caller already has it (saves one search). */
export function limitingResource(scenario: ResolvedScenario, base: number | null = usdPerMillionOf(scenario)): ResourceLimit {
  if (base === null || !(base > 0)) return { resource: null, elasticities: {} };
  const hw = scenario.hardware;
  const tried: LimitingResource[] = ['compute'];
  if (hw.memory.hbmCapacityBytes > 0) tried.push('hbmBandwidth');
  if (hw.memory.sramHoldsWeights && hw.memory.sramBandwidthBytesPerSecond > 0) tried.push('sramBandwidth');
  tried.push('scaleUpBandwidth');
  const elasticities: Partial<Record<LimitingResource, number>> = {};
  let resource: LimitingResource | null = null;
  for (const r of tried) {
    const raised = usdPerMillionOf({ ...scenario, hardware: scaleParameter(hw, r, 1 + LIMIT_STEP) });
    if (raised === null) continue;
    const e = Math.log(raised / base) / Math.log(1 + LIMIT_STEP);
    elasticities[r] = e;
    // A gain under 1% of $/M per 20% counts as none.
    if (e < -0.05 && (resource === null || e < elasticities[resource]!)) resource = r;
  }
  return { resource, elasticities };
}
