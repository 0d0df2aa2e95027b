// "Add to comparison" in the chip lab (edit and design modes): adds the lab's chip, and says what
// happened: added, added under a numbered name (its name was taken), not added (the same chip is
// already listed), or not added (the custom-chip limit).
import { labChipDuplicate } from '../app-state/import-duplicate';
import { MAX_CUSTOM } from '../app-state/custom-items';
import { MESSAGES } from '../messages/ui';
import type { ViewContext } from './views/view';

export function saveLabChip(ctx: ViewContext): string {
  const state = ctx.state();
  const duplicate = labChipDuplicate(state, ctx.catalog);
  if (duplicate?.kind === 'same-figures') return MESSAGES.import.sameChip(duplicate.name);
  if (!ctx.dispatch({ type: 'lab-save' })) return MESSAGES.controls.addRefused(MAX_CUSTOM);
  return duplicate?.kind === 'same-name' ? MESSAGES.import.sameName(duplicate.name, duplicate.freeName) : MESSAGES.controls.added(state.lab.chip.name);
}
