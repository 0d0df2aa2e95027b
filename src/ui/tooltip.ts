// Chart tooltips built with text nodes only. Vega's default handler (vega-tooltip) writes HTML
// with innerHTML after escaping '<' and '&'; chip and model names come from strangers' links, so
// this handler never parses anything as HTML: titles and values become textContent.

import { el } from './dom';

type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

const OFFSET = 12;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value).slice(0, 200);
    } catch {
      return '';
    }
  }
  return String(value).slice(0, 400);
}

/** The tooltip content for a Vega tooltip value (an object of title -> value, or a plain value). */
export function tooltipContent(value: unknown): HTMLElement[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [el('div', { text: text(value) })];
  const { title, ...rest } = value as Record<string, unknown>;
  const rows = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => el('tr', {}, [el('td', { class: 'key', text: k }), el('td', { class: 'value', text: text(v) })]));
  return [
    ...(title === undefined || title === null || title === '' ? [] : [el('h2', { text: text(title) })]),
    ...(rows.length > 0 ? [el('table', {}, [el('tbody', {}, rows)])] : []),
  ];
}

let box: HTMLElement | null = null;

export const textTooltip: TooltipHandler = (_handler, event, _item, value) => {
  if (box === null || !box.isConnected) {
    box = el('div', { class: 'tc-tooltip', attrs: { role: 'tooltip', 'data-tooltip': '' } });
    document.body.appendChild(box);
  }
  if (value === null || value === undefined || value === '') {
    box.hidden = true;
    return;
  }
  box.replaceChildren(...tooltipContent(value));
  box.hidden = false;
  const { width, height } = box.getBoundingClientRect();
  const x = event.clientX + OFFSET + width > window.innerWidth ? event.clientX - OFFSET - width : event.clientX + OFFSET;
  const y = event.clientY + OFFSET + height > window.innerHeight ? event.clientY - OFFSET - height : event.clientY + OFFSET;
  box.style.left = `${Math.max(0, x)}px`;
  box.style.top = `${Math.max(0, y)}px`;
};
