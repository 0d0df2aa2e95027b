// Serving options: edits of the settings, refused when they make no sense, carried by links.

import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/app-state/app-state';
import { decodeLink, encodeLink } from '../../src/url/link';
import { compareRequest } from '../../src/app-state/requests';
import { apply, catalog, fresh } from './helpers';
import { draftCandidates } from '../../src/app-state/serving';

const views = new Set(['compare', 'model-size', 'chip-lab', 'accuracy']);

async function roundTrip(state: AppState): Promise<AppState> {
  const d = await decodeLink(await encodeLink(state, catalog), catalog, undefined, { views });
  expect(d.messages).toEqual([]);
  return d.state;
}

describe('serving options', () => {
  it('speculative decoding: MTP, a draft model (the usual small one by default), tokens and acceptance, off', () => {
    let s = apply(fresh(), { type: 'set-speculative', method: 'mtp' });
    expect(s.settings.speculative).toEqual({ method: 'mtp', draftTokens: 3, acceptanceRate: 0.7 });
    s = apply(s, { type: 'set-setting', field: 'draftTokens', value: 5 }, { type: 'set-setting', field: 'acceptanceRate', value: 0.8 });
    s = apply(s, { type: 'set-speculative', method: 'draft-model' });
    expect(s.settings.speculative).toEqual({ method: 'draft-model', draftModel: 'llama-3.2-1b', draftTokens: 5, acceptanceRate: 0.8 });
    s = apply(s, { type: 'set-speculative', method: 'draft-model', draftModel: 'llama-3.1-8b' });
    expect(s.settings.speculative).toMatchObject({ draftModel: 'llama-3.1-8b' });
    expect(apply(s, { type: 'set-speculative', method: 'draft-model', draftModel: 'no-such-model' })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'draftTokens', value: 0 })).toBe(s);
    expect(apply(s, { type: 'set-setting', field: 'acceptanceRate', value: 1 })).toBe(s);
    expect(apply(s, { type: 'set-speculative', method: 'none' }).settings.speculative).toBeNull();
    // Without speculation the draft fields change nothing.
    const off = fresh();
    expect(apply(off, { type: 'set-setting', field: 'draftTokens', value: 4 })).toBe(off);
  });

  it('offers as drafts the smaller dense models of the target\'s vocabulary, and picks one by default', () => {
    const models = [...catalog.models.values()];
    const ids = (target: string) => draftCandidates(models, catalog.models.get(target)).map((m) => m.id);
    const forLlama = ids('llama-3.1-70b');
    expect(forLlama).toContain('llama-3.2-1b');
    expect(forLlama).toContain('llama-3.1-8b');
    expect(forLlama).not.toContain('llama-3.1-70b');
    expect(forLlama).not.toContain('llama-3.1-405b');
    expect(forLlama.every((id) => catalog.models.get(id)!.vocabSize === catalog.models.get('llama-3.1-70b')!.vocabSize)).toBe(true);
    const forQwen = ids('qwen3-32b');
    expect(forQwen).toContain('qwen3-8b');
    expect(forQwen).not.toContain('llama-3.2-1b');
    // A Qwen target gets a Qwen draft by default, not the Llama one.
    let s = apply(fresh(), { type: 'set-model', model: 'qwen3-32b' }, { type: 'set-speculative', method: 'draft-model' });
    expect(s.settings.speculative).toMatchObject({ draftModel: forQwen[0] });
    s = apply(fresh(), { type: 'set-speculative', method: 'draft-model' });
    expect(s.settings.speculative).toMatchObject({ draftModel: 'llama-3.2-1b' });
  });

  it('disaggregated serving, Poisson arrivals, min-latency and a fixed batch', () => {
    let s = apply(fresh(), { type: 'set-serving', serving: 'disaggregated' }, { type: 'set-arrivals', arrivals: 'poisson' }, { type: 'set-objective', objective: 'min-latency' });
    expect(s.settings).toMatchObject({ serving: 'disaggregated', workload: { arrivals: 'poisson' }, objective: 'min-latency' });
    s = apply(s, { type: 'set-objective', objective: 'fixed-batch' });
    expect(s.settings.objective).toEqual({ batch: 64 });
    s = apply(s, { type: 'set-setting', field: 'fixedBatch', value: 16 });
    expect(s.settings.objective).toEqual({ batch: 16 });
    expect(apply(s, { type: 'set-setting', field: 'fixedBatch', value: 0 })).toBe(s);
    expect(apply(s, { type: 'set-serving', serving: 'sideways' as 'co-located' })).toBe(s);
    expect(apply(s, { type: 'set-objective', objective: 'max-throughput' }).settings.objective).toBe('max-throughput');
  });

  it('reach the engine: every compared scenario carries them', () => {
    const s = apply(fresh(), { type: 'set-speculative', method: 'mtp' }, { type: 'set-serving', serving: 'disaggregated' }, { type: 'set-arrivals', arrivals: 'poisson' });
    const r = compareRequest(s, catalog);
    expect(r.problems).toEqual([]);
    for (const sc of r.scenarios) expect(sc).toMatchObject({ serving: 'disaggregated', workload: { arrivals: 'poisson' }, speculative: { method: 'mtp' } });
  });

  it('a custom draft model reaches the engine inline', () => {
    const model = { ...structuredClone(catalog.models.get('llama-3.2-1b')!), id: 'my-draft', name: 'My draft' };
    const s = apply(fresh(), { type: 'add-custom-model', model }, { type: 'set-model', model: 'llama-3.1-70b' }, { type: 'set-speculative', method: 'draft-model', draftModel: 'my-draft' });
    const r = compareRequest(s, catalog);
    expect(r.problems).toEqual([]);
    expect(r.scenarios[0]!.speculative).toMatchObject({ method: 'draft-model', draftModel: { id: 'my-draft' } });
    // Removing the model turns speculation off rather than leaving a dangling id.
    expect(apply(s, { type: 'remove-custom-model', id: 'my-draft' }).settings.speculative).toBeNull();
  });

  it.each([
    ['MTP', [{ type: 'set-speculative', method: 'mtp' }, { type: 'set-setting', field: 'acceptanceRate', value: 0.55 }]],
    ['draft model', [{ type: 'set-speculative', method: 'draft-model', draftModel: 'llama-3.1-8b' }, { type: 'set-setting', field: 'draftTokens', value: 6 }]],
    ['custom draft model', [{ type: 'add-custom-model', model: { ...structuredClone(catalog.models.get('llama-3.2-1b')!), id: 'my-draft', name: 'My draft' } },
      { type: 'set-model', model: 'llama-3.1-70b' }, { type: 'set-speculative', method: 'draft-model', draftModel: 'my-draft' }]],
    ['disaggregated + Poisson', [{ type: 'set-serving', serving: 'disaggregated' }, { type: 'set-arrivals', arrivals: 'poisson' }]],
    ['min latency', [{ type: 'set-objective', objective: 'min-latency' }]],
    ['fixed batch', [{ type: 'set-objective', objective: 'fixed-batch' }, { type: 'set-setting', field: 'fixedBatch', value: 24 }]],
  ] as const)('a link carries them: %s', async (_name, actions) => {
    const s = apply(fresh(), ...(actions as unknown as Parameters<typeof apply>[1][]));
    expect(s).not.toEqual(fresh());
    expect(await roundTrip(s)).toEqual(s);
  });
});
