// What each view asks the workers for. A channel turns the app state into jobs plus a key (the
// jobs' inputs as JSON): the controller reruns a channel only when its key changes, and a newer
// run on the same channel supersedes an older one.

import type { AppState } from '../app-state/app-state';
import { compareRequest, labRequest, sweepRequest } from '../app-state/requests';
import type { Catalog } from '../catalog/catalog';
import type { BreakEvenResult } from '../engine/analysis/break-even';
import type { SizePoint } from '../engine/analysis/model-size-sweep';
import type { SensitivityResult } from '../engine/analysis/sensitivity';
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
  plan(state: AppState, catalog: Catalog): Plan<T> | null;
}

function plan<T>(jobs: Job[], problems: string[], assemble: (results: unknown[]) => T): Plan<T> {
  return { key: JSON.stringify(jobs), jobs, problems, assemble };
}

export const compareChannel: ChannelDef<SimulationResult[]> = {
  name: 'compare',
  debounceMs: 0,
  plan(state, catalog) {
    const r = compareRequest(state, catalog);
    return plan(r.scenarios.map((s) => ({ method: 'simulate', args: [s] })), r.problems, (results) => results as SimulationResult[]);
  },
};

export const sweepChannel: ChannelDef<SizePoint[]> = {
  name: 'sweep',
  debounceMs: 0,
  plan(state, catalog) {
    const r = sweepRequest(state, catalog);
    const base = r.base;
    if (base === null) return plan([], r.problems, () => []);
    const jobs: Job[] = r.chips.map((chip) => ({ method: 'sweepChip', args: [base, chip, r.family, r.sizes, r.models] }));
    return plan(jobs, r.problems, (results) => (results as SizePoint[][]).flat());
  },
};

export interface LabResults {
  main: LabOutcome | null;
  ghost: LabOutcome | null;
}

export const labChannel: ChannelDef<LabResults> = {
  name: 'lab',
  debounceMs: 0,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    const jobs: Job[] = [];
    if (r.scenario !== null) jobs.push({ method: 'lab', args: [r.scenario] });
    if (r.ghost !== null) jobs.push({ method: 'lab', args: [r.ghost] });
    const hasMain = r.scenario !== null;
    return plan(jobs, r.problems, (results) => ({
      main: hasMain ? (results[0] as LabOutcome) : null,
      ghost: (results[hasMain ? 1 : 0] as LabOutcome | undefined) ?? null,
    }));
  },
};

export const sensitivityChannel: ChannelDef<SensitivityResult | null> = {
  name: 'sensitivity',
  debounceMs: 200,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    if (r.scenario === null) return null;
    return plan([{ method: 'sensitivity', args: [r.scenario] }], [], (results) => (results[0] as SensitivityResult | undefined) ?? null);
  },
};

export const breakEvenChannel: ChannelDef<BreakEvenResult | null> = {
  name: 'break-even',
  debounceMs: 200,
  plan(state, catalog) {
    const r = labRequest(state, catalog);
    if (r.scenario === null || r.target === null) return null;
    return plan([{ method: 'breakEven', args: [r.scenario, r.target] }], [], (results) => (results[0] as BreakEvenResult | undefined) ?? null);
  },
};
