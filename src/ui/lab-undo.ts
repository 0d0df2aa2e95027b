// "Start from", Reset, "Design from silicon" and the design presets replace the chip lab. Where that
// replaced the user's own edits, one Undo brings the lab (and the design) back as it was, until the lab changes
// again: an undo then would throw the newer edits away. Replacing an unedited lab keeps an offer
// still open, since the edits it would bring back are the same.
import type { Action } from '../app-state/update';
import type { AppState, LabState } from '../app-state/app-state';
import { designHasEdits, labHasEdits } from '../app-state/lab-edits';
import { MESSAGES } from '../messages/ui';
import { el } from './dom';
import type { ViewContext } from './views/view';

export interface LabUndo {
  /** The offer: placed beside the control that replaced the lab, hidden when there is none. */
  element: HTMLElement;
  /** Dispatches `action` (one that replaces the lab) and offers Undo beside `near` where edits were replaced. */
  replace(action: Action, near: HTMLElement): void;
  /** A new state: a lab changed since the offer withdraws it. */
  sync(state: AppState): void;
}

interface Offer {
  before: Pick<AppState, 'lab' | 'design'>;
  /** The lab the replacement left: any other lab means the user acted since. */
  after: LabState;
}

export function mountLabUndo(ctx: ViewContext): LabUndo {
  let offer: Offer | null = null;
  const text = el('span');
  const button = el('button', { class: 'link-button', text: MESSAGES.lab.undoReplace, attrs: { type: 'button', 'data-control': 'lab-undo' } });
  const element = el('p', { class: 'marks-legend', attrs: { 'aria-live': 'polite', 'data-lab-undo': '' } }, [text, ' ', button]);
  element.hidden = true;
  const show = (next: Offer | null, near: HTMLElement | null) => {
    offer = next;
    element.hidden = next === null;
    text.textContent = next === null ? '' : MESSAGES.lab.editsReplaced(next.before.lab.chip.name);
    if (near !== null) near.after(element);
  };
  button.addEventListener('click', () => {
    if (offer === null) return;
    const { before } = offer;
    show(null, null);
    ctx.dispatch({ type: 'lab-restore', lab: before.lab, design: before.design });
  });
  return {
    element,
    replace(action, near) {
      const state = ctx.state();
      // Design mode's chip is derived from its sliders: there the design's own edits are what would be lost.
      const edited = state.design === null ? labHasEdits(state, ctx.catalog) : designHasEdits(state.design);
      const open = offer !== null && offer.after === state.lab ? offer.before : null;
      const before = edited ? { lab: state.lab, design: state.design } : open;
      if (ctx.dispatch(action)) show(before === null ? null : { before, after: ctx.state().lab }, near);
    },
    sync(state) {
      if (offer !== null && state.lab !== offer.after) show(null, null);
    },
  };
}
