// Runs engine jobs off the main thread: a pool of at most min(cores, 4) comlink workers fed from
// one queue. Each request belongs to a channel ("compare", "lab", ...): a new request on a channel
// supersedes the old one, whose queued jobs are dropped and whose late results are ignored (latest
// wins; a job already handed to a worker still runs). Without Worker support the same API runs on
// the main thread, one job per macrotask.

import { wrap, type Remote } from 'comlink';
import type { WorkerApi, WorkerMethod } from './worker-api';

export const MAX_WORKERS = 4;

export type Job = { [K in WorkerMethod]: { method: K; args: Parameters<WorkerApi[K]> } }[WorkerMethod];
export type JobResult<J extends Job> = ReturnType<WorkerApi[J['method']]>;

export type RunOutcome<T> = { stale: false; results: T[] } | { stale: true };

export interface Progress {
  channel: string;
  done: number;
  total: number;
  startedAt: number;
}

interface Run {
  channel: string;
  id: number;
  /** Lower runs first: interactive results jump ahead of background sweeps. */
  priority: number;
  results: unknown[];
  remaining: number;
  total: number;
  startedAt: number;
  resolve(outcome: RunOutcome<unknown>): void;
  reject(error: unknown): void;
  onProgress: ((p: Progress) => void) | undefined;
}

interface QueuedJob {
  run: Run;
  index: number;
  job: Job;
}

type Executor = (job: Job) => Promise<unknown>;

function callRemote(remote: Remote<WorkerApi>, job: Job): Promise<unknown> {
  const fn = remote[job.method] as unknown as (...args: unknown[]) => Promise<unknown>;
  return fn(...(job.args as unknown[]));
}

/** Runs jobs on the main thread, one per macrotask, loading the engine on first use. */
function mainThreadExecutor(): Executor {
  let api: Promise<WorkerApi> | null = null;
  return async (job) => {
    api ??= import('./worker-api').then((m) => m.workerApi);
    const a = await api;
    await new Promise((r) => setTimeout(r, 0));
    const fn = a[job.method] as unknown as (...args: unknown[]) => unknown;
    return fn(...(job.args as unknown[]));
  };
}

function createWorkers(size: number, makeWorker: (() => Worker) | null): Worker[] {
  const workers: Worker[] = [];
  if (makeWorker === null) return workers;
  try {
    for (let i = 0; i < size; i++) workers.push(makeWorker());
  } catch {
    for (const w of workers) w.terminate();
    workers.length = 0;
  }
  return workers;
}

export class ComputePool {
  readonly size: number;
  private readonly executors: Executor[];
  private readonly workers: Worker[];
  private readonly idle: number[];
  private readonly inFlight = new Map<number, QueuedJob[]>();
  private queue: QueuedJob[] = [];
  private readonly latest = new Map<string, Run>();
  private nextId = 1;
  private usingFallback: boolean;

  constructor(makeWorker: (() => Worker) | null, size: number) {
    this.workers = createWorkers(Math.max(1, Math.min(MAX_WORKERS, size)), makeWorker);
    this.usingFallback = this.workers.length === 0;
    this.executors = this.usingFallback ? [mainThreadExecutor()] : this.workers.map((w, slot) => {
      // A worker that fails to load (blocked script, old browser) hands its slot to the main thread.
      w.addEventListener('error', (event) => {
        event.preventDefault();
        this.replaceWithMainThread(slot);
      });
      const remote = wrap<WorkerApi>(w);
      return (job: Job) => callRemote(remote, job);
    });
    this.size = this.executors.length;
    this.idle = this.executors.map((_, i) => i);
  }

  /** True when jobs run on the main thread (no workers, or they failed to start). */
  get fallback(): boolean {
    return this.usingFallback;
  }

  /**
   * Runs jobs on a channel; resolves with results in job order, or { stale: true } if superseded.
   * Queued jobs of lower `priority` values start first (FIFO within a priority).
   */
  run<T>(channel: string, jobs: Job[], onProgress?: (p: Progress) => void, priority = 0): Promise<RunOutcome<T>> {
    const previous = this.latest.get(channel);
    if (previous !== undefined) this.supersede(previous);
    return new Promise<RunOutcome<T>>((resolve, reject) => {
      if (jobs.length === 0) {
        resolve({ stale: false, results: [] });
        return;
      }
      const run: Run = {
        channel, id: this.nextId++, priority, results: new Array(jobs.length), remaining: jobs.length, total: jobs.length,
        startedAt: performance.now(), resolve: resolve as (o: RunOutcome<unknown>) => void, reject, onProgress,
      };
      this.latest.set(channel, run);
      jobs.forEach((job, index) => this.queue.push({ run, index, job }));
      // Stable sort: FIFO within a priority.
      this.queue.sort((a, b) => a.run.priority - b.run.priority);
      this.pump();
    });
  }

  /** Drops a channel's pending work (e.g. a view was closed). */
  cancel(channel: string): void {
    const run = this.latest.get(channel);
    if (run !== undefined) this.supersede(run);
  }

  isBusy(channel: string): boolean {
    return this.latest.has(channel);
  }

  dispose(): void {
    for (const run of [...this.latest.values()]) this.supersede(run);
    for (const w of this.workers) w.terminate();
  }

  private drop(run: Run): void {
    this.queue = this.queue.filter((q) => q.run !== run);
    if (this.latest.get(run.channel) === run) this.latest.delete(run.channel);
  }

  private supersede(run: Run): void {
    this.drop(run);
    run.resolve({ stale: true });
  }

  private replaceWithMainThread(slot: number): void {
    const worker = this.workers[slot];
    worker?.terminate();
    this.executors[slot] = mainThreadExecutor();
    this.usingFallback = true;
    const lost = this.inFlight.get(slot) ?? [];
    this.inFlight.delete(slot);
    this.queue.unshift(...lost.filter((item) => this.latest.get(item.run.channel) === item.run));
    if (!this.idle.includes(slot)) this.idle.push(slot);
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const slot = this.idle.shift()!;
      const item = this.queue.shift()!;
      this.execute(slot, item);
    }
    // Every slot busy: each worker also gets the next interactive job, so it starts that job the
    // moment it finishes the current one instead of waiting for the page's thread to hand it over.
    for (const [slot, items] of this.inFlight) {
      if (items.length !== 1 || this.queue[0]?.run.priority !== 0) continue;
      this.execute(slot, this.queue.shift()!);
    }
  }

  private execute(slot: number, item: QueuedJob): void {
    const { run } = item;
    const executor = this.executors[slot]!;
    this.inFlight.set(slot, [...(this.inFlight.get(slot) ?? []), item]);
    executor(item.job).then(
      (value) => {
        if (this.latest.get(run.channel) !== run) return;
        run.results[item.index] = value;
        run.remaining -= 1;
        run.onProgress?.({ channel: run.channel, done: run.total - run.remaining, total: run.total, startedAt: run.startedAt });
        if (run.remaining === 0) {
          this.latest.delete(run.channel);
          run.resolve({ stale: false, results: run.results });
        }
      },
      (error: unknown) => {
        if (this.latest.get(run.channel) !== run) return;
        this.drop(run);
        run.reject(error);
      },
    ).finally(() => {
      // A slot replaced while this job ran has already been handed back.
      const items = this.inFlight.get(slot);
      if (items === undefined || !items.includes(item) || this.executors[slot] !== executor) return;
      const rest = items.filter((i) => i !== item);
      if (rest.length > 0) this.inFlight.set(slot, rest);
      else {
        this.inFlight.delete(slot);
        this.idle.push(slot);
      }
      this.pump();
    });
  }
}

/** The app's pool: module workers built by Vite; falls back to the main thread if they fail. */
export function createComputePool(): ComputePool {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  const make = typeof Worker === 'undefined'
    ? null
    : () => new Worker(new URL('../workers/simulate.worker.ts', import.meta.url), { type: 'module', name: 'simulate' });
  return new ComputePool(make, Math.min(MAX_WORKERS, cores));
}
