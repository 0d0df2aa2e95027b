// Whether the chip lab holds something a fresh start would not: "Start from", Reset and the design
// presets replace the lab, and the page offers to undo that only when it replaced the user's own
// edits (a hand-edited chip, or a design moved off its preset). Pure.
import type { Catalog } from '../catalog/catalog';
import { DESIGN_PRESETS } from '../design/presets';
import { canonicalJson } from '../parse/canonical-json';
import type { ChipDesign } from '../records/chip-design';
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

/** A design moved off the preset it started from (or one no preset describes: imported by a link). */
export function designHasEdits(design: ChipDesign): boolean {
  const preset = DESIGN_PRESETS.get(design.id);
  return preset === undefined || canonicalJson(preset) !== canonicalJson(design);
}
