// The page: load the bundled catalog, open the link in the URL (if any) with this browser's saved
// custom chips and models, start the first jobs on the pool main.ts started, mount the page, and
// keep the URL in step with the state.

import { Controller } from './app/controller';
import { startUrlSync } from './app/url-sync';
import { loadBundledCatalog } from './catalog/load-bundled';
import { loadVega } from './ui/chart-host';
import { LINK } from './messages/link';
import { mountCopyLink, mountLinkNotice } from './ui/share-link';
import { mountShell } from './ui/shell';
import { VIEW_IDS, viewDef } from './ui/views/registry';
import type { Message } from './messages/message';
import { hasUnloaded } from './url/custom-merge';
import { decodeLink, type DecodedLink } from './url/link';
import { browserStorage, readStoredCustom } from './url/stored-custom';
import type { ComputePool } from './worker-client';

export async function startPage(pool: ComputePool): Promise<void> {
  // Fetch the chart library while the link is read and the workers compute the first results.
  void loadVega();
  const { catalog, problems } = loadBundledCatalog();
  const storage = browserStorage();
  const saved = readStoredCustom(storage);
  const opened = await decodeLink(location.hash, catalog, saved.stored, { views: VIEW_IDS });
  const controller = new Controller(catalog, pool, VIEW_IDS, (view) => viewDef(view)?.channels ?? [], opened.state);
  const notice = mountLinkNotice();
  const showLink = (decoded: DecodedLink, extra: Message[] = []) => notice.show([...decoded.messages, ...extra], decoded.status === 'unreadable',
    hasUnloaded(decoded.unloaded) ? () => controller.dispatch({ type: 'swap-in-custom', incoming: decoded.unloaded }) : null);
  showLink(opened, saved.skipped > 0 ? [LINK.storedUnreadable(saved.skipped)] : []);
  const sync = startUrlSync({ controller, catalog, views: VIEW_IDS, storage, onLinkMessages: (decoded) => showLink(decoded) });
  const copy = mountCopyLink(() => sync.flush());
  const root = document.getElementById('app');
  if (root !== null) {
    // The first jobs go out before the page is built; results arriving later reach the views
    // through the controller's snapshot.
    controller.schedule();
    mountShell(root, controller, catalog, problems, { actions: [copy.element], notices: [notice.element], saved: () => readStoredCustom(storage).stored });
  }
}
