import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM } from '../../src/app-state/update';
import type { HardwareProfile } from '../../src/engine/types';
import { decodeLink, encodeLink } from '../../src/url/link';
import { BACKUP_KEY, STORAGE_KEY, nextStoredText, parseStoredCustom, readStoredCustom, writeStoredCustom } from '../../src/url/stored-custom';
import { removedBy, savedAndLoaded } from '../../src/app/url-sync';
import { apply, catalog, fresh } from '../app-state/helpers';

export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() { return map.size; },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => { map.delete(k); },
    setItem: (k, v) => { map.set(k, v); },
  };
}

/** A custom chip: the H100 under another id and name (and a distinct TDP, so contents differ). */
function chip(id: string, name: string, tdp = 700): HardwareProfile {
  const h100 = structuredClone(catalog.hardware.get('nvidia-h100-sxm')!);
  return { ...h100, id, name, power: { ...h100.power, tdpWatts: tdp } };
}

const views = new Set(['compare', 'model-size', 'chip-lab', 'accuracy']);

describe('custom chips and models saved in the browser', () => {
  const state = apply(fresh(), { type: 'lab-set', param: 'tdp', value: 900 }, { type: 'lab-save' },
    { type: 'add-custom-model', model: { ...structuredClone(catalog.models.get('llama-3.1-8b')!), id: 'mine', name: 'Mine' } });

  it('round-trip through storage', () => {
    const storage = memoryStorage();
    expect(writeStoredCustom(storage, state)).toBe(true);
    expect(readStoredCustom(storage)).toEqual({ stored: { chips: state.customChips, models: state.customModels }, skipped: 0 });
  });

  it('skip unreadable entries on reading and keep them on writing', () => {
    const text = nextStoredText(null, state).replace('"chips":[', '"chips":[{"id":"broken"},');
    const r = parseStoredCustom(text);
    expect(r.stored.chips).toEqual(state.customChips);
    expect(r.skipped).toBe(1);
    const again = nextStoredText(text, apply(state, { type: 'add-custom-chip', profile: chip('another', 'Another') }));
    expect(again).toContain('{"id":"broken"}');
    expect(parseStoredCustom(again).stored.chips.map((c) => c.id)).toEqual(['nvidia-h200-sxm-lab-2', 'another']);
  });

  it('stored text that cannot be read at all is set aside before it is replaced', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{"chips": [truncated');
    expect(writeStoredCustom(storage, state)).toBe(true);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"chips": [truncated');
    expect(readStoredCustom(storage).stored.chips).toEqual(state.customChips);
  });

  it('never throw on arbitrary stored text, and survive storage that throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const r = parseStoredCustom(text);
      expect(Array.isArray(r.stored.chips) && Array.isArray(r.stored.models)).toBe(true);
      expect(() => nextStoredText(text, state)).not.toThrow();
    }), { numRuns: 300 });
    const hostile = { ...memoryStorage(), getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } } as Storage;
    expect(readStoredCustom(hostile).stored.chips).toEqual([]);
    expect(writeStoredCustom(hostile, state)).toBe(false);
    expect(readStoredCustom(null).skipped).toBe(0);
    expect(STORAGE_KEY).toBe('tokencost.custom');
  });

  it('the cap limits what is loaded, never what stays saved', () => {
    const many = Array.from({ length: 25 }, (_, i) => chip(`saved-${i}`, `Saved ${i}`));
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, chips: many, models: [] }));
    const read = readStoredCustom(storage);
    expect(read).toMatchObject({ skipped: 0 });
    expect(read.stored.chips).toHaveLength(25);
    // 20 are loaded; a change writes the 20 back without losing the other 5.
    const loaded = { ...fresh(), customChips: many.slice(0, MAX_CUSTOM) };
    writeStoredCustom(storage, apply(loaded, { type: 'remove-custom-chip', id: 'saved-3' }), removedBy({ type: 'remove-custom-chip', id: 'saved-3' }));
    expect(readStoredCustom(storage).stored.chips.map((c) => c.id)).toEqual(many.map((c) => c.id).filter((id) => id !== 'saved-3'));
  });
});

describe('issue 13 item 1: saved chips survive a link with 20 custom chips', () => {
  /** The user has saved 3 custom chips; someone's link carries 20 (all compared) and is opened. */
  async function threeSavedThenLinkOfTwenty() {
    const storage = memoryStorage();
    let mine = fresh();
    for (let i = 0; i < 3; i++) mine = apply(mine, { type: 'add-custom-chip', profile: chip(`mine-${i}`, `Mine ${i}`, 600 + i) });
    writeStoredCustom(storage, mine);
    let theirs = fresh();
    for (let i = 0; i < 20; i++) theirs = apply(theirs, { type: 'add-custom-chip', profile: chip(`theirs-${i}`, `Theirs ${i}`, 800 + i) });
    const opened = await decodeLink(await encodeLink(theirs, catalog), catalog, readStoredCustom(storage).stored, { views });
    return { storage, theirs, opened };
  }
  it('3 saved chips, a link with 20: yours first, the link\'s 3 over the cap named and swappable; remove one, reload: nothing lost', async () => {
    const { storage, opened } = await threeSavedThenLinkOfTwenty();
    const ids = opened.state.customChips.map((c) => c.id);
    expect(ids).toHaveLength(MAX_CUSTOM);
    expect(ids.slice(0, 3)).toEqual(['mine-0', 'mine-1', 'mine-2']);
    expect(opened.unloaded.chips.map((c) => c.name)).toEqual(['Theirs 17', 'Theirs 18', 'Theirs 19']);
    expect(opened.unloaded.picks.map((p) => p.id)).toEqual(['theirs-17', 'theirs-18', 'theirs-19']);
    const notice = opened.messages.find((m) => m.code === 'link.custom-not-loaded');
    expect(notice?.text).toContain('your own 3 saved in this browser come first');
    expect(notice?.text).toContain('Theirs 17, Theirs 18, Theirs 19');
    expect(opened.messages.map((m) => m.code)).not.toContain('link.unknown-pick');

    // Remove one of the link's chips; the change is saved.
    const removal = { type: 'remove-custom-chip', id: 'theirs-0' } as const;
    const after = apply(opened.state, removal);
    writeStoredCustom(storage, after, removedBy(removal));
    // Reload: every saved chip reads, the user's own are all there, nothing is "unreadable".
    const reread = readStoredCustom(storage);
    expect(reread.skipped).toBe(0);
    expect(reread.stored.chips.map((c) => c.id)).toEqual(expect.arrayContaining(['mine-0', 'mine-1', 'mine-2']));
    const reloaded = await decodeLink(await encodeLink(after, catalog), catalog, reread.stored, { views });
    expect(reloaded.state.customChips.map((c) => c.id)).toEqual(after.customChips.map((c) => c.id));
    expect(reloaded.messages).toEqual([]);
    // The next change does not delete them either.
    const next = apply(reloaded.state, { type: 'toggle-chip', id: 'groq-lpu', on: false }, { type: 'add-custom-chip', profile: chip('new', 'New') });
    writeStoredCustom(storage, next);
    expect(readStoredCustom(storage).stored.chips.map((c) => c.id)).toEqual(expect.arrayContaining(['mine-0', 'mine-1', 'mine-2']));
  });

  it('"Swap them in" loads the link\'s chips in place of yours, which stay saved and can be loaded back', async () => {
    const { storage, theirs, opened } = await threeSavedThenLinkOfTwenty();
    const swap = { type: 'swap-in-custom', incoming: opened.unloaded } as const;
    const swapped = apply(opened.state, swap);
    expect(swapped.customChips.map((c) => c.id).sort()).toEqual(theirs.customChips.map((c) => c.id).sort());
    expect(swapped.compare.picks.map((p) => p.id)).toEqual(expect.arrayContaining(['theirs-17', 'theirs-18', 'theirs-19']));
    writeStoredCustom(storage, swapped, removedBy(swap));
    const saved = readStoredCustom(storage).stored.chips.map((c) => c.id);
    expect(saved).toEqual(expect.arrayContaining(['mine-0', 'mine-1', 'mine-2', 'theirs-19']));
    // One of mine back: it is loaded, another chip steps out (and stays saved).
    const back = apply(swapped, { type: 'swap-in-custom', incoming: { chips: [chip('mine-1', 'Mine 1', 601)], models: [], picks: [{ id: 'mine-1', chips: 8 }] } });
    expect(back.customChips).toHaveLength(MAX_CUSTOM);
    expect(back.customChips.map((c) => c.id)).toContain('mine-1');
    expect(back.compare.picks.map((p) => p.id)).toContain('mine-1');
    // Back/Forward decode with the library and what is loaded: the link's view comes back.
    const library = savedAndLoaded(storage, swapped);
    const previous = await decodeLink(await encodeLink(opened.state, catalog), catalog, library, { views });
    expect(previous.state.customChips.map((c) => c.id)).toEqual(opened.state.customChips.map((c) => c.id));
  });

  it('a link chip whose id a different saved chip uses is loaded under a free id, and the link\'s references follow it', async () => {
    const saved = chip('shared-id', 'My chip', 650);
    const theirs = apply(fresh(), { type: 'add-custom-chip', profile: chip('shared-id', 'Their chip', 950) },
      { type: 'set-rank-by', key: 'tokensPerSecondPerUser' }, { type: 'lab-set-target', id: 'shared-id' },
      { type: 'open-explain', hardwareId: 'shared-id', key: 'tpotSeconds' });
    const d = await decodeLink(await encodeLink(theirs, catalog), catalog, { chips: [saved], models: [] }, { views });
    expect(d.state.customChips.map((c) => [c.id, c.name])).toEqual([['shared-id', 'My chip'], ['shared-id-2', 'Their chip']]);
    expect(d.state.compare.picks.map((p) => p.id)).toContain('shared-id-2');
    expect(d.state.compare.picks.map((p) => p.id)).not.toContain('shared-id');
    expect(d.state.lab.breakEvenTargetId).toBe('shared-id-2');
    expect(d.state.explain?.hardwareId).toBe('shared-id-2');
    expect(d.messages).toEqual([]);
  });
});
