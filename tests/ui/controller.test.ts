import { describe, expect, it, vi } from 'vitest';
import { Controller, NOTIFY_WAIT_MS, type Snapshot } from '../../src/app/controller';
import { labResults, rankedCompare } from '../../src/app/selectors';
import { sweepChannel } from '../../src/app/channels';
import { defaultAppState } from '../../src/app-state/defaults';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { VIEW_IDS, viewDef } from '../../src/ui/views/registry';
import { ComputePool } from '../../src/worker-client';

const { catalog } = loadCatalogFromDisk();

function controller(): { c: Controller; next: (pred: (s: Snapshot) => boolean) => Promise<Snapshot> } {
  const state = defaultAppState(catalog);
  const small = { ...state, compare: { ...state.compare, picks: state.compare.picks.slice(0, 2) } };
  const c = new Controller(catalog, new ComputePool(null, 1), VIEW_IDS, (v) => viewDef(v)?.channels ?? [], small);
  const next = (pred: (s: Snapshot) => boolean) => new Promise<Snapshot>((resolve) => {
    const now = c.snapshot();
    if (pred(now)) { resolve(now); return; }
    const off = c.subscribe((s) => { if (pred(s)) { off(); resolve(s); } });
  });
  return { c, next };
}

describe('Controller (main-thread pool)', () => {
  it('computes the landing comparison and recomputes only when its inputs change', async () => {
    const { c, next } = controller();
    c.schedule();
    const first = await next((s) => s.results.has('compare'));
    const ranked = rankedCompare(first)!;
    expect(ranked).toHaveLength(2);
    const key = first.results.get('compare')!.key;
    c.dispatch({ type: 'set-rank-by', key: 'tokensPerSecondPerUser' });
    expect(c.snapshot().results.get('compare')!.key).toBe(key);
    // Not rerun (the debounced overlay channel may be running by now: only 'compare' matters).
    expect(c.snapshot().pending.has('compare')).toBe(false);
    c.dispatch({ type: 'set-setting', field: 'outputTokens', value: 128 });
    const second = await next((s) => s.results.get('compare')?.key !== key && s.results.has('compare'));
    expect(second.results.get('compare')!.key).not.toBe(key);
    // Let the debounced channels finish: the measured overlay loads the calibration data with a dynamic
    // import, and an import still pending when the file ends fails the run (EnvironmentTeardownError).
    await next((s) => s.pending.size === 0);
  });

  it('runs the chip lab channels when the lab is opened; an edit updates the edited chip only', async () => {
    const { c, next } = controller();
    c.dispatch({ type: 'set-view', view: 'chip-lab' });
    const s = await next((x) => x.results.has('lab') && x.results.has('lab-ghost'));
    const before = labResults(s)!;
    expect(before.main?.result.hardwareId).toBe('nvidia-h200-sxm-lab');
    expect(before.ghost?.result.hardwareId).toBe('nvidia-h200-sxm');
    const ghostKey = s.results.get('lab-ghost')!.key;
    c.dispatch({ type: 'lab-set', param: 'hbmBandwidth', value: 9.6e12 });
    const after = await next((x) => x.results.get('lab')?.key !== s.results.get('lab')!.key);
    expect(labResults(after)!.main!.result.usdPerMillionOutputTokens!).toBeLessThan(before.main!.result.usdPerMillionOutputTokens!);
    expect(after.results.get('lab-ghost')!.key).toBe(ghostKey);
    const sens = await next((x) => x.results.has('sensitivity') && x.results.has('break-even'));
    expect(sens.results.get('sensitivity')!.value).toMatchObject({ feasible: true });
    await next((x) => x.pending.size === 0);
  });

  it("drops a debounced channel's running jobs as soon as its inputs change, and reruns it after the pause", () => {
    vi.useFakeTimers();
    try {
      const started: string[] = [];
      const cancelled: string[] = [];
      // A pool whose runs never finish: what matters is what the controller asks of it.
      const pool = {
        run: (channel: string) => { started.push(channel); return new Promise(() => {}); },
        cancel: (channel: string) => { cancelled.push(channel); },
        fallback: false,
      } as unknown as ComputePool;
      const c = new Controller(catalog, pool, VIEW_IDS, (v) => viewDef(v)?.channels ?? [], defaultAppState(catalog));
      c.dispatch({ type: 'set-view', view: 'chip-lab' });
      vi.advanceTimersByTime(1000);
      expect(started.filter((x) => x === 'sensitivity')).toHaveLength(1);
      c.dispatch({ type: 'lab-set', param: 'hbmBandwidth', value: 9.6e12 });
      expect(cancelled).toContain('sensitivity');
      expect(c.snapshot().pending.has('sensitivity')).toBe(true);
      vi.advanceTimersByTime(1000);
      expect(started.filter((x) => x === 'sensitivity')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders a slider move once, with its result, unless the result takes longer than NOTIFY_WAIT_MS', async () => {
    vi.useFakeTimers();
    try {
      // A pool whose runs the test answers by hand.
      const answers: ((results: unknown[]) => void)[] = [];
      const pool = {
        run: () => new Promise((resolve) => { answers.push((results) => resolve({ stale: false, results })); }),
        cancel: () => {},
        fallback: false,
      } as unknown as ComputePool;
      const channels = [{
        name: 'quick', debounceMs: 0, priority: 0,
        plan: (state: ReturnType<typeof defaultAppState>) => ({
          key: String(state.settings.workload.outputTokens), jobs: [{ method: 'simulate', args: [] }], problems: [],
          assemble: () => state.settings.workload.outputTokens,
        }),
      }] as unknown as import('../../src/app/channels').ChannelDef<unknown>[];
      const c = new Controller(catalog, pool, VIEW_IDS, () => channels, defaultAppState(catalog));
      const seen: { outputTokens: number; result: unknown }[] = [];
      c.subscribe((s) => seen.push({ outputTokens: s.state.settings.workload.outputTokens, result: s.results.get('quick')?.value }));
      c.schedule();
      answers.shift()!([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(seen.at(-1)).toEqual({ outputTokens: 512, result: 512 });
      seen.length = 0;

      // Answered in time: one render, new state and new result together.
      c.dispatch({ type: 'set-setting', field: 'outputTokens', value: 600 });
      expect(seen).toEqual([]);
      answers.shift()!([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([{ outputTokens: 600, result: 600 }]);
      await vi.advanceTimersByTimeAsync(NOTIFY_WAIT_MS);
      expect(seen).toHaveLength(1);

      // Too slow: the state is drawn at the deadline with the old result marked pending, then the result.
      seen.length = 0;
      c.dispatch({ type: 'set-setting', field: 'outputTokens', value: 700 });
      await vi.advanceTimersByTimeAsync(NOTIFY_WAIT_MS - 1);
      expect(seen).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(seen).toEqual([{ outputTokens: 700, result: 600 }]);
      expect(c.snapshot().pending.has('quick')).toBe(true);
      answers.shift()!([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(seen.at(-1)).toEqual({ outputTokens: 700, result: 700 });

      // A refused value changes nothing; a view change is drawn at once.
      seen.length = 0;
      c.dispatch({ type: 'set-view', view: 'chip-lab' });
      expect(seen.map((x) => x.outputTokens)).toEqual([700]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a kept result again at once when its inputs come back, and reruns a channel that keeps none', async () => {
    const runs: string[] = [];
    // A pool that answers each job at once with the mode it was asked for.
    const pool = {
      run: (channel: string, jobs: { args: unknown[] }[]) => {
        runs.push(`${channel}:${String(jobs[0]!.args[0])}`);
        return Promise.resolve({ stale: false, results: [`report ${String(jobs[0]!.args[0])}`] });
      },
      cancel: () => {},
      fallback: false,
    } as unknown as ComputePool;
    const channel = (name: string, keep?: number) => ({
      name, debounceMs: 0, priority: 0, keep,
      plan: (state: ReturnType<typeof defaultAppState>) => ({
        key: state.settings.efficiencyMode, jobs: [{ method: 'validate', args: [state.settings.efficiencyMode] }], problems: [],
        assemble: (results: unknown[]) => results[0],
      }),
    }) as unknown as import('../../src/app/channels').ChannelDef<unknown>;
    const channels = [channel('kept', 2), channel('plain')];
    const c = new Controller(catalog, pool, VIEW_IDS, () => channels, defaultAppState(catalog));
    const settled = () => new Promise((r) => setTimeout(r, 0));
    c.schedule();
    await settled();
    c.dispatch({ type: 'set-efficiency-mode', mode: 'spec' });
    await settled();
    c.dispatch({ type: 'set-efficiency-mode', mode: 'achieved' });
    // Kept: shown in the same turn, nothing run, nothing pending.
    expect(c.snapshot().results.get('kept')!.value).toBe('report achieved');
    expect(c.snapshot().pending.has('kept')).toBe(false);
    await settled();
    expect(runs.filter((r) => r.startsWith('kept:'))).toEqual(['kept:achieved', 'kept:spec']);
    expect(runs.filter((r) => r.startsWith('plain:'))).toEqual(['plain:achieved', 'plain:spec', 'plain:achieved']);
    expect(c.snapshot().results.get('plain')!.value).toBe('report achieved');
    // The model-size sweep is such a channel: its dense and MoE results both stay, so the toggle
    // between them shows the other at once (the MoE sweep takes half a minute on two cores).
    expect(sweepChannel.keep).toBeGreaterThanOrEqual(2);
  });
});
