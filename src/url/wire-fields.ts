// The link wire format as one table (Excalidraw's restore, both directions): each part of the
// wire names the app-state fields it carries, how it is written and how it is read back. Encoding,
// decoding and the unknown-key report all loop over this table, so a new field is one new row
// (plus a link version and a migration when it changes what old links mean).

import { APP_STATE_VERSION, type AppState } from '../app-state/app-state';
import type { Catalog } from '../catalog/catalog';
import { RANK_KEYS, type RankKey } from '../engine/analysis/rank';
import { SWEEP_MAX_SIZES } from '../engine/analysis/sweep-sizes';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import { LINK as L } from '../messages/link';
import { parseMarketSelection, selectionPatch } from '../market/options';
import { formatIssue, isRecord, own } from '../parse/fields';
import { parseHardwareProfile } from '../records/hardware-profile';
import { parseModelArchitecture } from '../records/model-architecture';
import {
  Log, MIN_SIZES, VIEW_ID, baseState, isId, parseCustom, parseEnum, parseLab, parsePicks, parseSettings, shown,
  type Rename, type Restored, type WireEnv,
} from './decode-parts';
import { MAX_CUSTOM, labRateClass } from '../app-state/update';
import { withLabEntries } from '../app-state/lab-entries';
import { labOriginal } from '../app-state/lookup';
import { NOTHING_UNLOADED, mergeCustom, type Unloaded } from './custom-merge';
import { chipRef, labWire, modelRef } from './encode-refs';
import { encodeDesign, labStateForWire, restoreDesign } from './design-wire';
import { pickName, type LinkBase, type Wire } from './link-format';

/** What decoding has built so far: the state (from the fallback) and the lookups later parts need. */
interface Draft {
  state: AppState;
  findChip(id: string): HardwareProfile | undefined;
  hasModel(id: string): boolean;
  /** The link's custom chips as read, before they meet the saved ones (set by 'chips', merged by 'models'). */
  linkChips: HardwareProfile[];
  /** Link ids of custom items -> ids they are loaded under. */
  chipId: Rename;
  modelId: Rename;
  unloaded: Unloaded;
}

interface WireField<K extends keyof Wire> {
  key: K;
  /** The app-state fields this part carries (tests/url/link.test.ts checks every field is carried). */
  carries: readonly string[];
  encode(state: AppState, catalog: Catalog, base: LinkBase): Wire[K];
  /** Reads the part (undefined when the link omits it) into the draft; reports what it cannot use. */
  decode(raw: unknown, draft: Draft, env: WireEnv, log: Log): void;
}

const field = <K extends keyof Wire>(f: WireField<K>) => f;

/** In decode order: custom chips and models first, since picks, the lab and the settings refer to them. */
export const WIRE_FIELDS = [
  field({
    key: 'chips',
    carries: ['customChips'],
    encode: (state, catalog, base) => state.customChips.map((c) => chipRef(c, catalog, base)),
    decode: (raw, draft, env, log) => {
      const { catalog } = env;
      const inCatalog = (id: string) => catalog.hardware.has(id) || catalog.models.has(id);
      draft.linkChips = parseCustom<HardwareProfile>(raw, {
        what: 'chip',
        reference: (base) => (base === null ? env.base.blank : catalog.hardware.get(base)),
        catalogValue: (base) => catalog.hardware.get(base),
        parse: parseHardwareProfile,
      }, inCatalog, 'custom chips', log);
    },
  }),
  field({
    key: 'models',
    carries: ['customModels'],
    encode: (state, catalog) => state.customModels.map((m) => modelRef(m, catalog)),
    decode: (raw, draft, env, log) => {
      const { catalog } = env;
      const inCatalog = (id: string) => catalog.hardware.has(id) || catalog.models.has(id);
      const linkChips = draft.linkChips;
      const linkModels = parseCustom<ModelArchitecture>(raw, {
        what: 'model',
        reference: (base) => (base === null ? null : catalog.models.get(base)),
        catalogValue: (base) => catalog.models.get(base),
        parse: parseModelArchitecture,
      }, (id) => inCatalog(id) || linkChips.some((c) => c.id === id), 'custom models', log);
      // This browser's saved chips and models join the link's, never replaced by them; its own come
      // first, and what is over the cap is named (the link's can be swapped in).
      const modelIds = (id: string) => linkModels.some((m) => m.id === id) || env.stored.models.some((m) => m.id === id);
      const chips = mergeCustom(linkChips, env.stored.chips, (id) => inCatalog(id) || modelIds(id));
      const models = mergeCustom(linkModels, env.stored.models, (id) => inCatalog(id) || chips.loaded.some((c) => c.id === id));
      const ownChips = env.stored.chips.length;
      if (chips.linkNotLoaded.length > 0) log.add(L.customNotLoaded('chips', chips.linkNotLoaded.map((c) => shown(c.name)), MAX_CUSTOM, Math.min(ownChips, MAX_CUSTOM)));
      if (models.linkNotLoaded.length > 0) log.add(L.customNotLoaded('models', models.linkNotLoaded.map((m) => shown(m.name)), MAX_CUSTOM, Math.min(env.stored.models.length, MAX_CUSTOM)));
      draft.state.customChips = chips.loaded;
      draft.state.customModels = models.loaded;
      draft.unloaded = { chips: chips.linkNotLoaded, models: models.linkNotLoaded, picks: [] };
      draft.chipId = (id) => chips.rename.get(id) ?? id;
      draft.modelId = (id) => models.rename.get(id) ?? id;
      const chipById = new Map(chips.loaded.map((c) => [c.id, c]));
      const loadedModels = new Set(models.loaded.map((m) => m.id));
      draft.findChip = (id) => catalog.hardware.get(id) ?? chipById.get(id);
      draft.hasModel = (id) => catalog.models.has(id) || loadedModels.has(id);
    },
  }),
  field({
    key: 'view',
    carries: ['view'],
    encode: (state) => state.view,
    decode: (raw, draft, env, log) => {
      if (raw === undefined) return;
      const ok = typeof raw === 'string' && (env.views === null ? VIEW_ID.test(raw) : env.views.has(raw));
      if (ok) draft.state.view = raw;
      else log.add(L.unknownView(shown(raw), draft.state.view));
    },
  }),
  field({
    key: 'settings',
    carries: ['settings'],
    encode: (state) => state.settings,
    decode: (raw, draft, _env, log) => {
      draft.state.settings = parseSettings(raw, draft.state.settings, draft.hasModel, log, draft.modelId);
    },
  }),
  field({
    key: 'picks',
    carries: ['compare.picks'],
    encode: (state, _catalog, base) => state.compare.picks.map((p) => {
      const name = pickName(p.id, p.chips);
      const index = base.pickNames.indexOf(name);
      return index >= 0 ? index : name;
    }),
    decode: (raw, draft, env, log) => {
      draft.state.compare.picks = parsePicks(raw, env.base, draft.findChip, draft.state.compare.picks, log, draft.chipId, draft.unloaded);
    },
  }),
  field({
    key: 'rankBy',
    carries: ['compare.rankBy'],
    encode: (state) => state.compare.rankBy,
    decode: (raw, draft, _env, log) => {
      draft.state.compare.rankBy = parseEnum<RankKey>(raw, (v) => Object.hasOwn(RANK_KEYS, v), draft.state.compare.rankBy, 'the ranking', Object.keys(RANK_KEYS).join(', '), log);
    },
  }),
  field({
    key: 'frontierMetric',
    carries: ['compare.frontierMetric'],
    encode: (state) => state.compare.frontierMetric,
    decode: (raw, draft, _env, log) => {
      draft.state.compare.frontierMetric = parseEnum(raw, (v) => v === 'perChip' || v === 'usdPerMillion', draft.state.compare.frontierMetric, 'the frontier axis', 'perChip, usdPerMillion', log);
    },
  }),
  field({
    key: 'family',
    carries: ['modelSize.family'],
    encode: (state) => state.modelSize.family,
    decode: (raw, draft, _env, log) => {
      draft.state.modelSize.family = parseEnum(raw, (v) => v === 'dense' || v === 'moe', draft.state.modelSize.family, 'the model family', 'dense, moe', log);
    },
  }),
  field({
    key: 'sizes',
    carries: ['modelSize.sizes'],
    encode: (state) => state.modelSize.sizes,
    decode: (raw, draft, _env, log) => {
      if (raw === undefined) return;
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= MIN_SIZES && raw <= SWEEP_MAX_SIZES) draft.state.modelSize.sizes = raw;
      else log.field('the number of model sizes', `must be an integer from ${MIN_SIZES} to ${SWEEP_MAX_SIZES}, got ${shown(raw)}`);
    },
  }),
  field({
    key: 'lab',
    carries: ['lab'],
    encode: (state, catalog, base) => labWire(labStateForWire(state, catalog, base), catalog, base),
    decode: (raw, draft, env, log) => {
      const lab = parseLab(raw, env, draft.findChip, draft.state.lab, log, draft.chipId);
      // The link leaves out which values were typed (labWire): the settings, decoded already, give the rate they apply to.
      const opened = { ...draft.state, lab };
      draft.state.lab = { ...lab, chip: withLabEntries(lab.chip, labOriginal(opened, env.catalog), labRateClass(opened)) };
    },
  }),
  field({
    key: 'market',
    carries: ['market'],
    // Only what differs from the default: a default selection writes nothing, so the landing link
    // and every link made before the Market view existed stay as they are.
    encode: (state) => selectionPatch(state.market),
    decode: (raw, draft, _env, log) => {
      if (raw === undefined) return;
      const parsed = parseMarketSelection(raw, draft.state.market);
      for (const e of parsed.errors) log.field(`the Market view's ${e.path === '' ? 'settings' : e.path}`, formatIssue({ ...e, path: '' }));
      draft.state.market = parsed.value;
    },
  }),
  field({
    key: 'explain',
    carries: ['explain'],
    encode: (state) => state.explain,
    decode: (raw, draft, _env, log) => {
      if (raw === undefined || raw === null) return;
      const hardwareId = isRecord(raw) ? own(raw, 'hardwareId') : undefined;
      const key = isRecord(raw) ? own(raw, 'key') : undefined;
      if (isId(hardwareId) && typeof key === 'string' && key.length > 0 && key.length <= 100) draft.state.explain = { hardwareId: draft.chipId(hardwareId), key };
      else log.add(L.badExplain());
    },
  }),
  // After 'lab': the design rebuilds the lab chip. Absent (undefined) when design mode is off.
  field({
    key: 'design',
    carries: ['design'],
    encode: (state) => encodeDesign(state.design),
    decode: (raw, draft, _env, log) => restoreDesign(draft.state, raw, log),
  }),
] as const;

/** The app state in wire form (before `diff` against the base). */
export function toWire(state: AppState, catalog: Catalog, base: LinkBase): Wire {
  const out: Record<string, unknown> = {};
  for (const f of WIRE_FIELDS) out[f.key] = f.encode(state, catalog, base);
  return out as unknown as Wire;
}

/** The app state a (migrated, current-version) wire object describes, plus what could not be used. */
export function parseWire(raw: unknown, env: WireEnv): Restored {
  const log = new Log();
  const fallback = baseState(env.catalog, env.stored);
  if (!isRecord(raw)) {
    log.add(L.notAnObject());
    return { state: fallback, messages: log.messages, unloaded: NOTHING_UNLOADED };
  }
  const known = new Set<string>(WIRE_FIELDS.map((f) => f.key));
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0) log.add(L.unknownFields(unknown.slice(0, 6).map(shown).join(', ')));
  const state: AppState = {
    ...structuredClone(fallback),
    version: APP_STATE_VERSION,
    customChips: [],
    customModels: [],
    explain: null,
  };
  const draft: Draft = {
    state,
    findChip: (id) => env.catalog.hardware.get(id),
    hasModel: (id) => env.catalog.models.has(id),
    linkChips: [],
    chipId: (id) => id,
    modelId: (id) => id,
    unloaded: NOTHING_UNLOADED,
  };
  for (const f of WIRE_FIELDS) f.decode(own(raw, f.key), draft, env, log);
  return { state, messages: log.messages, unloaded: draft.unloaded };
}
