// Actions of the chip lab's "Design from silicon" mode. The lab's chip is the design's derived
// profile, so everything downstream (results, roofline, costs, sensitivity, break-even, saving it
// into the comparison) works on it unchanged; editing that chip by hand leaves design mode.

import type { Catalog } from '../catalog/catalog';
import { deriveDesign } from '../design/derive';
import { readDesign } from '../design/read-design';
import type { ChipDesign } from '../records/chip-design';
import type { AppState } from './app-state';
import { editDesign, type DesignChoiceId, type DesignParamId } from './design-params';
import { findChip } from './lookup';

export type DesignAction =
  | { type: 'design-start'; design: ChipDesign }
  | { type: 'design-exit' }
  | { type: 'design-set'; param: DesignParamId; value: number }
  | { type: 'design-choose'; field: DesignChoiceId; value: string };

const DESIGN_ACTIONS: ReadonlySet<string> = new Set(['design-start', 'design-exit', 'design-set', 'design-choose']);

/** Hand edits of the lab chip: the chip stops being the design's derived profile. */
const LAB_CHIP_EDITS: ReadonlySet<string> = new Set(['lab-start', 'lab-set', 'lab-set-sram-weights', 'lab-set-name']);

export function isDesignAction(action: { type: string }): action is DesignAction {
  return DESIGN_ACTIONS.has(action.type);
}

/** The state with `design` in the lab: its derived profile becomes the lab chip. */
export function withDesign(state: AppState, design: ChipDesign): AppState {
  // A derived chip is a new chip: no HBM bandwidth of an earlier edit waits to come back.
  const { hbmBandwidthBeforeRemoval: _removed, ...lab } = state.lab;
  return { ...state, design, lab: { ...lab, chip: deriveDesign(design).profile } };
}

export function updateDesign(state: AppState, action: DesignAction, catalog: Catalog): AppState {
  switch (action.type) {
    case 'design-start': {
      const parsed = readDesign(action.design);
      if (parsed.value === null) return state;
      const stock = parsed.value.approximates === undefined ? undefined : findChip(state, catalog, parsed.value.approximates);
      // The stock chip is the ghost. The lab prices both by TCO while in design mode
      // (lab-pricing.ts); the Pricing setting is not touched.
      const next = withDesign(state, parsed.value);
      return { ...next, lab: { ...next.lab, baseId: stock === undefined ? state.lab.baseId : stock.id } };
    }
    case 'design-exit':
      return state.design === null ? state : { ...state, design: null };
    case 'design-set':
    case 'design-choose': {
      if (state.design === null) return state;
      const edited = editDesign(state.design, action.type === 'design-set'
        ? { kind: 'param', param: action.param, value: action.value }
        : { kind: 'choice', field: action.field, value: action.value });
      return edited.ok ? withDesign(state, edited.design) : state;
    }
  }
}

/** After a hand edit of the lab chip, the lab is no longer in design mode. */
export function leaveDesignOnChipEdit(action: { type: string }, next: AppState): AppState {
  return next.design !== null && LAB_CHIP_EDITS.has(action.type) ? { ...next, design: null } : next;
}
