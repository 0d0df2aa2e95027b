// "Why this deployment?": the layout the search chose for a chip, what it was chosen for, and, when
// the engine reports them, the other layouts it compared with their numbers.

import type { Objective, SimulationResult } from '../engine/types';
import { MESSAGES } from '../messages/ui';

const D = MESSAGES.deployment;

/** The explain key of the results table's Deployment column (not an engine explain entry). */
export const DEPLOYMENT_KEY = 'deployment';

export interface LayoutRow {
  layout: string;
  chosen: boolean;
  feasible: boolean;
  batch: number | null;
  outputTokensPerSecondPerChip: number | null;
  tokensPerSecondPerUser: number | null;
  tpotSeconds: number | null;
  usdPerMillionOutputTokens: number | null;
  /** Why a layout could not serve the workload. */
  reason: string | null;
}

export interface DeploymentView {
  chosen: LayoutRow;
  /** What the search optimised, in words. */
  why: string;
  batchLimitedBy: string;
  layoutsTried: number;
  /** The layouts the engine compared, best first; null until the engine reports them. */
  compared: LayoutRow[] | null;
}

export function layoutName(c: { tensorParallel: number; pipelineParallel: number; expertParallel: number; replicas: number }): string {
  return MESSAGES.table.layoutText(c.tensorParallel, c.pipelineParallel, c.expertParallel, c.replicas);
}

function why(objective: Objective): string {
  if (typeof objective === 'object') return D.whyFixedBatch(objective.batch);
  return objective === 'min-latency' ? D.whyMinLatency : D.whyMaxThroughput;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The compared layouts, read defensively: the engine adds them to the result (`comparedLayouts`,
 * issue 13 item 12); until it does, or if an entry is malformed, there is no table.
 */
function compared(result: SimulationResult): LayoutRow[] | null {
  const raw = (result as unknown as { comparedLayouts?: unknown }).comparedLayouts;
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const rows: LayoutRow[] = [];
  for (const x of raw.slice(0, 12)) {
    if (typeof x !== 'object' || x === null) return null;
    const r = x as Record<string, unknown>;
    const tp = num(r.tensorParallel);
    const pp = num(r.pipelineParallel);
    if (tp === null || pp === null) return null;
    const layout = layoutName({ tensorParallel: tp, pipelineParallel: pp, expertParallel: num(r.expertParallel) ?? 1, replicas: num(r.replicas) ?? 1 });
    const reason = r.reason;
    rows.push({
      layout, chosen: r.chosen === true, feasible: r.feasible !== false, batch: num(r.batch),
      outputTokensPerSecondPerChip: num(r.outputTokensPerSecondPerChip), tokensPerSecondPerUser: num(r.tokensPerSecondPerUser),
      tpotSeconds: num(r.tpotSeconds), usdPerMillionOutputTokens: num(r.usdPerMillionOutputTokens),
      reason: typeof reason === 'string' ? reason : typeof reason === 'object' && reason !== null && typeof (reason as { text?: unknown }).text === 'string' ? (reason as { text: string }).text : null,
    });
  }
  return rows;
}

export function deploymentView(result: SimulationResult, objective: Objective): DeploymentView {
  const c = result.config;
  return {
    chosen: {
      layout: layoutName(c), chosen: true, feasible: result.feasible, batch: c.batch,
      outputTokensPerSecondPerChip: result.outputTokensPerSecondPerChip, tokensPerSecondPerUser: result.tokensPerSecondPerUser,
      tpotSeconds: result.tpotSeconds, usdPerMillionOutputTokens: result.usdPerMillionOutputTokens, reason: null,
    },
    why: why(objective),
    batchLimitedBy: D.batchLimitedBy[result.memory.batchLimitedBy] ?? result.memory.batchLimitedBy,
    layoutsTried: result.layoutsTried,
    compared: compared(result),
  };
}
