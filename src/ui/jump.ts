// Buttons that move keyboard focus (and the view) to another part of the page: the skip link and
// the narrow-screen jumps between results and controls. Buttons, not links: the URL hash holds the
// app's state, so in-page anchors would change the scenario.

import { el } from './dom';

/** Focuses `target` (made focusable) and, unless told not to, scrolls it into view. */
export function jumpTo(target: HTMLElement | null, scroll = true): void {
  if (target === null) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  if (scroll) target.scrollIntoView({ block: 'start' });
}

/** The active view's results: where the skip link goes. */
export function activeResults(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main .view:not([hidden]) [data-results]');
}

/**
 * After a notice above the results is dismissed (it takes its button with it), the focus goes to
 * the results it was about, not back to the top of the page; the view does not scroll.
 */
export function focusResultsAfterDismiss(): void {
  jumpTo(activeResults(), false);
}

export function jumpButton(text: string, className: string, control: string, target: () => HTMLElement | null): HTMLButtonElement {
  return el('button', { class: className, text, attrs: { type: 'button', 'data-control': control }, on: { click: () => jumpTo(target()) } });
}
