// Keeps the URL hash equal to the app state: every change is encoded into the hash (pushState for
// meaningful changes, replaceState for the steps of a continuous edit, see history-policy.ts);
// Back/Forward (popstate) and links pasted into the address bar are decoded and restored. Custom
// chips and models are saved to local storage whenever the user changes them.

import type { AppState } from '../app-state/app-state';
import type { Action } from '../app-state/update';
import type { Catalog } from '../catalog/catalog';
import type { StoredCustom } from '../url/custom-merge';
import { decodeLink, encodeLink, type DecodedLink } from '../url/link';
import { NOTHING_REMOVED, readStoredCustom, writeStoredCustom, type Removed } from '../url/stored-custom';
import type { Controller } from './controller';
import { HistoryPolicy, combine, type HistoryMode } from './history-policy';

/**
 * A drag's URL is written once the drag pauses this long, and at least this often during a long
 * one. Each write costs the page's thread the encoding plus about 10 ms of history.replaceState
 * (chip lab, headless Chromium); written every 120 ms, a 60-move drag made 11 writes (110 ms of
 * replaceState) that landed inside slider moves' chart updates, now 5 (30 ms).
 */
const REPLACE_QUIET_MS = 150;
const REPLACE_MAX_WAIT_MS = 1000;

export interface UrlSyncOptions {
  controller: Controller;
  catalog: Catalog;
  views: ReadonlySet<string>;
  storage: Storage | null;
  /** A link opened by Back/Forward or typed into the address bar (its messages, what it could not load). */
  onLinkMessages(decoded: DecodedLink): void;
}

/** What an action takes out of this browser's storage: only an explicit removal does. */
export function removedBy(action: Action): Removed {
  if (action.type === 'remove-custom-chip') return { chips: [action.id], models: [] };
  if (action.type === 'remove-custom-model') return { chips: [], models: [action.id] };
  return NOTHING_REMOVED;
}

/** The saved library plus what is loaded now (storage may be unavailable or behind). */
export function savedAndLoaded(storage: Storage | null, state: Pick<AppState, 'customChips' | 'customModels'>): StoredCustom {
  const saved = readStoredCustom(storage).stored;
  return {
    chips: [...saved.chips, ...state.customChips.filter((c) => !saved.chips.some((s) => s.id === c.id))],
    models: [...saved.models, ...state.customModels.filter((m) => !saved.models.some((s) => s.id === m.id))],
  };
}

export interface UrlSync {
  /** Writes any pending change now; resolves to the page's full URL. */
  flush(): Promise<string>;
  dispose(): void;
}

export function startUrlSync(options: UrlSyncOptions): UrlSync {
  const { controller, catalog, storage } = options;
  const policy = new HistoryPolicy();
  let pending: HistoryMode | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // When the oldest unwritten replace-step happened (null: none pending).
  let replaceSince: number | null = null;
  let chain: Promise<void> = Promise.resolve();
  // Bumped by Back/Forward: an encode started before it must not write its (older) state.
  let generation = 0;

  const write = (state = controller.state): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    replaceSince = null;
    const mode = pending;
    pending = null;
    if (mode === null) return chain;
    const started = generation;
    chain = chain.then(async () => {
      const hash = await encodeLink(state, catalog);
      if (started !== generation || hash === location.hash) return;
      if (mode === 'push') history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    }).catch(() => undefined);
    return chain;
  };

  const offAction = controller.onAction((action, state, previous) => {
    const now = performance.now();
    const mode = policy.decide(action, now);
    // The end of a drag keeps its own entry when a meaningful change follows at once.
    if (mode === 'push' && pending === 'replace') void write(previous);
    pending = combine(pending, mode);
    if (state.customChips !== previous.customChips || state.customModels !== previous.customModels) writeStoredCustom(storage, state, removedBy(action));
    if (timer !== null) clearTimeout(timer);
    if (pending === 'push') {
      // Same task: actions dispatched together ("select all") become one entry.
      timer = setTimeout(() => void write(), 0);
    } else {
      replaceSince ??= now;
      timer = setTimeout(() => void write(), Math.max(0, Math.min(REPLACE_QUIET_MS, replaceSince + REPLACE_MAX_WAIT_MS - now)));
    }
  });

  const onPopState = () => {
    generation += 1;
    pending = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    replaceSince = null;
    policy.reset();
    const mine = generation;
    void decodeLink(location.hash, catalog, savedAndLoaded(storage, controller.state), { views: options.views }).then((decoded) => {
      if (mine !== generation) return;
      controller.restore(decoded.state);
      options.onLinkMessages(decoded);
    });
  };
  window.addEventListener('popstate', onPopState);

  return {
    flush: async () => {
      await write();
      return location.href;
    },
    dispose: () => {
      offAction();
      window.removeEventListener('popstate', onPopState);
    },
  };
}
