// "What price makes this chip match chip X on $/M tokens at this SLO?"

import type { AppState } from '../app-state/app-state';
import { defaultChipCount } from '../app-state/defaults';
import { allChips } from '../app-state/lookup';
import { breakEvenBasisNote } from '../app-state/pricing-notes';
import type { BreakEvenResult } from '../engine/analysis/break-even';
import { formatUsd, formatUsdCents } from '../format/units';
import { el, syncValue, uid } from './dom';
import { MESSAGES } from '../messages/ui';
import type { ViewContext } from './views/view';

const L = MESSAGES.lab;

export interface BreakEvenPanel {
  element: HTMLElement;
  sync(state: AppState, result: BreakEvenResult | null): void;
}

function describe(r: BreakEvenResult, targetName: string): string[] {
  const kind = r.priceKind === 'rental-usd-per-chip-hour' ? L.rentalKind : L.purchaseKind;
  // Prices as the lab's price boxes write them ("$63.70/h" there, "$63.70 per chip-hour" here).
  const price = r.priceKind === 'rental-usd-per-chip-hour' ? formatUsdCents : formatUsd;
  switch (r.status) {
    case 'ok':
      return [
        L.breakEvenOk(price(r.breakEvenPrice ?? 0), kind, targetName, formatUsd(r.targetUsdPerMillion ?? 0)),
        r.currentPrice === null ? '' : r.currentPriceEstimated
          ? L.breakEvenCurrentEstimated(`≈${price(r.currentPrice)} ${kind}`)
          : L.breakEvenCurrent(`${price(r.currentPrice)} ${kind}`),
      ];
    case 'unreachable': return [L.breakEvenUnreachable];
    case 'subject-infeasible': return [L.breakEvenSubjectInfeasible(r.subjectReason)];
    case 'target-infeasible': return [L.breakEvenTargetInfeasible(r.targetReason)];
  }
}

export function mountBreakEvenPanel(ctx: ViewContext): BreakEvenPanel {
  const id = uid('target');
  const select = el('select', { id, attrs: { 'data-control': 'break-even-target' }, on: { change: () => ctx.dispatch({ type: 'lab-set-target', id: select.value }) } });
  const output = el('div', { class: 'break-even-result', attrs: { 'aria-live': 'polite', 'data-break-even': '' } });
  const basis = el('p', { class: 'hint inactive', attrs: { 'data-break-even-basis': '' } });
  let key = '';
  const element = el('section', { class: 'card' }, [
    el('h2', { class: 'panel-title', text: L.breakEvenTitle }),
    el('p', { class: 'view-intro', text: L.breakEvenIntro }),
    el('div', { class: 'field-wide' }, [el('label', { text: MESSAGES.controls.breakEvenTarget, attrs: { for: id } }), select]),
    output,
    basis,
  ]);
  return {
    element,
    sync(state, result) {
      const chips = allChips(state, ctx.catalog);
      const k = chips.map((c) => c.id).join(',');
      if (k !== key) {
        key = k;
        select.replaceChildren(...chips.map((c) => el('option', { text: c.name, attrs: { value: c.id } })));
      }
      syncValue(select, state.lab.breakEvenTargetId);
      const targetChip = chips.find((c) => c.id === state.lab.breakEvenTargetId);
      const target = targetChip?.name ?? state.lab.breakEvenTargetId;
      // The lab starts matched against its own original: until the chip is edited that is its own price.
      const ownOriginal = state.design === null && targetChip !== undefined && state.lab.breakEvenTargetId === state.lab.baseId
        && Object.keys(state.lab.chip.entered ?? {}).length === 0 && state.lab.chips === defaultChipCount(targetChip);
      const lines = result === null ? [] : [...describe(result, target), ownOriginal ? L.breakEvenOwnOriginal : ''];
      output.replaceChildren(...lines.filter((t) => t !== '').map((t) => el('p', { text: t })));
      const note = targetChip === undefined ? null : breakEvenBasisNote(state, targetChip);
      basis.textContent = note ?? '';
      basis.hidden = note === null;
    },
  };
}
