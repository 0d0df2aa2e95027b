// Which resource a result's $/M depends on most (issue 13 item 4): the search reruns with each of
// matrix FLOP/s, the memory that holds the weights (HBM or SRAM bandwidth) and scale-up bandwidth
// raised by 20%, everything else fixed; the resource whose gain lowers $/M most is the one that
// limits this deployment. The binding constraint of the batch (TTFT or TPOT limit, memory, cap) is
// the result's `memory.batchLimitedBy`; the split of the step time is its decode breakdown.
import type { ResolvedScenario } from '../types';
import { LIMIT_STEP, pickLimit, type LimitingResource, type ResourceLimit } from './resource-limit';
import { scaleParameter } from './scale-parameter';
import { usdPerMillionOf } from './sensitivity';

export { LIMIT_STEP, type LimitingResource, type ResourceLimit } from './resource-limit';

/** `base`: the scenario's own $/M when the caller already has it (saves one search). */
export function limitingResource(scenario: ResolvedScenario, base: number | null = usdPerMillionOf(scenario)): ResourceLimit {
  if (base === null || !(base > 0)) return { resource: null, elasticities: {} };
  const hw = scenario.hardware;
  const tried: LimitingResource[] = ['compute'];
  if (hw.memory.hbmCapacityBytes > 0) tried.push('hbmBandwidth');
  if (hw.memory.sramHoldsWeights && hw.memory.sramBandwidthBytesPerSecond > 0) tried.push('sramBandwidth');
  tried.push('scaleUpBandwidth');
  return pickLimit(base, tried.map((r) => [r, usdPerMillionOf({ ...scenario, hardware: scaleParameter(hw, r, 1 + LIMIT_STEP) })]));
}
