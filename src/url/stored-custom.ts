// Custom chips and models kept in this browser (localStorage): the user's own library, so unsaved
// work survives reloads and opening someone's link never replaces it. The cap of MAX_CUSTOM limits
// what is loaded at once, never what stays here. The stored text is untrusted too (another version
// of the app, manual edits): it goes through the catalog's parsers, and entries that cannot be read
// are skipped on reading and kept, untouched, on writing.

import type { AppState } from '../app-state/app-state';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { isRecord, own } from '../parse/fields';
import { exceedsBounds } from './json-bounds';
import type { StoredCustom } from './custom-merge';

export const STORAGE_KEY = 'tokencost.custom';
/** Where stored text that could not be read at all is set aside (once) before it is replaced. */
export const BACKUP_KEY = 'tokencost.custom.unreadable';
const STORAGE_VERSION = 1;
/** Larger stored text is not read (localStorage allows ~5 MB; a chip takes ~4 kB). */
export const MAX_STORED_CHARS = 1_000_000;
const STORED_BOUNDS = { maxDepth: 24, maxNodes: 400_000 };

export interface StoredRead {
  stored: StoredCustom;
  /** Entries that could not be read (kept in storage, not shown). */
  skipped: number;
}

type Parse<T> = (v: unknown) => { value: T | null; errors: unknown[] };

function readList<T extends { id: string }>(raw: unknown, parse: Parse<T>): { items: T[]; skipped: number } {
  if (!Array.isArray(raw)) return { items: [], skipped: raw === undefined ? 0 : 1 };
  const items: T[] = [];
  let skipped = 0;
  for (const entry of raw) {
    const parsed = parse(entry);
    // A repeated id (manual edits) keeps its first readable entry.
    if (parsed.value !== null && parsed.errors.length === 0 && !items.some((x) => x.id === parsed.value!.id)) items.push(parsed.value);
    else skipped += 1;
  }
  return { items, skipped };
}

/** The stored object, or null when the text cannot be read as a whole. */
function storedObject(text: string): Record<string, unknown> | null {
  if (text.length > MAX_STORED_CHARS) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  return isRecord(raw) && exceedsBounds(raw, STORED_BOUNDS) === null ? raw : null;
}

/** Parses the stored text; never throws. Every readable entry is returned, however many. */
export function parseStoredCustom(text: string | null): StoredRead {
  const empty: StoredRead = { stored: { chips: [], models: [] }, skipped: 0 };
  if (text === null || text === '') return empty;
  const raw = storedObject(text);
  if (raw === null) return { ...empty, skipped: 1 };
  const chips = readList<HardwareProfile>(own(raw, 'chips'), parseHardwareProfile);
  const models = readList<ModelArchitecture>(own(raw, 'models'), parseModelArchitecture);
  return { stored: { chips: chips.items, models: models.items }, skipped: chips.skipped + models.skipped };
}

/** Ids the user removed in this change (they leave storage; everything else stays). */
export interface Removed {
  chips: readonly string[];
  models: readonly string[];
}

export const NOTHING_REMOVED: Removed = { chips: [], models: [] };

/**
 * The stored list after a change: entries removed by the user leave; readable entries the state
 * holds are replaced by the state's version (a rename); everything else (chips not loaded now,
 * entries this version cannot read) stays as it was; the state's new items are appended.
 */
function mergeList<T extends { id: string }>(raw: unknown, loaded: readonly T[], removed: readonly string[], parse: Parse<T>): unknown[] {
  const previous = Array.isArray(raw) ? raw : [];
  const byId = new Map(loaded.map((x) => [x.id, x]));
  const written = new Set<string>();
  const out: unknown[] = [];
  for (const entry of previous) {
    const id = isRecord(entry) && typeof own(entry, 'id') === 'string' ? own(entry, 'id') as string : null;
    if (id !== null && removed.includes(id)) continue;
    const parsed = parse(entry);
    const readable = parsed.value !== null && parsed.errors.length === 0;
    const current = id === null || !readable || written.has(id) ? undefined : byId.get(id);
    if (current !== undefined) written.add(id!);
    out.push(current ?? entry);
  }
  for (const item of loaded) if (!written.has(item.id)) out.push(item);
  return out;
}

/** The text to store after a change of the loaded custom items (null: the previous text was unreadable as a whole). */
export function nextStoredText(previousText: string | null, state: Pick<AppState, 'customChips' | 'customModels'>, removed: Removed = NOTHING_REMOVED): string {
  const previous = previousText === null || previousText === '' ? {} : (storedObject(previousText) ?? {});
  return JSON.stringify({
    version: STORAGE_VERSION,
    chips: mergeList(own(previous, 'chips'), state.customChips, removed.chips, parseHardwareProfile),
    models: mergeList(own(previous, 'models'), state.customModels, removed.models, parseModelArchitecture),
  });
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

/**
 * Saves the loaded custom items into the library, removing `removed`; false when storage is
 * unavailable or full. Stored text that cannot be read at all is set aside under BACKUP_KEY first.
 */
export function writeStoredCustom(storage: Storage | null, state: Pick<AppState, 'customChips' | 'customModels'>, removed: Removed = NOTHING_REMOVED): boolean {
  if (storage === null) return false;
  try {
    const previous = storage.getItem(STORAGE_KEY);
    if (previous !== null && previous !== '' && storedObject(previous) === null && storage.getItem(BACKUP_KEY) === null) storage.setItem(BACKUP_KEY, previous);
    storage.setItem(STORAGE_KEY, nextStoredText(previous, state, removed));
    return true;
  } catch {
    return false;
  }
}
