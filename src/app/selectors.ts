// Derived data the views show, computed from a snapshot with pure functions (ranking, colours,
// chart series), so the DOM code only places what it is given.

import type { AppState } from '../app-state/app-state';
import { DEFAULT_COMPARE_CHIPS } from '../app-state/defaults';
import { allChips, findChip, findModel } from '../app-state/lookup';
import { isoDate, type ExportContext } from '../export/context';
import type { Catalog } from '../catalog/catalog';
import { chipSeries, uniqueLabels, type ChipSeries } from '../charts/chip-series';
import { chipColors, vendorColor } from '../charts/vendor-colors';
import { rankResults, type RankedResult } from '../engine/analysis/rank';
import { limitFromSensitivity, type ResourceLimit } from '../engine/analysis/resource-limit';
import type { SensitivityResult } from '../engine/analysis/sensitivity-assemble';
import type { HardwareProfile, SimulationResult } from '../engine/types';
import type { LabOutcome } from '../worker-api';
import type { Snapshot } from './controller';

let colorMemo: { key: string; map: Map<string, string> } | null = null;

/** Colour of every known chip (catalog + custom); the lab chip takes its original's colour. */
export function chipColorMap(state: AppState, catalog: Catalog): Map<string, string> {
  const chips = allChips(state, catalog);
  const key = chips.map((c) => `${c.id}|${c.vendor}|${c.releaseYear}`).join(',');
  if (colorMemo?.key !== key) colorMemo = { key, map: chipColors(chips, DEFAULT_COMPARE_CHIPS) };
  const map = new Map(colorMemo.map);
  const base = state.lab.baseId === null ? undefined : map.get(state.lab.baseId);
  map.set(state.lab.chip.id, base ?? vendorColor(state.lab.chip.vendor));
  return map;
}

export function compareResults(snapshot: Snapshot): SimulationResult[] | null {
  return (snapshot.results.get('compare')?.value as SimulationResult[] | undefined) ?? null;
}

export function rankedCompare(snapshot: Snapshot): RankedResult[] | null {
  const results = compareResults(snapshot);
  return results === null ? null : rankResults(results, snapshot.state.compare.rankBy);
}

export interface LabResults {
  main: LabOutcome | null;
  ghost: LabOutcome | null;
}

/** The lab's edited chip and its original; null until the edited chip has a result. */
export function labResults(snapshot: Snapshot): LabResults | null {
  const main = snapshot.results.get('lab')?.value as LabOutcome | null | undefined;
  if (main === undefined) return null;
  const ghost = (snapshot.results.get('lab-ghost')?.value as LabOutcome | null | undefined) ?? null;
  return { main, ghost };
}

/**
 * The lab chip's limiting resource (the table's "most sensitive to"), read off the sensitivity runs
 * once they are in for what is shown: they trail the lab's result. The original has none: only the
 * edited chip's sensitivity is run.
 */
export function labLimits(snapshot: Snapshot): Map<string, ResourceLimit> | null {
  const lab = snapshot.results.get('lab')?.value as LabOutcome | null | undefined;
  const sensitivity = snapshot.pending.has('sensitivity') ? undefined : snapshot.results.get('sensitivity')?.value as SensitivityResult | null | undefined;
  if (lab == null || sensitivity == null) return null;
  const limit = limitFromSensitivity(sensitivity);
  return limit === null ? null : new Map([[lab.result.hardwareId, limit]]);
}

export function problemsOf(snapshot: Snapshot, channel: string): string[] {
  return snapshot.results.get(channel)?.problems ?? [];
}

/** Series for results in order, labels made unique. */
export function seriesFor(state: AppState, catalog: Catalog, results: readonly SimulationResult[]): { chip: ChipSeries; result: SimulationResult }[] {
  const colors = chipColorMap(state, catalog);
  const chips = uniqueLabels(results.map((r) => {
    const profile = profileOf(state, catalog, r.hardwareId);
    return profile === undefined
      ? { id: r.hardwareId, label: r.hardwareId, vendor: '', color: '#999999', estimates: [], evidence: r.evidence.basis, ghost: false }
      : chipSeries(profile, colors);
  }));
  return results.map((result, i) => ({ chip: chips[i]!, result }));
}

/** The lab's edited chip and its ghost (the original), as chart series. */
export function labSeries(state: AppState, catalog: Catalog, original: HardwareProfile): { chip: ChipSeries; ghost: ChipSeries } {
  const colors = chipColorMap(state, catalog);
  const [chip, ghost] = uniqueLabels([chipSeries(state.lab.chip, colors), chipSeries(original, colors, { ghost: true, suffix: ' (original)' })]);
  return { chip: chip!, ghost: ghost! };
}

/** Any chip the app knows by id, including the lab chip. */
export function profileOf(state: AppState, catalog: Catalog, id: string): HardwareProfile | undefined {
  if (id === state.lab.chip.id) return state.lab.chip;
  return findChip(state, catalog, id);
}

/** The result an explanation refers to: the lab's results on the lab view, else the comparison's. */
export function resultForExplain(snapshot: Snapshot, hardwareId: string): SimulationResult | undefined {
  const lab = labResults(snapshot);
  const fromLab = [lab?.main?.result, lab?.ghost?.result].find((r) => r?.hardwareId === hardwareId);
  if (snapshot.state.view === 'chip-lab' && fromLab !== undefined) return fromLab;
  return compareResults(snapshot)?.find((r) => r.hardwareId === hardwareId) ?? fromLab;
}

export function chipNames(state: AppState, catalog: Catalog): Map<string, string> {
  const names = new Map(allChips(state, catalog).map((c) => [c.id, c.name]));
  names.set(state.lab.chip.id, state.lab.chip.name);
  return names;
}

/** What an export of this state was computed for (its CSV columns, JSON header, chart caption, file name). */
export function exportContext(state: AppState, catalog: Catalog, rankedBy: string | null, now: Date = new Date(), subject?: string): ExportContext {
  const { model, ...settings } = state.settings;
  const context = { modelId: model, modelName: findModel(state, catalog, model)?.name ?? model, settings, rankedBy, date: isoDate(now) };
  return subject === undefined ? context : { ...context, subject };
}
