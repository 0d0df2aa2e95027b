import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import type { AppState } from '../../src/app-state/app-state';
import { defaultAppState } from '../../src/app-state/defaults';
import { update, type Action, type UpdateEnv } from '../../src/app-state/update';

export const { catalog } = loadCatalogFromDisk();
export const env: UpdateEnv = { catalog, views: new Set(['compare', 'model-size', 'chip-lab']) };

export function fresh(): AppState {
  return defaultAppState(catalog);
}

export function apply(state: AppState, ...actions: Action[]): AppState {
  return actions.reduce((s, a) => update(s, a, env), state);
}
