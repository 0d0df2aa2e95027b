// How the chip lab prices: as the Pricing setting says, except in design mode, which prices by
// owning cost (TCO). A design has no rental market, and the lab compares it with its stock chip
// (the ghost) and a break-even target on one basis. The setting itself stays as the user set it,
// so leaving design mode, or another view meanwhile, prices as before.

import type { AppState } from './app-state';

/** True while design mode holds the lab's pricing at TCO, whatever the Pricing setting. */
export function labPricingHeld(state: AppState): boolean {
  return state.design !== null;
}

/** The state as the lab prices it (the same object when nothing differs). */
export function labPricedState(state: AppState): AppState {
  if (!labPricingHeld(state) || state.settings.economics.pricing === 'tco') return state;
  return { ...state, settings: { ...state.settings, economics: { ...state.settings.economics, pricing: 'tco' } } };
}
