// Channels of the accuracy work (issue 7): the validation report for the Accuracy view and the
// published measurements matching the comparison's workload (frontier overlay). Both run in the
// workers, which load the calibration data on first use.

import type { ValidationReport } from '../validation/validate';
import type { MeasuredOverlay, MeasuredQuery } from '../validation/measured-points';
import { singleJobPlan, type ChannelDef } from './channels';

export const accuracyChannel: ChannelDef<ValidationReport> = {
  name: 'accuracy',
  debounceMs: 0,
  priority: 1,
  // Seconds per run: switching silicon limit -> achieved -> silicon limit shows the first report again at once.
  keep: 2,
  plan(state, catalog) {
    const mode = state.settings.efficiencyMode;
    // The catalog is fixed for the session (custom chips have no calibration rows): the mode is the key.
    return singleJobPlan<ValidationReport>(`validate|${mode}`, { method: 'validate', args: [catalog, mode] });
  },
};

/** The query of the frontier overlay for the current comparison; null when no chip is picked. */
export function measuredQuery(state: Parameters<ChannelDef<unknown>['plan']>[0]): MeasuredQuery | null {
  if (state.compare.picks.length === 0) return null;
  return {
    modelId: state.settings.model,
    inputTokens: state.settings.workload.inputTokens,
    outputTokens: state.settings.workload.outputTokens,
    hardwareIds: state.compare.picks.map((p) => p.id),
  };
}

/** The measured channel's key for a query: a result belongs to the workload shown when the keys match. */
export function measuredKey(query: MeasuredQuery): string {
  return JSON.stringify(query);
}

export const measuredChannel: ChannelDef<MeasuredOverlay> = {
  name: 'measured',
  // Secondary to the comparison itself: it waits for a pause so the first chart is not delayed by
  // loading the calibration data.
  debounceMs: 300,
  priority: 2,
  plan(state) {
    const query = measuredQuery(state);
    if (query === null) return null;
    return singleJobPlan<MeasuredOverlay>(measuredKey(query), { method: 'measuredPoints', args: [query] });
  },
};
