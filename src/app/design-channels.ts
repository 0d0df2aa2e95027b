// The chip lab's design mode asks the workers for the matrix-share sweep: the design at evenly
// spaced matrix shares (and its own), each derived and run on the lab's workload and chip count.
// Split into a few jobs so the pool runs them in parallel and a newer request drops the rest.

import type { AppState } from '../app-state/app-state';
import { labRequest } from '../app-state/requests';
import type { Catalog } from '../catalog/catalog';
import { nearLowestRange, optimumOf, sweepShares, type MatrixSharePoint } from '../design/matrix-share';
import type { Job } from '../worker-client';
import type { ChannelDef } from './channels';

/** Shares per job: a few engine runs each (about 15 ms per run for a 70B model on 8 chips). */
const SHARES_PER_JOB = 4;

export interface DesignSweep {
  points: MatrixSharePoint[];
  /** The design's own matrix share. */
  current: number;
  optimum: MatrixSharePoint | null;
  /** The run of shares around the lowest whose $/M is within 1% of it (design/matrix-share.ts). */
  nearLowest: { from: MatrixSharePoint; to: MatrixSharePoint } | null;
}

export const designSweepChannel: ChannelDef<DesignSweep> = {
  name: 'design-sweep',
  debounceMs: 250,
  priority: 1,
  plan(state: AppState, catalog: Catalog) {
    const design = state.design;
    if (design === null) return null;
    const r = labRequest(state, catalog);
    if (r.scenario === null) return null;
    const { hardware: _h, chips, ...base } = r.scenario;
    const shares = sweepShares(design);
    const jobs: Job[] = [];
    for (let i = 0; i < shares.length; i += SHARES_PER_JOB) {
      jobs.push({ method: 'designSweep', args: [base, chips, design, shares.slice(i, i + SHARES_PER_JOB)] });
    }
    return {
      key: JSON.stringify(jobs),
      jobs,
      problems: [],
      assemble: (results) => {
        const points = (results as MatrixSharePoint[][]).flat();
        return { points, current: design.areaShares.matrix, optimum: optimumOf(points), nearLowest: nearLowestRange(points) };
      },
    };
  },
};
