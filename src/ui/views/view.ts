// The contract between the shell and a view: a view mounts once, then renders snapshots.

import type { Action } from '../../app-state/update';
import type { ChannelDef } from '../../app/channels';
import type { Snapshot } from '../../app/controller';
import type { AppState } from '../../app-state/app-state';
import type { Catalog } from '../../catalog/catalog';
import type { StoredCustom } from '../../url/custom-merge';

export interface ViewContext {
  catalog: Catalog;
  /** Applies an action; false when it was refused (e.g. a 21st custom chip). */
  dispatch(action: Action): boolean;
  /** Custom chips and models saved in this browser (all of them, loaded or not). */
  saved(): StoredCustom;
  /** The state now (for a dialog that must say what an action would repeat before it is sent). */
  state(): AppState;
}

export interface MountedView {
  element: HTMLElement;
  /** Renders a snapshot; called for every state or result change while the view is active. */
  update(snapshot: Snapshot): void;
  /** The view became visible again (charts re-measure their containers). */
  activate?(): void;
}

export type MountView = (ctx: ViewContext) => MountedView;

export interface ViewDef {
  /** Stable id, stored in AppState.view (and in shared links). */
  id: string;
  label: string;
  /** What the view needs computed while it is active. */
  channels: readonly ChannelDef<unknown>[];
  /** The view's module; lazy for views the landing page does not need. */
  load(): Promise<MountView>;
}
