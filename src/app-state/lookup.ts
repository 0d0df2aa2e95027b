// Id lookups across the bundled catalog and the user's custom chips and models (Map lookups only:
// ids come from untrusted links later, never index plain objects with them).

import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import type { AppState, WorkloadSettings } from './app-state';

export function findChip(state: Pick<AppState, 'customChips'>, catalog: Catalog, id: string): HardwareProfile | undefined {
  return catalog.hardware.get(id) ?? state.customChips.find((c) => c.id === id);
}

/** The chip the lab started from (catalog or custom), if any. */
export function labOriginal(state: Pick<AppState, 'customChips' | 'lab'>, catalog: Catalog): HardwareProfile | undefined {
  return state.lab.baseId === null ? undefined : findChip(state, catalog, state.lab.baseId);
}

export function findModel(state: Pick<AppState, 'customModels'>, catalog: Catalog, id: string): ModelArchitecture | undefined {
  return catalog.models.get(id) ?? state.customModels.find((m) => m.id === id);
}

/** Catalog chips then custom chips. */
export function allChips(state: Pick<AppState, 'customChips'>, catalog: Catalog): HardwareProfile[] {
  return [...catalog.hardware.values(), ...state.customChips];
}

export function allModels(state: Pick<AppState, 'customModels'>, catalog: Catalog): ModelArchitecture[] {
  return [...catalog.models.values(), ...state.customModels];
}

/** An id not used by the catalog or custom chips/models: `base`, else `base-2`, `base-3`, ... */
export function freeId(base: string, taken: (id: string) => boolean): string {
  // Trimmed so the result still matches the id patterns (no trailing or doubled separators).
  const stem = base.slice(0, 56).replace(/[.-]+$/, '') || 'custom';
  if (!taken(stem)) return stem;
  for (let n = 2; n < 10_000; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`;
  return `${stem}-custom`;
}

/**
 * The settings as the engine's resolver needs them: a custom draft model (not in the catalog) is
 * passed inline, as the workload's own custom model is.
 */
export function withInlineDraft(settings: WorkloadSettings, state: Pick<AppState, 'customModels'>, catalog: Catalog): WorkloadSettings {
  const spec = settings.speculative;
  if (spec === null || spec.method !== 'draft-model' || typeof spec.draftModel !== 'string' || catalog.models.has(spec.draftModel)) return settings;
  const custom = state.customModels.find((m) => m.id === spec.draftModel);
  return custom === undefined ? settings : { ...settings, speculative: { ...spec, draftModel: custom } };
}
