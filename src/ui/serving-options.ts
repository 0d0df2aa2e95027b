// The "Serving options" disclosure of the workload panel: one row per option, each a control plus
// when it applies. More options (layout pinning, engine caps) are added as rows of this list.

import type { AppState } from '../app-state/app-state';
import { allModels } from '../app-state/lookup';
import { draftCandidates, draftModelId, objectiveKind, speculativeMethod, type ObjectiveKind, type SpeculativeMethod } from '../app-state/serving';
import { SETTINGS_FIELDS, type SettingsFieldId } from '../app-state/settings-fields';
import { MESSAGES } from '../messages/ui';
import { selectField, settingsNumberField } from './controls';
import { el, syncValue, uid } from './dom';
import type { ViewContext } from './views/view';

const S = MESSAGES.serving;

interface Row {
  element: HTMLElement;
  sync(state: AppState): void;
  /** Shown only when this holds (a draft model only for draft-model speculation). */
  applies?(state: AppState): boolean;
}

function numberRow(ctx: ViewContext, id: SettingsFieldId, applies?: Row['applies']): Row {
  const def = SETTINGS_FIELDS.find((f) => f.id === id)!;
  const control = settingsNumberField(def, (value) => ctx.dispatch({ type: 'set-setting', field: id, value }));
  return { element: control.element, sync: (state) => control.sync(state.settings), applies };
}

/** MTP on a model without MTP modules changes nothing: said beside the choice, not only in the results' notes. */
function mtpHintRow(ctx: ViewContext): Row {
  const hint = el('p', { class: 'hint warn', attrs: { 'data-serving-hint': 'mtp', role: 'status' } });
  const target = (state: AppState) => allModels(state, ctx.catalog).find((m) => m.id === state.settings.model);
  return {
    element: hint,
    applies: (state) => speculativeMethod(state.settings) === 'mtp' && (target(state)?.mtpModules ?? 0) < 1,
    sync(state) {
      hint.textContent = S.mtpNotInModel(target(state)?.name ?? state.settings.model);
    },
  };
}

function draftModelRow(ctx: ViewContext): Row {
  const id = uid('draft-model');
  const select = el('select', { id, attrs: { 'data-control': 'draft-model' }, on: { change: () => ctx.dispatch({ type: 'set-speculative', method: 'draft-model', draftModel: select.value }) } });
  let key = '';
  return {
    element: el('div', { class: 'field-wide' }, [el('label', { text: S.draftModel, attrs: { for: id } }), select]),
    applies: (state) => speculativeMethod(state.settings) === 'draft-model',
    sync(state) {
      const all = allModels(state, ctx.catalog);
      // The drafts that can serve this target; a draft already chosen (a link, another target) stays listed.
      const current = draftModelId(state.settings);
      const models = draftCandidates(all, all.find((m) => m.id === state.settings.model));
      const chosen = all.find((m) => m.id === current);
      if (chosen !== undefined && !models.includes(chosen)) models.push(chosen);
      const k = models.map((m) => `${m.id}:${m.name}`).join(',');
      if (k !== key) {
        key = k;
        select.replaceChildren(...models.map((m) => el('option', { text: m.name, attrs: { value: m.id } })));
      }
      syncValue(select, draftModelId(state.settings) ?? '');
    },
  };
}

export interface ServingOptions {
  element: HTMLElement;
  sync(state: AppState): void;
}

export function mountServingOptions(ctx: ViewContext): ServingOptions {
  const speculative = selectField<SpeculativeMethod>(S.speculative, [
    { value: 'none', label: S.speculativeOff }, { value: 'mtp', label: S.speculativeMtp }, { value: 'draft-model', label: S.speculativeDraft },
  ], (method) => ctx.dispatch({ type: 'set-speculative', method }), true);
  const serving = selectField<'co-located' | 'disaggregated'>(S.serving, [
    { value: 'co-located', label: S.colocated }, { value: 'disaggregated', label: S.disaggregated },
  ], (value) => ctx.dispatch({ type: 'set-serving', serving: value }), true);
  const arrivals = selectField<'saturated' | 'poisson'>(S.arrivals, [
    { value: 'saturated', label: S.saturated }, { value: 'poisson', label: S.poisson },
  ], (value) => ctx.dispatch({ type: 'set-arrivals', arrivals: value }), true);
  const objective = selectField<ObjectiveKind>(S.objective, [
    { value: 'max-throughput', label: S.maxThroughput }, { value: 'min-latency', label: S.minLatency }, { value: 'fixed-batch', label: S.fixedBatch },
  ], (value) => ctx.dispatch({ type: 'set-objective', objective: value }), true);
  for (const [control, name] of [[speculative, 'speculative'], [serving, 'serving'], [arrivals, 'arrivals'], [objective, 'objective']] as const) {
    control.element.querySelector('select')?.setAttribute('data-control', name);
  }
  const on = (state: AppState) => state.settings.speculative !== null;
  const rows: Row[] = [
    { element: speculative.element, sync: (state) => speculative.sync(speculativeMethod(state.settings)) },
    mtpHintRow(ctx),
    draftModelRow(ctx),
    numberRow(ctx, 'draftTokens', on),
    numberRow(ctx, 'acceptanceRate', on),
    { element: serving.element, sync: (state) => serving.sync(state.settings.serving) },
    { element: arrivals.element, sync: (state) => arrivals.sync(state.settings.workload.arrivals ?? 'saturated') },
    { element: objective.element, sync: (state) => objective.sync(objectiveKind(state.settings)) },
    numberRow(ctx, 'fixedBatch', (state) => objectiveKind(state.settings) === 'fixed-batch'),
    numberRow(ctx, 'maxSequences', (state) => objectiveKind(state.settings) !== 'fixed-batch'),
  ];
  const summary = el('summary', { text: S.title });
  const status = el('span', { class: 'unit', attrs: { 'data-serving-summary': '' } });
  const element = el('details', { class: 'serving-options', attrs: { 'data-serving-options': '' } }, [
    summary, el('p', { class: 'hint', text: S.intro }), ...rows.map((r) => r.element),
  ]);
  summary.append(' ', status);
  return {
    element,
    sync(state) {
      for (const row of rows) {
        const shown = row.applies === undefined || row.applies(state);
        row.element.hidden = !shown;
        if (shown) row.sync(state);
      }
      status.textContent = S.summary(state.settings);
    },
  };
}
