// What each view needs computed, derived from the app state alone: resolved scenarios ready for
// the engine (in a worker). Pure; problems (unknown ids) are returned as messages, never thrown.

import type { Catalog } from '../catalog/catalog';
import { sweepSizes, type ModelFamily } from '../engine/analysis/sweep-sizes';
import type { ChipChoice, WorkloadScenario } from '../engine/analysis/workload';
import type { HardwareProfile, ModelArchitecture, ResolvedScenario } from '../engine/types';
import { formatIssue } from '../parse/fields';
import { resolveScenario } from '../scenario/resolve';
import { SCENARIO_VERSION, type Scenario } from '../scenario/scenario';
import type { AppState, ChipCount } from './app-state';
import { blankChip } from './blank-chip';
import { defaultChipCount } from './defaults';
import { labPricedState } from './lab-pricing';
import { allModels, findChip, findModel, withInlineDraft } from './lookup';

export interface Resolved {
  value: ResolvedScenario | null;
  problems: string[];
}

/** The state's workload on `hardware` with `chips` of them. */
export function resolveFor(state: AppState, catalog: Catalog, hardware: HardwareProfile, chips: ChipCount): Resolved {
  const model = findModel(state, catalog, state.settings.model);
  if (model === undefined) return { value: null, problems: [`The model "${state.settings.model}" is unknown.`] };
  const scenario: Scenario = { ...withInlineDraft(state.settings, state, catalog), version: SCENARIO_VERSION, hardware, chips, model };
  const r = resolveScenario(scenario, catalog);
  return { value: r.value, problems: r.errors.map(formatIssue) };
}

export interface CompareRequest {
  scenarios: ResolvedScenario[];
  problems: string[];
}

export function compareRequest(state: AppState, catalog: Catalog): CompareRequest {
  const scenarios: ResolvedScenario[] = [];
  const problems: string[] = [];
  for (const pick of state.compare.picks) {
    const chip = findChip(state, catalog, pick.id);
    if (chip === undefined) {
      problems.push(`The chip "${pick.id}" is unknown and was left out.`);
      continue;
    }
    const r = resolveFor(state, catalog, chip, pick.chips);
    problems.push(...r.problems);
    if (r.value !== null) scenarios.push(r.value);
  }
  return { scenarios, problems: [...new Set(problems)] };
}

export interface SweepRequest {
  base: WorkloadScenario | null;
  chips: ChipChoice[];
  family: ModelFamily;
  sizes: number[];
  models: ModelArchitecture[];
  problems: string[];
}

/** Every picked chip, with as many chips as each model needs (the sweep spans 1B to 2T parameters). */
export function sweepRequest(state: AppState, catalog: Catalog): SweepRequest {
  const chips: ChipChoice[] = [];
  const problems: string[] = [];
  for (const pick of state.compare.picks) {
    const hardware = findChip(state, catalog, pick.id);
    if (hardware === undefined) problems.push(`The chip "${pick.id}" is unknown and was left out.`);
    else chips.push({ hardware, chips: 'auto' });
  }
  const first = chips[0];
  const r = first === undefined ? { value: null, problems: [] } : resolveFor(state, catalog, first.hardware, 'auto');
  let base: WorkloadScenario | null = null;
  if (r.value !== null) {
    const { hardware: _h, chips: _c, ...rest } = r.value;
    base = rest;
  }
  return {
    base, chips, family: state.modelSize.family, sizes: sweepSizes(state.modelSize.sizes),
    models: allModels(state, catalog), problems: [...problems, ...r.problems],
  };
}

export interface LabRequest {
  scenario: ResolvedScenario | null;
  ghost: ResolvedScenario | null;
  target: ResolvedScenario | null;
  original: HardwareProfile;
  problems: string[];
}

export function labRequest(appState: AppState, catalog: Catalog): LabRequest {
  const state = labPricedState(appState);
  const original = state.lab.baseId === null ? blankChip() : (findChip(state, catalog, state.lab.baseId) ?? blankChip());
  const main = resolveFor(state, catalog, state.lab.chip, state.lab.chips);
  const ghost = resolveFor(state, catalog, original, state.lab.chips);
  const targetChip = findChip(state, catalog, state.lab.breakEvenTargetId);
  const target = targetChip === undefined ? null : resolveFor(state, catalog, targetChip, defaultChipCount(targetChip)).value;
  return { scenario: main.value, ghost: ghost.value, target, original, problems: main.problems };
}
