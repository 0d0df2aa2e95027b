// "Export results" buttons: CSV and JSON of what the view shows.

import { exportFileName, type ExportContext } from '../export/context';
import { el } from './dom';
import { downloadText } from './download';
import { MESSAGES } from '../messages/ui';

export interface ExportSource {
  /** What is exported ("compare"): the buttons' test ids and the start of the file name. */
  name: string;
  /** The workload the shown results belong to (file name, columns); null before any result. */
  context(): ExportContext | null;
  csv(context: ExportContext): string | null;
  json(context: ExportContext): string | null;
}

/** An export whose files are not named by a scenario's workload (the Market view's own request). */
export interface FileExportSource<C> {
  name: string;
  /** The text before the buttons and in their labels. */
  label: string;
  /** What the shown results belong to; null before any result. */
  context(): C | null;
  fileName(context: C, kind: 'csv' | 'json'): string;
  csv(context: C): string | null;
  json(context: C): string | null;
}

export function exportButtons(source: ExportSource): HTMLElement {
  return fileExportButtons({ ...source, label: MESSAGES.export.results, fileName: (c, kind) => exportFileName(source.name, c, kind) });
}

export function fileExportButtons<C>(source: FileExportSource<C>): HTMLElement {
  // A click while nothing is shown yet says so (the button would otherwise do nothing at all).
  const status = el('span', { class: 'hint', attrs: { 'aria-live': 'polite', 'data-export-status': source.name } });
  const button = (kind: 'csv' | 'json') => el('button', {
    class: 'secondary small', text: MESSAGES.export[kind],
    attrs: { type: 'button', 'data-export': `tokencost-${source.name}-${kind}`, 'aria-label': `${source.label} (${kind.toUpperCase()})` },
    on: {
      click: () => {
        const context = source.context();
        const text = context === null ? null : kind === 'csv' ? source.csv(context) : source.json(context);
        status.textContent = text === null ? MESSAGES.export.notReady : '';
        if (context !== null && text !== null) downloadText(text, source.fileName(context, kind), kind === 'csv' ? 'text/csv' : 'application/json');
      },
    },
  });
  return el('div', { class: 'group' }, [el('span', { text: source.label }), button('csv'), button('json'), status]);
}
