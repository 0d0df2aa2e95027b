// A result whose batch a latency limit sets sits on a cliff: a chip slower than predicted must cut
// its batch to stay within the limit, so its throughput falls by more than its speed does. The
// closed-form range (uncertainty.ts) scales the point result; here the chosen layout is rerun once,
// at the range's slow end, and the range widened to it where it falls further. Pure.

import { buildContext, type EngineContext } from './context';
import { prepareLayout } from './deployment';
import { chooseBatch, isBatchFailure, type Candidate } from './search';
import type { Uncertainty } from './types';
import { isLatencyLimit } from './result-types';

/** The chosen layout at the slow end: what it serves there, or that it cannot meet the limits at all. */
export type SlowEnd = { outputTokensPerSecond: number; tokensPerSecondPerUser: number; batch: number } | 'misses-limit';

/**
 * The chosen layout rerun with every rate the software factor scales at `speedFactor` of the
 * prediction (the range's slow end); null when no latency limit sets the batch and the scaled slow
 * end (`scaledSlowTpotSeconds`) keeps within the TPOT limit. A batch memory or compute saturation set
 * can still break the limit there (MatX One at TPOT 50 ms: 44 ms, scaled to 68.9 ms at the slow end).
 */
export function slowEndAtLimit(ctx: EngineContext, best: Candidate, speedFactor: number, scaledSlowTpotSeconds: number): SlowEnd | null {
  const maxTpot = ctx.scenario.slo.maxTpotSeconds;
  const breaksTpot = maxTpot !== null && scaledSlowTpotSeconds > maxTpot;
  if (!isLatencyLimit(best.batchLimitedBy) && !breaksTpot) return null;
  const hw = ctx.scenario.hardware;
  const slower = buildContext({
    ...ctx.scenario,
    hardware: { ...hw, efficiency: { ...hw.efficiency, softwareStackFactor: hw.efficiency.softwareStackFactor * speedFactor } },
  });
  const chosen = chooseBatch(slower, prepareLayout(slower, best.prepared.layout));
  if (isBatchFailure(chosen)) return 'misses-limit';
  return {
    outputTokensPerSecond: best.replicas * chosen.evaluation.replicaOutputTokensPerSecond,
    tokensPerSecondPerUser: 1 / chosen.evaluation.tpotSeconds,
    batch: chosen.evaluation.batch,
  };
}

/**
 * `u` with its slow end moved out to `slow` where that serves fewer tokens: throughput's low end, $/M's
 * high end and per-user speed's low end all become that smaller batch's, so one deployment (which
 * meets the limit) stands behind the row's slow end. Per-user speed's scaled low end would have
 * broken the limit (Gaudi 3 at TPOT 50 ms: 918 tokens/s per chip (321-1,180) beside TPOT 47.8 ms
 * (37-61 ms)).
 */
export function widenedToSlowEnd(u: Uncertainty, slow: Exclude<SlowEnd, 'misses-limit'>, limit: string, tokensPerSecondPerUser: number): Uncertainty {
  const low = u.outputTokensPerSecond.low;
  if (!(slow.outputTokensPerSecond < low) || !(slow.outputTokensPerSecond > 0)) {
    // Throughput's scaled low end is far enough, but per-user speed's is not a deployment that
    // meets the limit (H100 at TPOT <= 50 ms: 47.8 ms (...-56.7)): at the slow end the layout runs
    // the batch that meets it, so that batch's per-user speed is the low end.
    const perUserLow = Math.min(tokensPerSecondPerUser, slow.tokensPerSecondPerUser);
    if (!(perUserLow > u.tokensPerSecondPerUser.low)) return u;
    return {
      ...u,
      derivation: `${u.derivation}; at the range's slow end the ${limit} limit sets the batch: this layout meets it at batch ${slow.batch}, `
        + 'so per-user speed\'s low end is that batch\'s, within the limit',
      tokensPerSecondPerUser: { ...u.tokensPerSecondPerUser, low: perUserLow },
    };
  }
  const ratio = low / slow.outputTokensPerSecond;
  return {
    ...u,
    derivation: `${u.derivation}; at the range's slow end the ${limit} limit sets the batch: this layout meets it only at batch ${slow.batch}, `
      + `so throughput's low end is that batch's (x${(1 / ratio).toFixed(2)} of the scaled low end), $/M's high end moves with it, `
      + 'and per-user speed\'s low end is that batch\'s, within the limit',
    outputTokensPerSecond: { ...u.outputTokensPerSecond, low: slow.outputTokensPerSecond },
    tokensPerSecondPerUser: { ...u.tokensPerSecondPerUser, low: Math.min(tokensPerSecondPerUser, slow.tokensPerSecondPerUser) },
    usdPerMillionOutputTokens: u.usdPerMillionOutputTokens === null ? null : { ...u.usdPerMillionOutputTokens, high: u.usdPerMillionOutputTokens.high * ratio },
  };
}
