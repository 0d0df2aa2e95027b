// Every change to the app state, as a pure function (state, action, catalog) -> new state.
// Values are clamped to the same tables that drive the controls; unknown ids are ignored.

import type { Catalog } from '../catalog/catalog';
import { computePrecision, matrixRate } from '../engine/precision';
import { RANK_KEYS, type RankKey } from '../engine/analysis/rank';
import { SWEEP_MAX_SIZES, type ModelFamily } from '../engine/analysis/sweep-sizes';
import type { EfficiencyMode, HardwareProfile, ModelArchitecture, Precision, RateClass } from '../engine/types';
import { LIMITS } from '../scenario/limits';
import type { AppState, ChipCount, FrontierMetric } from './app-state';
import { DEFAULT_BREAK_EVEN_TARGET, defaultChipCount, labFrom } from './defaults';
import { clampLabValue, labParam, type LabParamId } from './lab-params';
import { completeLabChip } from './lab-validity';
import { findChip, findModel, freeId } from './lookup';
import { clampSetting, settingsField, type SettingsFieldId } from './settings-fields';
import { isDesignAction, leaveDesignOnChipEdit, updateDesign, type DesignAction } from './design-update';

/** Cap on chips compared at once and on custom chips/models kept (bounded work, bounded links). */
export const MAX_PICKS = 40;
export const MAX_CUSTOM = 20;

export type Action =
  | { type: 'set-view'; view: string }
  | { type: 'set-model'; model: string }
  | { type: 'set-precision'; precision: Precision; part?: 'weights' | 'activations' | 'kvCache' }
  | { type: 'set-setting'; field: SettingsFieldId; value: number | null }
  | { type: 'set-pricing'; pricing: 'rental' | 'tco' }
  | { type: 'set-efficiency-mode'; mode: EfficiencyMode }
  | { type: 'toggle-chip'; id: string; on: boolean }
  | { type: 'set-chip-count'; id: string; chips: ChipCount }
  | { type: 'set-rank-by'; key: RankKey }
  | { type: 'set-frontier-metric'; metric: FrontierMetric }
  | { type: 'set-family'; family: ModelFamily }
  | { type: 'set-sweep-sizes'; sizes: number }
  | { type: 'lab-start'; baseId: string | null }
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
export function labRateClass(state: AppState): RateClass {
  return matrixRate(state.lab.chip, computePrecision(state.settings.precision)).rateClass;
}

const NAME_MAX = 80;

function idTaken(state: AppState, env: UpdateEnv): (id: string) => boolean {
  return (id) => env.catalog.hardware.has(id) || env.catalog.models.has(id)
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
      const def = settingsField(action.field);
      if (def === undefined) return state;
      const value = clampSetting(def, action.value);
      return value === undefined ? state : { ...state, settings: def.set(state.settings, value) };
    }
    case 'set-pricing':
      return { ...state, settings: { ...state.settings, economics: { ...state.settings.economics, pricing: action.pricing } } };
    case 'set-efficiency-mode':
      return { ...state, settings: { ...state.settings, efficiencyMode: action.mode } };
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
    case 'lab-set': {
      const def = labParam(action.param);
      const value = def === undefined ? null : clampLabValue(def, action.value);
      if (def === undefined || value === null) return state;
      const chip = completeLabChip(def.set(state.lab.chip, value, labRateClass(state)), state.lab.chip);
      return chip === null ? state : { ...state, lab: { ...state.lab, chip } };
    }
    case 'lab-set-sram-weights': {
      if (state.lab.chip.memory.sramHoldsWeights === action.on) return state;
      const chip = completeLabChip({ ...state.lab.chip, memory: { ...state.lab.chip.memory, sramHoldsWeights: action.on } }, state.lab.chip);
      return chip === null ? state : { ...state, lab: { ...state.lab, chip } };
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
      const id = freeId(`${state.lab.baseId ?? 'custom'}-lab`, idTaken(state, env));
      const profile: HardwareProfile = { ...structuredClone(state.lab.chip), id };
      const picks = state.compare.picks.length < MAX_PICKS ? [...state.compare.picks, { id, chips: state.lab.chips }] : state.compare.picks;
      return { ...state, customChips: [...state.customChips, profile], compare: { ...state.compare, picks } };
    }
    case 'add-custom-chip': {
      if (state.customChips.length >= MAX_CUSTOM) return state;
      const id = freeId(action.profile.id, idTaken(state, env));
      const profile = { ...structuredClone(action.profile), id };
      const picks = state.compare.picks.length < MAX_PICKS ? [...state.compare.picks, { id, chips: defaultChipCount(profile) }] : state.compare.picks;
      return { ...state, customChips: [...state.customChips, profile], compare: { ...state.compare, picks } };
    }
    case 'add-custom-model': {
      if (state.customModels.length >= MAX_CUSTOM) return state;
      const id = freeId(action.model.id, idTaken(state, env));
      return { ...state, customModels: [...state.customModels, { ...structuredClone(action.model), id }], settings: { ...state.settings, model: id } };
    }
    case 'remove-custom-chip': {
      // The break-even target must stay a known chip (links only carry known targets).
      const target = state.lab.breakEvenTargetId;
      const lab = target === action.id ? { ...state.lab, breakEvenTargetId: env.catalog.hardware.has(DEFAULT_BREAK_EVEN_TARGET) ? DEFAULT_BREAK_EVEN_TARGET : (env.catalog.hardware.keys().next().value ?? target) } : state.lab;
      return {
        ...state,
        customChips: state.customChips.filter((c) => c.id !== action.id),
        compare: { ...state.compare, picks: state.compare.picks.filter((p) => p.id !== action.id) },
        lab,
      };
    }
    case 'remove-custom-model': {
      const customModels = state.customModels.filter((m) => m.id !== action.id);
      const model = state.settings.model === action.id ? (env.catalog.models.keys().next().value ?? state.settings.model) : state.settings.model;
      return { ...state, customModels, settings: { ...state.settings, model } };
    }
    case 'open-explain':
      return { ...state, explain: { hardwareId: action.hardwareId, key: action.key } };
    case 'close-explain':
      return state.explain === null ? state : { ...state, explain: null };
  }
}
