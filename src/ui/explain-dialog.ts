// "How was this number computed?": the engine's explain entry for one result, with the chip
// profile's sources and estimate marks. Opened from any number button; state.explain drives it.

import { profileOf, resultForExplain } from '../app/selectors';
import type { Snapshot } from '../app/controller';
import type { ExplainEntry, HardwareProfile, SimulationResult } from '../engine/types';
import { formatBytes, formatNumber, formatSeconds, formatSi, formatUsd } from '../format/units';
import { el, replaceChildren } from './dom';
import { MESSAGES } from '../messages/ui';
import { designExplainEntry } from './design-explain';
import type { ViewContext } from './views/view';

const E = MESSAGES.explain;

export function formatValue(value: number | string, unit: string): string {
  if (typeof value === 'string') return unit === '' ? value : `${value} ${unit}`;
  if (unit === 's') return formatSeconds(value);
  if (unit === 'B') return formatBytes(value);
  if (unit === 'B/s' || unit === 'FLOP/s') return formatSi(value, unit);
  if (unit.startsWith('USD')) return `${formatUsd(value)}${unit.slice(3)}`;
  if (unit === '') return formatNumber(value, 4);
  return `${formatNumber(value, 4)} ${unit}`;
}

function related(result: SimulationResult, current: string, open: (key: string) => void): HTMLElement[] {
  const others = result.explain.filter((e) => e.key !== current);
  if (others.length === 0) return [];
  return [el('h3', { text: E.related }), el('div', { class: 'link-buttons related' }, others.map((e) => el('button', {
    class: 'secondary small', text: e.label, attrs: { type: 'button', 'data-explain-related': e.key },
    on: { click: () => open(e.key) },
  })))];
}

function body(entry: ExplainEntry | undefined, result: SimulationResult, profile: HardwareProfile | undefined, open: (key: string) => void): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (entry === undefined) return [el('p', { text: E.missing }), ...related(result, '', open)];
  out.push(el('p', { class: 'explain-value', text: formatValue(entry.value, entry.unit) }));
  out.push(el('h3', { text: E.formula }), el('p', { class: 'formula', text: entry.formula }));
  out.push(el('h3', { text: E.inputs }), el('table', { class: 'inputs' }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: E.input }), el('th', { text: E.value }), el('th', { text: E.source })])]),
    el('tbody', {}, entry.inputs.map((i) => el('tr', {}, [
      el('td', { text: i.name }),
      el('td', { class: 'v', text: formatValue(i.value, i.unit) }),
      el('td', { class: 'src', text: i.source ?? '' }),
    ]))),
  ]));
  if (result.estimateMarks.length > 0) {
    out.push(el('h3', { text: E.estimates }), el('ul', {}, result.estimateMarks.map((m) => el('li', { text: m }))));
  }
  if (profile !== undefined) {
    out.push(el('h3', { text: E.sources }));
    out.push(el('p', { class: 'src', text: E.efficiency(profile.efficiency.basis, profile.efficiency.note) }));
    out.push(el('ul', {}, Object.entries(profile.sources).map(([group, list]) => el('li', {}, [el('strong', { text: `${group}: ` }), (list ?? []).join('; ')]))));
  }
  out.push(...related(result, entry.key, open));
  return out;
}

export interface ExplainDialog {
  element: HTMLDialogElement;
  sync(snapshot: Snapshot): void;
}

export function mountExplainDialog(ctx: ViewContext): ExplainDialog {
  const title = el('h2', { id: 'explain-title' });
  const content = el('div', { class: 'dialog-body' });
  const close = el('button', { class: 'secondary', text: E.close, attrs: { type: 'button' } });
  const dialog = el('dialog', { attrs: { 'aria-labelledby': 'explain-title', 'data-dialog': 'explain' } }, [
    el('div', { class: 'dialog-head' }, [title, close]),
    content,
  ]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => ctx.dispatch({ type: 'close-explain' }));
  let shown = '';
  return {
    element: dialog,
    sync(snapshot) {
      const open = snapshot.state.explain;
      if (open === null) {
        shown = '';
        if (dialog.open) dialog.close();
        return;
      }
      const result = resultForExplain(snapshot, open.hardwareId);
      if (result === undefined) return;
      const key = `${open.hardwareId}|${open.key}|${result.tpotSeconds}|${result.usdPerMillionOutputTokens}`;
      if (key === shown && dialog.open) return;
      shown = key;
      const profile = profileOf(snapshot.state, ctx.catalog, open.hardwareId);
      const entry = result.explain.find((e) => e.key === open.key) ?? designExplainEntry(profile, open.key);
      title.textContent = E.title(entry?.label ?? open.key, profile?.name ?? open.hardwareId);
      const openKey = (key: string) => ctx.dispatch({ type: 'open-explain', hardwareId: open.hardwareId, key });
      replaceChildren(content, body(entry, result, profile, openKey));
      content.scrollTop = 0;
      if (!dialog.open) dialog.showModal();
    },
  };
}
