// Every change to the app state, as a pure function (state, action, catalog) -> new state.
// Values outside the tables that drive the controls are refused; unknown ids are ignored.

import type { Catalog } from '../catalog/catalog';
import { computePrecision, matrixRate } from '../engine/precision';
import { RANK_KEYS, type RankKey } from '../engine/analysis/rank';
import { SWEEP_MAX_SIZES, type ModelFamily } from '../engine/analysis/sweep-sizes';
import type { EfficiencyMode, HardwareProfile, ModelArchitecture, Precision, RateClass } from '../engine/types';
import { LIMITS } from '../scenario/limits';
import type { AppState, ChipCount, FrontierMetric } from './app-state';
import { MAX_CUSTOM, MAX_PICKS, swapIn, withoutChips, withoutModels, type SwapIn } from './custom-items';
import { defaultChipCount, labFrom } from './defaults';
import { clampLabValue, labParam, withoutReplacedEstimates, type LabParamId } from './lab-params';
import { completeLabChip } from './lab-validity';
import { withLabEntries } from './lab-entries';
import { labChipDuplicate } from './import-duplicate';
import { evidenceBackedBy, withLabEvidence } from '../catalog/chip-evidence';
import { allModels, findChip, findModel, freeId, labOriginal } from './lookup';
import { clampMarketField, pickPoint, type MarketFieldId } from './market-fields';
import { askQuestion, question } from './questions';
import { updateServing, type ServingAction } from './serving';
import { settingsField, type SettingsFieldId } from './settings-fields';
import { isValidSetting } from './settings-input';
import { MARKET_LIMITS, POINT_ID } from '../market/options';
import { isDesignAction, leaveDesignOnChipEdit, updateDesign, type DesignAction } from './design-update';

export { MAX_CUSTOM, MAX_PICKS } from './custom-items';

export type Action =
  | { type: 'set-view'; view: string }
  | { type: 'set-model'; model: string }
  | { type: 'set-precision'; precision: Precision; part?: 'weights' | 'activations' | 'kvCache' }
  | { type: 'set-setting'; field: SettingsFieldId; value: number | null }
  | { type: 'set-pricing'; pricing: 'rental' | 'tco' }
  | { type: 'set-efficiency-mode'; mode: EfficiencyMode }
  | ServingAction
  | { type: 'toggle-chip'; id: string; on: boolean }
  | { type: 'set-chip-count'; id: string; chips: ChipCount }
  | { type: 'set-rank-by'; key: RankKey }
  | { type: 'set-frontier-metric'; metric: FrontierMetric }
  | { type: 'set-family'; family: ModelFamily }
  | { type: 'set-sweep-sizes'; sizes: number }
  | { type: 'lab-start'; baseId: string | null }
  /** The lab (and design mode) as they were before "Start from", Reset or "Design from silicon" replaced them (the page's Undo). */
  | { type: 'lab-restore'; lab: AppState['lab']; design: AppState['design'] }
  | { type: 'lab-set'; param: LabParamId; value: number }
  | { type: 'lab-set-sram-weights'; on: boolean }
  | { type: 'lab-set-name'; name: string }
  | { type: 'lab-set-chips'; chips: ChipCount }
  | { type: 'lab-set-target'; id: string }
  | { type: 'lab-save' }
  | { type: 'add-custom-chip'; profile: HardwareProfile }
  | { type: 'add-custom-model'; model: ModelArchitecture }
  | { type: 'remove-custom-chip'; id: string }
  | { type: 'remove-custom-model'; id: string }
  | { type: 'rename-custom-model'; id: string; name: string }
  | { type: 'swap-in-custom'; incoming: SwapIn }
  | { type: 'ask-question'; id: string }
  | { type: 'market-set-field'; field: MarketFieldId; value: number | null }
  | { type: 'market-set-tier'; tier: number | null }
  /** A click on a point: first the "from" point, then the "to" point. */
  | { type: 'market-pick'; id: string }
  /** Both points at once; null = the default. */
  | { type: 'market-set-pair'; from: string | null; to: string | null }
  | { type: 'open-explain'; hardwareId: string; key: string }
  | { type: 'close-explain' }
  | DesignAction;

export interface UpdateEnv {
  catalog: Catalog;
  /** View ids the registry knows; other ids are ignored. */
  views: ReadonlySet<string>;
}

function clampChips(chips: ChipCount): ChipCount | null {
  if (chips === 'auto') return 'auto';
  if (!Number.isFinite(chips)) return null;
  return Math.round(Math.min(LIMITS.chips.max, Math.max(LIMITS.chips.min, chips)));
}

/** The matrix rate class the current workload computes in on `chip` (the lab's compute slider). */
/** A lab chip after an edit: which values differ from its original (cited as the lab's), and the evidence that leaves it. */
function editedLabChip(chip: HardwareProfile, original: HardwareProfile | undefined, rateClass: RateClass): HardwareProfile {
  return withLabEvidence(withLabEntries(chip, original, rateClass), original);
}

export function labRateClass(state: AppState): RateClass {
  return matrixRate(state.lab.chip, computePrecision(state.settings.precision)).rateClass;
}

const NAME_MAX = 80;

function idTaken(state: AppState, env: UpdateEnv): (id: string) => boolean {
  // The lab's chip too: a saved or imported chip under its id would take the lab chip's name and
  // figures wherever chips are looked up by id (names, colours, explanations).
  return (id) => env.catalog.hardware.has(id) || env.catalog.models.has(id) || id === state.lab.chip.id
    || state.customChips.some((c) => c.id === id) || state.customModels.some((m) => m.id === id);
}

export function update(state: AppState, action: Action, env: UpdateEnv): AppState {
  if (isDesignAction(action)) return updateDesign(state, action, env.catalog);
  return leaveDesignOnChipEdit(action, updateCore(state, action, env));
}

function updateCore(state: AppState, action: Exclude<Action, DesignAction>, env: UpdateEnv): AppState {
  switch (action.type) {
    case 'set-view':
      return env.views.has(action.view) ? { ...state, view: action.view, explain: null } : state;
    case 'set-model':
      return findModel(state, env.catalog, action.model) ? { ...state, settings: { ...state.settings, model: action.model } } : state;
    case 'set-precision': {
      const p = state.settings.precision;
      const precision = action.part === undefined
        ? { weights: action.precision, activations: action.precision, kvCache: action.precision }
        : { ...p, [action.part]: action.precision };
      return { ...state, settings: { ...state.settings, precision } };
    }
    case 'set-setting': {
      // Refused, never clamped: the field that sent it shows why (settings-input.ts).
      const def = settingsField(action.field);
      if (def === undefined || !isValidSetting(def, action.value) || def.get(state.settings) === action.value) return state;
      const settings = def.set(state.settings, action.value);
      return settings === state.settings ? state : { ...state, settings };
    }
    case 'set-pricing':
      return { ...state, settings: { ...state.settings, economics: { ...state.settings.economics, pricing: action.pricing } } };
    case 'set-efficiency-mode':
      return { ...state, settings: { ...state.settings, efficiencyMode: action.mode } };
    case 'set-speculative':
    case 'set-serving':
    case 'set-arrivals':
    case 'set-objective': {
      const settings = updateServing(state.settings, action, (id) => findModel(state, env.catalog, id) !== undefined, allModels(state, env.catalog));
      return settings === state.settings ? state : { ...state, settings };
    }
    case 'toggle-chip': {
      const picks = state.compare.picks.filter((p) => p.id !== action.id);
      if (action.on) {
        const chip = findChip(state, env.catalog, action.id);
        if (chip === undefined || picks.length >= MAX_PICKS) return state;
        picks.push({ id: action.id, chips: defaultChipCount(chip) });
      }
      return { ...state, compare: { ...state.compare, picks } };
    }
    case 'set-chip-count': {
      const chips = clampChips(action.chips);
      if (chips === null) return state;
      const picks = state.compare.picks.map((p) => (p.id === action.id ? { ...p, chips } : p));
      return { ...state, compare: { ...state.compare, picks } };
    }
    case 'set-rank-by':
      return Object.hasOwn(RANK_KEYS, action.key) ? { ...state, compare: { ...state.compare, rankBy: action.key } } : state;
    case 'set-frontier-metric':
      return { ...state, compare: { ...state.compare, frontierMetric: action.metric === 'usdPerMillion' ? 'usdPerMillion' : 'perChip' } };
    case 'set-family':
      return { ...state, modelSize: { ...state.modelSize, family: action.family === 'moe' ? 'moe' : 'dense' } };
    case 'set-sweep-sizes': {
      const sizes = Number.isFinite(action.sizes) ? Math.round(Math.min(SWEEP_MAX_SIZES, Math.max(3, action.sizes))) : state.modelSize.sizes;
      return { ...state, modelSize: { ...state.modelSize, sizes } };
    }
    case 'lab-start': {
      const base = action.baseId === null ? null : findChip(state, env.catalog, action.baseId);
      if (base === undefined) return state;
      return { ...state, lab: labFrom(base, state.lab.breakEvenTargetId) };
    }
    case 'lab-restore':
      return action.lab === state.lab && action.design === state.design ? state : { ...state, lab: action.lab, design: action.design };
    case 'lab-set': {
      const def = labParam(action.param);
      const value = def === undefined ? null : clampLabValue(def, action.value);
      if (def === undefined || value === null) return state;
      const original = labOriginal(state, env.catalog);
      const rateClass = labRateClass(state);
      const before = state.lab.chip.memory;
      const chip = completeLabChip(withoutReplacedEstimates(def.set(state.lab.chip, value, rateClass, original), def, rateClass, original),
        state.lab.chip, original, state.lab.hbmBandwidthBeforeRemoval);
      if (chip === null) return state;
      // Removing HBM zeroes its bandwidth (a profile rule): kept here, it comes back with the HBM.
      const { hbmBandwidthBeforeRemoval: kept, ...lab } = state.lab;
      const removed = chip.memory.hbmCapacityBytes === 0 ? (before.hbmCapacityBytes > 0 ? before.hbmBandwidthBytesPerSecond : kept) : undefined;
      return { ...state, lab: { ...lab, chip: editedLabChip(chip, original, rateClass), ...(removed === undefined ? {} : { hbmBandwidthBeforeRemoval: removed }) } };
    }
    case 'lab-set-sram-weights': {
      if (state.lab.chip.memory.sramHoldsWeights === action.on) return state;
      const original = labOriginal(state, env.catalog);
      const chip = completeLabChip({ ...state.lab.chip, memory: { ...state.lab.chip.memory, sramHoldsWeights: action.on } }, state.lab.chip);
      return chip === null ? state : { ...state, lab: { ...state.lab, chip: editedLabChip(chip, original, labRateClass(state)) } };
    }
    case 'lab-set-name': {
      const name = action.name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
      return name === '' ? state : { ...state, lab: { ...state.lab, chip: { ...state.lab.chip, name } } };
    }
    case 'lab-set-chips': {
      const chips = clampChips(action.chips);
      return chips === null ? state : { ...state, lab: { ...state.lab, chips } };
    }
    case 'lab-set-target':
      return findChip(state, env.catalog, action.id) ? { ...state, lab: { ...state.lab, breakEvenTargetId: action.id } } : state;
    case 'lab-save': {
      if (state.customChips.length >= MAX_CUSTOM) return state;
      // The same chip again adds nothing; another chip under a taken name gets a numbered one.
      const duplicate = labChipDuplicate(state, env.catalog);
      if (duplicate?.kind === 'same-figures') return state;
      const id = freeId(`${state.lab.baseId ?? 'custom'}-lab`, idTaken(state, env));
      const name = duplicate?.kind === 'same-name' ? duplicate.freeName : state.lab.chip.name;
      const profile: HardwareProfile = { ...structuredClone(state.lab.chip), id, name };
      const picks = state.compare.picks.length < MAX_PICKS ? [...state.compare.picks, { id, chips: state.lab.chips }] : state.compare.picks;
      return { ...state, customChips: [...state.customChips, profile], compare: { ...state.compare, picks } };
    }
    case 'add-custom-chip': {
      if (state.customChips.length >= MAX_CUSTOM) return state;
      const id = freeId(action.profile.id, idTaken(state, env));
      // Evidence as the catalog backs it under the id the file gave (the new id is only free).
      const profile = { ...evidenceBackedBy(structuredClone(action.profile), env.catalog).profile, id };
      const picks = state.compare.picks.length < MAX_PICKS ? [...state.compare.picks, { id, chips: defaultChipCount(profile) }] : state.compare.picks;
      return { ...state, customChips: [...state.customChips, profile], compare: { ...state.compare, picks } };
    }
    case 'add-custom-model': {
      if (state.customModels.length >= MAX_CUSTOM) return state;
      const id = freeId(action.model.id, idTaken(state, env));
      return { ...state, customModels: [...state.customModels, { ...structuredClone(action.model), id }], settings: { ...state.settings, model: id } };
    }
    case 'remove-custom-chip':
      return state.customChips.some((c) => c.id === action.id) ? withoutChips(state, new Set([action.id]), env.catalog) : state;
    case 'remove-custom-model':
      return state.customModels.some((m) => m.id === action.id) ? withoutModels(state, new Set([action.id]), env.catalog) : state;
    case 'rename-custom-model': {
      const name = action.name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
      const model = state.customModels.find((m) => m.id === action.id);
      if (model === undefined || name === '' || name === model.name) return state;
      return { ...state, customModels: state.customModels.map((m) => (m === model ? { ...m, name } : m)) };
    }
    case 'swap-in-custom':
      return swapIn(state, action.incoming, env.catalog);
    case 'ask-question': {
      const q = question(action.id);
      return q === undefined ? state : askQuestion(state, q, env.catalog, env.views);
    }
    case 'market-set-field': {
      const value = Object.hasOwn(state.market.workload, action.field) ? clampMarketField(action.field, action.value) : undefined;
      return value === undefined ? state : { ...state, market: { ...state.market, workload: { ...state.market.workload, [action.field]: value } } };
    }
    case 'market-set-tier': {
      const t = action.tier;
      if (t !== null && !(Number.isFinite(t) && t >= MARKET_LIMITS.tier.min && t <= MARKET_LIMITS.tier.max)) return state;
      // A new tier has its own default pair.
      return { ...state, market: { ...state.market, tier: t, fromPoint: null, toPoint: null } };
    }
    case 'market-pick': {
      const market = pickPoint(state.market, action.id);
      return market === state.market ? state : { ...state, market };
    }
    case 'market-set-pair': {
      const ok = (id: string | null) => id === null || POINT_ID.test(id);
      return ok(action.from) && ok(action.to) ? { ...state, market: { ...state.market, fromPoint: action.from, toPoint: action.to } } : state;
    }
    case 'open-explain':
      return { ...state, explain: { hardwareId: action.hardwareId, key: action.key } };
    case 'close-explain':
      return state.explain === null ? state : { ...state, explain: null };
  }
}
