import { describe, expect, it } from 'vitest';
import { importedChipDuplicate, importedModelDuplicate } from '../../src/app-state/import-duplicate';
import { apply, catalog, fresh } from './helpers';

const h200 = catalog.hardware.get('nvidia-h200-sxm')!;
const llama = catalog.models.get('llama-3.1-70b')!;

/** The same object with its keys in reverse order, as another tool might write the file. */
function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)])) as T;
  return value;
}

describe('an imported chip or model that repeats what the user has', () => {
  it('a catalog chip exported and imported back has the same figures, whatever its id, key order or evidence', () => {
    const copy = reordered({ ...structuredClone(h200), id: 'my-h200', efficiency: { ...h200.efficiency, evidence: { basis: 'claim' as const, rows: 0, from: null } } });
    expect(importedChipDuplicate(fresh(), catalog, copy)).toEqual({ kind: 'same-figures', name: h200.name });
  });

  it('a chip imported twice is found among the custom chips', () => {
    const custom = { ...structuredClone(h200), id: 'x', name: 'My H200', memory: { ...h200.memory, hbmCapacityBytes: 150e9 } };
    expect(importedChipDuplicate(fresh(), catalog, custom)).toBeNull();
    const once = apply(fresh(), { type: 'add-custom-chip', profile: custom });
    expect(importedChipDuplicate(once, catalog, custom)).toEqual({ kind: 'same-figures', name: 'My H200' });
  });

  it('the same name with other figures gets the next free number', () => {
    const other = { ...structuredClone(h200), id: 'y', memory: { ...h200.memory, hbmCapacityBytes: 150e9 } };
    expect(importedChipDuplicate(fresh(), catalog, other)).toEqual({ kind: 'same-name', name: h200.name, freeName: `${h200.name} (2)` });
    const second = apply(fresh(), { type: 'add-custom-chip', profile: { ...other, name: `${h200.name} (2)` } });
    const third = { ...other, memory: { ...other.memory, hbmCapacityBytes: 160e9 } };
    expect(importedChipDuplicate(second, catalog, third)).toMatchObject({ kind: 'same-name', freeName: `${h200.name} (3)` });
    // The file added as "(2)" imported again is that chip, not a third.
    expect(importedChipDuplicate(second, catalog, other)).toEqual({ kind: 'same-figures', name: `${h200.name} (2)` });
  });

  it('a numbered name stays within the shorter name limit (120 characters)', () => {
    const long = { ...structuredClone(llama), id: 'z', name: 'M'.repeat(120), numLayers: llama.numLayers + 1 };
    const taken = apply(fresh(), { type: 'add-custom-model', model: { ...long, numLayers: llama.numLayers + 2 } });
    const d = importedModelDuplicate(taken, catalog, long);
    expect(d?.kind).toBe('same-name');
    expect(d?.kind === 'same-name' ? d.freeName.length : 0).toBe(120);
    expect(d?.kind === 'same-name' ? d.freeName.endsWith(' (2)') : false).toBe(true);
  });

  it('a model with the same architecture as a catalog model is a repeat', () => {
    expect(importedModelDuplicate(fresh(), catalog, { ...structuredClone(llama), id: 'copy' })).toEqual({ kind: 'same-figures', name: llama.name });
  });
});
