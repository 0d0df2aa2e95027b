// "Add to comparison" in the chip lab (edit and design modes): adds the lab's chip, and says what
// happened: added, added under a numbered name (its name was taken), not added (the same chip is
// already listed), or not added (the custom-chip limit).
import { labChipDuplicate } from '../app-state/import-duplicate';
import { MAX_CUSTOM } from '../app-state/custom-items';
import { MESSAGES } from '../messages/ui';
import type { ViewContext } from './views/view';

/** `scope`: the fields the chip comes from; one showing refused text is not in it, and that is said (as Copy link says it). */
export function saveLabChip(ctx: ViewContext, scope: ParentNode): string {
  const state = ctx.state();
  const duplicate = labChipDuplicate(state, ctx.catalog);
  if (duplicate?.kind === 'same-figures') return MESSAGES.import.sameChip(duplicate.name);
  if (!ctx.dispatch({ type: 'lab-save' })) return MESSAGES.controls.addRefused(MAX_CUSTOM);
  const added = duplicate?.kind === 'same-name' ? MESSAGES.import.sameName(duplicate.name, duplicate.freeName) : MESSAGES.controls.added(state.lab.chip.name);
  // Shown fields only: the other mode's (edit or design) are hidden and not what the chip comes from.
  const refused = [...scope.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')].filter((i) => i.offsetParent !== null).length;
  return refused === 0 ? added : `${added} ${MESSAGES.controls.addedWithoutRefused(refused)}`;
}
