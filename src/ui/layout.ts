// Page-size hints for chart builders (legends below the plot on narrow windows).

import type { ChartLayout } from '../charts/chart-theme';

const NARROW = '(max-width: 760px)';

export function chartLayout(): ChartLayout {
  return { compact: typeof matchMedia === 'function' && matchMedia(NARROW).matches };
}

/** Calls back when the window crosses the narrow/wide boundary. */
export function onLayoutChange(callback: () => void): void {
  if (typeof matchMedia === 'function') matchMedia(NARROW).addEventListener('change', callback);
}
