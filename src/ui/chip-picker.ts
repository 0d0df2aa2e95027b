// Which chips to compare, grouped by vendor, each with how many chips it may use.

import type { AppState, ChipCount } from '../app-state/app-state';
import { defaultChipCount } from '../app-state/defaults';
import { allChips } from '../app-state/lookup';
import { MAX_CUSTOM } from '../app-state/update';
import { chipColorMap } from '../app/selectors';
import { MARK_LEGEND, chipLabel, markNotes } from '../charts/chip-series';
import type { HardwareProfile } from '../engine/types';
import { el, syncValue, uid } from './dom';
import { MESSAGES, chipsText } from '../messages/ui';
import type { ViewContext } from './views/view';
import { compareText } from '../format/compare-text';

const M = MESSAGES.controls;
const COUNTS = [1, 2, 4, 8, 16, 32, 64, 72, 128, 256];

export interface ChipPicker {
  element: HTMLElement;
  sync(state: AppState): void;
}

interface Row {
  checkbox: HTMLInputElement;
  count: HTMLSelectElement | null;
}

function countOptions(select: HTMLSelectElement, current: ChipCount): void {
  const values = new Set<string>(['auto', ...COUNTS.map(String), String(current)]);
  const sorted = [...values].sort((a, b) => (a === 'auto' ? -1 : b === 'auto' ? 1 : Number(a) - Number(b)));
  if ([...select.options].map((o) => o.value).join() === sorted.join()) return;
  select.replaceChildren(...sorted.map((v) => el('option', { text: v === 'auto' ? 'auto' : chipsText(Number(v)), attrs: { value: v } })));
}

export function mountChipPicker(ctx: ViewContext, options: { showCounts: boolean }): ChipPicker {
  const summary = el('summary');
  const list = el('div', { class: 'chip-list' });
  const rows = new Map<string, Row>();
  let listKey = '';
  const selectAll = el('button', { class: 'link-button', text: M.selectAll, attrs: { type: 'button' } });
  const selectNone = el('button', { class: 'link-button', text: M.selectNone, attrs: { type: 'button' } });
  let known: HardwareProfile[] = [];
  let picked = new Set<string>();
  selectAll.addEventListener('click', () => { for (const c of known) if (!picked.has(c.id)) ctx.dispatch({ type: 'toggle-chip', id: c.id, on: true }); });
  selectNone.addEventListener('click', () => { for (const id of [...picked]) ctx.dispatch({ type: 'toggle-chip', id, on: false }); });
  // Saved in this browser but not loaded (over the cap of custom chips at once), each loadable.
  const savedList = el('ul', { class: 'saved-list' });
  const savedTitle = el('p', { class: 'saved-title', text: M.savedNotLoaded(MAX_CUSTOM) });
  const saved = el('div', { class: 'saved-not-loaded', attrs: { 'data-saved-not-loaded': '' } }, [savedTitle, savedList]);
  saved.hidden = true;
  let savedKey: unknown = null;
  const syncSaved = (state: AppState) => {
    if (savedKey === state.customChips) return;
    savedKey = state.customChips;
    const loaded = new Set(state.customChips.map((c) => c.id));
    const notLoaded = ctx.saved().chips.filter((c) => !loaded.has(c.id));
    saved.hidden = notLoaded.length === 0;
    savedList.replaceChildren(...notLoaded.map((chip) => el('li', {}, [
      el('span', { text: chip.name }), ' ',
      el('button', {
        class: 'link-button', text: M.loadSaved,
        attrs: { type: 'button', 'aria-label': `${M.loadSaved}: ${chip.name}`, 'data-load-saved': chip.id },
        on: { click: () => ctx.dispatch({ type: 'swap-in-custom', incoming: { chips: [chip], models: [], picks: [{ id: chip.id, chips: defaultChipCount(chip) }] } }) },
      }),
    ])));
  };
  const element = el('details', { class: 'panel chip-picker', attrs: { open: true } }, [
    summary, el('div', { class: 'link-buttons' }, [selectAll, selectNone]), list, saved,
    // The marks on chip names, explained where they first appear.
    el('p', { class: 'marks-legend', text: MARK_LEGEND }),
  ]);

  const rebuild = (state: AppState, chips: HardwareProfile[]) => {
    const colors = chipColorMap(state, ctx.catalog);
    rows.clear();
    const byVendor = new Map<string, HardwareProfile[]>();
    for (const c of chips) byVendor.set(c.vendor, [...(byVendor.get(c.vendor) ?? []), c]);
    const children: HTMLElement[] = [];
    for (const [vendor, group] of [...byVendor].sort(([a], [b]) => compareText(a, b))) {
      children.push(el('div', { class: 'chip-vendor', text: vendor }));
      for (const chip of group) {
        const id = uid('chip');
        const checkbox = el('input', {
          id, attrs: { type: 'checkbox', 'data-chip': chip.id },
          on: { change: () => ctx.dispatch({ type: 'toggle-chip', id: chip.id, on: checkbox.checked }) },
        });
        let count: HTMLSelectElement | null = null;
        if (options.showCounts) {
          const select = el('select', {
            attrs: { 'aria-label': `${M.chipCount}: ${chip.name}`, 'data-chip-count': chip.id },
            on: { change: () => ctx.dispatch({ type: 'set-chip-count', id: chip.id, chips: select.value === 'auto' ? 'auto' : Number(select.value) }) },
          });
          count = select;
        }
        const swatch = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
        swatch.style.background = colors.get(chip.id) ?? '#999';
        const title = [chip.status === 'announced' ? `${chip.name} (announced, not shipping)` : chip.name, ...markNotes(chip)].join('\n');
        const custom = state.customChips.some((c) => c.id === chip.id);
        const remove = custom
          ? el('button', {
            class: 'link-button', text: M.customChipRemove,
            attrs: { type: 'button', 'aria-label': `${M.customChipRemove} ${chip.name}`, 'data-remove-chip': chip.id },
            on: { click: () => ctx.dispatch({ type: 'remove-custom-chip', id: chip.id }) },
          })
          : el('span');
        children.push(el('div', { class: 'chip-row' }, [
          checkbox,
          el('label', { attrs: { for: id }, title }, [swatch, chipLabel(chip)]),
          count ?? el('span'),
          remove,
        ]));
        rows.set(chip.id, { checkbox, count });
      }
    }
    list.replaceChildren(...children);
  };

  return {
    element,
    sync(state) {
      syncSaved(state);
      known = allChips(state, ctx.catalog);
      picked = new Set(state.compare.picks.map((p) => p.id));
      const key = known.map((c) => `${c.id}:${c.name}`).join(',');
      if (key !== listKey) {
        listKey = key;
        rebuild(state, known);
      }
      summary.textContent = M.chipsCount(picked.size, known.length);
      const counts = new Map(state.compare.picks.map((p) => [p.id, p.chips]));
      for (const [id, row] of rows) {
        row.checkbox.checked = picked.has(id);
        if (row.count !== null) {
          const c = counts.get(id);
          row.count.disabled = c === undefined;
          const chip = known.find((k) => k.id === id);
          const value = c ?? (chip === undefined ? 8 : 'auto');
          countOptions(row.count, value);
          syncValue(row.count, String(value));
        }
      }
    },
  };
}
