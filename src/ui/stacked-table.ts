// A results table whose title stays put above it. Every cell carries its column name (data-label):
// narrow screens show each row as a stacked card instead of scrolling sideways (styles.css).

import { el } from './dom';

/** Gives each body cell its column name (data-label), which a narrow screen shows before the value. */
export function labelCells(columns: readonly string[], body: readonly HTMLElement[]): void {
  for (const tbody of body) {
    for (const tr of Array.from(tbody.children)) {
      Array.from(tr.children).forEach((cell, i) => {
        if (cell.tagName === 'TD' && !cell.hasAttribute('data-label') && columns[i] !== undefined) cell.setAttribute('data-label', columns[i]!);
      });
    }
  }
}

export function stackedTable(caption: string | null, columns: readonly string[], body: HTMLElement[], cls = ''): HTMLElement {
  labelCells(columns, body);
  const wrap = el('div', { class: 'table-wrap' }, [el('table', { class: `results stack-narrow ${cls}`.trim(), attrs: { 'aria-label': caption } }, [
    el('thead', {}, [el('tr', {}, columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })))]),
    ...body,
  ])]);
  return caption === null ? wrap : el('div', {}, [el('h2', { class: 'card-title', text: caption }), wrap]);
}

/** A text cell. */
export function td(text: string, cls?: string, title?: string): HTMLElement {
  return el('td', { text, class: cls, title });
}
