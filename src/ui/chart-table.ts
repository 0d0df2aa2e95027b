// A chart's numbers as a table under it, behind "Show the numbers as a table": the text
// alternative of a chart drawn on canvas, which a screen reader or keyboard cannot read, and the
// exact values a tooltip gives only to a mouse.

import { el, replaceChildren } from './dom';

export interface ChartTable {
  element: HTMLDetailsElement;
  /** Shows the rows (strings as they read); no rows hides the table. */
  show(caption: string, columns: readonly string[], rows: readonly (readonly string[])[]): void;
}

export function mountChartTable(summary: string, key: string): ChartTable {
  const slot = el('div', { class: 'table-wrap' });
  const element = el('details', { class: 'card size-table', attrs: { 'data-chart-table': key } }, [el('summary', { text: summary }), slot]);
  element.hidden = true;
  return {
    element,
    show(caption, columns, rows) {
      element.hidden = rows.length === 0;
      replaceChildren(slot, rows.length === 0 ? [] : [el('table', { class: 'results' }, [
        // In a span: the caption wraps within the visible box and stays in view when the table scrolls (styles.css).
        el('caption', {}, [el('span', { text: caption })]),
        el('thead', {}, [el('tr', {}, columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })))]),
        // The first column names the row; the others hold its numbers (right-aligned, as in every results table).
        el('tbody', {}, rows.map((r) => el('tr', {}, r.map((cell, i) => (i === 0 ? el('th', { text: cell, attrs: { scope: 'row' } }) : el('td', { text: cell })))))),
      ])]);
    },
  };
}
