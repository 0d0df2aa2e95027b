// Which resource a result's $/M depends on most, from $/M with each resource raised by 20%: the
// choice alone, without engine runs, so the page can read it off the chip lab's sensitivity result
// (its +20% runs are the same runs) as well as the workers' own (limiting-resource.ts).
import type { ChipParameter } from './scale-parameter';
import type { SensitivityResult } from './sensitivity-assemble';

export const LIMIT_STEP = 0.2;

export type LimitingResource = Extract<ChipParameter, 'compute' | 'hbmBandwidth' | 'sramBandwidth' | 'scaleUpBandwidth'>;

const LIMITING_RESOURCES: readonly LimitingResource[] = ['compute', 'hbmBandwidth', 'sramBandwidth', 'scaleUpBandwidth'];

export interface ResourceLimit {
  /** The resource whose +20% lowers $/M most; null when none moves it (or the result is infeasible). */
  resource: LimitingResource | null;
  /** d ln($/M) / d ln(resource), negative: -1 = $/M falls in proportion (per resource tried). */
  elasticities: Partial<Record<LimitingResource, number>>;
}

/** `raised`: $/M with each resource tried at +LIMIT_STEP, in the order tried (null: infeasible there). */
export function pickLimit(base: number, raised: readonly [LimitingResource, number | null][]): ResourceLimit {
  const elasticities: Partial<Record<LimitingResource, number>> = {};
  let resource: LimitingResource | null = null;
  for (const [r, usd] of raised) {
    if (usd === null) continue;
    const e = Math.log(usd / base) / Math.log(1 + LIMIT_STEP);
    elasticities[r] = e;
    // A gain under 1% of $/M per 20% counts as none.
    if (e < -0.05 && (resource === null || e < elasticities[resource]!)) resource = r;
  }
  return { resource, elasticities };
}

/** The limit the chip lab's sensitivity runs imply; null when they were not run at +20% (or are infeasible). */
export function limitFromSensitivity(s: SensitivityResult): ResourceLimit | null {
  if (!s.feasible || Math.abs(s.delta - LIMIT_STEP) > 1e-12) return null;
  const byParameter = new Map(s.rows.map((row) => [row.parameter, row.highUsdPerMillion]));
  return pickLimit(s.baseUsdPerMillion, LIMITING_RESOURCES.filter((r) => byParameter.has(r)).map((r) => [r, byParameter.get(r)!]));
}
