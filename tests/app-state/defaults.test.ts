import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_CHIPS, defaultAppState, defaultChipCount, defaultPicks } from '../../src/app-state/defaults';
import type { Catalog } from '../../src/catalog/catalog';
import { catalog, fresh } from './helpers';

describe('defaultAppState', () => {
  it('is the rich landing comparison of issue 5', () => {
    const s = fresh();
    expect(s.view).toBe('compare');
    expect(s.settings.model).toBe('llama-3.1-70b');
    expect(s.settings.precision).toEqual({ weights: 'fp8', activations: 'fp8', kvCache: 'fp8' });
    expect(s.settings.workload.inputTokens).toBe(2048);
    expect(s.settings.workload.outputTokens).toBe(512);
    expect(s.settings.slo).toEqual({ maxTtftSeconds: 2, maxTpotSeconds: 0.05 });
    const present = DEFAULT_COMPARE_CHIPS.filter((id) => catalog.hardware.has(id));
    expect(s.compare.picks.map((p) => p.id)).toEqual(present.length >= 3 ? present : expect.any(Array));
  });

  it('is plain JSON (survives a round trip unchanged)', () => {
    const s = fresh();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('gives SRAM-only systems "auto" chips and others a server', () => {
    for (const p of catalog.hardware.values()) {
      const n = defaultChipCount(p);
      if (p.memory.hbmCapacityBytes === 0) expect(n).toBe('auto');
      else expect(n).toBe(Math.min(256, p.packaging.chipsPerServer));
    }
  });

  it('fills up the selection from the catalog when the default chips are missing', () => {
    const only = new Map([...catalog.hardware].filter(([id]) => !DEFAULT_COMPARE_CHIPS.includes(id)).slice(0, 5));
    const small: Catalog = { hardware: only, models: catalog.models };
    expect(defaultPicks(small).map((p) => p.id)).toEqual([...only.keys()]);
    const s = defaultAppState({ hardware: new Map(), models: catalog.models });
    expect(s.compare.picks).toEqual([]);
    expect(s.lab.baseId).toBeNull();
  });
});
