// The page frame: header with navigation (from the view registry), status line with progress,
// the active view, and the explain dialog. Views are mounted on first visit and kept.

import type { Controller, Snapshot } from '../app/controller';
import type { Catalog } from '../catalog/catalog';
import { NO_STORED, type StoredCustom } from '../url/custom-merge';
import { el } from './dom';
import { activeResults, jumpButton } from './jump';
import { mountQuestionsMenu } from './questions-menu';
import { mountExplainDialog } from './explain-dialog';
import { installFocusKeeper } from './focus-keeper';
import { onLayoutChange } from './layout';
import { MESSAGES } from '../messages/ui';
import { mountProgress } from './progress';
import { VIEWS, viewDef } from './views/registry';
import type { MountedView, ViewContext } from './views/view';

export interface ShellExtras {
  /** More header buttons (Copy link). */
  actions?: HTMLElement[];
  /** Notices shown under the status line (what a link could not restore). */
  notices?: HTMLElement[];
  /** This browser's saved custom chips and models. */
  saved?: () => StoredCustom;
}

export function mountShell(root: HTMLElement, controller: Controller, catalog: Catalog, catalogProblems: readonly string[], extras: ShellExtras = {}): void {
  installFocusKeeper();
  const ctx: ViewContext = { catalog, dispatch: (action) => controller.dispatch(action), saved: extras.saved ?? (() => NO_STORED), state: () => controller.state };
  const navButtons = new Map(VIEWS.map((v) => [v.id, el('button', {
    text: v.label, attrs: { type: 'button', 'data-nav': v.id },
    on: { click: () => ctx.dispatch({ type: 'set-view', view: v.id }) },
  })]));
  const questions = mountQuestionsMenu(ctx);
  const importButton = el('button', { class: 'secondary', text: MESSAGES.import.button, attrs: { type: 'button', 'data-control': 'import-open' } });
  importButton.addEventListener('click', () => { void import('./import-dialog').then((m) => m.openImportDialog(ctx)); });
  const progress = mountProgress();
  const notice = el('span', { attrs: { 'data-status': '' } });
  const status = el('div', { class: 'status-line', attrs: { role: 'status' } }, [progress.text, ' ', notice]);
  const main = el('main', { attrs: { id: 'main' } });
  const explain = mountExplainDialog(ctx);
  // First stop of the Tab key: straight to the active view's results (past header and controls).
  const skip = jumpButton(MESSAGES.skipToResults, 'skip-link', 'skip-to-results', activeResults);
  root.replaceChildren(
    skip,
    progress.bar,
    el('header', { class: 'app-header' }, [
      el('div', { class: 'brand' }, [el('span', { class: 'brand-name', text: MESSAGES.appTitle }), el('span', { class: 'brand-tagline', text: MESSAGES.appTagline })]),
      el('nav', { class: 'nav', attrs: { 'aria-label': 'Views' } }, [...navButtons.values()]),
      el('div', { class: 'header-actions' }, [questions.menu, ...(extras.actions ?? []), importButton]),
    ]),
    status,
    questions.guide,
    ...(extras.notices ?? []),
    main,
    explain.element,
  );

  const mounted = new Map<string, MountedView>();
  const loading = new Set<string>();
  let active: string | null = null;
  let latest: Snapshot = controller.snapshot();

  const showView = (id: string) => {
    const view = mounted.get(id);
    if (view === undefined) return;
    for (const [other, v] of mounted) v.element.hidden = other !== id;
    if (active !== id) {
      active = id;
      view.activate?.();
    }
    view.update(latest);
  };

  const render = (snapshot: Snapshot) => {
    latest = snapshot;
    const id = viewDef(snapshot.state.view) === undefined ? VIEWS[0]!.id : snapshot.state.view;
    for (const [viewId, button] of navButtons) {
      if (viewId === id) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    const notes: string[] = [];
    if (snapshot.fallback) notes.push(MESSAGES.status.mainThread);
    if (snapshot.error !== null) notes.push(MESSAGES.status.failed(snapshot.error));
    if (catalogProblems.length > 0) notes.push(MESSAGES.status.catalogProblems(catalogProblems.length));
    notice.textContent = notes.join(' · ');
    progress.sync(snapshot.progress);
    if (mounted.has(id)) showView(id);
    else if (!loading.has(id)) {
      loading.add(id);
      const def = viewDef(id)!;
      void def.load().then((mount) => {
        const view = mount(ctx);
        mounted.set(id, view);
        main.appendChild(view.element);
        loading.delete(id);
        if (viewDef(latest.state.view)?.id === id) showView(id);
        else view.element.hidden = true;
      });
    }
    explain.sync(snapshot);
  };

  controller.subscribe(render);
  onLayoutChange(() => render(latest));
  render(latest);
}
