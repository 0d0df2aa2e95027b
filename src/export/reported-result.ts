// A result as the exports report it. The engine gives an infeasible result zeros where a deployment
// would have numbers (its types stay plain numbers for every view), but in a file a 0 s TTFT reads as
// instant and a 0 tokens/s averages into a mean. So every export (CLI JSON and CSV, the page's CSV)
// reads the deployment's numbers through here: absent (null) when there is no deployment. Pure.
import { rankRange } from '../engine/analysis/rank';
import type { DeploymentConfig, Range, SimulationResult, Uncertainty } from '../engine/types';

type Absent<T> = { [K in keyof T]: T[K] | null };

/** The fields that only a deployment has. */
const DEPLOYMENT_NUMBERS = ['outputTokensPerSecond', 'outputTokensPerSecondPerChip', 'tokensPerSecondPerUser', 'ttftSeconds', 'tpotSeconds',
  'bottleneck', 'prefillShareOfStep', 'decodeStepBreakdownSeconds'] as const;
type DeploymentNumber = (typeof DEPLOYMENT_NUMBERS)[number];
const LAYOUT_FIELDS = ['batch', 'tensorParallel', 'pipelineParallel', 'expertParallel', 'dataParallelAttention', 'replicas', 'chips', 'paidChips'] as const;
/** All of the memory plan but the chip's own capacity. */
const FOOTPRINT_FIELDS = ['weightsBytesPerChip', 'kvCacheBytesPerChip', 'reserveBytesPerChip', 'weightsInSram', 'kvSramFraction',
  'maxBatchThatFits', 'batchLimitedBy'] as const;

export type ReportedResult = Omit<SimulationResult, DeploymentNumber | 'config' | 'memory' | 'uncertainty'>
  & Absent<Pick<SimulationResult, DeploymentNumber>>
  & {
    config: Absent<DeploymentConfig>;
    memory: Absent<Pick<SimulationResult['memory'], (typeof FOOTPRINT_FIELDS)[number]>> & Omit<SimulationResult['memory'], (typeof FOOTPRINT_FIELDS)[number]>;
    uncertainty: (Omit<Uncertainty, 'outputTokensPerSecond' | 'tokensPerSecondPerUser' | 'ttftSeconds'>
      & {
        outputTokensPerSecond: Range | null; tokensPerSecondPerUser: Range | null;
        /** The ranges the table and CSV give these (engine/analysis/rank.ts: derived, TTFT's unchecked). */
        ttftSeconds: Range | null; tpotSeconds: Range | null;
      }) | null;
  };

function absent<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> & Absent<Pick<T, K>> {
  return { ...record, ...Object.fromEntries(keys.map((k) => [k, null])) } as Omit<T, K> & Absent<Pick<T, K>>;
}

/**
 * `r` itself when feasible. Infeasible: its throughput, latency, layout, bottleneck, memory plan
 * and their ranges are null; what it still knows (the reason, the chip's capacity, the price basis,
 * the evidence) stays.
 */
export function reportedResult(r: SimulationResult): ReportedResult {
  if (r.feasible) {
    return { ...r, uncertainty: r.uncertainty === null ? null : { ...r.uncertainty, ttftSeconds: rankRange(r, 'ttftSeconds'), tpotSeconds: rankRange(r, 'tpotSeconds') } };
  }
  return {
    ...absent(r, DEPLOYMENT_NUMBERS),
    config: absent(r.config, LAYOUT_FIELDS),
    memory: absent(r.memory, FOOTPRINT_FIELDS),
    uncertainty: r.uncertainty === null ? null
      : { ...r.uncertainty, outputTokensPerSecond: null, tokensPerSecondPerUser: null, ttftSeconds: null, tpotSeconds: null },
  };
}

/** `x` with its result as reported (a ranked row, a lab outcome). */
export function withReportedResult<T extends { result: SimulationResult }>(x: T): Omit<T, 'result'> & { result: ReportedResult } {
  return { ...x, result: reportedResult(x.result) };
}
