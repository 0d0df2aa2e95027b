// The workload every view shares: model, precision, tokens, latency limits, pricing and the TCO
// assumptions. Edits dispatch actions; sync() shows the state.

import type { AppState } from '../app-state/app-state';
import { allModels } from '../app-state/lookup';
import { contextWindowProblem } from '../engine/context-window';
import { SETTINGS_FIELDS, type SettingsFieldId } from '../app-state/settings-fields';
import { PRECISIONS, type Precision } from '../engine/types';
import { segmented, selectField, settingsNumberField } from './controls';
import { el, showFieldMessage, syncValue, uid } from './dom';
import { formatParams } from './format';
import { MESSAGES } from '../messages/ui';
import { mountServingOptions } from './serving-options';
import type { ViewContext } from './views/view';

const M = MESSAGES.controls;

const WORKLOAD_FIELDS: readonly SettingsFieldId[] = ['inputTokens', 'outputTokens', 'prefixCacheHitRate'];
const SLO_FIELDS: readonly SettingsFieldId[] = ['maxTtftSeconds', 'maxTpotSeconds'];
const ECONOMICS_FIELDS: readonly SettingsFieldId[] = [
  'rentalUsdPerChipHour', 'capexUsdPerChip', 'capexOverheadMultiplier', 'depreciationYears', 'costOfCapitalPerYear',
  'loadFactor', 'pue', 'usdPerKwh', 'hostingUsdPerKwMonth',
];

export interface WorkloadPanel {
  element: HTMLElement;
  /** `pricingHeld`: why the view holds Pricing where `state` shows it (the toggle is locked), or null. */
  sync(state: AppState, pricingHeld?: string | null): void;
}

/** `modelUnused`: why the view does not use the workload's model (the model-size sweep); the menu is then disabled with that note. */
export function mountWorkloadPanel(ctx: ViewContext, options: { modelUnused?: string } = {}): WorkloadPanel {
  const { dispatch } = ctx;
  const fields = (ids: readonly SettingsFieldId[]) => ids.map((id) => {
    const def = SETTINGS_FIELDS.find((f) => f.id === id)!;
    return settingsNumberField(def, (value) => dispatch({ type: 'set-setting', field: id, value }));
  });

  // Model select: rebuilt only when the list of models changes (custom imports).
  const modelId = uid('model');
  const modelSelect = el('select', { id: modelId, attrs: { 'data-control': 'model' }, on: { change: () => dispatch({ type: 'set-model', model: modelSelect.value }) } });
  const modelUnusedNote = options.modelUnused === undefined ? null
    : el('div', { class: 'hint', id: `${modelId}-unused`, attrs: { 'data-model-unused': '' }, text: options.modelUnused });
  if (modelUnusedNote !== null) {
    modelSelect.disabled = true;
    modelSelect.setAttribute('aria-describedby', modelUnusedNote.id);
  }
  let modelsKey = '';
  const syncModels = (state: AppState) => {
    const models = allModels(state, ctx.catalog);
    const key = models.map((m) => `${m.id}:${m.name}`).join(',');
    if (key !== modelsKey) {
      modelsKey = key;
      const custom = new Set(state.customModels.map((m) => m.id));
      const dense = el('optgroup', { attrs: { label: 'Dense' } });
      const moe = el('optgroup', { attrs: { label: 'Mixture of experts' } });
      const imported = el('optgroup', { attrs: { label: 'Imported' } });
      for (const m of [...models].sort((a, b) => a.publishedParamsTotal - b.publishedParamsTotal)) {
        const active = m.moe !== null && m.publishedParamsActive !== null ? `, ${formatParams(m.publishedParamsActive)} active` : '';
        const option = el('option', { text: `${m.name} (${formatParams(m.publishedParamsTotal)}${active})`, attrs: { value: m.id } });
        (custom.has(m.id) ? imported : m.moe === null ? dense : moe).appendChild(option);
      }
      modelSelect.replaceChildren(...[dense, moe, imported].filter((g) => g.childElementCount > 0));
    }
    syncValue(modelSelect, state.settings.model);
    const chosen = state.customModels.find((m) => m.id === state.settings.model);
    custom.hidden = chosen === undefined || modelUnusedNote !== null;
    // As the lab chip's name: the refusal, and the emptied text, last until the user fixes it or
    // the model or its name changes from elsewhere (another model, Back, a link).
    if (nameRefusedFor !== null && (chosen === undefined || nameRefusedFor !== `${chosen.id}|${chosen.name}`)) setNameRefusal(null);
    if (chosen !== undefined && nameRefusedFor === null) syncValue(customName, chosen.name);
  };

  // An imported model can be renamed or removed where it is chosen.
  const customNameId = uid('model-name');
  const customNameError = el('div', { class: 'error', id: `${customNameId}-error`, attrs: { 'aria-live': 'polite', 'data-field-error': 'model-name' } });
  /** The model (id and name) whose emptied name is refused, or null. */
  let nameRefusedFor: string | null = null;
  const setNameRefusal = (model: { id: string; name: string } | null) => {
    nameRefusedFor = model === null ? null : `${model.id}|${model.name}`;
    showFieldMessage(customName, customNameError, model === null ? '' : M.modelNameEmpty(model.name));
  };
  const customName = el('input', {
    id: customNameId, attrs: { type: 'text', maxlength: 80, autocomplete: 'off', 'data-control': 'model-name', 'aria-describedby': `${customNameId}-error` },
    on: {
      change: () => {
        const model = ctx.state().customModels.find((m) => m.id === modelSelect.value);
        if (model === undefined) return;
        // An empty name is refused where it was typed (the text stays for the user to fix).
        if (customName.value.trim() === '') {
          setNameRefusal(model);
          return;
        }
        setNameRefusal(null);
        dispatch({ type: 'rename-custom-model', id: model.id, name: customName.value });
      },
    },
  });
  const removeModel = el('button', {
    class: 'link-button', text: M.removeModel, attrs: { type: 'button', 'data-control': 'model-remove' },
    on: { click: () => dispatch({ type: 'remove-custom-model', id: modelSelect.value }) },
  });
  const custom = el('div', { class: 'field-wide custom-model' }, [el('label', { text: M.modelName, attrs: { for: customNameId } }), customName, customNameError, removeModel]);

  const precisionOptions = PRECISIONS.map((p) => ({ value: p, label: p }));
  const allPrecision = selectField<Precision | 'mixed'>(M.precision, [...precisionOptions, { value: 'mixed', label: 'mixed' }], (value) => {
    if (value !== 'mixed') dispatch({ type: 'set-precision', precision: value });
  }, true);
  const parts = (['weights', 'activations', 'kvCache'] as const).map((part) => ({
    part,
    control: selectField<Precision>(M[part], precisionOptions, (value) => dispatch({ type: 'set-precision', precision: value, part })),
  }));

  const workload = fields(WORKLOAD_FIELDS);
  // A request longer than the model's window: said beside the lengths, once, rather than only as a
  // reason in every chip's row.
  const windowNote = el('div', { class: 'hint inactive', attrs: { 'data-context-window': '', 'aria-live': 'polite' } });
  windowNote.hidden = true;
  const slo = fields(SLO_FIELDS);
  const economics = fields(ECONOMICS_FIELDS);
  const pricing = segmented(M.pricing, [{ value: 'rental', label: M.rental }, { value: 'tco', label: M.tco }], (value) => dispatch({ type: 'set-pricing', pricing: value }));
  const pricingHeldNote = el('div', { class: 'hint inactive', attrs: { 'data-pricing-held': '', 'aria-live': 'polite' } });
  pricingHeldNote.hidden = true;
  const serving = mountServingOptions(ctx);
  const efficiency = selectField(M.efficiency, [{ value: 'achieved', label: M.achieved }, { value: 'spec', label: M.spec }, { value: 'claim', label: M.claim }], (mode) => dispatch({ type: 'set-efficiency-mode', mode }), true);

  const element = el('div', { class: 'workload' }, [
    el('section', { class: 'panel', attrs: { 'aria-label': M.workload } }, [
      el('h2', { text: M.workload }),
      el('div', { class: 'field-wide' }, [el('label', { text: M.model, attrs: { for: modelId } }), modelSelect, modelUnusedNote]),
      custom,
      allPrecision.element,
      el('details', {}, [el('summary', { text: M.perTensorPrecision, class: 'unit' }), ...parts.map((p) => p.control.element)]),
      ...workload.map((f) => f.element),
      windowNote,
      serving.element,
    ]),
    el('section', { class: 'panel', attrs: { 'aria-label': M.slo } }, [el('h2', { text: M.slo }), ...slo.map((f) => f.element), el('p', { class: 'hint', text: M.sloNote })]),
    el('section', { class: 'panel', attrs: { 'aria-label': M.pricing } }, [
      el('h2', { text: M.pricing }),
      pricing.element,
      pricingHeldNote,
      efficiency.element,
      el('details', {}, [el('summary', { text: M.economics }), el('p', { class: 'hint', text: M.economicsNote }), ...economics.map((f) => f.element)]),
    ]),
  ]);

  return {
    element,
    sync(state, pricingHeld = null) {
      syncModels(state);
      const p = state.settings.precision;
      allPrecision.sync(p.weights === p.activations && p.weights === p.kvCache ? p.weights : 'mixed');
      for (const { part, control } of parts) control.sync(p[part]);
      for (const f of [...workload, ...slo, ...economics]) f.sync(state.settings);
      const model = allModels(state, ctx.catalog).find((m) => m.id === state.settings.model);
      const { inputTokens, outputTokens } = state.settings.workload;
      const window = model === undefined ? null : contextWindowProblem(model, inputTokens, outputTokens);
      windowNote.textContent = window === null ? '' : M.contextWindow(window.text);
      windowNote.hidden = window === null;
      serving.sync(state);
      pricing.sync(state.settings.economics.pricing);
      for (const input of pricing.element.querySelectorAll('input')) input.disabled = pricingHeld !== null;
      pricingHeldNote.textContent = pricingHeld ?? '';
      pricingHeldNote.hidden = pricingHeld === null;
      efficiency.sync(state.settings.efficiencyMode);
    },
  };
}
