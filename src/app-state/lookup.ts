// Id lookups across the bundled catalog and the user's custom chips and models (Map lookups only:
// ids come from untrusted links later, never index plain objects with them).

import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import type { AppState } from './app-state';

export function findChip(state: Pick<AppState, 'customChips'>, catalog: Catalog, id: string): HardwareProfile | undefined {
  return catalog.hardware.get(id) ?? state.customChips.find((c) => c.id === id);
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
