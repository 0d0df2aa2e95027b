// Keeps the URL hash equal to the app state: every change is encoded into the hash (pushState for
// meaningful changes, replaceState for the steps of a continuous edit, see history-policy.ts);
// Back/Forward (popstate) and links pasted into the address bar are decoded and restored. Custom
// chips and models are saved to local storage whenever the user changes them.

import type { Message } from '../messages/message';
import type { Catalog } from '../catalog/catalog';
import { decodeLink, encodeLink } from '../url/link';
import { writeStoredCustom } from '../url/stored-custom';
import type { Controller } from './controller';
import { HistoryPolicy, combine, type HistoryMode } from './history-policy';

/** Replace-writes (drags) wait this long, so a drag encodes a few times a second, not per event. */
const REPLACE_DELAY_MS = 120;

export interface UrlSyncOptions {
  controller: Controller;
  catalog: Catalog;
  views: ReadonlySet<string>;
  storage: Storage | null;
  /** Messages of a link opened by Back/Forward or typed into the address bar. */
  onLinkMessages(messages: Message[], unreadable: boolean): void;
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
  let chain: Promise<void> = Promise.resolve();
  // Bumped by Back/Forward: an encode started before it must not write its (older) state.
  let generation = 0;

  const write = (state = controller.state): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
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
    const mode = policy.decide(action, performance.now());
    // The end of a drag keeps its own entry when a meaningful change follows at once.
    if (mode === 'push' && pending === 'replace') void write(previous);
    pending = combine(pending, mode);
    if (state.customChips !== previous.customChips || state.customModels !== previous.customModels) writeStoredCustom(storage, state);
    if (pending === 'push') {
      // Same task: actions dispatched together ("select all") become one entry.
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void write(), 0);
    } else timer ??= setTimeout(() => void write(), REPLACE_DELAY_MS);
  });

  const onPopState = () => {
    generation += 1;
    pending = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    policy.reset();
    const mine = generation;
    const current = controller.state;
    void decodeLink(location.hash, catalog, { chips: current.customChips, models: current.customModels }, { views: options.views }).then((decoded) => {
      if (mine !== generation) return;
      controller.restore(decoded.state);
      options.onLinkMessages(decoded.messages, decoded.status === 'unreadable');
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
