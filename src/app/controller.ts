// Holds the app state, applies actions through the pure update function, and keeps the results of
// the active view's channels current by running them on the worker pool. No DOM here: the UI
// subscribes and renders snapshots.

import type { AppState } from '../app-state/app-state';
import { update, type Action } from '../app-state/update';
import type { Catalog } from '../catalog/catalog';
import type { ComputePool, Progress } from '../worker-client';
import type { ChannelDef } from './channels';

export interface ChannelResult<T = unknown> {
  key: string;
  value: T;
  problems: string[];
}

export interface Snapshot {
  state: AppState;
  results: ReadonlyMap<string, ChannelResult>;
  /** Combined progress of the running channels; null when idle. */
  progress: Progress | null;
  /** Channels whose shown result is out of date (running, or waiting for a pause in typing). */
  pending: ReadonlySet<string>;
  error: string | null;
  fallback: boolean;
  /** How many times the whole state was replaced (a link opened, Back/Forward): fields drop refused text then. */
  restores: number;
}

/**
 * Longest wait of an action's render for its quick results (see notifySoon): below the ~100 ms at
 * which a control's own readout starts to feel late.
 */
export const NOTIFY_WAIT_MS = 50;

export type Listener = (snapshot: Snapshot) => void;
/**
 * Told of every action that changed the state (URL sync, persistence), before listeners render, so
 * what they persist (the saved custom chips) is current when the page is drawn.
 */
export type ActionListener = (action: Action, state: AppState, previous: AppState) => void;

export class Controller {
  private current: AppState;
  private readonly results = new Map<string, ChannelResult>();
  /** Earlier results of the channels that keep some (ChannelDef.keep), oldest first. */
  private readonly kept = new Map<string, ChannelResult[]>();
  private readonly running = new Map<string, { key: string; progress: Progress }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<Listener>();
  private readonly actionListeners = new Set<ActionListener>();
  private error: string | null = null;
  private restores = 0;
  /** The render an action's state waits for: its quick channels' results, or this timer. */
  private deferredNotify: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly catalog: Catalog,
    private readonly pool: ComputePool,
    private readonly views: ReadonlySet<string>,
    private readonly channelsByView: (view: string) => readonly ChannelDef<unknown>[],
    initial: AppState,
  ) {
    this.current = initial;
  }

  get state(): AppState {
    return this.current;
  }

  snapshot(): Snapshot {
    let progress: Progress | null = null;
    for (const { progress: p } of this.running.values()) {
      progress = progress === null ? { ...p } : { channel: progress.channel, done: progress.done + p.done, total: progress.total + p.total, startedAt: Math.min(progress.startedAt, p.startedAt) };
    }
    // A copy: a snapshot never changes after it was taken.
    const pending = new Set([...this.running.keys(), ...this.timers.keys()]);
    return { state: this.current, results: new Map(this.results), progress, pending, error: this.error, fallback: this.pool.fallback, restores: this.restores };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onAction(listener: ActionListener): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  /** Applies an action; false when the update function refused it (nothing changed). */
  dispatch(action: Action): boolean {
    const previous = this.current;
    const next = update(this.current, action, { catalog: this.catalog, views: this.views });
    if (next === this.current) return false;
    this.current = next;
    for (const listener of this.actionListeners) listener(action, next, previous);
    if (this.schedule() && next.view === previous.view) this.notifySoon();
    else this.notify();
    return true;
  }

  /** Replaces the whole state (a link opened, Back/Forward); not an action, so not written back. */
  restore(state: AppState): void {
    if (state === this.current) return;
    this.current = state;
    this.restores += 1;
    this.schedule();
    this.notify();
  }

  /**
   * Starts (or debounces) every channel of the active view whose inputs changed. True when it
   * started runs without a pause and each of them replaces a result already shown (a slider move).
   */
  schedule(): boolean {
    let replacing = false;
    let fresh = false;
    for (const channel of this.channelsByView(this.current.view)) {
      const plan = channel.plan(this.current, this.catalog);
      if (plan === null) {
        this.results.delete(channel.name);
        this.pool.cancel(channel.name);
        this.running.delete(channel.name);
        continue;
      }
      if (this.results.get(channel.name)?.key === plan.key || this.running.get(channel.name)?.key === plan.key) continue;
      const earlier = this.kept.get(channel.name)?.find((r) => r.key === plan.key);
      if (earlier !== undefined) {
        // Inputs seen before: their result replaces whatever was running or waiting for them.
        this.stop(channel.name);
        this.show(channel, earlier);
        continue;
      }
      const start = () => {
        this.timers.delete(channel.name);
        this.start(channel, plan.key, plan);
      };
      const pending = this.timers.get(channel.name);
      if (pending !== undefined) clearTimeout(pending);
      if (channel.debounceMs > 0) {
        // A running result is for inputs that just changed: drop its queued jobs now, not when the
        // pause ends, so they do not hold the workers while the user is still dragging.
        if (this.running.has(channel.name)) {
          this.pool.cancel(channel.name);
          this.running.delete(channel.name);
        }
        this.timers.set(channel.name, setTimeout(start, channel.debounceMs));
      } else {
        if (this.results.has(channel.name)) replacing = true;
        else fresh = true;
        start();
      }
    }
    return replacing && !fresh;
  }

  private start(channel: ChannelDef<unknown>, key: string, plan: NonNullable<ReturnType<ChannelDef<unknown>['plan']>>): void {
    const progress: Progress = { channel: channel.name, done: 0, total: plan.jobs.length, startedAt: performance.now() };
    this.running.set(channel.name, { key, progress });
    this.pool.run<unknown>(channel.name, plan.jobs, (p) => {
      const entry = this.running.get(channel.name);
      if (entry?.key !== key) return;
      entry.progress = p;
      // Progress of multi-job runs only: single jobs finish with their result.
      if (p.total > 1 && p.done < p.total) this.notify();
    }, channel.priority).then(
      (outcome) => {
        if (outcome.stale) return;
        if (this.running.get(channel.name)?.key === key) this.running.delete(channel.name);
        this.error = null;
        this.show(channel, { key, value: plan.assemble(outcome.results), problems: plan.problems });
      },
      (error: unknown) => {
        if (this.running.get(channel.name)?.key === key) this.running.delete(channel.name);
        this.error = error instanceof Error ? error.message : String(error);
        this.notify();
      },
    );
  }

  /** Drops a channel's debounce timer and its running jobs. */
  private stop(name: string): void {
    const pending = this.timers.get(name);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(name);
    if (this.running.has(name)) this.pool.cancel(name);
    this.running.delete(name);
  }

  /** Shows a channel's result, and keeps it if the channel keeps results (ChannelDef.keep). */
  private show(channel: ChannelDef<unknown>, result: ChannelResult): void {
    this.results.set(channel.name, result);
    const keep = channel.keep ?? 0;
    if (keep > 0) {
      const list = (this.kept.get(channel.name) ?? []).filter((r) => r.key !== result.key);
      list.push(result);
      this.kept.set(channel.name, list.slice(-keep));
    }
    this.notify();
  }

  /**
   * Renders the new state together with its quick results when they come within NOTIFY_WAIT_MS.
   * Rendering the state first, then the results a few milliseconds later, laid out and painted
   * the page twice per slider move, the first time only to mark the old results stale.
   */
  private notifySoon(): void {
    if (this.deferredNotify !== null) return;
    this.deferredNotify = setTimeout(() => this.notify(), NOTIFY_WAIT_MS);
  }

  private notify(): void {
    if (this.deferredNotify !== null) clearTimeout(this.deferredNotify);
    this.deferredNotify = null;
    const snap = this.snapshot();
    for (const listener of this.listeners) listener(snap);
  }
}
