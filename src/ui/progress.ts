// Progress of long computations: a thin bar and a status line, shown only when a run has lasted
// more than SHOW_AFTER_MS (quick updates should not flicker).

import type { Progress } from '../worker-client';
import { el } from './dom';
import { MESSAGES } from '../messages/ui';

export const SHOW_AFTER_MS = 150;

export interface ProgressIndicator {
  bar: HTMLElement;
  text: HTMLElement;
  sync(progress: Progress | null): void;
}

export function mountProgress(): ProgressIndicator {
  const fill = el('div', { class: 'progress-bar' });
  const bar = el('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-label': 'Computation progress', 'aria-valuemin': 0, 'aria-valuemax': 100, hidden: true } }, [fill]);
  const text = el('span', { attrs: { 'data-progress': '' } });
  let latest: Progress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const draw = () => {
    const p = latest;
    const visible = p !== null && performance.now() - p.startedAt >= SHOW_AFTER_MS;
    bar.hidden = !visible;
    if (!visible || p === null) {
      text.textContent = '';
      return;
    }
    const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
    fill.style.width = `${Math.max(3, pct)}%`;
    bar.setAttribute('aria-valuenow', String(pct));
    text.textContent = MESSAGES.status.computing(p.done, p.total);
  };
  return {
    bar,
    text,
    sync(progress) {
      latest = progress;
      draw();
      if (progress !== null && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          draw();
        }, SHOW_AFTER_MS);
      }
    },
  };
}
