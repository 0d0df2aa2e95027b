// When a state change gets its own Back/Forward entry. Meaningful changes (view, model, chips,
// pricing mode...) push an entry; the steps of one continuous edit (a slider drag, typing in the
// same field again) replace the entry their first step pushed, so Back undoes the whole edit;
// opening an explanation never adds an entry.

import type { Action } from '../app-state/update';

export type HistoryMode = 'push' | 'replace';

/** Steps closer together than this on the same control are one edit. */
export const CONTINUOUS_EDIT_MS = 1500;

/** The control a continuous edit works on; null for one-shot actions. */
export function editKey(action: Action): string | null {
  switch (action.type) {
    case 'lab-set': return `lab-set:${action.param}`;
    case 'set-setting': return `set-setting:${action.field}`;
    case 'lab-set-name': return 'lab-set-name';
    case 'set-sweep-sizes': return 'set-sweep-sizes';
    default: return null;
  }
}

function quiet(action: Action): boolean {
  return action.type === 'open-explain' || action.type === 'close-explain';
}

export class HistoryPolicy {
  private lastKey: string | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  decide(action: Action, now: number): HistoryMode {
    if (quiet(action)) return 'replace';
    const key = editKey(action);
    const mode: HistoryMode = key !== null && key === this.lastKey && now - this.lastAt < CONTINUOUS_EDIT_MS ? 'replace' : 'push';
    this.lastKey = key;
    this.lastAt = now;
    return mode;
  }

  /** After Back/Forward: the next edit starts a new entry. */
  reset(): void {
    this.lastKey = null;
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}

/** Several actions written at once (e.g. "select all"): one entry, pushed if any step pushes. */
export function combine(a: HistoryMode | null, b: HistoryMode): HistoryMode {
  return a === 'push' || b === 'push' ? 'push' : 'replace';
}
