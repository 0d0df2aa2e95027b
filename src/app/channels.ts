// What each view asks the workers for. A channel turns the app state into jobs plus a key (the
// jobs' inputs as JSON): the controller reruns a channel only when its key changes, and a newer
// run on the same channel supersedes an older one.

import type { ResourceLimit } from '../engine/analysis/limiting-resource';
import type { AppState } from '../app-state/app-state';
import { compareRequest, labRequest, sweepRequest } from '../app-state/requests';
import type { Catalog } from '../catalog/catalog';
import type { BreakEvenResult } from '../engine/analysis/break-even';
import type { SizePoint } from '../engine/analysis/model-size-sweep';
import { assembleSensitivity, type ParameterValues, type SensitivityResult } from '../engine/analysis/sensitivity-assemble';
import { relevantParameters } from '../engine/analysis/scale-parameter';
import type { SimulationResult } from '../engine/types';
import type { LabOutcome } from '../worker-api';
import type { Job } from '../worker-client';

export interface Plan<T> {
  key: string;
  jobs: Job[];
  problems: string[];
  assemble(results: unknown[]): T;
}

export interface ChannelDef<T> {
  name: string;
  /** Wait this long after the last change before running (expensive, secondary results). */
  debounceMs: number;
  /** Queue priority on the worker pool: 0 = what the user is looking at now, higher = background. */
  priority: number;
  /**
   * Results of this many earlier keys kept and shown again at once when their inputs come back
   * (a run that takes seconds, toggled back and forth); absent = none kept.
   */
  keep?: number;
  plan(state: AppState, catalog: Catalog): Plan<T> | null;
}

function plan<T>(jobs: Job[], problems: string[], assemble: (results: unknown[]) => T): Plan<T> {
  return { key: JSON.stringify(jobs), jobs, problems, assemble };
}

/**
 * One job whose result is the channel's value. `key` names the job's inputs: its arguments may
 * hold the whole catalog, too large to serialise on every change.
 */
export function singleJobPlan<T>(key: string, job: Job): Plan<T> {
  return { key, jobs: [job], problems: [], assemble: (results) => results[0] as T };
}

export const compareChannel: ChannelDef<SimulationResult[]> = {
  name: 'compare',
  debounceMs: 0,
  priority: 0,
  plan(state, catalog) {
    const r = compareRequest(state, catalog);
    return plan(r.scenarios.map((s) => ({ method: 'simulate', args: [s] })), r.problems, (results) => results as SimulationResult[]);
  },
};

/**
 * What each compared chip's $/M depends on most: three extra searches per chip (+20% FLOP/s,
 * memory and scale-up bandwidth), after a pause so the table itself is not delayed.
 */
export const limitsChannel: ChannelDef<Map<string, ResourceLimit>> = {
  name: 'limits',
  debounceMs: 300,
  priority: 2,
  plan(state, catalog) {
    const r = compareRequest(state, catalog);
    return plan(r.scenarios.map((s) => ({ method: 'limitingResource', args: [s] })), [], (results) =>
      new Map(r.scenarios.map((s, i) => [s.hardware.id, results[i] as ResourceLimit])));
  },
};

export const sweepChannel: ChannelDef<SizePoint[]> = {
  name: 'sweep',
  debounceMs: 0,
  priority: 1,
  // The dense and the mixture-of-experts sweeps, toggled back and forth: the MoE one takes half a
  // minute on two cores, and was computed again on every return to it.
  keep: 2,
  plan(state, catalog) {
    const r = sweepRequest(state, catalog);
    const base = r.base;
    if (base === null) return plan([], r.problems, () => []);
    const jobs: Job[] = r.chips.map((chip) => ({ method: 'sweepChip', args: [base, chip, r.family, r.sizes, r.models] }));
    return plan(jobs, r.problems, (results) => (results as SizePoint[][]).flat());
  },
};

/** The edited chip (recomputed while dragging) and its original (only when the workload changes). */
export const labChannel: ChannelDef<LabOutcome | null> = {
  name: 'lab',
  debounceMs: 0,
  priority: 0,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    if (r.scenario === null) return plan([], r.problems, () => null);
    return plan([{ method: 'lab', args: [r.scenario] }], r.problems, (results) => (results[0] as LabOutcome | undefined) ?? null);
  },
};

export const labGhostChannel: ChannelDef<LabOutcome | null> = {
  name: 'lab-ghost',
  debounceMs: 0,
  priority: 0,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    if (r.ghost === null) return null;
    return plan([{ method: 'lab', args: [r.ghost] }], [], (results) => (results[0] as LabOutcome | undefined) ?? null);
  },
};

/**
 * A pause in a drag long enough to start the secondary panels: longer than the gap between two
 * input events of a moving slider (16-33 ms), short enough that the panels settle soon after the
 * hand stops (80 ms before: sensitivity settled 116-156 ms after the last move, against a 150 ms
 * target). The jobs queue behind the lab's (priority 2) and a newer request drops them, so a
 * pause mid-drag costs only worker time the lab does not need.
 */
const SECONDARY_DEBOUNCE_MS = 50;

/** Base $/M plus one job per parameter, so a newer request drops the queued rest. */
export const sensitivityChannel: ChannelDef<SensitivityResult | null> = {
  name: 'sensitivity',
  debounceMs: SECONDARY_DEBOUNCE_MS,
  priority: 2,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    const scenario = r.scenario;
    if (scenario === null) return null;
    const parameters = relevantParameters(scenario);
    const jobs: Job[] = [
      { method: 'usdPerMillion', args: [scenario] },
      ...parameters.map((p): Job => ({ method: 'parameterValues', args: [scenario, p] })),
    ];
    return plan(jobs, [], (results) => assembleSensitivity(results[0] as number | null, results.slice(1) as ParameterValues[]));
  },
};

export const breakEvenChannel: ChannelDef<BreakEvenResult | null> = {
  name: 'break-even',
  debounceMs: SECONDARY_DEBOUNCE_MS,
  priority: 2,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    if (r.scenario === null || r.target === null) return null;
    return plan([{ method: 'breakEven', args: [r.scenario, r.target] }], [], (results) => (results[0] as BreakEvenResult | undefined) ?? null);
  },
};
