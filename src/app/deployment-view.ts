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
  /** How an expert-parallel layout splits the chips (null without expert parallelism). */
  experts: string | null;
  /** The layouts the engine compared, best first; null until the engine reports them. */
  compared: LayoutRow[] | null;
}

export function layoutName(c: { tensorParallel: number; pipelineParallel: number; expertParallel: number; replicas: number; dataParallelAttention?: boolean }): string {
  // Without DP attention, attention is tensor-parallel over every chip of the expert groups (SGLang's --tp).
  const attentionTp = c.expertParallel > 1 && c.dataParallelAttention === false ? c.tensorParallel * c.expertParallel : null;
  return MESSAGES.table.layoutText(c.tensorParallel, c.pipelineParallel, c.expertParallel, c.replicas, attentionTp);
}

/** A result's layout in words: both pools under disaggregated serving, else the layout and its replicas. */
export function deploymentLayout(result: SimulationResult): string {
  const d = result.disaggregation;
  return d === null ? layoutName(result.config) : MESSAGES.table.poolsText(layoutName(d.prefill), layoutName(d.decode));
}

function why(objective: Objective, disaggregated: boolean): string {
  if (disaggregated) return D.whyDisaggregated;
  if (typeof objective === 'object') return D.whyFixedBatch(objective.batch);
  return objective === 'min-latency' ? D.whyMinLatency : D.whyMaxThroughput;
}

/** The layouts the search compared (result.alternatives), the chosen one first. */
function compared(result: SimulationResult): LayoutRow[] | null {
  if (result.alternatives.length <= 1) return null;
  return result.alternatives.map((a) => ({
    layout: a.layout, chosen: a.chosen, feasible: a.reason === null, batch: a.reason === null ? a.batch : null,
    outputTokensPerSecondPerChip: a.reason === null ? a.outputTokensPerSecondPerChip : null,
    tokensPerSecondPerUser: a.reason === null ? a.tokensPerSecondPerUser : null,
    tpotSeconds: a.tpotSeconds, usdPerMillionOutputTokens: a.usdPerMillionOutputTokens, reason: a.reason,
  }));
}

export function deploymentView(result: SimulationResult, objective: Objective): DeploymentView {
  const c = result.config;
  return {
    chosen: {
      layout: deploymentLayout(result), chosen: true, feasible: result.feasible, batch: c.batch,
      outputTokensPerSecondPerChip: result.outputTokensPerSecondPerChip, tokensPerSecondPerUser: result.tokensPerSecondPerUser,
      tpotSeconds: result.tpotSeconds, usdPerMillionOutputTokens: result.usdPerMillionOutputTokens, reason: null,
    },
    why: why(objective, result.disaggregation !== null),
    batchLimitedBy: D.batchLimitedBy[result.memory.batchLimitedBy] ?? result.memory.batchLimitedBy,
    layoutsTried: result.layoutsTried,
    experts: c.expertParallel > 1 ? D.experts(c.tensorParallel, c.expertParallel, c.pipelineParallel, c.dataParallelAttention) : null,
    compared: compared(result),
  };
}
