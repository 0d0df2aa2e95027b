// Decoding the parts of a wire object (a link's patch applied to its base, migrated to the current
// version) into app state. Never throws; every part is checked on its own, a bad part falls back
// to its default with a message (src/messages/link.ts), and everything valid is kept. The table of
// parts is src/url/wire-fields.ts. Chips and models
// go through the catalog's parsers; numbers through LIMITS; ids are looked up with Maps only.

import { APP_STATE_VERSION, type AppState, type ChipCount, type ChipPick, type LabState, type WorkloadSettings } from '../app-state/app-state';
import { defaultAppState, defaultChipCount, labFrom } from '../app-state/defaults';
import { freeId } from '../app-state/lookup';
import { MAX_CUSTOM, MAX_PICKS } from '../app-state/update';
import type { Catalog } from '../catalog/catalog';
import { HARDWARE_LIMITS, parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import { RANK_KEYS, type RankKey } from '../engine/analysis/rank';
import { SWEEP_MAX_SIZES } from '../engine/analysis/sweep-sizes';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { describeValue, formatIssue, isRecord, own, type ParseOutcome } from '../parse/fields';
import { LIMITS } from '../scenario/limits';
import { parseScenario } from '../scenario/parse-scenario';
import { SCENARIO_VERSION, type Scenario } from '../scenario/scenario';
import { LINK as L } from '../messages/link';
import type { Message } from '../messages/message';
import { fingerprint, type LinkBase } from './link-format';
import { applyPatch } from './patch';
import { parseKeepingValidEdits } from './repair-edit';
import { labReference } from './encode-refs';
import { mergeCustom, type StoredCustom, type Unloaded } from './custom-merge';

export { NO_STORED, type StoredCustom } from './custom-merge';

export interface WireEnv {
  catalog: Catalog;
  /** View ids of the app; null accepts any well-formed id (the CLI has no views). */
  views: ReadonlySet<string> | null;
  base: LinkBase;
  stored: StoredCustom;
}

export interface Restored {
  state: AppState;
  messages: Message[];
  /** The link's custom items beyond the cap (the user may swap them in). */
  unloaded: Unloaded;
}

const SETTINGS_IGNORED = new Set(['hardware', 'chips', 'version', 'model', '__proto__']);
export const VIEW_ID = /^[a-z][a-z0-9-]{0,39}$/;
export const ID_MAX = 64;
export const MIN_SIZES = 3;

/** A user string as it appears inside a message: short, one line (messages are shown as text). */
export function shown(value: unknown): string {
  if (typeof value !== 'string') return describeValue(value);
  const line = value.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** The landing state plus the custom chips and models saved in this browser (at most MAX_CUSTOM of each loaded). */
export function baseState(catalog: Catalog, stored: StoredCustom): AppState {
  const state = defaultAppState(catalog);
  const inCatalog = (id: string) => catalog.hardware.has(id) || catalog.models.has(id);
  const chips = mergeCustom([], stored.chips, (id) => inCatalog(id) || stored.models.some((m) => m.id === id)).loaded;
  const models = mergeCustom([], stored.models, (id) => inCatalog(id) || chips.some((c) => c.id === id)).loaded;
  return { ...state, customChips: chips, customModels: models };
}

export class Log {
  readonly messages: Message[] = [];
  add(message: Message): void {
    this.messages.push(message);
  }
  field(path: string, problem: string): void {
    this.add(L.field(`${path} ${problem}`));
  }
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX;
}

export function readChipCount(raw: unknown): ChipCount | null {
  if (raw === 'auto') return 'auto';
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < LIMITS.chips.min || n > LIMITS.chips.max) return null;
  return n;
}

export interface RefSpec<T> {
  what: 'chip' | 'model';
  /** Reference profile by base id (null = none/blank); undefined when unknown. */
  reference(base: string | null): T | null | undefined;
  catalogValue(base: string): unknown;
  parse(raw: unknown): ParseOutcome<T>;
}

/** A profile written as an edit of a reference; null (with a message) when it cannot be used. */
export function resolveRef<T extends { id: string; name: string }>(entry: unknown, spec: RefSpec<T>, log: Log): T | null {
  if (!isRecord(entry)) {
    log.add(L.invalidCustom(spec.what, '?', `expected an object, got ${describeValue(entry)}`));
    return null;
  }
  const base = own(entry, 'base') ?? null;
  if (base !== null && !isId(base)) {
    log.add(L.unknownBase(spec.what, shown(base)));
    return null;
  }
  const reference = spec.reference(base);
  if (reference === undefined) {
    log.add(L.unknownBase(spec.what, shown(base)));
    return null;
  }
  const edit = own(entry, 'edit');
  const raw = edit === undefined ? structuredClone(reference) : applyPatch(structuredClone(reference), edit);
  const parsed = parseKeepingValidEdits(raw, reference, spec.parse);
  const name = isRecord(raw) && typeof own(raw, 'name') === 'string' ? shown(own(raw, 'name')) : '?';
  const first = parsed.errors[0];
  if (parsed.value === null) {
    log.add(L.invalidCustom(spec.what, name, first === undefined ? 'unreadable' : formatIssue(first)));
    return null;
  }
  if (parsed.repaired.length > 0) log.add(L.repairedCustom(spec.what, name, parsed.repaired.map(formatIssue).join('; ')));
  const hash = own(entry, 'hash');
  if (base !== null && typeof hash === 'string' && hash !== fingerprint(spec.catalogValue(base))) log.add(L.baseChanged(name, base));
  return parsed.value;
}

export function parseCustom<T extends { id: string; name: string }>(raw: unknown, spec: RefSpec<T>, inCatalog: (id: string) => boolean, label: string, log: Log): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    log.field(label, `must be a list, got ${describeValue(raw)}`);
    return [];
  }
  if (raw.length > MAX_CUSTOM) log.add(L.tooMany(label, raw.length, MAX_CUSTOM));
  const out: T[] = [];
  for (const entry of raw.slice(0, MAX_CUSTOM)) {
    const value = resolveRef(entry, spec, log);
    if (value === null) continue;
    if (inCatalog(value.id)) log.add(L.catalogId(spec.what, shown(value.id)));
    else if (out.some((x) => x.id === value.id)) log.add(L.duplicateId(spec.what, shown(value.id)));
    else out.push(value);
  }
  return out;
}

/** Link id -> id in the app (custom items loaded under another id); identity by default. */
export type Rename = (id: string) => string;
const SAME: Rename = (id) => id;

export function parseSettings(raw: unknown, fallback: WorkloadSettings, hasModel: (id: string) => boolean, log: Log, rename: Rename = SAME): WorkloadSettings {
  if (!isRecord(raw)) {
    if (raw !== undefined) log.field('settings', `must be an object, got ${describeValue(raw)}`);
    return fallback;
  }
  const rest: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!SETTINGS_IGNORED.has(key)) rest[key] = raw[key];
    else if (key !== 'model') unknown.push(`settings.${shown(key)}`);
  }
  const { model: fallbackModel, ...fallbackRest } = fallback;
  const base: Scenario = { ...structuredClone(fallbackRest), version: SCENARIO_VERSION, hardware: 'none', chips: 1, model: fallbackModel };
  const parsed = parseScenario(rest, base);
  for (const e of parsed.errors) log.add(L.field(formatIssue(e)));
  for (const w of parsed.warnings) unknown.push(`settings.${w.path}`);
  if (unknown.length > 0) log.add(L.unknownFields(unknown.slice(0, 6).join(', ')));
  const { version: _v, hardware: _h, chips: _c, model: _m, ...fields } = parsed.value;
  let model = fallbackModel;
  const rawModel = own(raw, 'model');
  if (rawModel !== undefined) {
    if (isId(rawModel) && hasModel(rename(rawModel))) model = rename(rawModel);
    else log.add(L.unknownModel(shown(rawModel), fallbackModel));
  }
  const spec = fields.speculative;
  if (spec !== null && spec.method === 'draft-model' && typeof spec.draftModel === 'string') spec.draftModel = rename(spec.draftModel);
  if (spec !== null && spec.method === 'draft-model' && typeof spec.draftModel === 'string' && !hasModel(spec.draftModel)) {
    log.add(L.unknownModel(shown(spec.draftModel), 'no speculative decoding'));
    fields.speculative = null;
  }
  return { ...fields, model };
}

/**
 * The comparison. Entries naming a custom chip of the link that was not loaded (over the cap) are
 * set aside in `unloaded` (the notice names those chips), not reported as unknown.
 */
export function parsePicks(
  raw: unknown, base: LinkBase, find: (id: string) => HardwareProfile | undefined, fallback: ChipPick[], log: Log,
  rename: Rename = SAME, unloaded: Unloaded | null = null,
): ChipPick[] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined) log.field('the comparison', `must be a list of chips, got ${describeValue(raw)}`);
    return fallback;
  }
  if (raw.length > MAX_PICKS) log.add(L.tooMany('compared chips', raw.length, MAX_PICKS));
  const out: ChipPick[] = [];
  for (const entry of raw.slice(0, MAX_PICKS)) {
    const name = typeof entry === 'number' && Number.isInteger(entry) && entry >= 0 ? base.pickNames[entry]
      : typeof entry === 'string' && entry.length <= ID_MAX + 8 ? entry : undefined;
    if (name === undefined) {
      log.add(L.badPick(shown(entry)));
      continue;
    }
    const colon = name.lastIndexOf(':');
    const id = rename(colon < 0 ? name : name.slice(0, colon));
    const chip = find(id);
    const setAside = unloaded?.chips.find((c) => c.id === id);
    if (chip === undefined && setAside !== undefined) {
      const chips = colon < 0 ? defaultChipCount(setAside) : readChipCount(name.slice(colon + 1)) ?? defaultChipCount(setAside);
      if (!unloaded!.picks.some((p) => p.id === id)) unloaded!.picks.push({ id, chips });
      continue;
    }
    if (chip === undefined) {
      log.add(L.unknownPick(shown(id)));
      continue;
    }
    if (out.some((p) => p.id === id)) continue;
    let chips = colon < 0 ? defaultChipCount(chip) : readChipCount(name.slice(colon + 1));
    if (chips === null) {
      log.add(L.badChipCount(shown(id), shown(name.slice(colon + 1))));
      chips = defaultChipCount(chip);
    }
    out.push({ id, chips });
  }
  if (raw.length > 0 && out.length === 0 && (unloaded?.picks.length ?? 0) === 0) {
    log.add(L.noPicksLeft());
    return fallback;
  }
  return out;
}

export function parseLab(raw: unknown, env: WireEnv, find: (id: string) => HardwareProfile | undefined, fallback: LabState, log: Log, rename: Rename = SAME): LabState {
  if (!isRecord(raw)) {
    if (raw !== undefined) log.field('the chip lab', `must be an object, got ${describeValue(raw)}`);
    return fallback;
  }
  const instead = fallback.baseId ?? 'the blank chip';
  const rawBase = own(raw, 'base') ?? null;
  const baseId = isId(rawBase) ? rename(rawBase) : rawBase;
  if (baseId !== null && !isId(baseId)) {
    log.add(L.unknownChip(shown(baseId), instead));
    return fallback;
  }
  const rawFrom = own(raw, 'from');
  const from = rawFrom === undefined ? baseId : isId(rawFrom) ? rename(rawFrom) : rawFrom;
  if (from !== null && !isId(from)) {
    log.add(L.unknownChip(shown(from), instead));
    return fallback;
  }
  const target = own(raw, 'target');
  const custom = from === null ? undefined : env.catalog.hardware.has(from) ? undefined : find(from);
  const reference = custom !== undefined ? labFrom(custom, fallback.breakEvenTargetId).chip : labReference(from, env.catalog, env.base, fallback.breakEvenTargetId);
  if (reference === undefined) {
    log.add(L.unknownChip(shown(from), instead));
    return fallback;
  }
  let chip = reference;
  const edit = own(raw, 'edit');
  if (edit !== undefined) {
    const parsed = parseKeepingValidEdits(applyPatch(structuredClone(reference), edit), reference, parseHardwareProfile);
    const first = parsed.errors[0];
    if (parsed.value === null) log.add(L.invalidLabChip(first === undefined ? 'unreadable' : formatIssue(first)));
    else {
      chip = parsed.value;
      if (parsed.repaired.length > 0) log.add(L.repairedLabChip(parsed.repaired.map(formatIssue).join('; ')));
    }
  }
  // A changed catalog chip matters only to an edit made against its old data: an unedited lab chip
  // is the catalog chip, today's data, as every compared chip is.
  const hash = own(raw, 'hash');
  if (from !== null && custom === undefined && edit !== undefined && typeof hash === 'string' && hash !== fingerprint(env.catalog.hardware.get(from))) {
    log.add(L.baseChanged(shown(chip.name), from));
  }
  const rawChips = own(raw, 'chips');
  let chips = rawChips === undefined ? defaultChipCount(chip) : readChipCount(rawChips);
  if (chips === null) {
    log.add(L.badChipCount(shown(chip.name), shown(rawChips)));
    chips = defaultChipCount(chip);
  }
  let breakEvenTargetId = fallback.breakEvenTargetId;
  if (target !== undefined) {
    if (isId(target) && find(rename(target)) !== undefined) breakEvenTargetId = rename(target);
    else log.add(L.unknownTarget(shown(target), fallback.breakEvenTargetId));
  }
  // The bandwidth HBM brings back, kept only while the chip has none (a capacity above 0 uses it up).
  const rawBack = own(raw, 'hbmBack');
  const bandwidth = HARDWARE_LIMITS.bandwidthBytesPerSecond;
  const hbmBack = typeof rawBack === 'number' && rawBack >= bandwidth.min && rawBack <= bandwidth.max && chip.memory.hbmCapacityBytes === 0 ? rawBack : undefined;
  if (rawBack !== undefined && hbmBack === undefined) {
    log.field('the chip lab\'s hbmBack', `must be an HBM bandwidth from ${bandwidth.min} to ${bandwidth.max} B/s on a chip without HBM, got ${describeValue(rawBack)}`);
  }
  return { baseId, chip, chips, breakEvenTargetId, ...(hbmBack === undefined ? {} : { hbmBandwidthBeforeRemoval: hbmBack }) };
}

export function parseEnum<T extends string>(raw: unknown, allowed: (v: string) => boolean, fallback: T, path: string, choices: string, log: Log): T {
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && allowed(raw)) return raw as T;
  log.field(path, `must be one of ${choices}, got ${shown(raw)}`);
  return fallback;
}

