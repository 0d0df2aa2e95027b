import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedScenario, SimulationResult } from '../../src/engine/types';
import { tinyScenario } from '../fixtures/tiny';
import { ComputePool, type Job } from '../../src/worker-client';

/** A comlink endpoint over a MessageChannel standing in for a Worker; its api echoes after a delay. */
function fakeWorker(log: string[], ends: string[] = []): Worker {
  const { port1, port2 } = new MessageChannel();
  expose({
    async simulate(s: { id: string; delay: number }) {
      log.push(`start ${s.id}`);
      await new Promise((r) => setTimeout(r, s.delay));
      ends.push(s.id);
      if (s.id === 'boom') throw new Error('engine failed');
      return `result ${s.id}`;
    },
  }, port2);
  const w = port1 as unknown as Worker & { terminate(): void };
  w.terminate = () => { port1.close(); port2.close(); };
  return w;
}

function job(id: string, delay = 5): Job {
  return { method: 'simulate', args: [{ id, delay } as unknown as ResolvedScenario] };
}

/** Resolves once `done()` holds, checking after each macrotask. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 0));
}

let pools: ComputePool[] = [];
function pool(size: number, log: string[]): ComputePool {
  const p = new ComputePool(() => fakeWorker(log), size);
  pools.push(p);
  return p;
}
afterEach(() => { for (const p of pools) p.dispose(); pools = []; });

describe('ComputePool', () => {
  it('returns results in job order and reports progress', async () => {
    const p = pool(2, []);
    const progress: number[] = [];
    const out = await p.run<string>('c', [job('a', 20), job('b', 1), job('c', 5)], (x) => progress.push(x.done));
    expect(out).toEqual({ stale: false, results: ['result a', 'result b', 'result c'] });
    expect(progress).toEqual([1, 2, 3]);
    expect(p.fallback).toBe(false);
  });

  it('latest request wins: the older one resolves stale and its queued jobs never start', async () => {
    const log: string[] = [];
    const p = pool(1, log);
    // old2 is already handed to the busy worker (see the priorities below); old3 is still queued.
    const first = p.run<string>('lab', [job('old1', 20), job('old2'), job('old3')]);
    const second = p.run<string>('lab', [job('new')]);
    expect(await first).toEqual({ stale: true });
    expect(await second).toEqual({ stale: false, results: ['result new'] });
    expect(log).toEqual(['start old1', 'start old2', 'start new']);
  });

  it('channels are independent', async () => {
    const p = pool(2, []);
    const [a, b] = await Promise.all([p.run<string>('x', [job('1')]), p.run<string>('y', [job('2')])]);
    expect(a).toEqual({ stale: false, results: ['result 1'] });
    expect(b).toEqual({ stale: false, results: ['result 2'] });
  });

  it('never uses more than 4 workers', () => {
    let made = 0;
    const p = new ComputePool(() => { made += 1; return fakeWorker([]); }, 64);
    pools.push(p);
    expect(made).toBe(4);
    expect(p.size).toBe(4);
  });

  it('passes engine errors through to the caller', async () => {
    const p = pool(1, []);
    await expect(p.run('c', [job('boom')])).rejects.toThrow('engine failed');
    expect(await p.run<string>('c', [job('ok')])).toEqual({ stale: false, results: ['result ok'] });
  });

  it('falls back to the main thread when workers cannot be constructed', async () => {
    const p = new ComputePool(() => { throw new Error('no workers here'); }, 2);
    pools.push(p);
    expect(p.fallback).toBe(true);
    expect(p.size).toBe(1);
    const empty = await p.run('c', []);
    expect(empty).toEqual({ stale: false, results: [] });
    const out = await p.run<SimulationResult>('c', [{ method: 'simulate', args: [tinyScenario()] }]);
    expect(!out.stale && out.results[0]?.hardwareId).toBe('tiny-chip');
  });
});

describe('ComputePool priorities', () => {
  it('starts queued interactive jobs before background ones', async () => {
    const log: string[] = [];
    const p = pool(1, log);
    const busy = p.run<string>('busy', [job('busy', 20)]);
    const background = p.run<string>('bg', [job('bg1'), job('bg2')], undefined, 2);
    const interactive = p.run<string>('lab', [job('lab')], undefined, 0);
    await Promise.all([busy, background, interactive]);
    expect(log).toEqual(['start busy', 'start lab', 'start bg1', 'start bg2']);
  });

  it('a busy worker is also handed the next interactive job, never a background one', async () => {
    const log: string[] = [];
    const ends: string[] = [];
    const p = new ComputePool(() => fakeWorker(log, ends), 1);
    pools.push(p);
    const background = p.run<string>('bg', [job('bg1', 200), job('bg2'), job('bg3')], undefined, 2);
    await until(() => log.length === 1);
    // bg1 runs; bg2 and bg3 wait on the page's side, so an interactive job can still go first.
    const interactive = p.run<string>('lab', [job('lab1', 30), job('lab2'), job('lab3')], undefined, 0);
    // Handed over while bg1 runs (the fake worker starts it at once; a real one when bg1 ends).
    await until(() => log.length === 2);
    expect(log).toEqual(['start bg1', 'start lab1']);
    expect(ends).toEqual([]);
    await Promise.all([background, interactive]);
    expect(log).toEqual(['start bg1', 'start lab1', 'start lab2', 'start lab3', 'start bg2', 'start bg3']);
  });
});
