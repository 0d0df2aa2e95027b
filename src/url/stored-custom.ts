// Custom chips and models kept in this browser (localStorage), so unsaved work survives reloads and
// opening someone's link never replaces it. The stored text is untrusted too (another version of the
// app, manual edits): it goes through the catalog's parsers, and unreadable entries are skipped
// without being deleted.

import type { AppState } from '../app-state/app-state';
import { MAX_CUSTOM } from '../app-state/update';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { isRecord, own } from '../parse/fields';
import { exceedsBounds } from './json-bounds';
import type { StoredCustom } from './decode-parts';

export const STORAGE_KEY = 'tokencost.custom';
const STORAGE_VERSION = 1;
/** Larger stored text is not read (localStorage allows ~5 MB; 20 chips and 20 models need ~150 kB). */
export const MAX_STORED_CHARS = 1_000_000;

export interface StoredRead {
  stored: StoredCustom;
  /** Entries that could not be read (kept in storage, not shown). */
  skipped: number;
}

function readList<T>(raw: unknown, parse: (v: unknown) => { value: T | null; errors: unknown[] }): { items: T[]; skipped: number } {
  if (!Array.isArray(raw)) return { items: [], skipped: raw === undefined ? 0 : 1 };
  const items: T[] = [];
  let skipped = 0;
  for (const entry of raw.slice(0, MAX_CUSTOM)) {
    const parsed = parse(entry);
    if (parsed.value !== null && parsed.errors.length === 0) items.push(parsed.value);
    else skipped += 1;
  }
  return { items, skipped: skipped + Math.max(0, raw.length - MAX_CUSTOM) };
}

/** Parses the stored text; never throws. */
export function parseStoredCustom(text: string | null): StoredRead {
  const empty: StoredRead = { stored: { chips: [], models: [] }, skipped: 0 };
  if (text === null || text === '') return empty;
  if (text.length > MAX_STORED_CHARS) return { ...empty, skipped: 1 };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...empty, skipped: 1 };
  }
  if (!isRecord(raw) || exceedsBounds(raw, { maxDepth: 24, maxNodes: 200_000 }) !== null) return { ...empty, skipped: 1 };
  const chips = readList<HardwareProfile>(own(raw, 'chips'), parseHardwareProfile);
  const models = readList<ModelArchitecture>(own(raw, 'models'), parseModelArchitecture);
  return { stored: { chips: chips.items, models: models.items }, skipped: chips.skipped + models.skipped };
}

export function serializeStoredCustom(state: Pick<AppState, 'customChips' | 'customModels'>): string {
  return JSON.stringify({ version: STORAGE_VERSION, chips: state.customChips, models: state.customModels });
}

/** localStorage when the browser allows it (it throws in some privacy modes). */
export function browserStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function readStoredCustom(storage: Storage | null): StoredRead {
  try {
    return parseStoredCustom(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return { stored: { chips: [], models: [] }, skipped: 0 };
  }
}

/** Saves; false when storage is unavailable or full. */
export function writeStoredCustom(storage: Storage | null, state: Pick<AppState, 'customChips' | 'customModels'>): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(STORAGE_KEY, serializeStoredCustom(state));
    return true;
  } catch {
    return false;
  }
}
