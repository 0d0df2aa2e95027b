// Which custom chips and models are loaded when a link meets this browser's saved ones. At most
// MAX_CUSTOM of each are loaded at once; the user's own come first (those the link also carries
// first of all), then the link's others; the rest are named, never dropped: saved ones stay in
// storage, the link's can be swapped in. Saved ids never change: a link item whose id a different
// saved item already uses is loaded under a free id, and the link's references follow it (rename).

import type { ChipPick } from '../app-state/app-state';
import { freeId } from '../app-state/lookup';
import { MAX_CUSTOM } from '../app-state/update';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { canonicalJson } from '../parse/canonical-json';

/** Custom chips and models saved in this browser (merged into every opened link, never replaced). */
export interface StoredCustom {
  chips: HardwareProfile[];
  models: ModelArchitecture[];
}

export const NO_STORED: StoredCustom = { chips: [], models: [] };

/** A link's custom items that were not loaded (over the cap), with the comparison entries that use them. */
export interface Unloaded {
  chips: HardwareProfile[];
  models: ModelArchitecture[];
  picks: ChipPick[];
}

export const NOTHING_UNLOADED: Unloaded = { chips: [], models: [], picks: [] };

export function hasUnloaded(u: Unloaded): boolean {
  return u.chips.length > 0 || u.models.length > 0;
}

export interface Merged<T> {
  loaded: T[];
  /** The link's items beyond the cap. */
  linkNotLoaded: T[];
  /** Saved items beyond the cap (they stay saved). */
  storedNotLoaded: T[];
  /** Link id -> the id the item is loaded under, where it had to change. */
  rename: Map<string, string>;
}

/** The same item: equal data, whatever the key order (a parsed profile has the schema's order). */
function same<T>(a: T, b: T): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function mergeCustom<T extends { id: string }>(fromLink: readonly T[], stored: readonly T[], takenElsewhere: (id: string) => boolean, max = MAX_CUSTOM): Merged<T> {
  const rename = new Map<string, string>();
  const own: T[] = [];
  for (const item of stored) {
    if (own.some((x) => x.id === item.id)) continue;
    // A saved item whose id the catalog took since: loaded under a free id (the saved entry stays).
    own.push(takenElsewhere(item.id) ? { ...item, id: freeId(item.id, (id) => takenElsewhere(id) || own.some((x) => x.id === id) || stored.some((s) => s.id === id)) } : item);
  }
  const shared: T[] = [];
  const linkOnly: T[] = [];
  const taken = (id: string) => takenElsewhere(id) || stored.some((s) => s.id === id) || own.some((x) => x.id === id) || linkOnly.some((x) => x.id === id)
    || fromLink.some((x) => x.id === id && !linkOnly.includes(x));
  for (const item of fromLink) {
    const saved = own.find((x) => x.id === item.id);
    if (saved !== undefined && same(saved, item)) {
      if (!shared.includes(saved)) shared.push(saved);
      continue;
    }
    if (saved === undefined && !stored.some((s) => s.id === item.id)) {
      linkOnly.push(item);
      continue;
    }
    const id = freeId(item.id, taken);
    rename.set(item.id, id);
    linkOnly.push({ ...item, id });
  }
  const ownRest = own.filter((x) => !shared.includes(x));
  const ordered = [...shared, ...ownRest, ...linkOnly];
  const loaded = ordered.slice(0, max);
  const over = ordered.slice(max);
  return {
    loaded,
    linkNotLoaded: over.filter((x) => linkOnly.includes(x)),
    storedNotLoaded: over.filter((x) => !linkOnly.includes(x)),
    rename,
  };
}
