// "Export results" buttons: CSV and JSON of what the view shows.

import { el } from './dom';
import { downloadText } from './download';
import { MESSAGES } from '../messages/ui';

export interface ExportSource {
  /** File name without extension. */
  name: string;
  csv(): string | null;
  json(): string | null;
}

export function exportButtons(source: ExportSource): HTMLElement {
  const button = (kind: 'csv' | 'json') => el('button', {
    class: 'secondary small', text: MESSAGES.export[kind],
    attrs: { type: 'button', 'data-export': `${source.name}-${kind}`, 'aria-label': `${MESSAGES.export.results} (${kind.toUpperCase()})` },
    on: {
      click: () => {
        const text = kind === 'csv' ? source.csv() : source.json();
        if (text !== null) downloadText(text, `${source.name}.${kind}`, kind === 'csv' ? 'text/csv' : 'application/json');
      },
    },
  });
  return el('div', { class: 'group' }, [el('span', { text: MESSAGES.export.results }), button('csv'), button('json')]);
}
