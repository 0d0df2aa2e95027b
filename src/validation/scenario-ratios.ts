// One system's MLPerf Server or Interactive throughput over its own Offline throughput, predicted
// against measured. Both runs of a system are predicted by the same refit (its submission left out
// of both), so the chip's software factor cancels to first order: what is left is the engine's
// model of latency limits and online arrivals, whatever the chip. Pure.
import type { CrossValidatedRow } from './cross-validate';

export interface ScenarioRatioEntry {
  /** "Server / Offline" or "Interactive / Offline". */
  key: string;
  label: string;
  /** (predicted scenario / predicted Offline) / (measured scenario / measured Offline) - 1: + = the engine loses less to the limit than measured. */
  error: number;
}

const THROUGHPUT_METRICS = new Set(['system-output-tokens-per-second', 'beam-search-tokens-per-second']);

/** The same system, model, round, submitter and chip count: one submission's runs of its scenarios. */
function systemKey(r: CrossValidatedRow): string {
  const p = r.plan;
  return JSON.stringify([p.hardwareId, p.mlperf?.benchmark, p.mlperf?.round, p.mlperf?.submitter, p.scenario.chips, p.row.system]);
}

export function scenarioRatios(rows: readonly CrossValidatedRow[]): ScenarioRatioEntry[] {
  const systems = new Map<string, CrossValidatedRow[]>();
  for (const r of rows) {
    if (r.plan.mlperf === null || r.predicted === null || !(r.predicted > 0) || !THROUGHPUT_METRICS.has(r.plan.metric.kind)) continue;
    const k = systemKey(r);
    const list = systems.get(k);
    if (list === undefined) systems.set(k, [r]);
    else list.push(r);
  }
  const out: ScenarioRatioEntry[] = [];
  for (const runs of systems.values()) {
    const offline = runs.filter((r) => r.plan.mlperf!.scenario === 'Offline');
    // A system with two Offline runs has no one run to divide by.
    if (offline.length !== 1) continue;
    const base = offline[0]!;
    for (const r of runs) {
      const scenario = r.plan.mlperf!.scenario;
      if (scenario === 'Offline') continue;
      const predicted = r.predicted! / base.predicted!;
      const measured = r.plan.measured / base.plan.measured;
      out.push({
        key: `${scenario} / Offline`,
        label: `#${r.plan.row.index} / #${base.plan.row.index} ${r.plan.label}`,
        error: predicted / measured - 1,
      });
    }
  }
  return out;
}
