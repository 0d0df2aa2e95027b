// Whether the chip lab holds something a fresh start from its chip would not: "Start from" and Reset
// replace the lab, and the page offers to undo that only when it replaced the user's own edits. Pure.
import type { Catalog } from '../catalog/catalog';
import { canonicalJson } from '../parse/canonical-json';
import type { AppState } from './app-state';
import { labFrom } from './defaults';
import { labOriginal } from './lookup';

export function labHasEdits(state: Pick<AppState, 'customChips' | 'lab'>, catalog: Catalog): boolean {
  const original = labOriginal(state, catalog);
  // A starting chip that is gone (a removed custom chip) cannot be restarted: what the lab holds is all there is.
  if (state.lab.baseId !== null && original === undefined) return true;
  const fresh = labFrom(original ?? null, state.lab.breakEvenTargetId);
  return fresh.chips !== state.lab.chips || canonicalJson(fresh.chip) !== canonicalJson(state.lab.chip);
}
