import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoredCustom, readStoredCustom, serializeStoredCustom, writeStoredCustom, STORAGE_KEY } from '../../src/url/stored-custom';
import { apply, catalog, fresh } from '../app-state/helpers';

function memoryStorage(): Storage {
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

describe('custom chips and models saved in the browser', () => {
  const state = apply(fresh(), { type: 'lab-set', param: 'tdp', value: 900 }, { type: 'lab-save' },
    { type: 'add-custom-model', model: { ...structuredClone(catalog.models.get('llama-3.1-8b')!), id: 'mine', name: 'Mine' } });

  it('round-trip through storage', () => {
    const storage = memoryStorage();
    expect(writeStoredCustom(storage, state)).toBe(true);
    expect(readStoredCustom(storage)).toEqual({ stored: { chips: state.customChips, models: state.customModels }, skipped: 0 });
  });

  it('skip unreadable entries and keep the rest', () => {
    const text = serializeStoredCustom(state).replace('"chips":[', '"chips":[{"id":"broken"},');
    const r = parseStoredCustom(text);
    expect(r.stored.chips).toEqual(state.customChips);
    expect(r.skipped).toBe(1);
  });

  it('never throw on arbitrary stored text, and survive storage that throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const r = parseStoredCustom(text);
      expect(Array.isArray(r.stored.chips) && Array.isArray(r.stored.models)).toBe(true);
    }), { numRuns: 300 });
    const hostile = { ...memoryStorage(), getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } } as Storage;
    expect(readStoredCustom(hostile).stored.chips).toEqual([]);
    expect(writeStoredCustom(hostile, state)).toBe(false);
    expect(readStoredCustom(null).skipped).toBe(0);
    expect(STORAGE_KEY).toBe('tokencost.custom');
  });
});
