// Loading and unloading custom chips and models (at most MAX_CUSTOM of each at once). Unloading
// takes an item out of the view and everything that points at it (comparison, break-even target,
// workload model, draft model); whether it also leaves this browser's storage is the caller's
// business (remove: yes; swap: no, it stays saved).

import type { Catalog } from '../catalog/catalog';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import type { AppState, ChipPick } from './app-state';
import { DEFAULT_BREAK_EVEN_TARGET, defaultSettings } from './defaults';

/** Cap on chips compared at once and on custom chips/models loaded at once (bounded work, bounded links). */
export const MAX_PICKS = 40;
export const MAX_CUSTOM = 20;

export function withoutChips(state: AppState, ids: ReadonlySet<string>, catalog: Catalog): AppState {
  if (ids.size === 0) return state;
  // The break-even target must stay a known chip (links only carry known targets).
  const target = state.lab.breakEvenTargetId;
  const fallbackTarget = catalog.hardware.has(DEFAULT_BREAK_EVEN_TARGET) ? DEFAULT_BREAK_EVEN_TARGET : (catalog.hardware.keys().next().value ?? target);
  return {
    ...state,
    customChips: state.customChips.filter((c) => !ids.has(c.id)),
    compare: { ...state.compare, picks: state.compare.picks.filter((p) => !ids.has(p.id)) },
    lab: ids.has(target) ? { ...state.lab, breakEvenTargetId: fallbackTarget } : state.lab,
  };
}

export function withoutModels(state: AppState, ids: ReadonlySet<string>, catalog: Catalog): AppState {
  if (ids.size === 0) return state;
  const s = state.settings;
  // The workload whose model leaves goes back to the default model (not the catalog's first,
  // DeepSeek-R1 by name, which read as an arbitrary switch).
  const home = defaultSettings().model;
  const model = ids.has(s.model) ? (catalog.models.has(home) ? home : catalog.models.keys().next().value ?? s.model) : s.model;
  const spec = s.speculative;
  const draftGone = spec !== null && spec.method === 'draft-model' && typeof spec.draftModel === 'string' && ids.has(spec.draftModel);
  return {
    ...state,
    customModels: state.customModels.filter((m) => !ids.has(m.id)),
    settings: { ...s, model, speculative: draftGone ? null : spec },
  };
}

/**
 * `incoming` added to `current`, making room by unloading as few as needed: first items not in
 * use, the most recent first, then the rest the same way. Never unloads an incoming item.
 */
export function makeRoom<T extends { id: string }>(current: readonly T[], incoming: readonly T[], inUse: (item: T) => boolean): { list: T[]; unloaded: T[] } {
  const add = incoming.filter((x, i) => !current.some((c) => c.id === x.id) && incoming.findIndex((y) => y.id === x.id) === i).slice(0, MAX_CUSTOM);
  const need = Math.max(0, current.length + add.length - MAX_CUSTOM);
  const order = [...current].reverse().sort((a, b) => Number(inUse(a)) - Number(inUse(b)));
  const unloaded = order.slice(0, need);
  return { list: [...current.filter((x) => !unloaded.includes(x)), ...add], unloaded };
}

export interface SwapIn {
  chips: HardwareProfile[];
  models: ModelArchitecture[];
  /** Comparison entries for the incoming chips. */
  picks: ChipPick[];
}

/** Loads `incoming` in place of other custom items (which stay saved in this browser). */
export function swapIn(state: AppState, incoming: SwapIn, catalog: Catalog): AppState {
  const picked = new Set(state.compare.picks.map((p) => p.id));
  const chips = makeRoom(state.customChips, incoming.chips, (c) => picked.has(c.id) || c.id === state.lab.breakEvenTargetId);
  const models = makeRoom(state.customModels, incoming.models, (m) => m.id === state.settings.model);
  let next = withoutChips(state, new Set(chips.unloaded.map((c) => c.id)), catalog);
  next = withoutModels(next, new Set(models.unloaded.map((m) => m.id)), catalog);
  const added = new Set(chips.list.map((c) => c.id));
  const picks = [...next.compare.picks];
  for (const p of incoming.picks) {
    if (picks.length >= MAX_PICKS) break;
    if (added.has(p.id) && !picks.some((q) => q.id === p.id)) picks.push(p);
  }
  return { ...next, customChips: chips.list, customModels: models.list, compare: { ...next.compare, picks } };
}
